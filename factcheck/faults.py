"""Requests the app refuses before they cost it: bodies over the limit, and every request
while the database is down.

A body is refused by its declared Content-Length before a byte of it is read (413): over
DATA_UPLOAD_MAX_MEMORY_SIZE, or REQUEST_MAX_BYTES for a multipart upload. A body sent without
one (chunked) is read only up to the limit: the servers that decode chunked bodies
(gunicorn) mark their input terminated; elsewhere such a body is refused (411).

A request that needs the database while it is down answers 503 with Retry-After, as JSON
under /api/ and as a short page elsewhere, instead of a server error. The views' errors
reach process_exception; errors anywhere else (a middleware, the session saved after the
view) reach the 500 handler, which asks `database_unavailable` first (factcheck.api).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"
DATABASE_DOWN = (OperationalError, InterfaceError)


def refusal(request: HttpRequest, message: str, status: int) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def refuse_oversized_bodies(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.content_type == "multipart/form-data":
            limit = settings.REQUEST_MAX_BYTES
        else:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        too_large = f"The request is larger than the limit of {limit // 1024} KB."
        declared = request.META.get("CONTENT_LENGTH")
        if declared:
            if not declared.isdigit():
                return refusal(request, "The Content-Length header is not a number.", 400)
            if int(declared) > limit:
                return refusal(request, too_large, 413)
        elif "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            if not request.META.get("wsgi.input_terminated"):
                return refusal(request, "Send the request with a Content-Length.", 411)
            body = request.META["wsgi.input"].read(limit + 1)
            if len(body) > limit:
                return refusal(request, too_large, 413)
            # Django reads a body without a length as empty: give it the one read here.
            request.META["CONTENT_LENGTH"] = str(len(body))
            request._stream = LimitedStream(io.BytesIO(body), len(body))
        return get_response(request)

    return middleware


def database_unavailable(request: HttpRequest, error: BaseException | None) -> HttpResponse | None:
    """The 503 for a request that failed because the database is unreachable; else None."""
    if not isinstance(error, DATABASE_DOWN):
        return None
    response = refusal(
        request,
        "The database is unavailable for a moment; nothing was changed. Try again shortly.",
        503,
    )
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """503 instead of a server error from a view that found the database down."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return database_unavailable(request, exception)
