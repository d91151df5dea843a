"""Outbound transports share one shape and register in one table (STYLE convention 8)."""

from dataclasses import dataclass
from typing import Callable, Protocol

from django.conf import settings
from django.core.mail import send_mail


class TransportError(Exception):
    def __init__(self, message: str, *, permanent: bool):
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class Sent:
    reference: str = ""


class Transport(Protocol):
    def __call__(self, *, recipient: str, subject: str, body: str, notification_id: int) -> Sent: ...


def send_email(*, recipient: str, subject: str, body: str, notification_id: int) -> Sent:
    try:
        send_mail(subject or "Pengaduan Bansos", body, settings.DEFAULT_FROM_EMAIL, [recipient])
    except OSError as error:  # the mail server is down or refused: worth another try
        raise TransportError(str(error), permanent=False) from error
    return Sent()


TRANSPORTS: dict[str, Callable[..., Sent]] = {
    "email": send_email,
}


def register(name: str, transport: Callable[..., Sent]) -> None:
    TRANSPORTS[name] = transport
