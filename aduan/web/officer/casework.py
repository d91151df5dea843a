"""The "Penanganan kasus" panel of the complaint page (SPEC R17–R19): the investigation log, the
steps of the complaint's PKH type, the payment recommendation, and master-data change requests.

Same conventions as the action forms (aduan/web/officer/forms.py): each form POSTs to its own URL
(the complaint page's `casework_action`) and calls one action of aduan.casework.actions; success
redirects back with a message (PRG), an error shows the page again with what was typed, status 400;
a role that may not is a 403.
Writing to the case file takes the role that follows the complaint up; deciding on master data is
the Pejabat Pengelola of UPPKH Pusat's alone.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aduan.casework import actions as casework
from aduan.casework.models import ChangeStatus, EntryKind, Source
from aduan.casework.selectors import payment_cluster, payment_recommendation
from aduan.core import access
from aduan.core.access import complaints_visible_to
from aduan.web.officer.forms import REQUIRED, TEXTAREA, ActionForm

WRITE = "write"
DECIDE = "decide"


class InvestigationForm(ActionForm):
    slug, needs = "investigasi", WRITE
    title, submit_label = _("Catat investigasi"), _("Simpan catatan")
    kind = forms.ChoiceField(label=_("Jenis"), choices=EntryKind.choices, error_messages=REQUIRED)
    source = forms.ChoiceField(label=_("Dengan / dari"), choices=[("", "—"), *Source.choices], required=False)
    with_whom = forms.CharField(label=_("Nama atau jabatan (opsional)"), max_length=200, required=False)
    text = forms.CharField(label=_("Isi catatan"), max_length=5000, error_messages=REQUIRED,
                           widget=forms.Textarea(attrs=TEXTAREA))

    def perform(self) -> str:
        data = self.cleaned_data
        casework.investigation_record(complaint=self.complaint, actor=self.user, kind=data["kind"],
                                      source=data["source"], with_whom=data["with_whom"], text=data["text"])
        return gettext("Catatan investigasi tersimpan.")


class StepForm(ActionForm):
    slug, needs = "langkah", WRITE
    title, submit_label = _("Langkah penanganan"), _("Simpan")
    field_aliases = {"order": "note"}  # an unknown step is shown by the note of the form that sent it
    order = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=32767, error_messages=REQUIRED)
    done = forms.TypedChoiceField(widget=forms.HiddenInput, choices=[("1", "1"), ("0", "0")],
                                  coerce=lambda value: value == "1", initial="1")
    note = forms.CharField(label=_("Catatan (opsional)"), max_length=300, required=False)

    def perform(self) -> str:
        act = casework.checklist_step_complete if self.cleaned_data["done"] else casework.checklist_step_reopen
        step = act(complaint=self.complaint, actor=self.user, order=self.cleaned_data["order"],
                   note=self.cleaned_data["note"])
        if step.done_at:
            return gettext("Langkah %(order)s ditandai selesai.") % {"order": step.order}
        return gettext("Langkah %(order)s dibuka kembali.") % {"order": step.order}


class MasterDataRequestForm(ActionForm):
    slug, needs = "usul-data-induk", WRITE
    title, submit_label = _("Usulkan perubahan data induk ke UPPKH Pusat"), _("Kirim usulan")
    beneficiary_nik = forms.RegexField(label=_("NIK penerima (opsional)"), regex=r"^\d{16}$", required=False,
                                       max_length=16, error_messages={"invalid": _("NIK terdiri atas 16 angka.")})
    field_name = forms.CharField(label=_("Data yang diubah (mis. nama ibu, komponen, alamat)"), max_length=100,
                                 error_messages=REQUIRED)
    current_value = forms.CharField(label=_("Nilai sekarang"), max_length=300, required=False)
    proposed_value = forms.CharField(label=_("Nilai yang benar"), max_length=300, error_messages=REQUIRED)
    reason = forms.CharField(label=_("Alasan dan bukti"), max_length=2000, error_messages=REQUIRED,
                             widget=forms.Textarea(attrs=TEXTAREA))

    def perform(self) -> str:
        data = self.cleaned_data
        casework.master_data_change_request(
            complaint=self.complaint, actor=self.user, field_name=data["field_name"],
            proposed_value=data["proposed_value"], current_value=data["current_value"], reason=data["reason"],
            beneficiary_nik=data["beneficiary_nik"],
        )
        return gettext("Usulan perubahan data induk dikirim ke UPPKH Pusat.")


class MasterDataDecisionForm(ActionForm):
    slug, needs = "putusan-data-induk", DECIDE
    title, submit_label = _("Putuskan usulan perubahan data induk"), _("Simpan putusan")
    request_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1, error_messages=REQUIRED)
    decision = forms.ChoiceField(label=_("Putusan"), widget=forms.RadioSelect, error_messages=REQUIRED,
                                 choices=[("setujui", _("Setujui")), ("tolak", _("Tolak"))])
    note = forms.CharField(label=_("Catatan putusan"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean_request_id(self):
        request = self.complaint.master_data_requests.filter(pk=self.cleaned_data["request_id"]).first()
        if request is None:
            raise forms.ValidationError(gettext("Usulan perubahan data induk tidak ditemukan."))
        return request

    def perform(self) -> str:
        decided = casework.master_data_change_decide(
            request=self.cleaned_data["request_id"], actor=self.user,
            approve=self.cleaned_data["decision"] == "setujui", note=self.cleaned_data["note"],
        )
        return gettext("Usulan perubahan data induk %(status)s.") % {"status": decided.get_status_display().lower()}


CASEWORK_FORMS = [InvestigationForm, StepForm, MasterDataRequestForm, MasterDataDecisionForm]
BY_SLUG = {form.slug: form for form in CASEWORK_FORMS}


def may(user, needs: str, complaint) -> bool:
    if needs == DECIDE:
        return casework.may_approve_master_data(user)
    return access.may(user, access.Ability.FOLLOW_UP, complaint)


def panel(user, complaint, *, bound=None) -> dict:
    """What _casework.html shows: the case file, and the forms this user may use on it."""
    may_write = may(user, WRITE, complaint)
    may_decide = casework.may_approve_master_data(user)

    def blank(form_class):
        return bound if isinstance(bound, form_class) else form_class(complaint=complaint, user=user)

    steps = list(complaint.checklist.select_related("done_by"))
    bound_order = bound.data.get(f"{StepForm.slug}-order") if isinstance(bound, StepForm) else None
    for step in steps:
        step.form = None
        if may_write:
            if bound_order == str(step.order):
                step.form = bound
            else:
                step.form = StepForm(complaint=complaint, user=user, initial={
                    "order": step.order, "done": "0" if step.done_at else "1"})
    requests = list(complaint.master_data_requests.select_related("requested_by", "decided_by"))
    bound_request = bound.data.get(f"{MasterDataDecisionForm.slug}-request_id") \
        if isinstance(bound, MasterDataDecisionForm) else None
    for change in requests:
        change.form = None
        if may_decide and change.status == ChangeStatus.PENDING:
            change.form = bound if bound_request == str(change.pk) else MasterDataDecisionForm(
                complaint=complaint, user=user, initial={"request_id": change.pk})
    recommendation = payment_recommendation(complaint)
    related = list(complaints_visible_to(user).filter(pk__in=payment_cluster(complaint).values("pk"))
                   .order_by("received_at")) if recommendation else []
    return {
        "steps": steps,
        "entries": list(complaint.investigation_entries.select_related("author")),
        "requests": requests,
        "recommendation": recommendation,
        "related": related,
        "investigation_form": blank(InvestigationForm) if may_write else None,
        "request_form": blank(MasterDataRequestForm) if may_write else None,
        "failed_form": bound,
        # A decision form bound to a request that is gone or decided: its error still shows.
        "orphan_decision": bound if isinstance(bound, MasterDataDecisionForm) and not any(
            c.form is bound for c in requests) else None,
        "orphan_step": bound if isinstance(bound, StepForm) and not any(s.form is bound for s in steps) else None,
    }

