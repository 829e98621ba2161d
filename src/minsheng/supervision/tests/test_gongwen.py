"""The 督办单 as a 公文: PDF read back with pdftotext, DOCX reopened with python-docx."""

import io
import subprocess
from datetime import date

import docx
import pytest
from django.urls import reverse

from minsheng.reports.generate import Format, render
from minsheng.supervision.gongwen import notice_document, notice_number
from minsheng.supervision.services import notice_issue


@pytest.fixture
def notice(mid_year, office, project, department, indicator):
    return notice_issue(
        actor=office,
        project=project,
        department=department,
        indicator=indicator,
        reason="截至6月底完成率低于序时进度",
        required_action="制定整改措施并按周报送进展",
        reply_deadline=date(2025, 7, 8),
    )


def first_page_text(pdf: bytes, tmp_path, last_page: int | None = 1) -> str:
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    pages = ["-f", "1", "-l", str(last_page)] if last_page else []
    text = subprocess.run(
        ["pdftotext", *pages, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return "".join(text.split())


def test_the_number_follows_the_official_pattern(notice):
    assert notice_number(notice) == f"测政办督〔2025〕{notice.number}号"


def test_the_pdf_first_page_carries_the_red_header(notice, tmp_path):
    text = first_page_text(render(notice_document(notice), Format.PDF), tmp_path)
    assert text.startswith(f"{notice.plan.jurisdiction.name}人民政府办公厅")


def test_the_pdf_first_page_carries_the_document_number(notice, tmp_path):
    text = first_page_text(render(notice_document(notice), Format.PDF), tmp_path)
    assert notice_number(notice) in text


def test_the_pdf_names_the_department_and_the_deadline(notice, tmp_path):
    # Anywhere in the document: how far the text runs on page 1 depends on the names' length.
    text = first_page_text(render(notice_document(notice), Format.PDF), tmp_path, last_page=None)
    assert f"{notice.department.name}：" in text and "2025年7月8日前" in text


def test_the_docx_issuer_is_printed_in_red(notice):
    document = docx.Document(io.BytesIO(render(notice_document(notice), Format.DOCX)))
    issuer = document.paragraphs[0]
    assert (issuer.text, str(issuer.runs[0].font.color.rgb)) == (
        f"{notice.plan.jurisdiction.name}人民政府办公厅",
        "E60012",
    )


def test_the_docx_keeps_the_closing_lines_with_the_last_paragraph(notice):
    document = docx.Document(io.BytesIO(render(notice_document(notice), Format.DOCX)))
    texts = [p.text for p in document.paragraphs]
    closing = texts.index("特此通知。")
    before = document.paragraphs[closing - 1]
    assert (
        before.paragraph_format.keep_with_next,
        document.paragraphs[closing].paragraph_format.keep_with_next,
    ) == (True, True)


def test_the_docx_ends_with_the_imprint(notice):
    document = docx.Document(io.BytesIO(render(notice_document(notice), Format.DOCX)))
    assert document.paragraphs[-1].text.endswith("2025年7月1日印发")


def test_the_office_downloads_the_pdf_from_the_notice_page(client, notice, office):
    client.force_login(office)
    page = client.get(reverse("supervision:case", args=["notice", notice.pk])).content.decode()
    url = reverse("supervision:notice_download", args=[notice.pk, "pdf"])
    assert url in page and client.get(url)["Content-Type"] == "application/pdf"


def test_another_department_cannot_download_it(client, notice, outsider):
    client.force_login(outsider)
    url = reverse("supervision:notice_download", args=[notice.pk, "pdf"])
    assert client.get(url).status_code == 404
