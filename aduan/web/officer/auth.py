"""Sign-in and sign-out: Django's auth views with our templates and Indonesian messages."""

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

WRONG_LOGIN = _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil.")
LOCKED_OUT = _("Terlalu banyak percobaan masuk yang salah. Tunggu %(minutes)d menit, lalu coba lagi. "
               "Lupa kata sandi? Hubungi administrator unit Anda.")
INACTIVE = _("Akun ini dinonaktifkan. Hubungi administrator unit Anda.")


class SignInForm(AuthenticationForm):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150, error_messages={"required": _("Wajib diisi.")},
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username",
                                                             "autocapitalize": "none"}))
    password = forms.CharField(label=_("Kata sandi"), strip=False, error_messages={"required": _("Wajib diisi.")},
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    error_messages = {"invalid_login": WRONG_LOGIN, "inactive": INACTIVE}


class SignInView(auth_views.LoginView):
    template_name = "web/officer/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST signs out (Django 5); GET, e.g. a typed /keluar/, asks to confirm with a button."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return render(request, "web/officer/sign_out.html")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in from a locked account or client: the same page, with how
    long to wait (429), whichever of /masuk/ and /admin/login/ was used."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = SignInForm(request, data=None, initial={"username": (credentials or {}).get("username", "")})
    return render(request, "web/officer/sign_in.html", {"form": form, "locked_out": LOCKED_OUT % {"minutes": minutes}},
                  status=429)
