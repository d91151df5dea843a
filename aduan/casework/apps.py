from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "aduan.casework"
    label = "casework"
    verbose_name = "Penanganan kasus"

    def ready(self):
        from aduan.casework.receivers import start_checklist
        from aduan.core.signals import event_recorded

        event_recorded.connect(start_checklist, dispatch_uid="casework.start_checklist")
