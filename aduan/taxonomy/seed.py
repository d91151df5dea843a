"""The taxonomy of SPEC R9–R13 as data; `seed_taxonomy` writes it once and never overwrites edits."""

from django.db import transaction

from aduan.core.deadlines.rules import PRESET_NAMES, PRESETS
from aduan.taxonomy.models import (
    Authority,
    CategoryType,
    DeadlineClass,
    DeadlinePolicy,
    DeadlineStage,
    DurationUnit,
    Program,
    Severity,
    Topic,
)

CATEGORY_TYPES = [
    ("aspirasi", "Aspirasi", Severity.RINGAN),
    ("permintaan_informasi", "Permintaan Informasi", Severity.RINGAN),
    ("keluhan", "Keluhan", Severity.SEDANG),
]
INFO_AND_COMPLAINT = ("permintaan_informasi", "keluhan")
COMPLAINT_ONLY = ("keluhan",)

# (number, name, authority, severity when a keluhan, category types)
BPNT_TOPICS = [
    (1, "Program", Authority.CENTRAL, "", INFO_AND_COMPLAINT),
    (2, "Kepesertaan", Authority.REGIONAL, Severity.BERAT, INFO_AND_COMPLAINT),
    (3, "Kartu/KKS, PIN, buku tabungan, saldo/transfer", Authority.BANK, "", INFO_AND_COMPLAINT),
    (4, "Jenis, mutu dan harga bahan pangan", Authority.REGIONAL, "", INFO_AND_COMPLAINT),
    (5, "e-Warong/outlet", Authority.BANK, "", INFO_AND_COMPLAINT),
    (6, "Sosialisasi dan edukasi", Authority.REGIONAL, "", INFO_AND_COMPLAINT),
    (7, "Penyalahgunaan bantuan", Authority.REGIONAL, Severity.BERAT, COMPLAINT_ONLY),
]
RASTRA_TOPICS = [
    (1, "Jumlah", Authority.REGIONAL, "", INFO_AND_COMPLAINT),
    (2, "Kualitas", Authority.BULOG, "", INFO_AND_COMPLAINT),
    (3, "Biaya yang dibebankan kepada KPM", Authority.REGIONAL, Severity.BERAT, INFO_AND_COMPLAINT),
    (4, "Sasaran", Authority.REGIONAL, Severity.BERAT, INFO_AND_COMPLAINT),
    (5, "Waktu penyaluran", Authority.BULOG, "", INFO_AND_COMPLAINT),
    (6, "Administrasi", Authority.REGIONAL, "", INFO_AND_COMPLAINT),
    (7, "Penyalahgunaan bantuan", Authority.REGIONAL, Severity.BERAT, COMPLAINT_ONLY),
]
PKH_TOPICS = [
    (1, "Data peserta", Authority.UPPKH, "", INFO_AND_COMPLAINT),
    (2, "Komitmen dan verifikasi", Authority.UPPKH, "", INFO_AND_COMPLAINT),
    (3, "Non-peserta yang merasa layak (exclusion error)", Authority.UPPKH, Severity.BERAT, INFO_AND_COMPLAINT),
    (4, "Pembayaran (keterlambatan, antrean, perubahan jumlah)", Authority.POS, "", INFO_AND_COMPLAINT),
    (5, "Ketersediaan layanan pendidikan dan kesehatan", Authority.REGIONAL, "", INFO_AND_COMPLAINT),
    (6, "Teknis/administrasi, termasuk kinerja pendamping dan operator", Authority.UPPKH, "", INFO_AND_COMPLAINT),
    (7, "Korupsi, kolusi dan nepotisme (KKN)", Authority.UPPKH, Severity.BERAT, COMPLAINT_ONLY),
]

PROGRAMS = [
    ("bpnt", "BPNT/Sembako", "NT", None, BPNT_TOPICS),
    ("rastra", "Bansos Rastra", "R", None, RASTRA_TOPICS),
    ("pkh", "PKH", "PKH", "pkh", PKH_TOPICS),
]


def _policies() -> None:

    for slug, classes in PRESETS.items():
        policy, created = DeadlinePolicy.objects.get_or_create(
            slug=slug, defaults={"name": PRESET_NAMES.get(slug, slug), "is_default": slug == "kemendagri-2018"},
        )
        if not created:
            continue
        for severity, rule in classes.items():
            deadline_class = DeadlineClass.objects.create(
                policy=policy, severity=severity, unit=DurationUnit(rule.unit.value), amount=rule.amount,
            )
            DeadlineStage.objects.bulk_create(
                DeadlineStage(deadline_class=deadline_class, order=i, name=stage.name, amount=stage.amount,
                              completed_by=stage.completed_by)
                for i, stage in enumerate(rule.stages, 1)
            )


@transaction.atomic
def seed_taxonomy() -> None:
    _policies()
    types = {}
    for code, name, severity in CATEGORY_TYPES:
        types[code], _ = CategoryType.objects.get_or_create(code=code, defaults={"name": name, "default_severity": severity})
    for code, name, keyword, policy_slug, topics in PROGRAMS:
        policy = DeadlinePolicy.objects.filter(slug=policy_slug).first() if policy_slug else None
        program, created = Program.objects.get_or_create(
            code=code, defaults={"name": name, "sms_keyword": keyword, "policy": policy},
        )
        if not created:
            continue
        for number, topic_name, authority, severity, type_codes in topics:
            topic = Topic.objects.create(
                program=program, code=f"{code}-{number}", number=number, name=topic_name,
                authority=authority, severity=severity,
            )
            topic.category_types.set([types[c] for c in type_codes])
