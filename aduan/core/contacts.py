"""A reporter's phone number and email address, checked the same way whichever channel brought
them (web form, officer form, API, Open311, SMS, email): the answer goes to them, so a number that
cannot be dialled or an address that carries a second header line is refused, never stored."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from aduan.core.errors import ActionError

BAD_PHONE = "Nomor telepon tidak dikenali. Tulis nomor HP atau telepon Indonesia, mis. 0812 3456 7890 atau +62 21 3456 789."
BAD_EMAIL = "Alamat email tidak valid, mis. nama@contoh.id."


def phone_e164(value: str) -> str:
    """'0812-3456-7890', '62812…', '+62 812…' → '+6281234567890'; '' stays ''; ValueError otherwise.
    A valid number, not merely a plausible length: '0812-345' is refused."""
    value = (value or "").strip()
    if not value:
        return ""
    if value.startswith("62"):
        value = "+" + value
    try:
        number = phonenumbers.parse(value, "ID")
    except phonenumbers.NumberParseException:
        raise ValueError(BAD_PHONE) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(BAD_PHONE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_or_blank(value: str) -> str:
    """For a sender the channel cannot refuse (an SMS from a short code): kept only if dialable."""
    try:
        return phone_e164(value)
    except ValueError:
        return ""


def email_address(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    if any(ch in value for ch in "\r\n\x00") or len(value) > 254:
        raise ValueError(BAD_EMAIL)
    try:
        validate_email(value)
    except ValidationError:
        raise ValueError(BAD_EMAIL) from None
    return value


def checked_contacts(phone: str, email: str) -> tuple[str, str]:
    """(phone in E.164, email), or the refusal naming the field to fix."""
    try:
        phone = phone_e164(phone)
    except ValueError as error:
        raise ActionError(str(error), field="reporter.phone", code="invalid_phone") from None
    try:
        email = email_address(email)
    except ValueError as error:
        raise ActionError(str(error), field="reporter.email", code="invalid_email") from None
    return phone, email
