"""Checks on a fetched article page before it is kept, and decoding it honestly.

Pages lie about their encoding; text full of U+FFFD after decoding with the declared
charset is decoded again, strictly, with the usual fallbacks and then by detection
(charset-normalizer) before it is given up on and recorded as ``encoding``.
"""

from __future__ import annotations

from charset_normalizer import from_bytes
from scrapy.http import Response, TextResponse

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
BINARY_SAMPLE = 4096
# What browsers fall back to: UTF-8 mislabelled as something else, or Windows-1252
# (which the WHATWG encoding standard uses for every "latin-1" label) mislabelled as UTF-8.
FALLBACK_ENCODINGS = ("utf-8", "cp1252")


def page_problem(response: Response) -> tuple[str, str] | None:
    """(reason, detail) when the response cannot be an article page, else None."""
    content_type = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
    mime = content_type.split(";", 1)[0].strip()
    if mime not in HTML_TYPES:
        return "not_html", f"content type {mime}"
    if not isinstance(response, TextResponse) or _looks_binary(response.body[:BINARY_SAMPLE]):
        return "not_html", "binary content served as text"
    return None


def decode_page(response: TextResponse) -> tuple[str | None, str]:
    """(text, encoding used); text is None when no encoding gives readable text."""
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        text = ""
    if text and not _garbled(text):
        return text, response.encoding
    for fallback in FALLBACK_ENCODINGS:
        try:
            return response.body.decode(fallback), fallback
        except UnicodeDecodeError:
            continue
    best = from_bytes(response.body).best()
    if best is not None:
        guessed = str(best)
        if not _garbled(guessed):
            return guessed, best.encoding
    return None, response.encoding


def _garbled(text: str) -> bool:
    """More undecodable characters than a page can afford, and more than decoded ones.

    A UTF-8 page with two bad byte sequences keeps its hundreds of good accented letters;
    a Windows-1252 page read as UTF-8 has no good ones at all.
    """
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 2000):
        return False
    good = sum(1 for char in text if char > "\x7f") - bad
    return bad > good


# C0 control bytes text never has (everything below 0x20 but tab, newlines, FF and CR).
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def _looks_binary(sample: bytes) -> bool:
    """NUL anywhere, or more than 5% control bytes: not text whatever the header says.

    Counted with ``bytes.translate`` rather than a Python loop: this runs on every
    article page, and looping over 4 KiB byte by byte cost more than storing the page.
    """
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > 0.05
