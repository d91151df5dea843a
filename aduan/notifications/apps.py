from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "aduan.notifications"
    label = "notifications"
    verbose_name = _("Notifikasi")

    def ready(self):
        from aduan.core import sweep
        from aduan.core.signals import event_recorded
        from aduan.notifications.dispatch import queue_for_event, retry_due

        event_recorded.connect(queue_for_event, dispatch_uid="notifications.queue_for_event")
        sweep.register("notifikasi diulang", retry_due)
