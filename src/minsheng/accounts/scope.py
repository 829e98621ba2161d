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
    # The jurisdictions above the user's own, nearest first: a reporter answers to their plans.
    above_ids: tuple[int, ...] = ()

    def sees(self, jurisdiction_id: int | None) -> bool:
        if self.everything:
            return True
        return jurisdiction_id is not None and jurisdiction_id in self.visible_ids

    def governs(self, jurisdiction_id: int | None) -> bool:
        if self.everything:
            return True
        return jurisdiction_id is not None and jurisdiction_id == self.home_id

    def answers_to(self, jurisdiction_id: int | None) -> bool:
        """Whether the jurisdiction is the user's own or one above it (a reporter of a district
        department answers to its city's plan)."""
        if self.everything:
            return True
        return jurisdiction_id is not None and (
            jurisdiction_id == self.home_id or jurisdiction_id in self.above_ids
        )

    def filter(self, queryset: QuerySet[ModelT], lookup: str = "jurisdiction") -> QuerySet[ModelT]:
        """Rows whose `lookup` (a path to a Jurisdiction, e.g. "plan__jurisdiction") is seen."""
        if self.everything:
            return queryset
        return queryset.filter(**{f"{lookup}__in": self.visible_ids})

    def governed(
        self, queryset: QuerySet[ModelT], lookup: str = "jurisdiction"
    ) -> QuerySet[ModelT]:
        """Rows whose `lookup` is the user's own jurisdiction: where the user acts."""
        if self.everything:
            return queryset
        if self.home_id is None:
            return queryset.none()
        return queryset.filter(**{lookup: self.home_id})


NOTHING = Scope(home_id=None, visible_ids=frozenset())
EVERYTHING = Scope(home_id=None, visible_ids=frozenset(), everything=True)


def _tree() -> dict[int, int | None]:
    """Each jurisdiction's parent, in one query: the tree is small (a province has a few
    hundred cities, districts and streets), smaller than a query per level."""
    return dict(Jurisdiction.objects.values_list("pk", "parent_id"))


def descendant_ids(
    root_ids: Iterable[int], tree: dict[int, int | None] | None = None
) -> frozenset[int]:
    """The given jurisdictions and all below them."""
    parents = _tree() if tree is None else tree
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    found: set[int] = set(root_ids)
    frontier = list(found)
    while frontier:
        below = [c for p in frontier for c in children.get(p, ()) if c not in found]
        found.update(below)
        frontier = below
    return frozenset(found)


def ancestor_ids(jurisdiction_id: int, tree: dict[int, int | None] | None = None) -> list[int]:
    """The jurisdictions above one, nearest first (a district: its city, then its province)."""
    parents = _tree() if tree is None else tree
    found: list[int] = []
    current = parents.get(jurisdiction_id)
    while current is not None and current not in found:
        found.append(current)
        current = parents.get(current)
    return found


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
    scope = NOTHING if home_id is None else _scope_at(home_id)
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def _scope_at(home_id: int) -> Scope:
    tree = _tree()
    return Scope(
        home_id=home_id,
        visible_ids=descendant_ids([home_id], tree),
        above_ids=tuple(ancestor_ids(home_id, tree)),
    )


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


def answers_to(user: Any, jurisdiction_id: int | None) -> bool:
    """Whether the jurisdiction is the user's own or above it."""
    return scope_of(user).answers_to(jurisdiction_id)


def sees_plan(user: Any, plan: Any) -> bool:
    """Whether the plan belongs to the user's jurisdiction or one below it."""
    return sees(user, plan.jurisdiction_id)


def governs_plan(user: Any, plan: Any) -> bool:
    """Whether the plan is the user's own jurisdiction's (the office runs it)."""
    return governs(user, plan.jurisdiction_id)


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
    if jurisdiction.pk in scope.above_ids:
        return "parent"
    home = Jurisdiction.objects.only("parent_id").get(pk=home_id)
    if home.parent_id is not None and home.parent_id == jurisdiction.parent_id:
        return "sibling"
    return "other"
