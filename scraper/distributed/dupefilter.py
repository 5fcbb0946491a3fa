"""The shared duplicate filter: one Redis set of normalised article URLs.

The spider marks every request ``dont_filter`` (it deduplicates articles itself), so the
filter is consulted by the spider, not the scheduler: ``claim`` adds an article URL and
counts it against its source's per-run cap in one Lua script, so two workers that find
the same link in a feed and a sitemap cannot both fetch it. ``wirebrief seed`` fills the
same set from the store's seen URLs, so the store and the filter agree.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter

from scraper.distributed.keys import Keys
from scraper.urls import normalize_url

CLAIM = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[2]) then
  redis.call('SADD', KEYS[3], ARGV[3])
  return -1
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('INCR', KEYS[2])
redis.call('SADD', KEYS[4], ARGV[3] .. '\t' .. ARGV[1])
return 1
"""
# A dead worker's claims that never reached the queue: the URLs are free again and count no
# more against their source, so the listing that named them, re-queued, claims them anew.
RELEASE = """
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local tab = string.find(member, '\t', 1, true)
  local source, url = string.sub(member, 1, tab - 1), string.sub(member, tab + 1)
  redis.call('SREM', KEYS[2], url)
  redis.call('DECR', ARGV[1] .. source)
end
return redis.call('DEL', KEYS[1])
"""


class UrlDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter keyed by the normalised URL (what the store remembers)."""

    def __init__(self, server: Any, key: str, debug: bool = False) -> None:
        super().__init__(server, key, debug)
        self._claim = server.register_script(CLAIM)

    @classmethod
    def for_keys(cls, server: Any, keys: Keys) -> UrlDupeFilter:
        return cls(server, keys.dupefilter)

    def request_fingerprint(self, request: Request) -> str:
        return normalize_url(request.url)

    def close(self, reason: str = "") -> None:
        """Keep the set: it is shared with the other workers and the next rounds."""

    def claim(self, keys: Keys, url: str, source: str, cap: int, worker: str) -> int:
        """1: this worker fetches ``url``; 0: already stored or claimed; -1: source capped.
        A won claim is the worker's (``keys.claims``) until its request is in the queue."""
        return int(self._claim(keys=[self.key, keys.count(source), keys.capped, keys.claims(worker)],
                               args=[normalize_url(url), cap, source]))


def claim_member(source: str, url: str) -> str:
    """How a claim is held in a worker's claims set."""
    return f"{source}\t{normalize_url(url)}"


def release_claims(server: Any, keys: Keys, worker: str) -> None:
    """Free the claims ``worker`` never queued (it died between claiming and queueing)."""
    script = server.register_script(RELEASE)
    script(keys=[keys.claims(worker), keys.dupefilter], args=[keys.count("")])
