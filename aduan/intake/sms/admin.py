"""Officers read every SMS that came in, including the ones nobody understood; nobody edits them."""

from django.contrib import admin

from aduan.core.privacy import mask_phone, scrub
from aduan.core.readonly_admin import ReadOnlyAdmin
from aduan.intake.sms.models import InboundSms


@admin.register(InboundSms)
class InboundSmsAdmin(ReadOnlyAdmin):
    list_display = ("received_at", "gateway", "masked_sender", "outcome", "complaint", "short_text")
    list_filter = ("outcome", "gateway")
    search_fields = ("complaint__tracking_number", "gateway_message_id")
    date_hierarchy = "received_at"
    list_select_related = ("complaint",)
    readonly_fields = [field.name for field in InboundSms._meta.fields]

    @admin.display(description="pengirim")
    def masked_sender(self, obj: InboundSms) -> str:
        return mask_phone(obj.sender)

    @admin.display(description="isi")
    def short_text(self, obj: InboundSms) -> str:
        text = scrub(obj.text)  # KKS and NIK numbers in the text are masked in the list too
        return text if len(text) <= 60 else text[:57] + "..."
