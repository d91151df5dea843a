"""Request and response rules for every page and API answer.

- Indonesian first: the browser's Accept-Language never switches the language. Many citizens'
  phones are set to English, but the service speaks Indonesian unless the person chooses English
  with the switch in the header (Django's set_language, kept in the language cookie). Placed before
  LocaleMiddleware, it drops the header so only that explicit choice counts.
- No-store: pages and API answers carry personal data; no browser or proxy cache keeps them.
  Static files are answered by WhiteNoise above this one and stay cacheable.
- Bounded requests: a body larger than settings.MAX_REQUEST_BYTES is refused from its declared
  length, before it is read.
- The database away (restarting, failing over): 503 with Retry-After, so Kannel, API clients and
  browsers retry, instead of a 500 with a traceback.
- The content security policy (django-csp), built once per process rather than on every answer.
"""

import logging
from functools import cached_property

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 15


class IgnoreAcceptLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the header built once: our policy uses no nonce and no view
    changes it, so it is the same on every answer, and building it from the settings each time
    cost 0.3 ms of a 7 ms API filing. An answer that does use a nonce or a view's csp_update/
    csp_replace/csp_exempt, and every answer under DEBUG, takes django-csp's own path."""

    PER_VIEW = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro",
                "_csp_exempt", "_csp_exempt_ro")

    @cached_property
    def headers(self) -> dict[str, str]:
        built = {HEADER: build_policy(), HEADER_REPORT_ONLY: build_policy(report_only=True)}
        return {name: value for name, value in built.items() if value}

    def process_response(self, request, response):
        if settings.DEBUG or getattr(request, "_csp_nonce", None) is not None or any(
                hasattr(response, name) for name in self.PER_VIEW):
            return super().process_response(request, response)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cache-Control", "no-store")
        return response


class BoundedRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_REQUEST_BYTES:
            return HttpResponse(_("Kiriman terlalu besar (paling banyak %(mb)d MB).")
                                % {"mb": settings.MAX_REQUEST_BYTES // (1024 * 1024)},
                                status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.warning("database unavailable (%s): answered 503", type(exception).__name__)
        message = _("Layanan sedang sibuk atau dalam pemeliharaan. Coba lagi sebentar lagi.")
        if request.path.startswith(("/api/", "/open311/")):
            response = JsonResponse({"code": "unavailable", "message": message, "field": None}, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
