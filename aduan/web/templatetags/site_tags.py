"""Helpers every page uses: the strings the scripts show, in the page's language."""

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def script_strings():
    """The scripts' own words, translated (public.js and officer.js read them from the page:
    static files cannot be translated per request)."""
    return json_script({
        "search": _("Cari %(what)s…"),
        "sending": _("Mengirim…"),
        "nik_elsewhere": _("NIK ini terdaftar di wilayah lain (%(code)s) daripada lokasi yang Anda pilih. Tidak apa-apa "
                           "bila Anda melapor untuk tempat lain — periksa saja bila ada salah ketik."),
    }, "script-strings")
