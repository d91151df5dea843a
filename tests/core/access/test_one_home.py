"""Each rule has one home, and every caller agrees with it: "overdue" means the same to the sweep,
the API and the pages; an officer's right is checked on the locked row, not on the copy the entry
point read; who may file is one list."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aduan.core import access
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import complaint_dispose, complaint_escalate_overdue, complaint_follow_up
from aduan.core.models import Complaint, overdue_q
from aduan.organisation.models import Role
from tests.fixtures.org import POJOK

pytestmark = pytest.mark.django_db


def test_a_complaint_due_this_very_moment_is_overdue_everywhere(lodge, officer, org, api_as):
    complaint = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])
    now = timezone.now()
    Complaint.objects.filter(pk=complaint.pk).update(due_at=now)
    complaint.refresh_from_db()

    assert complaint.is_overdue(now)
    assert Complaint.objects.filter(overdue_q(now), pk=complaint.pk).exists()
    items = api_as(officer("dinsos-35-06")).get("/api/v1/complaints").json()["items"]
    assert items[0]["overdue"] is True
    assert complaint_escalate_overdue(now=now) == 1


def test_an_answered_complaint_is_never_overdue(lodge, officer, org):
    complaint = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])
    complaint = complaint_follow_up(complaint=complaint, actor=officer("dinsos-35-06"), answer="Sudah.")
    later = complaint.due_at + timedelta(days=1)
    assert not complaint.is_overdue(later)
    assert not Complaint.objects.filter(overdue_q(later), pk=complaint.pk).exists()


def test_the_right_to_act_is_checked_on_the_locked_row_not_a_stale_copy(lodge, officer, org):
    at_province = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35"])
    stale = Complaint.objects.get(pk=at_province.pk)  # what the province's page loaded
    province = officer("dinsos-35")
    assert access.may(province, access.Ability.FOLLOW_UP, stale)  # the entry point's check passes

    complaint_dispose(complaint=at_province, actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])

    with pytest.raises(access.NotAllowed, match=REFUSALS[access.Ability.FOLLOW_UP]):
        complaint_follow_up(complaint=stale, actor=province, answer="Jawaban dari unit yang tidak lagi memegangnya.")
    assert not Complaint.objects.get(pk=stale.pk).followed_up_at


@pytest.mark.parametrize("role", list(Role))
def test_who_may_file_is_the_same_for_the_api_open311_and_the_desk(officer, org, api_as, client, role):
    user = officer("dinsos-35-06", role)
    may = access.may_file(user)
    body = {"program": "bpnt", "channel": "tatap_muka", "text": "Kartu hilang.", "location_code": "35.06.10.2005"}
    api = api_as(user).post("/api/v1/complaints", body, content_type="application/json")
    client.force_login(user)
    desk = client.get("/petugas/catat/")
    assert (api.status_code == 201) is may and (desk.status_code == 200) is may
    assert may is (role != Role.SUPERVISOR)


@pytest.mark.parametrize("inline", [True, False], ids=["escalated-named-by-id", "escalated-as-a-subquery"])
def test_a_unit_keeps_seeing_what_it_escalated_however_the_rule_is_asked(lodge, officer, org, monkeypatch, inline):
    """R16: the district still sees a complaint it escalated. Visibility names the escalated
    complaints by id, or asks for them in a subquery when a unit has escalated very many: the same
    complaints either way."""
    from aduan.core.access import visibility

    if not inline:
        monkeypatch.setattr(visibility, "ESCALATED_INLINE", 0)
    admin = officer("admin-utama")
    escalated = complaint_dispose(complaint=lodge(), actor=admin, to_unit=org["dinsos-35-06"])
    held = complaint_dispose(complaint=lodge(), actor=admin, to_unit=org["dinsos-35-06"])
    lodge(region_code=POJOK)  # at the national door, from Kota Kediri: nothing of Kabupaten Kediri's
    now = timezone.now()
    Complaint.objects.filter(pk=escalated.pk).update(due_at=now - timedelta(days=30))
    assert complaint_escalate_overdue(now=now) == 1
    assert Complaint.objects.get(pk=escalated.pk).handling_unit_id != org["dinsos-35-06"].pk

    seen = set(access.complaints_visible_to(officer("dinsos-35-06")).values_list("pk", flat=True))

    assert seen == {escalated.pk, held.pk}
