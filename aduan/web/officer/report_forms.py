"""Forms of the report pages: the annual report's introduction, the paper IKM questionnaire, a
unit's public channels (SPEC R31) and their import, and a public apology (R30)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.organisation.models import Unit
from aduan.web.survey_forms import SurveyFields


class ReportTextForm(forms.Form):
    introduction = forms.CharField(label=_("Pendahuluan laporan tahunan"), max_length=10000,
                                   widget=forms.Textarea(attrs={"rows": 8}))


class PaperSurveyForm(SurveyFields):
    unit = forms.ChoiceField(label=_("Unit yang dinilai"))
    received_on = forms.DateField(label=_("Tanggal kuesioner diisi"),
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(units.order_by("name").values_list("code", "name")[:2000])
        self.fields["unit"].choices = choices
        self.order_fields(["unit", "received_on"])


class UnitChannelsForm(forms.ModelForm):
    website = forms.URLField(label=_("Situs web"), required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = Unit
        fields = ["address", "phone", "whatsapp", "email", "website", "social_media", "office_hours"]
        labels = {"address": _("Alamat kantor"), "phone": _("Telepon"), "whatsapp": "WhatsApp", "email": _("Email"),
                  "website": _("Situs web"), "social_media": _("Media sosial"), "office_hours": _("Jam layanan")}
        help_texts = {"office_hours": _("mis. Senin–Jumat 08.00–16.00"),
                      "email": _("Pemberitahuan pengaduan dari pusat (R20) dikirim ke alamat ini.")}


class ChannelImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV atau XLSX"),
                           help_text=_("Kolom: kode, alamat, telepon, whatsapp, email, situs, media_sosial, jam_layanan."))


class ApologyForm(forms.Form):
    text = forms.CharField(label=_("Teks permintaan maaf"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5}))
