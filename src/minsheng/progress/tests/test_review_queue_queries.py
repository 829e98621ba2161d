"""The review queue reads a fixed number of queries however many reports wait."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.progress.models import ReportState
from minsheng.testing import (
    make_allocation,
    make_department,
    make_district,
    make_indicator,
    make_milestone,
    make_plan,
    make_project,
    make_report,
    make_user,
)

pytestmark = pytest.mark.django_db


def queue_queries(client, plan, waiting):
    """Queries of the review page with `waiting` submitted reports of each kind of subject."""
    project = make_project(plan, lead=make_department(plan.jurisdiction))
    for _ in range(waiting):
        indicator = make_indicator(project, target=Decimal(100))
        make_report(indicator=indicator, value=10, as_of=date(2025, 5, 31))
        make_report(
            indicator=indicator, value=20, as_of=date(2025, 6, 30), state=ReportState.SUBMITTED
        )
        split = make_indicator(project, target=Decimal(100))
        allocation = make_allocation(split, make_district(plan.jurisdiction), Decimal(50))
        make_report(
            indicator=split,
            allocation=allocation,
            value=5,
            as_of=date(2025, 6, 30),
            state=ReportState.SUBMITTED,
        )
        make_report(
            milestone=make_milestone(project),
            done=True,
            as_of=date(2025, 6, 30),
            state=ReportState.SUBMITTED,
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("progress:review"))
    assert response.status_code == 200
    return len(queries)


def test_the_review_queue_makes_as_many_queries_for_two_reports_as_for_eight(client):
    plan = make_plan()
    client.force_login(make_user(Role.OFFICE, jurisdiction=plan.jurisdiction))
    few = queue_queries(client, plan, 2)
    other = make_plan(year=2026)
    many = queue_queries(client, other, 6)
    assert few == many
