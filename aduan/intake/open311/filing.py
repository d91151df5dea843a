"""POST /requests: an Open311 client files a complaint through the one receive action (channel "api")."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from aduan.accounts.models import ApiToken
from aduan.accounts.scopes import COMPLAINTS_WRITE, INSUFFICIENT_SCOPE, token_allows
from aduan.core.access import Ability, filing_unit, may_file
from aduan.core.access.abilities import REFUSALS
from aduan.core.actions import ReceiveResult, complaint_receive
from aduan.core.enums import Channel
from aduan.core.errors import UNKNOWN_REGION
from aduan.core.intake import IntakeMessage, Reporter
from aduan.intake.open311.services import find_service
from aduan.regions.models import Region

INVALID_KEY = "api_key tidak valid. Minta token dengan `aduan token USERNAME`."
MISSING = "{field} wajib diisi."
UNKNOWN_SERVICE = "service_code '{value}' tidak dikenal; lihat services.json."
NO_LOCATION = "Lokasi wajib: attribute[location_code], address_id, address_string, atau lat dan long."
BAD_COORDINATES = "lat dan long harus angka WGS84 (lat -90..90, long -180..180)."
BAD_EMAIL = "Alamat email tidak valid."
TOO_LONG = "{field} terlalu panjang (paling banyak {limit} karakter)."
TEXT_LIMIT = 10000


class FilingError(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


def authenticate(api_key: str | None) -> ApiToken:
    token = ApiToken.objects.authenticate((api_key or "").strip()) if api_key else None
    if token is None:
        raise FilingError(403, INVALID_KEY)
    if not token_allows(token, COMPLAINTS_WRITE):
        raise FilingError(403, INSUFFICIENT_SCOPE.format(scope=COMPLAINTS_WRITE))
    return token


def _attribute(params, code: str) -> str:
    return (params.get(f"attribute[{code}]") or "").strip()


def _limited(params, field: str, limit: int) -> str:
    value = (params.get(field) or "").strip()
    if len(value) > limit:
        raise FilingError(400, TOO_LONG.format(field=field, limit=limit))
    return value


def _coordinates(params) -> str | None:
    lat, long = (params.get("lat") or "").strip(), (params.get("long") or "").strip()
    if not lat and not long:
        return None
    try:
        lat_value, long_value = float(lat), float(long)
    except ValueError:
        raise FilingError(400, BAD_COORDINATES) from None
    if not (-90 <= lat_value <= 90 and -180 <= long_value <= 180):
        raise FilingError(400, BAD_COORDINATES)
    return f"Koordinat {lat_value:.6f}, {long_value:.6f}"


def _resolve_address(address: str) -> tuple[str | None, bool]:
    """'Jl. Mawar 3, Purwodadi, Ringinrejo, Kediri, Jawa Timur' — most specific first, as Open311
    writes addresses — or our SMS form 'Jawa Timur#Kediri#Ringinrejo#Purwodadi'."""
    from aduan.regions.resolver import get_resolver

    parts = address.split("#") if "#" in address else [p.strip() for p in reversed(address.split(",")) if p.strip()]
    resolution = get_resolver().resolve(parts[:4])
    if resolution.code and Region.objects.filter(code=resolution.code).exists():
        return resolution.code, resolution.needs_review
    return None, True


def location(params) -> tuple[str | None, str, bool]:
    """(region code, location text, needs review) from whichever location the client sent."""
    code = _attribute(params, "location_code") or (params.get("address_id") or "").strip()
    address = _limited(params, "address_string", 300)
    coordinates = _coordinates(params)
    text = address or coordinates or ""
    if code:
        if not Region.objects.filter(code=code[:13]).exists():
            raise FilingError(400, UNKNOWN_REGION.format(value=code[:40]))
        return code, text, False
    if address:
        resolved, needs_review = _resolve_address(address)
        return resolved, address, needs_review
    if coordinates:
        # No boundaries to place a point in a desa: an officer sets the region.
        return None, coordinates, True
    raise FilingError(400, NO_LOCATION)


def reporter(params) -> Reporter:
    email = _limited(params, "email", 254)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise FilingError(400, BAD_EMAIL) from None
    name = " ".join(filter(None, [_limited(params, "first_name", 75), _limited(params, "last_name", 75)]))
    return Reporter(
        name=name, email=email, phone=_limited(params, "phone", 20),
        kks=_attribute(params, "kks"), nik=_attribute(params, "nik"),
        confidential=_attribute(params, "confidential").lower() in {"true", "1", "ya"},
    )


def file_request(*, params, token: ApiToken) -> ReceiveResult:
    user = token.user
    if not may_file(user):
        raise FilingError(403, REFUSALS[Ability.FILE])
    code = (params.get("service_code") or "").strip()
    if not code:
        raise FilingError(400, MISSING.format(field="service_code"))
    service = find_service(code)
    if service is None:
        raise FilingError(400, UNKNOWN_SERVICE.format(value=code[:40]))
    text = (params.get("description") or "").strip()
    if not text:
        raise FilingError(400, MISSING.format(field="description"))
    if len(text) > TEXT_LIMIT:
        raise FilingError(400, TOO_LONG.format(field="description", limit=TEXT_LIMIT))
    media_url = _limited(params, "media_url", 500)
    if media_url:
        text = f"{text}\n\nMedia: {media_url}"
    region_code, location_text, needs_review = location(params)
    message = IntakeMessage(
        channel=Channel.API, program=service.program.code, topic=service.topic.code if service.topic else None,
        text=text, reporter=reporter(params), region_code=region_code, location_text=location_text[:300],
        location_needs_review=needs_review, category_type=_attribute(params, "category_type") or None,
        external_id=_idempotency_key(params, user),
    )
    return complaint_receive(message=message, receiving_unit=filing_unit(user), actor=user)


def _idempotency_key(params, user) -> str | None:
    """`attribute[external_id]`: the client's own id for the request. Sent again (a retry after a
    lost answer), it returns the complaint the first POST filed instead of filing a second one."""
    external = _attribute(params, "external_id")[:100]
    return f"open311:{user.pk}:{external}" if external else None
