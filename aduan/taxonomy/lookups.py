"""The taxonomy as intake reads it on every request: from memory (aduan/memo.py), not the database."""

from aduan.memo import memoized
from aduan.taxonomy.models import CategoryType, DeadlinePolicy, Program, Severity, Topic


@memoized(models=[Program, DeadlinePolicy])
def active_programs() -> dict[str, Program]:
    """The active programs by code (in their order), each with its deadline policy."""
    return {p.code: p for p in Program.objects.filter(is_active=True).select_related("policy")}


@memoized(models=[CategoryType])
def category_types() -> dict[str, CategoryType]:
    return {c.code: c for c in CategoryType.objects.all()}


@memoized(models=[Topic])
def topics() -> dict[tuple[int, str], Topic]:
    """Topics by (program id, code)."""
    return {(t.program_id, t.code): t for t in Topic.objects.prefetch_related("category_types")}


def default_severity(category_type: CategoryType | None, topic: Topic | None) -> str:
    """The severity a complaint has unless someone says otherwise (SPEC R12): the topic's own when
    it is a keluhan (membership, pungli: berat), else the category type's, else sedang."""
    if topic is not None and topic.severity and (category_type is None or category_type.code == "keluhan"):
        return topic.severity
    if category_type is not None:
        return category_type.default_severity
    return Severity.SEDANG
