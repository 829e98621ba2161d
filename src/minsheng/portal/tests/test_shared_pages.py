"""Anonymous portal pages answered by SharedPageMiddleware, before the view runs."""

import pytest
from django.test import Client

from minsheng.testing import make_user

pytestmark = pytest.mark.django_db

PROJECT = "/2025/qingdao/3/"
# Set per response by the outer middleware, or per visitor.
PER_RESPONSE = {"Content-Length", "Set-Cookie"}


def headers(response) -> dict[str, object]:
    """The headers a page is kept with; Vary as a set (its order means nothing)."""
    found: dict[str, object] = {}
    for name, value in response.items():
        if name not in PER_RESPONSE:
            found[name] = set(value.split(", ")) if name == "Vary" else value
    return found


def reached_the_view(response) -> bool:
    return response.wsgi_request.resolver_match is not None


def test_the_second_anonymous_visit_is_answered_before_the_view(client, demo_plan):
    assert reached_the_view(client.get(PROJECT))
    assert not reached_the_view(Client().get(PROJECT))


def test_a_shared_answer_carries_the_headers_of_the_page_it_copies(client, demo_plan, settings):
    settings.MINSHENG_DEMO = True
    first = client.get(PROJECT)
    second = Client().get(PROJECT)
    assert not reached_the_view(second)
    kept = headers(first)
    assert headers(second) == kept
    assert "Content-Security-Policy" in kept and "X-Frame-Options" in kept
    assert "X-Minsheng-Demo" in kept


def test_a_shared_answer_is_the_same_page_byte_for_byte(client, demo_plan):
    first = client.get(PROJECT).content
    assert Client().get(PROJECT).content == first


def test_a_reader_of_public_pages_is_given_no_cookie(demo_plan):
    visitor = Client()
    for _ in range(2):
        response = visitor.get(PROJECT)
        assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_a_page_asked_with_other_parameters_is_served_but_not_kept(demo_plan):
    Client().get(PROJECT + "?from=weibo")
    assert reached_the_view(Client().get(PROJECT))
    assert not reached_the_view(Client().get(PROJECT + "?from=weibo"))


def test_a_signed_in_visitor_always_reaches_the_view(client, demo_plan):
    Client().get(PROJECT)
    client.force_login(make_user(username="zhaolei"))
    response = client.get(PROJECT)
    assert reached_the_view(response)
    assert "zhaolei" in response.content.decode()


def test_a_visitor_with_a_message_waiting_reaches_the_view(demo_plan):
    Client().get(PROJECT)
    visitor = Client()
    visitor.cookies["messages"] = "anything"
    assert reached_the_view(visitor.get(PROJECT))


def test_each_language_has_its_own_shared_page(demo_plan):
    Client().get(PROJECT)
    english = Client(headers={"accept-language": "en"})
    assert reached_the_view(english.get(PROJECT))
    assert not reached_the_view(Client(headers={"accept-language": "en"}).get(PROJECT))


def test_large_text_has_its_own_shared_page(demo_plan):
    Client().get(PROJECT)
    visitor = Client()
    visitor.cookies["minsheng_text"] = "large"
    assert reached_the_view(visitor.get(PROJECT))


def test_a_search_always_reaches_the_view(demo_plan):
    Client().get("/2025/qingdao/?q=停车")
    assert reached_the_view(Client().get("/2025/qingdao/?q=停车"))


def test_a_page_whose_view_is_not_shared_is_never_kept(demo_plan):
    Client().get("/region/shandong/")
    assert reached_the_view(Client().get("/region/shandong/"))


def test_a_missing_page_is_never_kept(demo_plan):
    Client().get("/2025/qingdao/99/")
    response = Client().get("/2025/qingdao/99/")
    assert response.status_code == 404
    assert reached_the_view(response)
