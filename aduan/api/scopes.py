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

from aduan.accounts.scopes import (  # noqa: F401 -- the API's views name scopes from here
    COMPLAINTS_READ,
    COMPLAINTS_WRITE,
    HANDLING_WRITE,
    INSUFFICIENT_SCOPE,
    SCOPES,
    token_allows,
    validate_scopes,
)
from aduan.api.errors import ApiError


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
