from django.contrib import admin

from aduan.casework.models import ChecklistStep, InvestigationEntry, MasterDataChangeRequest


@admin.register(InvestigationEntry)
class InvestigationEntryAdmin(admin.ModelAdmin):
    list_display = ["complaint", "kind", "source", "with_whom", "author", "at"]
    list_filter = ["kind", "source"]
    search_fields = ["complaint__tracking_number", "with_whom", "text"]
    raw_id_fields = ["complaint", "attachment", "author"]
    date_hierarchy = "at"


@admin.register(ChecklistStep)
class ChecklistStepAdmin(admin.ModelAdmin):
    list_display = ["complaint", "topic_code", "order", "text", "done_at", "done_by"]
    list_filter = ["topic_code"]
    search_fields = ["complaint__tracking_number", "text"]
    raw_id_fields = ["complaint", "done_by"]


@admin.register(MasterDataChangeRequest)
class MasterDataChangeRequestAdmin(admin.ModelAdmin):
    """Read here; decided through master_data_change_decide (SPEC R19), never edited by hand."""

    list_display = ["complaint", "field_name", "proposed_value", "status", "requested_by", "requested_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["complaint__tracking_number", "beneficiary_nik", "field_name"]
    raw_id_fields = ["complaint", "requested_by", "decided_by"]
    readonly_fields = ["status", "decided_by", "decided_at", "decision_note"]
