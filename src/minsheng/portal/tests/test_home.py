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


def test_the_first_project_page_shows_the_seeds_figures(client, demo_plan):
    text = client.get("/2025/qingdao/1/").content.decode()
    assert "扶持创业" in text and "3.84万人" in text and "128%" in text


def test_home_links_every_project_to_its_page(client, demo_plan):
    text = client.get("/").content.decode()
    assert all(f'href="/2025/qingdao/{number}/"' in text for number in range(1, 16))
