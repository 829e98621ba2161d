import io
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.progress import services
from minsheng.progress.models import ProgressReport, ReportState
from minsheng.progress.tests.images import jpeg_with_gps

DAY = "2025-06-30"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_reporter_sees_only_its_own_items_with_target_last_value_and_percent(world):
    text = _client(world.reporter_a).get(reverse("progress:index")).content.decode()
    assert "扶持创业" in text and "建成就业服务中心" in text
    assert "3万人" in text and "4000人" in text and "13.3%" in text
    assert "改造老旧小区" not in text and "新增公共停车位" not in text


def test_a_district_reporter_sees_its_allocation_only(world):
    text = _client(world.district_reporter).get(reverse("progress:index")).content.decode()
    assert "新增公共停车位" in text and "市南区" in text
    assert "市北区" not in text and "扶持创业" not in text


def test_the_report_form_shows_target_and_last_approved_value(world):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    text = _client(world.reporter_a).get(url).content.decode()
    assert "3万人" in text and "4000人" in text and "13.3%" in text


def test_a_lower_value_without_reason_is_refused_and_the_typed_values_stay(world):
    url = reverse("progress:new", args=["indicator", world.indicator_a.pk])
    response = _client(world.reporter_a).post(
        url, {"as_of": DAY, "value": "3500", "narrative": "上半年进展"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "低于上次审核通过的" in text
    assert 'value="3500"' in text and "上半年进展" in text
    assert not ProgressReport.objects.filter(state=ReportState.DRAFT).exists()


def test_a_report_with_a_photo_is_saved_as_a_draft_with_its_evidence(world, media):
    photo = io.BytesIO(jpeg_with_gps())
    photo.name = "site.jpg"
    response = _client(world.reporter_a).post(
        reverse("progress:new", args=["indicator", world.indicator_a.pk]),
        {"as_of": DAY, "value": "5000", "evidence": photo, "caption": "创业孵化基地"},
    )
    report = ProgressReport.objects.get(state=ReportState.DRAFT)
    assert response.status_code == 302
    assert report.evidence.get().caption == "创业孵化基地"


def test_a_refused_photo_saves_no_report_either(world, media):
    fake = io.BytesIO(b"MZ not an image")
    fake.name = "site.jpg"
    response = _client(world.reporter_a).post(
        reverse("progress:new", args=["indicator", world.indicator_a.pk]),
        {"as_of": DAY, "value": "5000", "evidence": fake, "caption": "x"},
    )
    assert response.status_code == 200
    assert "不接受" in response.content.decode()
    assert not ProgressReport.objects.filter(state=ReportState.DRAFT).exists()


def _submitted(world, value=Decimal(5000)):
    report = services.progress_report_create(
        actor=world.reporter_a, subject=world.indicator_a, as_of=date(2025, 6, 30), value=value
    )
    return services.progress_report_submit(
        actor=world.reporter_a, report=report, expected_version=report.version
    )


def test_the_review_queue_shows_the_previous_value_beside_the_new_one(world):
    _submitted(world, Decimal(5200))
    text = _client(world.office).get(reverse("progress:review")).content.decode()
    assert "4000人" in text and "5200人" in text and "市人力资源社会保障局" in text


def test_bulk_approve_from_the_queue_makes_the_values_count(world):
    report = _submitted(world)
    _client(world.office).post(
        reverse("progress:bulk_approve"), {"report": f"{report.pk}:{report.version}"}
    )
    assert ProgressReport.objects.get(pk=report.pk).state == ReportState.APPROVED


def test_two_sessions_editing_one_report_the_second_gets_the_conflict_screen(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )
    edit = reverse("progress:edit", args=[report.pk])
    first, second = _client(world.reporter_a), _client(world.office)
    seen = report.version
    assert first.get(edit).status_code == 200 and second.get(edit).status_code == 200
    assert first.post(edit, {"version": seen, "as_of": DAY, "value": "6000"}).status_code == 302
    response = second.post(edit, {"version": seen, "as_of": DAY, "value": "7000"})
    text = response.content.decode()
    assert response.status_code == 409
    assert "6000" in text and "7000" in text and "他人" in text
    assert ProgressReport.objects.get(pk=report.pk).value == Decimal(6000)


def test_the_conflict_screen_lets_the_second_person_save_theirs_over_the_new_version(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
    )
    edit = reverse("progress:edit", args=[report.pk])
    services.progress_report_update(
        actor=world.reporter_a,
        report=report,
        expected_version=report.version,
        as_of=date(2025, 6, 30),
        value=Decimal(6000),
    )
    response = _client(world.office).post(
        edit, {"version": report.version, "as_of": DAY, "value": "7000"}
    )
    assert f'name="version" value="{report.version + 1}"' in response.content.decode()
    again = _client(world.office).post(
        edit, {"version": report.version + 1, "as_of": DAY, "value": "7000"}
    )
    assert again.status_code == 302
    assert ProgressReport.objects.get(pk=report.pk).value == Decimal(7000)


def test_approving_a_report_someone_already_returned_shows_the_conflict(world):
    report = _submitted(world)
    services.progress_report_return(
        actor=world.office, report=report, expected_version=report.version, comment="请核实"
    )
    response = _client(world.office).post(
        reverse("progress:approve", args=[report.pk]), {"version": report.version}
    )
    assert response.status_code == 409
    assert ProgressReport.objects.get(pk=report.pk).state == ReportState.RETURNED


def test_the_office_sees_which_departments_have_not_reported_for_a_period(world):
    _submitted(world)
    url = reverse("progress:missing") + "?period=2025-06-01"
    text = _client(world.office).get(url).content.decode()
    not_reported = text.split('class="missing"')[1].split("</table>")[0]
    assert "市住房城乡建设局" in not_reported and "改造老旧小区" in not_reported
    assert "市南区" in not_reported and "市北区" in not_reported
    assert "扶持创业" not in not_reported  # reported for June


def test_a_report_submitted_after_the_deadline_is_listed_as_late(world):
    _submitted(world)  # dated June 2025, submitted today: long after 5 July 2025
    url = reverse("progress:missing") + "?period=2025-06-01"
    text = _client(world.office).get(url).content.decode()
    assert "扶持创业 @ 2025-06-30" in text.split('class="missing"')[1].split("</table>")[1]


def test_user_text_is_escaped_on_the_report_page(world):
    report = services.progress_report_create(
        actor=world.reporter_a,
        subject=world.indicator_a,
        as_of=date(2025, 6, 30),
        value=Decimal(5000),
        narrative="<script>alert(1)</script>",
    )
    text = (
        _client(world.reporter_a).get(reverse("progress:report", args=[report.pk])).content.decode()
    )
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_the_english_interface_is_translated_too(world):
    client = _client(world.reporter_a)
    client.cookies["django_language"] = "en"
    text = client.get(reverse("progress:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Last approved" in text


def test_the_audit_record_of_a_web_change_names_the_client_address(world):
    client = _client(world.reporter_a)
    client.post(
        reverse("progress:new", args=["indicator", world.indicator_a.pk]),
        {"as_of": DAY, "value": "5000"},
        REMOTE_ADDR="10.20.30.40",
    )
    from minsheng.audit.models import AuditRecord

    record = AuditRecord.objects.get(action="progress_report.create")
    assert record.ip_address == "10.20.30.40" and record.actor == world.reporter_a


def test_the_office_switches_a_plan_to_quarterly_reporting(world):
    client = _client(world.office)
    client.post(reverse("progress:periods"), {"months": "3", "deadline_days": "10"})
    text = client.get(reverse("progress:missing")).content.decode()
    assert "2025-04-01 – 2025-06-30" in text and "2025-05-01" not in text
