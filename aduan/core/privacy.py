"""Personal data under UU PDP: shown whole only to those whose work needs it, masked elsewhere."""

import re

HIDDEN = "(dirahasiakan)"
ANONYMOUS = "(anonim)"


# Masked values keep at most the last 4 digits: enough for the reporter to recognise their own
# number on the phone, never enough to find the person (a NIK's first digits are its region).
KEPT = 4


def mask_number(value: str) -> str:
    """3235386475739456 → ************9456."""
    if not value:
        return ""
    return "*" * (len(value) - KEPT) + value[-KEPT:] if len(value) > 2 * KEPT else "*" * len(value)


def mask_phone(value: str) -> str:
    """+6281234567890 → **********7890."""
    return mask_number(value)


def mask_name(value: str) -> str:
    """Siti Aminah → S*** A*****."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in value.split())


def mask_email(value: str) -> str:
    """siti.aminah@example.com → s***@example.com."""
    if "@" not in value:
        return mask_name(value)
    local, domain = value.split("@", 1)
    return f"{local[:1]}***@{domain}"


def mask_contact(value: str) -> str:
    """A phone number or an email address, whichever it is (an outbox recipient)."""
    return mask_email(value) if "@" in value else mask_phone(value)


# NIK, KK and KKS numbers (16 digits) and phone numbers (9 to 15 digits), however they are
# spaced or dashed; an email address anywhere.
_DIGIT_RUNS = re.compile(r"(?<!\d)\+?\d[\d .()/-]{7,}\d(?!\d)")
_EMAILS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _mask_run(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group())
    return mask_number(digits) if len(digits) >= 9 else match.group()


def scrub(text: str) -> str:
    """Free text with the personal data in it masked: NIK, KK, KKS and phone numbers keep their
    last 4 digits, email addresses their first letter and domain. Dates, amounts in rupiah and
    register numbers (fewer than 9 digits in a row) stay readable."""
    if not text:
        return text or ""
    return _DIGIT_RUNS.sub(_mask_run, _EMAILS.sub(lambda m: mask_email(m.group()), text))

