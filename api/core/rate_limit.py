"""In-memory sliding-window rate limits, per key (a sender id or a client address).

Per process: with N replicas a client can reach N times the limit, which is acceptable for
abuse protection; exact global limits would need the shared Redis.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from api.core.settings import RateLimit

MAX_KEYS = 100_000  # bound memory under a flood of distinct keys


class RateLimiter:
    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}

    def retry_after(self, key: str) -> int | None:
        """Record a request; None when allowed, else the seconds to wait."""
        if self.limit.requests <= 0:
            return None
        now = self.clock()
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= MAX_KEYS:
                self._forget_idle(now)
            hits = self._hits[key] = deque()
        while hits and hits[0] <= now - self.limit.seconds:
            hits.popleft()
        if len(hits) >= self.limit.requests:
            return max(1, math.ceil(hits[0] + self.limit.seconds - now))
        hits.append(now)
        return None

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, h in self._hits.items() if not h or h[-1] <= now - self.limit.seconds]
        for key in idle:
            del self._hits[key]
