"""The taxonomy integrations need to file a complaint: programs, their topics, the category types."""

from ninja import Router, Schema

from aduan.api.errors import ApiError, Error
from aduan.taxonomy.models import CategoryType, Program, Topic

router = Router(tags=["taxonomy"])

UNKNOWN_PROGRAM = "Program '{value}' tidak dikenal."


class ProgramOut(Schema):
    code: str
    name: str
    sms_keyword: str
    policy: str | None


class CategoryTypeOut(Schema):
    code: str
    name: str
    default_severity: str


class TopicOut(Schema):
    code: str
    program: str
    number: int
    name: str
    authority: str
    severity: str | None
    category_types: list[str]


@router.get("/programs", response=list[ProgramOut], auth=None)
def list_programs(request):
    """Active programs; `code` is what a complaint's `program` takes."""
    return [
        {"code": p.code, "name": p.name, "sms_keyword": p.sms_keyword, "policy": p.policy.slug if p.policy_id else None}
        for p in Program.objects.filter(is_active=True).select_related("policy")
    ]


@router.get("/topics", response={200: list[TopicOut], 404: Error}, auth=None)
def list_topics(request, program: str | None = None):
    """Active topics (SPEC R9–R11), of one program when `program` is given."""
    topics = Topic.objects.filter(is_active=True, program__is_active=True)
    if program:
        if not Program.objects.filter(code=program, is_active=True).exists():
            raise ApiError(UNKNOWN_PROGRAM.format(value=program[:40]), status=404, code="not_found", field="program")
        topics = topics.filter(program__code=program)
    topics = topics.select_related("program").prefetch_related("category_types")
    return [
        {"code": t.code, "program": t.program.code, "number": t.number, "name": t.name, "authority": t.authority,
         "severity": t.severity or None, "category_types": [c.code for c in t.category_types.all()]}
        for t in topics
    ]


@router.get("/category-types", response=list[CategoryTypeOut], auth=None)
def list_category_types(request):
    return [{"code": c.code, "name": c.name, "default_severity": c.default_severity} for c in CategoryType.objects.all()]
