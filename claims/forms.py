"""The review page's forms: each carries the version of the item it showed."""

from __future__ import annotations

from django import forms

from .models import Claim


class DecisionForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)


class ClaimDecisionForm(DecisionForm):
    claim = forms.IntegerField(widget=forms.HiddenInput)


class CorrectionForm(ClaimDecisionForm):
    number = forms.DecimalField(required=False, max_digits=40, decimal_places=10)
    unit = forms.CharField(required=False, max_length=40)
    date = forms.CharField(required=False, max_length=10)


class VerifyForm(DecisionForm):
    claim = forms.IntegerField(required=False)
    number = forms.DecimalField(required=False, max_digits=40, decimal_places=10)
    number_high = forms.DecimalField(required=False, max_digits=40, decimal_places=10)
    unit = forms.CharField(required=False, max_length=40)
    date = forms.CharField(required=False, max_length=10)
    qualifier = forms.ChoiceField(
        required=False, choices=[("", "as the claim says"), *Claim.Qualifier.choices]
    )


class PrimarySourceForm(DecisionForm):
    url = forms.CharField(max_length=1000)
    title = forms.CharField(max_length=300)
    quote = forms.CharField(required=False, max_length=5000, widget=forms.Textarea)


class SubjectForm(DecisionForm):
    subject = forms.CharField(max_length=300)


def form_errors(form: forms.Form) -> str:
    """The form's errors in one line, for a message."""
    return "; ".join(
        f"{name}: {' '.join(errors)}" if name != "__all__" else " ".join(errors)
        for name, errors in form.errors.items()
    )
