"""SPEC R20: a complaint received centrally is announced to its kabupaten/kota's Dinas Sosial."""

from django.core import mail

from aduan.core.actions import complaint_receive
from aduan.core.intake import IntakeMessage


def test_a_complaint_received_centrally_is_announced_to_its_district(world, file_complaint, django_capture_on_commit_callbacks):
    district = world["dinsos-35-06"]
    district.email = "pengaduan@dinsos.kedirikab.go.id"
    district.save()

    with django_capture_on_commit_callbacks(execute=True):
        complaint = file_complaint()

    sent = [m for m in mail.outbox if district.email in m.to]
    assert len(sent) == 1
    assert complaint.tracking_number in sent[0].body and "juga diterima di unit Anda" in sent[0].body


def test_a_complaint_the_district_received_itself_is_not_announced_back(world, django_capture_on_commit_callbacks):
    district = world["dinsos-35-06"]
    district.email = "pengaduan@dinsos.kedirikab.go.id"
    district.save()

    with django_capture_on_commit_callbacks(execute=True):
        complaint_receive(
            message=IntakeMessage(channel="tatap_muka", program="bpnt", text="Kartu hilang", region_code="35.06.10.2005"),
            receiving_unit=district,
        )

    assert not [m for m in mail.outbox if district.email in m.to]
