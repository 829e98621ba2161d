"""The whole loop in a real browser: a near-duplicate suggestion is caught and supported,
candidates are scored by an expert, five deputies vote with a tie that a run-off settles,
the chosen candidates become projects linking back to their suggestions, a site visit is
rated, and a department answers a resident's suggestion on a running project."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from minsheng.accounts.models import Role
from minsheng.participation import services
from minsheng.participation.models import Ballot, Candidate, Suggestion
from minsheng.plans.choices import JurisdictionLevel, PlanState
from minsheng.plans.models import Department, Domain, Jurisdiction, Plan
from minsheng.testing import make_user

PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_in(browser, live_server, user):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def domain(name, slug):
    return Domain.objects.get_or_create(name=name, defaults={"slug": slug})[0]


def vote(browser, live_server, deputy, ballot, titles):
    page = log_in(browser, live_server, deputy)
    page.goto(f"{live_server.url}/participate/ballots/{ballot.pk}/")
    for title in titles:
        page.get_by_label(title).check()
    page.get_by_role("button", name="投票", exact=True).click()
    page.get_by_text("您的选票已投出").wait_for()
    page.context.close()


def test_the_whole_participation_loop_runs_in_a_browser(browser, live_server, page):
    traffic, elderly = domain("交通出行", "jiaotong"), domain("养老", "yanglao")
    city = Jurisdiction.objects.create(name="青岛市", slug="qd", level=JurisdictionLevel.CITY)
    Jurisdiction.objects.create(
        name="市南区", slug="sn", level=JurisdictionLevel.DISTRICT, parent=city
    )
    transport = Department.objects.create(jurisdiction=city, name="市交通运输局")
    civil = Department.objects.create(jurisdiction=city, name="市民政局")
    plan = Plan.objects.create(
        jurisdiction=city, year=2026, title="2026年市办实事", state=PlanState.DRAFTING
    )
    office = make_user(Role.OFFICE, username="office", plan=plan)
    window = services.window_create(
        actor=office,
        plan=plan,
        topic="2026年市办实事项目征集",
        opens_on=timezone.localdate() - timedelta(days=1),
        closes_on=timezone.localdate() + timedelta(days=20),
        domains=[traffic, elderly],
    )
    earlier = services.suggestion_submit(
        window=window, domain=traffic, text="建议在老旧小区周边增加公共停车泊位", client=""
    )
    services.suggestion_moderate(actor=office, suggestion=earlier, publish=True)

    # 1. A resident starts typing a near-duplicate; the earlier suggestion is offered and supported.
    page.goto(f"{live_server.url}/participate/solicitations/{window.pk}/")
    page.get_by_label("您的建议").fill("老旧小区周边停车泊位太少，建议增加")
    page.locator("#similar").get_by_text("建议在老旧小区周边增加公共停车泊位").wait_for()
    page.locator("#similar").get_by_role("button", name="附议这条").click()
    page.get_by_text("感谢您的附议").wait_for()
    assert earlier.supports.count() == 1
    # ...and makes a different suggestion of their own, with a phone number kept apart.
    page.get_by_label("领域").select_option(label="养老")
    page.get_by_label("您的建议").fill("建议在社区增设老年助餐点，方便独居老人就餐")
    page.get_by_label("电话（选填）").fill("13812345678")
    page.get_by_role("button", name="提交", exact=True).click()
    page.get_by_role("heading", name="我的建议").wait_for()
    assert "待审核" in page.content()
    own = Suggestion.objects.get(text__startswith="建议在社区增设老年助餐点")

    # 2. The office publishes it, sets the rubric, appoints an expert and drafts candidates.
    office_page = log_in(browser, live_server, office)
    office_page.goto(f"{live_server.url}/participate/office/moderation/")
    assert "13812345678" in office_page.content()  # unmasked for the office only
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="确定").click()
    own.refresh_from_db()
    assert own.state == "published"
    expert = make_user(username="expert")
    office_page.goto(f"{live_server.url}/participate/office/plans/{plan.pk}/candidates/")
    office_page.fill("#id_criterion-name", "必要性")
    office_page.fill("#id_criterion-weight", "2")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="添加评分项").click()
    office_page.fill("#id_criterion-name", "可行性")
    office_page.fill("#id_criterion-weight", "1")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="添加评分项").click()
    office_page.select_option("#id_expert-user", label="expert")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="聘请专家").click()
    office_page.fill("#id_candidate-title", "新增老旧小区公共停车泊位")
    office_page.select_option("#id_candidate-domain", label="交通出行")
    office_page.fill("#id_candidate-estimated_cost", "12500000.00")
    office_page.select_option("#id_candidate-lead_department", label="市交通运输局")
    office_page.get_by_label("建议在老旧小区周边增加公共停车泊位").check()
    office_page.get_by_role("button", name="添加候选项目").click()
    office_page.locator("#candidates").get_by_text("新增老旧小区公共停车泊位").wait_for()
    parking = Candidate.objects.get(title="新增老旧小区公共停车泊位")
    meals = services.candidate_create(
        actor=office,
        plan=plan,
        title="增设社区老年助餐点",
        domain=elderly,
        estimated_cost=Decimal("8000000"),
        lead_department=civil,
        suggestions=[own],
    )
    lights = services.candidate_create(
        actor=office,
        plan=plan,
        title="改造背街小巷路灯",
        domain=traffic,
        estimated_cost=Decimal("3000000"),
        lead_department=transport,
    )

    # 3. The expert scores each candidate; the office sees the mean.
    expert_page = log_in(browser, live_server, expert)
    expert_page.goto(f"{live_server.url}/participate/vetting/{plan.pk}/")
    for candidate, (necessity, feasibility) in [
        (parking, ("9", "6")),
        (meals, ("8", "8")),
        (lights, ("6", "7")),
    ]:
        card = expert_page.locator(f"#candidate-{candidate.pk}")
        card.get_by_label("必要性").fill(necessity)
        card.get_by_label("可行性").fill(feasibility)
        card.get_by_role("button", name="保存评分").click()
        expert_page.get_by_text("已保存").wait_for()
    office_page.goto(f"{live_server.url}/participate/office/plans/{plan.pk}/candidates/")
    row = office_page.locator("#candidates tr", has_text="新增老旧小区公共停车泊位")
    assert "8.00" in row.inner_text()  # (9·2 + 6) / 3
    assert "1" in row.locator("td").nth(1).inner_text()  # one suggestion linked

    # 4. Five deputies, two places: the second place is tied and goes to a run-off.
    deputies = [make_user(Role.OBSERVER, username=f"deputy{n}", plan=plan) for n in range(5)]
    ballot = services.ballot_create(
        actor=office,
        plan=plan,
        title="2026年市办实事票决",
        seats=2,
        opens_at=timezone.now() - timedelta(minutes=5),
        closes_at=timezone.now() + timedelta(hours=2),
        candidates=[parking, meals, lights],
        voters=deputies,
    )
    office_page.goto(f"{live_server.url}/participate/ballots/{ballot.pk}/")
    office_page.get_by_role("button", name="开始投票").click()
    office_page.get_by_role("button", name="截止并计票").wait_for()
    choices = [
        (parking.title, meals.title),
        (parking.title, lights.title),
        (parking.title, meals.title),
        (parking.title, lights.title),
        (meals.title, lights.title),
    ]
    for deputy, titles in zip(deputies, choices, strict=True):
        vote(browser, live_server, deputy, ballot, titles)
    office_page.reload()
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="截止并计票").click()
    tally = office_page.locator("#tally")
    assert "当选" in tally.locator("tr", has_text=parking.title).inner_text()
    assert "平票" in tally.locator("tr", has_text=meals.title).inner_text()
    assert "平票" in tally.locator("tr", has_text=lights.title).inner_text()
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="发布结果并将当选项目列入清单").click()
    office_page.fill("#runoff-opens", local(timezone.now() - timedelta(minutes=5)))
    office_page.fill("#runoff-closes", local(timezone.now() + timedelta(hours=1)))
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="安排再次票决").click()
    office_page.get_by_role("button", name="开始投票").click()
    runoff = Ballot.objects.get(runoff_of=ballot)
    assert runoff.seats == 1
    for deputy, title in zip(deputies[:3], [meals.title, meals.title, lights.title], strict=True):
        vote(browser, live_server, deputy, runoff, [title])
    office_page.reload()
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="截止并计票").click()
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="发布结果并将当选项目列入清单").click()

    # 5. The plan is published (the plans app's step). The results link to the projects, and
    # the projects back to the suggestions they answer.
    Plan.objects.filter(pk=plan.pk).update(state=PlanState.PUBLISHED)
    page.goto(f"{live_server.url}/participate/ballots/{ballot.pk}/")
    page.locator("#tally").get_by_role("link", name="新增老旧小区公共停车泊位").click()
    assert "建议在老旧小区周边增加公共停车泊位" in page.locator("#origin").inner_text()
    meals.refresh_from_db()
    parking.refresh_from_db()
    assert (parking.project.number, meals.project.number) == (1, 2)
    lights.refresh_from_db()
    assert lights.project is None
    page.goto(f"{live_server.url}/participate/mine/")
    trail = page.locator(f"#mine-{own.pk}")
    assert "票决当选" in trail.inner_text() and "增设社区老年助餐点" in trail.inner_text()

    # 6. A site visit is held and rated.
    visit = services.visit_create(
        actor=office,
        title="走进市办实事·老年助餐",
        place="市南区某社区食堂",
        starts_at=timezone.now() + timedelta(hours=1),
        capacity=20,
        projects=[meals.project],
    )
    page.goto(f"{live_server.url}/participate/visits/{visit.pk}/")
    page.get_by_label("参加身份").select_option(label="政协委员")
    page.get_by_label("姓名").fill("赵委员")
    page.get_by_role("button", name="报名").click()
    page.get_by_role("heading", name="评议项目").wait_for()
    visit.starts_at = timezone.now() - timedelta(minutes=30)  # the visit has begun
    visit.save()
    page.select_option("#id_project", index=1)
    page.get_by_label("满意度").select_option("5")
    page.get_by_label("质量").select_option("4")
    page.get_by_label("进度").select_option("4")
    page.get_by_label("意见建议").fill("饭菜可口，希望增加送餐上门服务")
    page.get_by_role("button", name="提交评议").click()
    page.get_by_text("感谢您的评议").wait_for()
    office_page.goto(f"{live_server.url}/participate/visits/{visit.pk}/")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="发布评议结果").click()
    page.goto(f"{live_server.url}/participate/visits/{visit.pk}/")
    result = page.locator(f"#result-{meals.project.pk}")
    assert "1份评议" in result.inner_text()
    assert "5.00" in result.inner_text()

    # 7. A suggestion on the running project is answered by the lead department.
    page.goto(f"{live_server.url}/participate/projects/{meals.project.pk}/")
    page.get_by_label("您对本项目的意见建议").fill("建议助餐点周末也开放，并提供低盐饮食")
    page.get_by_role("button", name="提交", exact=True).click()
    page.get_by_role("heading", name="我的建议").wait_for()
    office_page.goto(f"{live_server.url}/participate/office/moderation/")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="确定").click()
    office_page.goto(f"{live_server.url}/participate/office/")
    with office_page.expect_navigation():
        office_page.get_by_role("button", name="交牵头单位答复").click()
    reporter = make_user(Role.DEPARTMENT_REPORTER, username="civil", department=civil)
    reporter_page = log_in(browser, live_server, reporter)
    reporter_page.goto(f"{live_server.url}/participate/replies/")
    reporter_page.get_by_label("答复", exact=True).fill(
        "周末开放已纳入下半年计划，低盐菜品下月上线"
    )
    reporter_page.get_by_role("button", name="发布答复").click()
    reporter_page.get_by_text("答复已发布").wait_for()
    page.goto(f"{live_server.url}/participate/mine/")
    assert "周末开放已纳入下半年计划" in page.content()
    assert "市民政局已答复" in page.content()
