"""Responses in the two formats of GeoReport v2: JSON, and XML with the standard's element names."""

import re
from datetime import datetime
from xml.etree import ElementTree

from django.http import HttpResponse, JsonResponse

JSON = "json"
XML = "xml"
# XML names the items of each list after the list: <services><service>…</service></services>.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
# Characters XML 1.0 cannot carry at all; a complaint typed on a phone may contain them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    return NOT_XML.sub("", str(value))


def _element(tag: str, value) -> ElementTree.Element:
    element = ElementTree.Element(tag)
    if isinstance(value, dict):
        for key, child in value.items():
            element.append(_element(key, child))
    elif isinstance(value, list):
        item_tag = ITEM_TAGS[tag]
        for child in value:
            element.append(_element(item_tag, child))
    elif value is not None:
        element.text = _text(value)
    return element


def to_xml(root: str, value) -> bytes:
    return ElementTree.tostring(_element(root, value), encoding="utf-8", xml_declaration=True)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def respond(fmt: str, root: str, value, *, status: int = 200) -> HttpResponse:
    """`root` is the XML document element (`services`, `service_requests`…); JSON has no root."""
    if fmt == XML:
        return HttpResponse(to_xml(root, value), content_type="text/xml; charset=utf-8", status=status)
    return JsonResponse(_jsonable(value), safe=False, status=status, json_dumps_params={"ensure_ascii": False})


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return respond(fmt, "errors", [{"code": status, "description": description}], status=status)
