"""Candidates and expert scores, site visits with ratings, departments' replies."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation import selectors, services
from minsheng.participation.models import ParticipantType, SuggestionState
from minsheng.participation.tests.builders import drafting_plan, make_candidate, make_window, office
from minsheng.plans.models import Domain
from minsheng.testing import make_project, make_user

pytestmark = pytest.mark.django_db


def rubric(plan):
    actor = office(plan)
    return [
        services.criterion_create(actor=actor, plan=plan, name="必要性", weight=Decimal(2)),
        services.criterion_create(actor=actor, plan=plan, name="可行性", weight=Decimal(1)),
    ]


def expert(plan):
    user = make_user()
    services.expert_appoint(actor=office(plan), plan=plan, user=user)
    return user


def test_a_candidate_counts_the_suggestions_it_answers_and_their_supporters():
    window = make_window()
    actor = office(window)
    suggestions = []
    for n in range(3):
        s = services.suggestion_submit(
            window=window,
            domain=Domain.objects.get(name="交通出行"),
            text=f"建议增加公共停车位第{n}处",
            client="",
        )
        suggestions.append(services.suggestion_moderate(actor=actor, suggestion=s, publish=True))
    services.suggestion_support(suggestion=suggestions[0], supporter_key="p:1", client="ip:1")
    candidate = make_candidate(window.plan, suggestions=suggestions)
    row = selectors.candidate_rows(window.plan.pk)[0]
    assert row.candidate == candidate
    assert (row.suggestion_count, row.support_count) == (3, 1)


def test_a_suggestion_of_another_plan_cannot_be_linked():
    other = make_window()
    s = services.suggestion_submit(
        window=other,
        domain=Domain.objects.get(name="交通出行"),
        text="建议增加公共停车位一处",
        client="",
    )
    with pytest.raises(UserFacingError):
        make_candidate(drafting_plan(), suggestions=[s])


def test_expert_scores_are_aggregated_into_mean_spread_and_outliers():
    plan = drafting_plan()
    necessity, feasibility = rubric(plan)
    candidate = make_candidate(plan)
    experts = [expert(plan) for _ in range(5)]
    for user, (n, f) in zip(experts, [(8, 8), (8, 8), (9, 6), (8, 8), (1, 1)], strict=True):
        services.scores_submit(
            actor=user, candidate=candidate, values={necessity.pk: n, feasibility.pk: f}
        )
    row = selectors.candidate_rows(plan.pk)[0]
    assert row.aggregate.count == 5
    assert row.totals[experts[2]] == Decimal(8)  # (9·2 + 6·1) / 3
    assert row.aggregate.mean == Decimal("6.6")
    assert row.aggregate.outliers == [experts[4]]


def test_an_expert_must_score_every_criterion_within_range():
    plan = drafting_plan()
    necessity, feasibility = rubric(plan)
    candidate = make_candidate(plan)
    user = expert(plan)
    with pytest.raises(UserFacingError, match="missing"):
        services.scores_submit(actor=user, candidate=candidate, values={necessity.pk: 5})
    with pytest.raises(UserFacingError, match="between 0 and 10"):
        services.scores_submit(
            actor=user, candidate=candidate, values={necessity.pk: 11, feasibility.pk: 5}
        )


def test_only_appointed_experts_score():
    plan = drafting_plan()
    rubric(plan)
    with pytest.raises(PermissionDenied):
        services.scores_submit(actor=make_user(), candidate=make_candidate(plan), values={})


def test_creating_a_candidate_is_audited():
    make_candidate(drafting_plan())
    assert AuditRecord.objects.filter(action="candidate.create").exists()


# --- site visits ------------------------------------------------------------------------


def visit(capacity=10, starts_in=timedelta(days=1)):
    project = make_project()
    return services.visit_create(
        actor=office(project),
        title="走进市办实事·停车设施",
        place="市北区某停车场",
        starts_at=timezone.now() + starts_in,
        capacity=capacity,
        projects=[project],
    ), project


def register(v, key, kind=ParticipantType.RESIDENT):
    return services.visit_register(
        visit=v, participant_type=kind, name="王小明", registrant_key=key, client=key
    )


def test_registration_stops_at_capacity():
    v, _project = visit(capacity=2)
    register(v, "p:1")
    register(v, "p:2")
    with pytest.raises(UserFacingError, match="full"):
        register(v, "p:3")


def test_a_person_registers_once():
    v, _project = visit()
    register(v, "p:1")
    with pytest.raises(UserFacingError, match="already registered"):
        register(v, "p:1")


def test_ratings_open_when_the_visit_begins_and_are_given_once():
    v, project = visit()
    registration = register(v, "p:1", ParticipantType.NPC_DEPUTY)
    with pytest.raises(UserFacingError, match="begins"):
        services.rating_submit(
            registration=registration, project=project, satisfaction=5, quality=5, timeliness=5
        )
    later = v.starts_at + timedelta(hours=2)
    services.rating_submit(
        registration=registration,
        project=project,
        satisfaction=5,
        quality=4,
        timeliness=3,
        now=later,
    )
    with pytest.raises(UserFacingError, match="already rated"):
        services.rating_submit(
            registration=registration,
            project=project,
            satisfaction=1,
            quality=1,
            timeliness=1,
            now=later,
        )


def test_a_score_outside_one_to_five_is_refused():
    v, project = visit()
    registration = register(v, "p:1")
    with pytest.raises(UserFacingError, match="1 to 5"):
        services.rating_submit(
            registration=registration,
            project=project,
            satisfaction=6,
            quality=4,
            timeliness=3,
            now=v.starts_at + timedelta(hours=1),
        )


def test_visit_results_give_counts_averages_and_distribution():
    v, project = visit()
    later = v.starts_at + timedelta(hours=1)
    for n, (s, q, t) in enumerate([(5, 4, 3), (4, 4, 4), (5, 5, 2)]):
        registration = register(v, f"p:{n}")
        services.rating_submit(
            registration=registration,
            project=project,
            satisfaction=s,
            quality=q,
            timeliness=t,
            now=later,
        )
    result = selectors.visit_results(v)[0]
    assert result.count == 3
    satisfaction = result.dimensions[0]
    assert satisfaction.mean == Decimal("4.67")
    assert satisfaction.distribution == [0, 0, 0, 1, 2]


def test_results_are_hidden_from_the_public_until_published(client):
    v, _project = visit()
    assert "result-" not in client.get(reverse("participation:visit", args=[v.pk])).content.decode()
    services.visit_publish_results(actor=office(v), visit=v)
    assert "result-" in client.get(reverse("participation:visit", args=[v.pk])).content.decode()


# --- replies ------------------------------------------------------------------------------


def published_comment(project):
    s = services.comment_submit(
        project=project, text="建议在停车场增加充电桩和照明设施", client="ip:1", author_key="p:me"
    )
    return services.suggestion_moderate(actor=office(s), suggestion=s, publish=True)


def test_a_suggestion_on_a_project_goes_to_the_lead_department_with_a_deadline():
    project = make_project()
    reply = services.reply_assign(actor=office(project), suggestion=published_comment(project))
    assert reply.department == project.project_departments.get(role="lead").department
    assert reply.due_on == timezone.localdate() + timedelta(days=15)


def test_only_the_departments_reporters_answer():
    project = make_project()
    reply = services.reply_assign(actor=office(project), suggestion=published_comment(project))
    stranger = make_user(Role.DEPARTMENT_REPORTER)
    with pytest.raises(PermissionDenied):
        services.reply_answer(actor=stranger, reply=reply, text="已安排增加充电桩")
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=reply.department)
    services.reply_answer(actor=reporter, reply=reply, text="已安排增加充电桩")
    reply.refresh_from_db()
    assert reply.answered_at is not None
    assert AuditRecord.objects.filter(action="reply.answer", actor=reporter).exists()


def test_an_unanswered_reply_past_its_deadline_is_overdue():
    project = make_project()
    reply = services.reply_assign(
        actor=office(project),
        suggestion=published_comment(project),
        due_on=timezone.localdate() - timedelta(days=1),
    )
    assert reply.is_overdue()


def test_the_author_sees_the_reply_on_their_page(client):
    project = make_project()
    session = client.session
    session["participation_person"] = "me"
    session.save()
    reply = services.reply_assign(actor=office(project), suggestion=published_comment(project))
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=reply.department)
    services.reply_answer(actor=reporter, reply=reply, text="已安排增加充电桩，年底前完成")
    page = client.get(reverse("participation:mine")).content.decode()
    assert "已安排增加充电桩，年底前完成" in page


def test_a_comment_on_a_project_of_an_unpublished_plan_is_refused():
    project = make_project(plan=drafting_plan())
    with pytest.raises(UserFacingError, match="not public"):
        services.comment_submit(project=project, text="建议在停车场增加充电桩", client="ip:1")


def test_a_pending_comment_cannot_be_assigned():
    s = services.comment_submit(
        project=make_project(), text="建议在停车场增加充电桩", client="ip:1"
    )
    assert s.state == SuggestionState.PENDING
    with pytest.raises(UserFacingError):
        services.reply_assign(actor=office(s), suggestion=s)


def test_the_resident_is_told_when_their_suggestion_has_moved_on(client):
    project = make_project()
    session = client.session
    session["participation_person"] = "me"
    session.save()
    suggestion = services.comment_submit(
        project=project, text="建议在停车场增加充电桩和照明设施", client="ip:1", author_key="p:me"
    )
    first = client.get(reverse("participation:mine")).content.decode()
    assert 'class="outcome-chosen updated"' not in first
    services.suggestion_moderate(actor=office(suggestion), suggestion=suggestion, publish=True)
    second = client.get(reverse("participation:mine")).content.decode()
    assert 'class="outcome-chosen updated"' in second
    third = client.get(reverse("participation:mine")).content.decode()
    assert 'class="outcome-chosen updated"' not in third
