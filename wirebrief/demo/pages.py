"""The demo site's pages, with the chrome real news sites wrap around a story.

Navigation, a cookie banner, a photo caption, share prompts, "read more" links,
related stories, comments and a footer are all here on purpose: the cleaner must
remove them, as it must on the real web.
"""

from __future__ import annotations

from email.utils import format_datetime
from html import escape

from wirebrief.demo.stories import Story

SITE_NAME = "Demo Wire"
SECTIONS = ("defence", "security", "diplomacy")
PER_PAGE = 6


def _layout(base: str, title: str, main: str, head: str = "") -> str:
    nav = "".join(
        f'<li><a href="/section/{s}/">{s.title()}</a></li>' for s in SECTIONS
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {SITE_NAME}</title>
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="{base}/feed.xml">
{head}</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
By continuing to browse you agree to our cookie policy.</p><button>Accept all cookies</button></div>
<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>
<nav class="main-nav"><ul><li><a href="/section/">Latest</a></li>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="Search Demo Wire"></form></header>
<main>{main}</main>
<footer class="site-footer"><p>&copy; 2026 {SITE_NAME}. All rights reserved.</p>
<ul><li><a href="/about/">About us</a></li><li><a href="/terms/">Terms of use</a></li>
<li><a href="/privacy/">Privacy policy</a></li></ul>
<p>Follow us on social media for the latest updates.</p></footer>
</body></html>"""


def article_page(base: str, story: Story, related: list[Story]) -> str:
    url = f"{base}{story.path}"
    published = story.published.isoformat()
    head = (
        f'<link rel="canonical" href="{escape(url)}">\n'
        f'<meta property="og:title" content="{escape(story.title)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:site_name" content="{SITE_NAME}">\n'
        f'<meta property="article:published_time" content="{published}">\n'
        f'<meta property="article:section" content="{escape(story.section)}">\n'
    )
    if story.byline:
        head += f'<meta name="author" content="{escape(story.byline)}">\n'
    byline = (
        f'<p class="byline">By <span class="author">{escape(story.byline)}</span></p>'
        if story.byline else ""
    )
    body = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    if len(story.paragraphs) > 2:
        middle = len(story.paragraphs) // 2
        parts = [f"<p>{escape(p)}</p>" for p in story.paragraphs]
        parts.insert(middle, '<p class="read-more"><strong>Read more:</strong> '
                     f'<a href="/section/{story.section}/">More {story.section} news</a></p>')
        body = "\n".join(parts)
    related_html = "".join(
        f'<li><a href="{r.path}">{escape(r.title)}</a></li>' for r in related
    )
    main = f"""<article class="story">
<p class="kicker"><a href="/section/{story.section}/">{story.section.title()}</a></p>
<h1 class="headline">{escape(story.title)}</h1>
{byline}
<time datetime="{published}">{story.published.strftime("%d %B %Y, %H:%M")}</time>
<figure class="lead-photo"><img src="/static/photo.jpg" alt="File photo">
<figcaption>File photo. Representational image. (Photo: {SITE_NAME})</figcaption></figure>
<div class="story-body">
{body}
</div>
<div class="share-tools"><p>Share this story:</p><a href="#">Facebook</a> <a href="#">X</a>
<a href="#">WhatsApp</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>{related_html}</ul></aside>
<section class="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="comment-author">reader42</p>
<p>Interesting read, but what about the budget implications for next year?</p></div>
<div class="comment"><p class="comment-author">analyst_k</p>
<p>Good summary. Would like to see more coverage of this region.</p></div>
</section>"""
    return _layout(base, story.title, main, head)


def listing_page(base: str, heading: str, stories: list[Story], next_href: str | None) -> str:
    items = "".join(
        f'<li class="teaser"><a href="{s.path}">{escape(s.title)}</a>'
        f'<span class="date">{s.published.date().isoformat()}</span></li>'
        for s in stories
    )
    pager = f'<a class="next" href="{next_href}">Next page</a>' if next_href else ""
    main = f'<h1>{escape(heading)}</h1><ul class="teasers">{items}</ul><nav class="pager">{pager}</nav>'
    return _layout(base, heading, main)


def home_page(base: str, stories: list[Story]) -> str:
    head = f'<link rel="sitemap" type="application/xml" href="{base}/sitemap.xml">\n'
    return listing_page(base, "Latest news", stories[:PER_PAGE], None).replace(
        "</head>", head + "</head>", 1
    )


def rss_feed(base: str, stories: list[Story]) -> str:
    items = "".join(
        f"<item><title>{escape(s.title)}</title><link>{base}{s.path}</link>"
        f"<guid>{base}{s.path}</guid><pubDate>{format_datetime(s.published)}</pubDate>"
        f"<description>{escape(s.paragraphs[0][:200])}</description></item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{SITE_NAME}</title><link>{base}/</link>"
        f"<description>Latest stories from {SITE_NAME}</description>{items}</channel></rss>"
    )


def sitemap(base: str, stories: list[Story]) -> str:
    urls = "".join(
        f"<url><loc>{base}{s.path}</loc><lastmod>{s.published.isoformat()}</lastmod></url>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )


ROBOTS = "User-agent: *\nDisallow: /private/\n"
