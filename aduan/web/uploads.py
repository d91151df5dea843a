"""Attachments in the web forms: checked by content while the form is validated, so the person
fixes them together with everything else; stored through `aduan.core.attachments.attachment_add`."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext, gettext_noop

from aduan.core.attachments import MAX_SIZE, attachment_add, sniff

MAX_FILES = 3

TOO_MANY = gettext_noop("Paling banyak {max} lampiran; Anda memilih {count}.")
TOO_BIG = gettext_noop("{name}: ukurannya {size} MB, batasnya 5 MB per berkas.")
WRONG_TYPE = gettext_noop("{name}: bukan foto JPEG/PNG atau PDF. Kirim foto atau PDF saja.")
EMPTY_FILE = gettext_noop("{name}: berkasnya kosong.")
TOO_MUCH = gettext_noop("Lampiran bersama-sama {size} MB, batasnya {limit} MB sekali kirim. Kirim yang terpenting saja.")


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    description: str = ""


def check_file(upload: UploadedFile, description: str = "") -> CheckedFile:
    name = (upload.name or "berkas")[:80]
    if not upload.size:
        raise forms.ValidationError(gettext(EMPTY_FILE).format(name=name), code="empty")
    if upload.size > MAX_SIZE:
        raise forms.ValidationError(gettext(TOO_BIG).format(name=name, size=f"{upload.size / 1024 / 1024:.1f}"), code="too_big")
    upload.seek(0)
    kind = sniff(upload.read(16))
    upload.seek(0)
    if kind is None:  # the name says .jpg, the bytes say otherwise
        raise forms.ValidationError(gettext(WRONG_TYPE).format(name=name), code="wrong_type")
    return CheckedFile(upload, description)


def check_files(uploads: list[UploadedFile], *, max_files: int = MAX_FILES, description: str = "") -> list[CheckedFile]:
    if len(uploads) > max_files:
        raise forms.ValidationError(gettext(TOO_MANY).format(max=max_files, count=len(uploads)), code="too_many")
    total, limit = sum(u.size or 0 for u in uploads), settings.ADUAN["MAX_UPLOAD_MB"]
    if total > limit * 1024 * 1024:
        raise forms.ValidationError(gettext(TOO_MUCH).format(size=f"{total / 1024 / 1024:.1f}", limit=limit), code="too_much")
    errors, checked = [], []
    for upload in uploads:
        try:
            checked.append(check_file(upload, description))
        except forms.ValidationError as error:
            errors.append(error)
    if errors:
        raise forms.ValidationError(errors)
    return checked


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the form's clean_<field> checks each by content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def attachments_save(*, complaint, files: list[CheckedFile], uploaded_by=None) -> None:
    for checked in files:
        attachment_add(complaint=complaint, file=checked.upload, original_name=checked.upload.name or "",
                       uploaded_by=uploaded_by, description=checked.description)
