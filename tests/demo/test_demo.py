"""`aduan demo` (what `make run` shows a new colleague) files its complaints through the real
actions, every rule applied — contacts checked, each officer acting on what their unit holds —
and a second run adds nothing."""

import pytest
from django.core.management import call_command

from aduan.core.models import Complaint
from aduan.organisation.seed import seed_units
from aduan.regions.loader import load_regions
from aduan.taxonomy.seed import seed_taxonomy

pytestmark = pytest.mark.django_db


def test_the_demo_files_its_complaints_through_the_rules_once(capsys):
    load_regions()
    seed_taxonomy()
    seed_units()
    call_command("demo", complaints=60)
    filed = Complaint.objects.count()
    call_command("demo", complaints=60)

    assert filed == 60 and Complaint.objects.count() == 60
    assert Complaint.objects.exclude(handling_unit=None).exists() and Complaint.objects.filter(status="selesai").exists()
    assert "kediri-fo" in capsys.readouterr().out
