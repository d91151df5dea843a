"""Personal data under UU PDP: shown whole only to those whose work needs it, masked elsewhere."""

import re

HIDDEN = "(dirahasiakan)"
ANONYMOUS = "(anonim)"


def mask_number(value: str) -> str:
    """3235386475739456 → 3235********9456."""
    if not value:
        return ""
    return value[:4] + "*" * max(len(value) - 8, 0) + value[-4:] if len(value) > 8 else "*" * len(value)


def mask_phone(value: str) -> str:
    """+6281234567890 → +62812*****890."""
    if not value:
        return ""
    return value[:6] + "*" * max(len(value) - 9, 0) + value[-3:] if len(value) > 9 else "*" * len(value)


def mask_name(value: str) -> str:
    """Siti Aminah → S*** A*****."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in value.split())


def mask_email(value: str) -> str:
    if "@" not in value:
        return mask_name(value)
    local, domain = value.split("@", 1)
    return f"{local[:1]}***@{domain}"


_DIGIT_RUNS = re.compile(r"\d[\d .-]{8,}\d")


def scrub(text: str) -> str:
    """Mask long digit runs (NIK, KKS, phone numbers) in free text bound for logs."""
    return _DIGIT_RUNS.sub(lambda m: mask_number(re.sub(r"\D", "", m.group())), text)


def record_identity_view(*, user, complaint, where: str = "web", at=None) -> None:
    """UU PDP audit: one row each time a confidential reporter's identity is shown whole."""
    from django.utils import timezone

    from aduan.organisation.models import IdentityView

    if not getattr(complaint, "confidential", False) or not getattr(user, "is_authenticated", False):
        return
    IdentityView.objects.create(user=user, complaint=complaint, where=where, at=at or timezone.now())
