"""Small builders for the demo's own tests (the whole demo is `conftest.loaded`)."""

from typing import Any

from minsheng.accounts.models import Role, User
from minsheng.demo.models import DemoAccount
from minsheng.plans.models import Jurisdiction


def demo_account(key: str = "demo-office", role: str = Role.OFFICE) -> Any:
    city, _created = Jurisdiction.objects.get_or_create(
        name="青岛市", parent=None, defaults={"slug": "qingdao", "level": "city"}
    )
    user = User.objects.create(
        username=key, first_name="青岛市政府办公厅", role=role, jurisdiction=city
    )
    DemoAccount.objects.create(user=user, key=key)
    return user
