from django.contrib import admin

from aduan.taxonomy.models import (
    CategoryType,
    DeadlineClass,
    DeadlinePolicy,
    DeadlineStage,
    HolidayOverride,
    Program,
    Topic,
)


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sms_keyword", "policy", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


@admin.register(CategoryType)
class CategoryTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "default_severity"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["code", "program", "number", "name", "authority", "severity", "is_active"]
    list_filter = ["program", "authority", "severity", "is_active"]
    search_fields = ["code", "name"]
    filter_horizontal = ["category_types"]
    list_select_related = ["program"]


class DeadlineStageInline(admin.TabularInline):
    model = DeadlineStage
    extra = 0


@admin.register(DeadlineClass)
class DeadlineClassAdmin(admin.ModelAdmin):
    list_display = ["policy", "severity", "amount", "unit"]
    list_filter = ["policy"]
    inlines = [DeadlineStageInline]


class DeadlineClassInline(admin.TabularInline):
    model = DeadlineClass
    extra = 0
    show_change_link = True


@admin.register(DeadlinePolicy)
class DeadlinePolicyAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "is_default"]
    search_fields = ["slug", "name"]
    inlines = [DeadlineClassInline]


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "is_day_off"]
    list_filter = ["is_day_off"]
    search_fields = ["name"]
    date_hierarchy = "day"
