"""Believable demo data: officers in every kind of unit, and a few hundred complaints across
programs, regions, statuses and ages, filed and handled through the real actions."""

import os
import random
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from aduan.core.actions import complaint_dispose, complaint_follow_up, complaint_rebut, complaint_receive
from aduan.core.actions.lifecycle import complaint_close_expired
from aduan.core.enums import Status
from aduan.core.intake import IntakeMessage, Reporter
from aduan.core.models import Complaint
from aduan.core.numbers import example_nik
from aduan.organisation.models import Membership, Role, Unit
from aduan.regions.models import Region
from aduan.surveys.actions import survey_record
from aduan.surveys.elements import CODES
from aduan.surveys.models import Source

DEMO_PASSWORD = os.environ.get("ADUAN_DEMO_PASSWORD", "bansos-demo-2026")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    unit_code: str
    role: str
    superuser: bool = False


ACCOUNTS = [
    DemoAccount("admin", "Rina Koordinator Nasional", "admin-utama", Role.ADMINISTRATOR, superuser=True),
    DemoAccount("pengelola", "Drs. Bambang Pejabat Pengelola", "admin-utama", Role.PEJABAT_PENGELOLA),
    DemoAccount("tikorpusat", "Sari Tikor Pusat", "tikor-pusat", Role.ADMINISTRATOR),
    DemoAccount("uppkhpusat", "Hendra UPPKH Pusat", "uppkh-pusat", Role.PEJABAT_PENGELOLA),
    DemoAccount("bri", "Dewi Petugas BRI", "bri", Role.ADMINISTRATOR),
    DemoAccount("bulog", "Agus Petugas BULOG", "bulog", Role.ADMINISTRATOR),
    DemoAccount("jatim", "Wahyu Dinsos Jawa Timur", "dinsos-35", Role.ADMINISTRATOR),
    DemoAccount("kediri", "Yuli Dinsos Kab. Kediri", "dinsos-35-06", Role.ADMINISTRATOR),
    DemoAccount("kediri-fo", "Eko Front Office Kediri", "dinsos-35-06", Role.FRONT_OFFICE),
    DemoAccount("kediri-kadis", "Ir. Suparno Kepala Dinsos Kediri", "dinsos-35-06", Role.PEJABAT_PENGELOLA),
    DemoAccount("kediri-subkor", "Rina Sub Koordinator Linjamsos Kediri", "dinsos-35-06", Role.SUB_KOORDINATOR),
    DemoAccount("kediri-tikor", "Bayu Sekretariat Tikor Kab. Kediri", "tikor-35-06", Role.ADMINISTRATOR),
    DemoAccount("jaksel", "Putri Sudin Sosial Jakarta Selatan", "dinsos-31-74", Role.ADMINISTRATOR),
    DemoAccount("pengawas-jatim", "Lestari Pengawas Jatim", "dinsos-35", Role.SUPERVISOR),
]

# Where the demo complaints come from: (kabupaten/kota code, weight).
DISTRICTS = [("35.06", 5), ("35.71", 2), ("31.74", 4), ("32.01", 3), ("33.74", 2), ("61.71", 2), ("73.71", 2),
             ("53.71", 1), ("91.71", 1), ("12.71", 2), ("18.71", 1), ("64.72", 1)]

TEXTS = {
    "bpnt": [
        "Saldo KKS saya belum masuk sejak dua bulan, padahal tetangga sudah bisa belanja di e-Warong.",
        "Kartu KKS hilang waktu banjir, bagaimana cara mengurus kartu pengganti?",
        "Harga beras di e-Warong lebih mahal dari pasar dan kualitasnya jelek.",
        "PIN KKS terblokir setelah salah tiga kali, bank meminta surat dari Dinsos.",
        "e-Warong di desa kami tutup, kami harus ke kecamatan untuk belanja.",
        "Ada warga mampu yang menerima BPNT sementara janda tua di RT kami tidak dapat.",
        "Pendamping meminta uang Rp 20.000 setiap pencairan.",
        "Mohon informasi kapan penyaluran BPNT bulan ini.",
    ],
    "rastra": [
        "Beras Rastra yang dibagikan berkutu dan berbau apek.",
        "Kami hanya menerima 8 kg, seharusnya 10 kg per bulan.",
        "Ketua RT memungut biaya angkut Rp 5.000 per KPM.",
        "Penyaluran Rastra terlambat tiga bulan di desa kami.",
        "Terima kasih, penyaluran bulan ini tepat waktu dan berasnya bagus.",
    ],
    "pkh": [
        "Bantuan PKH tahap ini tidak cair padahal anak saya rutin sekolah.",
        "Nama ibu di data PKH salah ketik sehingga tidak bisa mencairkan di kantor pos.",
        "Antrean pencairan di kantor pos sangat panjang, lansia pingsan.",
        "Keluarga kami sangat miskin tetapi tidak terdaftar sebagai peserta PKH.",
        "Pendamping PKH jarang datang ke pertemuan kelompok.",
        "Jumlah bantuan yang diterima berkurang tanpa penjelasan.",
    ],
}
NAMES = ["Siti Aminah", "Suparmi", "Ahmad Yani", "Nur Hasanah", "Wagiman", "Sri Rahayu", "La Ode Hamid",
         "Ni Made Sari", "Yohanes Wenda", "Marlina Sitorus", "Dewi Lestari", "Komang Arta", "Rohani"]
CHANNELS = ["sms"] * 5 + ["web"] * 3 + ["tatap_muka"] * 3 + ["telepon", "surat", "whatsapp", "email", "kotak_saran"]
ANSWERS = [
    "Data Ibu sudah kami verifikasi; saldo akan masuk pada penyaluran berikutnya.",
    "Kartu pengganti dapat diambil di kantor bank dengan surat rekomendasi Dinas Sosial.",
    "Kami sudah menegur e-Warong dan meminta harga disesuaikan.",
    "Pendamping yang bersangkutan sudah dipanggil dan diberi sanksi.",
]


@transaction.atomic
def create_accounts() -> list[DemoAccount]:
    User = get_user_model()
    for account in ACCOUNTS:
        user, created = User.objects.get_or_create(username=account.username)
        if created:
            first, _, last = account.full_name.partition(" ")
            user.first_name, user.last_name = first, last
            user.is_staff = user.is_superuser = account.superuser
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, unit=Unit.objects.get(code=account.unit_code), role=account.role)
    return ACCOUNTS


def _villages(district_code: str, rng: random.Random) -> list[Region]:
    villages = list(Region.objects.filter(level=4, code__startswith=district_code + ".").order_by("code")[:400])
    rng.shuffle(villages)
    return villages[:30]


def create_complaints(count: int = 300, seed: int = 1708) -> int:
    """File `count` complaints spread over the last 120 days and move them along their lifecycle."""
    if Complaint.objects.exists():
        return 0
    rng = random.Random(seed)
    admin = get_user_model().objects.get(username="admin")
    now = timezone.now()
    villages = {code: _villages(code, rng) for code, _ in DISTRICTS}
    weights = [w for _, w in DISTRICTS]
    units = {u.code: u for u in Unit.objects.filter(code__in=["bri", "bulog", "pos", "uppkh-pusat", "tikor-pusat"])}
    for i in range(count):
        district = rng.choices([c for c, _ in DISTRICTS], weights)[0]
        village = rng.choice(villages[district])
        program = rng.choices(["bpnt", "rastra", "pkh"], [5, 2, 3])[0]
        age = timedelta(days=rng.uniform(0, 120), hours=rng.uniform(0, 8))
        anonymous = rng.random() < 0.08
        reporter = Reporter(anonymous=True) if anonymous else Reporter(
            confidential=rng.random() < 0.15, name=rng.choice(NAMES),
            nik=example_nik(village.code, rng.randrange(10**11, 10**12)),
            kks=str(rng.randrange(10**15, 10**16)) if program == "bpnt" else "",
            phone=f"+6281{rng.choice('123')}{rng.randrange(10**7, 10**8)}",  # a Telkomsel-style mobile number
        )
        category = rng.choices(["keluhan", "permintaan_informasi", "aspirasi"], [7, 2, 1])[0]
        topic_number = rng.randint(1, 7 if category == "keluhan" else 6)
        result = complaint_receive(message=IntakeMessage(
            channel=rng.choice(CHANNELS), program=program, text=rng.choice(TEXTS[program]), reporter=reporter,
            region_code=village.code, location_text=f"{village.name}, {village.parent.parent.name}",
            category_type=category, topic=None if category == "aspirasi" else f"{program}-{topic_number}",
            received_at=now - age, external_id=f"demo:{i}",
        ))
        _advance(result.complaint, admin, rng, now, age, units)
    complaint_close_expired(now=now)
    _rate_some(rng, now)
    _publish_channels()
    return count


def _rate_some(rng: random.Random, now) -> None:
    """About half the closed complaints answered the IKM questionnaire, mostly content."""
    for complaint in Complaint.objects.filter(status=Status.SELESAI).select_related("handling_unit", "receiving_unit"):
        if rng.random() < 0.5:
            scores = {code: rng.choices([1, 2, 3, 4], [1, 2, 8, 6])[0] for code in CODES}
            survey_record(unit=None, complaint=complaint, scores=scores, source=Source.LACAK,
                          received_at=min(complaint.closed_at + timedelta(hours=rng.uniform(1, 48)), now),
                          respondent={"gender": rng.choice("LP"), "age": rng.randint(20, 70),
                                      "education": rng.choice(["sd", "smp", "sma"])})


def _publish_channels() -> None:
    """The demo districts' Dinas Sosial publish a phone and office hours (SPEC R31, /kontak/)."""
    for code, _weight in DISTRICTS:
        Unit.objects.filter(code=f"dinsos-{code.replace('.', '-')}", phone="").update(
            phone="(0354) 123 456", office_hours="Senin–Jumat 08.00–16.00", address="Kantor Dinas Sosial")


def _advance(complaint: Complaint, admin, rng: random.Random, now, age: timedelta, units: dict) -> None:
    """Move a complaint as far along as its age makes believable."""
    if age < timedelta(days=1) or rng.random() < 0.12:
        return  # still waiting for disposition
    authority = complaint.topic.authority if complaint.topic_id else "daerah"
    target = {"bank": units["bri"], "bulog": units["bulog"], "pos": units["pos"], "uppkh": None,
              "pusat": units["tikor-pusat"]}.get(authority)
    if target is None:
        prefix = "uppkh" if authority == "uppkh" else "dinsos"
        target = Unit.objects.filter(code=f"{prefix}-{complaint.region.code[:5].replace('.', '-')}").first() or units["tikor-pusat"]
    disposed_at = complaint.received_at + timedelta(hours=rng.uniform(2, 30))
    complaint_dispose(complaint=complaint, actor=admin, to_unit=target, at=disposed_at)
    if age < timedelta(days=4) or rng.random() < 0.25:
        return  # in the unit's queue, not answered yet (some of them overdue)
    answered_at = disposed_at + timedelta(days=rng.uniform(1, min(age.days, 20)))
    if answered_at >= now:
        return
    complaint_follow_up(complaint=complaint, actor=admin, answer=rng.choice(ANSWERS), at=answered_at)
    if rng.random() < 0.12 and answered_at + timedelta(days=2) < now:
        complaint_rebut(complaint=complaint, text="Sampai sekarang belum ada perubahan.", at=answered_at + timedelta(days=2))
