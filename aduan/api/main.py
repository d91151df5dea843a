from ninja import NinjaAPI

from aduan.api import (
    attachments,
    casework,
    complaints,
    errors,
    handling,
    letters,
    meetings,
    monitoring,
    regions,
    registry,
    reports,
    taxonomy,
    triage,
)
from aduan.api.auth import BearerToken

api = NinjaAPI(
    title="Aduan Bansos API",
    version="1",
    description="Pengaduan bantuan sosial (BPNT/Sembako, Bansos Rastra, PKH). Token: `aduan token USERNAME`.",
    auth=BearerToken(),
    urls_namespace="api",
)
errors.install(api)
api.add_router("", complaints.router)
api.add_router("", regions.router)
api.add_router("", attachments.router)
api.add_router("", taxonomy.router)
api.add_router("", handling.router)
api.add_router("", casework.router)
api.add_router("", triage.router)
api.add_router("", reports.router)
api.add_router("", registry.router)
api.add_router("", letters.router)
api.add_router("", monitoring.router)
api.add_router("", meetings.router)
