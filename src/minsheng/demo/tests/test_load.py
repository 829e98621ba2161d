"""What `load_demo` builds: each test one fact about the demo year."""

import io
import json
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum

from minsheng.accounts.models import Role, User
from minsheng.demo.accounts import SPECS
from minsheng.demo.builders import SUGGESTIONS, WEIGHTS, split_exactly
from minsheng.participation.models import Ballot, Rating, Reply, SiteVisit, Suggestion, TallyLine
from minsheng.participation.similarity import SIMILAR, similarity
from minsheng.plans.demo import DEMO_PLAN_PATH
from minsheng.plans.interchange import export_plan
from minsheng.plans.models import Allocation, Indicator, Plan
from minsheng.progress.models import Evidence, ProgressReport, ReportState
from minsheng.supervision.models import Assistance, SupervisionNotice

pytestmark = pytest.mark.django_db
SEED = json.loads(DEMO_PLAN_PATH.read_text(encoding="utf-8"))
AS_OF = "2026-11-30"


def warnings_2026() -> list[dict]:
    out = io.StringIO()
    call_command(
        "warnings", "--jurisdiction", "青岛市", "--year", "2026", "--as-of", AS_OF, "--json",
        stdout=out,
    )  # fmt: skip
    return json.loads(out.getvalue())["items"]


def test_one_account_per_spec(loaded):
    assert sorted(
        User.objects.filter(demo_account__isnull=False).values_list("username", flat=True)
    ) == sorted(spec.key for spec in SPECS)


def test_every_demo_account_has_a_jurisdiction(loaded):
    assert not User.objects.filter(demo_account__isnull=False, jurisdiction__isnull=True).exists()


def test_the_province_office_sits_in_the_parent_of_qingdao(loaded):
    province = User.objects.get(username="demo-province")
    assert (province.role, province.jurisdiction.name) == (Role.OFFICE, "山东省")
    assert Plan.objects.get(year=2026).jurisdiction.parent == province.jurisdiction


def test_district_reporters_belong_to_their_district(loaded):
    user = User.objects.get(username="demo-pingdu")
    assert (user.role, user.jurisdiction.name, user.jurisdiction.parent.name) == (
        Role.DISTRICT_REPORTER, "平度市", "青岛市",
    )  # fmt: skip


def test_warnings_have_green_yellow_and_red(loaded):
    levels = {item["level"] for item in warnings_2026()}
    assert {"green", "yellow", "red"} <= levels


def test_some_item_is_done_early(loaded):
    assert "completed_early" in {item["status"] for item in warnings_2026()}


def test_a_forecast_misses_its_target(loaded):
    misses = [
        item
        for item in warnings_2026()
        if item["forecast_year_end"] is not None
        and Decimal(item["forecast_year_end"]) < Decimal(item["target"])
    ]
    assert misses


def test_shares_sum_exactly_to_the_target(loaded):
    split = Indicator.objects.filter(project__plan__year=2026, allocations__isnull=False).distinct()
    assert split.count() >= 8
    assert all(
        indicator.allocations.aggregate(total=Sum("target"))["total"] == indicator.target
        for indicator in split
    )


def test_split_indicators_go_to_all_ten_districts(loaded):
    names = set(
        Allocation.objects.filter(indicator__project__plan__year=2026).values_list(
            "jurisdiction__name", flat=True
        )
    )
    assert names == set(WEIGHTS)


def test_split_exactly_keeps_the_total_of_an_awkward_target():
    assert sum(split_exactly(Decimal(17), WEIGHTS).values()) == 17


def test_monthly_approved_reports_january_to_november(loaded):
    indicator = Indicator.objects.get(project__plan__year=2026, name="残疾人就业")
    months = indicator.reports.filter(state=ReportState.APPROVED).values_list("as_of", flat=True)
    assert sorted(day.month for day in months) == list(range(1, 12))


def test_reports_wait_in_every_state(loaded):
    states = Counter(
        ProgressReport.objects.exclude(state=ReportState.APPROVED).values_list("state", flat=True)
    )
    assert set(states) == {ReportState.DRAFT, ReportState.SUBMITTED, ReportState.RETURNED}


def test_two_open_notices_one_overdue_and_escalated(loaded):
    notices = SupervisionNotice.objects.filter(plan__year=2026)
    overdue = [n for n in notices if n.reply_deadline < date(2026, 12, 1) and n.level > 1]
    assert (notices.count(), len(overdue)) == (2, 1)


def test_one_help_request(loaded):
    assert Assistance.objects.filter(plan__year=2026).count() == 1


def test_photos_are_marked_as_illustrations(loaded):
    photos = Evidence.objects.filter(project__plan__year=2026).exclude(file="")
    assert photos.count() >= 5
    assert all("示意图" in photo.caption for photo in photos)


def test_2025_export_equals_the_seed(loaded):
    exported = export_plan(Plan.objects.get(year=2025))
    figures = [
        (p["number"], i["name"], i["target"], i["actual"])
        for p in exported["projects"]
        for i in p["indicators"]
    ]
    seed = [
        (p["number"], i["name"], i["target"], i["actual"])
        for p in SEED["projects"]
        for i in p["indicators"]
    ]
    assert figures == seed


def test_2025_has_a_monthly_history_before_year_end(loaded):
    indicator = Indicator.objects.filter(project__plan__year=2025).first()
    assert indicator.reports.filter(state=ReportState.APPROVED).count() == 12


def test_2025_history_never_passes_the_year_end_actual(loaded):
    for indicator in Indicator.objects.filter(project__plan__year=2025):
        final = indicator.reports.get(as_of=date(2025, 12, 31))
        assert indicator.reports.filter(value__gt=final.value).count() == 0


def test_2025_kept_promises_are_met_before_december(loaded):
    """提前完成: an indicator whose year-end actual meets its target met it by October."""
    indicator = Indicator.objects.get(project__plan__year=2025, name="扶持创业")
    met = indicator.reports.filter(value__gte=indicator.target).order_by("as_of").first()
    assert met.as_of == date(2025, 10, 31)


def test_the_2027_solicitation_is_open_with_suggestions(loaded):
    suggestions = Suggestion.objects.filter(window__plan__year=2027)
    assert suggestions.count() == 10
    assert suggestions.first().window.is_open()


def test_some_suggestions_are_near_duplicates(loaded):
    first, second = (
        Suggestion.objects.get(window__plan__year=2027, text=SUGGESTIONS[n][2]).text for n in (0, 1)
    )
    assert similarity(first, second) >= SIMILAR


def test_the_ballot_is_closed_with_its_tally(loaded):
    ballot = Ballot.objects.get(plan__year=2027)
    assert (ballot.state, TallyLine.objects.filter(ballot=ballot).count()) == ("closed", 4)


def test_two_site_visits_with_ratings(loaded):
    assert SiteVisit.objects.count() == 2
    assert Rating.objects.count() >= 4


def test_comments_have_department_replies(loaded):
    assert Reply.objects.exclude(text="").count() == 3
