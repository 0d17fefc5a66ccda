from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .models import Article
from .services import body_from_original, find_duplicate
from .text import BIDI_CONTROLS, visible_text

FORMAT_BY_EXTENSION = {
    ".txt": Article.Format.TEXT,
    ".text": Article.Format.TEXT,
    ".md": Article.Format.MARKDOWN,
    ".markdown": Article.Format.MARKDOWN,
    ".html": Article.Format.HTML,
    ".htm": Article.Format.HTML,
}


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_lone_surrogates(value: str) -> None:
    """Half of a UTF-16 pair (a JSON escape such as \\ud800 alone) is no character: it can be
    neither stored nor shown."""
    found = LONE_SURROGATE.search(value)
    if found:
        raise forms.ValidationError(
            f"Remove the broken character U+{ord(found[0]):04X} (half of a surrogate pair)."
        )


def duplicate_error(existing: Article) -> forms.ValidationError:
    """The answer to a text already stored: found by the form, or by the upload that lost a
    race to store it (services.DuplicateArticle)."""
    return forms.ValidationError(
        format_html(
            'This text is already stored as <a href="{}">{}</a>.',
            reverse("articles:detail", args=[existing.pk]),
            existing.title,
        ),
        code="duplicate",
    )


class OneLineField(forms.CharField):
    """One line of text. Line breaks and runs of white space become one space; control
    characters and bidirectional controls, which can disguise how a line reads, are refused."""

    default_validators = [refuse_lone_surrogates]
    unwanted = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")

    def to_python(self, value):
        return " ".join(super().to_python(value).split())

    def validate(self, value):
        super().validate(value)
        found = self.unwanted.search(value)
        if found:
            raise forms.ValidationError(
                f"Remove the invisible control character U+{ord(found[0]):04X}."
            )


class ArticleUploadForm(forms.Form):
    """An article as an editor gives it: a file or pasted text, with its metadata.

    Validation leaves cleaned_data ready for services.create_article:
    original, original_format, original_filename.
    """

    title = OneLineField(max_length=300)
    outlet = OneLineField(max_length=200, required=False)
    author = OneLineField(max_length=200, required=False)
    url = forms.CharField(
        label="URL",
        max_length=1000,
        required=False,
        validators=[refuse_lone_surrogates, URLValidator(schemes=["http", "https"])],
        help_text="The article's address, starting with http:// or https://",
    )
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Publication date; relative dates in the text are read from it.",
    )
    file = forms.FileField(
        required=False,
        help_text="A .txt, .md or .html file.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMAT_BY_EXTENSION)}),
    )
    text = forms.CharField(
        label="Or paste the text",
        required=False,
        strip=False,
        validators=[refuse_lone_surrogates],
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def clean_published(self):
        published = self.cleaned_data["published"]
        if published and published > timezone.localdate():
            raise forms.ValidationError("The publication date cannot be in the future.")
        return published

    def clean_url(self):
        return self.cleaned_data["url"].strip()

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text.encode("utf-8")) > settings.ARTICLE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The text is too long: at most {filesizeformat(settings.ARTICLE_MAX_UPLOAD_BYTES)}."
            )
        return text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:
            return None
        name = PurePath(upload.name.replace("\\", "/")).name
        extension = PurePath(name).suffix.lower()
        if extension not in FORMAT_BY_EXTENSION:
            raise forms.ValidationError(
                f"Unsupported file type {extension or '(none)'}: upload a .txt, .md or .html file."
            )
        if upload.size > settings.ARTICLE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the limit is "
                f"{filesizeformat(settings.ARTICLE_MAX_UPLOAD_BYTES)}."
            )
        data = upload.read()
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise forms.ValidationError(
                "The file is UTF-16 text, not UTF-8. Save it as UTF-8 and upload it again."
            )
        if data.startswith(b"%PDF-"):
            raise forms.ValidationError(
                "This is a PDF document, not text: copy its text and paste it instead."
            )
        if b"\x00" in data:
            raise forms.ValidationError("This is a binary file, not text.")
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not UTF-8 text. Save it as UTF-8 and upload it again."
            ) from None
        return {"name": name[:255], "content": content, "format": FORMAT_BY_EXTENSION[extension]}

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text")
        if self.errors:
            return cleaned
        if upload and text and text.strip():
            raise forms.ValidationError("Give a file or pasted text, not both.")
        if upload:
            original, original_format, filename = (
                upload["content"],
                upload["format"],
                upload["name"],
            )
        else:
            original, original_format, filename = text or "", Article.Format.TEXT, ""
        body = body_from_original(original, original_format)
        if not visible_text(body).strip():
            raise forms.ValidationError("The article has no text.")
        existing = find_duplicate(body)
        if existing is not None:
            raise duplicate_error(existing)
        cleaned.update(
            original=original, original_format=original_format, original_filename=filename
        )
        return cleaned

    def article_fields(self) -> dict:
        """What services.create_article takes, from a valid form."""
        data = self.cleaned_data
        keys = (
            "title",
            "outlet",
            "author",
            "url",
            "published",
            "original",
            "original_format",
            "original_filename",
        )
        return {key: data[key] for key in keys}
