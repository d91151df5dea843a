from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "aduan.casework"
    label = "casework"
    verbose_name = "Penanganan kasus"
