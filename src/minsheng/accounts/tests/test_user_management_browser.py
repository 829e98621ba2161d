"""User management in a real browser: create a user, import a sheet with one bad row (nothing
written), fix and import again, the new user's first sign-in changes the temporary password,
and the office deactivates an account."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from minsheng.accounts import services
from minsheng.accounts.models import Role, User
from minsheng.plans.choices import JurisdictionLevel
from minsheng.plans.models import Jurisdiction
from minsheng.testing import make_department, make_user

PASSWORD = "correct horse battery staple"


def log_in(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def sheet(path, *rows):
    book = Workbook()
    book.active.append(services.IMPORT_COLUMNS)
    for row in rows:
        book.active.append(list(row))
    data = io.BytesIO()
    book.save(data)
    path.write_bytes(data.getvalue())
    return str(path)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_office_manages_its_users_in_a_browser(page, browser, live_server, tmp_path):
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
    make_user(Role.OFFICE, jurisdiction=qingdao, username="office")
    log_in(page, live_server, "office")

    # Create one user by hand: the temporary password is shown once.
    page.goto(f"{live_server.url}/accounts/users/new/")
    page.fill("#id_username", "zhao")
    page.fill("#id_full_name", "赵督查")
    page.select_option("#id_role", Role.SUPERVISOR)
    page.click("main form button[type=submit]")
    temporary = page.locator("tr[data-user=zhao] .password code").inner_text()
    assert User.objects.get(username="zhao").must_change_password

    # A sheet naming another city's department: refused by row, nothing written.
    good = ("李人社", "13800000001", "li@example.org", "市人力资源社会保障局", "责任单位填报员")
    bad = ("王民政", "13800000002", "", "烟台市民政局", "责任单位填报员")
    page.goto(f"{live_server.url}/accounts/users/import/")
    page.set_input_files("#id_file", sheet(tmp_path / "bad.xlsx", good, bad))
    page.click("main form button[type=submit]")
    expect(page.locator(".problems")).to_contain_text("第3行")
    assert not User.objects.filter(username__in=["13800000001", "13800000002"]).exists()

    # Fixed (the bad row removed): the sheet is written.
    page.set_input_files("#id_file", sheet(tmp_path / "good.xlsx", good))
    page.click("main form button[type=submit]")
    expect(page.locator("tr[data-user='13800000001']")).to_be_visible()

    # The new supervisor's first sign-in: the password change comes first.
    other = browser.new_context(locale="zh-CN").new_page()
    log_in(other, live_server, "zhao", temporary)
    assert other.url.endswith("/accounts/password/")
    other.fill("#id_old_password", temporary)
    other.fill("#id_new_password1", "a-much-longer-secret-42")
    other.fill("#id_new_password2", "a-much-longer-secret-42")
    other.click("main form button[type=submit]")
    other.goto(f"{live_server.url}/office/cockpit/")
    assert not other.url.endswith("/accounts/password/")
    assert not User.objects.get(username="zhao").must_change_password
    other.context.close()

    # Deactivate: the account stays, and can no longer sign in.
    page.goto(f"{live_server.url}/accounts/users/")
    page.locator("tr[data-user=zhao] form[action$='/active/'] button").click()
    expect(page.locator("tr[data-user=zhao] .status")).to_have_text("已停用")
    assert not User.objects.get(username="zhao").is_active
