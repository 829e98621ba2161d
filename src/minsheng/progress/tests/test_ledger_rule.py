"""The read model's own part of the rule, without a database: how an item's warning and status
are put together from its terms and series, a milestone's, a project's status and percent, and
the bulletin's colour. (The SQL that reduces a history is held by test_ledger_state.py.)"""

from datetime import date
from decimal import Decimal

from minsheng.plans.choices import Comparator, Status
from minsheng.progress.ledger_state import (
    BULLETIN_RED,
    BULLETIN_YELLOW,
    IndicatorRow,
    MilestoneFacts,
    MilestoneRow,
    ProjectRow,
    Series,
    Terms,
    bulletin_colour,
    item_state,
    milestone_state,
    project_status,
)
from minsheng.supervision.early_warning import Level

D = Decimal
START, END = date(2025, 1, 1), date(2025, 12, 31)
MID_YEAR = date(2025, 7, 2)  # 182 of 364 days: exactly half the linear schedule


def terms(target=100, *, comparator=Comparator.AT_LEAST, baseline=None, due=END, yellow=5, red=15):
    return Terms(
        comparator=comparator,
        target=D(target),
        baseline=None if baseline is None else D(baseline),
        points=(),
        start=START,
        due=due,
        yellow_margin=D(yellow),
        red_margin=D(red),
    )


def series(*points: tuple[date, int], met_on: date | None = None) -> Series:
    return Series(points=tuple((day, D(value)) for day, value in points), met_on=met_on)


def facts(*, done=False, reported=True, done_on=None) -> MilestoneFacts:
    return MilestoneFacts(done=done, reported=reported, last_report_on=None, done_on=done_on)


# An item: one warning and one status, from the same terms.


def test_an_item_half_way_on_the_first_of_july_is_on_track_and_green():
    state = item_state(terms(), series((MID_YEAR, 50)), MID_YEAR)
    assert (state.level, state.status, state.percent) == (Level.GREEN, Status.ON_TRACK, D("50.0"))


def test_the_status_tolerates_a_lag_up_to_the_plans_yellow_margin():
    # 8 points behind: inside a 10-point yellow margin, outside the default 5 % tolerance.
    state = item_state(terms(yellow=10, red=20), series((MID_YEAR, 42)), MID_YEAR)
    assert (state.level, state.status) == (Level.GREEN, Status.ON_TRACK)


def test_a_lag_beyond_the_yellow_margin_is_yellow_and_lagging():
    state = item_state(terms(yellow=10, red=20), series((MID_YEAR, 38)), MID_YEAR)
    assert (state.level, state.status) == (Level.YELLOW, Status.LAGGING)


def test_the_red_margin_is_the_plans():
    state = item_state(terms(yellow=5, red=30), series((MID_YEAR, 25)), MID_YEAR)
    assert state.level == Level.YELLOW


def test_an_item_is_measured_against_its_own_due_date():
    state = item_state(terms(due=date(2025, 6, 30)), series((MID_YEAR, 90)), MID_YEAR)
    assert (state.level, state.status) == (Level.OVERDUE, Status.LAGGING)


def test_an_item_kept_before_its_due_date_is_completed_early():
    state = item_state(terms(), series((MID_YEAR, 100), met_on=MID_YEAR), MID_YEAR)
    assert (state.status, state.met_on) == (Status.COMPLETED_EARLY, MID_YEAR)


def test_a_falling_promise_is_held_against_its_baseline_by_both_rules():
    # Down from 1000 to 800: at 900 on the first of July, half the way is done.
    falling = terms(800, comparator=Comparator.AT_MOST, baseline=1000)
    state = item_state(falling, series((MID_YEAR, 900)), MID_YEAR)
    assert (state.percent, state.warning.expected_value) == (D("50.0"), D("900.00"))


def test_an_item_shows_its_latest_actual_and_its_day():
    state = item_state(terms(), series((date(2025, 5, 1), 20), (MID_YEAR, 50)), MID_YEAR)
    assert (state.actual, state.actual_as_of) == (D(50), MID_YEAR)


def test_an_item_without_reports_half_way_through_is_no_report_and_not_started():
    state = item_state(terms(), series(), MID_YEAR)
    assert (state.level, state.status, state.expected_share) == (
        Level.NO_REPORT,
        Status.NOT_STARTED,
        D("0.5"),
    )


def test_the_forecast_follows_the_pace_of_the_last_two_reports():
    # 10 more every 30 days from 50 on 2 July: 100 would be reached on 29 November.
    state = item_state(terms(), series((date(2025, 6, 2), 40), (MID_YEAR, 50)), MID_YEAR)
    assert state.forecast.reached_on == date(2025, 11, 29)


# A milestone: its status and its warning from the same facts.


def test_a_milestone_done_before_its_due_date_is_completed_early_and_green():
    state = milestone_state(
        facts(done=True, done_on=date(2025, 5, 1)), start=START, due=END, as_of=MID_YEAR
    )
    assert (state.status, state.level, state.done, state.done_on) == (
        Status.COMPLETED_EARLY,
        Level.GREEN,
        True,
        date(2025, 5, 1),
    )


def test_a_milestone_not_done_past_its_due_date_is_lagging_and_overdue():
    state = milestone_state(facts(), start=START, due=date(2025, 6, 30), as_of=MID_YEAR)
    assert (state.status, state.level) == (Status.LAGGING, Level.OVERDUE)


def test_a_milestone_nobody_reports_on_is_not_started_and_no_report():
    state = milestone_state(facts(reported=False), start=START, due=END, as_of=MID_YEAR)
    assert (state.status, state.level) == (Status.NOT_STARTED, Level.NO_REPORT)


def test_a_milestone_starts_counting_on_the_plans_first_day():
    state = milestone_state(facts(reported=False), start=MID_YEAR, due=END, as_of=MID_YEAR)
    assert state.level == Level.GREEN


def test_a_reported_milestone_on_its_way_is_on_track():
    state = milestone_state(facts(), start=START, due=END, as_of=MID_YEAR)
    assert (state.status, state.level) == (Status.ON_TRACK, Level.GREEN)


# A project: one status from its items'.


def test_any_lagging_item_makes_the_project_lag():
    statuses = [Status.EXCEEDED, Status.LAGGING, Status.ON_TRACK]
    assert project_status(statuses) == Status.LAGGING


def test_a_project_with_no_items_has_not_started():
    assert project_status([]) == Status.NOT_STARTED


def test_a_project_all_done_with_one_exceeded_is_exceeded():
    assert project_status([Status.COMPLETED, Status.EXCEEDED]) == Status.EXCEEDED


def test_a_project_all_completed_early_is_completed_early():
    statuses = [Status.COMPLETED_EARLY, Status.COMPLETED_EARLY]
    assert project_status(statuses) == Status.COMPLETED_EARLY


def test_a_project_done_partly_early_is_completed():
    assert project_status([Status.COMPLETED_EARLY, Status.COMPLETED]) == Status.COMPLETED


def test_a_project_with_nothing_started_has_not_started():
    assert project_status([Status.NOT_STARTED, Status.NOT_STARTED]) == Status.NOT_STARTED


def test_a_project_partly_done_and_partly_not_started_is_on_track():
    assert project_status([Status.COMPLETED, Status.NOT_STARTED]) == Status.ON_TRACK


def project_row(indicator_actuals=(), milestones=()):
    """A project's row from item states alone: the rows' models are not read by the rule."""
    row = ProjectRow(project=None, departments=[])  # type: ignore[arg-type]
    for actual in indicator_actuals:
        state = item_state(terms(), series((MID_YEAR, actual)), MID_YEAR)
        row.indicators.append(IndicatorRow(indicator=None, state=state))  # type: ignore[arg-type]
    for done in milestones:
        state = milestone_state(facts(done=done), start=START, due=END, as_of=MID_YEAR)
        row.milestones.append(MilestoneRow(milestone=None, state=state))  # type: ignore[arg-type]
    return row


def test_a_projects_percent_is_the_mean_of_its_items_as_reported():
    assert project_row([50, 200]).percent == D("125.0")


def test_a_milestone_not_done_counts_as_nothing_in_the_projects_percent():
    assert project_row([50], milestones=[True, False]).percent == D("50.0")


def test_a_project_without_items_has_no_percent():
    assert project_row().percent is None


def test_a_projects_status_reads_its_indicators_and_milestones():
    row = project_row([100], milestones=[False])
    assert (row.statuses, row.status) == ([Status.COMPLETED, Status.ON_TRACK], Status.ON_TRACK)


# The bulletin's two colours follow the one warning level.


def test_the_bulletin_paints_overdue_red_and_no_report_red():
    assert [bulletin_colour(Level.OVERDUE), bulletin_colour(Level.NO_REPORT)] == ["red", "red"]


def test_the_bulletin_paints_red_red_and_yellow_yellow():
    assert (bulletin_colour(Level.RED), bulletin_colour(Level.YELLOW)) == (
        BULLETIN_RED,
        BULLETIN_YELLOW,
    )


def test_the_bulletin_leaves_green_unpainted():
    assert bulletin_colour(Level.GREEN) == ""
