from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from minsheng.accounts.models import User
from minsheng.demo.accounts import SPECS
from minsheng.demo.models import DemoAccount
from minsheng.participation.models import Expert
from minsheng.plans.choices import PlanState
from minsheng.plans.models import Plan


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


def landing_url(user: User) -> str:
    """Where a demo account's work is: its spec's page; an expert's is the scoring page of
    the plan it was appointed for."""
    account = DemoAccount.objects.filter(user=user).first()
    spec = next((s for s in SPECS if account and s.key == account.key), None)
    if spec is None:
        return reverse("portal:home")
    if spec.landing == "participation:vetting":
        expert = Expert.objects.filter(user=user).order_by("-plan__year").first()
        if expert is None:
            return reverse("participation:index")
        return reverse(spec.landing, args=[expert.plan_id])
    if spec.landing == "supervision:cockpit":
        # The cockpit opens on the latest plan (2027, still being solicited); the demo's work
        # is in the running year.
        running = Plan.objects.filter(state=PlanState.IN_PROGRESS).order_by("-year").first()
        if running is not None:
            return f"{reverse(spec.landing)}?plan={running.pk}"
    return reverse(spec.landing)
