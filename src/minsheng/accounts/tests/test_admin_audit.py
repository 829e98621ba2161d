"""Changes to people through the admin are audited, and never rewrite the trail (issue 13, point 11)."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.db.models import ProtectedError
from django.urls import reverse

from minsheng.accounts.models import Role, User
from minsheng.audit.models import AuditRecord
from minsheng.audit.services import record_change
from minsheng.testing import make_plan, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(is_staff=True, is_superuser=True, username="root"))
    return client


def _change(admin_client, user: User, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "department": user.department_id or "",
        "jurisdiction": user.jurisdiction_id or "",
        "date_joined_0": "2025-01-01",
        "date_joined_1": "08:00:00",
        "is_active": "on" if user.is_active else "",
    }
    if user.is_superuser:
        data["is_superuser"] = "on"
    data.update(changes)
    data = {key: value for key, value in data.items() if value is not None}
    response = admin_client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return AuditRecord.objects.filter(action="user.update", object_id=str(user.pk)).get()


def test_a_role_change_in_the_admin_is_audited(admin_client):
    user = make_user(Role.OBSERVER, jurisdiction=make_plan().jurisdiction)
    record = _change(admin_client, user, role=Role.SUPERVISOR)
    assert (record.before["role"], record.after["role"]) == ("observer", "supervisor")
    assert record.actor_name == "root"


def test_making_someone_superuser_in_the_admin_is_audited(admin_client):
    user = make_user(Role.OBSERVER)
    record = _change(admin_client, user, is_superuser="on")
    assert (record.before["is_superuser"], record.after["is_superuser"]) == (False, True)


def test_deactivating_in_the_admin_is_audited_without_the_password_hash(admin_client):
    user = make_user(Role.OBSERVER)
    record = _change(admin_client, user, is_active=None)
    assert (record.before["is_active"], record.after["is_active"]) == (True, False)
    assert "password" not in record.before and "password" not in record.after


def test_the_admin_never_deletes_a_user_deactivate_instead(admin_client):
    user = make_user(Role.OBSERVER)
    response = admin_client.post(
        reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"}
    )
    assert (response.status_code, User.objects.filter(pk=user.pk).exists()) == (403, True)


def test_a_person_who_acted_cannot_be_deleted_so_the_trail_keeps_its_actor():
    actor = make_user(Role.OFFICE)
    record = record_change(actor=actor, action="plan.update", instance=make_plan())
    with pytest.raises(ProtectedError):
        actor.delete()
    record.refresh_from_db()
    assert record.actor_id == actor.pk


def test_the_admin_refuses_to_delete_a_person_who_acted(admin_client):
    actor = make_user(Role.OFFICE)
    record_change(actor=actor, action="plan.update", instance=make_plan())
    admin_client.post(reverse("admin:accounts_user_delete", args=[actor.pk]), {"post": "yes"})
    assert User.objects.filter(pk=actor.pk).exists()


def _records(action: str, user) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=action, object_id=str(user.pk)))


def test_adding_a_user_to_a_group_in_the_admin_is_audited(admin_client):
    group = Group.objects.create(name="督查组")
    user = make_user(Role.OBSERVER)
    record = _change(admin_client, user, groups=[group.pk])
    assert (record.before["groups"], record.after["groups"]) == ([], ["督查组"])


def test_granting_a_permission_in_the_admin_is_audited(admin_client):
    permission = Permission.objects.get(codename="view_auditrecord")
    user = make_user(Role.OBSERVER)
    record = _change(admin_client, user, user_permissions=[permission.pk])
    assert record.after["user_permissions"] == ["audit.view_auditrecord"]
    assert record.before["user_permissions"] == []


def test_a_password_set_in_the_admin_is_audited_without_the_password(admin_client):
    user = make_user(Role.OBSERVER)
    user.set_unusable_password()
    user.save()
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {
            "password1": "Qd-2025-minsheng!",
            "password2": "Qd-2025-minsheng!",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    [record] = _records("user.password_reset", user)
    user.refresh_from_db()
    stored = json.dumps([record.before, record.after], ensure_ascii=False)
    assert "Qd-2025-minsheng!" not in stored and user.password not in stored
    assert (record.before["usable_password"], record.after["usable_password"]) == (False, True)


def test_a_change_to_a_groups_permissions_in_the_admin_is_audited(admin_client):
    group = Group.objects.create(name="审计组")
    permission = Permission.objects.get(codename="view_auditrecord")
    response = admin_client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "审计组", "permissions": [permission.pk]},
    )
    assert response.status_code == 302
    record = AuditRecord.objects.get(action="group.update", object_id=str(group.pk))
    assert (record.before["permissions"], record.after["permissions"]) == (
        [],
        ["audit.view_auditrecord"],
    )
