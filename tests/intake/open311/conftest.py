"""Complaints in each status, a few regions and an officer with a token — without loading all regions."""

import pytest
from django.utils import timezone

from aduan.accounts.models import ApiToken
from aduan.core.actions import complaint_close, complaint_follow_up
from aduan.core.intake import Reporter

ANSWER = "Kartu pengganti sudah dicetak; ambil di kantor bank penyalur."


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def officer_key(kediri_officer):
    _, raw = ApiToken.issue(kediri_officer, "open311")
    return raw


@pytest.fixture
def complaints(file_complaint, world, kediri_officer):
    """One complaint in each status, all handled by Dinsos Kabupaten Kediri."""
    kediri = world["dinsos-35-06"]
    belum = file_complaint(topic="bpnt-3", text="Saldo KKS 3235386475739456 belum masuk.")
    proses = file_complaint(
        program="rastra", text="Beras berkutu.", region_code="73.71.01.1001",
        reporter=Reporter(name="Budi Santoso", phone="+6281299990000", nik="7371010101800001"),
    )
    selesai = file_complaint(topic="bpnt-5", text="e-Warong tutup.", reporter=Reporter(name="Ani"))
    for complaint in (belum, proses, selesai):
        complaint.handling_unit = kediri
        complaint.save(update_fields=["handling_unit"])
    complaint_follow_up(complaint=proses, actor=kediri_officer, answer=ANSWER, internal_note="catatan internal")
    complaint_follow_up(complaint=selesai, actor=kediri_officer, answer="e-Warong sudah buka kembali.")
    complaint_close(complaint=selesai, actor=kediri_officer, reason="Pelapor mengonfirmasi.", at=timezone.now())
    return {"belum": belum, "proses": proses, "selesai": selesai}
