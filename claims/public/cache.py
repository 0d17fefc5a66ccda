"""The publication revision, and the answers kept under it.

The revision is replaced after every change readers could see (once its transaction
commits); it keys the API's cached answers and ETags, so nothing stale is served after a
change. Answers are kept in two tiers: this process's small local cache, then the shared one.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction

logger = logging.getLogger(__name__)

REVISION_KEY = "published:revision"


def revision() -> tuple[str, float]:
    """(token, time of the last change) of what readers see now.

    Each process keeps the revision it read for API_REVISION_CHECK_SECONDS (a change made in
    another process shows within that time; at once in this one), so that most answers need
    no round trip to the shared cache. A shared cache that lost the revision (eviction, a
    restart) gets a new random token: answers kept under an older one are never served again.
    With the cache down the token is "".
    """
    current = local_cache().get(REVISION_KEY)
    if current is not None:
        return current
    try:
        current = cache.get(REVISION_KEY)
        if current is None:
            cache.add(REVISION_KEY, (uuid.uuid4().hex, time.time()), timeout=None)
            current = cache.get(REVISION_KEY)
    except Exception:  # the cache is down: the API answers without it
        logger.warning("the cache is unreachable; the API answers without it", exc_info=True)
        return "", time.time()
    if current is None:
        return "", time.time()
    local_cache().set(REVISION_KEY, current, settings.API_REVISION_CHECK_SECONDS)
    return current


def kept_answer(key: str) -> Any:
    """An answer kept under `key` (its revision is in the key): in this process, or shared."""
    answer = local_cache().get(key)
    if answer is not None:
        return answer
    try:
        answer = cache.get(key)
    except Exception:
        logger.warning("the cache is unreachable; the answer is made again", exc_info=True)
        return None
    if answer is not None:
        local_cache().set(key, answer, settings.API_CACHE_SECONDS)
    return answer


def keep_answer(key: str, value: Any, seconds: int) -> None:
    local_cache().set(key, value, seconds)
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("the cache is unreachable; the answer is not kept", exc_info=True)


def changed() -> None:
    """Readers will see a change once the current transaction commits: a new revision then."""

    def bump() -> None:
        current = (uuid.uuid4().hex, time.time())
        local_cache().set(REVISION_KEY, current, settings.API_REVISION_CHECK_SECONDS)
        cache.set(REVISION_KEY, current, timeout=None)

    # robust: the decision is committed already; a cache outage must not turn it into an error
    transaction.on_commit(bump, robust=True)


def local_cache():
    """This process's own small cache of recent answers and of the revision."""
    return caches["local"]
