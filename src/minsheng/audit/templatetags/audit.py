"""Filters of the audit trail's page."""

from django import template

from minsheng.audit.labels import action_label as _action_label

register = template.Library()


@register.filter
def action_label(action: str) -> str:
    return _action_label(action)
