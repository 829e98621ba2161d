"""The office page, through Django's test client and in a real browser."""

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from playwright.sync_api import expect

from minsheng.accounts.models import Role
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Indicator, Jurisdiction, Plan

DATA = Path(__file__).parent / "data"
SEED_TEXT = (DATA / "qingdao_2025_report.txt").read_text(encoding="utf-8")
URL = "/ingest/"


@pytest.fixture
def office(django_user_model: Any) -> Any:
    """The office of 青岛市, the city the documents speak of (it saves only its own plans)."""
    qingdao, _created = Jurisdiction.objects.get_or_create(
        name="青岛市", parent=None, defaults={"slug": "qingdao", "level": JurisdictionLevel.CITY}
    )
    return django_user_model.objects.create_user(
        "office", password="s3cret-pass!", role=Role.OFFICE, jurisdiction=qingdao
    )


def test_the_page_is_named_ingest_index() -> None:
    assert reverse("ingest:index") == URL


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.AUDITOR, Role.OBSERVER])
def test_other_roles_are_refused(client: Any, django_user_model: Any, role: str) -> None:
    client.force_login(django_user_model.objects.create_user("someone", role=role))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_reading_pasted_text_shows_every_project(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.post(URL, {"text": SEED_TEXT, "action": "read"})
    assert response.status_code == 200
    assert len(response.context["projects"]) == 15
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_reading_an_uploaded_gb18030_file(client: Any, office: Any) -> None:
    client.force_login(office)
    upload = SimpleUploadedFile("plan.txt", (DATA / "plan_list_gb18030.txt").read_bytes())
    response = client.post(URL, {"file": upload, "action": "read"})
    assert len(response.context["projects"]) == 8


@pytest.mark.django_db
def test_an_image_upload_is_refused_in_both_languages(client: Any, office: Any) -> None:
    client.force_login(office)
    upload = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    response = client.post(URL, {"file": upload, "action": "read"})
    errors = response.context["form"].non_field_errors()
    assert errors and " / " in errors[0]


@pytest.mark.django_db
def test_user_text_is_escaped(client: Any, office: Any) -> None:
    client.force_login(office)
    text = "青岛市2025年市办实事\n第1件：<script>alert(1)</script>，新增就业5万人。"
    response = client.post(URL, {"text": text, "action": "read"})
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


@pytest.mark.django_db
def test_saving_applies_corrections_and_writes_a_draft(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.post(
        URL,
        {
            "action": "save",
            "source": SEED_TEXT,
            "jurisdiction": "青岛市",
            "year": "2025",
            "p0-i0-target": "360000",
            "p0-i0-unit": "人",
            "p0-i0-comparator": "gte",
            "p0-i0-name": "城镇新增就业",
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.state == PlanState.DRAFTING
    first = Indicator.objects.get(project__plan=plan, project__number=1, order=0)
    assert (first.name, first.target) == ("城镇新增就业", 360000)


@pytest.mark.django_db
def test_saving_a_bad_correction_saves_nothing(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.post(
        URL,
        {"action": "save", "source": SEED_TEXT, "year": "2025", "p0-i0-target": "many"},
    )
    assert response.status_code == 400
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_saving_twice_never_overwrites(client: Any, office: Any) -> None:
    linhai = Jurisdiction.objects.create(name="临海市", slug="linhai", level=JurisdictionLevel.CITY)
    office.jurisdiction = linhai
    office.save()
    client.force_login(office)
    source = (DATA / "plan_list_gb18030.txt").read_bytes().decode("gb18030")
    data = {"action": "save", "source": source, "year": "2025"}
    client.post(URL, data)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_saving_a_report_on_an_existing_plan_keeps_the_plan(
    client: Any, office: Any, demo_plan: Any
) -> None:
    client.force_login(office)
    response = client.post(URL, {"action": "save", "source": SEED_TEXT, "year": "2025"})
    assert response.status_code == 302
    assert Plan.objects.get().state == demo_plan.state


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_read_check_and_save_in_a_real_browser(live_server: Any, page: Any, office: Any) -> None:
    page.goto(live_server.url + "/accounts/login/?next=" + URL)
    page.fill("#id_username", "office")
    page.fill("#id_password", "s3cret-pass!")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + URL)
    assert [v["id"] for v in Axe().run(page).response["violations"]] == []
    page.fill("#id_text", SEED_TEXT)
    page.click("button[value=read]")
    expect(page.locator(".project")).to_have_count(15)  # waits for the page to arrive
    # a value links to its highlighted span in the source
    link = page.locator("a.src", has_text="3.84万").first
    link.click()
    anchor = link.get_attribute("data-anchor")
    expect(page).to_have_url(f"{live_server.url}{URL}#{anchor}")
    assert page.locator(f"mark#{anchor}").inner_text() == "3.84万人"
    expect(page.locator("mark:target")).to_have_count(1)
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations] == []
    # correct a target, then save
    page.fill("input[name='p0-i1-target']", "31000")
    page.click("#save-form button[type=submit]")
    page.wait_for_selector(".messages li.success")
    first = Indicator.objects.get(project__plan__year=2025, project__number=1, order=1)
    assert first.target == 31000


def test_a_missing_year_is_asked_for_beside_its_field(client: Any, office: Any) -> None:
    client.force_login(office)
    upload = SimpleUploadedFile(
        "list.txt", "临江区民生实事\n1.新建口袋公园20个。\n2.新增充电桩500个。\n".encode()
    )
    response = client.post(URL, {"action": "read", "text": "", "file": upload})
    form = response.context["form"]
    assert list(form.errors) == ["year"]
    assert "新建口袋公园20个" in form["text"].value()


def test_unsure_readings_are_listed_first(client: Any, office: Any) -> None:
    client.force_login(office)
    text = "临江区2025年民生实事\n1.新建学校16所，新增学位约3.8万个。\n2.新增充电桩500个。\n"
    response = client.post(URL, {"action": "read", "text": text})
    unsure = response.context["unsure"]
    assert [row.target for _project, row in unsure] == [38000]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [360, 1366])
def test_the_extracted_table_fits_the_screen(
    live_server: Any, browser: Any, office: Any, width: int
) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/accounts/login/?next=" + URL)
        page.fill("#id_username", "office")
        page.fill("#id_password", "s3cret-pass!")
        page.click("main button[type=submit]")
        page.wait_for_url(live_server.url + URL)
        page.fill("#id_text", SEED_TEXT)
        page.click("button[value=read]")
        expect(page.locator(".project")).to_have_count(15)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
