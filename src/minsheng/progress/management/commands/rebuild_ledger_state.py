"""Recompute the ledger's current state from the reports and say what differed."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from minsheng.progress.ledger_store import rebuild


class Command(BaseCommand):
    help = (
        "Recompute every indicator's, allocation's and milestone's current state from the "
        "approved reports; list each subject whose stored state differed (none: all was right)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        differences = rebuild()
        for difference in differences:
            self.stdout.write(
                f"{difference.kind}:{difference.pk}\t{difference.stored}\t→\t{difference.computed}"
            )
        self.stdout.write(
            _("%(count)s subjects differed from their reports; the state is rebuilt.")
            % {"count": len(differences)}
        )
