"""One form per action on the complaint page. Each form parses the officer's input and calls exactly
one action; the action's refusal (ActionError) becomes an error next to the field it names."""

from django import forms
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aduan.core import access, actions
from aduan.core.access.abilities import ASSIGNABLE_ROLES, REFERRAL_ROLES
from aduan.core.access.memberships import unit_officers
from aduan.core.duplicates import possible_duplicates
from aduan.core.enums import DistrictAnswer, Extension, Severity
from aduan.core.errors import ActionError
from aduan.organisation.models import Unit
from aduan.organisation.routing import escalation_path, propose_unit
from aduan.taxonomy import lookups as taxonomy
from aduan.taxonomy.models import Authority
from aduan.triage.suggestions import Suggestion
from aduan.web.templatetags.officer_tags import local_date

REQUIRED = {"required": _("Wajib diisi.")}
TEXTAREA = {"rows": 3}


class ActionForm(forms.Form):
    """Subclasses name their action (`transition`, a workflow.Transition value), a slug for the URL,
    and implement `perform`, which calls the action and returns the success message."""

    transition: str
    slug: str
    title = ""
    submit_label = ""
    # Fields named differently in the action than in the form.
    field_aliases: dict[str, str] = {}

    def __init__(self, *args, complaint, user, **kwargs):
        kwargs.setdefault("prefix", self.slug)
        super().__init__(*args, **kwargs)
        self.complaint = complaint
        self.user = user

    def perform(self) -> str:
        raise NotImplementedError

    def is_offered(self) -> bool:
        """Whether the page shows the form at all (beyond the role and the status allowing it)."""
        return True

    def submit(self) -> str | None:
        """Validate and act; the success message, or None with the errors on the form."""
        if not self.is_valid():
            return None
        try:
            return self.perform()
        except ActionError as error:
            field = self.field_aliases.get(error.field, error.field)
            self.add_error(field if field in self.fields else None, error.message)
            return None


def _reason(label=_("Alasan")):
    return forms.CharField(label=label, widget=forms.Textarea(attrs=TEXTAREA), error_messages=REQUIRED, max_length=2000)


def units_near(complaint):
    """The units a disposition or escalation usually goes to (SPEC R14, R16): the national bodies,
    and the units of the complaint's province, kabupaten/kota and kecamatan."""
    region = Q(region__isnull=True)
    if complaint.region_id:
        codes = complaint.region_id.split(".")
        region |= Q(region_id__in=[".".join(codes[: i + 1]) for i in range(len(codes))])
    else:
        region |= Q(region__level=1)
    queryset = Unit.objects.filter(region, is_active=True)
    if complaint.handling_unit_id:
        queryset = queryset.exclude(pk=complaint.handling_unit_id)
    return queryset.order_by(F("region_id").asc(nulls_first=True), "kind", "name")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return unit.name


class DisposeForm(ActionForm):
    transition, slug = "dispose", "disposisi"
    title, submit_label = _("Disposisi"), _("Disposisikan")
    to_unit = UnitChoiceField(label=_("Teruskan ke unit"), queryset=Unit.objects.none(),
                              empty_label=_("— pilih unit —"), error_messages=REQUIRED)
    note = forms.CharField(label=_("Catatan internal (opsional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs=TEXTAREA))

    proposed = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the units this user may forward to (a province keeps to its own province).
        reachable = [u.pk for u in units_near(self.complaint)
                     if access.may(self.user, access.Ability.DISPOSE, self.complaint, to_unit=u)]
        self.fields["to_unit"].queryset = units_near(self.complaint).filter(pk__in=reachable)
        if not self.is_bound:
            proposed = propose_unit(self.complaint)
            if proposed.pk in reachable:
                self.initial["to_unit"] = proposed.pk
                self.proposed = proposed

    def perform(self) -> str:
        unit = self.cleaned_data["to_unit"]
        try:
            access.require(self.user, access.Ability.DISPOSE, self.complaint, to_unit=unit)
        except access.NotAllowed as refusal:
            raise ActionError(refusal.message, field="to_unit") from None
        actions.complaint_dispose(complaint=self.complaint, actor=self.user, to_unit=unit,
                                  note=self.cleaned_data["note"])
        return gettext("Pengaduan didisposisikan kepada %(unit)s.") % {"unit": unit.name}


class ReturnForm(ActionForm):
    transition, slug = "return", "kembalikan"
    title, submit_label = _("Kembalikan ke pengirim disposisi"), _("Kembalikan")
    reason = _reason(_("Alasan pengembalian"))

    def perform(self) -> str:
        actions.complaint_return(complaint=self.complaint, actor=self.user, reason=self.cleaned_data["reason"])
        return gettext("Pengaduan dikembalikan.")


class FollowUpForm(ActionForm):
    transition, slug = "follow_up", "tindak-lanjut"
    title, submit_label = _("Tindak lanjut"), _("Kirim tindak lanjut")
    answer = forms.CharField(
        label=_("Jawaban untuk pelapor"), max_length=4000, error_messages=REQUIRED,
        help_text=_("Dibaca pelapor (SMS, halaman lacak). Jangan memuat data pribadi orang lain."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    internal_note = forms.CharField(
        label=_("Catatan internal (opsional)"), required=False, max_length=4000,
        help_text=_("Hanya terlihat oleh petugas."), widget=forms.Textarea(attrs=TEXTAREA),
    )

    def perform(self) -> str:
        actions.complaint_follow_up(complaint=self.complaint, actor=self.user, answer=self.cleaned_data["answer"],
                                    internal_note=self.cleaned_data["internal_note"])
        return gettext("Tindak lanjut tersimpan dan dikirim ke pelapor.")


class CloseForm(ActionForm):
    transition, slug = "close", "tutup"
    title, submit_label = _("Tutup sebelum masa sanggah berakhir"), _("Tutup pengaduan")
    reason = _reason(_("Alasan penutupan (mis. pelapor sudah mengonfirmasi)"))

    def perform(self) -> str:
        actions.complaint_close(complaint=self.complaint, actor=self.user, reason=self.cleaned_data["reason"])
        return gettext("Pengaduan ditutup.")


class ReopenForm(ActionForm):
    transition, slug = "reopen", "buka-kembali"
    title, submit_label = _("Buka kembali"), _("Buka kembali")
    reason = _reason(_("Alasan membuka kembali"))

    def perform(self) -> str:
        actions.complaint_reopen(complaint=self.complaint, actor=self.user, reason=self.cleaned_data["reason"])
        return gettext("Pengaduan dibuka kembali.")


class EscalateForm(ActionForm):
    transition, slug = "escalate", "eskalasi"
    title, submit_label = _("Eskalasi ke tingkat di atasnya"), _("Eskalasi")
    reason = _reason(_("Alasan eskalasi"))
    to_unit = UnitChoiceField(label=_("Ke unit"), queryset=Unit.objects.none(), required=False,
                              empty_label=_("— otomatis: satu tingkat di atas —"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The ladder above the unit holding it (SPEC R16), nearest first.
        holder = self.complaint.holder
        path = escalation_path(holder, self.complaint.program.code)
        nearest_first = Case(*[When(pk=unit.pk, then=Value(i)) for i, unit in enumerate(path)], default=Value(len(path)))
        self.fields["to_unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in path]).order_by(nearest_first)

    def perform(self) -> str:
        updated = actions.complaint_escalate(complaint=self.complaint, actor=self.user,
                                             reason=self.cleaned_data["reason"], to_unit=self.cleaned_data["to_unit"])
        unit = getattr(updated, "handling_unit", None) or self.cleaned_data["to_unit"]
        if unit is None:
            return gettext("Pengaduan dieskalasi.")
        return gettext("Pengaduan dieskalasi kepada %(unit)s.") % {"unit": unit.name}


class RebuttalForm(ActionForm):
    transition, slug = "rebut", "sanggahan"
    title, submit_label = _("Catat sanggahan pelapor (telepon / tatap muka)"), _("Catat sanggahan")
    text = forms.CharField(label=_("Isi sanggahan, sebagaimana disampaikan pelapor"), max_length=4000,
                           error_messages=REQUIRED, widget=forms.Textarea(attrs=TEXTAREA))

    def perform(self) -> str:
        actions.complaint_rebut(complaint=self.complaint, actor=self.user, text=self.cleaned_data["text"])
        return gettext("Sanggahan dicatat; pengaduan kembali ke antrean unit.")


class ClassifyForm(ActionForm):
    """Program, type, topic, severity and the official place, set after intake; the deadline follows."""

    transition, slug = "classify", "klasifikasi"
    title, submit_label = _("Klasifikasi dan lokasi"), _("Simpan klasifikasi")
    program = forms.ChoiceField(label=_("Program"), error_messages=REQUIRED)
    category_type = forms.ChoiceField(label=_("Jenis"), required=False)
    topic = forms.ChoiceField(label=_("Topik"), required=False)
    severity = forms.ChoiceField(label=_("Tingkat"), choices=Severity.choices, error_messages=REQUIRED)
    location_code = forms.CharField(
        label=_("Kode wilayah (desa/kelurahan)"), required=False, max_length=13,
        widget=forms.TextInput(attrs={"placeholder": _("mis. 35.06.10.2005"), "inputmode": "decimal",
                                      "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        complaint = self.complaint
        self.suggestion = Suggestion.from_dict(complaint.triage)
        if self.data and self.data.get(self.add_prefix("accept")) and not self.suggestion.is_empty:
            self.data = self._accepted(self.data)
        programs = taxonomy.active_programs()
        self.fields["program"].choices = [(code, program.name) for code, program in programs.items()]
        self.fields["category_type"].choices = [("", _("— belum ditentukan —"))] + [
            (code, kind.name) for code, kind in taxonomy.category_types().items()]
        names = {program.pk: program.name for program in programs.values()}
        by_program: dict[str, list] = {}
        for (program_pk, code), topic in sorted(taxonomy.topics().items(), key=lambda kv: (kv[0][0], kv[1].number)):
            if program_pk in names:
                by_program.setdefault(names[program_pk], []).append((code, f"{topic.number}. {topic.name}"))
        self.fields["topic"].choices = [("", _("— belum ditentukan —"))] + list(by_program.items())
        self.initial = {
            "program": complaint.program.code,
            "category_type": complaint.category_type.code if complaint.category_type_id else "",
            "topic": complaint.topic.code if complaint.topic_id else "",
            "severity": complaint.severity,
            "location_code": complaint.region_id or "",
        }

    def _accepted(self, data):
        """The suggestion as if typed into the form ("Terima saran" posts nothing else); what triage
        was unsure of stays as it is."""
        data = data.copy()
        suggested, complaint = self.suggestion, self.complaint
        for name, value in (
            ("program", suggested.program or complaint.program.code),
            ("category_type", suggested.category_type or (complaint.category_type.code if complaint.category_type_id else "")),
            ("topic", suggested.topic or (complaint.topic.code if complaint.topic_id else "")),
            ("severity", suggested.severity or complaint.severity),
        ):
            data[self.add_prefix(name)] = value
        return data

    def suggestion_shown(self) -> bool:
        """The triage panel: while the complaint still lacks what triage can suggest."""
        return bool(self.complaint.triage) and (self.complaint.topic_id is None or self.complaint.category_type_id is None)

    def suggestion_rows(self) -> list[tuple[str, str]]:
        """What triage suggests, as the officer reads it: (label, value) pairs, each field only when sure."""
        s = self.suggestion
        rows = []
        if s.topic:
            program = taxonomy.active_programs().get(s.program)
            topic = taxonomy.topics().get((program.pk, s.topic)) if program else None
            rows.append((gettext("Topik"), f"{program.name} {topic.number}. {topic.name}" if topic else s.topic))
        if s.category_type and (kind := taxonomy.category_types().get(s.category_type)):
            rows.append((gettext("Jenis"), kind.name))
        if s.severity:
            rows.append((gettext("Tingkat"), Severity(s.severity).label))
        if s.authority:
            rows.append((gettext("Kewenangan"), Authority(s.authority).label))
        return rows

    def perform(self) -> str:
        data = self.cleaned_data
        change = actions.Classification(program=data["program"], category_type=data["category_type"],
                                        topic=data["topic"], severity=data["severity"])
        place = data["location_code"].strip()
        with transaction.atomic():  # the classification and the place together, or neither
            actions.complaint_classify(complaint=self.complaint, actor=self.user, change=change)
            if place:  # the place as recorded already changes nothing (complaint_locate)
                actions.complaint_locate(complaint=self.complaint, actor=self.user, region_code=place)
        return gettext("Klasifikasi tersimpan; tenggat mengikuti klasifikasi ini.")


class LinkForm(ActionForm):
    """The possible duplicates (aduan/core/duplicates.py), each linkable; shown only when there are any."""

    transition, slug = "classify", "tautkan"
    title, submit_label = _("Kemungkinan duplikat"), _("Tautkan")
    other = forms.ChoiceField(label=_("Pelapor yang sama, isi yang mirip, dalam 30 hari"), widget=forms.RadioSelect,
                              error_messages=REQUIRED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = {d.complaint.tracking_number: d for d in possible_duplicates(self.complaint, self.user)}
        self.fields["other"].choices = [
            (number, f"{number} · {local_date(d.complaint.received_at, d.complaint.region_id)} · "
                     f"{d.complaint.get_status_display()} — {d.excerpt}")
            for number, d in self.duplicates.items()]

    def is_offered(self) -> bool:
        return bool(self.duplicates)

    def perform(self) -> str:
        other = self.duplicates[self.cleaned_data["other"]].complaint
        actions.complaint_link(complaint=self.complaint, actor=self.user, other=other)
        return gettext("Ditautkan dengan %(number)s; keduanya tetap ditangani sendiri-sendiri.") % {
            "number": other.tracking_number}


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class AssignForm(ActionForm):
    """The unit head gives the complaint to one of the unit's officers (or takes it back)."""

    transition, slug = "assign", "tugaskan"
    title, submit_label = _("Tugaskan ke petugas"), _("Tugaskan")
    officer = OfficerChoiceField(label=_("Petugas"), queryset=None, required=False,
                                 empty_label=_("— tidak ditugaskan —"))
    note = forms.CharField(label=_("Pesan untuk petugas (opsional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = unit_officers(self.complaint.holder_id, ASSIGNABLE_ROLES)
        self.initial.setdefault("officer", self.complaint.assigned_to_id)

    def perform(self) -> str:
        officer = self.cleaned_data["officer"]
        actions.complaint_assign(complaint=self.complaint, actor=self.user, officer=officer,
                                 note=self.cleaned_data["note"])
        if officer is None:
            return gettext("Penugasan dicabut.")
        return gettext("Ditugaskan kepada %(name)s.") % {"name": officer.get_full_name() or officer.get_username()}


class StageForm(ActionForm):
    """A PKH stage marked done by hand (the actions that complete each stage mark it by themselves)."""

    transition, slug = "complete_stage", "tahap"
    title, submit_label = _("Tandai tahap selesai"), _("Tandai selesai")
    order = forms.TypedChoiceField(label=_("Tahap"), coerce=int, error_messages=REQUIRED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_stages = list(self.complaint.stages.filter(done_at__isnull=True))
        self.fields["order"].choices = [(stage.order, f"{stage.order}. {stage.name}") for stage in self.open_stages]

    def is_offered(self) -> bool:
        return bool(self.open_stages)

    def perform(self) -> str:
        actions.complaint_complete_stage(complaint=self.complaint, actor=self.user, order=self.cleaned_data["order"])
        return gettext("Tahap ditandai selesai.")


class ExtendForm(ActionForm):
    """SPEC R13: 1 month for a master-data correction, 3 months for a service provider's corrective action."""

    transition, slug = "extend", "perpanjang"
    title, submit_label = _("Perpanjang tenggat (PKH)"), _("Perpanjang")
    extension = forms.ChoiceField(label=_("Untuk"), choices=Extension.choices, widget=forms.RadioSelect,
                                  error_messages=REQUIRED)
    reason = _reason(_("Alasan (dibaca di riwayat; pelapor diberi tahu tenggat barunya)"))

    def is_offered(self) -> bool:
        return self.complaint.program.code == "pkh"

    def perform(self) -> str:
        updated = actions.complaint_extend(complaint=self.complaint, actor=self.user,
                                           extension=self.cleaned_data["extension"], reason=self.cleaned_data["reason"])
        return gettext("Tenggat diperpanjang sampai %(due)s; pelapor diberi tahu.") % {
            "due": local_date(updated.due_at, updated.region_id)}


class AnnouncementForm(ActionForm):
    """SPEC R20: the kabupaten/kota says whether the complaint announced to it was received there too."""

    transition, slug = "answer_announcement", "jawab-pemberitahuan"
    title, submit_label = _("Jawab pemberitahuan dari pusat"), _("Kirim jawaban")
    answer = forms.ChoiceField(label=_("Apakah pengaduan ini juga diterima di unit Anda?"), widget=forms.RadioSelect,
                               choices=DistrictAnswer.choices, error_messages=REQUIRED)
    own_number = forms.CharField(label=_("Nomor pengaduan di unit Anda (bila juga diterima)"), required=False,
                                 max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off",
                                                                              "placeholder": "ABCDE-2345F"}))
    note = forms.CharField(label=_("Catatan (opsional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("answer", self.complaint.district_answer or None)

    def perform(self) -> str:
        data = self.cleaned_data
        actions.complaint_answer_announcement(complaint=self.complaint, actor=self.user, answer=data["answer"],
                                              own_number=data["own_number"], note=data["note"])
        return gettext("Jawaban tercatat; pusat dapat membacanya di riwayat pengaduan.")


class DeskAnswerForm(ActionForm):
    """Probolinggo 2.4: the desk explains and settles a simple case with the reporter there."""

    transition, slug = "answer_at_desk", "jawab-di-loket"
    title, submit_label = _("Dijawab di loket"), _("Jawab dan tutup")
    answer = forms.CharField(label=_("Penjelasan atau solusi yang diberikan kepada pelapor"), max_length=5000,
                             error_messages=REQUIRED, widget=forms.Textarea(attrs=TEXTAREA))

    def perform(self) -> str:
        actions.complaint_answer_at_desk(complaint=self.complaint, actor=self.user, answer=self.cleaned_data["answer"])
        return gettext("Dijawab di loket; pengaduan ditutup.")


class ReferForm(ActionForm):
    """Probolinggo 2.5: a case the desk cannot settle goes to the unit's sub koordinator, with a note."""

    transition, slug = "refer", "rujuk"
    title, submit_label = _("Rujuk ke sub koordinator"), _("Rujuk")
    officer = OfficerChoiceField(label=_("Sub koordinator"), queryset=None, error_messages=REQUIRED)
    note = forms.CharField(label=_("Masalahnya, untuk diputuskan"), max_length=2000, error_messages=REQUIRED,
                           widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = unit_officers(self.complaint.holder_id, REFERRAL_ROLES)

    @staticmethod
    def offered_for(complaint) -> bool:
        """Only where the holding unit has someone to refer to."""
        return unit_officers(complaint.holder_id, REFERRAL_ROLES).exists()

    def is_offered(self) -> bool:
        return self.offered_for(self.complaint)

    def perform(self) -> str:
        officer = self.cleaned_data["officer"]
        actions.complaint_refer(complaint=self.complaint, actor=self.user, officer=officer,
                                note=self.cleaned_data["note"])
        return gettext("Dirujuk kepada %(name)s.") % {"name": officer.get_full_name() or officer.get_username()}


# In the order they appear on the page (a complaint that needs checking shows ClassifyForm first).
ACTION_FORMS = [FollowUpForm, DeskAnswerForm, ReferForm, DisposeForm, AssignForm, ClassifyForm, LinkForm, StageForm, ExtendForm, ReturnForm,
                EscalateForm, RebuttalForm, CloseForm, ReopenForm, AnnouncementForm]
BY_SLUG = {form.slug: form for form in ACTION_FORMS}
