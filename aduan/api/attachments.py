"""A complaint's attachments: upload (JPEG, PNG, PDF up to 5 MB, checked by content), list, download."""

from datetime import datetime

from django.http import FileResponse, Http404
from ninja import File, Form, Path, Router, Schema, Status
from ninja.files import UploadedFile

from aduan.api import scopes
from aduan.api.errors import Error, Forbidden
from aduan.core.access import complaints_visible_to, may_add_evidence, may_download
from aduan.core.attachments import attachment_add
from aduan.core.models import Attachment, Complaint
from aduan.core.tracking import normalize_tracking_number

router = Router(tags=["attachments"])
CONFIDENTIAL_ATTACHMENT = "Lampiran pengaduan rahasia hanya untuk petugas yang menanganinya."

MAX_ID = 2**63 - 1  # a bigint primary key; larger numbers cannot name a row
READ_ONLY = "Akun pengawas hanya dapat membaca; lampiran tidak dapat ditambahkan."
ATTACHMENT_NOT_FOUND = "Lampiran tidak ditemukan."


class AttachmentOut(Schema):
    id: int
    name: str
    content_type: str
    size: int
    description: str
    uploaded_at: datetime
    uploaded_by: str | None
    url: str


def visible_complaint(request, tracking_number: str) -> Complaint:
    normalized = normalize_tracking_number(tracking_number)
    complaint = normalized and complaints_visible_to(request.user).filter(tracking_number=normalized).first()
    if not complaint:
        raise Http404
    return complaint


def attachment_dict(attachment: Attachment) -> dict:
    tracking = attachment.complaint.tracking_number
    uploader = attachment.uploaded_by
    return {
        "id": attachment.pk,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "description": attachment.description,
        "uploaded_at": attachment.uploaded_at,
        "uploaded_by": (uploader.get_full_name() or uploader.get_username()) if uploader else None,
        "url": f"/api/v1/complaints/{tracking}/attachments/{attachment.pk}",
    }


@router.post(
    "/complaints/{tracking_number}/attachments",
    response={201: AttachmentOut, 400: Error, 403: Error, 404: Error, 413: Error, 415: Error},
)
@scopes.require_scope(scopes.COMPLAINTS_WRITE)
def upload_attachment(request, tracking_number: str, file: File[UploadedFile], description: Form[str] = ""):
    """Attach a photo (JPEG, PNG) or a PDF of at most 5 MB, sent as multipart/form-data field `file`."""
    complaint = visible_complaint(request, tracking_number)
    if not may_add_evidence(request.user):
        raise Forbidden(READ_ONLY)
    attachment = attachment_add(
        complaint=complaint, file=file, original_name=file.name or "", uploaded_by=request.user,
        description=description,
    )
    return Status(201, attachment_dict(attachment))


@router.get("/complaints/{tracking_number}/attachments", response={200: list[AttachmentOut], 403: Error, 404: Error})
@scopes.require_scope(scopes.COMPLAINTS_READ)
def list_attachments(request, tracking_number: str):
    complaint = visible_complaint(request, tracking_number)
    return [attachment_dict(a) for a in complaint.attachments.select_related("complaint", "uploaded_by")]


@router.get(
    "/complaints/{tracking_number}/attachments/{attachment_id}",
    response={200: None, 403: Error, 404: Error},
    openapi_extra={"responses": {"200": {"description": "The file itself.", "content": {
        "image/jpeg": {}, "image/png": {}, "application/pdf": {}}}}},
)
@scopes.require_scope(scopes.COMPLAINTS_READ)
def download_attachment(request, tracking_number: str, attachment_id: int = Path(..., ge=1, le=MAX_ID)):
    complaint = visible_complaint(request, tracking_number)
    attachment = complaint.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404(ATTACHMENT_NOT_FOUND)
    if not may_download(user=request.user, complaint=complaint, where="api"):
        raise Forbidden(CONFIDENTIAL_ATTACHMENT)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(ATTACHMENT_NOT_FOUND) from None
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type,
    )
