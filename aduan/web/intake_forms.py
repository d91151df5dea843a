"""The officers' intake form: what arrived at the desk, by phone, letter, WhatsApp… typed in once.

Its order follows the PKH participant form and form C-2 (SPEC R4): who reports and what, on top;
the classification below. Numbers are cleaned as on the public form.
"""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from aduan.core.enums import Channel, IndirectSource, PendampingRelation, Severity
from aduan.core.intake import IntakeMessage, Reporter
from aduan.taxonomy.models import CategoryType, Program, Topic
from aduan.web.public_forms import LEVEL_FIELDS, RegionFieldsMixin, clean_nik, clean_sixteen_digits, normalise_phone
from aduan.web.uploads import MultipleFileField, check_file, check_files

# The channels an officer digitises (SPEC R3, R5): not SMS, web or API, which file themselves.
OFFICER_CHANNELS = [c for c in Channel if c not in (Channel.SMS, Channel.WEB, Channel.API)]
FORM_KINDS = [
    ("umum", _("Pengaduan umum (BPNT/Sembako, Rastra)")),
    ("pkh_peserta", _("PKH — formulir peserta")),
    ("pkh_c2", _("PKH — formulir C-2 (non-peserta)")),
]
REPORTER_STATUSES = [
    ("", "—"),
    ("kpm", _("Peserta / KPM")),
    ("non_peserta", _("Masyarakat non-peserta")),
    ("pendamping", _("Pendamping / operator")),
    ("penyedia_layanan", _("Penyedia layanan (sekolah, faskes, kantor pos, bank, e-Warong)")),
    ("aparat", _("Aparat desa / kecamatan")),
    ("lainnya", _("Lainnya")),
]
# SPEC R8: what a walk-in BPNT-PKH complaint brings.
REQUIREMENTS = [("ktp", _("Fotokopi KTP")), ("kk", _("Fotokopi KK")), ("kks", _("Kartu KKS / fotokopinya"))]

INDIRECT_NEEDS_SOURCE = gettext_noop("Pilih asal sumber tidak langsung (mis. temuan monitoring, media massa).")
SOURCE_ONLY_INDIRECT = gettext_noop("Asal sumber hanya diisi untuk saluran 'Sumber tidak langsung'.")
FUTURE_RECEIPT = gettext_noop("Waktu diterima tidak boleh di masa depan.")
TOPIC_OTHER_PROGRAM = gettext_noop("Topik ini bukan untuk program yang dipilih.")


class IntakeForm(RegionFieldsMixin, forms.Form):
    region_required_level = 0  # a letter may not say where; the officer completes it later

    # --- penerimaan
    channel = forms.ChoiceField(label=_("Saluran"), choices=[(c.value, c.label) for c in OFFICER_CHANNELS],
                                widget=forms.Select(attrs={"autofocus": True}))
    # One text box, filled with now: a datetime-local input is five Tab stops (day, month, year,
    # hour, minute) for the value the officer almost always keeps.
    received_at = forms.DateTimeField(
        label=_("Diterima pada"), input_formats=["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M"],
        help_text=_("Tahun-bulan-tanggal jam:menit; biarkan bila diterima sekarang."),
        widget=forms.DateTimeInput(format="%Y-%m-%d %H:%M", attrs={"inputmode": "numeric", "autocomplete": "off",
                                                                   "placeholder": "2026-12-02 09:30"}))
    indirect_source = forms.ChoiceField(label=_("Asal sumber tidak langsung"), required=False,
                                        choices=[("", "—")] + list(IndirectSource.choices))
    source_reference = forms.CharField(label=_("Rujukan sumber (nomor surat, judul berita, tautan)"), max_length=300, required=False)
    program = forms.ChoiceField(label=_("Program"))
    form_kind = forms.ChoiceField(label=_("Formulir"), choices=FORM_KINDS, initial="umum")
    pendamping = forms.ChoiceField(label=_("Pendamping PKH"), required=False,
                                   choices=[("", _("— tidak berkaitan dengan pendamping —"))] + list(PendampingRelation.choices),
                                   help_text=_("Oleh pendamping: ke UPPKH Pusat. Tentang pendamping atau operator: langsung "
                                               "ke UPPKH kabupaten/kota."))
    unit = forms.ChoiceField(label=_("Dicatat oleh unit"), required=False)  # empty: the officer's first unit

    # --- pelapor
    anonymous = forms.BooleanField(label=_("Anonim (identitas tidak disimpan)"), required=False)
    confidential = forms.BooleanField(label=_("Rahasiakan identitas"), required=False)
    reporter_status = forms.ChoiceField(label=_("Status pelapor"), choices=REPORTER_STATUSES, required=False)
    name = forms.CharField(label=_("Nama pelapor"), max_length=150, required=False)
    nik = forms.CharField(label=_("NIK"), max_length=40, required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    kk = forms.CharField(label=_("Nomor KK"), max_length=40, required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    kks = forms.CharField(label=_("Nomor KKS"), max_length=40, required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    phone = forms.CharField(label=_("Nomor HP"), max_length=30, required=False, widget=forms.TextInput(attrs={"inputmode": "tel"}))
    email = forms.EmailField(label=_("Email"), required=False)
    address = forms.CharField(label=_("Alamat pelapor"), max_length=300, required=False)

    # --- pengaduan
    text = forms.CharField(label=_("Isi pengaduan"), max_length=8000, widget=forms.Textarea(attrs={"rows": 6}))
    location_text = forms.CharField(label=_("Lokasi (keterangan)"), max_length=300, required=False)

    # --- persyaratan (R8)
    req_ktp = forms.BooleanField(label=_("Fotokopi KTP"), required=False)
    req_kk = forms.BooleanField(label=_("Fotokopi KK"), required=False)
    req_kks = forms.BooleanField(label=_("Kartu KKS / fotokopinya"), required=False)
    scan_ktp = forms.FileField(label=_("Pindaian KTP"), required=False, widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
    scan_kk = forms.FileField(label=_("Pindaian KK"), required=False, widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
    scan_kks = forms.FileField(label=_("Pindaian KKS"), required=False, widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
    lampiran = MultipleFileField(label=_("Lampiran lain (surat, foto; maks. 3)"))

    # --- klasifikasi
    category_type = forms.ChoiceField(label=_("Jenis"), required=False)
    topic = forms.ChoiceField(label=_("Topik"), required=False)
    severity = forms.ChoiceField(label=_("Tingkat"), required=False,
                                 choices=[("", _("— menurut jenis dan topik —"))] + list(Severity.choices))

    nonce = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, units=(), zone=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone or timezone.get_current_timezone()
        self.fields["unit"].choices = [(str(u.pk), u.name) for u in units]
        if len(self.fields["unit"].choices) == 1:
            self.fields["unit"].widget = forms.HiddenInput()
        self.fields["program"].choices = list(Program.objects.filter(is_active=True).values_list("code", "name"))
        self.fields["category_type"].choices = [("", gettext("— belum —"))] + list(CategoryType.objects.values_list("code", "name"))
        self.fields["topic"].choices = self._topic_choices()
        self.add_region_fields()

    @staticmethod
    def _topic_choices():
        groups: dict[str, list] = {}
        for topic in Topic.objects.filter(is_active=True).select_related("program"):
            groups.setdefault(topic.program.name, []).append((topic.code, f"{topic.number}. {topic.name}"))
        return [("", gettext("— belum —"))] + list(groups.items())

    def clean_nik(self):
        return clean_nik(self.cleaned_data["nik"])

    def clean_kk(self):
        return clean_sixteen_digits(self.cleaned_data["kk"], gettext("Nomor KK"))

    def clean_kks(self):
        return clean_sixteen_digits(self.cleaned_data["kks"], gettext("Nomor KKS"))

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_received_at(self):
        value: datetime = self.cleaned_data["received_at"]
        value = value.replace(tzinfo=None)  # the form's clock is the unit's local time
        value = timezone.make_aware(value, self.zone)
        if value > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(gettext(FUTURE_RECEIPT))
        return value

    def _scan(self, name: str, description: str):
        upload = self.cleaned_data.get(name)
        return check_file(upload, description) if upload else None

    def clean_scan_ktp(self):
        return self._scan("scan_ktp", "Pindaian KTP")

    def clean_scan_kk(self):
        return self._scan("scan_kk", "Pindaian KK")

    def clean_scan_kks(self):
        return self._scan("scan_kks", "Pindaian KKS")

    def clean_lampiran(self):
        return check_files(self.cleaned_data["lampiran"], description="Lampiran")

    def clean(self):
        cleaned = super().clean()
        self.clean_region()
        channel = cleaned.get("channel")
        if channel == Channel.TIDAK_LANGSUNG and not cleaned.get("indirect_source"):
            self.add_error("indirect_source", gettext(INDIRECT_NEEDS_SOURCE))
        if channel and channel != Channel.TIDAK_LANGSUNG and cleaned.get("indirect_source"):
            self.add_error("indirect_source", gettext(SOURCE_ONLY_INDIRECT))
        topic, program = cleaned.get("topic"), cleaned.get("program")
        if topic and program and not topic.startswith(program + "-"):
            self.add_error("topic", gettext(TOPIC_OTHER_PROGRAM))
        return cleaned

    def checked_files(self):
        scans = [self.cleaned_data.get(f"scan_{key}") for key, _ in REQUIREMENTS]
        return [s for s in scans if s] + list(self.cleaned_data.get("lampiran") or [])

    def requirements(self) -> dict[str, bool]:
        return {key: bool(self.cleaned_data.get(f"req_{key}")) or bool(self.cleaned_data.get(f"scan_{key}"))
                for key, _ in REQUIREMENTS}

    def message(self) -> IntakeMessage:
        data = self.cleaned_data
        if data["anonymous"]:
            reporter = Reporter(anonymous=True)
        else:
            reporter = Reporter(confidential=data["confidential"], name=data["name"], nik=data["nik"], kk=data["kk"],
                                kks=data["kks"], phone=data["phone"], email=data["email"], address=data["address"])
        region = self.region_code()
        return IntakeMessage(
            channel=data["channel"],
            program=data["program"],
            text=data["text"],
            reporter=reporter,
            region_code=region,
            location_text=data["location_text"],
            location_needs_review=region is None or region.count(".") < 3,
            category_type=data["category_type"] or None,
            topic=data["topic"] or None,
            severity=data["severity"] or None,
            received_at=data["received_at"],
            external_id=f"petugas:{data['nonce']}",
            indirect_source=data["indirect_source"] if data["channel"] == Channel.TIDAK_LANGSUNG else "",
            source_reference=data["source_reference"],
            pendamping=data["pendamping"] if data["program"] == "pkh" else "",
        )

    # the template walks the sections in the paper form's order
    @property
    def region_level_fields(self):
        return [self[name] for name in LEVEL_FIELDS]
