"""Roles and what they allow (SPEC R25), the R25 staffing check, the identity-view audit, the admin."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from aduan.core.access import may_see_identity, record_identity_view
from aduan.core.access.abilities import (
    OUTSIDE_PROVINCE,
    REFUSALS,
    Ability,
    NotAllowed,
    allowed_actions,
    may,
    may_file,
    require,
)
from aduan.core.actions import complaint_dispose
from aduan.core.actions.intake import national_unit
from aduan.organisation.admin import NEEDS_AN_ADMINISTRATOR, NEEDS_ONE_PEJABAT, MembershipFormSet
from aduan.organisation.models import IdentityView, Membership, Role, Unit


DESK = ("answer_at_desk", "refer", "issue_letter")


@pytest.fixture
def at_kediri(lodge, officer, org):
    complaint = lodge()
    return complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])


@pytest.mark.parametrize(("unit", "role", "expected"), [
    # Announced to the district (R20) as well as held there: its desk may also answer the announcement.
    # Every desk of the holding unit may also settle it on the spot or refer it (Probolinggo 2.4–2.5).
    ("dinsos-35-06", Role.ADMINISTRATOR, {"follow_up", "return", "escalate", "close", "reopen", "rebut", "classify",
                                          "assign", "complete_stage", "extend", "answer_announcement", *DESK}),
    ("dinsos-35-06", Role.PEJABAT_PENGELOLA, {"follow_up", "return", "escalate", "close", "reopen", "rebut",
                                              "classify", "assign", "complete_stage", "extend", "answer_announcement",
                                              *DESK}),
    ("dinsos-35-06", Role.SUB_KOORDINATOR, {"follow_up", "return", "escalate", "rebut", "classify", "complete_stage",
                                            "answer_announcement", *DESK}),
    ("dinsos-35-06", Role.BACK_OFFICE, {"follow_up", "return", "escalate", "rebut", "classify", "complete_stage",
                                        "answer_announcement", *DESK}),
    ("dinsos-35-06", Role.FRONT_OFFICE, {"rebut", "classify", "answer_announcement", *DESK}),
    ("dinsos-35-06", Role.SUPERVISOR, set()),
    ("dinsos-35", Role.ADMINISTRATOR, set()),
    ("admin-utama", Role.ADMINISTRATOR, {"dispose", "close", "reopen", "rebut", "classify"}),
    ("admin-utama", Role.SUPERVISOR, set()),
    ("bri", Role.ADMINISTRATOR, set()),
])
def test_each_role_may_do_its_own_part(at_kediri, officer, unit, role, expected):
    assert set(allowed_actions(officer(unit, role), at_kediri)) == expected


def test_a_province_may_forward_only_inside_its_province(lodge, officer, org):
    complaint = complaint_dispose(complaint=lodge(), actor=officer("admin-utama"), to_unit=org["dinsos-35"])
    province = officer("dinsos-35")
    assert may(province, Ability.DISPOSE, complaint, to_unit=org["dinsos-35-06"])
    with pytest.raises(NotAllowed, match=OUTSIDE_PROVINCE):
        require(province, Ability.DISPOSE, complaint, to_unit=org["dinsos-73-71"])


def test_a_kabupaten_may_not_dispose(at_kediri, officer, org):
    with pytest.raises(NotAllowed, match=REFUSALS[Ability.DISPOSE]):
        require(officer("dinsos-35-06"), Ability.DISPOSE, at_kediri, to_unit=org["uppkh-35-06"])


@pytest.mark.parametrize(("role", "files"), [
    (Role.FRONT_OFFICE, True), (Role.ADMINISTRATOR, True), (Role.PENDAMPING, True),
    (Role.KETUA_KELOMPOK, True), (Role.SUPERVISOR, False), (Role.BACK_OFFICE, True),
    (Role.PEJABAT_PENGELOLA, True),
])
def test_who_may_file(officer, role, files):
    assert may_file(officer("uppkh-35-06", role)) is files


def test_a_confidential_identity_is_for_the_handlers_only(lodge, officer, org):
    from aduan.core.intake import Reporter

    complaint = lodge(reporter=Reporter(confidential=True, name="Siti Aminah", phone="+6281234567890"))
    complaint = complaint_dispose(complaint=complaint, actor=officer("admin-utama"), to_unit=org["dinsos-35-06"])
    assert may_see_identity(officer("dinsos-35-06", Role.BACK_OFFICE), complaint)
    assert may_see_identity(officer("admin-utama"), complaint)
    assert not may_see_identity(officer("dinsos-35-06", Role.SUPERVISOR), complaint)
    assert not may_see_identity(officer("dinsos-35", Role.PEJABAT_PENGELOLA), complaint)


def test_every_whole_view_of_a_confidential_identity_is_recorded(lodge, officer):
    from aduan.core.intake import Reporter

    complaint = lodge(reporter=Reporter(confidential=True, name="Siti"))
    user = officer("admin-utama")
    record_identity_view(user=user, complaint=complaint)
    record_identity_view(user=user, complaint=complaint, where="api")
    assert list(IdentityView.objects.filter(complaint=complaint).order_by("id").values_list("where", flat=True)) == [
        "web", "api"]
    record_identity_view(user=user, complaint=lodge())  # not confidential: nothing to audit
    assert IdentityView.objects.count() == 2


def test_the_database_refuses_a_second_pejabat_pengelola(officer, org):
    officer("dinsos-35-06", Role.PEJABAT_PENGELOLA, username="kadis-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        officer("dinsos-35-06", Role.PEJABAT_PENGELOLA, username="kadis-2")


def test_check_units_names_staffed_units_without_a_pejabat_or_an_administrator(officer, capsys):
    officer("dinsos-35-06", Role.FRONT_OFFICE)
    officer("bri", Role.PEJABAT_PENGELOLA)
    officer("bri", Role.ADMINISTRATOR)
    with pytest.raises(CommandError, match="1 unit"):
        call_command("check_units")
    assert "dinsos-35-06: belum ada Pejabat Pengelola dan Administrator" in capsys.readouterr().out


def test_check_units_passes_when_every_staffed_unit_is_complete_and_every_unit_reachable(officer, capsys):
    officer("bri", Role.PEJABAT_PENGELOLA)
    officer("bri", Role.ADMINISTRATOR)
    Unit.objects.update(phone="(0354) 123456")
    call_command("check_units")
    assert "Semua unit" in capsys.readouterr().out


def test_check_units_names_the_units_with_no_channel_and_no_email(org, capsys):
    Unit.objects.exclude(code="dinsos-35-06").update(email="pengaduan@example.go.id")
    with pytest.raises(CommandError, match="1 unit belum mempunyai kanal"):
        call_command("check_units")
    assert "dinsos-35-06: belum ada kanal pengaduan maupun email" in capsys.readouterr().out


def _formset(unit, rows):
    data = {"memberships-TOTAL_FORMS": str(len(rows)), "memberships-INITIAL_FORMS": "0"}
    for i, (user, role) in enumerate(rows):
        data |= {f"memberships-{i}-user": str(user.pk), f"memberships-{i}-role": role}
    from django.forms import inlineformset_factory

    factory = inlineformset_factory(Unit, Membership, formset=MembershipFormSet, fields=["user", "role"], extra=0)
    return factory(data, instance=unit, prefix="memberships")


def test_the_admin_asks_for_one_pejabat_and_an_administrator(org, django_user_model):
    a, b = (django_user_model.objects.create_user(username=n) for n in ("a", "b"))
    only_admin = _formset(org["bri"], [(a, Role.ADMINISTRATOR)])
    assert not only_admin.is_valid() and NEEDS_ONE_PEJABAT in only_admin.non_form_errors()
    only_pejabat = _formset(org["bri"], [(a, Role.PEJABAT_PENGELOLA)])
    assert not only_pejabat.is_valid() and NEEDS_AN_ADMINISTRATOR in only_pejabat.non_form_errors()
    assert _formset(org["bri"], [(a, Role.PEJABAT_PENGELOLA), (b, Role.ADMINISTRATOR)]).is_valid()


def test_the_organisation_and_taxonomy_models_are_in_the_admin(admin_client, org):
    for url in ["/admin/organisation/unit/?q=kediri", "/admin/organisation/membership/",
                "/admin/organisation/identityview/", "/admin/taxonomy/topic/", "/admin/taxonomy/deadlinepolicy/",
                "/admin/casework/masterdatachangerequest/"]:
        assert admin_client.get(url).status_code == 200, url
    assert national_unit().code == "admin-utama"
