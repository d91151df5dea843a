"""Who may do what to a complaint (SPEC R14, R25). Pure over the user's memberships: no queries
beyond the one that loads them (cached on the user by `memberships.user_units`).

In brief:
- file: every officer of a unit but a supervisor (front office, back office, administrator,
  Pejabat Pengelola, pendamping, ketua kelompok): the back office and the Pejabat Pengelola open
  the post and the unit's inbox too;
- add evidence (attachments, case notes): every officer who may see the complaint but a supervisor;
- dispose: administrator and Pejabat Pengelola of the Admin Utama (to any unit), and of a province
  unit holding the complaint (only to a unit inside its province);
- follow up: administrator, back office, Pejabat Pengelola of the unit holding the complaint, and
  the first rungs of the PKH ladder (R16), a Ketua Kelompok or Pendamping holding it;
- assign to one of the holding unit's officers, grant a PKH extension: the holding unit's
  administrator and Pejabat Pengelola; mark a PKH stage done: whoever may follow it up;
- return, escalate: the same roles of the unit holding it;
- close, reopen: administrator and Pejabat Pengelola of the unit holding it, or of the Admin Utama;
- answer at the desk (a simple case settled with the reporter there, then closed) and refer a
  complex one to the unit's sub koordinator or Pejabat Pengelola: the desk of the holding unit
  (front office, and every role that may follow up); the same desk issues the complaint's letters
  (R23), signed for the unit's Pejabat Pengelola;
- record a rebuttal (the reporter's, taken by phone or at the desk), and classify a complaint or
  correct its place: any officer of the holding or receiving unit but a supervisor, or the Admin
  Utama's administrators;
- answer an announcement (R20, "also received here" or not): the desk of the kabupaten/kota's
  Dinas Sosial it was announced to;
- keep a unit's own public face (its channels, its annual report's introduction, its letterhead):
  the unit's administrator and Pejabat Pengelola;
- supervisors read only, their unit and the units below it (see `visibility`).
"""

from enum import StrEnum

from aduan.core.access.memberships import NATIONAL_KINDS, roles_in, sees_everything, user_units
from aduan.core.errors import ActionError
from aduan.organisation.models import Role, Unit, UnitKind


class Ability(StrEnum):
    FILE = "file"
    DISPOSE = "dispose"
    FOLLOW_UP = "follow_up"
    RETURN = "return"
    ESCALATE = "escalate"
    CLOSE = "close"
    REOPEN = "reopen"
    REBUT = "rebut"
    CLASSIFY = "classify"
    ASSIGN = "assign"
    COMPLETE_STAGE = "complete_stage"
    EXTEND = "extend"
    ANSWER_ANNOUNCEMENT = "answer_announcement"
    ANSWER_AT_DESK = "answer_at_desk"
    REFER = "refer"
    ISSUE_LETTER = "issue_letter"


FILING_ROLES = frozenset({Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.ADMINISTRATOR, Role.PEJABAT_PENGELOLA,
                          Role.SUB_KOORDINATOR, Role.PENDAMPING, Role.KETUA_KELOMPOK})
DECIDING_ROLES = frozenset({Role.ADMINISTRATOR, Role.PEJABAT_PENGELOLA})
# The bottom of the PKH ladder (SPEC R16): a Ketua Kelompok and a Pendamping settle what they can.
LADDER_ROLES = frozenset({Role.KETUA_KELOMPOK, Role.PENDAMPING})
HANDLING_ROLES = frozenset({Role.ADMINISTRATOR, Role.BACK_OFFICE, Role.PEJABAT_PENGELOLA,
                            Role.SUB_KOORDINATOR}) | LADDER_ROLES
DESK_ROLES = HANDLING_ROLES | {Role.FRONT_OFFICE}

# The roles of the unit holding the complaint that may do each thing.
HOLDER_ROLES: dict[Ability, frozenset[str]] = {
    Ability.FOLLOW_UP: HANDLING_ROLES,
    Ability.RETURN: HANDLING_ROLES,
    Ability.ESCALATE: HANDLING_ROLES,
    Ability.CLOSE: DECIDING_ROLES,
    Ability.REOPEN: DECIDING_ROLES,
    Ability.REBUT: DESK_ROLES,
    Ability.CLASSIFY: DESK_ROLES,
    Ability.ASSIGN: DECIDING_ROLES,
    Ability.COMPLETE_STAGE: HANDLING_ROLES,
    Ability.EXTEND: DECIDING_ROLES,
    Ability.ANSWER_ANNOUNCEMENT: frozenset(),  # not the holder's: the unit announced to (`may`)
    Ability.ANSWER_AT_DESK: DESK_ROLES,
    Ability.REFER: DESK_ROLES,
    Ability.ISSUE_LETTER: DESK_ROLES,
}
# Who may be given a complaint to work on: those of the holding unit who may answer it.
ASSIGNABLE_ROLES = HANDLING_ROLES
# Whom the desk refers a complex case to (Probolinggo 2.5): the unit's sub koordinator, or its head.
REFERRAL_ROLES = frozenset({Role.SUB_KOORDINATOR, Role.PEJABAT_PENGELOLA})
# What the Admin Utama's administrators may do to any complaint, wherever it is.
NATIONAL_ABILITIES = frozenset({Ability.DISPOSE, Ability.CLOSE, Ability.REOPEN, Ability.REBUT, Ability.CLASSIFY})
PROVINCE_FORWARDERS = frozenset({UnitKind.DINSOS_PROVINSI, UnitKind.TIKOR_PROVINSI})

# Error messages are constants: the API and the pages show them, the tests assert them.
REFUSALS: dict[Ability, str] = {
    Ability.FILE: "Akun ini tidak terdaftar sebagai petugas penerima di unit mana pun.",
    Ability.DISPOSE: "Hanya administrator atau Pejabat Pengelola Admin Utama, atau unit provinsi yang memegang "
                     "pengaduan ini, yang dapat mendisposisikannya.",
    Ability.FOLLOW_UP: "Hanya petugas unit yang menangani pengaduan ini yang dapat menindaklanjutinya.",
    Ability.RETURN: "Hanya petugas unit yang menangani pengaduan ini yang dapat mengembalikannya.",
    Ability.ESCALATE: "Hanya petugas unit yang menangani pengaduan ini yang dapat mengeskalasinya.",
    Ability.CLOSE: "Hanya administrator atau Pejabat Pengelola unit penanganan yang dapat menutup pengaduan ini.",
    Ability.REOPEN: "Hanya administrator atau Pejabat Pengelola unit penanganan yang dapat membuka kembali "
                    "pengaduan ini.",
    Ability.REBUT: "Sanggahan hanya dapat dicatat oleh petugas unit penerima atau unit penanganan.",
    Ability.CLASSIFY: "Klasifikasi dan lokasi hanya dapat diubah oleh petugas unit penerima atau unit penanganan.",
    Ability.ASSIGN: "Hanya administrator atau Pejabat Pengelola unit penanganan yang dapat menugaskan pengaduan ini.",
    Ability.COMPLETE_STAGE: "Hanya petugas unit yang menangani pengaduan ini yang dapat menandai tahapnya selesai.",
    Ability.EXTEND: "Hanya administrator atau Pejabat Pengelola unit penanganan yang dapat memperpanjang tenggat.",
    Ability.ANSWER_ANNOUNCEMENT: "Hanya petugas Dinas Sosial kabupaten/kota yang diberi tahu yang dapat menjawab "
                                 "pemberitahuan ini.",
    Ability.ANSWER_AT_DESK: "Hanya petugas loket unit yang memegang pengaduan ini yang dapat menjawabnya langsung.",
    Ability.REFER: "Hanya petugas loket unit yang memegang pengaduan ini yang dapat merujuknya.",
    Ability.ISSUE_LETTER: "Hanya petugas unit yang memegang pengaduan ini yang dapat menerbitkan suratnya.",
}
OUTSIDE_PROVINCE = "Unit provinsi hanya dapat meneruskan pengaduan kepada unit di wilayah provinsinya."


class NotAllowed(ActionError):
    """The user may see the complaint but not do this to it (the API answers 403)."""

    def __init__(self, message: str):
        super().__init__(message, code="forbidden")


def is_national_officer(user) -> bool:
    return any(m.unit.kind in NATIONAL_KINDS and m.role in DECIDING_ROLES for m in user_units(user))


def may_file(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(m.role in FILING_ROLES for m in user_units(user))


def filing_units(user) -> list[Unit]:
    """The units that may register what this user files, each once, in membership order."""
    units: dict[int, Unit] = {}
    for m in user_units(user):
        if m.role in FILING_ROLES:
            units.setdefault(m.unit_id, m.unit)
    return list(units.values())


def filing_unit(user) -> Unit | None:
    """The unit that registers what this user files through the API or Open311 (their first)."""
    return next(iter(filing_units(user)), None)


def kept_units(user) -> dict[str, Unit]:
    """The units whose own public face this user keeps (channels, report texts, letterhead), by code."""
    return {m.unit.code: m.unit for m in user_units(user) if m.role in DECIDING_ROLES}


def may_keep_unit(user, unit: Unit) -> bool:
    return bool(roles_in(user, unit.pk) & DECIDING_ROLES)


def may_add_evidence(user) -> bool:
    """Supervisors read; every other officer who may see a complaint may add evidence to it."""
    return sees_everything(user) or any(m.role != Role.SUPERVISOR for m in user_units(user))


def may(user, ability: Ability | str, complaint, *, to_unit: Unit | None = None) -> bool:
    ability = Ability(ability)
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    if ability is Ability.FILE:
        return may_file(user)
    if ability in NATIONAL_ABILITIES and is_national_officer(user):
        return True
    holder = complaint.holder_id
    if ability is Ability.DISPOSE:
        return _may_forward(user, complaint, to_unit)
    if ability is Ability.ANSWER_ANNOUNCEMENT:
        return bool(DESK_ROLES & roles_in(user, complaint.announced_to_id))
    if HOLDER_ROLES[ability] & roles_in(user, holder):
        return True
    if ability in (Ability.REBUT, Ability.CLASSIFY):
        return bool(DESK_ROLES & roles_in(user, complaint.receiving_unit_id))
    return False


def _may_forward(user, complaint, to_unit: Unit | None) -> bool:
    holder = complaint.holder_id
    for m in user_units(user):
        if m.unit_id == holder and m.role in DECIDING_ROLES and m.unit.kind in PROVINCE_FORWARDERS:
            return to_unit is None or _inside(to_unit, m.unit.region_id)
    return False


def _inside(unit: Unit, region_code: str | None) -> bool:
    return bool(region_code and unit.region_id and unit.region_id.startswith(region_code + "."))


def require(user, ability: Ability | str, complaint, *, to_unit: Unit | None = None) -> None:
    ability = Ability(ability)
    if may(user, ability, complaint, to_unit=to_unit):
        return
    if ability is Ability.DISPOSE and to_unit is not None and may(user, ability, complaint):
        raise NotAllowed(OUTSIDE_PROVINCE)
    raise NotAllowed(REFUSALS[ability])


def may_resend_messages(user, complaint) -> bool:
    """Who may send a complaint's failed messages again: those who may answer it, and the Admin
    Utama's deciding officers."""
    return may(user, Ability.FOLLOW_UP, complaint) or (getattr(user, "is_authenticated", False)
                                                      and is_national_officer(user))


def allowed_actions(user, complaint) -> list[str]:
    """What the user may do to this complaint now, for the pages and the API to offer."""
    return [a.value for a in Ability if a is not Ability.FILE and may(user, a, complaint)]
