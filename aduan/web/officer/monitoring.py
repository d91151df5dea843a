"""Aid-delivery monitoring on the officers' pages (SPEC R24): the list of the unit's cases with
their age, a new case (typed, or from a complaint's page), and a case's page where the desk ticks
its requirements, records each visit or contact, and closes it with the aid received."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Window
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from aduan.core.access import NotAllowed, may_see_identity
from aduan.core.errors import ActionError
from aduan.monitoring import actions
from aduan.monitoring.access import cases_visible_to, family_shown, may_act, monitoring_units
from aduan.monitoring.models import ContactKind, DeliveryChannel, MonitoringCase, Requirement
from aduan.organisation.models import Unit
from aduan.taxonomy.models import Program
from aduan.web.officer.forms import REQUIRED, TEXTAREA, UnitChoiceField

STATUSES = (("terbuka", _("Terbuka")), ("selesai", _("Bantuan diterima")), ("semua", _("Semua")))
NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}
SHOWN = 100
QUEUE_SHOWN = 5


class CaseForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit pemantau"), queryset=None, error_messages=REQUIRED)
    program = forms.ModelChoiceField(label=_("Program"), queryset=Program.objects.filter(is_active=True),
                                     error_messages=REQUIRED)
    name = forms.CharField(label=_("Nama KPM"), max_length=150, error_messages=REQUIRED)
    nik = forms.CharField(label="NIK", max_length=24, required=False, widget=forms.TextInput(attrs=NUMERIC))
    no_kk = forms.CharField(label=_("No. KK"), max_length=24, required=False, widget=forms.TextInput(attrs=NUMERIC))
    kks_number = forms.CharField(label=_("No. KKS"), max_length=24, required=False,
                                 widget=forms.TextInput(attrs=NUMERIC))
    phone = forms.CharField(label=_("Telepon"), max_length=20, required=False)
    address = forms.CharField(label=_("Alamat"), max_length=300, required=False)
    location_code = forms.CharField(label=_("Kode desa/kelurahan"), max_length=13, required=False,
                                    help_text=_("Kode Kemendagri, mis. 35.06.10.2005"))
    problem = forms.CharField(label=_("Masalah penyaluran"), max_length=5000, error_messages=REQUIRED,
                              widget=forms.Textarea(attrs=TEXTAREA),
                              help_text=_("Bantuan apa, sejak kapan belum diterima, apa yang sudah diketahui."))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk


class RequirementsForm(forms.Form):
    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        for requirement in Requirement:
            self.fields[requirement.value] = forms.BooleanField(label=requirement.label, required=False,
                                                                initial=bool(case.requirements.get(requirement.value)))


class ContactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=ContactKind.choices)
    at = forms.DateTimeField(label=_("Waktu"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                             help_text=_("Kosongkan bila baru saja."))
    with_whom = forms.CharField(label=_("Dengan siapa"), max_length=200, required=False)
    note = forms.CharField(label=_("Hasilnya"), max_length=5000, error_messages=REQUIRED,
                           widget=forms.Textarea(attrs=TEXTAREA))


class ReceivedForm(forms.Form):
    on = forms.DateField(label=_("Tanggal bantuan diterima"), error_messages=REQUIRED,
                         widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.IntegerField(label=_("Jumlah (rupiah)"), min_value=1, error_messages=REQUIRED,
                                widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    channel = forms.ChoiceField(label=_("Diterima melalui"), choices=DeliveryChannel.choices)
    note = forms.CharField(label=_("Keterangan"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs=TEXTAREA))


# slug → (form, what it does with the cleaned data, the message on success)
def _requirements(case, user, data):
    actions.case_requirements(case=case, actor=user, met=data)
    return gettext("Persyaratan tersimpan.")


def _contact(case, user, data):
    actions.case_contact(case=case, actor=user, kind=data["kind"], note=data["note"], with_whom=data["with_whom"],
                         at=data["at"] or None)
    return gettext("Kontak tercatat.")


def _received(case, user, data):
    actions.case_aid_received(case=case, actor=user, on=data["on"], amount=data["amount"], channel=data["channel"],
                              note=data["note"])
    return gettext("Bantuan diterima; kasus selesai.")


ACTIONS = {"persyaratan": (RequirementsForm, _requirements), "kontak": (ContactForm, _contact),
           "diterima": (ReceivedForm, _received)}


def open_cases(user, *, limit: int = SHOWN) -> list[MonitoringCase]:
    """The open cases this user sees, oldest first, each with its age in days and `total` (how many
    are open in all), in one query: for the list and the unit's queue."""
    now = timezone.now()
    rows = list(cases_visible_to(user).filter(closed_at__isnull=True).select_related("unit", "region", "program")
                .annotate(last_contact=Max("contacts__at"), contact_count=Count("contacts"),
                          total=Window(Count("pk", distinct=False)))
                .order_by("opened_at", "pk")[:limit])
    for case in rows:
        case.age_days = (timezone.localdate(now, case.unit_zone) - timezone.localdate(case.opened_at, case.unit_zone)).days
        case.family = family_shown(user, case)
        case.met = sum(1 for _code, _label, met in case.requirements_met() if met)
    return rows


def queue_panel(user) -> dict:
    """The queue's box of open cases: the oldest few, and how many there are."""
    rows = open_cases(user, limit=QUEUE_SHOWN)
    return {"rows": rows, "total": rows[0].total if rows else 0}


@login_required
def case_list(request):
    status = request.GET.get("status") or "terbuka"
    if status == "terbuka":
        cases = open_cases(request.user)
    else:
        query = cases_visible_to(request.user).select_related("unit", "region", "program").annotate(
            last_contact=Max("contacts__at"), contact_count=Count("contacts"))
        if status == "selesai":
            query = query.filter(closed_at__isnull=False).order_by("-closed_at", "-pk")
        else:
            query = query.order_by("-opened_at", "-pk")
        cases = list(query[:SHOWN])
        for case in cases:
            case.family = family_shown(request.user, case)
            case.met = sum(1 for _code, _label, met in case.requirements_met() if met)
    return render(request, "web/officer/monitoring_list.html", {
        "cases": cases, "status": status, "statuses": STATUSES, "requirement_count": len(Requirement),
        "open_count": (cases[0].total if cases else 0) if status == "terbuka"
        else cases_visible_to(request.user).filter(closed_at__isnull=True).count(),
        "may_open": bool(monitoring_units(request.user)), "shown": SHOWN,
    })


@login_required
@require_http_methods(["GET", "POST"])
def case_new(request):
    units = monitoring_units(request.user)
    if not units:
        raise PermissionDenied
    form = CaseForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        family = actions.Family(name=data["name"], nik=data["nik"], no_kk=data["no_kk"], kks_number=data["kks_number"],
                                phone=data["phone"], address=data["address"], region_code=data["location_code"])
        try:
            case = actions.case_open(unit=data["unit"], actor=request.user, family=family, program=data["program"],
                                     problem=data["problem"])
        except NotAllowed:
            raise PermissionDenied from None
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, gettext("Kasus %(number)s dibuka.") % {"number": case.number})
            return redirect("web:officer:monitoring_case", case_id=case.pk)
    return render(request, "web/officer/monitoring_new.html", {"form": form}, status=400 if form.errors else 200)


def _visible_case(user, case_id: int) -> MonitoringCase:
    return get_object_or_404(cases_visible_to(user).select_related("unit", "region", "program", "complaint"),
                             pk=case_id)


@login_required
def case_page(request, case_id: int, *, bound: tuple[str, forms.Form] | None = None):
    case = _visible_case(request.user, case_id)
    acting = may_act(request.user, case) and case.is_open
    forms_shown = {}
    if acting:
        for slug, (form_class, _perform) in ACTIONS.items():
            kwargs = {"case": case} if form_class is RequirementsForm else {}
            forms_shown[slug] = bound[1] if bound and bound[0] == slug else form_class(prefix=slug, **kwargs)
    complaint = case.complaint
    return render(request, "web/officer/monitoring_case.html", {
        "case": case,
        "family": family_shown(request.user, case),
        "requirements": case.requirements_met(),
        "contacts": case.contacts.select_related("officer"),
        "forms": forms_shown,
        "age_days": (timezone.localdate(case.closed_at or timezone.now(), case.unit_zone)
                     - timezone.localdate(case.opened_at, case.unit_zone)).days,
        "complaint_url": reverse("web:officer:complaint", args=[complaint.tracking_number]) if complaint else "",
    }, status=400 if bound else 200)


@login_required
@require_POST
def case_action(request, case_id: int, slug: str):
    if slug not in ACTIONS:
        raise Http404
    case = _visible_case(request.user, case_id)
    form_class, perform = ACTIONS[slug]
    kwargs = {"case": case} if form_class is RequirementsForm else {}
    form = form_class(request.POST, prefix=slug, **kwargs)
    if form.is_valid():
        try:
            message = perform(case, request.user, form.cleaned_data)
        except NotAllowed:
            raise PermissionDenied from None
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, message)
            return redirect("web:officer:monitoring_case", case_id=case.pk)
    return case_page(request, case_id, bound=(slug, form))


def complaint_panel(user, complaint) -> dict:
    """The complaint page's box: its case, or the button that opens one."""
    case = getattr(complaint, "monitoring_case", None) if complaint.pk else None
    if case is not None:
        return {"case": case}
    units = monitoring_units(user)
    if not units or complaint.anonymous or not may_see_identity(user, complaint):
        return {}
    holder = next((u for u in units if u.pk == complaint.holder_id), None)
    return {"units": units, "default_unit": holder or units[0]}


def open_from_complaint(request, complaint):
    """POST of the complaint page's button: the new case's page, or back to the complaint with why not."""
    units = {str(u.pk): u for u in monitoring_units(request.user)}
    unit = units.get(request.POST.get("unit", "")) or next(iter(units.values()), None)
    if unit is None:
        raise PermissionDenied
    try:
        case = actions.case_from_complaint(complaint=complaint, unit=unit, actor=request.user)
    except NotAllowed:
        raise PermissionDenied from None
    except ActionError as error:
        messages.error(request, error.message)
        return redirect("web:officer:complaint", tracking=complaint.tracking_number)
    messages.success(request, gettext("Kasus pemantauan %(number)s dibuka dari pengaduan ini.") % {"number": case.number})
    return redirect("web:officer:monitoring_case", case_id=case.pk)
