import pytest

from minsheng.audit.models import AuditRecord
from minsheng.audit.services import record_change
from minsheng.testing import make_plan

pytestmark = pytest.mark.django_db


def _record():
    plan = make_plan()
    return record_change(actor=None, action="plan.update", instance=plan, after={"title": "x"})


def test_a_record_cannot_be_changed():
    record = _record()
    record.action = "forged"
    with pytest.raises(PermissionError):
        record.save()


def test_a_record_cannot_be_deleted():
    with pytest.raises(PermissionError):
        _record().delete()


def test_records_cannot_be_deleted_in_bulk():
    _record()
    with pytest.raises(PermissionError):
        AuditRecord.objects.all().delete()
