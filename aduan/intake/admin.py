"""Admin pages of the intake channels; each channel registers its own."""

from aduan.intake.sms import admin as sms_admin  # noqa: F401
