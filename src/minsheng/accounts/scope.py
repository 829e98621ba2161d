"""管辖范围: the one scope rule. A user belongs to one jurisdiction of the tree
(province → city → district/county → street); what they may see and where they may act follow
from where that jurisdiction stands, for every role, in every view, API route, download, admin
page, command and job.

- **sees**: the user's own jurisdiction and everything below it. A province office reads its
  cities' plans; a city office reads its districts'.
- **governs**: the user's own jurisdiction only. An office changes its own plan (set-up,
  review, notices); it never acts on a parent's or a sibling's plan, and it reads, but does not
  run, a child's plan. The one act down the tree — a notice to a child's office (督办) — asks
  `sees` on the child, in the supervision app.
- A superuser (system administrator) sees and governs everything.
- Anyone without a jurisdiction sees nothing internal. A department reporter's jurisdiction is
  the department's when the account names none.

Department and district reporters keep their own narrower rules (projects their department
answers for, allocations of their district) in progress/permissions.py; those rules are asked
*in addition to* this one, never instead of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from minsheng.plans.models import Jurisdiction

ModelT = TypeVar("ModelT", bound=Model)

# Cached on the user object for the length of one request (a fresh user object is loaded each
# request, so nothing outlives it or is shared between servers).
_CACHE_ATTRIBUTE = "_minsheng_scope"


@dataclass(frozen=True)
class Scope:
    """The jurisdictions one user sees and the one they govern."""

    home_id: int | None
    visible_ids: frozenset[int]
    everything: bool = False

    def sees(self, jurisdiction_id: int | None) -> bool:
        if self.everything:
            return True
        return jurisdiction_id is not None and jurisdiction_id in self.visible_ids

    def governs(self, jurisdiction_id: int | None) -> bool:
        if self.everything:
            return True
        return jurisdiction_id is not None and jurisdiction_id == self.home_id

    def filter(self, queryset: QuerySet[ModelT], lookup: str = "jurisdiction") -> QuerySet[ModelT]:
        """Rows whose `lookup` (a path to a Jurisdiction, e.g. "plan__jurisdiction") is seen."""
        if self.everything:
            return queryset
        return queryset.filter(**{f"{lookup}__in": self.visible_ids})


NOTHING = Scope(home_id=None, visible_ids=frozenset())
EVERYTHING = Scope(home_id=None, visible_ids=frozenset(), everything=True)


def descendant_ids(root_ids: Iterable[int]) -> frozenset[int]:
    """The given jurisdictions and all below them: one query per level of the tree."""
    found: set[int] = set(root_ids)
    frontier = set(found)
    while frontier:
        children = set(
            Jurisdiction.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        frontier = children - found
        found |= frontier
    return frozenset(found)


def home_jurisdiction_id(user: Any) -> int | None:
    """The jurisdiction a user belongs to (a department reporter: the department's)."""
    if user.jurisdiction_id is not None:
        return int(user.jurisdiction_id)
    if user.department_id is not None:
        return int(user.department.jurisdiction_id)
    return None


def scope_of(user: Any) -> Scope:
    """The scope of a signed-in, active user; anyone else sees nothing."""
    if not (user.is_authenticated and user.is_active):
        return NOTHING
    if user.is_superuser:
        return EVERYTHING
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    home_id = home_jurisdiction_id(user)
    scope = (
        NOTHING
        if home_id is None
        else Scope(home_id=home_id, visible_ids=descendant_ids([home_id]))
    )
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def forget_scope(user: Any) -> None:
    """Drop the cached scope after a user's jurisdiction changes within the same request."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def sees(user: Any, jurisdiction_id: int | None) -> bool:
    """Whether the jurisdiction is the user's own or lies below it."""
    return scope_of(user).sees(jurisdiction_id)


def governs(user: Any, jurisdiction_id: int | None) -> bool:
    """Whether the user acts for this jurisdiction (it is their own)."""
    return scope_of(user).governs(jurisdiction_id)


def relation(user: Any, jurisdiction: Jurisdiction) -> str:
    """Where a jurisdiction stands from the user: own, child (any depth below), parent (any
    depth above), sibling (same parent) or other. For messages and the access matrix."""
    scope = scope_of(user)
    home_id = scope.home_id
    if home_id is None:
        return "other"
    if jurisdiction.pk == home_id:
        return "own"
    if jurisdiction.pk in scope.visible_ids:
        return "child"
    if home_id in descendant_ids([jurisdiction.pk]):
        return "parent"
    home = Jurisdiction.objects.only("parent_id").get(pk=home_id)
    if home.parent_id is not None and home.parent_id == jurisdiction.parent_id:
        return "sibling"
    return "other"
