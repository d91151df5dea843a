from django.contrib import admin

from aduan.regions.models import TaughtSpelling


@admin.register(TaughtSpelling)
class TaughtSpellingAdmin(admin.ModelAdmin):
    """Spellings the officers taught by correcting a complaint's place: a wrong one is switched off
    here (`aktif`), and the resolver forgets it within the memo's lifetime."""

    list_display = ("text", "region", "taught_by", "taught_at", "is_active")
    list_filter = ("is_active",)
    list_editable = ("is_active",)
    search_fields = ("text", "region__name", "region__code")
    readonly_fields = ("key", "text", "region", "taught_by", "taught_at")

    def has_add_permission(self, request):
        return False  # taught by correcting a complaint, not typed in here
