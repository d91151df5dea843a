"""Where a complaint should go: the disposition proposal (SPEC R14) and the escalation ladder (R16).

The rules are data plus small pure functions over unit kinds and region codes; `propose_unit` and
`next_unit` then look the chosen unit up by its code or kind (one query each).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings

from aduan.organisation.lookups import units_by_code
from aduan.organisation.models import Unit, UnitKind
from aduan.taxonomy.models import Authority

FALLBACK_CODE = "tikor-pusat"  # coordinates whatever has no better home (SPEC R14)
UPPKH_PUSAT = "uppkh-pusat"
PENDAMPING_ABOUT = "tentang"  # aduan.core.enums.PendampingRelation.ABOUT


def unit_code(prefix: str, region_code: str) -> str:
    """The seeded code of a regional unit: ("dinsos", "35.06") → "dinsos-35-06"."""
    return f"{prefix}-{region_code.replace('.', '-')}"


def province_of(region_code: str) -> str:
    return region_code[:2]


def district_of(region_code: str) -> str | None:
    return region_code[:5] if len(region_code) >= 5 else None


def kecamatan_of(region_code: str) -> str | None:
    return region_code[:8] if len(region_code) >= 8 else None


# --- Disposition --------------------------------------------------------------------------------

PROVINCE_FORWARDERS = {UnitKind.DINSOS_PROVINSI, UnitKind.TIKOR_PROVINSI}


def proposed_code(*, authority: str | None, program: str, region_code: str | None,
                  holder_kind: str | None = None) -> str:
    """The code of the unit with authority. Pure: tested without a database.

    A province unit holding a regional complaint forwards it to the kab/kota where it is located;
    everyone else sends a regional complaint to the province first (SPEC R14).
    """
    if authority is None:
        authority = Authority.UPPKH if program == "pkh" else Authority.REGIONAL
    match authority:
        case Authority.CENTRAL:
            return FALLBACK_CODE
        case Authority.BANK:
            return settings.ADUAN.get("DEFAULT_BANK_UNIT", "bri")
        case Authority.BULOG:
            return "bulog"
        case Authority.POS:
            return "pos"
        case Authority.UPPKH:
            district = district_of(region_code or "")
            return unit_code("uppkh", district) if district else UPPKH_PUSAT
        case _:
            if not region_code:
                return FALLBACK_CODE
            district = district_of(region_code)
            if holder_kind in PROVINCE_FORWARDERS and district:
                return unit_code("dinsos", district)
            return unit_code("dinsos", province_of(region_code))


def first_handler_code(*, program: str, pendamping: str, region_code: str | None) -> str | None:
    """SPEC R16, pure: where a PKH complaint goes at once, past the rungs below, or None. One by a
    pendamping goes to UPPKH Pusat; one about a pendamping or operator straight to the UPPKH of its
    kabupaten/kota (UPPKH Pusat when the place is not known to that level)."""
    if program != "pkh" or not pendamping:
        return None
    district = district_of(region_code or "")
    if pendamping == PENDAMPING_ABOUT and district:
        return unit_code("uppkh", district)
    return UPPKH_PUSAT


def propose_unit(complaint, holder: Unit | None = None) -> Unit:
    """The unit this complaint should be disposed to, seen from the unit holding it now."""
    if holder is None:
        holder = complaint.holder
    first = first_handler_code(program=complaint.program.code, pendamping=complaint.pendamping,
                               region_code=complaint.region_id)
    if first and (unit := units_by_code().get(first)) and unit.pk != holder.pk:
        return unit
    # The topic's authority; before anyone has classified it, the one triage read in the text
    # (a "saldo kosong" SMS goes to the bank).
    authority = complaint.topic.authority if complaint.topic_id else (complaint.triage or {}).get("authority")
    code = proposed_code(
        authority=authority,
        program=complaint.program.code,
        region_code=complaint.region_id,
        holder_kind=holder.kind if holder else None,
    )
    found = {u.code: u for u in Unit.objects.filter(code__in=[code, FALLBACK_CODE], is_active=True)}
    return found.get(code) or found[FALLBACK_CODE]


# --- Escalation ---------------------------------------------------------------------------------

class Scope(StrEnum):
    """Where the next level is looked for, relative to the unit escalating."""

    KECAMATAN = "kecamatan"  # the same kecamatan
    DISTRICT = "district"  # the same kabupaten/kota
    PROVINCE = "province"  # the province the unit lies in
    NATIONAL = "national"  # the one national unit of that kind


@dataclass(frozen=True)
class Step:
    kind: str
    scope: Scope


# Food aid (BPNT, Rastra): kab/kota → province Dinsos → Tikor Pusat; banks and BULOG answer to
# Tikor Pusat, PT Pos to UPPKH Pusat.
LADDER: dict[str, Step] = {
    UnitKind.KELOMPOK: Step(UnitKind.PENDAMPING, Scope.KECAMATAN),
    UnitKind.PENDAMPING: Step(UnitKind.UPPKH_KABKOTA, Scope.DISTRICT),
    UnitKind.DINSOS_KABKOTA: Step(UnitKind.DINSOS_PROVINSI, Scope.PROVINCE),
    UnitKind.TIKOR_KABKOTA: Step(UnitKind.TIKOR_PROVINSI, Scope.PROVINCE),
    UnitKind.UPPKH_KABKOTA: Step(UnitKind.TIKOR_KABKOTA, Scope.DISTRICT),
    UnitKind.DINSOS_PROVINSI: Step(UnitKind.TIKOR_PUSAT, Scope.NATIONAL),
    UnitKind.TIKOR_PROVINSI: Step(UnitKind.TIKOR_PUSAT, Scope.NATIONAL),
    UnitKind.BANK: Step(UnitKind.TIKOR_PUSAT, Scope.NATIONAL),
    UnitKind.BULOG: Step(UnitKind.TIKOR_PUSAT, Scope.NATIONAL),
    UnitKind.POS: Step(UnitKind.UPPKH_PUSAT, Scope.NATIONAL),
    UnitKind.UPPKH_PUSAT: Step(UnitKind.TIKOR_TEKNIS_PUSAT, Scope.NATIONAL),
}
# PKH (SPEC R16): Ketua Kelompok → Pendamping → UPPKH Kab/Kota → Tikor Kab/Kota → Tikor Provinsi
# → UPPKH Pusat → Tim Koordinasi Teknis Pusat. A Dinsos handling a PKH matter joins the ladder at
# its own level's Tikor.
PKH_LADDER: dict[str, Step] = LADDER | {
    UnitKind.DINSOS_KABKOTA: Step(UnitKind.TIKOR_KABKOTA, Scope.DISTRICT),
    UnitKind.DINSOS_PROVINSI: Step(UnitKind.TIKOR_PROVINSI, Scope.PROVINCE),
    UnitKind.TIKOR_PROVINSI: Step(UnitKind.UPPKH_PUSAT, Scope.NATIONAL),
}


def next_step(kind: str, program: str) -> Step | None:
    """Pure: the kind of unit above `kind` for this program, or None at the top."""
    return (PKH_LADDER if program == "pkh" else LADDER).get(kind)


def next_unit(unit: Unit, program: str) -> Unit | None:
    """The unit one level above `unit` for a complaint of `program`; None at the top or when the
    unit above has not been set up for that region. A kelompok whose kecamatan has no pendamping
    unit yet escalates to the rung above the pendamping."""
    step = next_step(unit.kind, program)
    if step is None:
        return None
    units = Unit.objects.filter(kind=step.kind, is_active=True)
    if step.scope is Scope.NATIONAL:
        return units.order_by("id").first()
    if not unit.region_id:
        return None
    region = {Scope.KECAMATAN: kecamatan_of, Scope.DISTRICT: district_of, Scope.PROVINCE: province_of}[step.scope](
        unit.region_id)
    found = units.filter(region_id=region).order_by("id").first() if region else None
    if found is None and step.kind == UnitKind.PENDAMPING:
        return next_unit(Unit(kind=UnitKind.PENDAMPING, region_id=unit.region_id), program)
    return found


def escalation_path(unit: Unit, program: str) -> list[Unit]:
    """Every level above `unit`, nearest first (at most a handful of queries)."""
    path: list[Unit] = []
    current = next_unit(unit, program)
    while current is not None and current not in path:
        path.append(current)
        current = next_unit(current, program)
    return path
