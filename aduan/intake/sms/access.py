"""Which gateways may deliver SMS to us, and how each proves it is one of them.

``ADUAN_SMS_GATEWAYS`` lists them, comma-separated, each ``name:user:secret``::

    ADUAN_SMS_GATEWAYS="kannel:kannel:Mo3Pass,gammu:modem:G4mmuPass,webhook::9f2c…long-random-token"

Kannel and Gammu authenticate with HTTP Basic (``user`` and ``secret`` as the password; Kannel
takes them from its post-url, ``https://kannel:Mo3Pass@host/sms/kannel/…``). The webhook sends
``Authorization: Bearer <secret>``; its user part stays empty. The secret runs to the end of the
entry, so it may contain ``:`` but not ``,``. A gateway not listed is refused (403) before its
request is read; wrong or missing credentials get 401. ``ADUAN_SMS_GATEWAYS_FILE`` names a file
holding the same string (container secrets).
"""

import base64
import binascii
import hmac
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BASIC = "basic"
BEARER = "bearer"
SCHEMES = {"kannel": BASIC, "gammu": BASIC, "webhook": BEARER}


class Access(Enum):
    GRANTED = 200
    UNAUTHENTICATED = 401
    NOT_ENABLED = 403


@dataclass(frozen=True)
class GatewayCredentials:
    name: str
    user: str
    secret: str = ""


def parse_gateways(raw: str) -> dict[str, GatewayCredentials]:
    gateways = {}
    for entry in (raw or "").split(","):
        entry = entry.strip()
        if not entry:
            continue
        name, _, rest = entry.partition(":")
        user, _, secret = rest.partition(":")
        name = name.strip().lower()
        if name not in SCHEMES:
            raise ImproperlyConfigured(f"ADUAN_SMS_GATEWAYS: unknown gateway {name!r}; known: {', '.join(SCHEMES)}.")
        if not secret:
            raise ImproperlyConfigured(f"ADUAN_SMS_GATEWAYS: gateway {name!r} needs a secret (name:user:secret).")
        if SCHEMES[name] == BASIC and not user:
            raise ImproperlyConfigured(f"ADUAN_SMS_GATEWAYS: gateway {name!r} needs a user (name:user:secret).")
        gateways[name] = GatewayCredentials(name, user, secret)
    return gateways


def configured_gateways() -> dict[str, GatewayCredentials]:
    return parse_gateways(getattr(settings, "ADUAN_SMS_GATEWAYS", "") or "")


def check_access(gateway: str, authorization: str) -> Access:
    credentials = configured_gateways().get(gateway)
    if credentials is None:
        return Access.NOT_ENABLED
    scheme, _, value = (authorization or "").strip().partition(" ")
    if SCHEMES[gateway] == BEARER:
        ok = scheme.lower() == "bearer" and _same(value.strip(), credentials.secret)
    else:
        user, password = _basic(value) if scheme.lower() == "basic" else ("", "")
        # Both compared, always: the time taken says nothing about which one was wrong.
        ok = _same(user, credentials.user) & _same(password, credentials.secret)
    return Access.GRANTED if ok else Access.UNAUTHENTICATED


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _basic(value: str) -> tuple[str, str]:
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    user, _, password = decoded.partition(":")
    return user, password
