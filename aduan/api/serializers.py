"""Complaints as the API shows them: times in the region's zone, identity masked unless allowed."""

from aduan.core import privacy
from aduan.core.access import may_see_identity, readable_text, record_identity_view
from aduan.core.models import Complaint
from aduan.regions.timezones import zone_name_for
from aduan.registry import access as registry_access


def _local(value, zone):
    return value.astimezone(zone) if value else None


def reporter_dict(complaint: Complaint, user) -> dict:
    fields = {
        "name": complaint.reporter_name, "nik": complaint.reporter_nik, "kk": complaint.reporter_kk,
        "kks": complaint.reporter_kks, "phone": complaint.reporter_phone, "email": complaint.reporter_email,
        "address": complaint.reporter_address,
    }
    masked = complaint.confidential and not may_see_identity(user, complaint)
    if complaint.confidential and not masked:
        record_identity_view(user=user, complaint=complaint, where="api")  # UU PDP audit
    if masked:
        fields = {
            "name": privacy.mask_name(fields["name"]), "nik": privacy.mask_number(fields["nik"]),
            "kk": privacy.mask_number(fields["kk"]), "kks": privacy.mask_number(fields["kks"]),
            "phone": privacy.mask_phone(fields["phone"]), "email": privacy.mask_email(fields["email"]),
            "address": privacy.HIDDEN if fields["address"] else "",
        }
    return {"anonymous": complaint.anonymous, "confidential": complaint.confidential, "masked": masked, **fields}


def event_dict(event, zone) -> dict:
    return {
        "kind": event.kind, "at": _local(event.at, zone), "actor": event.actor_label,
        "from_status": event.from_status, "to_status": event.to_status,
        "from_unit": event.from_unit.name if event.from_unit_id else None,
        "to_unit": event.to_unit.name if event.to_unit_id else None,
        "public_note": event.public_note, "note": event.note,
    }


def complaint_dict(complaint: Complaint, user, *, with_events: bool = True, events=None, stages=None) -> dict:
    """`events` and `stages` when the caller has them already (just filed), else from the complaint."""
    zone = complaint.local_zone
    if not with_events:
        events = ()
    elif events is None:
        events = complaint.events.all()
    if stages is None:
        stages = complaint.stages.all()
    return {
        "tracking_number": complaint.tracking_number,
        "register_number": complaint.register_number,
        "status": complaint.status,
        "severity": complaint.severity,
        "program": complaint.program.code,
        "category_type": complaint.category_type.code if complaint.category_type_id else None,
        "topic": complaint.topic.code if complaint.topic_id else None,
        "channel": complaint.channel,
        "text": readable_text(user, complaint),
        "received_at": _local(complaint.received_at, zone),
        "due_at": _local(complaint.due_at, zone),
        "due_is_provisional": complaint.due_is_provisional,
        "followed_up_at": _local(complaint.followed_up_at, zone),
        "closure_due_at": _local(complaint.closure_due_at, zone),
        "closed_at": _local(complaint.closed_at, zone),
        "time_zone": zone_name_for(complaint.region_id or ""),
        "location_code": complaint.region_id,
        "location_name": complaint.region.name if complaint.region_id else None,
        "location_text": complaint.location_text,
        "location_needs_review": complaint.location_needs_review,
        "receiving_unit": complaint.receiving_unit.name,
        "handling_unit": complaint.handling_unit.name if complaint.handling_unit_id else None,
        "assigned_to": (complaint.assigned_to.get_full_name() or complaint.assigned_to.get_username())
                       if complaint.assigned_to_id else None,
        "pendamping": complaint.pendamping,
        "announced_to": complaint.announced_to.name if complaint.announced_to_id else None,
        "district_answer": complaint.district_answer,
        "policy": complaint.policy.slug,
        "reporter": reporter_dict(complaint, user),
        "stages": [
            {"order": s.order, "name": s.name, "due_at": _local(s.due_at, zone), "done_at": _local(s.done_at, zone)}
            for s in stages
        ],
        "events": [event_dict(event, zone) for event in events],
        "suggestion": complaint.triage or None,
    }


def registry_dicts(complaint: Complaint, user) -> list[dict] | None:
    """SPEC R21: what the registry check found for the reporter, for those who may read it (None
    otherwise, or for an anonymous complaint); each record shown is recorded."""
    if complaint.anonymous:
        return None
    matches = registry_access.matches_read(user, complaint, where="api")
    return [{"id": m.pk, "by": m.by, "found": m.found, "source": m.source, "period": m.period, "name": m.name,
             "program": m.program, "status": m.status, "bank": m.bank, "since": m.since,
             "checked_at": m.checked_at, "linked_at": m.linked_at} for m in matches]


def with_related(queryset):
    return queryset.select_related(
        "program", "category_type", "topic", "region", "receiving_unit", "handling_unit", "policy", "assigned_to",
        "announced_to",
    ).prefetch_related("stages", "events__from_unit", "events__to_unit")
