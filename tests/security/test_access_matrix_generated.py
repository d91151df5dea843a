"""The access matrix, generated from the one definition (aduan.core.access): for every role, in
every relation a unit can have to a complaint, and every operation on it through the API and
through the officer pages, the answer is what `access` says — 404 where the complaint may not be
seen, 403 where it may be seen but not acted on, and otherwise the action's own answer (done, or
refused by the workflow with 409/400) — and a refused request changes nothing.

The complaint: received by SMS at the Admin Utama, disposed to Dinas Sosial Jawa Timur, then to
Dinas Sosial Kabupaten Kediri, which holds it; it carries a follow-up, so closing, rebutting and
escalating are all open.
"""

import itertools

import pytest

from aduan.core import access
from aduan.core.access import Ability
from aduan.core.actions import complaint_dispose, complaint_follow_up
from aduan.core.models import Event
from aduan.organisation.models import Role

pytestmark = pytest.mark.django_db

# A unit's relation to the complaint → the unit in the world below.
RELATIONS = {
    "holder": "dinsos-35-06",
    "forwarded_it": "dinsos-35",  # the province that forwarded it, above the holder
    "national": "admin-utama",  # received it, and sees everything
    "sibling": "dinsos-35-71",  # a neighbouring kab/kota of the same province
    "other_province": "dinsos-73-71",
    "bank": "bri",
}
ROLES = list(Role)
# Ability → (API path, body; page slug, form data)
OPERATIONS = {
    Ability.DISPOSE: ("dispositions", {"to_unit": "uppkh-35-06"}, "disposisi", {"disposisi-to_unit": "UPPKH"}),
    Ability.RETURN: ("returns", {"reason": "Bukan wewenang kami."}, "kembalikan", {"kembalikan-reason": "Bukan wewenang kami."}),
    Ability.FOLLOW_UP: ("follow-ups", {"answer": "Sudah."}, "tindak-lanjut", {"tindak-lanjut-answer": "Sudah."}),
    Ability.ESCALATE: ("escalations", {"reason": "Perlu pusat."}, "eskalasi", {"eskalasi-reason": "Perlu pusat."}),
    Ability.CLOSE: ("closures", {"reason": "Dikonfirmasi."}, "tutup", {"tutup-reason": "Dikonfirmasi."}),
    Ability.REOPEN: ("reopenings", {"reason": "Dibuka."}, "buka-kembali", {"buka-kembali-reason": "Dibuka."}),
    Ability.REBUT: ("rebuttals", {"text": "Belum."}, "sanggahan", {"sanggahan-text": "Belum."}),
}
CASES = list(itertools.product(RELATIONS, ROLES, OPERATIONS))


@pytest.fixture
def at_kediri(lodge, officer, org):
    complaint = lodge()
    complaint = complaint_dispose(complaint=complaint, actor=officer("admin-utama", username="koordinator"), to_unit=org["dinsos-35"])
    complaint = complaint_dispose(complaint=complaint, actor=officer("dinsos-35", username="jatim"), to_unit=org["dinsos-35-06"])
    return complaint_follow_up(complaint=complaint, actor=officer("dinsos-35-06", username="kediri"), answer="Saldo masuk.")


def expected(user, ability, complaint, org) -> str:
    if not access.complaints_visible_to(user).filter(pk=complaint.pk).exists():
        return "hidden"
    to_unit = org["uppkh-35-06"] if ability is Ability.DISPOSE else None
    return "allowed" if access.may(user, ability, complaint, to_unit=to_unit) else "refused"


def check(response, outcome: str, events_before: int, complaint) -> None:
    events_after = Event.objects.filter(complaint=complaint).count()
    if outcome == "hidden":
        assert response.status_code == 404, response.content[:300]
    elif outcome == "refused":
        assert response.status_code == 403, response.content[:300]
    else:
        assert response.status_code not in (403, 404, 500), response.content[:300]
    if outcome != "allowed" or response.status_code >= 400:
        assert events_after == events_before  # nothing happened


@pytest.mark.parametrize(("relation", "role", "ability"), CASES, ids=[f"{r}-{o}-{a}" for r, o, a in CASES])
def test_the_api_answers_as_the_definition_says(api_as, officer, org, at_kediri, relation, role, ability):
    user = officer(RELATIONS[relation], role)
    outcome = expected(user, ability, at_kediri, org)
    path, body, _, _ = OPERATIONS[ability]
    before = Event.objects.filter(complaint=at_kediri).count()
    response = api_as(user).post(f"/api/v1/complaints/{at_kediri.tracking_number}/{path}", body,
                                 content_type="application/json")
    check(response, outcome, before, at_kediri)


@pytest.mark.parametrize(("relation", "role", "ability"), CASES, ids=[f"{r}-{o}-{a}" for r, o, a in CASES])
def test_the_pages_answer_as_the_definition_says(client, officer, org, at_kediri, relation, role, ability):
    user = officer(RELATIONS[relation], role)
    outcome = expected(user, ability, at_kediri, org)
    _, _, slug, data = OPERATIONS[ability]
    if ability is Ability.DISPOSE:
        data = {"disposisi-to_unit": str(org["uppkh-35-06"].pk)}
    client.force_login(user)
    before = Event.objects.filter(complaint=at_kediri).count()
    response = client.post(f"/petugas/aduan/{at_kediri.tracking_number}/{slug}/", data)
    check(response, outcome, before, at_kediri)


def test_the_matrix_covers_every_role_relation_and_operation():
    assert len(CASES) == len(RELATIONS) * len(Role) * len(OPERATIONS) == 6 * 8 * 7
