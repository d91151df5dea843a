from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "aduan.taxonomy"
    label = "taxonomy"
    verbose_name = "Taksonomi pengaduan"
