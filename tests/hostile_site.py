"""A hostile wire site: every field that reaches the briefing carries an attack.

Served on 127.0.0.1 by the hostile tests (``wirebrief.demo.server.serve(HostileSite())``)
and crawled by the real spider. Its articles put script and event-handler injection,
attribute and URL breakers, XML breakers and control characters, bidi and zero-width
characters, emoji, combining marks, 10k-character words, slug collisions, ``../`` names,
SQL metacharacters and hostile dates into titles, bylines, bodies, quotes, speaker and
organisation names, URLs, canonical links, meta dates, feed entries and sitemap dates;
plus an empty article, a 5 MB article and ``tests/naughty_strings.txt`` spread over
many articles.

Every payload that could run in a browser sets ``window.__pwned`` or calls ``alert()``.
Text payloads are HTML-escaped on the page (so the extractor reads them as text, as a
real headline "<script>..." would be); a few pages also carry live markup (real
``<script>``, ``onerror``, ``javascript:`` links) that the cleaner must drop.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from wirebrief.demo.server import DemoSite, Response

NAUGHTY_FILE = Path(__file__).with_name("naughty_strings.txt")
NAUGHTY_PER_ARTICLE = 20
LONG_WORD = "Wirebriefalongwordthatneverends" * 323  # 10,013 characters
HUGE_BYTES = 5_200_000
SLOW_PATH = "/slow/2026/11/20/names-names-names.html"
# Raw bytes placed on the page: a UTF-8-encoded lone surrogate (decodes to U+FFFD).
SURROGATE_MARK = "\ue000SURROGATE\ue000"
SURROGATE_BYTES = b"\xed\xa0\x80"
DATE = "2026-11-20T09:00:00+00:00"


def load_naughty() -> list[str]:
    """The strings of tests/naughty_strings.txt (see its header for the format)."""
    strings = []
    for line in NAUGHTY_FILE.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        if line.startswith("ESC:"):
            line = line[4:].encode("ascii").decode("unicode_escape")
        strings.append(line)
    return strings


def esc(text: str) -> str:
    """HTML/XML-escape ``text`` for element content and quoted attributes; characters that
    cannot appear raw (C0 controls, lone surrogates, U+FFFE/U+FFFF) become numeric
    references, as a hostile publisher would write them."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}[ch])
        elif (code < 0x20 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append(f"&#x{code:X};")
        else:
            out.append(ch)
    return "".join(out)


FILLER = [
    "The navy said the frigate programme would add six ships to the fleet by 2030.",
    "Officials in Brussels described the talks on maritime security as constructive.",
    "The defence ministry declined to comment on the cost of the missile upgrade.",
    "Analysts said the border deployment reflected growing tension in the region.",
    "The coast guard reported two incursions near the disputed reef last month.",
    "Parliament is expected to debate the military budget before the winter recess.",
    "The air force has grounded its ageing transport aircraft pending an inspection.",
    "A joint exercise with allied troops is planned for the spring in the Baltic Sea.",
    "The army confirmed that a drone had been shot down over the eastern province.",
    "Cyber security officials warned of attacks on ports and power grids.",
    "The foreign ministry summoned the ambassador over the naval standoff.",
    "The peacekeeping mission's mandate will be reviewed by the Security Council.",
    "Diplomats said a ceasefire agreement could be signed within weeks.",
    "The submarine contract is the largest procurement in the country's history.",
    "Satellite images showed new hangars at the air base near the coast.",
    "Counter-terrorism police arrested three suspects in a dawn raid on Tuesday.",
    "The defence pact commits both sides to share intelligence on missile launches.",
    "Veterans groups welcomed the pension reform announced by the defence secretary.",
    "Shipyard workers will build the patrol vessels under a licence agreement.",
    "The radar system can track ballistic missiles at a range of 3,000 km.",
    "An arms control treaty review conference opens in Geneva next week.",
    "The military junta extended the curfew in the capital for another month.",
    "Border guards intercepted a convoy carrying weapons across the mountains.",
    "Naval drills in the strait drew a sharp protest from the neighbouring state.",
    "Officials said the export licence for the fighter jets had been approved.",
    "The intelligence agency published its annual threat assessment on Monday.",
    "Air defence units were placed on high alert after the missile test.",
    "The minister said the procurement reform would cut delays by a third.",
    "Humanitarian corridors were opened for civilians leaving the besieged city.",
    "The alliance's summit will focus on deterrence and the eastern flank.",
]


@dataclass
class Article:
    """One hostile article page; ``title``/``byline``/``paragraphs`` are text (escaped on
    the page), ``raw`` is live markup placed in the body as is."""

    path: str
    title: str
    paragraphs: list[str]
    byline: str = "Jane Doe"
    canonical: str | None = None  # None: the page's own URL
    published: str = DATE
    raw: str = ""
    og_url: str | None = None
    feed_title: str | None = None
    feed_link: str | None = None  # None: the page's URL
    lastmod: str = DATE
    tail_bytes: bytes = b""  # appended after </html> encoding, for raw byte attacks
    payloads: list[str] = field(default_factory=list)

    def html(self, base: str) -> str:
        canonical = base + self.path if self.canonical is None else self.canonical.replace("{base}", base)
        head = [
            f"<title>{esc(self.title)}</title>",
            f'<link rel="canonical" href="{esc(canonical)}">',
            f'<meta property="og:title" content="{esc(self.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta name="author" content="{esc(self.byline)}">',
            f'<meta property="article:published_time" content="{esc(self.published)}">',
        ]
        if self.og_url is not None:
            head.append(f'<meta property="og:url" content="{esc(self.og_url)}">')
        body = "\n".join(f"<p>{esc(p)}</p>" for p in self.paragraphs)
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n' + "\n".join(head)
            + "\n</head><body>\n<header><a href=\"/\">Hostile Wire</a><nav><a href=\"/feed.xml\">RSS</a>"
            "</nav></header>\n<main><article>\n"
            f'<h1 class="headline">{esc(self.title)}</h1>\n'
            f'<p class="byline">By <span class="author">{esc(self.byline)}</span></p>\n'
            f'<time datetime="{esc(self.published)}">{esc(self.published)}</time>\n'
            f'<div class="story-body">\n{body}\n{self.raw}\n</div>\n</article></main>\n'
            "<footer><p>&copy; 2026 Hostile Wire.</p></footer>\n</body></html>\n"
        )

    def body(self, base: str) -> bytes:
        text = self.html(base)
        return text.encode("utf-8").replace(SURROGATE_MARK.encode("utf-8"), SURROGATE_BYTES) + self.tail_bytes


def _filler(seed: int, count: int = 4) -> list[str]:
    return random.Random(seed).sample(FILLER, count)


def _path(slug: str, day: int = 20) -> str:
    return f"/news/2026/11/{day:02d}/{slug}.html"


LIVE_MARKUP = (
    '<p>Raw markup in the body: <script>window.__pwned="live-script"</script>'
    '<img src="x" onerror="window.__pwned=\'live-img\'"> '
    '<svg onload="window.__pwned=\'live-svg\'"><circle r="1"/></svg> '
    '<a href="javascript:window.__pwned=\'live-js-link\'">a javascript: link</a>, '
    '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">a data: link</a>, '
    '<a href="vbscript:msgbox(1)">a vbscript: link</a> and '
    '<iframe src="javascript:alert(\'live-iframe\')"></iframe>'
    '<body onload="alert(\'live-body\')"> the defence ministry said the navy will buy frigates.</p>'
    '<p onclick="window.__pwned=\'live-onclick\'" style="background:url(javascript:alert(1))">'
    "The army said troops would stay at the border until the spring.</p>"
)

QUOTE_SCRIPT = ('"<script>window.__pwned=1</script> is fine," said Defence Minister Jane '
                "<img src=x onerror=alert(1)> Doe.")


def targeted_articles() -> list[Article]:
    """The articles that each attack one field in a known way."""
    articles = [
        Article(
            _path("script-in-everything"),
            '<script>window.__pwned=2</script> Navy "frigate" deal\'s <b>signed</b> & sealed ]]> </title>',
            [QUOTE_SCRIPT,
             "LONDON, Nov 20 (UNI) — The Ministry of <svg onload=window.__pwned=3> Defence said on "
             "Friday that the navy would buy six frigates.",
             '"We reject \'"><script>window.__pwned=4</script> outright," General Robert O\'Brien '
             "<b onmouseover=window.__pwned=5>Smith</b> of the North Atlantic Treaty Organization "
             "(NATO) told UNI.", *_filler(1)],
            byline="<img src=x onerror=window.__pwned=6> Jane O'Doe",
            raw=LIVE_MARKUP,
        ),
        Article(
            _path("sql-injection"),
            "Robert'); DROP TABLE articles; -- signs defence pact",
            ["\"'; DROP TABLE articles; -- is not an answer,\" said Defence Secretary Robert "
             "Tables of the Ministry of Defence.",
             "Officials of the \"; DELETE FROM entities WHERE '1'='1 Agency (DFE) said the 1' OR '1'='1 "
             "treaty was signed on Monday.", *_filler(2)],
            byline="Robert'); DROP TABLE pages;--",
        ),
        Article(
            _path("bidi-and-zero-width"),
            "\u202eevil.exe\u202d Defence \u200bminister\u200d \ufeffvisits 🚀 👩‍👩‍👧‍👦 Z̮̞̠͙͔ͅḀ̗̞͈̻̗Ḷ͙͎̯̹̞͓G̻O̭̗̮",
            ["\"We are ready,\" said Defence Minister Ja\u200bne \u202eDoe\u202c, the 🇺🇳 envoy.",
             "The ministry of e\u0301\u0301\u0301 defence and the \u202eAgence de Défense\u202c (ADF) "
             "said the שלום treaty and the مرحبا accord were 🔥 signed.", *_filler(3)],
            byline="\u202eeoD enaJ\u202c 😀",
        ),
        Article(
            _path("xml-breakers"),
            "Fleet & ]]> <![CDATA[ x ]]> \x01\x02\x08\x0b\x0c\x1f\x7f \ufffe\uffff \ud800 bells",
            ["\"Tom & Jerry ]]> are <not> friends\x07,\" said Admiral Karl \x1bEscape of the Navy.",
             "The \x00null\x00 Ministry & the ]]> Corps said they would meet \ud83d again.",
             *_filler(4)],
            byline="Ann &amp; Co \x03",
        ),
        Article(
            _path("lone-surrogate-bytes"),
            "Delegates from São Paulo and Zürich meet on naval security",
            ["A broken surrogate " + SURROGATE_MARK + " sits here and " + SURROGATE_MARK + " here.",
             '"Bytes break," said Defence Minister João Müller in São Paulo.', *_filler(20)],
        ),
        Article(
            _path("ten-thousand-character-word"),
            "Minister " + LONG_WORD + " visits the navy",
            [f'"This is long," said Defence Minister {LONG_WORD} Doe.',
             f"The {LONG_WORD} Ministry of Defence said it would buy frigates.", *_filler(5)],
            byline="Jane " + LONG_WORD,
        ),
        Article(
            _path("slug-collisions-one"),
            "Jane Doe",
            ['"We will sign," said Defence Minister Jane Doe.',
             "Jane Doe met officials of the Ministry of Defence in London.", *_filler(6)],
        ),
        Article(
            _path("slug-collisions-two"),
            "jane-doe",
            ['"We will not sign," said Defence Minister jane-doe.',
             "jane-doe met officials of the ministry-of-defence in London.", *_filler(7)],
            byline="jane-doe",
        ),
        Article(
            _path("slug-collisions-three"),
            "JANE DOE!",
            ['"Maybe," said Defence Minister JANE DOE!.',
             "JANE DOE! met officials of the MINISTRY OF DEFENCE!! in London.", *_filler(8)],
            byline="JANE DOE!",
        ),
        Article(
            _path("dot-dot-slash"),
            "../../../etc/passwd and /etc/shadow defence leak",
            ['"Nothing leaked," said Defence Minister ../../etc Passwd of the ../../../Ministry/of/Defence.',
             "The ..\\..\\Windows Agency and the /etc/shadow Corps (ESC) said the ./. treaty was "
             "signed.", *_filler(9)],
            byline="../../../root",
        ),
        Article(
            _path("year-zero"),
            "Treaty of year zero defence talks",
            ["LONDON, Jan 1 (UNI) — The treaty was signed on 1 January 0000 and amended in year 0.",
             '"It is ancient," said Defence Minister Jane Doe.', *_filler(10)],
            published="0000-01-01T00:00:00Z", lastmod="0000-01-01",
        ),
        Article(
            _path("year-9999"),
            "Treaty of year 9999 defence talks",
            ["The treaty will expire on 31 December 9999, the navy said on Friday.",
             '"It is forever," said Defence Minister Jane Doe.', *_filler(11)],
            published="9999-12-31T23:59:59Z", lastmod="9999-12-31T23:59:59+00:00",
        ),
        Article(
            _path("garbage-date"),
            "Garbage date defence talks",
            ["The navy said on Friday it would sign the treaty.",
             '"Dates are hard," said Defence Minister Jane Doe.', *_filler(12)],
            published="<script>window.__pwned=7</script>2026-13-45T99:99:99", lastmod="garbage<>&",
        ),
        Article(
            _path("javascript-canonical"),
            "Javascript canonical defence story",
            ['"Click me," said Defence Minister Jane Doe.', *_filler(13)],
            canonical="javascript:window.__pwned=8", og_url="javascript:alert(9)",
        ),
        Article(
            _path("data-canonical"),
            "Data canonical defence story",
            ['"Data is fine," said Defence Minister Jane Doe.', *_filler(14)],
            canonical="data:text/html,<script>window.__pwned=10</script>", og_url="vbscript:msgbox(11)",
        ),
        Article(
            _path("http-canonical-breaker"),
            "Attribute-breaking canonical defence story",
            ['"Quotes break things," said Defence Minister Jane Doe.', *_filler(15)],
            canonical=('{base}/news/2026/11/20/x"><script>window.__pwned=12</script>'
                       "' onmouseover='alert(13)"),
        ),
        Article(
            "/news/2026/11/20/%22%3E%3Csvg%20onload%3Dalert(14)%3E'quote'.html",
            "Hostile URL path defence story",
            ['"My URL is odd," said Defence Minister Jane Doe.', *_filler(16)],
        ),
        Article(
            "/news/2026/11/20/%E2%80%AEgpj.exe-%F0%9F%9A%80-%D7%A9%D7%9C%D7%95%D7%9D.html",
            "Right-to-left URL defence story",
            ['"My URL is backwards," said Defence Minister Jane Doe.', *_filler(17)],
        ),
        Article(
            _path("live-control-bytes", 21),
            "Live control bytes defence story",
            [*_filler(18, 6), '"Bytes happen," said Defence Minister Jane Doe.'],
            # raw controls after the first 4 KB (a NUL in the first 4 KB marks a page binary)
            raw="<p>" + "Padding about the navy and the army. " * 120 + "</p>"
                "<p>Control bytes \x01\x02\x1f and a NUL \x00 inside the text, then the treaty.</p>"
                "<p>The last paragraph after the NUL says the frigates were delivered.</p>",
        ),
        Article(
            _path("hostile-feed-entry", 21),
            "Feed entry defence story",
            ['"Feeds are hostile," said Defence Minister Jane Doe.', *_filler(19)],
            feed_title='<script>window.__pwned=15</script> ]]> & "feed" \'title\' \x01',
        ),
    ]
    return articles


def naughty_articles() -> list[Article]:
    """tests/naughty_strings.txt spread over articles: in titles, quotes and speakers."""
    strings = load_naughty()
    articles = []
    for number, start in enumerate(range(0, len(strings), NAUGHTY_PER_ARTICLE)):
        chunk = strings[start:start + NAUGHTY_PER_ARTICLE]
        paragraphs = []
        for i, text in enumerate(chunk):
            if i % 2:
                paragraphs.append(f'"The talks went well," said Defence Minister {text} '
                                  f"of the {text} Ministry.")
            else:
                paragraphs.append(f'"{text}," said Defence Minister Jane Doe in a statement.')
        articles.append(Article(
            _path(f"naughty-{number:02d}", 19), f"Naughty {number:02d}: " + " · ".join(chunk),
            [*paragraphs, *_filler(100 + number)], byline=chunk[0], feed_title=" · ".join(chunk),
        ))
    return articles


def huge_article() -> Article:
    """A 5 MB article: long, but a real story (paragraphs of sentences)."""
    sentences = [f"Paragraph {i}: " + " ".join(_filler(1000 + i, 3)) for i in range(200)]
    paragraphs = ['"This story is huge," said Defence Minister Jane Doe.']
    size = 0
    i = 0
    while size < HUGE_BYTES:
        paragraphs.append(sentences[i % len(sentences)])
        size += len(paragraphs[-1]) + 8
        i += 1
    return Article(_path("five-megabytes", 18), "Five megabyte defence story", paragraphs)


def slow_article() -> Article:
    """A page crafted to be slow for the extractor (about a minute of CPU, quadratic in the
    number of mentions): 15,000 one-sentence paragraphs naming the same minister."""
    paragraphs = [f"Defence Minister Jane Doe said the navy will buy {i} ships in London."
                  for i in range(15_000)]
    return Article(SLOW_PATH, "A very slow page about defence", paragraphs)


class HostileSite(DemoSite):
    """The hostile wire site; ``huge`` adds the 5 MB article, ``slow`` the extractor-hostile page."""

    def __init__(self, huge: bool = True, slow: bool = False, good: int | None = None) -> None:
        """``good``: how many of the hostile articles to serve (all when None)."""
        super().__init__([])
        self.articles: list[Article] = (targeted_articles() + naughty_articles())[:good]
        if huge:
            self.articles.append(huge_article())
        if slow:
            self.articles.append(slow_article())
        self.specials: dict[str, bytes] = {
            "/news/2026/11/17/empty.html": b"",
            "/news/2026/11/17/empty-markup.html": b"<!DOCTYPE html><html><head></head><body></body></html>",
        } if good is None else {}
        self.by_unquoted = {unquote(a.path): a for a in self.articles}
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    # -- what the tests check against ---------------------------------------------------
    def url(self, article: Article) -> str:
        return self.base + article.path

    def article_paths(self) -> list[str]:
        return [a.path for a in self.articles] + list(self.specials)

    def bodies(self) -> dict[str, bytes]:
        """URL path -> exact bytes served."""
        return {a.path: a.body(self.base) for a in self.articles} | dict(self.specials)

    # -- routing ----------------------------------------------------------------------------
    def route(self, path: str) -> Response:
        bare = unquote(path.split("?", 1)[0].split("#", 1)[0])
        with self._lock:
            self.hits[bare] += 1
        article = self.by_unquoted.get(bare)
        if article is not None:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article.body(self.base)
        if bare in self.specials:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, self.specials[bare]
        if bare == "/feed.xml":
            return self._xml(self.rss(), "application/rss+xml")
        if bare == "/broken-feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, self.broken_rss()
        if bare == "/sitemap.xml":
            return self._xml(self.sitemap(), "application/xml")
        if bare == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"

    def rss(self) -> str:
        """A well-formed RSS feed whose titles and links are hostile."""
        items = []
        for article in self.articles:
            title = article.feed_title or article.title
            link = article.feed_link or self.url(article)
            items.append(f"<item><title>{_xml_text(title)}</title><link>{_xml_text(link)}</link>"
                         f"<description>{_xml_text(title)}</description>"
                         f"<pubDate>Fri, 20 Nov 2026 09:00:00 +0000</pubDate></item>")
        for link in ("javascript:window.__pwned=20", "data:text/html,<script>alert(21)</script>",
                     "vbscript:msgbox(22)", "../../../../etc/passwd", "file:///etc/passwd",
                     "http://127.0.0.2/elsewhere.html", f"{self.base}/private/secret.html"):
            items.append(f"<item><title>&lt;img src=x onerror=alert(23)&gt;</title>"
                         f"<link>{_xml_text(link)}</link></item>")
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                "<title>Hostile &lt;script&gt;alert(24)&lt;/script&gt; Wire</title>"
                f"<link>{self.base}/</link><description>]]&gt; hostile</description>"
                + "".join(items) + "</channel></rss>")

    def broken_rss(self) -> bytes:
        """Not XML at all: raw &, ]]>, control bytes, unescaped markup, an unclosed item."""
        first = self.url(self.articles[0]) if self.articles else self.base + "/"
        return ("<?xml version='1.0'?><rss><channel><title>Broken & ]]> \x01\x02 <script>alert(25)"
                "</script></title><item><title>]]><script>window.__pwned=26</script></title>"
                f"<link>{first}</link></item><item><title>cut \x00").encode() + b"\xff\xfe"

    def sitemap(self) -> str:
        urls = "".join(f"<url><loc>{_xml_text(self.url(a))}</loc>"
                       f"<lastmod>{_xml_text(a.lastmod)}</lastmod></url>" for a in self.articles)
        urls += "".join(f"<url><loc>{_xml_text(self.base + p)}</loc><lastmod>0000-00-00</lastmod></url>"
                        for p in self.specials)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')


def _xml_text(text: str) -> str:
    """Escape for XML and drop what XML 1.0 cannot carry (a feed must stay well-formed)."""
    kept = "".join(ch for ch in text if ch in "\t\n\r" or (0x20 <= ord(ch) < 0xD800)
                   or (0xE000 <= ord(ch) <= 0xFFFD) or ord(ch) >= 0x10000)
    return kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoted_path(path: str) -> str:
    """The path as a client sends it (percent-encoded)."""
    return quote(unquote(path), safe="/'()-._~!*")
