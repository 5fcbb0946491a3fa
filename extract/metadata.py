"""Page metadata trafilatura does not return: canonical URL, language, byline agency.

Read straight from the parsed HTML head (and JSON-LD), because these are declared
by the publisher and are more reliable than anything inferred from the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lxml import html as lxml_html

from extract.gazetteer import AGENCIES, AGENCY_CANON

_STAFF_WORDS = re.compile(
    r"\b(?:staff|writer|correspondent|reporter|editor|desk|bureau|news|post|times|published|"
    r"updated|team|agency|agencies|wire|service|contributor|online|weekly|daily|media|by|"
    r"international|network|magazine|press|the)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.\-]*$")


def canonical_url(tree: lxml_html.HtmlElement) -> str | None:
    """The publisher's canonical link, else og:url."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        values = tree.xpath(xpath)
        if values and str(values[0]).startswith("http"):
            return str(values[0]).strip()
    return None


def page_language(tree: lxml_html.HtmlElement) -> str | None:
    """Two-letter language code from <html lang>, or og:locale / content-language meta."""
    candidates = tree.xpath("/html/@lang") + tree.xpath('//meta[@property="og:locale"]/@content')
    candidates += tree.xpath('//meta[@http-equiv="content-language"]/@content')
    for value in candidates:
        code = re.split(r"[-_]", str(value).strip().lower())[0]
        if re.fullmatch(r"[a-z]{2}", code):
            return code
    return None


def _first_text(tree: lxml_html.HtmlElement, *xpaths: str) -> str | None:
    """The first non-blank value the xpaths find, in order, with whitespace collapsed."""
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def site_name(tree: lxml_html.HtmlElement) -> str | None:
    """The publisher's name as it declares it (og:site_name, application-name)."""
    return _first_text(tree, '//meta[@property="og:site_name"]/@content',
                       '//meta[@name="application-name"]/@content')


def description(tree: lxml_html.HtmlElement) -> str | None:
    return _first_text(tree, '//meta[@name="description"]/@content',
                       '//meta[@property="og:description"]/@content')


# Inline formatting that can split a word ("<b>Mc</b>Donald"); every other element boundary
# separates words ("<span>Jane Doe</span><span>Monday</span>").
_WORD_INLINE = frozenset({"b", "i", "em", "strong", "u", "s", "small", "mark", "sup", "sub",
                          "abbr", "wbr", "font"})


def element_text(element: lxml_html.HtmlElement) -> str:
    """The element's text with a space wherever two elements meet.

    lxml's text_content() concatenates text nodes as they are, so a byline made of
    a name and a date in sibling elements reads "Jane DoeMonday".
    """
    parts: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            return
        gap = "" if node.tag in _WORD_INLINE else " "
        parts.append(gap + (node.text or ""))
        for child in node:
            walk(child)
        parts.append(gap)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def byline_elements(tree: lxml_html.HtmlElement) -> list[str]:
    """Visible bylines: rel=author links and elements whose class names them a byline."""
    found = [element_text(e) for e in tree.xpath('//a[@rel="author"]')]
    xpath = ('//*[contains(@class, "byline") or contains(@class, "author-name") '
             'or @itemprop="author"]')
    found += [element_text(e) for e in tree.xpath(xpath)[:3]]
    return [" ".join(t.split()) for t in found if 0 < len(" ".join(t.split())) <= 120]


def head_title(tree: lxml_html.HtmlElement) -> str | None:
    """og:title, twitter:title or <title>, as lxml decoded them (entities decoded once)."""
    return _first_text(tree, '//meta[@property="og:title"]/@content',
                       '//meta[@name="twitter:title"]/@content', "//head/title/text()",
                       "//title/text()")


def h1_texts(tree: lxml_html.HtmlElement) -> list[str]:
    """Distinct non-empty <h1> texts, in page order."""
    texts: list[str] = []
    for element in tree.iter("h1"):
        text = element_text(element)
        if text and text not in texts:
            texts.append(text)
    return texts


def headline(h1s: list[str], title: str | None) -> str | None:
    """The displayed headline: the <h1> that agrees with the <title>/og:title, else the title.

    Titles are often shortened for search engines or carry a section prefix, while
    the <h1> is what readers see; a site logo in an <h1> shares no words with the
    title and is never chosen.
    """
    if not title:
        return h1s[0] if len(h1s) == 1 else None
    title_words = set(re.findall(r"\w+", title.lower()))
    best: tuple[float, str] | None = None
    for text in h1s:
        words = set(re.findall(r"\w+", text.lower()))
        if not words or not 15 <= len(text) <= 250:
            continue
        share = len(words & title_words) / min(len(words), len(title_words))
        if share >= 0.6 and (best is None or share > best[0]):
            best = (share, text)
    return best[1] if best else title


def canonical_agency(name: str) -> str | None:
    """Map a credit ("REUTERS", "Associated Press") to its usual short name, or None."""
    key = " ".join(name.split()).strip(" .").lower()
    if key in AGENCY_CANON:
        return AGENCY_CANON[key]
    return AGENCIES.get(key)


def byline_names(tree: lxml_html.HtmlElement) -> list[str]:
    """Author names from meta tags and JSON-LD, in page order, unfiltered."""
    names = [str(v) for v in tree.xpath('//meta[@name="author"]/@content')]
    names += [str(v) for v in tree.xpath('//meta[@property="article:author"]/@content')]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        names.extend(_ld_authors(data))
    return names


def _ld_authors(data: object) -> Iterator[str]:
    """Walk a JSON-LD blob and yield every author/creator name."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_authors(item)
    elif isinstance(data, dict):
        for key in ("author", "creator"):
            value = data.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and isinstance(item.get("name"), str):
                    yield item["name"]
                elif isinstance(item, str):
                    yield item
        if "@graph" in data:
            yield from _ld_authors(data["@graph"])


_TRAILING_DATE_WORDS = re.compile(
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|\d[\w,:]*))+$",
    re.IGNORECASE,
)


def split_authors(raw: list[str], sitename: str | None = None) -> tuple[list[str], str | None]:
    """Split byline strings into people and a wire agency, dropping staff credits.

    Bylines often run into the date ("Jeff Foust Monday") or name the site
    ("Al Jazeera"); both are removed so only people remain.
    """
    people: list[str] = []
    agency: str | None = None
    site = re.sub(r"\W+", "", (sitename or "").lower())
    for entry in raw:
        for part in re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", entry):
            part = re.sub(r"^by\s+", "", part.strip(), flags=re.IGNORECASE)
            if not part:
                continue
            found = canonical_agency(part)
            if found:
                agency = agency or found
                continue
            name = _person_name(_TRAILING_DATE_WORDS.sub("", part))
            if not name or (site and re.sub(r"\W+", "", name.lower()) in site):
                continue
            if not any(name.lower() in p.lower() or p.lower() in name.lower() for p in people):
                people.append(name)
    return people, agency


def _person_name(part: str) -> str | None:
    """Return a tidy person name, or None for credits like "JPost Staff"."""
    if _STAFF_WORDS.search(part) or part.startswith("http"):
        return None
    tokens = part.split()
    if not 2 <= len(tokens) <= 4 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if part.isupper():
        part = " ".join(t.capitalize() for t in tokens)
    return part
