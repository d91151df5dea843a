from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "aduan.registry"
    label = "registry"
    verbose_name = _("Data penerima (DTKS)")

    def ready(self):
        from aduan.core.signals import event_recorded
        from aduan.registry.matching import on_event

        event_recorded.connect(on_event, dispatch_uid="registry.match_reporter")
