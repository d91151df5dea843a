"""Tracking numbers a citizen can read out over the phone, and secrets for confidential ones.

Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 8·10^14
possibilities, so a guesser hitting a live complaint among tens of millions needs ~10^7 tries
per hit, and /lacak/ is throttled.
"""

import hashlib
import hmac
import re
import secrets

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


def hash_secret(tracking_number: str, secret: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), tracking_number.encode(), 200_000).hex()


def secret_matches(tracking_number: str, secret: str, stored_hash: str) -> bool:
    return bool(stored_hash) and hmac.compare_digest(hash_secret(tracking_number, secret.strip()), stored_hash)
