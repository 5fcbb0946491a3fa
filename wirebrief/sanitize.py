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


# Control characters XML forbids, as UTF-8 bytes (each is one byte).
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
# The other characters XML forbids, as UTF-8 (surrogatepass): lone surrogates, U+FFFE, U+FFFF.
_XML_INVALID_SEQUENCES = (re.compile(rb"\xed[\xa0-\xbf]"), re.compile(rb"\xef\xbf[\xbe\xbf]"))
SHORT = 512


def nothing_to_remove(data: bytes, sequences: tuple[re.Pattern[bytes], ...]) -> bool:
    """Whether UTF-8 ``data`` holds no control character and none of ``sequences``.

    Feeds, the OPML list and the largest pages run to megabytes: a regular expression
    with a character class scans about ten nanoseconds a byte, while deleting bytes and
    patterns that start with a fixed byte take a fraction of that. So the full expression
    runs only on the rare text that has something to remove."""
    return (len(data.translate(None, CONTROL_BYTES)) == len(data)
            and not any(sequence.search(data) for sequence in sequences))


def xml_safe(text: str | None) -> str:
    """``text`` with every character that XML 1.0 cannot hold removed."""
    text = text or ""
    if len(text) > SHORT and nothing_to_remove(text.encode("utf-8", "surrogatepass"), _XML_INVALID_SEQUENCES):
        return text
    return _XML_INVALID.sub("", text)
