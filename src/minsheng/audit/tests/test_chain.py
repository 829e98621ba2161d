"""The audit trail is a hash chain, checked by `minsheng verify_audit` (issue 13, point 11)."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from minsheng.audit import chain
from minsheng.audit.models import AuditRecord
from minsheng.audit.selectors import chain_break
from minsheng.audit.services import Change, record_change, record_changes
from minsheng.testing import make_plan, make_user

pytestmark = pytest.mark.django_db


def _records(n: int) -> list[AuditRecord]:
    plan = make_plan()
    actor = make_user()
    return [
        record_change(
            actor=actor,
            action="plan.update",
            instance=plan,
            before={"title": f"旧{i}", "n": 1.0},
            after={"title": f"新{i}", "n": [1, 2.5]},
            ip_address="2001:0db8:0000:0000:0000:0000:0000:0001",
        )
        for i in range(n)
    ]


def _raw(sql: str, params: list) -> None:
    """Tamper as an attacker with SQL would (past the PostgreSQL trigger, as its owner can)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


def test_each_record_is_chained_to_the_one_before():
    first, second = _records(2)
    assert first.previous_digest == chain.GENESIS
    assert second.previous_digest == first.digest


def test_an_untouched_trail_verifies(capsys):
    _records(3)
    call_command("verify_audit")
    assert "3" in capsys.readouterr().out


def test_a_record_changed_by_sql_is_named_by_verify_audit():
    records = _records(3)
    _raw("UPDATE audit_auditrecord SET actor_name = %s WHERE id = %s", ["forger", records[1].pk])
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit")
    assert str(records[1].pk) in str(raised.value)
    assert chain_break()[1] == chain.Break(records[1].pk, "altered")


def test_a_record_deleted_by_sql_breaks_the_link_of_the_next():
    records = _records(3)
    _raw("DELETE FROM audit_auditrecord WHERE id = %s", [records[1].pk])
    assert chain_break()[1] == chain.Break(records[2].pk, "unlinked")


def test_verify_audit_exits_non_zero_on_a_break():
    records = _records(2)
    _raw("UPDATE audit_auditrecord SET after = NULL WHERE id = %s", [records[0].pk])
    with pytest.raises(CommandError):
        call_command("verify_audit")


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize(
    "sql", ["UPDATE audit_auditrecord SET action = 'x'", "DELETE FROM audit_auditrecord"]
)
def test_postgresql_refuses_update_and_delete_of_audit_rows(sql):
    _records(1)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_whole():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; this needs concurrent connections")
    plan = make_plan()
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def write() -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for i in range(15):
                with transaction.atomic():
                    record_change(actor=None, action="plan.update", instance=plan, after={"i": i})
        except BaseException as error:
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert chain_break() == (60, None)


def test_deleting_the_newest_records_is_named_as_truncation():
    records = _records(4)
    _raw("DELETE FROM audit_auditrecord WHERE id >= %s", [records[2].pk])
    assert chain_break()[1] == chain.Break(records[3].pk, "truncated")


def test_verify_audit_names_truncation_and_exits_non_zero():
    records = _records(3)
    _raw("DELETE FROM audit_auditrecord WHERE id = %s", [records[2].pk])
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit")
    assert str(records[2].pk) in str(raised.value)
    assert "截断" in str(raised.value) or "gone" in str(raised.value)


def test_records_written_together_chain_like_records_written_one_by_one():
    plan = make_plan()
    changes = [Change("plan.update", plan, None, {"n": n}) for n in range(3)]
    records = record_changes(actor=None, changes=changes)
    assert [r.previous_digest for r in records[1:]] == [r.digest for r in records[:-1]]
    assert chain_break() == (3, None)


def test_a_record_added_beyond_the_head_is_named():
    first, second = _records(2)
    _raw(
        "UPDATE audit_chainhead SET count = 1, last_id = %s, last_digest = %s",
        [first.pk, first.digest],
    )
    assert chain_break()[1] == chain.Break(second.pk, "beyond_head")
