"""The outbox for administrators: every message with its state (queued, sent, delivered, failed
with the reason), and "send again" for those that failed. Recipients are masked in the list."""

from django.contrib import admin, messages

from aduan.core.privacy import mask_contact
from aduan.core.readonly_admin import ReadOnlyAdmin
from aduan.notifications.dispatch import notification_resend
from aduan.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "complaint", "transport", "masked_recipient", "status", "attempts", "last_error")
    list_filter = ("status", "transport")
    search_fields = ("complaint__tracking_number", "gateway_reference")
    date_hierarchy = "created_at"
    list_select_related = ("complaint",)
    fields = ("complaint", "event", "transport", "masked_recipient", "subject", "status", "attempts", "last_error",
              "gateway_reference", "created_at", "sent_at", "delivered_at")
    readonly_fields = fields
    actions = ["resend"]

    @admin.display(description="penerima")
    def masked_recipient(self, obj: Notification) -> str:
        return mask_contact(obj.recipient)

    @admin.action(description="Kirim ulang pesan yang gagal")
    def resend(self, request, queryset):
        count = sum(notification_resend(notification_id=pk) for pk in queryset.values_list("pk", flat=True))
        messages.success(request, f"{count} pesan dimasukkan lagi ke antrean.")
