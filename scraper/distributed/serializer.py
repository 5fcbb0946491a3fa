"""JSON serialization of requests in the Redis queue (a scrapy-redis SCHEDULER_SERIALIZER).

scrapy-redis pickles requests by default, and unpickling runs code chosen by whoever can
write to Redis. JSON cannot; bytes (headers, bodies) and non-string keys are tagged so a
request dict comes back exactly as it went in.
"""

from __future__ import annotations

import base64
import json
from typing import Any

BYTES = "$b"
PAIRS = "$d"


def dumps(obj: Any) -> str:
    return json.dumps(_encode(obj), separators=(",", ":"), sort_keys=True)


def loads(data: str | bytes) -> Any:
    return _decode(json.loads(data))


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(key, str) and key not in (BYTES, PAIRS) for key in value):
            return {key: _encode(item) for key, item in value.items()}
        return {PAIRS: [[_encode(key), _encode(item)] for key, item in value.items()]}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot queue a request holding a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {BYTES}:
            return base64.b64decode(value[BYTES])
        if set(value) == {PAIRS}:
            return {_decode(key): _decode(item) for key, item in value[PAIRS]}
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value
