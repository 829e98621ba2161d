"""The menu's entries of the public's part that depend on who is signed in."""

from typing import Any

from django import template

from minsheng.accounts.models import Role
from minsheng.participation.selectors import scoring_plans

register = template.Library()


@register.simple_tag
def expert_plans(user: Any) -> list[Any]:
    """The plans an expert scores candidates for (the menu links to each scoring page).

    Experts are people from outside the administration (no role, or a deputy); the office's
    and the reporters' pages skip the look-up, which every page would otherwise pay for.
    """
    if getattr(user, "role", "") not in ("", Role.OBSERVER):
        return []
    return scoring_plans(user)
