"""HTML page -> CleanArticle: trafilatura for the body, plus careful post-filtering.

trafilatura already finds the main text well; what it leaves in are site prompts
(read-more, share, newsletter lines) and a repeated headline.  Those are removed
line by line in :mod:`extract.boilerplate`, and metadata trafilatura misses
(canonical URL, language, byline agency) is read from the page head.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from extract import metadata
from extract.article import CleanArticle
from extract.boilerplate import filter_lines
from extract.errors import NoArticle
from extract.language import guess_language

_MIN_TEXT_CHARS = 40


def clean_html(html: str | bytes, url: str | None = None) -> CleanArticle:
    """Extract the article body and metadata from one HTML page; raise NoArticle if none."""
    tree = _parse(html)
    canonical = metadata.canonical_url(tree)
    language = metadata.page_language(tree)
    raw_names = metadata.byline_names(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=True, output_format="python"
    )
    if doc is None or isinstance(doc, dict):
        raise NoArticle("trafilatura found no main text")
    title = _clean_title(doc.title, doc.sitename)
    text = filter_lines(doc.text or "", title)
    if len(text) < _MIN_TEXT_CHARS:
        raise NoArticle(f"body too short ({len(text)} characters)")
    authors, agency = metadata.split_authors([doc.author or ""] + raw_names)
    return CleanArticle(
        url=canonical or doc.url or url,
        title=title,
        text=text,
        published=_iso_date(doc.date),
        authors=authors,
        language=language or guess_language(text),
        sitename=doc.sitename or None,
        description=doc.description or None,
        agency=agency,
    )


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


def _parse(html: str | bytes) -> lxml_html.HtmlElement:
    """Parse leniently; empty or unparsable input is NoArticle, not a crash."""
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        raise NoArticle("empty page")
    if isinstance(html, str):
        html = html.encode("utf-8", errors="replace")
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
        tree = lxml_html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticle(f"unparsable HTML: {exc}") from exc
    if tree is None:
        raise NoArticle("empty page")
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
