from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "aduan.accounts"
    label = "accounts"
    verbose_name = "Akun dan token"
