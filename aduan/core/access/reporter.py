"""What proves that a citizen is the reporter of a complaint, before they rebut it, rate it or add
to it (reading its public timeline by number needs no proof):

- the secret given at filing (every complaint filed on the web, at a desk, by phone, letter or
  through the API gets one; it is on the receipt and the desk receipt);
- a one-time code sent to the reporter's own phone or email, for a reporter who lost the secret;
- an SMS from the number that filed the complaint, an email from the address that filed it.

Guessing is bounded twice: per client and per complaint (`aduan.web.throttle`). A complaint whose
secret was guessed at too often stops taking the secret for a while, but a one-time code still
works, so a stranger's guesses never lock the rightful reporter out.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from aduan.core.enums import Channel
from aduan.core.models import Complaint, ReporterCode
from aduan.core.tracking import hash_secret, new_access_secret, secret_matches

# Channels whose address is the proof: the reporter acts from the same phone or mailbox.
PROVEN_BY_ADDRESS = frozenset({Channel.SMS, Channel.EMAIL})
CODE_LIFETIME = timedelta(minutes=30)
CODE_ATTEMPTS = 5


def gets_secret(channel: str) -> bool:
    return channel not in PROVEN_BY_ADDRESS


def secret_is_right(complaint: Complaint, code: str) -> bool:
    return secret_matches(complaint.tracking_number, code or "", complaint.access_secret_hash)


def one_time_code_is_right(complaint: Complaint, code: str, *, now=None) -> bool:
    """True once for a live code; a wrong try counts against every live code of the complaint."""
    now = now or timezone.now()
    code = (code or "").strip()
    live = ReporterCode.objects.filter(complaint=complaint, used_at=None, expires_at__gt=now,
                                       failed_attempts__lt=CODE_ATTEMPTS)
    for candidate in live.order_by("-created_at")[:3]:
        if code and secret_matches(complaint.tracking_number, code, candidate.code_hash):
            # The conditional update is the guard: of two requests with the same code, one wins.
            return bool(ReporterCode.objects.filter(pk=candidate.pk, used_at=None).update(used_at=now))
    live.update(failed_attempts=F("failed_attempts") + 1)
    return False


def contact_for_code(complaint: Complaint) -> tuple[str, str] | None:
    """("sms", phone) or ("email", address) where a one-time code can reach the reporter."""
    if complaint.anonymous:
        return None
    if complaint.reporter_phone:
        return "sms", complaint.reporter_phone
    if complaint.reporter_email:
        return "email", complaint.reporter_email
    return None


def one_time_code_issue(*, complaint: Complaint, now=None) -> str:
    """A new code for this complaint (only its hash is stored); the caller sends it."""
    now = now or timezone.now()
    code = new_access_secret()
    ReporterCode.objects.create(complaint=complaint, code_hash=hash_secret(complaint.tracking_number, code),
                                created_at=now, expires_at=now + CODE_LIFETIME)
    return code
