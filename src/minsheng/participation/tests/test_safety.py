"""User text is escaped on every page that shows it; reads take a fixed number of queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.participation import selectors, services
from minsheng.participation.models import ParticipantType
from minsheng.participation.tests.builders import make_candidate, make_window, office, open_ballot
from minsheng.plans.models import Domain
from minsheng.testing import make_project, make_user

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_escaped(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_a_comment_rating_and_reply_with_markup_are_shown_as_text(client):
    project = make_project(title="停车设施" + ATTACK)
    actor = office(project)
    comment = services.comment_submit(
        project=project, text="建议增加充电桩" + ATTACK, client="ip:1", author_key="p:me"
    )
    services.suggestion_moderate(actor=actor, suggestion=comment, publish=True)
    reply = services.reply_assign(actor=actor, suggestion=comment)
    reporter = make_user(Role.DEPARTMENT_REPORTER, department=reply.department)
    services.reply_answer(actor=reporter, reply=reply, text="已处理" + ATTACK)
    visit = services.visit_create(
        actor=actor,
        title="观摩" + ATTACK,
        place="某地" + ATTACK,
        starts_at=timezone.now() + timedelta(hours=1),
        capacity=5,
        projects=[project],
    )
    registration = services.visit_register(
        visit=visit,
        participant_type=ParticipantType.RESIDENT,
        name="王<b>x</b>",
        registrant_key="p:me",
        client="ip:1",
    )
    services.rating_submit(
        registration=registration,
        project=project,
        satisfaction=5,
        quality=5,
        timeliness=5,
        comment="很好" + ATTACK,
        now=visit.starts_at + timedelta(minutes=5),
    )
    services.visit_publish_results(actor=actor, visit=visit)
    session = client.session
    session["participation_person"] = "me"
    session.save()
    for url in [
        reverse("participation:project", args=[project.pk]),
        reverse("participation:visit", args=[visit.pk]),
        reverse("participation:rate", args=[registration.token]),
        reverse("participation:mine"),
    ]:
        assert_escaped(client.get(url).content.decode())
    client.force_login(reporter)
    assert_escaped(client.get(reverse("participation:replies")).content.decode())


def test_candidate_titles_with_markup_are_escaped_on_the_ballot_and_office_pages(client):
    ballot, (a, *_), roll, actor = open_ballot(voters=1)
    a.title = "停车" + ATTACK
    a.save()
    client.force_login(roll[0])
    assert_escaped(client.get(reverse("participation:ballot", args=[ballot.pk])).content.decode())
    client.force_login(actor)
    assert_escaped(
        client.get(reverse("participation:candidates", args=[ballot.plan_id])).content.decode()
    )


def test_the_candidate_table_takes_the_same_queries_for_three_or_thirty_candidates(
    django_assert_max_num_queries,
):
    window = make_window()
    plan = window.plan
    actor = office(plan)
    criterion = services.criterion_create(actor=actor, plan=plan, name="必要性", weight=Decimal(1))
    expert = make_user()
    services.expert_appoint(actor=actor, plan=plan, user=expert)
    for _ in range(30):
        candidate = make_candidate(plan, domain=Domain.objects.get(name="交通出行"))
        services.scores_submit(actor=expert, candidate=candidate, values={criterion.pk: 7})
    with django_assert_max_num_queries(6):
        rows = selectors.candidate_rows(plan.pk)
        [row.candidate.lead_department.name for row in rows]
    assert len(rows) == 30
