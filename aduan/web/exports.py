"""Every list an officer sees, as a spreadsheet with the same filters; a long one (more rows than
ADUAN["EXPORT_INLINE_ROWS"], about 2 s of work) is built by a background task while the page shows
its progress, then offered to the officer who asked for it.

Each kind of export is one producer: (user, params, progress) → File. The page sends a small one at
once and hands a large one to `build_export`, which calls the same producer."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from aduan.core.access import complaints_visible_to
from aduan.core.enums import Channel, Severity, Status
from aduan.core.models import Complaint
from aduan.regions.timezones import zone_for
from aduan.reports import service
from aduan.reports.figures import Subject
from aduan.reports.models import Export
from aduan.reports.periods import Period
from aduan.reports.recap import REGISTER_HEADERS, register_rows
from aduan.reports.xlsx import Sheet, workbook
from aduan.web.officer.filters import QueueFilter, apply_filters, apply_status

QUEUE_HEADERS = ("Nomor", "No. register", "Diterima", "Program", "Jenis", "Topik", "Tingkat", "Status", "Wilayah",
                 "Ditangani oleh", "Tenggat", "Terlambat")


def queue_complaints(user, params: dict):
    form = QueueFilter(params or None)
    data = form.cleaned()
    now = timezone.now()
    return apply_status(apply_filters(complaints_visible_to(user), data, user=user, now=now), data.get("status"))


def _queue_rows(complaints, now):
    severities, statuses = dict(Severity.choices), dict(Status.choices)
    rows = complaints.order_by("due_at", "id").values_list(
        "tracking_number", "register_seq", "register_year", "receiving_unit__code", "received_at", "program__name",
        "category_type__name", "topic__code", "severity", "status", "region__name", "region_id", "handling_unit__name",
        "receiving_unit__name", "due_at", "closure_due_at")
    for (tracking, seq, year, unit_code, received_at, program, kind, topic, severity, status, place, region_id, handler,
         receiver, due_at, closure_due_at) in rows.iterator(chunk_size=2000):
        zone = zone_for(region_id)
        late = status != Status.SELESAI and closure_due_at is None and due_at <= now
        yield (tracking, f"{seq:05d}/{unit_code.upper()}/{year}", received_at.astimezone(zone).replace(tzinfo=None),
               program, kind or "", topic or "", str(severities.get(severity, severity)), str(statuses[status]),
               place or "", handler or receiver, due_at.astimezone(zone).replace(tzinfo=None), _("Ya") if late else "")


def queue_file(user, params: dict, progress=None) -> service.File:
    now = timezone.now()
    content = workbook([Sheet(_("Antrean"), QUEUE_HEADERS, _queue_rows(queue_complaints(user, params), now),
                              widths={0: 14, 1: 24, 2: 17, 3: 14, 5: 10, 8: 24, 9: 34, 10: 17},
                              heading=(_("Antrean pengaduan, %(at)s") % {"at": f"{timezone.localtime(now):%d-%m-%Y %H:%M}"},))],
                       progress=progress)
    return service.File(content, service.CONTENT_TYPES["xlsx"], f"antrean-{timezone.localdate():%Y%m%d}.xlsx")


def register_complaints(unit, year: int, params: dict):
    rows = Complaint.objects.filter(receiving_unit=unit, register_year=year)
    if params.get("status") in Status.values:
        rows = rows.filter(status=params["status"])
    if params.get("program"):
        rows = rows.filter(program__code=params["program"])
    if params.get("channel") in Channel.values:
        rows = rows.filter(channel=params["channel"])
    if str(params.get("month", "")).isdigit() and 1 <= int(params["month"]) <= 12:
        subject = Subject.of(unit, Period.month(year, int(params["month"])))
        rows = rows.filter(pk__in=subject.received.values("pk"))
    return rows


def register_file(user, params: dict, progress=None) -> service.File:
    unit = service.unit_for(user, params.get("unit"))
    year = service.parse_year(params.get("year"))
    content = workbook([Sheet(_("Buku register"), REGISTER_HEADERS, register_rows(register_complaints(unit, year, params)),
                              widths={0: 24, 1: 14, 2: 17, 3: 14, 4: 22, 5: 14, 7: 24, 8: 34, 9: 18, 10: 17},
                              heading=(_("Buku register %(unit)s tahun %(year)s") % {"unit": unit.name, "year": year},))],
                       progress=progress)
    return service.File(content, service.CONTENT_TYPES["xlsx"], f"register-{unit.code}-{year}.xlsx")


def annual_file(user, params: dict, progress=None) -> service.File:
    unit = service.unit_for(user, params.get("unit"))
    return service.annual(unit, service.parse_year(params.get("year")), params["format"], progress=progress)


PRODUCERS = {"queue": queue_file, "register": register_file, "annual": annual_file}


def file_response(result: service.File) -> HttpResponse:
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.name}"'
    return response


def send_or_start(request, kind: str, params: dict, rows: int) -> HttpResponse:
    """The file at once when it is small; otherwise a background task and its progress page."""
    if rows <= settings.ADUAN["EXPORT_INLINE_ROWS"]:
        return file_response(PRODUCERS[kind](request.user, params))
    export = Export.objects.create(user=request.user, kind=kind, params=params, format=params.get("format", "xlsx"),
                                   rows_total=rows)
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return redirect("web:officer:export", export_id=export.pk)


@task()
def build_export(export_id: int) -> None:
    export = Export.objects.select_related("user").get(pk=export_id)
    Export.mark_running(export_id)
    try:
        result = PRODUCERS[export.kind](export.user, export.params, Export.progress_of(export_id))
    except Exception as error:  # the officer is told; the worker's log has the traceback
        Export.mark_failed(export_id, str(error))
        raise
    export.file.save(result.name, ContentFile(result.content), save=False)
    Export.mark_done(export_id, file=export.file.name, name=result.name, content_type=result.content_type,
                     rows_done=export.rows_total or 0)


@login_required
def export_status(request, export_id: int):
    export = get_object_or_404(Export, pk=export_id, user=request.user)
    return render(request, "web/officer/export.html", {"job": export})


@login_required
def export_download(request, export_id: int):
    export = get_object_or_404(Export, pk=export_id, user=request.user)
    if export.state != Export.State.DONE or not export.file:
        raise Http404
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.name,
                        content_type=export.content_type)
