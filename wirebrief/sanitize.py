"""Making scraped strings safe to carry: no characters that XML 1.0 forbids, and in
HTML pages none that HTML calls invalid.

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


# In UTF-8: C0 controls but tab and newlines, DEL, C1 controls (U+0080-U+009F), lone
# surrogates, the noncharacters U+FDD0-U+FDEF and U+nFFFE/U+nFFFF of every plane.
_HTML_INVALID_UTF8 = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xed[\xa0-\xbf][\x80-\xbf]"
    rb"|\xef\xb7[\x90-\xaf]|\xef\xbf[\xbe\xbf]|[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]")
# The same sequences but the control characters, each starting with a fixed byte (fast to
# search for); four-byte sequences are looked for by their last two bytes.
_HTML_INVALID_SEQUENCES = tuple(re.compile(pattern) for pattern in (
    rb"\xc2[\x80-\x9f]", rb"\xed[\xa0-\xbf]", rb"\xef\xb7[\x90-\xaf]", rb"\xef\xbf[\xbe\xbf]",
    rb"\xbf[\xbe\xbf]"))


def html_safe(text: str) -> bytes:
    """``text`` as UTF-8 without the characters XML forbids nor those HTML calls invalid
    (C1 controls, noncharacters): scraped text carries them, and they make a page invalid.

    Matched on the encoded bytes, which is twice as fast as on the string for pages of
    mostly ASCII text with some typographic characters, and the bytes are what is written;
    and only when a fast search finds something to remove (nothing_to_remove).
    """
    data = text.encode("utf-8", "surrogatepass")
    if nothing_to_remove(data, _HTML_INVALID_SEQUENCES):
        return data
    return _HTML_INVALID_UTF8.sub(b"", data)
