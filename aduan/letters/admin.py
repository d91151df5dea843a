from django.contrib import admin

from aduan.letters.models import Letter, Letterhead, LetterTemplate
from aduan.letters.texts import DEFAULTS, PLACEHOLDERS


@admin.register(LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    """Administrators replace the default words of a kind of letter; the placeholders are listed."""

    list_display = ("kind", "subject", "updated_at")

    def get_changeform_initial_data(self, request):
        kind = request.GET.get("kind")
        defaults = {k.value: v for k, v in DEFAULTS.items()}
        if kind in defaults:
            _code, _to, subject, body = defaults[kind]
            return {"kind": kind, "subject": subject, "body": body}
        return super().get_changeform_initial_data(request)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["body"].help_text = "Tempat isian: " + ", ".join(
            f"{{{name}}} ({meaning})" for name, meaning in PLACEHOLDERS.items())
        return form


@admin.register(Letterhead)
class LetterheadAdmin(admin.ModelAdmin):
    list_display = ("unit", "place", "signatory_name")
    autocomplete_fields = ("unit",)


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ("number", "kind", "unit", "issued_at")
    list_filter = ("kind",)
    readonly_fields = [f.name for f in Letter._meta.fields]

    def has_add_permission(self, request):
        return False  # issued from the complaint page or the API, never typed in
