"""`aduan sms --from NUMBER "TEXT" [--json]`: one SMS through the real intake pipeline.

The same path as a gateway's (gateway "cli"), so it files a real complaint. The message id is a
fresh UUID unless --id is given; the same --id twice answers the same and files once.
"""

import json
import uuid

from django.core.management.base import BaseCommand

from aduan.intake.sms.pipeline import handle_inbound_sms


class Command(BaseCommand):
    help = "Run one SMS through the intake pipeline and print the reply (or the outcome as JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="sender", required=True, help="the sender's phone number, e.g. 081234567890")
        parser.add_argument("text", help='the SMS, e.g. "NT#Jatim#Kediri#Ringinrejo#Purwodadi#Saldo KKS kosong"')
        parser.add_argument("--json", dest="as_json", action="store_true", help="print reply, tracking_number, location_code, needs_review")
        parser.add_argument("--id", dest="message_id", help="the message id (default: a new UUID)")
        parser.add_argument("--to", dest="receiver", default="", help="the number it was sent to (default: none)")

    def handle(self, *args, sender: str, text: str, as_json: bool, message_id: str | None, receiver: str, **options):
        outcome = handle_inbound_sms(
            gateway="cli", message_id=message_id or str(uuid.uuid4()), sender=sender, receiver=receiver, text=text,
        )
        if as_json:
            self.stdout.write(json.dumps({
                "reply": outcome.reply,
                "tracking_number": outcome.tracking_number,
                "location_code": outcome.location_code,
                "needs_review": outcome.needs_review,
                "outcome": outcome.outcome,
            }, ensure_ascii=False))
        else:
            self.stdout.write(outcome.reply)
