from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "aduan.web"
    label = "web"
    verbose_name = _("Halaman web")

    def ready(self) -> None:
        from aduan.web.admin_names import name_the_admin  # Django's way: the admin needs the app registry

        name_the_admin()
