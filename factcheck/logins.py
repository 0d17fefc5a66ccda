"""Login forms that stop guessing: after repeated failures, an account or an address waits.

Failures are counted in Django's cache, per username and per client address, for
LOGIN_LOCKOUT_SECONDS from the first one. Once a count reaches its limit, every login
for that username (or from that address) is refused with a message, a correct password
included, until the period ends. The per-address limit is higher: a newsroom behind one
address must not be locked out by one person's typos. Used by the site's login page
and the admin's.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_out
from django.core.cache import cache
from django.dispatch import receiver

logger = logging.getLogger(__name__)


def _keys(request, username: str) -> list[tuple[str, int]]:
    """The cache keys a login attempt counts against, each with its limit."""
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    address = request.META.get("REMOTE_ADDR", "") if request else ""
    return [
        (f"login-failures:username:{name}", settings.LOGIN_FAILURES_PER_USERNAME),
        (f"login-failures:address:{address}", settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


def _forget_when_over(key: str, now: float) -> None:
    """The period is measured, not left to the cache's expiry alone (which a cache server's
    clock decides): a count older than the period counts no more."""
    since = cache.get(f"{key}:since")
    if since is not None and now - since >= settings.LOGIN_LOCKOUT_SECONDS:
        cache.delete_many([key, f"{key}:since"])


def _locked_out(keys: list[tuple[str, int]], now: float) -> bool:
    for key, _limit in keys:
        _forget_when_over(key, now)
    return any(cache.get(key, 0) >= limit for key, limit in keys)


@contextmanager
def _unless_the_cache_is_down() -> Iterator[None]:
    """With the cache unreachable logins are not counted, rather than all refused."""
    try:
        yield
    except Exception:
        logger.warning("login throttle skipped: the cache is unreachable", exc_info=True)


class ThrottledLoginMixin:
    def clean(self):
        keys = _keys(self.request, self.cleaned_data.get("username") or "")
        now = time.time()
        locked = False
        with _unless_the_cache_is_down():
            locked = _locked_out(keys, now)
        if locked:
            minutes = max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)
            raise forms.ValidationError(
                f"Too many failed logins. Wait {minutes} minutes and try again.",
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            with _unless_the_cache_is_down():
                for key, _limit in keys:
                    # add() starts the period on the first failure; incr() keeps its expiry.
                    cache.add(key, 0, settings.LOGIN_LOCKOUT_SECONDS)
                    cache.add(f"{key}:since", now, settings.LOGIN_LOCKOUT_SECONDS)
                    cache.incr(key)
            raise
        if self.user_cache is not None:
            # A correct login starts the account's count again, not the address's.
            with _unless_the_cache_is_down():
                cache.delete(keys[0][0])
        return cleaned


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


@receiver(user_logged_out, dispatch_uid="factcheck.logins.say_logged_out")
def say_logged_out(sender, request, user, **kwargs) -> None:
    """The login page the site and the admin return to says what happened."""
    if request is not None:
        messages.info(request, "You are logged out.", fail_silently=True)
