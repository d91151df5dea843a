"""Indonesian first, English on request: the browser's Accept-Language never switches the language,
only the switch in the header (Django's set_language, kept in the language cookie) does."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from aduan.organisation.seed import seed_units
from aduan.taxonomy.seed import seed_taxonomy
from aduan.web.public_forms import LaporForm
from tests.web.public.conftest import make_regions

pytestmark = pytest.mark.django_db

ENGLISH_PHONE = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def world():
    cache.clear()
    make_regions()
    seed_taxonomy()
    seed_units()


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    translation.activate(settings.LANGUAGE_CODE)


def choose(client, language: str, next_url: str = "/") -> None:
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language


def test_home_and_lapor_stay_indonesian_whatever_the_browser_asks(client, world):
    home = client.get("/", **ENGLISH_PHONE).content.decode()
    lapor = client.get("/lapor/", **ENGLISH_PHONE).content.decode()

    assert '<html lang="id">' in home
    assert "Sampaikan pengaduan bantuan sosial" in home and "Lacak pengaduan saya" in home
    assert "Make a complaint" not in home
    assert "Laporkan pengaduan" in lapor and "Apa yang terjadi?" in lapor and "What happened?" not in lapor


def test_every_page_offers_the_language_switch(client, world):
    page = client.get("/").content.decode()

    assert 'action="/i18n/setlang/"' in page
    assert 'name="language" value="id"' in page and 'name="language" value="en"' in page
    assert "Bahasa Indonesia" in page and "English" in page


def test_choosing_english_translates_the_public_pages_and_persists(client, world):
    choose(client, "en")

    home = client.get("/").content.decode()
    lapor = client.get("/lapor/").content.decode()
    lacak = client.get("/lacak/").content.decode()

    assert '<html lang="en">' in home
    assert "Make a complaint about social assistance" in home and "Track my complaint" in home
    assert "Sampaikan pengaduan bantuan sosial" not in home
    # template text, form labels, and the identity choices (HTML kept, not escaped)
    assert "Report a complaint" in lapor and "What happened?" in lapor and "Assistance program" in lapor
    assert "<b>Anonymous</b>" in lapor and "— choose province —" in lapor
    assert "Enter the complaint number you received by SMS or on this website." in lacak


def test_choosing_indonesian_again_switches_back(client, world):
    choose(client, "en")
    choose(client, "id")

    home = client.get("/", **ENGLISH_PHONE).content.decode()
    assert "Sampaikan pengaduan bantuan sosial" in home and "Make a complaint" not in home


def test_officer_sign_in_is_indonesian_by_default_and_english_on_request(client):
    page = client.get("/masuk/", **ENGLISH_PHONE).content.decode()
    assert "Masuk sebagai petugas" in page and "Nama pengguna" in page and "Sign in as an officer" not in page
    assert 'action="/i18n/setlang/"' in page

    choose(client, "en", "/masuk/")

    page = client.get("/masuk/").content.decode()
    assert "Sign in as an officer" in page and "Username" in page and "Password" in page
    assert "Masuk sebagai petugas" not in page


def test_form_errors_follow_the_language_and_stay_indonesian_by_default(world):
    data = {"program": "bpnt", "text": "saldo belum masuk", "identity": "biasa", "phone": "123", "token": "x"}

    assert "Nomor HP tidak dikenali" in str(LaporForm(data=data).errors["phone"])
    with translation.override("en"):
        assert "Mobile number not recognised" in str(LaporForm(data=data).errors["phone"])


def test_statuses_and_roles_read_in_english_after_choosing_it():
    from django.utils import translation

    from aduan.core.enums import Channel, Status
    from aduan.organisation.models import Role

    with translation.override("en"):
        assert (str(Status.PROSES.label), str(Channel.TATAP_MUKA.label), str(Role.PEJABAT_PENGELOLA.label)) == (
            "In progress", "Walk-in", "Accountable officer")
    with translation.override("id"):
        assert str(Channel.TATAP_MUKA.label) == "Tatap muka"


def test_the_admin_reads_as_one_application_in_indonesian_and_in_english(client, world):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", password="kata-sandi-uji-2026")
    client.force_login(admin)

    page = client.get("/admin/").content.decode()
    assert "Administrasi Pengaduan Bansos" in page and "Administrasi Django" not in page
    assert "Tugas latar belakang" in page and "Task Results" not in page and ">Units<" not in page

    choose(client, "en", "/admin/")
    page = client.get("/admin/").content.decode()
    assert "Pengaduan Bansos administration" in page and "Background tasks" in page
    assert "Complaint taxonomy" in page and "Deadline policys" not in page and "Taksonomi pengaduan" not in page


def test_english_mode_translates_the_scripts_words_the_timeline_and_the_dates(client, world):
    from aduan.core.actions import complaint_receive
    from aduan.core.intake import IntakeMessage

    complaint = complaint_receive(message=IntakeMessage(
        channel="web", program="bpnt", text="Saldo belum masuk.", region_code="35.06.10.2005")).complaint
    choose(client, "en", "/")
    session = client.session
    session["lacak_opened"] = [complaint.tracking_number]
    session.save()

    page = client.get(f"/lacak/{complaint.tracking_number}/").content.decode()
    assert "Complaint received and recorded." in page and "Pengaduan diterima dan dicatat." not in page
    assert '"sending": "Sending\\u2026"' in page or '"sending": "Sending…"' in page
    assert "Answered by" in page and "Desember" not in page
