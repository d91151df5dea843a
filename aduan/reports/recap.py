"""The rows behind the reports: the annual recap table with the columns of the Kalimantan Barat
2022 report (SPEC R28), and the unit's register book (R22). Both are read as plain values in one
query each and streamed, so a national year of them is written without holding it in memory.

The recap names the reporter only where the reporter allowed it: `Anonim` for an anonymous
complaint and `Dirahasiakan` for a confidential one, never the name. Its "Waktu Penerimaan" is, as
in the Kalbar report, the day the reporter received the answer."""

from collections.abc import Iterator
from datetime import date

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext as _

from aduan.core.enums import Channel, EventKind, Severity, Status
from aduan.core.models import Complaint, Event
from aduan.core.privacy import scrub
from aduan.regions.timezones import zone_for

RECAP_HEADERS = ("No", "Nama", "Tanggal", "Materi Pengaduan", "Kategori Pengaduan", "Waktu Penerimaan",
                 "Status Penyelesaian", "Hasil Penanganan")
ANONYMOUS = "Anonim"
CONFIDENTIAL = "Dirahasiakan"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def tanggal(day: date | None) -> str:
    """An Indonesian date as letters are dated: 15 Desember 2022."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def reporter_label(anonymous: bool, confidential: bool, name: str) -> str:
    if anonymous:
        return ANONYMOUS
    if confidential:
        return CONFIDENTIAL
    return name or "—"


def _last_answer():
    return Subquery(Event.objects.filter(complaint=OuterRef("pk"), kind=EventKind.FOLLOWED_UP)
                    .order_by("-at", "-id").values("public_note")[:1])


def _local(moment, region_id) -> date | None:
    return moment.astimezone(zone_for(region_id)).date() if moment else None


def recap_rows(complaints: QuerySet[Complaint]) -> Iterator[tuple]:
    """(No, Nama, Tanggal, Materi, Kategori, Waktu Penerimaan, Status, Hasil) per complaint, in the
    order received; the two dates as dates."""
    severities = dict(Severity.choices)
    statuses = dict(Status.choices)
    rows = (complaints.order_by("received_at", "id").annotate(answer=_last_answer())
            .values_list("anonymous", "confidential", "reporter_name", "received_at", "region_id", "text", "severity",
                         "followed_up_at", "status", "answer"))
    for number, (anonymous, confidential, name, received_at, region_id, text, severity, answered_at, status,
                 answer) in enumerate(rows.iterator(chunk_size=2000), start=1):
        yield (number, reporter_label(anonymous, confidential, name), _local(received_at, region_id), scrub(text),
               str(severities.get(severity, severity)), _local(answered_at, region_id), str(statuses[status]),
               answer or "")


REGISTER_HEADERS = ("No. register", "Nomor pengaduan", "Diterima", "Saluran", "Pelapor", "Program", "Topik", "Wilayah",
                    "Ditangani oleh", "Status", "Tenggat")


def register_rows(complaints: QuerySet[Complaint]) -> Iterator[tuple]:
    """The register book in register order: number, tracking number, received (local), channel,
    reporter (as in the recap), program, topic, place, the unit holding it, status, due (local)."""
    channels = dict(Channel.choices)
    statuses = dict(Status.choices)
    rows = (complaints.order_by("register_year", "register_seq")
            .values_list("register_seq", "register_year", "receiving_unit__code", "tracking_number", "received_at",
                         "channel", "anonymous", "confidential", "reporter_name", "program__name", "topic__code",
                         "region__name", "handling_unit__name", "receiving_unit__name", "status", "due_at",
                         "region_id"))
    for (seq, year, unit_code, tracking, received_at, channel, anonymous, confidential, name, program, topic, place,
         handler, receiver, status, due_at, region_id) in rows.iterator(chunk_size=2000):
        zone = zone_for(region_id)
        yield (f"{seq:05d}/{unit_code.upper()}/{year}", tracking, received_at.astimezone(zone).replace(tzinfo=None),
               str(channels.get(channel, channel)), reporter_label(anonymous, confidential, name), program,
               topic or "", place or _("Belum diketahui"), handler or receiver, str(statuses[status]),
               due_at.astimezone(zone).replace(tzinfo=None))
