"""Bulk import of offline and hotline suggestions: all or nothing, row errors in Chinese."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from minsheng.audit.models import AuditRecord
from minsheng.core.i18n import UserFacingError
from minsheng.participation import services
from minsheng.participation.models import Suggestion, SuggestionContact
from minsheng.participation.tests.builders import make_window, office

pytestmark = pytest.mark.django_db

HEADER = "领域,区,建议内容,联系人,联系电话,来源\n"


def run(window, text, name="hotline.csv", encoding="utf-8"):
    return services.suggestions_import(
        actor=office(window), window=window, upload=io.BytesIO(text.encode(encoding)), name=name
    )


def test_a_clean_csv_is_imported_as_published_suggestions_with_contacts_apart():
    window = make_window()
    saved = run(
        window,
        HEADER
        + "交通出行,,建议在小区附近增加公共停车位,李四,13900001111,热线\n就业,,希望多举办社区招聘会和技能培训,,,线下\n",
    )
    assert len(saved) == 2
    assert saved[0].source == "hotline" and saved[0].state == "published"
    assert SuggestionContact.objects.get(suggestion=saved[0]).phone == "13900001111"
    assert AuditRecord.objects.filter(action="suggestion.import").exists()


def test_one_bad_row_saves_nothing_and_names_every_bad_row_in_chinese():
    window = make_window()
    text = (
        HEADER
        + "交通出行,,建议在小区附近增加公共停车位,,,热线\n教育,,希望学校延长课后托管时间,,,热线\n交通出行,,太短,,,热线\n"
    )
    with pytest.raises(UserFacingError) as error:
        run(window, text)
    assert Suggestion.objects.count() == 0
    messages = error.value.messages
    assert len(messages) == 2
    assert messages[0].startswith("第3行")
    assert messages[1].startswith("第4行")


def test_a_gbk_csv_from_excel_is_read():
    saved = run(make_window(), HEADER + "养老,,建议增加社区老年助餐点的数量\n", encoding="gbk")
    assert saved[0].text == "建议增加社区老年助餐点的数量"


def test_an_xlsx_workbook_is_imported():
    book = Workbook()
    sheet = book.active
    sheet.append(["领域", "建议内容", "来源"])
    sheet.append(["养老", "建议增加社区老年助餐点的数量", "热线"])
    data = io.BytesIO()
    book.save(data)
    window = make_window()
    saved = services.suggestions_import(
        actor=office(window), window=window, upload=io.BytesIO(data.getvalue()), name="list.xlsx"
    )
    assert len(saved) == 1


def test_a_file_pretending_to_be_xlsx_is_refused():
    with pytest.raises(UserFacingError, match="XLSX"):
        run(make_window(), "not a workbook", name="list.xlsx")


def test_a_file_without_the_needed_columns_is_refused():
    with pytest.raises(UserFacingError, match="领域"):
        run(make_window(), "a,b\n1,2\n")


def test_another_file_type_is_refused():
    with pytest.raises(UserFacingError, match="CSV or XLSX"):
        run(make_window(), "x", name="list.pdf")


def test_the_import_page_shows_row_errors_and_keeps_nothing(client):
    window = make_window()
    client.force_login(office(window))
    upload = io.BytesIO((HEADER + "教育,,希望学校延长课后托管时间,,,热线\n").encode())
    upload.name = "bad.csv"
    response = client.post(
        reverse("participation:window_import", args=[window.pk]), {"file": upload}, follow=True
    )
    assert "第2行" in response.content.decode()
    assert Suggestion.objects.count() == 0
