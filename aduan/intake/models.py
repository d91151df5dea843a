"""The intake app's models live with their channel; Django finds them through this module."""

from aduan.intake.sms.models import InboundSms  # noqa: F401
