"""The benchmark's sections; each yields printable lines `name: value`."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from aduan.accounts.models import ApiToken
from aduan.core.enums import Status
from aduan.core.models import Complaint
from aduan.organisation.models import Membership, Role, Unit
from aduan.regions.models import Region
from aduan.taxonomy.models import DeadlinePolicy, Program

BATCH = 5000


@dataclass
class World:
    n: int
    unit: Unit
    user: object
    token: str


def prepare(n: int) -> World:
    call_command("migrate", verbosity=0)
    call_command("load_regions")
    call_command("seed_taxonomy")
    call_command("seed_units")
    user, _ = get_user_model().objects.get_or_create(username="bench")
    unit = Unit.objects.get(code="dinsos-35-06")
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.ADMINISTRATOR)
    _, token = ApiToken.issue(user, "bench")
    seed_complaints(n)
    return World(n=n, unit=unit, user=user, token=token)


def seed_complaints(n: int) -> None:
    """Rows written in bulk, not through the actions: the benchmark measures reads and one write,
    and filing N complaints one by one would take longer than the figures are worth."""
    have = Complaint.objects.count()
    if have >= n:
        return
    rng = random.Random(n)
    units = list(Unit.objects.filter(kind="dinsos_kabkota").values_list("id", "region_id"))
    villages_by_district: dict[str, list[str]] = {}
    for code in Region.objects.filter(level=4).values_list("code", flat=True).iterator(chunk_size=20000):
        villages_by_district.setdefault(code[:5], []).append(code)
    programs = list(Program.objects.all())
    policy = DeadlinePolicy.objects.get(slug="kemendagri-2018")
    national = Unit.objects.get(code="admin-utama")
    now = timezone.now()
    statuses = [Status.BELUM] * 3 + [Status.PROSES] * 3 + [Status.SELESAI] * 14
    seq = have
    while seq < n:
        rows = []
        for _ in range(min(BATCH, n - seq)):
            seq += 1
            unit_id, district = rng.choice(units)
            village = rng.choice(villages_by_district.get(district) or [district])
            received = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 3))
            status = rng.choice(statuses)
            rows.append(Complaint(
                tracking_number=f"B{seq:09d}"[:5] + "-" + f"B{seq:09d}"[5:],
                receiving_unit=national, register_year=received.year, register_seq=seq,
                handling_unit_id=unit_id, channel="sms", program=rng.choice(programs), severity="sedang",
                policy=policy, region_id=village if len(village) > 5 else None, text="Saldo KKS belum masuk.",
                received_at=received, due_at=received + timedelta(days=20), status=status,
                closed_at=received + timedelta(days=15) if status == Status.SELESAI else None,
            ))
        Complaint.objects.bulk_create(rows, batch_size=BATCH)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE core_complaint")


def core(world: World):
    from bench.__main__ import timed

    client = Client(HTTP_AUTHORIZATION=f"Bearer {world.token}")
    payload = {"program": "bpnt", "channel": "tatap_muka", "text": "Kartu KKS hilang.",
               "location_code": "35.06.10.2005", "reporter": {"name": "Siti", "phone": "081234567890"}}

    def file_one():
        response = client.post("/api/v1/complaints", payload, content_type="application/json")
        assert response.status_code == 201, response.content

    median, p95 = timed(file_one, 200)
    yield f"api_file_one_complaint_ms: median {median:.1f}, p95 {p95:.1f}"

    def open_queue():
        page = list(
            Complaint.objects.filter(handling_unit=world.unit, status__in=[Status.BELUM, Status.PROSES])
            .select_related("program", "region", "handling_unit").order_by("due_at")[:25]
        )
        assert page

    median, p95 = timed(open_queue, 200)
    open_count = Complaint.objects.filter(handling_unit=world.unit, status__in=[Status.BELUM, Status.PROSES]).count()
    yield f"unit_open_queue_first_page_ms: median {median:.2f}, p95 {p95:.2f} ({open_count:,} open in the unit)"


SECTIONS = [("core", core)]
