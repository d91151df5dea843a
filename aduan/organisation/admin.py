from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from aduan.organisation.models import IdentityView, Membership, Role, Unit

NEEDS_ONE_PEJABAT = "Setiap unit menunjuk tepat satu Pejabat Pengelola (SPEC R25)."
NEEDS_AN_ADMINISTRATOR = "Setiap unit menunjuk sedikitnya satu Administrator (SPEC R25)."


class MembershipFormSet(forms.BaseInlineFormSet):
    """R25 as far as a form can hold it: once a unit has people, it has exactly one Pejabat
    Pengelola and at least one Administrator. (The database already refuses a second Pejabat.)"""

    def clean(self):
        super().clean()
        roles = [f.cleaned_data.get("role") for f in self.forms
                 if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not roles:
            return
        if roles.count(Role.PEJABAT_PENGELOLA) != 1:
            raise ValidationError(NEEDS_ONE_PEJABAT)
        if Role.ADMINISTRATOR not in roles:
            raise ValidationError(NEEDS_AN_ADMINISTRATOR)


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "region", "parent", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name", "region__name", "region__code"]
    raw_id_fields = ["parent", "region"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role"]
    list_filter = ["role", "unit__kind"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__code", "unit__name"]
    raw_id_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]


@admin.register(IdentityView)
class IdentityViewAdmin(admin.ModelAdmin):
    """An audit trail: read only."""

    list_display = ["at", "user", "complaint", "where"]
    list_filter = ["where"]
    search_fields = ["user__username", "complaint__tracking_number"]
    list_select_related = ["user", "complaint"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
