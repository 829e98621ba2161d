"""The Qingdao 2025 demo plan, hand-made from the city's year-end report (data/qingdao_2025.json)."""

from pathlib import Path
from typing import Any

from minsheng.plans.interchange import import_plan
from minsheng.plans.models import Plan

DEMO_PLAN_PATH = Path(__file__).parent / "data" / "qingdao_2025.json"


def load_demo_plan(data: dict[str, Any]) -> Plan:
    return import_plan(data, actor=None)
