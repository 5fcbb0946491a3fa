"""The shared request queue with leases: a request taken by a worker is never lost.

scrapy-redis's PriorityQueue removes a request when a worker pops it, so a worker killed
mid-request loses it. Here the pop moves it, in one Lua script, into an in-flight hash
owned by the worker; the spider acknowledges it once its callback's output (new requests
and items) is in Redis, and any process re-queues the entries of a worker whose lease
key has expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from scraper.distributed.dupefilter import release_claims
from scraper.distributed.keys import Keys

TOKEN = "cluster_token"
CLAIM = "cluster_claim"  # the "source<TAB>url" a request's article URL was claimed as

POP = """
local items = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #items == 0 then return false end
redis.call('ZREM', KEYS[1], items[1])
local token = ARGV[1] .. ':' .. redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[2], token, items[1])
redis.call('HSET', KEYS[3], token, ARGV[1])
return {token, items[1]}
"""

REQUEUE_ORPHANS = """
local owners = redis.call('HGETALL', KEYS[3])
local moved = 0
for i = 1, #owners, 2 do
  local token, worker = owners[i], owners[i + 1]
  if redis.call('EXISTS', ARGV[1] .. worker) == 0 then
    local data = redis.call('HGET', KEYS[2], token)
    if data then redis.call('ZADD', KEYS[1], 0, data) end
    redis.call('HDEL', KEYS[2], token)
    redis.call('HDEL', KEYS[3], token)
    moved = moved + 1
  end
end
return moved
"""


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop hands out a lease instead of the request."""

    worker = "unknown"

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        self.keys = Keys(self.key.rsplit(":", 1)[0])
        self.worker = getattr(spider, "worker_id", self.worker)
        self._pop = server.register_script(POP)

    def push(self, request: Request) -> None:
        """Queue a request; a retry or redirect of a leased one replaces it atomically."""
        token = request.meta.pop(TOKEN, None)
        claim = request.meta.pop(CLAIM, None)
        data = self._encode_request(request)
        pipe = self.server.pipeline(transaction=True)
        pipe.execute_command("ZADD", self.key, -request.priority, data)
        if token:
            pipe.hdel(self.keys.inflight, token).hdel(self.keys.owners, token)
        if claim:  # queued: the claim is the queue's now, not this worker's to lose
            pipe.srem(self.keys.claims(self.worker), claim)
        pipe.execute()

    def pop(self, timeout: int = 0) -> Request | None:
        keys = [self.key, self.keys.inflight, self.keys.owners, self.keys.sequence]
        found = self._pop(keys=keys, args=[self.worker])
        if not found:
            return None
        token, data = found
        request: Request = self._decode_request(data)
        request.meta[TOKEN] = token.decode() if isinstance(token, bytes) else token
        return request


@dataclass(frozen=True)
class Ack:
    """The last output of a callback: the item pipeline acknowledges the request when it
    gets here, i.e. after every earlier output (CONCURRENT_ITEMS is 1, so in order)."""

    request: Request


def acknowledge(server: Any, keys: Keys, request: Request) -> None:
    """The request's work is in Redis: forget its lease."""
    token = request.meta.get(TOKEN)
    if token:
        server.pipeline(transaction=True).hdel(keys.inflight, token).hdel(keys.owners, token).execute()


def requeue_orphans(server: Any, keys: Keys) -> int:
    """Put back in the queue every in-flight request whose worker's lease has expired, after
    freeing the article URLs that worker claimed and never queued (its listing, re-queued,
    claims them again)."""
    for raw in server.scan_iter(match=keys.claims_pattern):
        claims = raw.decode() if isinstance(raw, bytes) else str(raw)
        worker = claims[len(keys.claims("")):]
        if not server.exists(keys.lease(worker)):
            release_claims(server, keys, worker)
    script = server.register_script(REQUEUE_ORPHANS)
    return int(script(keys=[keys.queue, keys.inflight, keys.owners], args=[keys.lease_prefix]))


def release_own(server: Any, keys: Keys, worker: str) -> int:
    """Forget in-flight entries of ``worker`` itself; called only when its engine is idle,
    when no request of its own can still be on its way to an acknowledgement."""
    tokens = [token for token, owner in server.hgetall(keys.owners).items()
              if (owner.decode() if isinstance(owner, bytes) else owner) == worker]
    if tokens:
        server.pipeline(transaction=True).hdel(keys.inflight, *tokens).hdel(keys.owners, *tokens).execute()
    return len(tokens)
