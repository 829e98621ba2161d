import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_every_indicator_of_the_demo_year(client, demo_plan):
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "2025年市办实事" in text
    assert "扶持创业" in text and "3.84万人" in text and "128%" in text
    assert text.count('class="status status-') >= 49 + 8


def test_home_says_so_when_nothing_is_published(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "尚未发布" in response.content.decode()


@pytest.mark.browser
def test_home_renders_in_a_real_browser(live_server, page, demo_plan):
    page.goto(live_server.url + "/")
    assert page.locator("h2").count() == 15
    assert page.get_by_text("养护提升“四好农村路”").count() >= 0
    assert "129.8%" in page.content()
