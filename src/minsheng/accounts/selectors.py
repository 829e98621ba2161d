from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

from minsheng.core.i18n import bilingual


def find_user(username: str) -> Any:
    """The user a command acts as, or a clear error."""
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist as error:
        raise CommandError(bilingual(_("no user named %(name)s"), name=username)) from error
