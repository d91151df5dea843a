"""Per-client rate limits for the public pages, kept in Django's cache (no third-party captcha).

The counters must be shared by every web process, so production uses the database cache
(settings.CACHES; `aduan setup` creates its table). Fixed windows: simple, and a burst at a
window's edge doubles the rate at worst, which is enough to stop a script.

Indonesian mobile networks put many phones behind one carrier address, so the limits are
generous; guessing a tracking number is hopeless anyway (tracking.py), the 6-digit secret of a
confidential complaint is what the per-complaint limit protects.
"""

import ipaddress
import logging
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import gettext_noop

log = logging.getLogger(__name__)
TOO_MANY = gettext_noop("Terlalu banyak percobaan dari jaringan Anda. Tunggu beberapa menit lalu coba lagi.")

# scope → (requests, seconds); a deployment overrides them in settings.ADUAN["THROTTLE"].
LIMITS = {
    "lapor": (10, 600),  # complaints filed on the website, per address
    "lapor_fast": (2, 600),  # of those, sent faster than a person types (a pasted text), per address
    "lacak": (30, 600),  # tracking-number lookups, per address
    "secret": (10, 3600),  # wrong codes, per complaint (the secret stops working; one-time codes don't)
    "code_client": (20, 3600),  # wrong codes, per client, whatever the complaint
    "code_sent": (3, 3600),  # one-time codes sent, per complaint
}


def _limit(scope: str) -> tuple[int, int]:
    return settings.ADUAN.get("THROTTLE", {}).get(scope, LIMITS[scope])


@lru_cache(maxsize=1)
def _trusted_networks(configured: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item, strict=False) for item in configured)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The client's address. X-Forwarded-For is read only when the connection comes from one of
    ADUAN_TRUSTED_PROXIES, and then from the right: the first address no trusted proxy added is
    the client (anything further left was written by the client and may be made up)."""
    address = request.META.get("REMOTE_ADDR") or "unknown"
    if not settings.TRUSTED_PROXIES or not _is_trusted(address):
        return address
    for hop in reversed([part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]):
        if hop and not _is_trusted(hop):
            return hop
    return address


def axes_client_address(request) -> str:
    """django-axes counts sign-in failures per client with the same address as our throttles. It
    stores the address in an IP column, so a request without one (a sign-in made in code, not
    over HTTP) counts as 0.0.0.0 rather than failing on PostgreSQL."""
    address = client_address(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return "0.0.0.0"
    return address


def _key(scope: str, ident: str, window: int) -> str:
    return f"throttle:{scope}:{ident}:{window}"


def is_limited(scope: str, ident: str) -> bool:
    """True when `ident` has used up `scope` in the current window (does not count this request)."""
    allowed, seconds = _limit(scope)
    try:
        return (cache.get(_key(scope, ident, int(time.time() // seconds))) or 0) >= allowed
    except DatabaseError:  # the cache table is missing: fail open rather than refuse complaints
        log.warning("throttle cache unavailable; not limiting")
        return False


def hit(scope: str, ident: str) -> None:
    """Count one request against `scope` for `ident`."""
    allowed, seconds = _limit(scope)
    key = _key(scope, ident, int(time.time() // seconds))
    try:
        if not cache.add(key, 1, timeout=seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=seconds)
    except DatabaseError:
        log.warning("throttle cache unavailable; not limiting")


def check_and_hit(scope: str, ident: str) -> bool:
    """Count this request; True when it is over the limit and must be refused."""
    if is_limited(scope, ident):
        return True
    hit(scope, ident)
    return False
