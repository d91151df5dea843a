"""The IKM questionnaire as a form (PermenPANRB 14/2017): nine elements scored 1–4 and the optional
respondent data. The reporter fills it on /lacak/ after closure; officers type paper ones in at
/petugas/survei/. Recording it is aduan.surveys.actions' job, for both."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aduan.surveys.elements import CODES, EDUCATION, ELEMENTS, OCCUPATION, SCORE_LABELS, Gender

SCORE_CHOICES = [(score, f"{score} — {label}") for score, label in sorted(SCORE_LABELS.items(), reverse=True)]


class SurveyFields(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name, question in ELEMENTS:
            self.fields[code.lower()] = forms.TypedChoiceField(
                label=f"{code}. {_(question)}", help_text=_(name), coerce=int, choices=SCORE_CHOICES,
                widget=forms.RadioSelect, error_messages={"required": _("Pilih nilai 1–4 untuk unsur ini.")})
        self.fields["gender"] = forms.ChoiceField(label=_("Jenis kelamin (boleh kosong)"), required=False,
                                                  choices=[("", "—"), *Gender.CHOICES])
        self.fields["age"] = forms.IntegerField(label=_("Usia (boleh kosong)"), required=False, min_value=15,
                                                max_value=120, widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
        self.fields["education"] = forms.ChoiceField(label=_("Pendidikan (boleh kosong)"), required=False,
                                                     choices=[("", "—"), *EDUCATION])
        self.fields["occupation"] = forms.ChoiceField(label=_("Pekerjaan (boleh kosong)"), required=False,
                                                      choices=[("", "—"), *OCCUPATION])

    @property
    def element_fields(self):
        return [self[code.lower()] for code in CODES]

    @property
    def respondent_fields(self):
        return [self[name] for name in ("gender", "age", "education", "occupation")]

    @staticmethod
    def scores_of(data: dict) -> dict[str, int]:
        return {code: data[code.lower()] for code in CODES}

    @staticmethod
    def respondent_of(data: dict) -> dict:
        return {name: data.get(name) for name in ("gender", "age", "education", "occupation")}
