"""Spellings the officers taught: the next SMS written the same way resolves, a spelling taught for
two desa teaches nothing, one switched off in the admin is forgotten."""

import pytest

from aduan.regions import resolver as resolver_module
from aduan.regions import taught
from aduan.regions.models import Region, TaughtSpelling
from aduan.regions.timezones import zone_name_for

from . import lokal_resolver

pytestmark = pytest.mark.django_db
PURWODADI, SAMBI = "35.06.23.2005", "35.06.23.2006"
TYPED = ["Jatim", "Kdr", "Ringin Rejo", "Pwdadi"]


@pytest.fixture(autouse=True)
def country(monkeypatch):
    monkeypatch.setattr(resolver_module, "_resolver", lokal_resolver())
    for code in ("35", "35.06", "35.06.23", PURWODADI, SAMBI):
        Region.objects.get_or_create(code=code, defaults={
            "name": code, "level": code.count(".") + 1, "kind": "desa", "timezone": zone_name_for(code),
            "parent_id": code.rsplit(".", 1)[0] if "." in code else None})


def test_a_taught_spelling_resolves_whatever_the_case_and_spacing():
    assert taught.resolve(TYPED).needs_review
    taught.teach("#".join(TYPED), Region.objects.get(code=PURWODADI))

    resolution = taught.resolve(["JATIM", "kdr", "ringinrejo", "PWDADI"])

    assert (resolution.code, resolution.needs_review, resolution.problem) == (PURWODADI, False, None)


def test_a_spelling_taught_for_two_desa_teaches_nothing():
    taught.teach("#".join(TYPED), Region.objects.get(code=PURWODADI))
    taught.teach("#".join(TYPED), Region.objects.get(code=SAMBI))

    assert taught.resolve(TYPED).needs_review


def test_only_a_desa_is_taught_and_a_switched_off_spelling_is_forgotten():
    assert taught.teach("#".join(TYPED), Region.objects.get(code="35.06.23")) is None
    spelling = taught.teach("#".join(TYPED), Region.objects.get(code=PURWODADI))
    assert taught.resolve(TYPED).code == PURWODADI

    spelling.is_active = False
    spelling.save()  # as the admin's `aktif` box does

    assert taught.resolve(TYPED).needs_review
    assert TaughtSpelling.objects.count() == 1
