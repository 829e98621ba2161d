from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from minsheng.plans.selectors import public_plans
from minsheng.progress.selectors import plan_ledger


def home(request: HttpRequest) -> HttpResponse:
    """The newest public plan with every indicator's target, actual, percent and status."""
    plans = public_plans()
    plan = plans[0] if plans else None
    ledger = plan_ledger(plan) if plan else []
    return render(request, "portal/home.html", {"plan": plan, "ledger": ledger, "plans": plans})
