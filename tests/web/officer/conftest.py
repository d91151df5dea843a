"""Officer-page fixtures: a handful of regions (not all 83k), the seeded taxonomy and units, one
persona per organisational role, and a factory that files complaints through the real action."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage, Reporter
from aduan.organisation.models import Membership, Role, Unit
from aduan.organisation.seed import seed_units
from aduan.regions.models import Region
from aduan.taxonomy.seed import seed_taxonomy

PASSWORD = "kata-sandi-uji-2026"

REGIONS = [
    # code, name, level, kind, timezone
    ("35", "Jawa Timur", 1, "provinsi", "Asia/Jakarta"),
    ("35.06", "Kediri", 2, "kabupaten", "Asia/Jakarta"),
    ("35.06.10", "Ringinrejo", 3, "kecamatan", "Asia/Jakarta"),
    ("35.06.10.2005", "Purwodadi", 4, "desa", "Asia/Jakarta"),
    ("73", "Sulawesi Selatan", 1, "provinsi", "Asia/Makassar"),
    ("73.71", "Kota Makassar", 2, "kota", "Asia/Makassar"),
    ("73.71.01", "Mariso", 3, "kecamatan", "Asia/Makassar"),
    ("73.71.01.1001", "Bontorannu", 4, "kelurahan", "Asia/Makassar"),
]

# username: (full name, unit code, role)
PERSONAS = {
    "admin": ("Rina Admin Utama", "admin-utama", Role.ADMINISTRATOR),
    "kediri": ("Yuli Dinsos Kediri", "dinsos-35-06", Role.ADMINISTRATOR),
    "kediri_fo": ("Eko Front Office", "dinsos-35-06", Role.FRONT_OFFICE),
    "jatim": ("Wahyu Dinsos Jatim", "dinsos-35", Role.ADMINISTRATOR),
    "pengawas": ("Lestari Pengawas", "dinsos-35", Role.SUPERVISOR),
    "makassar": ("Andi Dinsos Makassar", "dinsos-73-71", Role.ADMINISTRATOR),
}


@pytest.fixture
def world(db):
    for code, name, level, kind, zone in REGIONS:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        Region.objects.create(code=code, name=name, level=level, kind=kind, parent_id=parent, timezone=zone)
    seed_taxonomy()
    seed_units()
    return {unit.code: unit for unit in Unit.objects.all()}


@pytest.fixture
def people(world):
    User = get_user_model()
    users = {}
    for username, (full_name, unit_code, role) in PERSONAS.items():
        first, _, last = full_name.partition(" ")
        user = User.objects.create_user(username, password=PASSWORD, first_name=first, last_name=last)
        Membership.objects.create(user=user, unit=world[unit_code], role=role)
        users[username] = user
    return users


@pytest.fixture
def file_complaint(world):
    """File a complaint through complaint_receive, as the SMS or the website would."""
    counter = iter(range(1, 10_000))

    def file(*, text="Saldo KKS saya belum masuk sejak dua bulan.", program="bpnt", region="35.06.10.2005",
             category_type="keluhan", topic="bpnt-4", reporter=None, received_at=None, days_ago=0, **extra):
        message = IntakeMessage(
            channel=extra.pop("channel", "sms"), program=program, text=text,
            reporter=reporter or Reporter(name="Siti Aminah", phone="+6281234567890", nik="3506104501800001"),
            region_code=region, category_type=category_type, topic=topic,
            received_at=received_at or timezone.now() - timedelta(days=days_ago),
            external_id=f"test:{next(counter)}", **extra,
        )
        return complaint_receive(message=message).complaint

    return file


@pytest.fixture
def sign_in(client):
    def sign_in_as(user):
        client.force_login(user)
        return client

    return sign_in_as


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The officers' pages are Indonesian first; a browser asking for English would get Django's own
    # English strings (login errors), so the browser asks for Indonesian like the offices' machines.
    return {**browser_context_args, "locale": "id-ID", "timezone_id": "Asia/Jakarta"}
