"""The enumerations of the complaint core; their values are the API's (DESIGN.md)."""

from django.db import models

from aduan.taxonomy.models import Severity  # noqa: F401  (re-exported: one Severity for the project)


class Status(models.TextChoices):
    BELUM = "belum", "Belum ditindaklanjuti"
    PROSES = "proses", "Proses"
    SELESAI = "selesai", "Selesai"


class Channel(models.TextChoices):
    SMS = "sms", "SMS 1708"
    WEB = "web", "Situs web"
    TATAP_MUKA = "tatap_muka", "Tatap muka"
    TELEPON = "telepon", "Telepon"
    FAKS = "faks", "Faks"
    SURAT = "surat", "Surat"
    EMAIL = "email", "Email"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    MEDIA_SOSIAL = "media_sosial", "Media sosial"
    RADIO = "radio", "Radio"
    KOTAK_SARAN = "kotak_saran", "Kotak saran"
    TIDAK_LANGSUNG = "tidak_langsung", "Sumber tidak langsung"
    API = "api", "API"


class IndirectSource(models.TextChoices):
    """SPEC R5: where a complaint that nobody filed came from."""

    MONITORING = "monitoring", "Temuan monitoring"
    MUSYAWARAH = "musyawarah", "Forum / musyawarah desa"
    RESEARCH = "penelitian", "Hasil penelitian"
    AUDITOR = "auditor", "Auditor / aparat penegak hukum"
    DPR = "dpr", "DPR / DPRD"
    MEDIA = "media", "Media massa / internet"


class EventKind(models.TextChoices):
    RECEIVED = "received", "Diterima"
    DISPOSED = "disposed", "Didisposisikan"
    RETURNED = "returned", "Dikembalikan"
    FOLLOWED_UP = "followed_up", "Ditindaklanjuti"
    REBUTTED = "rebutted", "Disanggah"
    CLOSED = "closed", "Ditutup"
    REOPENED = "reopened", "Dibuka kembali"
    ESCALATED = "escalated", "Dieskalasi"
    WARNED = "warned", "Peringatan tenggat"
    NOTE = "note", "Catatan"
    RATED = "rated", "Dinilai pelapor"
