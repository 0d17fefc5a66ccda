"""The articles API: the newsroom's articles, and uploads for editors.

An upload through the API is validated by the same form as the upload page, so the two
refuse the same things with the same messages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from django.urls import reverse
from django.utils.html import strip_tags
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from factcheck.api import CursorPagination, JSONParser, ModelPermissions

from . import services
from .forms import ArticleUploadForm, duplicate_error
from .models import Article

ID_PATTERN = r"[0-9]{1,18}"


class ArticleSerializer(serializers.ModelSerializer):
    url = serializers.CharField(read_only=True, help_text="The article's address; may be empty.")

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "outlet",
            "author",
            "url",
            "published",
            "status",
            "status_reason",
            "original_format",
            "original_filename",
            "created_at",
        ]
        read_only_fields = fields


class ArticleUploadSerializer(serializers.Serializer):
    """What an upload takes (for the schema; the upload form validates it)."""

    title = serializers.CharField(max_length=300)
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True)
    author = serializers.CharField(max_length=200, required=False, allow_blank=True)
    url = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    published = serializers.DateField(required=False, allow_null=True)
    text = serializers.CharField(
        required=False, help_text="The article's text; or send `file` as multipart."
    )
    file = serializers.FileField(required=False, help_text="A .txt, .md or .html file.")


UPLOAD_FIELDS = frozenset(ArticleUploadSerializer().fields)


class ArticleCursor(CursorPagination):
    ordering = "-created_at"


class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The articles; editors upload them (the worker then reads their figures)."""

    permission_classes = [IsAuthenticated, ModelPermissions]
    serializer_class = ArticleSerializer
    lookup_value_regex = ID_PATTERN
    pagination_class = ArticleCursor
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filterset_fields = ["status", "outlet"]
    queryset = Article.objects.defer("body", "original")

    @extend_schema(request=ArticleUploadSerializer, responses={201: ArticleSerializer})
    def create(self, request):
        if not isinstance(request.data, Mapping):
            raise ValidationError({"non_field_errors": ["Send the article as a JSON object."]})
        unknown = set(request.data) - UPLOAD_FIELDS
        if unknown:
            raise ValidationError({name: ["This field cannot be set."] for name in sorted(unknown)})
        form = ArticleUploadForm(_form_data(request.data), request.FILES or None)
        if not form.is_valid():
            raise ValidationError(_form_errors(form, request))
        try:
            article = services.create_article(uploaded_by=request.user, **form.article_fields())
        except services.DuplicateArticle as duplicate:
            # Another upload of the same text won the race since validation: the same answer.
            form.add_error(None, duplicate_error(duplicate.existing))
            raise ValidationError(_form_errors(form, request)) from None
        headers = {
            "Location": request.build_absolute_uri(reverse("api:article-detail", args=[article.pk]))
        }
        return Response(
            ArticleSerializer(article).data, status=status.HTTP_201_CREATED, headers=headers
        )


def _form_data(data) -> dict[str, str]:
    """Request data as the form reads it: strings, with JSON nulls as empty."""
    values = {}
    for name in UPLOAD_FIELDS - {"file"}:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValidationError({name: ["Expected a string."]})
        values[name] = value
    return values


def _form_errors(form: ArticleUploadForm, request) -> dict[str, list[str]]:
    # The form's messages are written for the upload page; one links to the stored article,
    # and keeps its link as an address in brackets.
    def plain(message: str) -> str:
        linked = LINK.sub(lambda m: f"{m[2]} ({request.build_absolute_uri(m[1])})", message)
        return html.unescape(strip_tags(linked))

    return {
        field if field != "__all__" else "non_field_errors": [
            plain(error["message"]) for error in errors
        ]
        for field, errors in form.errors.get_json_data().items()
    }


LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')
