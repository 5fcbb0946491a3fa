"""Stable keys: the same thing must get the same id in every run and on every machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# The full stops of an abbreviation written with them ("U.N.", "U.S.A."): a form of the one
# written without ("UN", "USA"), not letters standing apart.
_DOTTED = re.compile(r"\b[^\W\d_](?:\.[^\W\d_])+\b\.?")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to match names."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DOTTED.sub(lambda dotted: dotted.group(0).replace(".", ""), text.lower())
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return text


def short_hash(*parts: str, length: int = 16) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


def slugify(text: str, max_length: int = 60) -> str:
    """A URL- and filesystem-safe slug; never empty, never a path component like '..'."""
    folded = unicodedata.normalize("NFKD", text or "")
    folded = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:max_length].strip("-")
    return slug or "item-" + short_hash(text or "", length=8)
