"""The scopes a token may be limited to (aduan.api.scopes applies them to the API's views;
Open311 and `aduan token` read them here). A token with no scopes may do everything its user may.
`X:write` includes `X:read`."""

COMPLAINTS_READ = "complaints:read"
COMPLAINTS_WRITE = "complaints:write"
HANDLING_WRITE = "handling:write"

SCOPES = {
    COMPLAINTS_READ: "Membaca pengaduan, lampiran dan riwayatnya.",
    COMPLAINTS_WRITE: "Mencatat pengaduan baru dan menambah lampiran.",
    HANDLING_WRITE: "Menangani pengaduan: disposisi, tindak lanjut, sanggahan, eskalasi, penutupan.",
}

INSUFFICIENT_SCOPE = "Token ini tidak mencakup izin '{scope}'. Gunakan token dengan cakupan tersebut."
UNKNOWN_SCOPE = "Cakupan token '{scope}' tidak dikenal. Pilih: {choices}."


def validate_scopes(scopes: list[str]) -> list[str]:
    """The scopes to store on a new token; raises ValueError on a name we do not know."""
    for scope in scopes:
        if scope not in SCOPES:
            raise ValueError(UNKNOWN_SCOPE.format(scope=scope, choices=", ".join(SCOPES)))
    return sorted(set(scopes))


def token_allows(token, scope: str) -> bool:
    granted = set(getattr(token, "scopes", None) or [])
    if not granted:
        return True
    if scope in granted:
        return True
    resource, _, action = scope.partition(":")
    return action == "read" and f"{resource}:write" in granted
