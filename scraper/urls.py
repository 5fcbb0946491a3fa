"""URL normalisation before deduplication: tracking parameters and fragments removed."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "fbclid", "gclid", "dclid", "yclid", "msclkid",
                     "_ga", "_hs", "icid", "cmpid", "ref_", "oly_", "ncid")
# Bump when normalize_url changes: keys remembered for stored URLs are then made again.
NORMALIZER_VERSION = 1
SESSION_KEYS = {"sid", "sessionid", "session_id", "phpsessid", "jsessionid", "ref", "source",
                "cid", "s_cid", "share", "output"}


def normalize_url(url: str) -> str:
    """The form under which a URL is remembered: no tracking, session ids or fragment."""
    parts = urlsplit(url.strip())
    path = parts.path.split(";", 1)[0] or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _is_tracking(k)]
    cleaned = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in SESSION_KEYS or lowered.startswith(TRACKING_PREFIXES)
