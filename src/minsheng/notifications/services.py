"""Telling people: the in-app message now, e-mail and SMS after the commit, never twice.

`notify` is called inside the transaction of the event (a report returned, a notice issued…):
it writes the in-app Notification and queues a Delivery per channel the person chose, and asks
for the queue to be sent once the transaction commits (`dispatch`). `deliveries_send` sends
what is queued; the management command `send_notifications` runs it too, for a worker or cron.
"""

import logging
import re
import threading
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.accounts import scope
from minsheng.core.i18n import bilingual
from minsheng.notifications.models import Channel, Delivery, Preference, SuggestionFollow
from minsheng.notifications.sms import send_sms
from minsheng.supervision.models import Notification, ReminderSent

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
MOBILE = re.compile(r"^1\d{10}$")


def preference_of(user: Any) -> Preference:
    """The person's stored choice, or the default (in-app and e-mail, no SMS)."""
    found = Preference.objects.filter(user=user).first()
    return found or Preference(user=user)


def preference_set(*, actor: Any, by_email: bool, by_sms: bool, phone: str) -> Preference:
    """One's own choice of channels; SMS needs a mainland mobile number."""
    phone = phone.strip().replace(" ", "")
    if by_sms and not MOBILE.match(phone):
        raise ValidationError(
            {"phone": bilingual(_("Enter an 11-digit mobile number to receive SMS."))}
        )
    preference, _created = Preference.objects.update_or_create(
        user=actor, defaults={"by_email": by_email, "by_sms": by_sms, "phone": phone}
    )
    return preference


def _queue(key: str, channel: str, address: str, **fields: Any) -> int | None:
    """A Delivery row unless this key already went to this address on this channel."""
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                key=key[:160], channel=channel, address=address, **fields
            )
    except IntegrityError:
        return None
    return delivery.pk


def _with_link(body: str, url: str) -> str:
    site = getattr(settings, "SITE_URL", "")
    return f"{body}\n\n{site}{url}".strip() if url else body


def notify(
    *,
    key: str,
    recipients: Iterable[Any],
    subject: str,
    body: str = "",
    url: str = "",
    jurisdiction_id: int | None,
) -> int:
    """Tell each recipient whose scope covers the jurisdiction, once per key; returns how many.

    Call it inside the event's transaction: the in-app message is part of it, e-mail and SMS
    go out only after it commits.
    """
    queued: list[int] = []
    told = 0
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        if not scope.sees(user, jurisdiction_id):
            continue
        with transaction.atomic():
            _record, created = ReminderSent.objects.get_or_create(key=key[:120], recipient=user)
        if not created:
            continue
        Notification.objects.create(recipient=user, subject=subject[:200], body=body, url=url)
        told += 1
        preference = preference_of(user)
        fields = {"recipient": user, "subject": subject[:200], "body": _with_link(body, url)}
        if preference.by_email and user.email:
            queued.append(_queue(key, Channel.EMAIL, user.email, **fields) or 0)
        if preference.by_sms and preference.phone:
            queued.append(_queue(key, Channel.SMS, preference.phone, **fields) or 0)
    _after_commit([pk for pk in queued if pk])
    return told


def notify_addresses(
    *, key: str, addresses: Iterable[tuple[str, str]], subject: str, body: str = ""
) -> int:
    """E-mail or SMS to people without an account (a resident following a suggestion)."""
    queued = [
        _queue(key, channel, address, subject=subject[:200], body=body)
        for channel, address in addresses
    ]
    ids = [pk for pk in queued if pk]
    _after_commit(ids)
    return len(ids)


def _after_commit(ids: list[int]) -> None:
    if ids:
        transaction.on_commit(lambda: dispatch(ids), robust=True)


def dispatch(ids: list[int]) -> None:
    """Send the given deliveries the way settings.NOTIFICATIONS_DELIVERY says: "thread" (a
    background thread of this process, the default), "inline" (now) or "worker" (leave them
    for `minsheng send_notifications`)."""
    mode = getattr(settings, "NOTIFICATIONS_DELIVERY", "thread")
    if mode == "inline":
        deliveries_send(ids=ids)
    elif mode == "thread":
        threading.Thread(
            target=_send_in_thread, args=(ids,), name="notifications", daemon=True
        ).start()


def _send_in_thread(ids: list[int]) -> None:
    close_old_connections()
    try:
        deliveries_send(ids=ids)
    except Exception:
        # What was not sent stays queued for the send_notifications command.
        logger.exception("sending notifications failed")
    finally:
        connection.close()


def _send(delivery: Delivery) -> None:
    if delivery.channel == Channel.EMAIL:
        send_mail(
            subject=delivery.subject,
            message=delivery.body,
            from_email=None,
            recipient_list=[delivery.address],
        )
    else:
        send_sms(delivery.address, f"{delivery.subject} {delivery.body}".strip()[:500])


def deliveries_send(*, ids: Iterable[int] | None = None, limit: int = 500) -> int:
    """Send queued e-mails and SMS (these ids, or any); returns how many went.

    Each row is claimed by raising its attempt count from the value read, so two senders
    running at once never both send it.
    """
    pending = Delivery.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
    if ids is not None:
        pending = pending.filter(pk__in=list(ids))
    sent = 0
    for delivery in list(pending[:limit]):
        claimed = Delivery.objects.filter(
            pk=delivery.pk, sent_at__isnull=True, attempts=delivery.attempts
        ).update(attempts=F("attempts") + 1)
        if not claimed:
            continue
        try:
            _send(delivery)
        except Exception as error:  # a mail server or SMS gateway down: retried later
            Delivery.objects.filter(pk=delivery.pk).update(error=str(error)[:300])
            logger.warning("delivery %s failed: %s", delivery.pk, error)
            continue
        Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now(), error="")
        sent += 1
    return sent


def suggestion_follow(*, suggestion: Any, channel: str, address: str) -> SuggestionFollow:
    """A resident asks to be told when the suggestion is answered (by its tracking code)."""
    address = address.strip().replace(" ", "")
    if channel == Channel.EMAIL:
        try:
            validate_email(address)
        except ValidationError as error:
            raise ValidationError(
                {"address": bilingual(_("Enter a valid e-mail address."))}
            ) from error
    elif channel == Channel.SMS:
        if not MOBILE.match(address):
            raise ValidationError({"address": bilingual(_("Enter an 11-digit mobile number."))})
    else:
        raise ValidationError({"channel": bilingual(_("Choose e-mail or SMS."))})
    follow, _created = SuggestionFollow.objects.get_or_create(
        suggestion=suggestion, channel=channel, address=address
    )
    return follow
