"""The citizens' forms: what they type is cleaned kindly (spaces, dots, +62/08) and kept on error."""

import re
import secrets
import time
from datetime import date

from django import forms
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.functional import lazy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from aduan.core.contacts import phone_e164
from aduan.core.intake import Reporter
from aduan.core.numbers import nik_problem
from aduan.regions import lookups as region_lookups
from aduan.taxonomy.lookups import active_programs
from aduan.web.survey_forms import SurveyFields
from aduan.web.uploads import MultipleFileField, check_files

# Who answers "lainnya / tidak tahu": BPNT/Sembako reaches the most families, and its first
# handler (Admin Utama) reclassifies; the text says the reporter did not know.
UNKNOWN_PROGRAM = "lainnya"
UNKNOWN_PROGRAM_DEFAULT = "bpnt"
UNKNOWN_PROGRAM_NOTE = "(Program tidak diketahui pelapor.)"

NUMBER_LENGTH = gettext_noop("{label} harus 16 angka; yang terbaca {count} angka.")
PHONE_UNKNOWN = gettext_noop("Nomor HP tidak dikenali. Contoh: 0812 3456 7890 atau +62 812 3456 7890.")
REGION_REQUIRED = gettext_noop("Pilih provinsi dan kabupaten/kota tempat kejadian.")
FUTURE_DATE = gettext_noop("Tanggal kejadian tidak boleh setelah hari ini.")
NIK_ELSEWHERE = gettext_noop(
    "NIK ini terdaftar di wilayah lain ({prefix}) daripada lokasi yang Anda pilih. Tidak apa-apa bila Anda "
    "melapor untuk tempat lain — periksa saja bila ada salah ketik."
)


def _translated_html(message: str) -> SafeString:
    return mark_safe(gettext(message))


# The choices carry <b>; translated when rendered, in the language of the request.
_html_lazy = lazy(_translated_html, SafeString)

IDENTITY_CHOICES = [
    ("biasa", _html_lazy(gettext_noop("<b>Biasa</b> — petugas boleh melihat nama dan nomor Anda untuk menghubungi Anda."))),
    ("rahasia", _html_lazy(gettext_noop("<b>Rahasia</b> — identitas hanya dilihat petugas yang menangani. Anda mendapat "
                          "<b>kode rahasia 6 angka</b> untuk membuka pengaduan."))),
    ("anonim", _html_lazy(gettext_noop("<b>Anonim</b> — kami tidak menyimpan nama atau nomor Anda — Anda tetap bisa memantau "
                         "dengan nomor pengaduan. Petugas tidak bisa menghubungi Anda."))),
]

_NON_DIGITS = re.compile(r"[\s.\-/]")


def clean_sixteen_digits(value: str, label: str) -> str:
    """'3235 3864.7573-9456' → '3235386475739456'; an error that says what was read."""
    digits = _NON_DIGITS.sub("", value or "")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 16:
        count = sum(c.isdigit() for c in digits)
        raise forms.ValidationError(gettext(NUMBER_LENGTH).format(label=label, count=count), code="sixteen_digits")
    return digits


def clean_nik(value: str) -> str:
    """Sixteen digits that can be a NIK (a real province, a possible birth date)."""
    nik = clean_sixteen_digits(value, "NIK")
    if nik and (problem := nik_problem(nik, translate=gettext)):
        raise forms.ValidationError(f"{problem}.", code="implausible_nik")
    return nik


def normalise_phone(value: str) -> str:
    """'0812-3456-7890', '62812…', '+62 812…' → '+6281234567890'."""
    try:
        return phone_e164(value)
    except ValueError:
        raise forms.ValidationError(gettext(PHONE_UNKNOWN), code="phone") from None


def nik_region_warning(nik: str, region_code: str | None) -> str | None:
    """The NIK's first digits are the kab/kota where it was issued; a mismatch is often a typo."""
    if not nik or not region_code or "." not in region_code:
        return None
    district = region_code.replace(".", "")[:4]
    if nik[:4] == district:
        return None
    return gettext(NIK_ELSEWHERE).format(prefix=f"{nik[:2]}.{nik[2:4]}")


# --- the form token: a nonce for idempotency and the time the form was handed out ---------------
_TOKEN_SALT = "aduan.web.form-token"
TOKEN_MAX_AGE = 24 * 3600


def new_form_token() -> str:
    return signing.dumps({"n": secrets.token_urlsafe(12), "t": int(time.time())}, salt=_TOKEN_SALT)


def read_form_token(token: str) -> tuple[str, int] | None:
    """(nonce, issued at) of a token this site issued in the last day, else None."""
    try:
        data = signing.loads(token or "", salt=_TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        return str(data["n"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def derived_secret(nonce: str) -> str:
    """The confidential secret for a form's nonce: a double submit shows the same secret again,
    although only its hash is stored. Unpredictable without SECRET_KEY."""
    digest = salted_hmac("aduan.web.confidential-secret", nonce, algorithm="sha256").digest()
    return f"{int.from_bytes(digest, 'big') % 10**6:06d}"


# --- region choice: lists per level, refilled from what was chosen above -------------------------
LEVEL_FIELDS = ["provinsi", "kabupaten", "kecamatan", "desa"]
LEVEL_LABELS = {"provinsi": _("Provinsi"), "kabupaten": _("Kabupaten/Kota"), "kecamatan": _("Kecamatan"), "desa": _("Desa/Kelurahan")}


def region_initial(code: str | None) -> dict[str, str]:
    """The picker's levels pre-chosen down to `code` ("35.06" → provinsi 35, kabupaten 35.06)."""
    if not code:
        return {}
    parts = code.split(".")
    return {name: ".".join(parts[: i + 1]) for i, name in enumerate(LEVEL_FIELDS[: len(parts)])}


class RegionFieldsMixin:
    """Four selects, each listing the children of the one above. Without JavaScript the person
    presses "Pilih" after each level; with it, public.js fills the next list from the API."""

    region_required_level = 2

    def add_region_fields(self):
        data = self.data if self.is_bound else self.initial
        parent = None
        for level, name in enumerate(LEVEL_FIELDS, 1):
            regions = region_lookups.children(None) if level == 1 else region_lookups.children(parent) if parent else ()
            choices = [("", gettext("— pilih %(level)s —") % {"level": str(LEVEL_LABELS[name]).lower()}), *regions]
            self.fields[name] = forms.ChoiceField(
                label=LEVEL_LABELS[name], choices=choices, required=False,
                widget=forms.Select(attrs={"data-level": level, "class": "region"}),
            )
            chosen = data.get(name) or ""
            parent = chosen if chosen and any(code == chosen for code, _ in choices) else None

    @property
    def region_fields(self):
        return [self[name] for name in LEVEL_FIELDS]

    def region_code(self) -> str | None:
        code = None
        for name in LEVEL_FIELDS:
            value = self.cleaned_data.get(name)
            if not value:
                break
            if code and not value.startswith(code + "."):
                break
            code = value
        return code

    def clean_region(self) -> None:
        code = self.region_code()
        depth = code.count(".") + 1 if code else 0
        if depth < self.region_required_level:
            self.add_error("kabupaten" if self.cleaned_data.get("provinsi") else "provinsi", gettext(REGION_REQUIRED))

    def region_names(self) -> list[str]:
        code = self.region_code()
        return region_lookups.names_down_to(code) if code else []


def program_choices() -> list[tuple[str, str]]:
    programs = [(code, program.name) for code, program in active_programs().items()]
    return programs + [(UNKNOWN_PROGRAM, gettext("Lainnya / tidak tahu"))]


class LaporForm(RegionFieldsMixin, forms.Form):
    program = forms.ChoiceField(label=_("Program bantuan"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Apa yang terjadi?"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": _("Ceritakan singkat: apa masalahnya, siapa yang terlibat, sudah berapa lama.")}),
    )
    location_text = forms.CharField(label=_("Alamat / patokan (boleh kosong)"), max_length=300, required=False)
    happened_on = forms.DateField(
        label=_("Kapan terjadi? (boleh kosong)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    identity = forms.ChoiceField(label=_("Identitas Anda"), choices=IDENTITY_CHOICES, initial="biasa", widget=forms.RadioSelect)
    name = forms.CharField(label=_("Nama"), max_length=150, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    phone = forms.CharField(
        label=_("Nomor HP"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "0812 3456 7890"}),
    )
    email = forms.EmailField(label=_("Email (boleh kosong)"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    nik = forms.CharField(label=_("NIK (16 angka, boleh kosong)"), max_length=40, required=False,
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    kks = forms.CharField(label=_("Nomor KKS (16 angka, boleh kosong)"), max_length=40, required=False,
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    lampiran = MultipleFileField(label=_("Foto atau PDF (boleh kosong)"))
    token = forms.CharField(widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS, filled by scripts that fill every field.
    website = forms.CharField(required=False, label=_("Jangan diisi"), widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = program_choices()
        self.add_region_fields()
        self.order_fields(["program", "text", *LEVEL_FIELDS, "location_text", "happened_on", "identity", "name", "phone",
                           "email", "nik", "kks", "lampiran"])
        self.warnings: list[str] = []

    def clean_nik(self):
        return clean_nik(self.cleaned_data["nik"])

    def clean_kks(self):
        return clean_sixteen_digits(self.cleaned_data["kks"], gettext("Nomor KKS"))

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        if value and value > date.today():
            raise forms.ValidationError(gettext(FUTURE_DATE))
        return value

    def clean_lampiran(self):
        return check_files(self.cleaned_data["lampiran"])

    def clean(self):
        cleaned = super().clean()
        self.clean_region()
        if cleaned.get("identity") != "anonim":
            warning = nik_region_warning(cleaned.get("nik", ""), self.region_code())
            if warning:
                self.warnings.append(warning)
        return cleaned

    @property
    def is_anonymous(self) -> bool:
        return self.cleaned_data["identity"] == "anonim"

    @property
    def is_confidential(self) -> bool:
        return self.cleaned_data["identity"] == "rahasia"

    def reporter(self) -> Reporter:
        data = self.cleaned_data
        if self.is_anonymous:
            return Reporter(anonymous=True)
        return Reporter(confidential=self.is_confidential, name=data["name"], phone=data["phone"],
                        email=data["email"], nik=data["nik"], kks=data["kks"])

    def program_code(self) -> str:
        code = self.cleaned_data["program"]
        return UNKNOWN_PROGRAM_DEFAULT if code == UNKNOWN_PROGRAM else code

    def complaint_text(self) -> str:
        lines = [self.cleaned_data["text"].strip()]
        if self.cleaned_data.get("happened_on"):
            lines.append(f"Waktu kejadian: {self.cleaned_data['happened_on']:%d-%m-%Y}.")
        if self.cleaned_data["program"] == UNKNOWN_PROGRAM:
            lines.append(UNKNOWN_PROGRAM_NOTE)
        return "\n\n".join(lines)

    def location_text_for_complaint(self) -> str:
        return ", ".join([self.cleaned_data.get("location_text", "").strip(), *reversed(self.region_names())]).strip(", ")


class LacakForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor pengaduan"), max_length=20,
                            widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "placeholder": "ABCDE-23456"}))
    rahasia = forms.CharField(label=_("Kode rahasia"), max_length=12, required=False,
                              widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))


class ReporterProofForm(forms.Form):
    """Rebutting and rating need proof of being the reporter (aduan.core.access.reporter): the
    secret code from the receipt, or a one-time code sent to the reporter's phone or email. A
    browser that already gave it (or filed the complaint) is not asked again."""

    kode = forms.CharField(label=_("Kode rahasia atau kode yang dikirim ke HP/email Anda"), max_length=12,
                           required=False, widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}))

    def __init__(self, *args, needs_code: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_code = needs_code
        if not needs_code:
            del self.fields["kode"]
        else:
            self.order_fields(["kode"] + [name for name in self.fields if name != "kode"])

    def clean_kode(self):
        code = "".join(ch for ch in self.cleaned_data.get("kode", "") if ch.isdigit())
        if self.needs_code and not code:
            raise forms.ValidationError(_("Masukkan kode 6 angka dari tanda terima, atau minta kode dikirim ke HP/email Anda."))
        return code


class RebutForm(ReporterProofForm):
    text = forms.CharField(label=_("Mengapa jawaban ini belum sesuai?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class SurveyForm(ReporterProofForm, SurveyFields):
    """The IKM questionnaire on /lacak/, after closure; it replaced the single 1–5 rating."""

    comment = forms.CharField(label=_("Saran (boleh kosong)"), max_length=1000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
