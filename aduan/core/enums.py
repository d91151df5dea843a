"""The enumerations of the complaint core; their values are the API's (DESIGN.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.taxonomy.models import Severity  # noqa: F401  (re-exported: one Severity for the project)


class Status(models.TextChoices):
    BELUM = "belum", _("Belum ditindaklanjuti")
    PROSES = "proses", _("Proses")
    SELESAI = "selesai", _("Selesai")


class Channel(models.TextChoices):
    SMS = "sms", _("SMS 1708")
    WEB = "web", _("Situs web")
    TATAP_MUKA = "tatap_muka", _("Tatap muka")
    TELEPON = "telepon", _("Telepon")
    FAKS = "faks", _("Faks")
    SURAT = "surat", _("Surat")
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    MEDIA_SOSIAL = "media_sosial", _("Media sosial")
    RADIO = "radio", _("Radio")
    KOTAK_SARAN = "kotak_saran", _("Kotak saran")
    TIDAK_LANGSUNG = "tidak_langsung", _("Sumber tidak langsung")
    API = "api", _("API")


class IndirectSource(models.TextChoices):
    """SPEC R5: where a complaint that nobody filed came from."""

    MONITORING = "monitoring", _("Temuan monitoring")
    MUSYAWARAH = "musyawarah", _("Forum / musyawarah desa")
    RESEARCH = "penelitian", _("Hasil penelitian")
    AUDITOR = "auditor", _("Auditor / aparat penegak hukum")
    DPR = "dpr", _("DPR / DPRD")
    MEDIA = "media", _("Media massa / internet")


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    DISPOSED = "disposed", _("Didisposisikan")
    RETURNED = "returned", _("Dikembalikan")
    FOLLOWED_UP = "followed_up", _("Ditindaklanjuti")
    REBUTTED = "rebutted", _("Disanggah")
    CLOSED = "closed", _("Ditutup")
    REOPENED = "reopened", _("Dibuka kembali")
    ESCALATED = "escalated", _("Dieskalasi")
    WARNED = "warned", _("Peringatan tenggat")
    NOTE = "note", _("Catatan")
    RATED = "rated", _("Dinilai pelapor")
    CLASSIFIED = "classified", _("Diklasifikasikan")
    LOCATED = "located", _("Lokasi dicatat")
    LINKED = "linked", _("Ditautkan")
    ASSIGNED = "assigned", _("Ditugaskan")
    STAGE_DONE = "stage_done", _("Tahap selesai")
    EXTENDED = "extended", _("Tenggat diperpanjang")
    DISTRICT_ANSWERED = "district_answer", _("Dijawab kabupaten/kota")
    REGISTRY_LINKED = "registry_linked", _("Ditautkan ke data penerima")
    LETTER_ISSUED = "letter_issued", _("Surat diterbitkan")
    MONITORING_OPENED = "monitored", _("Dipantau penyalurannya")
    AID_RECEIVED = "aid_received", _("Bantuan diterima")
    DISCUSSED = "discussed", _("Dibahas dalam rapat koordinasi")


class Extension(models.TextChoices):
    """SPEC R13: what may extend a PKH complaint's 26 working days, and by how many months."""

    MASTER_DATA = "data_induk", _("Perbaikan data induk (1 bulan)")
    SERVICE_PROVIDER = "penyedia_layanan", _("Tindakan korektif penyedia layanan (3 bulan)")


EXTENSION_MONTHS = {Extension.MASTER_DATA: 1, Extension.SERVICE_PROVIDER: 3}


class PendampingRelation(models.TextChoices):
    """SPEC R16: a PKH complaint by a pendamping goes to UPPKH Pusat; one about a pendamping or an
    operator goes straight to UPPKH Kabupaten/Kota."""

    BY = "oleh", _("Disampaikan oleh pendamping sendiri")
    ABOUT = "tentang", _("Tentang pendamping atau operator")


class DistrictAnswer(models.TextChoices):
    """SPEC R20: the kabupaten/kota's answer to the announcement of a complaint received centrally."""

    ALSO_RECEIVED = "juga_diterima", _("Juga diterima di sini")
    NOT_RECEIVED = "tidak_diterima", _("Tidak diterima di sini")
