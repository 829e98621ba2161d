import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_every_project_of_the_demo_year(client, demo_plan):
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "2025年市办实事" in text
    assert "完善重点群体就业创业支持措施和服务体系" in text or "第1件" in text
    assert text.count('class="card"') == 15


def test_home_says_so_when_nothing_is_published(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "尚未发布" in response.content.decode()
