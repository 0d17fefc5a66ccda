"""What every API endpoint shares: JSON out, errors as JSON with a message, throttles, roles."""

from __future__ import annotations

import logging
import sys
import time
from decimal import Decimal
from typing import Any

import orjson
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import pagination, parsers, permissions, renderers, status, throttling
from rest_framework.exceptions import NotFound, ParseError

from claims.extraction.types import decimal_text

from .faults import API_PREFIX, database_unavailable

logger = logging.getLogger(__name__)


def dump_json(data: Any) -> bytes:
    return orjson.dumps(data, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer on orjson: several times faster on lists of facts."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        return dump_json(data)


class JSONParser(parsers.JSONParser):
    """JSON in, on orjson: a lone surrogate escape ("\\ud800", no text can hold it) and nesting
    deeper than 1,024 levels are refused with a message, where Python's parser would accept
    the first (and fail later, storing it) and run out of stack on the second."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return orjson.loads(stream.read() if stream is not None else b"")
        except orjson.JSONDecodeError as error:
            reason = str(error)
            if "surrogate" in reason:
                message = "The JSON holds a lone surrogate escape such as \\ud800: not text."
            elif "depth limit" in reason:
                message = "The JSON is nested too deeply (at most 1,024 levels)."
            else:
                message = f"JSON parse error - {reason}"
            raise ParseError(message) from None


class CursorPagination(pagination.CursorPagination):
    """Keyset pages of 50 (up to 200): page 1,000 costs what page 1 does, and nothing counts
    every row. A cursor whose position is not a value of the ordering field is refused."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValidationError, ValueError, OverflowError):
            raise NotFound(self.invalid_cursor_message) from None


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, skipped when a request names none of the view's filters:
    building the filter form costs more than the rest of a page of facts."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if (
            filterset_class
            and not request.query_params.keys() & filterset_class.base_filters.keys()
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class ModelPermissions(permissions.DjangoModelPermissions):
    """The role's model permissions, reading included: reading needs the `view` permission."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view) -> bool:
        # A method the endpoint does not have is a 405 for everyone, not a 403 for some.
        if getattr(view, "action", "") is None:
            return True
        return super().has_permission(request, view)


class _FixedWindow(throttling.SimpleRateThrottle):
    """A counter per client and window, in the shared cache.

    DRF's own throttles keep the time of every request in the cache and rewrite the whole
    list on each one: at the rates a public API allows that list is thousands long.
    """

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        key = f"{key}:{window}"
        try:
            cache.add(key, 0, self.duration + 1)
            count = cache.incr(key)
        except ValueError:  # expired between add and incr: a new window
            count = 1
        except Exception:  # a cache outage must not lock readers out
            logger.warning("throttle skipped: the cache is unreachable", exc_info=True)
            return True
        self.retry_after = (window + 1) * self.duration - now
        return count <= self.num_requests

    def wait(self) -> float:
        return self.retry_after


class AnonThrottle(_FixedWindow, throttling.AnonRateThrottle):
    pass


class UserThrottle(_FixedWindow, throttling.UserRateThrottle):
    def get_cache_key(self, request, view):
        # Anonymous readers are AnonThrottle's: one counter each, not two.
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


def handle_exception(exc, context):
    """DRF's handler, with every error shaped as {"detail": message[, "errors": {...}]}."""
    # Imported here: rest_framework.views reads the renderer setting, which names this module.
    from rest_framework.views import exception_handler

    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and "detail" in data:
        return response
    if isinstance(data, list):
        data = {"non_field_errors": data}
    response.data = {"detail": "The request has errors; see `errors`.", "errors": data}
    return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def _error(message: str, status_code: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status_code)


# Django's own error views, answered as JSON under /api/ (unknown addresses, a bad Host header,
# a forged CSRF token, a crash), as HTML pages everywhere else.


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return _error("Bad request.", status.HTTP_400_BAD_REQUEST)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return _error("You do not have permission to perform this action.", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return _error("Not found.", status.HTTP_404_NOT_FOUND)
    return defaults.page_not_found(request, exception)


def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """The last route under /api/: an unknown address answers JSON even with DEBUG on (which
    would otherwise show Django's HTML page); a missing final slash is still redirected."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return _error("Not found.", status.HTTP_404_NOT_FOUND)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while the error is being handled: a database outage is a 503, not a crash.
    unavailable = database_unavailable(request, sys.exception())
    if unavailable is not None:
        return unavailable
    if _is_api(request):
        return _error("Server error; it has been logged.", 500)
    return defaults.server_error(request)


# --------------------------------------------------------------------------------------------
# The schema documents the errors too, so that clients (and the schema fuzz test) know them
# --------------------------------------------------------------------------------------------

ERRORS = {
    "400": "The request has errors (`errors` names them by field).",
    "401": "Authentication is needed: a session or `Authorization: Token KEY`.",
    "403": "The account may not do this.",
    "404": "No such item, or it is not published.",
    "406": "Only JSON is served.",
    "413": "The request body is larger than the limit; it was not read.",
    "429": "Too many requests; `Retry-After` says when to come back.",
    "503": "The database is unavailable for a moment; `Retry-After` says when to come back.",
}
UNREADABLE_BODY = "The body's Content-Type is not one this operation reads."
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["detail"],
}


def document_errors(result, generator, request, public):
    """drf-spectacular post-processing hook: the JSON error answers of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result["paths"].values():
        for method, operation in operations.items():
            responses = operation["responses"]
            for code, description in ERRORS.items():
                responses.setdefault(code, {"description": description, "content": error})
            if method == "get":
                responses.setdefault("304", {"description": "Not modified since the ETag given."})
            else:
                responses.setdefault("415", {"description": UNREADABLE_BODY, "content": error})
    return result
