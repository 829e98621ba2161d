"""The demo setting: off by default; on, the login page lists the accounts and every answer
says 演示数据; a server without it refuses to start while demo accounts exist."""

import io
import json
from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from openpyxl import load_workbook

from minsheng.demo import labels
from minsheng.demo.startup import is_serving, refuse_to_serve_demo_accounts
from minsheng.demo.tests.builders import demo_account

pytestmark = pytest.mark.django_db


def test_the_demo_is_off_by_default(settings):
    assert settings.MINSHENG_DEMO is False


def test_the_login_page_lists_demo_accounts_while_the_demo_is_on(client, settings):
    settings.MINSHENG_DEMO = True
    demo_account()
    assert 'data-account="demo-office"' in client.get("/accounts/login/").content.decode()


def test_the_login_page_lists_none_while_the_demo_is_off(client):
    demo_account()
    assert "data-account=" not in client.get("/accounts/login/").content.decode()


def test_one_click_sign_in_lands_on_the_accounts_work(client, settings):
    settings.MINSHENG_DEMO = True
    demo_account()
    response = client.post("/demo/sign-in/demo-office/")
    assert response["Location"] == "/office/cockpit/"


def test_one_click_sign_in_does_not_exist_while_the_demo_is_off(client):
    demo_account()
    assert client.post("/demo/sign-in/demo-office/").status_code == 404


def test_one_click_sign_in_refuses_a_user_who_is_not_a_demo_account(
    client, settings, django_user_model
):
    settings.MINSHENG_DEMO = True
    django_user_model.objects.create(username="real-office", role="office")
    assert client.post("/demo/sign-in/real-office/").status_code == 404


def test_the_tour_is_linked_from_every_page_while_the_demo_is_on(client, settings):
    settings.MINSHENG_DEMO = True
    assert 'href="/demo/tour/"' in client.get("/").content.decode()


def test_the_tour_is_in_english_too(client, settings):
    settings.MINSHENG_DEMO = True
    demo_account()
    text = client.get("/demo/tour/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Today in the demo is 1 December 2026" in text


def test_the_tour_is_in_chinese_by_default(client, settings):
    settings.MINSHENG_DEMO = True
    assert "演示导览" in client.get("/demo/tour/").content.decode()


def test_every_page_has_the_banner_while_the_demo_is_on(client, settings):
    settings.MINSHENG_DEMO = True
    assert 'data-demo="1"' in client.get("/accounts/login/").content.decode()


def test_no_banner_while_the_demo_is_off(client):
    assert 'data-demo="1"' not in client.get("/accounts/login/").content.decode()


def test_every_answer_carries_the_demo_header(client, settings):
    settings.MINSHENG_DEMO = True
    assert client.get("/api/plans")[labels.HEADER].startswith("demo-data")


def test_an_api_answer_says_demo_data(client, settings):
    settings.MINSHENG_DEMO = True
    assert json.loads(client.get("/api/plans").content)["demo"] == "演示数据"


def test_a_csv_export_starts_with_the_note():
    assert labels.label_csv(b"\xef\xbb\xbfa,b\r\n").startswith(
        b"\xef\xbb\xbf# " + labels.LABEL.encode()
    )


def test_an_xlsx_export_gains_a_demo_sheet():
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    labelled = load_workbook(io.BytesIO(labels.label_xlsx(out.getvalue())))
    assert labelled.sheetnames[0] == labels.LABEL


def test_a_docx_export_opens_with_the_note():
    import docx

    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("正文")
    document.save(out)
    labelled = docx.Document(io.BytesIO(labels.label_docx(out.getvalue())))
    assert labelled.paragraphs[0].text == labels.NOTE


def test_a_download_name_says_demo_data():
    assert "%E6%BC%94%E7%A4%BA%E6%95%B0%E6%8D%AE-report.pdf" in labels.label_filename(
        'attachment; filename="report.pdf"'
    )


def test_a_server_refuses_to_start_with_demo_accounts_and_the_demo_off():
    demo_account()
    with pytest.raises(ImproperlyConfigured, match="MINSHENG_DEMO"):
        refuse_to_serve_demo_accounts(["/srv/.venv/bin/gunicorn", "minsheng.wsgi"])


def test_a_server_starts_with_demo_accounts_and_the_demo_on(settings):
    settings.MINSHENG_DEMO = True
    demo_account()
    refuse_to_serve_demo_accounts(["gunicorn", "minsheng.wsgi"])


def test_a_server_starts_without_demo_accounts():
    refuse_to_serve_demo_accounts(["gunicorn", "minsheng.wsgi"])


def test_migrate_is_not_serving():
    assert not is_serving(["minsheng", "migrate"])


def test_runserver_is_serving():
    assert is_serving(["minsheng", "runserver", "8102"])


def test_a_report_document_carries_the_note_while_the_demo_is_on(settings, demo_plan):
    from minsheng.reports.document import Kind, Style
    from minsheng.reports.generate import Format, generate

    settings.MINSHENG_DEMO = True
    output = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.HTML, style=Style.PRESS, as_of=date(2025, 12, 31)
    )
    assert labels.NOTE in output.content.decode()


def test_a_pdf_report_carries_the_note_while_the_demo_is_on(settings, demo_plan, tmp_path):
    import subprocess

    from minsheng.reports.document import Kind, Style
    from minsheng.reports.generate import Format, generate

    settings.MINSHENG_DEMO = True
    output = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.PDF, style=Style.PRESS, as_of=date(2025, 12, 31)
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(output.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    assert "演示数据" in text.decode()


def test_a_report_document_has_no_note_while_the_demo_is_off(demo_plan):
    from minsheng.reports.document import Kind, Style
    from minsheng.reports.generate import Format, generate

    output = generate(
        demo_plan, kind=Kind.YEAR_END, fmt=Format.HTML, style=Style.PRESS, as_of=date(2025, 12, 31)
    )
    assert labels.NOTE not in output.content.decode()


def test_a_markdown_export_opens_with_the_note():
    assert labels.label_markdown(b"# title").startswith(f"> {labels.NOTE}".encode())
