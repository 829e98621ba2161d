from dataclasses import dataclass

from django.utils.functional import Promise

from minsheng.accounts.models import User
from minsheng.demo.accounts import SPECS
from minsheng.demo.models import DemoAccount


@dataclass(frozen=True)
class Listed:
    user: User
    blurb: Promise
    landing: str


def demo_accounts() -> list[Listed]:
    """The demo accounts in the order of accounts.SPECS, with their one line and landing page."""
    specs = {spec.key: spec for spec in SPECS}
    accounts = DemoAccount.objects.select_related("user").filter(user__is_active=True)
    return [
        Listed(account.user, specs[account.key].blurb, specs[account.key].landing)
        for account in accounts
        if account.key in specs
    ]


def landing_of(user: User) -> str | None:
    account = DemoAccount.objects.filter(user=user).first()
    spec = next((s for s in SPECS if account and s.key == account.key), None)
    return spec.landing if spec else None
