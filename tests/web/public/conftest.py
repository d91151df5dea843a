"""A small world for the public pages: a few regions (not all 83k), the taxonomy, the units."""

import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from aduan.organisation.models import Membership, Role, Unit
from aduan.organisation.seed import seed_units
from aduan.regions.models import Region
from aduan.taxonomy.seed import seed_taxonomy

REGIONS = [
    # code, name, level, kind, timezone
    ("35", "Jawa Timur", 1, "provinsi", "Asia/Jakarta"),
    ("35.06", "Kabupaten Kediri", 2, "kabupaten", "Asia/Jakarta"),
    ("35.06.10", "Ringinrejo", 3, "kecamatan", "Asia/Jakarta"),
    ("35.06.10.2005", "Purwodadi", 4, "desa", "Asia/Jakarta"),
    ("35.06.10.2006", "Ringinrejo", 4, "desa", "Asia/Jakarta"),
    ("35.71", "Kota Kediri", 2, "kota", "Asia/Jakarta"),
    ("35.71.01", "Mojoroto", 3, "kecamatan", "Asia/Jakarta"),
    ("35.71.01.1001", "Pojok", 4, "kelurahan", "Asia/Jakarta"),
    ("73", "Sulawesi Selatan", 1, "provinsi", "Asia/Makassar"),
    ("73.71", "Kota Makassar", 2, "kota", "Asia/Makassar"),
]

PASSWORD = "kata-sandi-uji-2026"
# A valid 16-digit NIK issued in Kabupaten Kediri (35.06) and one issued in Makassar (73.71).
NIK_KEDIRI = "3506104501900002"
NIK_MAKASSAR = "7371014501900002"


def make_regions() -> None:
    for code, name, level, kind, zone in REGIONS:
        Region.objects.get_or_create(code=code, defaults={
            "name": name, "level": level, "kind": kind, "timezone": zone,
            "parent_id": code.rsplit(".", 1)[0] if "." in code else None,
        })


@pytest.fixture
def world():
    # The database cache survives a transactional test's flush: start every test with no counts.
    cache.clear()
    make_regions()
    seed_taxonomy()
    seed_units()
    return Unit.objects.in_bulk(field_name="code")


@pytest.fixture(autouse=True)
def web_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Tests post at machine speed; the minimum fill time has its own test.
    settings.ADUAN = {**settings.ADUAN, "WEB_MIN_FILL_SECONDS": 0}
    return settings


@pytest.fixture
def officer(world):
    user = get_user_model().objects.create_user("yuli", password=PASSWORD, first_name="Yuli")
    Membership.objects.create(user=user, unit=world["dinsos-35-06"], role=Role.ADMINISTRATOR)
    return user


def png_bytes() -> bytes:
    """A real 1×1 PNG, made here rather than shipped."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
