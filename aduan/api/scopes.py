"""Token scopes: what one token may do, on top of what its user's roles allow.

A token with no scopes may do everything its user may (an officer's own token). An integration's
token names its scopes, e.g. ["complaints:write"] for a gateway that only files complaints; outside
them the API answers 403 with the code `insufficient_scope`. `X:write` includes `X:read`.

Use it on a view, below the router's decorator:

    @router.post("/complaints/{tracking_number}/follow-ups", ...)
    @require_scope(scopes.HANDLING_WRITE)
    def follow_up(request, ...): ...

or call `check_scope(request, scopes.HANDLING_WRITE)` inside a view.
"""

import functools

from aduan.api.errors import ApiError

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


class InsufficientScope(ApiError):
    status = 403
    code = "insufficient_scope"

    def __init__(self, scope: str):
        # RFC 6750 §3.1: tell the client which scope was missing.
        super().__init__(
            INSUFFICIENT_SCOPE.format(scope=scope),
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )
        self.scope = scope


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


def check_scope(request, scope: str) -> None:
    """Raise InsufficientScope unless the request's token covers `scope` (no token: nothing to narrow)."""
    token = getattr(request, "api_token", None)
    if token is not None and not token_allows(token, scope):
        raise InsufficientScope(scope)


def require_scope(scope: str):
    """Decorate a view so that it runs only for tokens that cover `scope`."""

    def decorate(view):
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            check_scope(request, scope)
            return view(request, *args, **kwargs)

        guarded.required_scope = scope
        guarded.__doc__ = f"{(view.__doc__ or '').rstrip()}\n\nCakupan token: `{scope}`.".lstrip()
        return guarded

    return decorate
