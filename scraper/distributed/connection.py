"""One way to reach Redis for every part of the cluster, with a readable failure."""

from __future__ import annotations

from typing import Any

import redis
from scrapy.settings import BaseSettings
from scrapy_redis.connection import get_redis_from_settings

SCHEMES = ("redis://", "rediss://", "unix://")


def connect(url: str) -> redis.Redis:
    """A client for ``url``, checked with a PING so a wrong URL fails now, in one line."""
    if not url.startswith(SCHEMES):
        raise ValueError(f"--redis must be a redis://, rediss:// or unix:// URL, not {url!r}")
    client = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10,
                                  retry_on_timeout=True)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise RuntimeError(f"cannot reach Redis at {url}: {exc}") from None
    return client


def server_from_settings(settings: BaseSettings) -> Any:
    return get_redis_from_settings(settings)
