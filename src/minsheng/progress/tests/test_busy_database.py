"""Issue 13 point 3: a clerk saving while another process holds SQLite's write lock.

A second thread really holds the write lock (an open IMMEDIATE transaction) while the
clerk's draft is posted; the short busy timeout stands in for a long ledger upload.
"""

import io
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from minsheng.progress import ledger
from minsheng.progress.models import ProgressReport

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's single write lock"),
]


@pytest.fixture
def clerk(world):
    """The department's reporter, signed in before the lock is taken."""
    client = Client()
    client.force_login(world.reporter_a)
    return client


@pytest.fixture
def write_lock_held(clerk):
    """Another connection holds the database's write lock until the test ends."""
    locked, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():  # BEGIN IMMEDIATE: the write lock
                ProgressReport.objects.filter(pk=0).update(narrative="")
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert locked.wait(10)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout = 200")
    yield
    release.set()
    holder.join()


def _post_draft(world, client, language="zh-hans"):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    return client.post(
        url,
        {"as_of": "2025-06-30", "value": "4321", "narrative": "六月底新增扶持创业四千余人"},
        headers={"accept-language": language},
    )


def test_a_save_on_a_busy_database_answers_503_not_500(world, clerk, write_lock_held):
    response = _post_draft(world, clerk)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_the_busy_page_keeps_what_was_typed(world, clerk, write_lock_held):
    page = _post_draft(world, clerk).content.decode()
    assert "六月底新增扶持创业四千余人" in page
    assert 'name="value"' in page and "4321" in page


def test_the_busy_page_asks_to_retry_in_chinese(world, clerk, write_lock_held):
    assert "数据库正忙" in _post_draft(world, clerk).content.decode()


def test_the_busy_page_asks_to_retry_in_english(world, clerk, write_lock_held):
    assert "The database is busy" in _post_draft(world, clerk, language="en").content.decode()


def test_the_kept_input_saves_once_the_database_is_free(world):
    client = Client()
    client.force_login(world.reporter_a)
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    response = client.post(url, {"as_of": "2025-06-30", "value": "4321", "narrative": "补报"})
    assert response.status_code == 302
    assert ProgressReport.objects.get(state="draft").narrative == "补报"


@pytest.fixture
def filled_ledger(world, clerk):
    """The department's ledger, downloaded before the lock, with one bad value typed in."""
    response = clerk.get(reverse("progress:ledger"), {"period": "2025-06-01"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    sheet.cell(row=ledger.FIRST_ROW, column=ledger.VALUE).value = "四千"
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "台账.xlsx"
    return data


def test_a_ledger_is_read_and_checked_without_taking_the_write_lock(
    world, clerk, filled_ledger, write_lock_held
):
    response = clerk.post(reverse("progress:ledger_upload"), {"file": filled_ledger})
    assert response.status_code == 200
    assert any("不是数字" in problem for problem in response.context["problems"])
