"""The units of SPEC R14, R16, R25: national bodies, and for every province and kabupaten/kota its
Dinas Sosial, UPPKH and Tikor. Bulk-created: all 38 + 514 regions take about a second."""

from django.db import transaction

from aduan.organisation.models import Unit, UnitKind
from aduan.regions.models import Region

NATIONAL = [
    ("admin-utama", "Admin Utama Pengaduan Bansos (Kemendagri)", UnitKind.ADMIN_UTAMA, None),
    ("tikor-pusat", "Tim Koordinasi Bansos Pangan Pusat", UnitKind.TIKOR_PUSAT, "admin-utama"),
    ("kemensos", "Kementerian Sosial RI", UnitKind.KEMENSOS, "admin-utama"),
    ("tikor-teknis-pusat", "Tim Koordinasi Teknis Pusat", UnitKind.TIKOR_TEKNIS_PUSAT, "admin-utama"),
    ("uppkh-pusat", "UPPKH Pusat (Direktorat Jaminan Sosial Keluarga)", UnitKind.UPPKH_PUSAT, "tikor-teknis-pusat"),
    ("bri", "Bank Rakyat Indonesia (BRI) — Kantor Pusat", UnitKind.BANK, "tikor-pusat"),
    ("bni", "Bank Negara Indonesia (BNI) — Kantor Pusat", UnitKind.BANK, "tikor-pusat"),
    ("mandiri", "Bank Mandiri — Kantor Pusat", UnitKind.BANK, "tikor-pusat"),
    ("btn", "Bank Tabungan Negara (BTN) — Kantor Pusat", UnitKind.BANK, "tikor-pusat"),
    ("bulog", "Perum BULOG — Kantor Pusat", UnitKind.BULOG, "tikor-pusat"),
    ("pos", "PT Pos Indonesia — Kantor Pusat", UnitKind.POS, "uppkh-pusat"),
]

NATIONAL_CONTACTS = {
    "admin-utama": {"phone": "1708", "website": "https://lapor.go.id", "address": "Jl. Medan Merdeka Utara No. 7, Jakarta Pusat"},
    "kemensos": {"phone": "171", "whatsapp": "0811-1022-210", "email": "pengaduan@kemensos.go.id", "website": "https://kemensos.go.id"},
}

PROVINCE_UNITS = [
    (UnitKind.DINSOS_PROVINSI, "dinsos", "Dinas Sosial Provinsi {name}"),
    (UnitKind.TIKOR_PROVINSI, "tikor", "Tikor Bansos Provinsi {name}"),
]
DISTRICT_UNITS = [
    (UnitKind.DINSOS_KABKOTA, "dinsos", "Dinas Sosial {name}"),
    (UnitKind.UPPKH_KABKOTA, "uppkh", "UPPKH {name}"),
    (UnitKind.TIKOR_KABKOTA, "tikor", "Tikor Bansos {name}"),
]


def _code(prefix: str, region_code: str) -> str:
    return f"{prefix}-{region_code.replace('.', '-')}"


@transaction.atomic
def seed_units() -> int:
    """Create what is missing; returns how many units were created."""
    existing = set(Unit.objects.values_list("code", flat=True))
    created = 0
    for code, name, kind, parent in NATIONAL:
        if code not in existing:
            Unit.objects.create(code=code, name=name, kind=kind,
                                parent=Unit.objects.get(code=parent) if parent else None,
                                **NATIONAL_CONTACTS.get(code, {}))
            created += 1
    tikor_pusat = Unit.objects.get(code="tikor-pusat")

    provinces = list(Region.objects.filter(level=1))
    rows = [
        Unit(code=_code(prefix, p.code), name=template.format(name=p.name),
             kind=kind, region=p, parent=tikor_pusat)
        for p in provinces for kind, prefix, template in PROVINCE_UNITS if _code(prefix, p.code) not in existing
    ]
    Unit.objects.bulk_create(rows, batch_size=2000)
    created += len(rows)
    dinsos_province = {u.region_id: u.id for u in Unit.objects.filter(kind=UnitKind.DINSOS_PROVINSI)}

    districts = list(Region.objects.filter(level=2))
    rows = [
        Unit(code=_code(prefix, d.code), name=template.format(name=d.name), kind=kind, region=d,
             parent_id=dinsos_province[d.parent_id])
        for d in districts for kind, prefix, template in DISTRICT_UNITS if _code(prefix, d.code) not in existing
    ]
    Unit.objects.bulk_create(rows, batch_size=2000)
    return created + len(rows)
