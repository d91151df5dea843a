"""How pages and static files travel to slow phones: compressed, and static files cached for a
year under hashed names (a release renames them, so nobody keeps an old stylesheet)."""

import gzip

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

pytestmark = pytest.mark.django_db


def test_pages_are_compressed(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"1708" in gzip.decompress(response.content)


def test_static_files_get_hashed_names_a_compressed_copy_and_a_years_cache(tmp_path, settings):
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "aduan.web.static_storage.StaticStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages, WHITENOISE_USE_FINDERS=False):
        call_command("collectstatic", interactive=False, verbosity=0)

        hashed = staticfiles_storage.stored_name("web/site.css")
        assert hashed != "web/site.css" and (tmp_path / (hashed + ".gz")).exists()

        middleware = WhiteNoiseMiddleware(lambda request: None)
        response = middleware(RequestFactory().get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip"))
        assert response["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]


def test_a_file_never_collected_is_linked_by_its_plain_name(tmp_path, settings):
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "aduan.web.static_storage.StaticStorage"}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        assert staticfiles_storage.url("web/site.css") == "/static/web/site.css"
