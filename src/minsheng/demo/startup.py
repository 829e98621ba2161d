"""Demo accounts never reach production: a server started without MINSHENG_DEMO refuses to
start while any exists. Only serving processes are checked (runserver, gunicorn, uwsgi), so
that `migrate` and `load_demo` still run on such a database."""

import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError

SERVERS = ("runserver", "gunicorn", "uwsgi", "daphne", "uvicorn")


def is_serving(argv: list[str] | None = None) -> bool:
    args = sys.argv if argv is None else argv
    if not args:
        return False
    program = args[0].rsplit("/", 1)[-1]
    return any(name in program for name in SERVERS) or (len(args) > 1 and args[1] == "runserver")


def demo_accounts_exist() -> bool:
    from minsheng.demo.models import DemoAccount

    try:
        return DemoAccount.objects.exists()
    except DatabaseError:  # not migrated yet: nothing to protect
        return False


def refuse_to_serve_demo_accounts(argv: list[str] | None = None) -> None:
    """Raise ImproperlyConfigured when serving with demo accounts and the demo setting off."""
    if getattr(settings, "MINSHENG_DEMO", False) or not is_serving(argv):
        return
    if demo_accounts_exist():
        raise ImproperlyConfigured(
            "数据库中有演示账号，但未开启演示模式（MINSHENG_DEMO）：拒绝启动。"
            "请删除演示账号，或设置 MINSHENG_DEMO=1 以演示方式运行。 / "
            "The database holds demo accounts but MINSHENG_DEMO is off: refusing to start. "
            "Delete the demo accounts, or set MINSHENG_DEMO=1 to run as a demo."
        )
