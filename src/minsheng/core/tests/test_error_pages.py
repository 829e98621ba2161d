"""403, 404, 429 and 500 pages: Chinese first, English by choice, a way back, input kept (issue 13, point 6)."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from minsheng.core.views import server_error
from minsheng.testing import make_user

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_in_chinese_with_a_way_home(client):
    response = client.get("/no-such-page/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "此地址没有内容" in text and 'href="/"' in text


def test_a_missing_page_is_in_english_when_the_reader_chose_english(client):
    client.cookies["django_language"] = "en"
    text = client.get("/no-such-page/").content.decode()
    assert "Page not found" in text and "此地址没有内容" not in text


def test_the_way_back_leads_to_the_page_the_reader_came_from(client):
    response = client.get("/no-such-page/", HTTP_REFERER="http://testserver/2025/qingdao/")
    assert 'href="http://testserver/2025/qingdao/"' in response.content.decode()


def test_a_way_back_to_another_site_is_not_offered(client):
    response = client.get("/no-such-page/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in response.content.decode()


def test_a_refused_page_says_so_in_chinese(client):
    client.force_login(make_user())
    response = client.get(reverse("audit:index"))
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


def test_an_expired_form_keeps_what_was_typed_but_not_the_password():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("accounts:login"), {"username": "张三的长篇建议", "password": "秘密口令"}
    )
    text = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期" in text and "张三的长篇建议" in text and "秘密口令" not in text


def test_too_many_downloads_get_a_readable_page(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "download": (1, 60)}
    client.get("/2025/qingdao/download.csv")
    response = client.get("/2025/qingdao/download.csv")
    assert response.status_code == 429 and response["Retry-After"]
    assert "请求过于频繁" in response.content.decode() and 'href="/"' in response.content.decode()


def test_the_server_error_page_speaks_both_languages_chinese_first():
    response = server_error(RequestFactory().get("/"))
    text = response.content.decode()
    assert response.status_code == 500
    assert text.index("服务器出错了") < text.index("Server error") and 'href="/"' in text
