"""Refuse NUL characters before they reach the database.

PostgreSQL text cannot hold U+0000: a query or a write carrying one fails with DataError (a 500)
and aborts the transaction around it. Django's forms refuse NUL on their own
(ProhibitNullCharactersValidator); the JSON API and Open311 have no forms, so this middleware
guards /api/ and /open311/: the path, the query string, form fields and every string (keys too) of a JSON body.
Uploaded files are binary and are not inspected.
"""

import json

from django.http import JsonResponse

NUL = "\x00"
PREFIXES = ("/api/", "/open311/")
CONTAINS_NUL = "Permintaan mengandung karakter NUL (U+0000), yang tidak dapat disimpan."


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def request_has_nul(request) -> bool:
    if NUL in request.path or _has_nul(dict(request.GET.lists())):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    if request.content_type == "application/json":
        try:
            return _has_nul(json.loads(request.body or b"null"))
        except (ValueError, UnicodeDecodeError):
            return False  # not JSON: the API answers that itself
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _has_nul(dict(request.POST.lists()))
    return False


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PREFIXES) and request_has_nul(request):
            if request.path.startswith("/open311/"):
                from aduan.intake.open311 import render

                return render.error(render.XML if request.path.endswith(".xml") else render.JSON, 400, CONTAINS_NUL)
            return JsonResponse({"code": "invalid", "message": CONTAINS_NUL, "field": None}, status=400)
        return self.get_response(request)
