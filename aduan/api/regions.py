from ninja import Router, Schema

from aduan.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    parent: str | None
    time_zone: str


class ResolutionOut(Schema):
    query: str
    code: str | None
    level: int
    confidence: float
    needs_review: bool
    names: list[str]
    problem: str | None
    candidates: list[str]


def region_dict(region: Region) -> dict:
    return {"code": region.code, "name": region.name, "level": region.level, "kind": region.kind,
            "parent": region.parent_id, "time_zone": region.timezone}


@router.get("/regions/resolve", response=ResolutionOut, auth=None)
def resolve_region(request, q: str):
    """Resolve 'Provinsi#Kabupaten/Kota#Kecamatan#Desa' as an officer would read it."""
    from aduan.regions.resolver import get_resolver

    resolution = get_resolver().resolve_text(q)
    return {"query": q, "code": resolution.code, "level": resolution.level, "confidence": resolution.confidence,
            "needs_review": resolution.needs_review, "names": list(resolution.names), "problem": resolution.problem,
            "candidates": list(resolution.candidates)}


@router.get("/regions", response=list[RegionOut], auth=None)
def list_regions(request, parent: str | None = None, q: str | None = None):
    """The children of `parent` (the 38 provinces without it); `q` filters by name."""
    regions = Region.objects.filter(parent_id=parent) if parent else Region.objects.filter(level=1)
    if q:
        regions = regions.filter(name__icontains=q.strip())
    return [region_dict(r) for r in regions[:500]]
