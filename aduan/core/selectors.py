"""Reads: which complaints a user may see, and the querysets the pages and the API list.

Who sees what (SPEC R25):
- the Admin Utama's members (and superusers) see every complaint;
- everyone sees the complaints their units receive or handle, and those they filed themselves;
- supervisors, Pejabat Pengelola and administrators also see the units below theirs (a province
  follows what it forwarded to its kab/kota);
- a unit that escalated a complaint keeps seeing it: its history there is not lost (R16).
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from aduan.core.enums import EventKind, Status
from aduan.core.models import Complaint, Event
from aduan.organisation.models import Membership, Role, Unit, UnitKind

NATIONAL_KINDS = {UnitKind.ADMIN_UTAMA}
# Roles that may read complaints of the units below their own (SPEC R25 internal supervision).
OVERSEEING_ROLES = {Role.SUPERVISOR, Role.PEJABAT_PENGELOLA, Role.ADMINISTRATOR}
# Officers who work on a complaint, and so may see a confidential reporter's identity.
IDENTITY_ROLES = {Role.ADMINISTRATOR, Role.BACK_OFFICE, Role.FRONT_OFFICE, Role.PEJABAT_PENGELOLA}


def user_units(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_aduan_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit"))
        user._aduan_memberships = cached
    return cached


def sees_everything(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        m.unit.kind in NATIONAL_KINDS for m in user_units(user)
    )


def descendant_unit_ids(unit_ids: set[int]) -> set[int]:
    """The units below these ones, by walking the parent links level by level (one query a level,
    four levels at most in the seeded tree)."""
    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        found |= frontier
    return found


def visible_unit_ids(user) -> set[int]:
    cached = getattr(user, "_aduan_visible_units", None)
    if cached is not None:
        return cached
    memberships = user_units(user)
    own = {m.unit_id for m in memberships}
    overseen = {m.unit_id for m in memberships if m.role in OVERSEEING_ROLES}
    visible = own | (descendant_unit_ids(overseen) if overseen else set())
    if getattr(user, "is_authenticated", False):
        user._aduan_visible_units = visible
    return visible


def complaints_visible_to(user) -> QuerySet[Complaint]:
    base = Complaint.objects.all()
    if sees_everything(user):
        return base
    unit_ids = visible_unit_ids(user)
    if not unit_ids:
        return base.filter(filed_by=user) if getattr(user, "is_authenticated", False) else base.none()
    # One indexed lookup per reason to see a complaint, united: an OR of these conditions (with the
    # escalation EXISTS) made PostgreSQL scan every complaint, 2 s per queue page at 100,000 rows.
    reachable = (
        Complaint.objects.filter(handling_unit_id__in=unit_ids).order_by().values("pk")
        .union(
            Complaint.objects.filter(receiving_unit_id__in=unit_ids).order_by().values("pk"),
            Complaint.objects.filter(filed_by=user).order_by().values("pk"),
            Event.objects.filter(kind=EventKind.ESCALATED, from_unit_id__in=unit_ids).order_by().values("complaint_id"),
            all=True,
        )
    )
    return base.filter(pk__in=reachable)


def may_see_identity(user, complaint: Complaint) -> bool:
    """A confidential reporter's identity is for the officers handling the complaint (the unit
    holding it, the Admin Utama that disposes it) and for whoever filed it; supervisors and the
    units above see it masked. Callers have already checked that the user may see the complaint."""
    if complaint.anonymous:
        return False
    if not complaint.confidential:
        return True
    if getattr(user, "is_superuser", False) or complaint.filed_by_id == getattr(user, "id", None):
        return True
    holder = complaint.handling_unit_id or complaint.receiving_unit_id
    return any(
        m.role in IDENTITY_ROLES and (m.unit_id == holder or m.unit.kind in NATIONAL_KINDS) for m in user_units(user)
    )


# --- The list the API and the queue page read -------------------------------------------------------

LIST_COLUMNS = ("program", "topic", "region", "receiving_unit", "handling_unit", "assigned_to")
BAD_CURSOR = "Kursor halaman tidak valid; mulai lagi dari halaman pertama."


@dataclass(frozen=True)
class ComplaintFilters:
    status: str | None = None
    severity: str | None = None
    program: str | None = None
    region: str | None = None  # a region code: that region and everything inside it
    overdue: bool | None = None
    handling_unit: str | None = None  # a unit code
    assigned_to_me: bool = False


@dataclass(frozen=True)
class Page:
    items: list[Complaint]
    next_cursor: str | None


def overdue_q(now: datetime) -> Q:
    """Late and still waiting for the unit: past its due date with no answer awaiting objection."""
    return Q(status__in=[Status.BELUM, Status.PROSES], closure_due_at__isnull=True, due_at__lt=now)


def complaints_filtered(user, filters: ComplaintFilters, *, now: datetime | None = None) -> QuerySet[Complaint]:
    now = now or timezone.now()
    rows = complaints_visible_to(user)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.severity:
        rows = rows.filter(severity=filters.severity)
    if filters.program:
        rows = rows.filter(program__code=filters.program)
    if filters.region:
        code = filters.region.strip().rstrip(".")
        rows = rows.filter(Q(region_id=code) | Q(region__code__startswith=code + "."))
    if filters.overdue is True:
        rows = rows.filter(overdue_q(now))
    elif filters.overdue is False:
        rows = rows.exclude(overdue_q(now))
    if filters.handling_unit:
        rows = rows.filter(handling_unit__code=filters.handling_unit)
    if filters.assigned_to_me:
        rows = rows.filter(assigned_to=user)
    return rows


def encode_cursor(complaint: Complaint) -> str:
    raw = f"{complaint.due_at.isoformat()}|{complaint.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    from aduan.core.errors import ActionError

    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        due, pk = raw.split("|")
        due_at = parse_datetime(due)
        if due_at is None or timezone.is_naive(due_at):
            raise ValueError(due)
        return due_at, int(pk)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise ActionError(BAD_CURSOR, field="cursor") from None


def complaint_page(user, filters: ComplaintFilters, *, cursor: str | None = None, limit: int = 50,
                   now: datetime | None = None) -> Page:
    """One page sorted by due date (then id, so ties never repeat or vanish between pages).

    Keyset pagination: the cursor is the last row's (due_at, id), so page 1,000 costs what page 1
    costs, and rows filed meanwhile do not shift the pages. The query count does not grow with
    the page size: every column the list shows is joined in.
    """
    rows = complaints_filtered(user, filters, now=now).select_related(*LIST_COLUMNS).order_by("due_at", "pk")
    if cursor:
        due_at, pk = decode_cursor(cursor)
        rows = rows.filter(Q(due_at__gt=due_at) | Q(due_at=due_at, pk__gt=pk))
    items = list(rows[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return Page(items=items, next_cursor=encode_cursor(items[-1]) if more and items else None)


def units_missing_officers() -> list[tuple[Unit, list[str]]]:
    """SPEC R25: every staffed unit names one Pejabat Pengelola and at least one Administrator.
    Units nobody has joined yet are not reported (most regional units of a fresh install)."""
    staffed: dict[int, set[str]] = {}
    for unit_id, role in Membership.objects.values_list("unit_id", "role"):
        staffed.setdefault(unit_id, set()).add(role)
    problems = []
    for unit in Unit.objects.filter(pk__in=staffed, is_active=True).order_by("code"):
        missing = [label for role, label in ((Role.PEJABAT_PENGELOLA, "Pejabat Pengelola"),
                                             (Role.ADMINISTRATOR, "Administrator")) if role not in staffed[unit.pk]]
        if missing:
            problems.append((unit, missing))
    return problems
