"""Production settings: a public key refused, check --deploy clean, CSP, idle sign-out (issue 13, point 12)."""

import os
import secrets
import subprocess
import sys

import pytest
import time_machine
from django.urls import reverse

from minsheng.accounts.models import Role
from minsheng.testing import make_user

PUBLIC_KEY = "minsheng-embedded-default-key-change-me-in-production"


def _minsheng(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "MINSHENG_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_public_default_key_stops_a_production_server(tmp_path):
    result = _minsheng(tmp_path, "check", DEBUG="0", SECRET_KEY=PUBLIC_KEY)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_without_a_key_the_embedded_default_makes_its_own(tmp_path):
    assert _minsheng(tmp_path, "check", DEBUG="0").returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50 and key != PUBLIC_KEY
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_deploy_check_is_clean_with_production_variables(tmp_path):
    result = _minsheng(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="minsheng.example.org",
        SECURE_COOKIES="1",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNINGS" not in result.stderr + result.stdout


def test_settings_the_apps_read_come_from_the_environment(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.TRUST_X_REAL_IP, s.REPORT_JOBS_START_IN_WEB, s.SITE_URL,"
        " s.RATE_LIMITS['submit'], s.SECURE_PROXY_SSL_HEADER)"
    )
    result = _minsheng(
        tmp_path,
        "shell",
        "--no-imports",
        "-c",
        code,
        TRUST_X_REAL_IP="1",
        REPORT_JOBS_START_IN_WEB="0",
        SITE_URL="https://minsheng.example.org/",
        RATE_LIMITS="submit=7/300",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
    )
    assert result.stdout.split("\n")[0] == (
        "True False https://minsheng.example.org (7, 300) ('HTTP_X_FORWARDED_PROTO', 'https')"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/admin/login/", "/api/plans"])
def test_every_page_carries_a_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


@pytest.mark.django_db
def test_a_signed_in_session_ends_after_thirty_idle_minutes(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = make_user(Role.AUDITOR)
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False) as traveller:
        client.force_login(user)
        assert client.get(reverse("audit:index")).status_code == 200
        traveller.shift(29 * 60)
        assert client.get(reverse("audit:index")).status_code == 200
        traveller.shift(31 * 60)
        assert client.get(reverse("audit:index")).status_code == 302


@pytest.mark.django_db
def test_a_busy_session_still_ends_after_a_working_day(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = make_user(Role.AUDITOR)
    with time_machine.travel("2026-03-02 08:00 +0800", tick=False) as traveller:
        client.force_login(user)
        for _ in range(12 * 4 + 1):
            assert client.get(reverse("audit:index")).status_code == 200
            traveller.shift(15 * 60)
        assert client.get(reverse("audit:index")).status_code == 302


def test_sessions_live_less_than_two_weeks(settings):
    assert settings.SESSION_COOKIE_AGE < 14 * 24 * 60 * 60
    assert settings.SIGNED_IN_SESSION_MAX_AGE < 14 * 24 * 60 * 60
