from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and `aduan demo`: an app of its own so the core knows nothing of it."""

    name = "aduan.demo"
    label = "demo"
    verbose_name = "Data contoh"
