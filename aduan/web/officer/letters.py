"""The complaint's letters on its page (SPEC R23): the ones issued, each reprinted from the stored
file, and the form to issue another (the unit's letterhead page is with its channels, units.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aduan.core.access import Ability, NotAllowed, may
from aduan.core.errors import ActionError
from aduan.letters.issuing import letter_issue, may_read
from aduan.letters.models import LetterKind
from aduan.web.officer.forms import UnitChoiceField, units_near


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis surat"), choices=LetterKind.choices)
    to_unit = UnitChoiceField(label=_("Unit tujuan (surat pengantar)"), queryset=None, required=False,
                              empty_label=_("— pilih bila surat pengantar —"))

    def __init__(self, *args, complaint, **kwargs):
        kwargs.setdefault("prefix", "surat")
        super().__init__(*args, **kwargs)
        self.complaint = complaint
        self.fields["to_unit"].queryset = units_near(complaint).exclude(pk=complaint.holder_id)


def letters_panel(user, complaint, *, bound: LetterForm | None = None) -> dict:
    letters = [(letter, may_read(user, letter)) for letter in complaint.letters.select_related("issued_by")]
    issuing = may(user, Ability.ISSUE_LETTER, complaint)
    if not letters and not issuing:
        return {}
    return {"letters": letters, "form": bound or (LetterForm(complaint=complaint) if issuing else None)}


def issue(request, complaint):
    """POST of the panel's form: the letter, or the form again with the reason (None)."""
    form = LetterForm(request.POST, complaint=complaint)
    if form.is_valid():
        try:
            letter = letter_issue(complaint=complaint, kind=form.cleaned_data["kind"], actor=request.user,
                                  to_unit=form.cleaned_data["to_unit"])
        except NotAllowed:
            raise PermissionDenied from None
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, gettext("Surat %(number)s diterbitkan.") % {"number": letter.number})
            return None
    return form
