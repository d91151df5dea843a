"""The officers' intake form: a few regions, the taxonomy and units, one officer per filing role."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from aduan.organisation.models import Membership, Role, Unit
from aduan.organisation.seed import seed_units
from aduan.regions.models import Region
from aduan.taxonomy.seed import seed_taxonomy

REGIONS = [
    ("35", "Jawa Timur", 1, "provinsi", "Asia/Jakarta"),
    ("35.06", "Kabupaten Kediri", 2, "kabupaten", "Asia/Jakarta"),
    ("35.06.10", "Ringinrejo", 3, "kecamatan", "Asia/Jakarta"),
    ("35.06.10.2005", "Purwodadi", 4, "desa", "Asia/Jakarta"),
    ("73", "Sulawesi Selatan", 1, "provinsi", "Asia/Makassar"),
    ("73.71", "Kota Makassar", 2, "kota", "Asia/Makassar"),
]
PASSWORD = "kata-sandi-uji-2026"


@pytest.fixture
def world():
    cache.clear()
    for code, name, level, kind, zone in REGIONS:
        Region.objects.get_or_create(code=code, defaults={
            "name": name, "level": level, "kind": kind, "timezone": zone,
            "parent_id": code.rsplit(".", 1)[0] if "." in code else None,
        })
    seed_taxonomy()
    seed_units()
    return Unit.objects.in_bulk(field_name="code")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def person(world):
    def make(username: str, unit_code: str, role: str):
        user = get_user_model().objects.create_user(username, password=PASSWORD, first_name=username.title())
        Membership.objects.create(user=user, unit=world[unit_code], role=role)
        return user
    return make


@pytest.fixture
def front_office(person):
    return person("eko", "dinsos-35-06", Role.FRONT_OFFICE)


@pytest.fixture
def pendamping(person):
    return person("wati", "uppkh-35-06", Role.PENDAMPING)
