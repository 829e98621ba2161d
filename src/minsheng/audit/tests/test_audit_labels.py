"""The audit list names actions in words and shows times as Qingdao reads its clocks."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from minsheng.accounts.models import Role
from minsheng.audit.labels import action_label
from minsheng.audit.services import record_change
from minsheng.testing import make_plan, make_user


def test_an_action_code_reads_as_words():
    with translation.override("zh-hans"):
        assert action_label("reply.answer") == "建议答复 · 已答复"


def test_an_unknown_verb_still_names_its_thing():
    with translation.override("zh-hans"):
        assert action_label("plan.frobnicate") == "实事清单 · frobnicate"


@pytest.fixture
def auditor_client(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    client.plan = make_plan()  # the auditor reads the records of its own jurisdiction
    client.force_login(make_user(Role.AUDITOR, plan=client.plan))
    return client


def test_the_list_shows_the_label_not_the_code(auditor_client):
    record_change(actor=None, action="reply.answer", instance=auditor_client.plan)
    page = auditor_client.get(reverse("audit:index")).content.decode()
    assert "建议答复 · 已答复" in page
    assert ">reply.answer<" not in page


def test_the_list_shows_local_time(auditor_client):
    plan = auditor_client.plan
    with time_machine.travel(datetime(2025, 7, 1, 2, 0, tzinfo=UTC), tick=False):
        record_change(actor=None, action="plan.update", instance=plan)
    page = auditor_client.get(reverse("audit:index")).content.decode()
    assert "2025-07-01 10:00:00" in page
