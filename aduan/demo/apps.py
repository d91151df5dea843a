from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data and `aduan demo`: an app of its own so the core knows nothing of it."""

    name = "aduan.demo"
    label = "demo"
    verbose_name = _("Data contoh")
