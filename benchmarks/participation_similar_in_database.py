"""Similar suggestions as a resident types, on a real database: one request's selector
time against a window of N published suggestions (SQLite in a temporary directory, or the
database in DATABASE_URL)."""

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("MINSHENG_DATA_DIR", tempfile.mkdtemp(prefix="minsheng-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minsheng.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

# Words of real suggestions; each synthetic suggestion strings 6–14 of them together.
WORDS = [
    "停车位",
    "老旧小区",
    "改造",
    "公共",
    "充电桩",
    "路灯",
    "学校",
    "课后托管",
    "养老",
    "助餐点",
    "社区",
    "医院",
    "挂号",
    "公交线路",
    "地铁站",
    "公园",
    "绿地",
    "菜市场",
    "供暖",
    "燃气",
    "管网",
    "加装电梯",
    "无障碍",
    "口袋公园",
    "体育场地",
    "图书馆",
    "托育",
    "幼儿园",
    "就业",
    "培训",
    "招聘会",
    "垃圾分类",
    "污水",
    "噪音",
    "违章停车",
    "红绿灯",
    "斑马线",
    "人行道",
    "自行车道",
    "海水浴场",
    "景区",
    "厕所",
    "政务服务",
    "办事窗口",
    "12345",
    "热线",
    "物业",
    "维修基金",
    "老年大学",
    "健身器材",
    "夜市",
    "农贸市场",
    "排水",
    "积水",
    "雨污分流",
    "充电",
    "新能源",
]


def main() -> None:
    call_command("migrate", verbosity=0)
    from minsheng.participation.models import SolicitationWindow, Suggestion, SuggestionState
    from minsheng.participation.selectors import similar_suggestions
    from minsheng.plans.models import Domain, Jurisdiction, Plan

    rnd = random.Random(2026)
    city, _ = Jurisdiction.objects.get_or_create(
        slug="bench", defaults={"name": "基准市", "level": "city"}
    )
    plan, _ = Plan.objects.get_or_create(jurisdiction=city, year=2099, defaults={"title": "基准"})
    window = SolicitationWindow.objects.create(
        plan=plan, topic="基准", opens_on=date.today(), closes_on=date.today() + timedelta(days=1)
    )
    domain = Domain.objects.first()
    total = 0
    for n in (1_000, 5_000, 20_000):
        Suggestion.objects.bulk_create(
            Suggestion(
                window=window,
                domain=domain,
                state=SuggestionState.PUBLISHED,
                text="建议" + "".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14))),
                token=f"b{total + i}",
            )
            for i in range(n - total)
        )
        total = n
        probe = "老旧小区增加公共停车位和充电桩"
        start = time.perf_counter()
        for _ in range(5):
            found = similar_suggestions(window, probe)
        ms = (time.perf_counter() - start) * 1000 / 5
        print(
            f"similar (database): {n:>6} suggestions in {ms:7.1f} ms per request, {len(found)} shown"
        )
    window.delete()


if __name__ == "__main__":
    main()
