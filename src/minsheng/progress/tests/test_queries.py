"""The reporter's list and the review queue read a plan in a fixed number of queries."""

from django.test import Client
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.plans.choices import PlanState
from minsheng.progress import selectors
from minsheng.testing import make_user

INDEX_QUERIES = (
    # session, user, the scope tree, plans, periods, subjects, the newest approved and the
    # newest open reports: not per row, and no query reads every report
    14
)


def test_the_office_index_of_the_whole_demo_plan_takes_a_fixed_number_of_queries(
    demo_plan, django_assert_max_num_queries, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo_plan.state = PlanState.IN_PROGRESS
    demo_plan.save()
    client = Client()
    client.force_login(make_user(Role.OFFICE, plan=demo_plan))
    with django_assert_max_num_queries(INDEX_QUERIES):
        response = client.get(reverse("progress:index"))
    assert response.content.decode().count("<tr data-key=") == len(
        selectors.subjects_in_scope(demo_plan, everything=True)
    )
