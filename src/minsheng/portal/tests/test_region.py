"""A province's page lists its cities' public plans; the API gives the jurisdiction tree."""

import pytest
from django.urls import reverse

from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Jurisdiction
from minsheng.plans.vocabulary import ensure_default_domains
from minsheng.testing import make_plan, make_project


@pytest.fixture
def shandong(db):
    ensure_default_domains()
    province = Jurisdiction.objects.create(
        name="山东省", slug="shandong", level=JurisdictionLevel.PROVINCE
    )
    for name, slug, state in (
        ("青岛市", "qingdao", PlanState.IN_PROGRESS),
        ("烟台市", "yantai", PlanState.DRAFTING),
    ):
        city = Jurisdiction.objects.create(
            name=name, slug=slug, level=JurisdictionLevel.CITY, parent=province
        )
        make_project(make_plan(jurisdiction=city, state=state, title=f"2025年{name}办实事"))
    return province


def test_the_province_page_lists_the_public_plans_of_its_cities(client, shandong):
    page = client.get(reverse("portal:region", args=["shandong"])).content.decode()
    assert ("2025年青岛市办实事" in page, "2025年烟台市办实事" in page) == (True, False)


def test_an_unknown_region_is_404(client, db):
    assert client.get(reverse("portal:region", args=["nowhere"])).status_code == 404


def test_the_api_gives_the_jurisdiction_tree(client, shandong):
    tree = client.get("/api/jurisdictions").json()
    province = next(node for node in tree if node["slug"] == "shandong")
    assert sorted(child["slug"] for child in province["children"]) == ["qingdao", "yantai"]
