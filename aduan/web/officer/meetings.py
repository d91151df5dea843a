"""Coordination meetings on the officers' pages (SPEC R26): the list with each Tikor's last meeting
and a warning when the rule is not kept, a schedule form, and a meeting's page where the secretary
keeps the agenda and the attendance, writes the minutes with a recommendation per complaint, and
sends them to the central unit — after which the page shows them as sent, with their PDF."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from aduan.core.access import NotAllowed
from aduan.core.errors import ActionError
from aduan.meetings import actions, minutes
from aduan.meetings.access import may_hold, meetings_visible_to, tikor_units
from aduan.meetings.cadence import cadences, districts_late, tikor_for
from aduan.meetings.models import Meeting
from aduan.organisation.models import Unit, UnitKind
from aduan.regions.timezones import zone_for
from aduan.web.officer.forms import REQUIRED, TEXTAREA, UnitChoiceField

SHOWN = 100


class ScheduleForm(forms.Form):
    unit = UnitChoiceField(label=_("Tim koordinasi"), queryset=None, error_messages=REQUIRED)
    title = forms.CharField(label=_("Judul"), max_length=200, required=False,
                            help_text=_("Kosongkan untuk “Rapat koordinasi penanganan pengaduan”."))
    scheduled_for = forms.DateTimeField(label=_("Jadwal"), error_messages=REQUIRED,
                                        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    place = forms.CharField(label=_("Tempat"), max_length=200, error_messages=REQUIRED)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk


class AgendaForm(forms.Form):
    tracking_number = forms.CharField(label=_("Nomor pengaduan"), max_length=40, error_messages=REQUIRED,
                                      widget=forms.TextInput(attrs={"autocomplete": "off"}))


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=150, error_messages=REQUIRED)
    agency = forms.CharField(label=_("Instansi"), max_length=200, error_messages=REQUIRED)
    position = forms.CharField(label=_("Jabatan"), max_length=150, required=False)


class MinutesForm(forms.Form):
    """The day it met, the general minutes, and one recommendation field per agenda item."""

    held_on = forms.DateField(label=_("Tanggal rapat"), error_messages=REQUIRED,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    summary = forms.CharField(label=_("Ringkasan rapat"), max_length=20000, required=False,
                              widget=forms.Textarea(attrs=TEXTAREA))

    def __init__(self, *args, meeting, items, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("held_on", meeting.held_on or timezone.localdate(timezone.now(), meeting.unit_zone))
            self.initial.setdefault("summary", meeting.summary)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=gettext("Rekomendasi untuk %(number)s") % {"number": item.complaint.tracking_number},
                max_length=5000, required=False, initial=item.recommendation, widget=forms.Textarea(attrs=TEXTAREA))

    def item_fields(self):
        return [(item, self[f"item_{item.pk}"]) for item in self.items]

    def recommendations(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}


def _agenda(meeting):
    return list(meeting.agenda.select_related("complaint__program", "complaint__topic", "complaint__region"))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_list(request):
    held = tikor_units(request.user)
    form = ScheduleForm(request.POST or None, units=held) if held else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = actions.meeting_schedule(unit=data["unit"], actor=request.user, title=data["title"],
                                                   scheduled_for=data["scheduled_for"], place=data["place"])
            except NotAllowed:
                raise PermissionDenied from None
            except ActionError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, gettext("Rapat dijadwalkan; %(n)s pengaduan berat masuk agenda.")
                                 % {"n": meeting.agenda.count()})
                return redirect("web:officer:meeting", meeting_id=meeting.pk)
    meetings = list(meetings_visible_to(request.user).select_related("unit", "sent_to")[:SHOWN])
    return render(request, "web/officer/meetings.html", {
        "form": form, "meetings": meetings, "cadences_panel": {"rows": cadence_rows(held)}, "shown": SHOWN,
    }, status=400 if form is not None and form.errors else 200)


def cadence_rows(units: list[Unit]) -> list[dict]:
    """Each Tikor's last meeting and whether it is late, in its own region's today."""
    rows = []
    for cadence in cadences(units):
        today = timezone.localdate(timezone.now(), zone_for(cadence.unit.region_id))
        rows.append({"cadence": cadence, "late": cadence.late(today)})
    return rows


def dashboard_panel(unit: Unit) -> dict:
    """The dashboard's box on coordination meetings: the Tikor's own cadence, and for a province or
    the centre how many kabupaten/kota Tikor have not met within the month."""
    panel = {"rows": cadence_rows(tikor_for(unit))}
    today = timezone.localdate(timezone.now(), zone_for(unit.region_id))
    if unit.kind in (UnitKind.TIKOR_PUSAT, UnitKind.ADMIN_UTAMA):
        panel["late"], panel["districts"] = districts_late(today)
    elif unit.kind == UnitKind.TIKOR_PROVINSI and unit.region_id:
        panel["late"], panel["districts"] = districts_late(today, unit.region_id)
    return panel


def _visible(user, meeting_id: int) -> Meeting:
    return get_object_or_404(meetings_visible_to(user).select_related("unit", "sent_to", "sent_by", "created_by"),
                             pk=meeting_id)


@login_required
def meeting_page(request, meeting_id: int, *, bound: tuple[str, forms.Form] | None = None):
    meeting = _visible(request.user, meeting_id)
    items = _agenda(meeting)
    editing = may_hold(request.user, meeting.unit) and not meeting.is_sent
    shown = {}
    if editing:
        shown = {"agenda": AgendaForm(prefix="agenda"), "hadir": AttendeeForm(prefix="hadir"),
                 "notulen": MinutesForm(prefix="notulen", meeting=meeting, items=items)}
        if bound:
            shown[bound[0]] = bound[1]
    return render(request, "web/officer/meeting.html", {
        "meeting": meeting, "items": items, "attendance": list(meeting.attendance.all()), "forms": shown,
        "editing": editing,
    }, status=400 if bound else 200)


def _add_agenda(meeting, user, form):
    item = actions.agenda_add(meeting=meeting, actor=user, tracking_number=form.cleaned_data["tracking_number"])
    return gettext("%(number)s masuk agenda.") % {"number": item.complaint.tracking_number}


def _add_attendee(meeting, user, form):
    data = form.cleaned_data
    actions.attendee_add(meeting=meeting, actor=user, name=data["name"], agency=data["agency"], position=data["position"])
    return gettext("%(name)s tercatat hadir.") % {"name": data["name"]}


def _minutes(meeting, user, form):
    actions.minutes_record(meeting=meeting, actor=user, held_on=form.cleaned_data["held_on"],
                           summary=form.cleaned_data["summary"], recommendations=form.recommendations())
    return gettext("Notulen tersimpan.")


# slug → (the form it posts, what it does with it)
ACTIONS = {"agenda": (AgendaForm, _add_agenda), "hadir": (AttendeeForm, _add_attendee), "notulen": (MinutesForm, _minutes)}


@login_required
@require_POST
def meeting_action(request, meeting_id: int, slug: str):
    meeting = _visible(request.user, meeting_id)
    try:
        if slug in ACTIONS:
            form_class, perform = ACTIONS[slug]
            extra = {"meeting": meeting, "items": _agenda(meeting)} if form_class is MinutesForm else {}
            form = form_class(request.POST, prefix=slug, **extra)
            if not form.is_valid():
                return meeting_page(request, meeting_id, bound=(slug, form))
            try:
                messages.success(request, perform(meeting, request.user, form))
            except ActionError as error:
                if error.field not in form.fields:
                    raise
                form.add_error(error.field, error.message)
                return meeting_page(request, meeting_id, bound=(slug, form))
        elif slug == "agenda-hapus":
            actions.agenda_remove(meeting=meeting, actor=request.user, item_id=_number(request.POST.get("item")))
            messages.success(request, gettext("Dikeluarkan dari agenda."))
        elif slug == "hadir-hapus":
            actions.attendee_remove(meeting=meeting, actor=request.user, attendee_id=_number(request.POST.get("attendee")))
            messages.success(request, gettext("Dihapus dari daftar hadir."))
        elif slug == "kirim":
            sent = actions.minutes_send(meeting=meeting, actor=request.user)
            messages.success(request, gettext("Notulen dan daftar hadir dikirim ke %(unit)s.") % {"unit": sent.sent_to.name})
        else:
            raise Http404
    except NotAllowed:
        raise PermissionDenied from None
    except ActionError as error:
        messages.error(request, error.message)
    return redirect("web:officer:meeting", meeting_id=meeting.pk)


def _number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@login_required
def minutes_pdf(request, meeting_id: int):
    return minutes.download(_visible(request.user, meeting_id))
