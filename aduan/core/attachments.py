"""Files a complaint carries (a photo of a KKS card, a scanned letter), checked by their content.

The name and the declared type come from the sender and prove nothing; the first bytes decide.
The API, email intake and the web form all add files through `attachment_add`.
"""

import os
import uuid

from django.core.files.base import ContentFile, File

from aduan.core.errors import ActionError
from aduan.core.models import Attachment, Complaint

MAX_SIZE = 5 * 1024 * 1024
# (magic bytes, content type, extension)
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)

TOO_LARGE = "Lampiran terlalu besar: paling besar 5 MB."
UNSUPPORTED = "Jenis lampiran tidak diterima: hanya foto JPEG/PNG atau dokumen PDF."
EMPTY = "Lampiran kosong."


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) of a file from its first bytes; None when it is none we accept."""
    for magic, content_type, extension in SIGNATURES:
        if head.startswith(magic):
            return content_type, extension
    return None


def clean_name(name: str) -> str:
    # Only the last path component, as shown in the timeline; never used as the stored file name.
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    return base[:200] or "lampiran"


def attachment_add(
    *, complaint: Complaint, file: File | bytes, original_name: str, uploaded_by=None, description: str = "",
) -> Attachment:
    """Keep a file with the complaint after checking its size and its kind."""
    if isinstance(file, bytes):
        file = ContentFile(file)
    size = file.size or 0
    if size == 0:
        raise ActionError(EMPTY, field="file")
    if size > MAX_SIZE:
        raise ActionError(TOO_LARGE, field="file", code="too_large")
    file.seek(0)
    kind = sniff(file.read(16))
    file.seek(0)
    if kind is None:
        raise ActionError(UNSUPPORTED, field="file", code="unsupported_media_type")
    content_type, extension = kind
    attachment = Attachment(
        complaint=complaint, original_name=clean_name(original_name), content_type=content_type, size=size,
        description=(description or "").strip()[:200], uploaded_by=uploaded_by,
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{extension}", file, save=False)
    attachment.save()
    return attachment

