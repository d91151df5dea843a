"""What the timeline says to its reader, in the page's language. Events keep their public notes in
Indonesian, as written; in English the notes the system wrote from a template are said again
from the event's own data, and its fixed sentences are translated. An officer's own answer is
shown as they wrote it."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aduan.core.enums import EXTENSION_MONTHS, EventKind


def public_note(event) -> str:
    note = event.public_note
    if not note or (get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return note
    unit = event.to_unit.name if event.to_unit_id else ""
    match event.kind:
        case EventKind.DISPOSED if unit:
            return _("Pengaduan diteruskan kepada %(unit)s.") % {"unit": unit}
        case EventKind.ESCALATED if unit:
            return _("Pengaduan diteruskan ke %(unit)s untuk ditangani di tingkat yang lebih tinggi.") % {"unit": unit}
        case EventKind.DISCUSSED if unit:
            return _("Pengaduan Anda dibahas dalam rapat koordinasi %(unit)s.") % {"unit": unit}
        case EventKind.EXTENDED:
            months = EXTENSION_MONTHS.get(event.data.get("extension"), 0)
            return _("Penanganan diperpanjang %(months)s bulan; tenggat baru %(due)s.") % {
                "months": months, "due": (event.data.get("due_at") or "")[:10]}
        case EventKind.FOLLOWED_UP | EventKind.REBUTTED | EventKind.RATED:
            return note  # a person's own words
    return _(note)
