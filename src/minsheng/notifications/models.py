"""How people are told: each person's choice of channels, the outbox of e-mails and SMS, and
residents following a suggestion by its tracking code (查询码).

The in-app message itself is supervision's Notification (站内通知), written in the same
transaction as the event; e-mails and SMS wait here as Delivery rows and go out after the
commit. A Delivery's key, channel and address are unique: nobody gets the same message twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("SMS")


class Preference(models.Model):
    """One person's choice: in-app always; e-mail and SMS as they ask."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    by_email = models.BooleanField(_("by e-mail"), default=True)
    by_sms = models.BooleanField(_("by SMS"), default=False)
    phone = models.CharField(_("mobile phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)


class Delivery(models.Model):
    """One e-mail or SMS to send (or sent): the outbox."""

    key = models.CharField(_("event"), max_length=160)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    address = models.CharField(_("address"), max_length=254)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "channel", "address"], name="delivery_once_per_address"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.address}: {self.subject}"


class SuggestionFollow(models.Model):
    """A resident asked to be told, by e-mail or SMS, when a suggestion is answered."""

    suggestion = models.ForeignKey(
        "participation.Suggestion",
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    address = models.CharField(_("address"), max_length=254)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("suggestion follow")
        verbose_name_plural = _("suggestion follows")
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "channel", "address"], name="suggestion_follow_once"
            ),
            models.CheckConstraint(condition=~Q(address=""), name="suggestion_follow_address"),
        ]

    def __str__(self) -> str:
        return f"{self.suggestion_id} → {self.channel}"
