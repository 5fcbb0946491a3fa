"""The fast paths of xml_safe and html_safe remove exactly what their full expressions do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirebrief.sanitize import _HTML_INVALID_UTF8, _XML_INVALID, SHORT, html_safe, xml_safe

# Characters around every boundary the expressions draw, plus plain text to make long strings.
EDGES = [chr(c) for c in (*range(0x00, 0x21), 0x7e, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xab, 0xbf,
                          0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfdcf, 0xfdd0, 0xfdef,
                          0xfdf0, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1fffe, 0x1ffff, 0x10fffe,
                          0x10ffff, 0x2028, 0x201c, 0xbfbe)]
TEXT = st.lists(st.one_of(st.sampled_from(EDGES), st.text(max_size=40)), max_size=80).map("".join)
LONG = TEXT.map(lambda text: "x" * SHORT + text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(TEXT, LONG))
def test_xml_safe_removes_what_the_expression_removes(text: str) -> None:
    assert xml_safe(text) == _XML_INVALID.sub("", text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(TEXT, LONG))
def test_html_safe_removes_what_the_expression_removes(text: str) -> None:
    assert html_safe(text) == _HTML_INVALID_UTF8.sub(b"", text.encode("utf-8", "surrogatepass"))


def test_clean_long_text_is_returned_as_it_is() -> None:
    text = "Plain “typographic” text, «guillemets» and é. " * 100
    assert xml_safe(text) is text
    assert html_safe(text) == text.encode("utf-8")
