"""The Content-Security-Policy header of the app's pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def content_security_policy(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Add settings.CONTENT_SECURITY_POLICY to HTML responses that have no policy of their own.

    Off with DEBUG: Django's debug pages carry inline styles and scripts.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if is_html and settings.CONTENT_SECURITY_POLICY and not settings.DEBUG:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response

    return middleware
