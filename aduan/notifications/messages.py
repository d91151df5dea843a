"""What the reporter is told, in Indonesian, short enough for one SMS where it can be."""

from aduan.core.enums import EventKind

FOLLOWED_UP = "Pengaduan {tracking}: {answer} Balas SANGGAH {tracking} <alasan> dalam {days} hari bila belum sesuai."
CLOSED = "Pengaduan {tracking} selesai. Terima kasih."
AT_DESK = "Pengaduan {tracking} selesai dijawab di loket: {answer} Terima kasih."
ESCALATED = "Pengaduan {tracking} masih diproses dan diteruskan ke {unit}. Mohon menunggu."
EXTENDED = "Pengaduan {tracking}: {note} Mohon maaf atas waktu tambahan ini."
OVERDUE = "Pengaduan {tracking} masih dalam proses; penanganannya melebihi tenggat. Mohon maaf atas keterlambatan."
# The website already showed the number; this keeps it where the reporter will find it. SMS
# reporters get their number in the gateway's reply, so they are not acknowledged twice.
RECEIVED = (
    "Pengaduan Anda sudah kami terima dengan nomor {tracking}. Simpan nomor ini. "
    "Pantau di halaman Lacak situs Pengaduan Bansos, atau kirim SMS CEK {tracking} ke 1708."
)
ACKNOWLEDGED_CHANNELS = frozenset({"web", "email"})
# A one-time code asked for on /lacak/ (aduan.core.access.reporter).
REPORTER_CODE = "Kode untuk pengaduan {tracking}: {code}. Berlaku 30 menit. Jangan berikan kode ini kepada siapa pun."
# To a kabupaten/kota's Dinas Sosial when its complaint reached the national door (SPEC R20).
DISTRICT_ANNOUNCEMENT = (
    "Kepada {unit}: pengaduan {tracking} dari wilayah Anda diterima di pusat melalui {channel}. "
    "Mohon konfirmasi kepada Admin Utama apakah pengaduan yang sama juga diterima di unit Anda, "
    "agar tidak ditangani dua kali. Jawab di antrean unit Anda di aplikasi Pengaduan Bansos."
)
# To the officer a complaint was assigned to.
ASSIGNED_TO_YOU = (
    "Pengaduan {tracking} di {unit} ditugaskan kepada Anda; tenggat {due}. "
    "Buka antrean Anda (Ditugaskan ke saya) di aplikasi Pengaduan Bansos."
)


def reporter_text(event, *, closure_days: int) -> str | None:
    complaint = event.complaint
    tracking = complaint.tracking_number
    if event.kind == EventKind.RECEIVED:
        return acknowledgement_text(event)
    if event.kind == EventKind.FOLLOWED_UP and event.data.get("at_desk"):
        return AT_DESK.format(tracking=tracking, answer=event.public_note.strip())
    if event.kind == EventKind.FOLLOWED_UP:
        return FOLLOWED_UP.format(tracking=tracking, answer=event.public_note.strip(), days=closure_days)
    if event.kind == EventKind.CLOSED and event.data.get("automatic"):
        return CLOSED.format(tracking=tracking)
    if event.kind == EventKind.ESCALATED and event.to_unit_id:
        return ESCALATED.format(tracking=tracking, unit=event.to_unit.name)
    if event.kind == EventKind.EXTENDED:
        return EXTENDED.format(tracking=tracking, note=event.public_note.strip())
    if event.kind == EventKind.WARNED and event.data.get("overdue"):
        return OVERDUE.format(tracking=tracking)
    return None


def acknowledgement_text(event) -> str | None:
    complaint = event.complaint
    if event.kind != EventKind.RECEIVED or complaint.channel not in ACKNOWLEDGED_CHANNELS:
        return None
    if complaint.anonymous or not complaint.reporter_email:
        return None
    return RECEIVED.format(tracking=complaint.tracking_number)

