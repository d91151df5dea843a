"""The minutes of a coordination meeting as the PDF sent to the centre: the meeting, the attendance
list, each complaint discussed with its recommendation, the general minutes. No reporter's name or
number and no complaint text: the tracking number, program, topic and place say which it was."""

from django.http import FileResponse, Http404
from django.utils import timezone

from aduan.reports.pdf import Document
from aduan.reports.recap import tanggal


def pdf(meeting, items) -> bytes:
    doc = Document(f"Notulen {meeting.title} — {meeting.unit.name}")
    doc.heading(f"Notulen {meeting.title}")
    doc.paragraph(f"{meeting.unit.name}\n"
                  f"Tanggal: {tanggal(meeting.held_on)} · Tempat: {meeting.place}\n"
                  f"Jadwal semula: {timezone.localtime(meeting.scheduled_for, meeting.unit_zone):%d-%m-%Y %H:%M}")
    doc.heading("Daftar hadir")
    doc.table(("No", "Nama", "Instansi", "Jabatan"),
              [(i, a.name, a.agency, a.position) for i, a in enumerate(meeting.attendance.all(), 1)],
              widths=[0.06, 0.34, 0.34, 0.26])
    doc.heading("Pengaduan yang dibahas dan rekomendasinya")
    rows = []
    for i, item in enumerate(items, 1):
        complaint = item.complaint
        about = " · ".join(str(part) for part in (complaint.program.name, complaint.topic.name if complaint.topic else "",
                                                  complaint.region.name if complaint.region else "") if part)
        rows.append((i, complaint.tracking_number, about, complaint.get_severity_display(),
                     complaint.get_status_display(), item.recommendation))
    doc.table(("No", "Nomor", "Perihal", "Tingkat", "Status", "Rekomendasi"), rows,
              widths=[0.05, 0.15, 0.25, 0.1, 0.1, 0.35])
    if meeting.summary:
        doc.heading("Ringkasan rapat")
        doc.paragraph(meeting.summary)
    doc.space()
    doc.paragraph(f"Disampaikan kepada unit pengaduan pusat: {meeting.sent_to.name if meeting.sent_to else ''}.")
    return doc.bytes()


def download(meeting) -> FileResponse:
    """The minutes as sent (the same bytes every time), for the page and the API: Http404 before
    they are sent."""
    if not meeting.minutes_pdf:
        raise Http404
    return FileResponse(meeting.minutes_pdf.open("rb"), content_type="application/pdf",
                        filename=meeting.minutes_pdf.name.rsplit("/", 1)[-1])
