"""Which of Indonesia's three time zones each province keeps (UU/Keppres 41/1987)."""

from zoneinfo import ZoneInfo

WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
WIT = "Asia/Jayapura"

_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}

ABBREVIATIONS = {WIB: "WIB", WITA: "WITA", WIT: "WIT"}

# The provinces (two-digit codes) outside WIB, by zone; every other province keeps WIB.
PROVINCES_OUTSIDE_WIB = {WITA: frozenset(_WITA_PROVINCES), WIT: frozenset(_WIT_PROVINCES)}


def zone_name_for(code: str) -> str:
    """The IANA zone of the province a dotted region code lies in."""
    province = code[:2]
    if province in _WIT_PROVINCES:
        return WIT
    if province in _WITA_PROVINCES:
        return WITA
    return WIB


def zone_for(code: str | None) -> ZoneInfo:
    return ZoneInfo(zone_name_for(code) if code else WIB)
