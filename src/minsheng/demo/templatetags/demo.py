from django import template

from minsheng.demo import selectors

register = template.Library()


@register.simple_tag
def demo_accounts() -> list[selectors.Listed]:
    return selectors.demo_accounts()
