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


def users_in_scope(user: Any, *, search: str = "") -> Any:
    """The accounts an office manages: those of its jurisdiction and below, by name."""
    from django.db.models import Q

    from minsheng.accounts.models import User
    from minsheng.accounts.scope import scope_of

    seen = scope_of(user)
    accounts = User.objects.select_related("jurisdiction", "department").order_by(
        "-is_active", "role", "full_name", "username"
    )
    if not seen.everything:
        accounts = accounts.filter(
            Q(jurisdiction_id__in=seen.visible_ids)
            | Q(jurisdiction__isnull=True, department__jurisdiction_id__in=seen.visible_ids)
        ).exclude(is_superuser=True)
    if search:
        accounts = accounts.filter(
            Q(full_name__icontains=search)
            | Q(username__icontains=search)
            | Q(phone__icontains=search)
        )
    return accounts
