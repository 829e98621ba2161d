import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from minsheng.plans.choices import PlanState
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_the_json_download_is_the_interchange_format(client, demo_plan):
    response = download(client, "/2025/qingdao/download.json")
    data = json.loads(response.content)
    assert data["format"] == "minsheng.plan/1" and len(data["projects"]) == 15
    assert 'filename="qingdao-2025.json"' in response["Content-Disposition"]


def test_the_csv_download_has_one_row_per_indicator_with_exact_figures(client, demo_plan):
    text = download(client, "/2025/qingdao/download.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    road = next(row for row in rows if row[5] == "养护提升“四好农村路”")
    assert road[7:12] == ["600", "公里", "778.55", "2025-12-31", "129.8"]


def test_the_xlsx_download_holds_the_same_rows(client, demo_plan):
    content = download(client, "/2025/qingdao/download.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    road = next(row for row in rows if row[5] == "养护提升“四好农村路”")
    assert Decimal(str(road[9])) == Decimal("778.55")


def test_a_download_defuses_text_that_a_spreadsheet_would_run(client):
    plan = make_plan()
    make_indicator(make_project(plan, title='=HYPERLINK("http://evil")'))
    text = download(client, f"/2025/{plan.jurisdiction.slug}/download.csv").content.decode()
    assert "'=HYPERLINK" in text


def test_a_download_leaves_out_unapproved_values(client):
    plan = make_plan()
    indicator = make_indicator(make_project(plan))
    make_report(indicator=indicator, value=9876, state="submitted")
    text = download(client, f"/2025/{plan.jurisdiction.slug}/download.csv").content.decode()
    assert "9876" not in text


def test_a_draft_plan_cannot_be_downloaded(client):
    plan = make_plan(state=PlanState.DRAFTING)
    assert client.get(f"/2025/{plan.jurisdiction.slug}/download.csv").status_code == 404


def test_an_unknown_format_is_not_found(client, demo_plan):
    assert client.get("/2025/qingdao/download.pdf").status_code == 404


def test_downloads_are_rate_limited(client, demo_plan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (1, 60), "download": (1, 60)}
    download(client, "/2025/qingdao/download.csv")
    response = client.get("/2025/qingdao/download.csv")
    assert response.status_code == 429 and response["Retry-After"]
