"""The Redis keys of one cluster, named in one place so every process agrees on them."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "wirebrief:wire"


@dataclass(frozen=True)
class Keys:
    """Every key the cluster uses, under one prefix (one briefing per Redis database)."""

    prefix: str = DEFAULT_PREFIX

    def _key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    @property
    def queue(self) -> str:
        """Sorted set of serialized requests waiting for a worker (scrapy-redis queue)."""
        return self._key("requests")

    @property
    def dupefilter(self) -> str:
        """Set of normalised article URLs already stored or claimed by a worker."""
        return self._key("dupefilter")

    @property
    def inflight(self) -> str:
        """Hash token -> serialized request, for requests a worker has taken."""
        return self._key("inflight")

    @property
    def owners(self) -> str:
        """Hash token -> worker id: whose lease keeps the in-flight request."""
        return self._key("inflight:owner")

    @property
    def sequence(self) -> str:
        return self._key("inflight:seq")

    @property
    def workers(self) -> str:
        """Set of worker ids that have registered; each is alive while its lease key is."""
        return self._key("workers")

    def lease(self, worker: str) -> str:
        return self._key(f"worker:{worker}")

    @property
    def lease_prefix(self) -> str:
        return self._key("worker:")

    @property
    def items(self) -> str:
        """List of fetched pages and fetch records waiting for the single writer."""
        return self._key("items")

    @property
    def ingesting(self) -> str:
        """List of items the writer has taken but not yet committed to the store."""
        return self._key("items:ingesting")

    @property
    def round(self) -> str:
        """Set while a crawl round (from `seed` to the end of `ingest`) is under way."""
        return self._key("round")

    @property
    def listings(self) -> str:
        """Feeds, sitemaps and section pages already queued in this round."""
        return self._key("listings")

    @property
    def http_cache(self) -> str:
        """Hash url -> JSON validators (ETag, Last-Modified) of feeds and sitemaps."""
        return self._key("http_cache")

    @property
    def capped(self) -> str:
        """Set of sources that reached their per-run cap in this round."""
        return self._key("capped")

    def claims(self, worker: str) -> str:
        """Set of "source<TAB>url" a worker claimed and has not yet queued: released if it dies."""
        return self._key(f"claims:{worker}")

    @property
    def claims_pattern(self) -> str:
        return self._key("claims:*")

    def count(self, source: str) -> str:
        """Article requests claimed for one source in this round."""
        return self._key(f"count:{source}")

    @property
    def count_pattern(self) -> str:
        return self._key("count:*")

    def polite(self, host: str) -> str:
        """The next time (microseconds, Redis clock) a request to ``host`` may start."""
        return self._key(f"polite:{host}")
