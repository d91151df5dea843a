from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "aduan.casework"
    label = "casework"
    verbose_name = _("Penanganan kasus")

    def ready(self):
        from aduan.casework.receivers import start_checklist
        from aduan.core.signals import event_recorded

        event_recorded.connect(start_checklist, dispatch_uid="casework.start_checklist")
