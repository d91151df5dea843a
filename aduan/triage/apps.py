from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "aduan.triage"
    verbose_name = "Triase"
