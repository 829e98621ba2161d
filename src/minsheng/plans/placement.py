"""Where an imported plan's jurisdiction sits in the tree (import_plan, ingest --save).

A plan document names its jurisdiction only by name ("青岛市"). The name is looked for
within the importing person's own jurisdiction and those below it, so an office of 青岛市
under 山东省 finds its own 青岛市, not a new one at the top; a jurisdiction not known yet
is made below the importer's (a province's import of a new city goes under the province).
A name that fits several jurisdictions, or one outside the importer's scope, is refused in
both languages rather than guessed.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from minsheng.accounts import scope
from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError, bilingual
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Jurisdiction

# The level of a jurisdiction made below one of this level.
CHILD_LEVEL: dict[str, str] = {
    JurisdictionLevel.PROVINCE: JurisdictionLevel.CITY,
    JurisdictionLevel.CITY: JurisdictionLevel.DISTRICT,
    JurisdictionLevel.DISTRICT: JurisdictionLevel.STREET,
    JurisdictionLevel.STREET: JurisdictionLevel.STREET,
}


def _ambiguous(name: str) -> UserFacingError:
    return UserFacingError(
        [
            bilingual(
                _(
                    "several jurisdictions are named %(name)s; import as a user of the one meant (--user); nothing was imported"
                ),
                name=name,
            )
        ]
    )


def plan_jurisdiction(data: dict[str, Any], *, actor: Any) -> Jurisdiction:
    """The jurisdiction a plan document names, found or made; call inside the import's
    transaction. Without an importer (a command run without --user) the name is looked for
    in the whole tree and a new one is made at the top."""
    name = data["name"]
    home_id = (
        scope.home_jurisdiction_id(actor)
        if actor is not None and getattr(actor, "is_authenticated", False)
        else None
    )
    named = Jurisdiction.objects.filter(name=name)
    if home_id is not None:
        found = list(named.filter(pk__in=scope.descendant_ids([home_id]))[:2])
        if not found and actor.is_superuser:
            found = list(named[:2])  # a superuser may load a plan anywhere in the tree
        elif not found and named.exists():
            raise UserFacingError(
                [
                    bilingual(
                        _("%(name)s is not within your jurisdiction; nothing was imported"),
                        name=name,
                    )
                ]
            )
    else:
        found = list(named[:2])
    if len(found) > 1:
        raise _ambiguous(name)
    if found:
        return found[0]
    parent = Jurisdiction.objects.get(pk=home_id) if home_id is not None else None
    return jurisdiction_get_or_create(data, parent=parent, actor=actor)


def jurisdiction_get_or_create(
    data: dict[str, str], *, parent: Jurisdiction | None, actor: Any
) -> Jurisdiction:
    """The child of `parent` (or top-level jurisdiction) of that name, made if missing."""
    existing = Jurisdiction.objects.filter(name=data["name"], parent=parent).first()
    if existing:
        return existing
    default_level = CHILD_LEVEL[parent.level] if parent is not None else JurisdictionLevel.CITY
    jurisdiction = Jurisdiction.objects.create(
        name=data["name"],
        slug=data.get("slug") or f"j{Jurisdiction.objects.count() + 1}",
        code=data.get("code", ""),
        level=data.get("level", default_level),
        parent=parent,
    )
    record_change(
        actor=actor,
        action="jurisdiction.create",
        instance=jurisdiction,
        after=snapshot(jurisdiction),
    )
    return jurisdiction
