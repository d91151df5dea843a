"""Writing the timeline, and telling the parts built on the core (aduan.core.signals) inside the
same transaction, so that what an event sets in motion is written together with it. An event that
completes a stage of the complaint's deadline marks it done (aduan.core.stages)."""

from datetime import datetime

from aduan.core.models import Complaint, Event
from aduan.core.signals import event_recorded
from aduan.core.stages import complete_stages

SYSTEM = "Sistem"
REPORTER = "Pelapor"


def actor_label(actor) -> str:
    if actor is None:
        return SYSTEM
    return actor.get_full_name() or actor.get_username()


def record_event(
    complaint: Complaint,
    kind: str,
    *,
    at: datetime,
    actor=None,
    label: str | None = None,
    from_status: str = "",
    to_status: str = "",
    from_unit=None,
    to_unit=None,
    note: str = "",
    public_note: str = "",
    data: dict | None = None,
) -> Event:
    event = Event.objects.create(
        complaint=complaint,
        kind=kind,
        at=at,
        actor=actor,
        actor_label=label or actor_label(actor),
        from_status=from_status,
        to_status=to_status,
        from_unit=from_unit,
        to_unit=to_unit,
        note=note,
        public_note=public_note,
        data=data or {},
    )
    complete_stages(complaint, kind, at)
    event_recorded.send(sender=Event, event=event)
    return event
