"""/healthz and optional error reporting (issue 13, point 16)."""

import os
import subprocess
import sys

import pytest
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_storage(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert list(tmp_path.rglob("*.txt")) == []  # the probe file is removed


def test_healthz_answers_503_naming_storage_when_files_cannot_be_written(
    client, settings, tmp_path
):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocked
    assert default_storage.location == str(blocked)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"].startswith("error")
    assert response.json()["checks"]["database"] == "ok"


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200


def test_sentry_reporting_is_switched_on_by_the_environment(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "MINSHENG_DATA_DIR": str(tmp_path),
        "SENTRY_DSN": "https://public@sentry.example.invalid/1",
    }
    code = "import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    result = subprocess.run(
        [sys.executable, "-m", "django", "shell", "--no-imports", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.strip().splitlines()[0] == "True", result.stderr
