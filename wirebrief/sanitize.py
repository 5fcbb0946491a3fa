"""Making scraped strings safe to carry: no characters that XML 1.0 forbids.

HTML and XML escaping is Jinja's autoescape (feeds are templates too). Neither can carry
control characters, lone surrogates or U+FFFE/U+FFFF, which hostile or broken pages do
contain, so they are dropped here before anything is serialised.
"""

from __future__ import annotations

import re

_XML_INVALID = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]"
)


def xml_safe(text: str | None) -> str:
    """``text`` with every character that XML 1.0 cannot hold removed."""
    return _XML_INVALID.sub("", text or "")
