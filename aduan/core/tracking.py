"""Tracking numbers a citizen can read out over the phone, and secrets for confidential ones.

Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 8·10^14
possibilities, so a guesser hitting a live complaint among tens of millions needs ~10^7 tries
per hit, and /lacak/ is throttled.
"""

import hashlib
import hmac
import re
import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_LENGTH = 10
_NOT_ALPHABET = re.compile(f"[^{ALPHABET}]")


def new_tracking_number() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalize_tracking_number(text: str) -> str | None:
    """'abcde 2345f', 'ABCDE-2345F' → 'ABCDE-2345F'; None when it cannot be one."""
    raw = _NOT_ALPHABET.sub("", text.upper())
    if len(raw) != _LENGTH:
        return None
    return f"{raw[:5]}-{raw[5:]}"


def new_access_secret() -> str:
    """Six digits: typed on a feature phone, checked only together with the tracking number."""
    return f"{secrets.randbelow(10**6):06d}"


# Six digits are a million possibilities: no iteration count makes them hard to brute-force once
# the hashes leak, so they are keyed instead — an HMAC under SECRET_KEY, which lives outside the
# database. A stolen table alone reveals nothing, and checking one costs microseconds, not the
# 60 ms a PBKDF2 hash costs every complaint filed. (Hashes written before carry no prefix and
# are still checked as PBKDF2.)
_KEYED = "hmac$"
_SALT = "aduan.core.tracking.reporter-secret"


def hash_secret(tracking_number: str, secret: str) -> str:
    return _KEYED + salted_hmac(_SALT, f"{tracking_number}:{secret}", algorithm="sha256").hexdigest()


def secret_matches(tracking_number: str, secret: str, stored_hash: str) -> bool:
    if not stored_hash:
        return False
    secret = secret.strip()
    if stored_hash.startswith(_KEYED):
        return hmac.compare_digest(hash_secret(tracking_number, secret), stored_hash)
    legacy = hashlib.pbkdf2_hmac("sha256", secret.encode(), tracking_number.encode(), 200_000).hex()
    return hmac.compare_digest(legacy, stored_hash)
