"""Issue 13 point 3: a large ledger upload holds SQLite's write lock only briefly.

Two real connections on a real SQLite file (ledger_lock_scenario.py, in a child process):
the upload in one, a clerk saving through the site in the other, with a 3 s busy timeout
(the default is 15 s) that the old upload, holding the lock for its whole write, exceeded.
"""

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from minsheng.progress import drafts, selectors, services
from minsheng.progress.models import ProgressReport

SCENARIO = Path(__file__).with_name("ledger_lock_scenario.py")
ROWS = 300


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> dict:
    env = {
        **os.environ,
        "MINSHENG_DATA_DIR": str(tmp_path_factory.mktemp("lock")),
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "SQLITE_BUSY_TIMEOUT_MS": "3000",
        "LEDGER_ROWS": str(ROWS),
    }
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, str(SCENARIO)], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_draft_a_clerk_saves_during_a_large_upload_is_answered_and_kept(scenario):
    beside = scenario["beside"]
    assert set(beside["answers"]) == {302}
    assert beside["kept"] == len(beside["answers"])


def test_the_large_upload_beside_the_clerk_saves_every_row(scenario):
    assert scenario["beside"]["upload"] == {"saved": ROWS}


def test_a_clerk_saving_an_item_of_the_ledger_during_its_upload_keeps_the_draft(scenario):
    same = scenario["same_item"]
    assert same["answer"] == 302
    assert same["narrative"] == "办事员先保存"


def test_an_upload_overtaken_on_one_row_saves_no_row(scenario):
    same = scenario["same_item"]
    assert "refused" in same["upload"]
    assert same["reports"] == 1  # the clerk's draft, nothing of the upload


@pytest.mark.django_db
def test_a_save_between_the_check_and_the_write_refuses_every_row(world):
    subjects = [world.indicator_a, world.milestone_a]
    stamps = selectors.report_stamps(subjects)
    fields = {"as_of": date(2025, 6, 30), "narrative": "台账"}
    rows = [
        drafts.Draft(
            world.indicator_a,
            {**fields, "value": Decimal(5)},
            stamps[selectors.subject_key(world.indicator_a)],
        ),
        drafts.Draft(
            world.milestone_a,
            {**fields, "done": True},
            stamps[selectors.subject_key(world.milestone_a)],
        ),
    ]
    services.progress_report_create(
        actor=world.reporter_a, subject=world.milestone_a, as_of=date(2025, 6, 30), done=False
    )
    with pytest.raises(drafts.DraftsChanged) as refused:
        drafts.drafts_save(actor=world.reporter_a, plan=world.plan, drafts=rows)
    assert refused.value.changed == [1]
    assert not ProgressReport.objects.filter(narrative="台账").exists()
