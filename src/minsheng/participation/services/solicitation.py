"""Solicitation (征集): windows, suggestions, supports, moderation, contact deletion."""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.audit.services import record_change, snapshot
from minsheng.core import ratelimit
from minsheng.participation.models import (
    RejectionReason,
    SolicitationWindow,
    Suggestion,
    SuggestionContact,
    SuggestionSource,
    SuggestionState,
    Support,
    mask_name,
    mask_phone,
)
from minsheng.participation.permissions import can_manage, can_manage_suggestion
from minsheng.participation.services.common import refuse, require
from minsheng.plans.choices import PUBLIC_PLAN_STATES
from minsheng.plans.models import Domain, Jurisdiction, Plan, Project

MIN_TEXT, MAX_TEXT = 10, 2000
# Mainland mobile numbers and resident ID numbers in the text go to the moderation queue
# flagged, so the office can remove personal data before anything is published.
PERSONAL_DATA = re.compile(r"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")
PHONE = re.compile(r"^[\d\-+ ]{5,20}$")


@transaction.atomic
def window_create(
    *,
    actor: Any,
    plan: Plan,
    topic: str,
    opens_on: date,
    closes_on: date,
    domains: Iterable[Domain],
    description: str = "",
) -> SolicitationWindow:
    """Open a solicitation for a plan on a topic and some domains."""
    require(can_manage(actor, plan))
    domains = list(domains)
    if closes_on < opens_on:
        refuse(_("The solicitation must close on or after the day it opens."))
    if not domains:
        refuse(_("Choose at least one domain."))
    window = SolicitationWindow.objects.create(
        plan=plan, topic=topic, description=description, opens_on=opens_on, closes_on=closes_on
    )
    window.domains.set(domains)
    after = snapshot(window) | {"domains": [d.pk for d in domains]}
    record_change(actor=actor, action="solicitation.create", instance=window, after=after)
    return window


def clean_text(text: str) -> str:
    text = text.strip()
    if len(text) < MIN_TEXT:
        refuse(_("Please write at least %(n)s characters."), n=MIN_TEXT)
    if len(text) > MAX_TEXT:
        refuse(_("Please keep to %(n)s characters."), n=MAX_TEXT)
    return text


def clean_contact(name: str, phone: str) -> tuple[str, str]:
    name, phone = name.strip(), phone.strip()
    if len(name) > 50:
        refuse(_("The name is too long."))
    if phone and not PHONE.match(phone):
        refuse(_("The phone number may contain only digits, spaces, + and -."))
    return name, phone


def suggestion_submit(
    *,
    window: SolicitationWindow,
    domain: Domain,
    text: str,
    client: str,
    author: Any = None,
    author_key: str = "",
    district: Jurisdiction | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    source: str = SuggestionSource.WEB,
    state: str = SuggestionState.PENDING,
    today: date | None = None,
) -> Suggestion:
    """A resident's suggestion; it waits in the moderation queue until the office publishes it.

    The rate limit counts every attempt, valid or not, and is kept outside the transaction
    so that a refused attempt still counts."""
    ratelimit.enforce("submit", client)
    if not window.is_open(today):
        refuse(_("This solicitation is not open."))
    if not window.domains.filter(pk=domain.pk).exists():
        refuse(
            _("This solicitation does not take suggestions in the domain %(domain)s."),
            domain=domain.name,
        )
    text = clean_text(text)
    name, phone = clean_contact(contact_name, contact_phone)
    with transaction.atomic():
        return _save(
            contact=(name, phone),
            window=window,
            domain=domain,
            district=district,
            text=text,
            source=source,
            state=state,
            author=author,
            author_key=author_key,
        )


def _save(*, contact: tuple[str, str], author: Any, text: str, **fields: Any) -> Suggestion:
    suggestion = Suggestion.objects.create(
        text=text,
        flagged=bool(PERSONAL_DATA.search(text)),
        author=author if getattr(author, "is_authenticated", False) else None,
        **fields,
    )
    name, phone = contact
    if name or phone:
        SuggestionContact.objects.create(suggestion=suggestion, name=name, phone=phone)
    return suggestion


def comment_submit(
    *,
    project: Project,
    text: str,
    client: str,
    author: Any = None,
    author_key: str = "",
    contact_name: str = "",
    contact_phone: str = "",
) -> Suggestion:
    """A suggestion on a running project; moderated like any other before it is shown."""
    ratelimit.enforce("submit", client)
    if project.plan.state not in PUBLIC_PLAN_STATES:
        refuse(_("This project is not public yet."))
    text = clean_text(text)
    name, phone = clean_contact(contact_name, contact_phone)
    with transaction.atomic():
        return _save(
            contact=(name, phone),
            project=project,
            domain=project.domain,
            text=text,
            author=author,
            author_key=author_key,
        )


def suggestion_support(*, suggestion: Suggestion, supporter_key: str, client: str) -> Support:
    """+1 for a published suggestion, once per person."""
    if suggestion.state != SuggestionState.PUBLISHED:
        refuse(_("Only published suggestions can be supported."))
    if suggestion.window is not None and not suggestion.window.is_open():
        refuse(_("This solicitation is closed."))
    ratelimit.enforce("support", client)
    try:
        with transaction.atomic():
            return Support.objects.create(suggestion=suggestion, supporter_key=supporter_key)
    except IntegrityError:
        refuse(_("You have already supported this suggestion."))


@transaction.atomic
def suggestion_moderate(
    *, actor: Any, suggestion: Suggestion, publish: bool, reason: str = ""
) -> Suggestion:
    """Publish a waiting suggestion, or reject it for a stated reason."""
    require(can_manage_suggestion(actor, suggestion))
    if not publish and reason not in RejectionReason.values:
        refuse(_("Give a reason for rejecting the suggestion."))
    before = snapshot(suggestion, ["state", "rejection_reason"])
    suggestion.state = SuggestionState.PUBLISHED if publish else SuggestionState.REJECTED
    suggestion.rejection_reason = "" if publish else reason
    suggestion.save(update_fields=["state", "rejection_reason"])
    record_change(
        actor=actor,
        action="suggestion.publish" if publish else "suggestion.reject",
        instance=suggestion,
        before=before,
        after=snapshot(suggestion, ["state", "rejection_reason"]),
    )
    return suggestion


@transaction.atomic
def contact_delete(*, actor: Any, suggestion: Suggestion, owner_keys: Iterable[str] = ()) -> None:
    """Delete a suggestion's contact details at the request of its author or by the office.

    The audit record keeps only the masked values, so the deletion really deletes."""
    is_owner = bool(suggestion.author_key) and suggestion.author_key in set(owner_keys)
    require(can_manage_suggestion(actor, suggestion) or is_owner)
    contact = SuggestionContact.objects.filter(suggestion=suggestion).first()
    if contact is None:
        return
    masked = {"name": mask_name(contact.name), "phone": mask_phone(contact.phone)}
    contact.delete()
    record_change(
        actor=actor,
        action="suggestion.contact_delete",
        instance=suggestion,
        before=masked,
        after=None,
    )


def today() -> date:
    return timezone.localdate()
