"""A service that failed is not asked again for a few seconds, in this process.

A Redis that hangs accepts connections and never answers: every call to it then costs its
whole socket timeout. After one such failure the callers skip it for a few seconds and take
their fallback at once (factcheck.cache for the cache, factcheck.celery for task sends).
"""

from __future__ import annotations

import logging
import time

logger = logging.getLogger(__name__)


class PauseAfterFailure:
    def __init__(self, service: str, seconds: float):
        self.service = service
        self.seconds = seconds
        self.until = 0.0

    def available(self) -> bool:
        return time.monotonic() >= self.until

    def failed(self, error: BaseException) -> None:
        self.until = time.monotonic() + self.seconds
        logger.warning(
            "%s failed (%s: %s); not asked again for %s s",
            self.service,
            type(error).__name__,
            error,
            self.seconds,
        )
