"""The registry check at intake (SPEC R21, Probolinggo 2.3): every complaint whose reporter gave a
NIK, KKS or KK number (on the officer's form, through the API, or in an SMS or email text) is
looked up in the registry when it is filed, in the filing's own transaction, and what was found —
or that nothing was — is kept with the period of the file it came from (`Match`). While a large
import holds the registry (`busy.py`) the complaint is filed unchecked rather than kept waiting;
the officer checks it again later. An officer who confirms the reporter is the person found links
them, an event on the timeline."""

from django.db import transaction
from django.utils import timezone

from aduan.core.access import Ability, require
from aduan.core.actions.events import record_event
from aduan.core.enums import EventKind
from aduan.core.errors import ActionError
from aduan.core.models import Complaint
from aduan.registry.busy import RegistryBusy, claim_for_reading
from aduan.registry.models import Match, Record

# The number a reporter gave → the record's column, the surest first.
NUMBERS = (("nik", "reporter_nik", "nik"), ("kks", "reporter_kks", "kks"), ("kk", "reporter_kk", "no_kk"))
PER_NUMBER = 10  # a KK names a whole family; more than this is not one reporter
ALREADY_LINKED = "Pelapor sudah ditautkan ke data penerima ini."
LINKED_NOTE = "Pelapor ditautkan ke data penerima {source} periode {period} ({program})."


def match_reporter(complaint: Complaint, *, at=None, skip=frozenset()) -> list[Match]:
    """Look the reporter up and keep what was found (but the records in `skip`). Anonymous complaints
    keep no identity, so no match. `RegistryBusy` while an import holds the registry."""
    given = [(by, getattr(complaint, attribute), column) for by, attribute, column in NUMBERS
             if getattr(complaint, attribute)]
    if complaint.anonymous or not given:
        return []
    claim_for_reading()
    at = at or timezone.now()
    matches: list[Match] = []
    seen: set[int] = set(skip)
    for by, number, column in given:
        hits = list(Record.objects.filter(**{column: number}).order_by("-period", "source")[:PER_NUMBER])
        matches += [_snapshot(complaint, by, r, at) for r in hits if r.pk not in seen]
        if not hits:
            matches.append(Match(complaint=complaint, by=by, checked_at=at))
        seen.update(r.pk for r in hits)
    return Match.objects.bulk_create(matches)


def _snapshot(complaint: Complaint, by: str, record: Record, at) -> Match:
    return Match(complaint=complaint, by=by, record=record, source=record.source, period=record.period, name=record.name,
                 program=record.program, status=record.status, bank=record.bank, since=record.since,
                 region_code=record.region_code, checked_at=at)


def on_event(sender, *, event, **kwargs) -> None:
    """`core.signals.event_recorded`: the check runs when a complaint is received."""
    if event.kind == EventKind.RECEIVED:
        try:
            match_reporter(event.complaint, at=event.at)
        except RegistryBusy:
            pass  # filed unchecked: the complaint page offers the check


def match_refresh(*, complaint: Complaint, actor, at=None) -> list[Match]:
    """Check again (a newer file may have arrived): what is not linked is looked up afresh. While an
    import holds the registry, `RegistryBusy` undoes the whole of it."""
    with transaction.atomic():
        current = Complaint.objects.select_for_update().get(pk=complaint.pk)
        require(actor, Ability.CLASSIFY, current)
        current.registry_matches.filter(linked_at__isnull=True).delete()
        linked = set(current.registry_matches.values_list("record_id", flat=True))
        return match_reporter(current, at=at, skip=linked)


def match_link(*, match: Match, actor, at=None) -> Match:
    """The officer confirms the reporter is the person the registry names (whoever may classify the complaint)."""
    at = at or timezone.now()
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(pk=match.complaint_id)
        require(actor, Ability.CLASSIFY, complaint)
        match = Match.objects.select_for_update().get(pk=match.pk)
        if match.linked_at is not None:
            raise ActionError(ALREADY_LINKED, code="conflict")
        if not match.found:
            raise ActionError("Tidak ada data penerima untuk ditautkan.", field="match")
        match.linked_at, match.linked_by = at, actor
        match.save(update_fields=["linked_at", "linked_by"])
        record_event(complaint, EventKind.REGISTRY_LINKED, at=at, actor=actor,
                     note=LINKED_NOTE.format(source=match.source, period=match.period, program=match.program or "—"),
                     data={"match_id": match.pk, "period": match.period, "source": match.source})
    return match
