"""Issue 13 point 15: `minsheng backup` and `minsheng restore`, on the real database and files.

Runs on SQLite by default and on PostgreSQL with DATABASE_URL set: the archive is Django's
portable JSON, so the same test holds on both.
"""

import io
import json
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from minsheng.accounts.models import Role
from minsheng.progress.models import Evidence
from minsheng.testing import make_report, make_user

pytestmark = pytest.mark.django_db(transaction=True)
PHOTO = b"\xff\xd8\xff\xe0 a stored photo's bytes"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


def _export():
    out = io.StringIO()
    call_command(
        "export_plan", jurisdiction="qingdao", year=2025, as_of=date(2025, 12, 31), stdout=out
    )
    return out.getvalue().encode("utf-8")


@pytest.fixture
def running_plan(demo_plan):
    """The demo plan with a person, an approved report and an evidence file."""
    make_user(Role.OFFICE, username="office")
    indicator = demo_plan.projects.first().indicators.first()
    report = make_report(indicator=indicator, value=123, as_of=date(2025, 6, 30))
    evidence = Evidence(project=indicator.project, report=report, kind="photo", caption="现场")
    evidence.file.save("a1b2.jpg", ContentFile(PHOTO), save=True)
    return demo_plan


def _backup_and_restore_into_empty(tmp_path, media):
    archive = tmp_path / "minsheng.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    media.MEDIA_ROOT = tmp_path / "new-data-directory"
    call_command("restore", str(archive), stdout=io.StringIO())
    return archive


def test_the_plan_export_after_restore_is_byte_identical(running_plan, tmp_path, media):
    before = _export()
    _backup_and_restore_into_empty(tmp_path, media)
    assert _export() == before


def test_every_stored_file_comes_back_with_its_bytes(running_plan, tmp_path, media):
    name = Evidence.objects.get(caption="现场").file.name
    _backup_and_restore_into_empty(tmp_path, media)
    assert Evidence.objects.get(caption="现场").file.name == name
    with default_storage.open(name, "rb") as restored:
        assert restored.read() == PHOTO


def test_people_and_their_passwords_come_back(running_plan, tmp_path, media):
    _backup_and_restore_into_empty(tmp_path, media)
    from minsheng.accounts.models import User

    assert User.objects.get(username="office").role == Role.OFFICE


def test_the_archive_names_what_it_holds(running_plan, tmp_path):
    import zipfile

    archive = tmp_path / "minsheng.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        stored = Evidence.objects.get(caption="现场").file.name
        assert f"files/{stored}" in opened.namelist()
        assert manifest["files"] == len([n for n in opened.namelist() if n.startswith("files/")])


def test_restore_refuses_a_database_that_is_not_empty(running_plan, tmp_path, media):
    archive = tmp_path / "minsheng.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    media.MEDIA_ROOT = tmp_path / "new-data-directory"
    with pytest.raises(CommandError, match="数据库不是空的"):
        call_command("restore", str(archive))


def test_restore_refuses_a_storage_that_holds_files(running_plan, tmp_path, media):
    archive = tmp_path / "minsheng.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    other = tmp_path / "other.zip"
    other.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(CommandError, match="not a Minsheng backup"):
        call_command("restore", str(other))
