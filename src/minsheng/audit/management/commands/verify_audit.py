from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from minsheng.audit.selectors import chain_break
from minsheng.core.i18n import bilingual

REASONS = {
    "altered": _("its stored values do not match its digest (changed after it was written)"),
    "unlinked": _("it does not follow the record before it (a record was removed or moved)"),
    "truncated": _(
        "the newest records up to this one are gone (the chain ends before its recorded head)"
    ),
    "beyond_head": _(
        "this record and those after it are not counted by the chain head (written outside the application)"
    ),
}


class Command(BaseCommand):
    help = "Check the audit trail's hash chain; exit 1 naming the first broken record."

    def handle(self, *args: object, **options: object) -> None:
        checked, broken = chain_break()
        if broken is not None:
            raise CommandError(
                bilingual(
                    _("audit trail broken at record %(id)s: %(reason)s"),
                    id=broken.record_id,
                    reason=REASONS[broken.reason],
                )
            )
        self.stdout.write(bilingual(_("audit trail intact: %(count)s records"), count=checked))
