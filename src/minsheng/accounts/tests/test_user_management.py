"""User management by an office over its own subtree: create, import, edit, deactivate."""

import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from minsheng.accounts import services
from minsheng.accounts.models import Role, User
from minsheng.audit.models import AuditRecord
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Jurisdiction
from minsheng.testing import make_department, make_user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cities(db):
    province = Jurisdiction.objects.create(
        name="山东省", slug="shandong", level=JurisdictionLevel.PROVINCE
    )
    qingdao = Jurisdiction.objects.create(
        name="青岛市", slug="qingdao", level=JurisdictionLevel.CITY, parent=province
    )
    yantai = Jurisdiction.objects.create(
        name="烟台市", slug="yantai", level=JurisdictionLevel.CITY, parent=province
    )
    make_department(qingdao, name="市人力资源社会保障局")
    make_department(yantai, name="烟台市民政局")
    return qingdao, yantai


@pytest.fixture
def office(cities):
    return make_user(Role.OFFICE, jurisdiction=cities[0], username="office-qingdao")


def sheet(*rows):
    book = Workbook()
    page = book.active
    page.append(services.IMPORT_COLUMNS)
    for row in rows:
        page.append(list(row))
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


GOOD = ("李人社", "13800000001", "li@example.org", "市人力资源社会保障局", "责任单位填报员")
OTHER_CITY = ("王民政", "13800000002", "", "烟台市民政局", "责任单位填报员")


def test_an_import_with_a_department_of_another_city_writes_nothing(office):
    with pytest.raises(services.AccountError) as refused:
        services.users_import(actor=office, upload=sheet(GOOD, OTHER_CITY))
    assert (User.objects.filter(username__startswith="138").count(), refused.value.messages) == (
        0,
        ["第3行：单位：本辖区没有“烟台市民政局”"],
    )


def test_a_valid_import_creates_every_row_with_a_temporary_password(office):
    created = services.users_import(actor=office, upload=sheet(GOOD))
    user = User.objects.get(username="13800000001")
    assert (
        user.full_name,
        user.must_change_password,
        user.check_password(created[0].password),
    ) == (
        "李人社",
        True,
        True,
    )


def test_another_citys_account_is_404_to_the_office(office, cities, client):
    stranger = make_user(Role.OFFICE, jurisdiction=cities[1])
    client.force_login(office)
    assert client.get(reverse("accounts:user_edit", args=[stranger.pk])).status_code == 404


def test_deactivating_another_citys_account_by_a_guessed_id_changes_nothing(office, cities, client):
    stranger = make_user(Role.OFFICE, jurisdiction=cities[1])
    client.force_login(office)
    client.post(reverse("accounts:user_active", args=[stranger.pk]), {"active": "0"})
    stranger.refresh_from_db()
    assert stranger.is_active


def test_the_list_shows_only_the_offices_subtree(office, cities, client):
    make_user(Role.SUPERVISOR, jurisdiction=cities[1], username="yantai-supervisor")
    client.force_login(office)
    assert "yantai-supervisor" not in client.get(reverse("accounts:users")).content.decode()


def test_a_role_change_is_audited_with_before_and_after(office, cities):
    account = make_user(Role.OBSERVER, jurisdiction=cities[0])
    services.user_update(
        actor=office, user=account, full_name="张代表", role=Role.SUPERVISOR, jurisdiction=cities[0]
    )
    record = AuditRecord.objects.get(action="user.update", object_id=str(account.pk))
    assert (record.before["role"], record.after["role"]) == (Role.OBSERVER, Role.SUPERVISOR)


def test_deactivation_is_audited_and_the_account_kept(office, cities):
    account = make_user(Role.OBSERVER, jurisdiction=cities[0])
    services.user_set_active(actor=office, user=account, active=False)
    record = AuditRecord.objects.get(action="user.deactivate", object_id=str(account.pk))
    assert (
        record.before["is_active"],
        record.after["is_active"],
        User.objects.filter(pk=account.pk).exists(),
    ) == (
        True,
        False,
        True,
    )


def test_a_password_reset_is_audited(office, cities):
    account = make_user(Role.OBSERVER, jurisdiction=cities[0])
    services.user_password_reset(actor=office, user=account)
    assert AuditRecord.objects.filter(
        action="user.password_reset", object_id=str(account.pk)
    ).exists()


def test_a_temporary_password_sends_the_user_to_the_change_form(office, client):
    created = services.user_create(
        actor=office, username="13800000009", full_name="赵督查", role=Role.SUPERVISOR
    )
    client.force_login(created.user)
    response = client.get("/progress/")
    assert response.status_code == 302 and response["Location"] == reverse(
        "accounts:password_change"
    )


def test_the_admin_refuses_a_staff_office_user(office, client):
    office.is_staff = True
    office.save()
    client.force_login(office)
    assert client.get("/admin/accounts/user/").status_code == 302


def test_the_admin_shows_no_audit_records_to_a_superuser(client, db):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    assert client.get("/admin/audit/auditrecord/").status_code == 403
