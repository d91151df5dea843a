"""Errors as {"code", "message", "field"}: machine-readable code, Indonesian message."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, ValidationError

from aduan.core.errors import ActionError

NOT_FOUND = "Pengaduan tidak ditemukan."
UNAUTHORIZED = "Token tidak valid atau tidak ada. Kirim header 'Authorization: Bearer <token>'."
FORBIDDEN = "Anda tidak berwenang melakukan tindakan ini."


class Error(Schema):
    code: str
    message: str
    field: str | None = None


class Forbidden(Exception):
    pass


class ApiError(Exception):
    """A refusal that carries its own HTTP status and machine-readable code (e.g. insufficient_scope)."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None,
                 field: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.code
        self.status = status or self.status
        self.field = field
        self.headers = headers or {}


# ActionError codes that are not a plain 400.
ACTION_ERROR_STATUS = {"forbidden": 403, "illegal_transition": 409, "conflict": 409, "too_large": 413,
                       "unsupported_media_type": 415, "registry_busy": 503}
RETRY_AFTER = {"registry_busy": "60"}  # seconds: a large registry import finishes within minutes


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ActionError)
    def action_error(request, exc: ActionError):
        status = ACTION_ERROR_STATUS.get(exc.code, 400)
        response = api.create_response(request, {"code": exc.code, "message": exc.message, "field": exc.field},
                                       status=status)
        if exc.code in RETRY_AFTER:
            response["Retry-After"] = RETRY_AFTER[exc.code]
        return response

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        first = exc.errors[0] if exc.errors else {}
        location = [str(part) for part in first.get("loc", []) if part not in ("body", "payload", "query", "path")]
        field = ".".join(location) or None
        message = f"Isian '{field}' tidak valid: {first.get('msg', '')}" if field else "Permintaan tidak valid."
        return api.create_response(
            request, {"code": "invalid", "message": message, "field": field, "errors": exc.errors}, status=422,
        )

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        return api.create_response(request, {"code": "unauthorized", "message": UNAUTHORIZED}, status=401)

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        response = api.create_response(
            request, {"code": exc.code, "message": exc.message, "field": exc.field}, status=exc.status,
        )
        for name, value in exc.headers.items():
            response[name] = value
        return response

    @api.exception_handler(Forbidden)
    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(request, {"code": "forbidden", "message": str(exc) or FORBIDDEN}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"code": "not_found", "message": str(exc) or NOT_FOUND}, status=404)
