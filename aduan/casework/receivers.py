"""What the case file does when the core records an event (aduan.core.signals)."""

from aduan.casework.actions import checklist_instantiate
from aduan.core.enums import EventKind


def start_checklist(sender, *, event, **kwargs) -> None:
    """A PKH complaint gets its R18 checklist when it is first disposed, in the disposition's transaction."""
    if event.kind == EventKind.DISPOSED:
        checklist_instantiate(complaint=event.complaint)
