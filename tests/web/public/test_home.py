"""/: how and where to complain, each unit's channels (SPEC R31), the printable PKH forms."""

import pytest

from aduan.organisation.models import Unit

pytestmark = pytest.mark.django_db


def test_home_explains_the_sms_format_and_the_website(client, world):
    page = client.get("/").content.decode()

    assert "NT#Provinsi#Kabupaten/Kota#Kecamatan#Desa#Isi pengaduan" in page
    assert 'href="/lapor/"' in page and 'href="/lacak/"' in page
    assert "Kementerian Sosial RI" in page


def test_searching_finds_the_district_office_and_its_channels(client, world):
    Unit.objects.filter(code="dinsos-35-06").update(
        address="Jl. Soekarno-Hatta 1, Kediri", phone="0354-123456", whatsapp="0812-0000-1111", email="dinsos@kedirikab.go.id")

    page = client.get("/", {"dinsos": "kediri"}).content.decode()

    assert "Dinas Sosial Kabupaten Kediri" in page and "Dinas Sosial Kota Kediri" in page
    assert "0354-123456" in page and "0812-0000-1111" in page and "dinsos@kedirikab.go.id" in page
    assert "Kontak belum dicantumkan" in page  # Kota Kediri has none yet


@pytest.mark.parametrize("path", ["/formulir/pkh-peserta.pdf", "/formulir/pkh-c2.pdf"])
def test_the_blank_pkh_forms_are_pdfs(client, world, path):
    response = client.get(path)

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
