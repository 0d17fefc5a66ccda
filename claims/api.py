"""The facts API (published facts, for anyone) and the claims API (for the newsroom).

Fact answers are the facts' public records (claims.public) and are cached whole under the
publication revision: a cached answer or a 304 costs no query, a fresh page one.
"""

from __future__ import annotations

import hashlib
from base64 import urlsafe_b64decode, urlsafe_b64encode
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.utils.urls import replace_query_param

from factcheck.api import CursorPagination, FilterBackend, ModelPermissions, dump_json

from .models import Claim, Fact
from .public import cache, queries
from .public.claimreview import claim_review
from .public.document import FactSerializer, documents_json, fact_documents, record_value

MAX_ID = 2**63 - 1
# An id in a URL: digits that fit a 64-bit key, so no database sees a number it cannot hold.
ID_PATTERN = r"[0-9]{1,18}"

# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


class FactFilter(filters.FilterSet):
    subject = filters.CharFilter(lookup_expr="icontains", help_text="Words in the subject.")
    kind = filters.ChoiceFilter(choices=Claim.Kind.choices)
    unit = filters.CharFilter(field_name="verified_unit", lookup_expr="iexact")
    outlet = filters.CharFilter(method="filter_outlet", help_text="Cited by this outlet.")
    article = filters.NumberFilter(
        method="filter_article", min_value=1, max_value=MAX_ID, help_text="Cited by this article."
    )
    published_after = filters.DateFilter(field_name="published_at", lookup_expr="date__gte")
    verified_after = filters.DateFilter(field_name="verified_at", lookup_expr="date__gte")

    class Meta:
        model = Fact
        fields = ["subject", "kind", "unit", "outlet", "article"]

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(queries.outlet_filter(value))

    def filter_article(self, queryset, name, value):
        return queryset.filter(queries.article_filter(int(value)))


class FactPages(CursorPagination):
    """Keyset pages of fact records: a cursor holds the ordering value and id of the row it
    follows (or, going back, precedes)."""

    ordering = "-published_at"

    def paginate_queryset(self, queryset, request, view=None) -> list[queries.Row]:
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.order = self.get_ordering(request, queryset, view)[0]
        position, backwards = self.decode_cursor(request)
        try:
            rows = queries.page_of_records(
                queryset,
                order=self.order,
                position=position,
                backwards=backwards,
                size=self.page_size + 1,  # one more tells whether a page follows
            )
        except (ValidationError, OverflowError):  # a position the column cannot hold
            raise NotFound(self.invalid_cursor_message) from None
        more = len(rows) > self.page_size
        self.page = rows[: self.page_size]
        came_from = position is not None  # the page the cursor was taken from
        self.has_next = bool(self.page) and (came_from if backwards else more)
        self.has_previous = bool(self.page) and (more if backwards else came_from)
        if backwards:
            self.page.reverse()
        return self.page

    def get_next_link(self) -> str | None:
        return self._link(self.page[-1], backwards=False) if self.has_next else None

    def get_previous_link(self) -> str | None:
        return self._link(self.page[0], backwards=True) if self.has_previous else None

    def _link(self, row: queries.Row, *, backwards: bool) -> str:
        value = record_value(row, self.order.lstrip("-"))
        cursor = urlsafe_b64encode(dump_json([value, row[0], backwards])).decode()
        return replace_query_param(self.base_url, self.cursor_query_param, cursor)

    def decode_cursor(self, request) -> tuple[tuple[Any, int] | None, bool]:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None, False
        try:
            value, fact_id, backwards = orjson.loads(urlsafe_b64decode(encoded))
        except (ValueError, TypeError):
            raise NotFound(self.invalid_cursor_message) from None
        if not (
            isinstance(value, str | int)
            and isinstance(fact_id, int)
            and 0 < fact_id <= MAX_ID
            and isinstance(backwards, bool)
        ):
            raise NotFound(self.invalid_cursor_message)
        return (value, fact_id), backwards


class FactViewSet(viewsets.GenericViewSet):
    """Published facts with their citations. Retracted facts stay reachable by id."""

    # Public reads: the same answer for everyone, so nobody is looked up (no session read, no
    # Vary: Cookie); readers are throttled by address.
    authentication_classes = []
    permission_classes = [AllowAny]
    lookup_value_regex = ID_PATTERN
    pagination_class = FactPages
    filter_backends = [FilterBackend, SearchFilter, OrderingFilter]
    filterset_class = FactFilter
    search_fields = ["subject"]
    ordering_fields = queries.PAGE_ORDERINGS
    serializer_class = FactSerializer

    def get_queryset(self):
        if self.action == "list":
            return queries.published_facts()
        return queries.public_facts()

    @extend_schema(responses=FactSerializer(many=True))
    def list(self, request):
        def body() -> bytes:
            rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
            links = dump_json(
                {
                    "next": self.paginator.get_next_link(),
                    "previous": self.paginator.get_previous_link(),
                }
            )
            documents = documents_json(rows, address=self._address())
            # The links object, opened again for the results: each document is JSON already.
            return b'%s,"results":[%s]}' % (links[:-1], ",".join(documents).encode())

        return cached_for_readers(request, body)

    @extend_schema(responses=FactSerializer)
    def retrieve(self, request, pk: str):
        return cached_for_readers(request, lambda: dump_json(self._document(pk)))

    @extend_schema(
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT},
        description="The fact as schema.org ClaimReview JSON-LD.",
    )
    @action(detail=True, url_path="claimreview")
    def claimreview(self, request, pk: str):
        def body() -> bytes:
            review = claim_review(self._document(pk), organisation=settings.ORGANISATION_NAME)
            return dump_json(review)

        return cached_for_readers(request, body, content_type="application/ld+json")

    def _document(self, pk: str) -> dict:
        rows = queries.fact_rows(self.get_queryset().filter(pk=int(pk)))
        documents = fact_documents(rows, address=self._address())
        if not documents:
            raise NotFound("No published fact has this id.")
        return documents[0]

    def _address(self) -> str:
        return self.request.build_absolute_uri(reverse("api:fact-list"))


def cached_for_readers(request, body, *, content_type: str = "application/json") -> HttpResponse:
    """Answer from the cache, or 304, when nothing readers see has changed since.

    The ETag and the cache key are one digest of the publication revision and the full
    address: a publish, correction or retraction changes both at once.
    """
    token, changed_at = cache.revision()
    if not token:  # no cache to rely on
        return HttpResponse(body(), content_type=content_type)
    address = request.build_absolute_uri()
    digest = hashlib.sha1(f"{token} {address}".encode()).hexdigest()
    etag = quote_etag(digest)
    last_modified = int(changed_at)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(kept_or_made(f"api:{digest}", body), content_type=content_type)
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    # Anyone may store it, but must ask again before reusing it: a retraction shows at once.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def kept_or_made(key: str, body) -> bytes:
    """The answer kept under `key`, or `body()` kept there; with API_CACHE_SECONDS=0 answers
    are neither kept nor looked for."""
    if not settings.API_CACHE_SECONDS:
        return body()
    content = cache.kept_answer(key)
    if content is None:
        content = body()
        cache.keep_answer(key, content, settings.API_CACHE_SECONDS)
    return content


# --------------------------------------------------------------------------------------------
# Claims, for the newsroom
# --------------------------------------------------------------------------------------------


class ClaimArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    outlet = serializers.CharField()


class ClaimSerializer(serializers.ModelSerializer):
    article = ClaimArticleSerializer()
    value = serializers.CharField(help_text="The normalised value: a number, range or ISO date.")
    corrected_value = serializers.CharField(help_text="A reviewer's correction, or empty.")
    reviewed_by = serializers.CharField(
        source="reviewed_by.username", read_only=True, allow_null=True
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "fact",
            "text",
            "start",
            "end",
            "kind",
            "value",
            "unit",
            "qualifier",
            "subject",
            "status",
            "corrected_value",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ]


class ClaimFilter(filters.FilterSet):
    article = filters.NumberFilter(field_name="article_id", min_value=1, max_value=MAX_ID)
    fact = filters.NumberFilter(field_name="fact_id", min_value=1, max_value=MAX_ID)
    outlet = filters.CharFilter(field_name="article__outlet", lookup_expr="iexact")

    class Meta:
        model = Claim
        fields = ["status", "kind", "article", "fact", "outlet"]


class IdCursor(CursorPagination):
    ordering = "-id"


class ClaimViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Every proposed figure, for editors and reviewers (`?status=disputed` for the disputes)."""

    permission_classes = [IsAuthenticated, ModelPermissions]
    serializer_class = ClaimSerializer
    lookup_value_regex = ID_PATTERN
    pagination_class = IdCursor
    filterset_class = ClaimFilter
    queryset = Claim.objects.select_related("article", "reviewed_by").defer(
        "article__body", "article__original"
    )
