from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString

from minsheng.demo import labels, selectors

register = template.Library()


@register.simple_tag
def demo_accounts() -> list[selectors.Listed]:
    return selectors.demo_accounts()


@register.simple_tag
def demo_note() -> SafeString:
    """The 演示数据 note for documents rendered without a request (report HTML and PDF)."""
    if not getattr(settings, "MINSHENG_DEMO", False):
        return SafeString("")
    return format_html('<p class="demo-note" data-demo="1"><strong>{}</strong></p>', labels.NOTE)
