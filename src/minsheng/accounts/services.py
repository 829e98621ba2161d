"""Changes to user accounts by an office, over its own subtree (管辖范围).

Every function checks permission, runs in one transaction and writes an audit record with the
fields before and after: role, jurisdiction, department, activation, staff and superuser flags,
and every password reset. Accounts are never deleted (audit rows keep their actor); they are
deactivated and may be reactivated.
"""

from dataclasses import dataclass
from typing import IO, Any

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from minsheng.accounts import permissions, scope
from minsheng.accounts.models import Role, User
from minsheng.audit.services import record_change, snapshot
from minsheng.core.i18n import UserFacingError
from minsheng.plans.models import Department, Jurisdiction

# What the trail keeps of an account (never the password hash).
AUDITED_FIELDS = [
    "username",
    "full_name",
    "email",
    "phone",
    "role",
    "jurisdiction_id",
    "department_id",
    "is_active",
    "is_staff",
    "is_superuser",
    "must_change_password",
]

# Easy to read aloud or type from a note: no 0/O, 1/l/I.
TEMPORARY_PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105 (an alphabet, not a password)


class AccountError(UserFacingError):
    """An account change refused for what it says; the messages name the field or the row."""


def user_snapshot(user: User) -> dict[str, Any]:
    return snapshot(user, AUDITED_FIELDS)


def temporary_password() -> str:
    return get_random_string(12, TEMPORARY_PASSWORD_CHARS)


def _audit(actor: Any, action: str, user: User, before: dict[str, Any] | None) -> None:
    record_change(
        actor=actor,
        action=f"user.{action}",
        instance=user,
        before=before,
        after=user_snapshot(user),
    )


def _check_placement(
    actor: Any, role: str, jurisdiction: Jurisdiction | None, department: Department | None
) -> None:
    """Role, jurisdiction and department must fit together and lie within the actor's scope."""
    problems: list[str] = []
    if role not in Role.values:
        problems.append(_("Role: choose one of the roles."))
    if role == Role.DEPARTMENT_REPORTER and department is None:
        problems.append(_("Department: a department reporter needs a department."))
    if role != Role.DEPARTMENT_REPORTER and department is not None:
        problems.append(_("Department: only a department reporter belongs to a department."))
    if role == Role.DISTRICT_REPORTER and jurisdiction is None:
        problems.append(_("Jurisdiction: a district reporter needs a district."))
    if department is not None and not scope.sees(actor, department.jurisdiction_id):
        problems.append(_("Department: not within your jurisdiction."))
    if jurisdiction is not None and not scope.sees(actor, jurisdiction.pk):
        problems.append(_("Jurisdiction: not within your jurisdiction."))
    if problems:
        raise AccountError(problems)


@dataclass
class NewAccount:
    user: User
    password: str  # the temporary password, shown once to the office


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    full_name: str,
    role: str,
    email: str = "",
    phone: str = "",
    jurisdiction: Jurisdiction | None = None,
    department: Department | None = None,
) -> NewAccount:
    """A new account within the office's subtree, with a temporary password to change at first
    sign-in. Without a jurisdiction, the account belongs to the office's own (or, for a
    department reporter, the department's)."""
    if not permissions.can_manage_users(actor):
        raise PermissionDenied
    username = username.strip()
    full_name = full_name.strip()
    problems: list[str] = []
    if not username:
        problems.append(_("User name: required."))
    elif User.objects.filter(username=username).exists():
        problems.append(_("User name: %(name)s is taken.") % {"name": username})
    if not full_name:
        problems.append(_("Name: required."))
    if problems:
        raise AccountError(problems)
    if jurisdiction is None and department is None:
        home = scope.scope_of(actor).home_id
        jurisdiction = Jurisdiction.objects.filter(pk=home).first() if home else None
    _check_placement(actor, role, jurisdiction, department)
    password = temporary_password()
    user = User(
        username=username,
        full_name=full_name,
        email=email.strip(),
        phone=phone.strip(),
        role=role,
        jurisdiction=jurisdiction if role != Role.DEPARTMENT_REPORTER else None,
        department=department,
        must_change_password=True,
    )
    user.set_password(password)
    user.save()
    _audit(actor, "create", user, None)
    return NewAccount(user, password)


@transaction.atomic
def user_update(
    *,
    actor: Any,
    user: User,
    full_name: str,
    role: str,
    email: str = "",
    phone: str = "",
    jurisdiction: Jurisdiction | None = None,
    department: Department | None = None,
) -> User:
    """Change an account's name, contact, role and placement (its scope)."""
    current = User.objects.select_for_update().get(pk=user.pk)
    if not permissions.can_manage_user(actor, current):
        raise PermissionDenied
    if not full_name.strip():
        raise AccountError([_("Name: required.")])
    _check_placement(actor, role, jurisdiction, department)
    before = user_snapshot(current)
    current.full_name = full_name.strip()
    current.email = email.strip()
    current.phone = phone.strip()
    current.role = role
    current.jurisdiction = jurisdiction if role != Role.DEPARTMENT_REPORTER else None
    current.department = department
    current.save()
    scope.forget_scope(current)
    _audit(actor, "update", current, before)
    return current


@transaction.atomic
def user_set_active(*, actor: Any, user: User, active: bool) -> User:
    """Deactivate an account (it can no longer sign in; its audit rows keep it) or reactivate it."""
    current = User.objects.select_for_update().get(pk=user.pk)
    if not permissions.can_manage_user(actor, current):
        raise PermissionDenied
    if current.is_active == active:
        return current
    before = user_snapshot(current)
    current.is_active = active
    current.save(update_fields=["is_active"])
    _audit(actor, "activate" if active else "deactivate", current, before)
    return current


@transaction.atomic
def user_password_reset(*, actor: Any, user: User) -> str:
    """A new temporary password set by the office; the user must change it at next sign-in."""
    current = User.objects.select_for_update().get(pk=user.pk)
    if not permissions.can_manage_user(actor, current):
        raise PermissionDenied
    before = user_snapshot(current)
    password = temporary_password()
    current.set_password(password)
    current.must_change_password = True
    current.save(update_fields=["password", "must_change_password"])
    _audit(actor, "password_reset", current, before)
    return password


@transaction.atomic
def password_changed(*, user: User, how: str) -> None:
    """Record a password the user set themselves (first sign-in, change, or e-mail reset)."""
    current = User.objects.select_for_update().get(pk=user.pk)
    before = user_snapshot(current)
    if current.must_change_password:
        current.must_change_password = False
        current.save(update_fields=["must_change_password"])
    _audit(user, how, current, before)


def admin_snapshot(user: User) -> dict[str, Any]:
    """What the Django admin can change of an account: the audited fields, its groups, its
    own permissions, and whether it has a usable password (never the password or its hash)."""
    return {
        **user_snapshot(user),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "user_permissions": _permission_names(user.user_permissions.all()),
        "usable_password": user.has_usable_password(),
    }


def _permission_names(permissions: Any) -> list[str]:
    return sorted(
        f"{app}.{codename}"
        for app, codename in permissions.values_list("content_type__app_label", "codename")
    )


def admin_user_changed(
    *, actor: Any, user: User, before: dict[str, Any] | None, action: str
) -> None:
    """An account changed in the Django admin (superusers only): flags, groups, permissions
    or password; call once everything of the change is saved (groups and permissions too)."""
    record_change(
        actor=actor,
        action=f"user.{action}",
        instance=user,
        before=before,
        after=admin_snapshot(user),
    )


def group_snapshot(group: Group) -> dict[str, Any]:
    return {"name": group.name, "permissions": _permission_names(group.permissions.all())}


def admin_group_changed(
    *, actor: Any, group: Group, before: dict[str, Any] | None, action: str
) -> None:
    """A group (and so the permissions of every member) changed in the Django admin."""
    after = group_snapshot(group) if action != "delete" else None
    record_change(actor=actor, action=f"group.{action}", instance=group, before=before, after=after)


# ---------------------------------------------------------------------------------------
# Bulk import from an Excel sheet: 姓名, 手机, 邮箱, 单位, 角色. All rows, or none.

IMPORT_COLUMNS = ["姓名", "手机", "邮箱", "单位", "角色"]
MAX_IMPORT_ROWS = 2000
ROLE_NAMES = {
    "办公厅": Role.OFFICE,
    "政府办公厅": Role.OFFICE,
    "责任单位填报员": Role.DEPARTMENT_REPORTER,
    "部门填报员": Role.DEPARTMENT_REPORTER,
    "区填报员": Role.DISTRICT_REPORTER,
    "区县填报员": Role.DISTRICT_REPORTER,
    "督查": Role.SUPERVISOR,
    "审计": Role.AUDITOR,
    "代表委员": Role.OBSERVER,
    **{role.value: role for role in Role},
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_import(upload: IO[bytes]) -> list[list[str]]:
    """The sheet's rows after the header, as text; an unreadable file is an AccountError."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise AccountError([_("The file is not an Excel workbook (.xlsx).")]) from error
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_cell(value) for value in next(rows, ())]
    if header[: len(IMPORT_COLUMNS)] != IMPORT_COLUMNS:
        raise AccountError(
            [
                _("The first row must be the headings: %(columns)s.")
                % {"columns": ", ".join(IMPORT_COLUMNS)}
            ]
        )
    found = []
    for cells in rows:
        values = [_cell(value) for value in list(cells)[: len(IMPORT_COLUMNS)]]
        values += [""] * (len(IMPORT_COLUMNS) - len(values))
        found.append(values)
        if len(found) > MAX_IMPORT_ROWS:
            raise AccountError([_("At most %(rows)s rows at a time.") % {"rows": MAX_IMPORT_ROWS}])
    return found


def _place_by_unit(
    actor: Any, role: str, unit: str
) -> tuple[Jurisdiction | None, Department | None, str]:
    """The 单位 column: a department (for a department reporter) or a jurisdiction, by name,
    within the actor's subtree. Returns a problem text when it is none of those."""
    seen = scope.scope_of(actor)
    if role == Role.DEPARTMENT_REPORTER:
        department = seen.filter(Department.objects.filter(name=unit)).first()
        if department is None:
            return (
                None,
                None,
                _("单位: no department %(unit)s in your jurisdiction") % {"unit": unit},
            )
        return None, department, ""
    if not unit:
        home = seen.home_id
        return (Jurisdiction.objects.filter(pk=home).first() if home else None), None, ""
    jurisdiction = seen.filter(Jurisdiction.objects.filter(name=unit), "pk").first()
    if jurisdiction is None:
        return None, None, _("单位: no jurisdiction %(unit)s in yours") % {"unit": unit}
    return jurisdiction, None, ""


@transaction.atomic
def users_import(*, actor: Any, upload: IO[bytes]) -> list[NewAccount]:
    """Create one account per row (user name = mobile phone), all or nothing.

    Every row is checked before anything is written; the problems name their row (第N行,
    counting the heading as row 1)."""
    if not permissions.can_manage_users(actor):
        raise PermissionDenied
    rows = read_import(upload)
    problems: list[str] = []
    planned: list[dict[str, Any]] = []
    phones: set[str] = set()
    for number, (name, phone, email, unit, role_name) in enumerate(rows, start=2):
        if not any((name, phone, email, unit, role_name)):
            continue
        row_problems: list[str] = []
        role = ROLE_NAMES.get(role_name)
        if not name:
            row_problems.append(_("姓名: required"))
        if not phone.isdigit() or len(phone) != 11:
            row_problems.append(_("手机: 11 digits"))
        elif phone in phones:
            row_problems.append(_("手机: listed twice"))
        elif User.objects.filter(username=phone).exists():
            row_problems.append(_("手机: an account %(phone)s exists") % {"phone": phone})
        phones.add(phone)
        if email and "@" not in email:
            row_problems.append(_("邮箱: not an e-mail address"))
        jurisdiction = department = None
        if role is None:
            row_problems.append(_("角色: unknown role %(role)s") % {"role": role_name})
        else:
            jurisdiction, department, problem = _place_by_unit(actor, role, unit)
            if problem:
                row_problems.append(problem)
            elif role == Role.DISTRICT_REPORTER and jurisdiction is None:
                row_problems.append(_("单位: a district reporter needs a district"))
        for problem in row_problems:
            problems.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": problem})
        planned.append(
            {
                "username": phone,
                "full_name": name,
                "phone": phone,
                "email": email,
                "role": role,
                "jurisdiction": jurisdiction,
                "department": department,
            }
        )
    if problems:
        raise AccountError(problems)
    if not planned:
        raise AccountError([_("The sheet has no rows.")])
    return [user_create(actor=actor, **fields) for fields in planned]


def check_new_password(password: str, user: User) -> None:
    """Django's password validators, as an AccountError."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise AccountError(list(error.messages)) from error
