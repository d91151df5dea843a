from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "aduan.intake"
    label = "intake"
    verbose_name = _("Saluran masuk")

    def ready(self) -> None:
        # Outbound SMS exists only where a gateway to send through is configured; without one the
        # notification outbox answers SMS reporters by email when it has an address (dispatch.py).
        from aduan.intake.sms.transport import register_if_configured

        register_if_configured()
