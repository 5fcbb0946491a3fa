"""HTML page -> CleanArticle: trafilatura for the body, plus careful post-filtering.

trafilatura already finds the main text well; what it leaves in are site prompts
(read-more, share, newsletter lines) and a repeated headline.  Those are removed
line by line in :mod:`extract.boilerplate`, and metadata trafilatura misses
(canonical URL, language, byline agency) is read from the page head.
"""

from __future__ import annotations

import re
from copy import copy
from functools import lru_cache

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Document, Extractor

from extract import metadata
from extract.article import CleanArticle
from extract.boilerplate import filter_lines
from extract.continuation import continued_paragraphs
from extract.errors import NoArticle
from extract.language import guess_language
from extract.published import published_date

_MIN_TEXT_CHARS = 40
# trafilatura's own extractor is run first on its own (fast); only when it finds
# little text are the slower fallback extractors worth their cost.
_RETRY_BELOW_CHARS = 300


def clean_html(html: str | bytes, url: str | None = None) -> CleanArticle:
    """Extract the article body and metadata from one HTML page; raise NoArticle if none."""
    tree = _parse(html)
    canonical = metadata.canonical_url(tree)
    language = metadata.page_language(tree)
    raw_names = metadata.byline_names(tree)
    tree_titles = metadata.h1_texts(tree)
    sitename = metadata.site_name(tree)
    description = metadata.description(tree)
    published = published_date(tree, url or canonical)
    raw_names += metadata.byline_elements(tree)
    doc = _extract(tree, url, fast=True)
    if doc is None or len(doc.text or "") < _RETRY_BELOW_CHARS:
        doc = _extract(_parse(html), url, fast=False) or doc
    if doc is None:
        raise NoArticle("trafilatura found no main text")
    # trafilatura unescapes meta content lxml already decoded; take the title from the tree.
    page_title = metadata.head_title(tree)
    title = displayable(metadata.headline(tree_titles, _clean_title(page_title, sitename)) or "")
    body = "\n".join([doc.text or "", *continued_paragraphs(tree, doc.text or "")])
    text = displayable(filter_lines(body, title))
    if len(text) < _MIN_TEXT_CHARS:
        raise NoArticle(f"body too short ({len(text)} characters)")
    authors, agency = metadata.split_authors(raw_names, sitename)
    authors = [name for name in (displayable(a) for a in authors) if name]
    return CleanArticle(
        url=canonical or url,
        title=title or None,
        text=text,
        published=published,
        authors=authors,
        language=guess_language(text) or language,
        sitename=sitename,
        description=description,
        agency=agency,
    )


def _extract(tree: lxml_html.HtmlElement, url: str | None, fast: bool) -> Document | None:
    """One trafilatura pass; ``fast`` skips its readability/jusText fallbacks."""
    doc = trafilatura.bare_extraction(tree, options=_options(url, fast))
    return doc if isinstance(doc, Document) else None


@lru_cache(maxsize=2)
def _base_options(fast: bool) -> Extractor:
    return Extractor(output_format="python", fast=fast, comments=False, with_metadata=False)


def _options(url: str | None, fast: bool) -> Extractor:
    """trafilatura's options for one page, copied from one built once per mode.

    Building them reads trafilatura's ConfigParser settings anew each time, which cost
    a twentieth of the cleaning; the copy only gets the page's URL, set as the
    constructor sets it (the URL is also the source named in trafilatura's log lines).
    """
    options = copy(_base_options(fast))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def article_from_text(
    text: str, url: str | None = None, title: str | None = None, published: str | None = None
) -> CleanArticle:
    """Wrap plain text (one paragraph per line) so it goes through the same fact extractors."""
    body = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return CleanArticle(
        url=url,
        title=title,
        text=body,
        published=_iso_date(published),
        authors=[],
        language=guess_language(body),
        sitename=None,
        description=None,
    )


# Characters XML cannot hold, raw or as numeric references: one of them makes
# trafilatura's XML stage drop the whole document.
_INVALID_REFERENCE = re.compile(
    r"&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|d[89a-f][0-9a-f]{2}|fff[ef])(?![0-9a-f])"
    r"|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|552(?:9[6-9])|55[3-9][0-9]{2}|56[0-9]{3}"
    r"|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]|6553[45])(?![0-9]));?",
    re.IGNORECASE,
)
_INVALID_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Controls (C0 but tab and newlines, C1), surrogates and noncharacters: HTML forbids them.
# Bidi embeddings and overrides (U+202A..U+202E) can make "evil\u202etxt.exe" read as
# "evilexe.txt"; real right-to-left text needs none of them.
_UNDISPLAYABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)


def displayable(text: str) -> str:
    """``text`` without characters no HTML or XML page may carry."""
    return _UNDISPLAYABLE.sub("", text)


def _without_invalid_characters(html: str | bytes) -> str | bytes:
    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            return html
    return _INVALID_CHARACTER.sub("", _INVALID_REFERENCE.sub("", html))


def _parse(html: str | bytes) -> lxml_html.HtmlElement:
    """Parse with trafilatura's loader (it detects the page's encoding); empty is NoArticle."""
    if not html or not html.strip():
        raise NoArticle("empty page")
    html = _without_invalid_characters(html)
    try:
        tree = trafilatura.load_html(html)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticle(f"unparsable HTML: {exc}") from exc
    if tree is None:
        raise NoArticle("empty or unparsable page")
    return tree


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a trailing " - Site Name" / " | Site" that publishers append to headlines."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = re.split(r"\s+[|\-–—:]\s+", title)
    if len(parts) > 1 and sitename:
        site = re.sub(r"\W+", "", sitename.lower())
        tail = re.sub(r"\W+", "", parts[-1].lower())
        if tail and (tail in site or site in tail):
            return title[: title.rfind(parts[-1])].rstrip(" |-–—:")
    return title


def _iso_date(value: str | None) -> str | None:
    """Keep only a well-formed YYYY-MM-DD prefix."""
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
