"""Display helpers for the officers' pages: local times with their zone, deadlines, file sizes."""

from django import template
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from aduan.core import access
from aduan.regions.timezones import ABBREVIATIONS, zone_for, zone_name_for
from aduan.web import timeline
from aduan.web.officer import deadlines

register = template.Library()

# What a `classified` event's data names, as the timeline shows it.
CHANGE_LABELS = {"program": gettext_lazy("Program"), "category_type": gettext_lazy("Jenis"),
                 "topic": gettext_lazy("Topik"), "severity": gettext_lazy("Tingkat")}

# Short month names per language (Django's own date formatting costs more per queue row).
MONTHS = {
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}


def _month(number: int) -> str:
    return MONTHS.get(get_language() or "id", MONTHS["id"])[number - 1]


@register.filter
def local_time(value, region_code=None):
    """`{{ event.at|local_time:complaint.region_id }}` → "23 Nov 2026 14.05 WITA"."""
    if not value:
        return ""
    local = value.astimezone(zone_for(region_code or None))
    return f"{local.day} {_month(local.month)} {local.year} {local:%H.%M} {zone_abbreviation(region_code)}"


@register.filter
def local_date(value, region_code=None):
    if not value:
        return ""
    local = value.astimezone(zone_for(region_code or None))
    return f"{local.day} {_month(local.month)} {local.year}"


@register.filter
def zone_abbreviation(region_code):
    return ABBREVIATIONS[zone_name_for(region_code or "")]


@register.simple_tag(takes_context=True)
def deadline(context, complaint):
    """The complaint's deadline against the page's one calendar and clock (`calendar`, `now`)."""
    return deadlines.describe(complaint, context["calendar"], context["now"])


@register.simple_tag(takes_context=True)
def stage_deadline(context, stage, complaint):
    if stage.done_at:
        return deadlines.Deadline(_("selesai"), deadlines.DONE)
    return deadlines.describe_due(stage.due_at, context["calendar"], context["now"], zone_for(complaint.region_id))


@register.filter
def file_size(size):
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def changes(event) -> list[tuple[str, str, str]]:
    """A classification or place event's changes as (what, before, after) for the timeline."""
    data = event.data or {}
    if event.kind == "located":
        return [(_("Wilayah"), data.get("from_region") or "—", data.get("to_region") or "—")]
    return [(str(CHANGE_LABELS.get(name, name)), old or "—", new or "—")
            for name, (old, new) in (data.get("changes") or {}).items()]


@register.filter
def may_file(user) -> bool:
    """Whether the menu offers /petugas/catat/ (the one rule: aduan.core.access)."""
    return access.may_file(user)


@register.filter
def public_note(event) -> str:
    """The note for the reporter in the page's language (aduan/web/timeline.py)."""
    return timeline.public_note(event)
