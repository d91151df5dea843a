"""The admin in the officer's language: its own titles, and names for the models of the libraries
we depend on that carry English names only (django-tasks' results), so that the index reads as
one application in Indonesian — and in English when English is chosen. (Django's own apps, users
and groups, come translated by Django.)"""

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LIBRARY_NAMES = {
    # app label: (the app's name, {model name: (singular, plural)})
    "django_tasks_database": (_("Tugas latar belakang"), {"dbtaskresult": (_("hasil tugas"), pgettext_lazy("plural", "hasil tugas"))}),
    "axes": (_("Percobaan masuk"), {
        "accessattempt": (_("percobaan masuk gagal"), pgettext_lazy("plural", "percobaan masuk gagal")),
        "accesslog": (_("catatan masuk"), pgettext_lazy("plural", "catatan masuk")),
        "accessfailurelog": (_("catatan masuk gagal"), pgettext_lazy("plural", "catatan masuk gagal")),
    }),
}


def name_the_admin() -> None:
    admin.site.site_header = _("Administrasi Pengaduan Bansos")
    admin.site.site_title = _("Administrasi Pengaduan Bansos")
    admin.site.index_title = _("Data dan pengaturan")
    for label, (app_name, models) in LIBRARY_NAMES.items():
        if label not in apps.app_configs:  # not installed in this deployment
            continue
        config = apps.get_app_config(label)
        config.verbose_name = app_name
        for model_name, (singular, plural) in models.items():
            meta = config.get_model(model_name)._meta
            meta.verbose_name, meta.verbose_name_plural = singular, plural
