"""The shared cache on Redis, for a process that must keep answering when Redis does not.

Every call waits at most CACHE_SOCKET_TIMEOUT_MS (settings: the client's socket timeouts).
A Redis that hangs (a stalled node, a full network buffer) accepts connections and never
answers: without a limit each request would wait for ever, with one each request would
still wait the whole timeout. So once a call times out or cannot connect, this process skips
the cache for CACHE_PAUSE_SECONDS: its calls fail at once with CacheUnavailable, and the
callers' fallbacks run (throttles let the request through, the API answers from the
database). Then the next call tries Redis again.
"""

from __future__ import annotations

import functools

import redis
from django_redis.cache import RedisCache

from .pauses import PauseAfterFailure


class CacheUnavailable(redis.ConnectionError):
    """The cache failed recently: not tried again before the pause ends."""


class SharedCache(RedisCache):
    """django-redis's backend with a pause after a failure (per process, not per call)."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        seconds = params.get("OPTIONS", {}).get("PAUSE_SECONDS", 5)
        self.pause = PauseAfterFailure("the cache", seconds)


def _paused_after_failure(method):
    @functools.wraps(method)
    def call(cache: SharedCache, *args, **kwargs):
        if not cache.pause.available():
            raise CacheUnavailable("the cache failed moments ago; not tried again yet")
        try:
            return method(cache, *args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            cache.pause.failed(error)
            raise

    return call


# The calls the app makes (and Django's helpers built on them: get_or_set, incr through add).
for _name in (
    "get",
    "get_many",
    "set",
    "set_many",
    "add",
    "incr",
    "decr",
    "delete",
    "delete_many",
    "has_key",
    "touch",
    "ttl",
    "expire",
    "clear",
):
    setattr(SharedCache, _name, _paused_after_failure(getattr(RedisCache, _name)))
