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
TOO_DEEP = "Isi JSON bersarang terlalu dalam (paling banyak {depth} tingkat)."
# No document of ours nests deeper than 4; the walk below stops long before Python's stack does.
MAX_DEPTH = 20


class TooDeep(ValueError):
    pass


def _has_nul(value) -> bool:
    """Walked with an explicit stack: a body nested thousands deep is refused, never a RecursionError."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
            continue
        if depth >= MAX_DEPTH and isinstance(item, (dict, list)):
            raise TooDeep(TOO_DEEP.format(depth=MAX_DEPTH))
        if isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def request_problem(request) -> str | None:
    """Why this request cannot be let through, in the caller's words, or None."""
    try:
        return CONTAINS_NUL if _request_has_nul(request) else None
    except TooDeep as error:
        return str(error)


def _request_has_nul(request) -> bool:
    if NUL in request.path or _has_nul(dict(request.GET.lists())):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"null")
        except RecursionError:
            raise TooDeep(TOO_DEEP.format(depth=MAX_DEPTH)) from None
        except (ValueError, UnicodeDecodeError):
            return False  # not JSON: the API answers that itself
        return _has_nul(body)
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _has_nul(dict(request.POST.lists()))
    return False


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = request_problem(request) if request.path.startswith(PREFIXES) else None
        if problem:
            if request.path.startswith("/open311/"):
                from aduan.intake.open311 import render

                return render.error(render.XML if request.path.endswith(".xml") else render.JSON, 400, problem)
            return JsonResponse({"code": "invalid", "message": problem, "field": None}, status=400)
        return self.get_response(request)
