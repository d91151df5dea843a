"""The benchmark's sections; each yields printable lines `name: value`."""

import contextlib
import logging
import os
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
from bench.registry import registry

BATCH = 5000


@dataclass
class World:
    n: int
    unit: Unit
    user: object
    token: str
    national_user: object
    national_token: str


def prepare(n: int) -> World:
    call_command("migrate", verbosity=0)
    call_command("load_regions")
    call_command("seed_taxonomy")
    call_command("seed_units")
    user, _ = get_user_model().objects.get_or_create(username="bench")
    unit = Unit.objects.get(code="dinsos-35-06")
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.ADMINISTRATOR)
    _, token = ApiToken.issue(user, "bench")
    national, _ = get_user_model().objects.get_or_create(username="bench-national")
    Membership.objects.get_or_create(user=national, unit=Unit.objects.get(code="admin-utama"), role=Role.ADMINISTRATOR)
    _, national_token = ApiToken.issue(national, "bench")
    seed_complaints(n)
    return World(n=n, unit=unit, user=user, token=token, national_user=national, national_token=national_token)


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
    sync_register_counters()
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
    file_one()
    with counting_queries() as statements:
        file_one()
    yield f"api_file_one_complaint_ms: median {median:.1f}, p95 {p95:.1f} ({len(statements)} statements)"

    yield from _public_form(timed)

    def open_queue():
        page = list(
            Complaint.objects.filter(handling_unit=world.unit, status__in=[Status.BELUM, Status.PROSES])
            .select_related("program", "region", "handling_unit").order_by("due_at")[:25]
        )
        assert page

    median, p95 = timed(open_queue, 200)
    open_count = Complaint.objects.filter(handling_unit=world.unit, status__in=[Status.BELUM, Status.PROSES]).count()
    yield f"unit_open_queue_first_page_ms: median {median:.2f}, p95 {p95:.2f} ({open_count:,} open in the unit)"


def sms_samples(count: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(province, kab/kota, kecamatan, desa) as citizens type them: "Kabupaten" left out, case varied."""
    names = dict(Region.objects.filter(level__lte=3).values_list("code", "name"))
    villages = list(Region.objects.filter(level=4).values_list("code", "name")[:: max(1, 83762 // (count * 4))])
    samples = []
    for code, desa in rng.sample(villages, min(count, len(villages))):
        province, regency, district = (names[code[:2]], names[code[:5]], names[code[:8]])
        regency = regency.removeprefix("Kabupaten ")
        samples.append(tuple(rng.choice([n, n.upper(), n.lower()]) for n in (province, regency, district, desa)))
    return samples


def sync_register_counters() -> None:
    """Bulk-seeded rows number the national register without its counter: advance it past them."""
    from django.db.models import Max

    from aduan.core.models import RegisterCounter

    national = Unit.objects.get(code="admin-utama")
    taken = Complaint.objects.filter(receiving_unit=national).values("register_year").annotate(last=Max("register_seq"))
    for row in taken:
        counter, _ = RegisterCounter.objects.get_or_create(unit=national, year=row["register_year"])
        if counter.last < row["last"]:
            RegisterCounter.objects.filter(pk=counter.pk).update(last=row["last"])


def sms(world: World):
    """SMS intake end to end: parse, resolve, file, reply — through the pipeline and through /sms/kannel/."""
    import base64
    import time
    import uuid

    from django.test import override_settings

    from aduan.intake.sms.pipeline import handle_inbound_sms
    from aduan.regions.resolver import get_resolver, reset_resolver

    logging.getLogger("aduan.intake.sms.pipeline").setLevel(logging.WARNING)  # one INFO line per SMS
    rng = random.Random(1708)
    reset_resolver()
    started = time.perf_counter()
    resolver = get_resolver()
    yield f"sms_resolver_build_s: {time.perf_counter() - started:.1f} (from the Region table)"

    samples = sms_samples(500, rng)
    started = time.perf_counter()
    resolutions = [resolver.resolve(parts) for parts in samples * 4]
    elapsed = time.perf_counter() - started
    to_desa = sum(r.level == 4 and not r.needs_review for r in resolutions) / len(resolutions)
    yield f"sms_resolutions_per_s: {len(resolutions) / elapsed:,.0f} ({to_desa:.0%} to a desa without review)"

    def texts(count):
        for i in range(count):
            parts = samples[i % len(samples)]
            yield f"NT #{'#'.join(parts)}#No.KKS 3235{i:012d} Saldo belum masuk dua bulan, e-Warong tutup"

    run_id = uuid.uuid4().hex[:8]
    count = 300
    started = time.perf_counter()
    for i, text in enumerate(texts(count)):
        outcome = handle_inbound_sms(gateway="bench", message_id=f"{run_id}-{i}", sender=f"0812{i:08d}", text=text)
        assert outcome.tracking_number, outcome.reply
    elapsed = time.perf_counter() - started
    yield f"sms_pipeline_messages_per_s: {count / elapsed:.0f} ({elapsed / count * 1000:.1f} ms each, {count} filed)"

    started = time.perf_counter()
    for i in range(count):
        handle_inbound_sms(gateway="bench", message_id=f"{run_id}-{i}", sender=f"0812{i:08d}", text="")
    elapsed = time.perf_counter() - started
    yield f"sms_gateway_retries_per_s: {count / elapsed:.0f} (same message id: answered from the stored reply)"

    auth = "Basic " + base64.b64encode(b"kannel:bench-pass").decode()
    client = Client(HTTP_AUTHORIZATION=auth)
    with override_settings(ADUAN_SMS_GATEWAYS="kannel:kannel:bench-pass"):
        started = time.perf_counter()
        for i, text in enumerate(texts(count)):
            response = client.post(f"/sms/kannel/?id={run_id}-http-{i}&from=%2B62813{i:08d}&to=1708&coding=0",
                                   data=text.encode(), content_type="text/plain; charset=UTF-8")
            assert response.status_code == 200, response.content
        elapsed = time.perf_counter() - started
    yield f"sms_kannel_endpoint_messages_per_s: {count / elapsed:.0f} ({elapsed / count * 1000:.1f} ms each, HTTP in-process)"


def _public_form(timed):
    """The citizen's form at /lapor/: the same filing, plus the form's checks, its throttle (the
    database cache) and the receipt page rendered."""
    import os
    import secrets
    import time

    from django.core import signing

    from aduan.web import public_forms

    def form():
        # A form opened a minute ago (the "too fast" check), from an address of its own (the throttle).
        token = signing.dumps({"n": secrets.token_urlsafe(12), "t": int(time.time()) - 60}, salt=public_forms._TOKEN_SALT)
        return {"token": token, "kirim": "1", "program": "bpnt", "text": "Saldo KKS saya belum masuk dua bulan.",
                "provinsi": "35", "kabupaten": "35.06", "kecamatan": "35.06.10", "desa": "35.06.10.2005",
                "location_text": "", "happened_on": "", "identity": "biasa", "name": "Siti Aminah",
                "phone": "0812-3456-7890", "email": "", "nik": "", "kks": "", "website": ""}

    client = Client()  # one handler, as a server process has (a new Client loads the middleware again)

    def file_one():
        address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
        response = client.post("/lapor/", form(), REMOTE_ADDR=address)
        assert response.status_code == 200 and b"tracking-number" in response.content, response.content[:300]

    median, p95 = timed(file_one, 200)
    with counting_queries() as statements:
        file_one()
    if os.environ.get("BENCH_SHOW_STATEMENTS"):
        yield "\n".join(f"#   {sql[:140]}" for sql in statements)
    yield (f"web_form_file_one_complaint_ms: median {median:.1f}, p95 {p95:.1f} "
           f"(POST /lapor/ and its receipt page, {len(statements)} statements)")


@contextlib.contextmanager
def counting_queries():
    """The statements the block sent to the database (a request resets Django's own query log)."""
    sent = []

    def count(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield sent


def queue(world: World):
    """The officer's queue page and the API list, first page, for a district officer and for the
    national coordinator who sees every complaint."""
    from bench.__main__ import timed

    for who, user, token in (("district", world.user, world.token),
                             ("national", world.national_user, world.national_token)):
        page_client = Client()
        page_client.force_login(user)

        def queue_page():
            response = page_client.get("/petugas/")
            assert response.status_code == 200

        queue_page()
        with counting_queries() as queries:
            queue_page()
        median, p95 = timed(queue_page, 50)
        yield (f"queue_page_{who}_ms: median {median:.1f}, p95 {p95:.1f} "
               f"(/petugas/, 25 rows, counts by status, {len(queries)} queries)")

        api_client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

        def api_list():
            response = api_client.get("/api/v1/complaints?limit=25")
            assert response.status_code == 200, response.content

        api_list()
        with counting_queries() as queries:
            api_list()
        median, p95 = timed(api_list, 50)
        yield f"api_list_{who}_ms: median {median:.1f}, p95 {p95:.1f} (/api/v1/complaints?limit=25, {len(queries)} queries)"


def sms_kannel(world: World):
    """SMS through a real Kannel: the app against the same Kannel answering from a bare stub and
    from bare Django storing each SMS with one INSERT, interleaved rounds (bench/sms_load.py)."""
    import os
    import statistics
    import tempfile
    from pathlib import Path

    from bench.sms_load import django_floor, run_load, stub_ceiling
    from tests.support.kannel import SKIP_REASON, kannel_installed

    if not kannel_installed():
        yield f"# sms_kannel skipped: {SKIP_REASON}"
        return
    count = int(os.environ.get("BENCH_SMS_N", "3000"))
    database_url = os.environ["DATABASE_URL"]
    app_rates, stub_rates, floor_rates, peaks = [], [], [], []
    for round_ in range(int(os.environ.get("BENCH_SMS_ROUNDS", "3"))):
        with tempfile.TemporaryDirectory(prefix="aduan-sms-bench-") as work:
            stub = stub_ceiling(Path(work), count)
            floor = django_floor(database_url=database_url, work=Path(work) / "floor", count=count)
            app = run_load(database_url=database_url, work=Path(work), count=count, faults=False)
        assert app.lost == 0 and app.duplicates == 0, app.line()
        stub_rates.append(stub.rate)
        floor_rates.append(floor.rate)
        app_rates.append(app.rate)
        peaks.append(app.worker_peak_mb)
        yield (f"# sms_kannel round {round_ + 1}: stub {stub.rate:.0f}/s, bare Django {floor.rate:.0f}/s, "
               f"app {app.rate:.0f}/s ({app.line()})")
    app_rate, stub_rate = statistics.median(app_rates), statistics.median(stub_rates)
    floor_rate = statistics.median(floor_rates)
    yield (f"sms_kannel_per_s: app {app_rate:.1f}, bare stub {stub_rate:.1f}, ratio {app_rate / stub_rate:.1%}; "
           f"bare Django with one INSERT {floor_rate:.1f} ({floor_rate / stub_rate:.1%} of the stub) "
           f"({count:,} SMS a round, every one stored and answered; app worker peak {max(peaks):.0f} MB)")


def triage(world: World):
    """Issue 10: triage of one text (≤ 5 ms) and its accuracy on the held-out part of the corpus."""
    from aduan.triage import training
    from aduan.triage.model import shipped
    from aduan.triage.suggestions import suggest
    from bench.__main__ import timed

    examples = training.read_corpus()
    texts = iter(examples * 20)

    def one():
        example = next(texts)
        suggest(example.text, example.program)

    median, p95 = timed(one, len(examples) * 10)
    yield f"triage_one_text_ms: median {median:.3f}, p95 {p95:.3f} (over the {len(examples)} corpus messages)"
    for program_given in (True, False):
        f = training.evaluate(shipped(), examples, program_given=program_given)
        label = "with_program" if program_given else "text_only"
        yield (f"triage_held_out_{label}: topic right {f['topic_right']:.1%}, wrong and confident "
               f"{f['wrong_and_confident']:.1%}, answered {f['answered']:.1%}, right when answered "
               f"{f['right_when_answered']:.1%}, kind right {f['kind_right']:.1%} ({f['held_out']} messages)")


def hotspots(world: World):
    """Issue 10: the hotspot page's one grouped query, for the national coordinator (every complaint)
    and a district, over the last 30 and 365 days. The seeded rows get a topic first (one of their
    program's seven, by id), since bulk seeding leaves them unclassified."""
    from aduan.core import clusters
    from aduan.core.access import complaints_visible_to
    from bench.__main__ import timed

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_complaint SET topic_id = (SELECT t.id FROM taxonomy_topic t WHERE t.program_id ="
            " core_complaint.program_id AND t.number = 1 + core_complaint.id % 7) WHERE topic_id IS NULL")
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE core_complaint")
    for who, user in (("national", world.national_user), ("district", world.user)):
        for days in (30, 365):
            complaints = complaints_visible_to(user)
            found = clusters.hotspots(complaints, days=days)[0]
            median, p95 = timed(lambda: clusters.hotspots(complaints_visible_to(user), days=days), 10)
            yield f"hotspots_{who}_{days}d_ms: median {median:.0f}, p95 {p95:.0f} ({len(found):,} clusters)"




def _report_data() -> None:
    """The bulk-seeded rows made reportable: a topic (as for the hotspots), the first and last
    answer five days after receipt for what is answered, and `updated_at` at the last change, as
    the actions leave them (the status at a month's end is read from the row unless it changed since)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_complaint SET topic_id = (SELECT t.id FROM taxonomy_topic t WHERE t.program_id ="
            " core_complaint.program_id AND t.number = 1 + core_complaint.id % 7) WHERE topic_id IS NULL")
        # As the sweep leaves them: all but 3 % of what is older than 90 days is closed (the seed's
        # statuses ignore age, which would leave a third of a three-year-old backlog open).
        cursor.execute(
            "UPDATE core_complaint SET status = 'selesai', closed_at = received_at + interval '15 days'"
            " WHERE status <> 'selesai' AND received_at < now() - interval '90 days' AND id % 100 >= 3")
        cursor.execute(
            "UPDATE core_complaint SET followed_up_at = received_at + interval '5 days',"
            " first_answered_at = received_at + interval '5 days' WHERE status <> 'belum' AND first_answered_at IS NULL")
        cursor.execute("UPDATE core_complaint SET updated_at = COALESCE(closed_at, first_answered_at, received_at)")
        # What autovacuum does in its own time: the visibility map that lets an index answer alone.
        cursor.execute("VACUUM ANALYZE core_complaint")


def _grow_to(total: int) -> None:
    """More complaints by copying the seeded ones in SQL, each copy a year earlier than the last
    (10,000,000 from 1,000,000 spans twelve years, about a million a year)."""
    have = Complaint.objects.count()
    if have >= total:
        return
    fields = [f.column for f in Complaint._meta.concrete_fields if f.column != "id"]
    overrides = {
        "tracking_number": "substr(z, 1, 5) || '-' || substr(z, 6, 5)",
        "register_seq": f"{have} + g",
        "register_year": "extract(year FROM b.received_at - make_interval(years => ((g - 1) / {n} + 1)::int))::int",
        "external_id": "NULL",
        "received_at": "b.received_at - make_interval(years => ((g - 1) / {n} + 1)::int)",
    }
    for shifted in ("due_at", "followed_up_at", "first_answered_at", "closure_due_at", "closed_at", "updated_at",
                    "created_at"):
        overrides[shifted] = f"b.{shifted} - make_interval(years => ((g - 1) / {{n}} + 1)::int)"
    select = ", ".join(overrides.get(c, f"b.{c}").format(n=have) for c in fields)
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        step = 1_000_000
        for start in range(1, total - have + 1, step):
            stop = min(start + step - 1, total - have)
            cursor.execute(
                f"INSERT INTO core_complaint ({', '.join(fields)}) SELECT {select} FROM generate_series(%s::bigint, %s::bigint) g"
                f" CROSS JOIN LATERAL (SELECT 'Z' || lpad(g::text, 9, '0') AS z) t"
                f" JOIN core_complaint b ON b.id = (SELECT min(id) FROM core_complaint) + (g - 1) %% {have}",
                [start, stop])
            print(f"# grown to {have + stop:,}", flush=True)
        cursor.execute("VACUUM ANALYZE core_complaint")


def reports(world: World):
    """Issue 12: the monthly report over BENCH_N complaints and the annual one, for the country and
    a district; with BENCH_REPORTS_N (e.g. 10000000) the table first grows to that size in SQL."""
    from aduan.reports import figures
    from bench.__main__ import timed

    if connection.vendor != "postgresql":
        yield "reports: PostgreSQL only (the SQL that grows the table)"
        return
    _report_data()
    national = Unit.objects.get(code="admin-utama")
    today = timezone.localdate()
    month = today.replace(day=1) - timedelta(days=1)
    year = today.year - 1
    sizes = [Complaint.objects.count()] + [int(n) for n in [os.environ.get("BENCH_REPORTS_N", "0")] if int(n)]
    for size in sizes:
        _grow_to(size)
        for who, unit in (("national", national), ("district", world.unit)):
            report = figures.monthly(unit, month.year, month.month)
            median, p95 = timed(lambda: figures.monthly(unit, month.year, month.month), 5)
            yield (f"report_monthly_{who}_ms: median {median:.0f}, p95 {p95:.0f} ({report['received']:,} received in "
                   f"{month:%Y-%m}, {size:,} complaints)")
            report = figures.annual(unit, year)
            median, p95 = timed(lambda: figures.annual(unit, year), 3)
            yield (f"report_annual_{who}_ms: median {median:.0f}, p95 {p95:.0f} ({report['received']:,} received in "
                   f"{year}, {size:,} complaints)")


SECTIONS = [("core", core), ("queue", queue), ("sms", sms), ("sms_kannel", sms_kannel), ("triage", triage),
            ("hotspots", hotspots), ("reports", reports), ("registry", registry)]
