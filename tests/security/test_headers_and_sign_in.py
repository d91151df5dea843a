"""Headers on every answer, settings that never fall back to the demo, sign-in throttled per account
and per client, and the client address read only through trusted proxies."""

import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from aduan.web import throttle
from aduan.web.officer.auth import LOCKED_OUT

pytestmark = pytest.mark.django_db
PASSWORD = "kata-sandi-uji-2026"


@pytest.fixture
def petugas(world):
    from aduan.organisation.models import Membership, Role

    user = get_user_model().objects.create_user("petugas", password=PASSWORD)
    Membership.objects.create(user=user, unit=world["dinsos-35-06"], role=Role.FRONT_OFFICE)
    return user


@pytest.mark.parametrize("path", ["/", "/lapor/", "/lacak/", "/masuk/", "/api/v1/units", "/open311/v2/services.json"])
def test_every_page_and_api_answer_is_never_cached_and_carries_a_strict_policy(client, world, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy and "default-src 'self'" in policy
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"


def test_static_files_stay_cacheable(client, world):
    response = client.get("/static/web/public.js")
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_over_https_cookies_are_secure_and_http_is_redirected_with_hsts():
    code = ("import os; os.environ.update(ADUAN_HTTPS='1', SECRET_KEY='k'*50); os.environ.pop('ADUAN_TESTING', None);"
            "import django; from django.conf import settings; os.environ['DJANGO_SETTINGS_MODULE']='aduan.settings';"
            "django.setup(); print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "31536000", "True"]


def test_debug_alone_never_falls_back_to_the_demo_key():
    code = ("import os; [os.environ.pop(k, None) for k in ('SECRET_KEY', 'ADUAN_DEMO', 'ADUAN_TESTING')];"
            "os.environ['ADUAN_DEBUG'] = '1'; import aduan.settings")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0 and "Set SECRET_KEY" in result.stderr


def test_the_demo_keeps_its_emails_out_of_the_log(tmp_path):
    code = ("import os; os.environ.update(ADUAN_DEMO='1', ADUAN_VAR_DIR=%r); os.environ.pop('EMAIL_HOST', None);"
            "os.environ.pop('EMAIL_BACKEND', None); import aduan.settings as s; print(s.EMAIL_BACKEND)") % str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "django.core.mail.backends.filebased.EmailBackend"


def test_the_production_configuration_passes_djangos_deploy_check(tmp_path):
    env = {"SECRET_KEY": secrets.token_urlsafe(50), "ADUAN_HTTPS": "1", "ALLOWED_HOSTS": "aduan.example.go.id",
           "ADUAN_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
                             "--settings", "aduan.settings"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", ["/masuk/", "/admin/login/"])
def test_wrong_passwords_lock_the_account_with_the_time_to_wait(client, petugas, settings, path):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post(path, {"username": "petugas", "password": "salah"})
    locked = client.post(path, {"username": "petugas", "password": PASSWORD})
    assert locked.status_code == 429
    assert str(LOCKED_OUT % {"minutes": 15}) in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_client_guessing_many_accounts_is_locked_out_too(client, petugas, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ("andi", "budi", "citra"):
        client.post("/masuk/", {"username": name, "password": "salah"})
    assert client.post("/masuk/", {"username": "petugas", "password": PASSWORD}).status_code == 429
    elsewhere = type(client)(REMOTE_ADDR="10.1.2.3")
    assert elsewhere.post("/masuk/", {"username": "petugas", "password": PASSWORD}).status_code == 302


def test_the_right_password_before_the_limit_signs_in_and_resets_the_count(client, petugas, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client.post("/masuk/", {"username": "petugas", "password": "salah"})
    assert client.post("/masuk/", {"username": "petugas", "password": PASSWORD}).status_code == 302


def test_forwarded_for_is_believed_only_from_a_trusted_proxy():
    factory = RequestFactory()
    forged = factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    proxied = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    with override_settings(TRUSTED_PROXIES=[]):
        assert throttle.client_address(forged) == "203.0.113.9"
        assert throttle.client_address(proxied) == "10.0.0.2"
    with override_settings(TRUSTED_PROXIES=["10.0.0.0/8"]):
        assert throttle.client_address(forged) == "203.0.113.9"  # not a proxy of ours: its header is ignored
        assert throttle.client_address(proxied) == "198.51.100.7"  # the rightmost hop our proxy saw


def test_a_request_larger_than_the_bound_is_refused_before_it_is_read(client, world):
    response = client.generic("POST", "/lapor/", b"x", CONTENT_LENGTH=str(64 * 1024 * 1024),
                              content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
