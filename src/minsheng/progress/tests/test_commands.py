import io

import pytest
from django.core.management import CommandError, call_command


def test_the_command_lists_who_has_not_reported_for_a_period(world):
    out = io.StringIO()
    call_command(
        "missing_reports",
        "--jurisdiction",
        world.plan.jurisdiction.name,
        "--year",
        "2025",
        "--period",
        "2025-10-01",
        stdout=out,
    )
    text = out.getvalue()
    assert "2025-10-01 – 2025-10-31" in text
    assert "市人力资源社会保障局\t2\t扶持创业；建成就业服务中心" in text
    assert "市南区\t1\t新增公共停车位" in text


def test_the_command_says_so_when_there_is_no_such_plan(world):
    with pytest.raises(CommandError) as raised:
        call_command("missing_reports", "--jurisdiction", "不存在市", "--year", "2025")
    assert "不存在市" in str(raised.value)
