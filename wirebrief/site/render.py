"""Jinja2 set-up and page rendering: autoescape always on, scraped text never marked safe."""

from __future__ import annotations

import hashlib
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)

from wirebrief.config import Config
from wirebrief.sanitize import html_safe, xml_safe
from wirebrief.site.paths import up_prefix
from wirebrief.site.rows import event_rows, nice_date, story_rows

CODE = Path(__file__).resolve().parent
TEMPLATES = CODE.parents[1] / "site_templates"
PACKAGED_TEMPLATES = CODE.parent / "_site_templates"


def templates_dir() -> Path:
    return TEMPLATES if TEMPLATES.is_dir() else PACKAGED_TEMPLATES


def build_salt(config: Config) -> str:
    """What every file depends on besides its data: templates, the site code, the site
    config. It is part of every output's key, so changing any of them renders everything."""
    settings = config.site.model_dump_json(exclude={"output", "database"})
    digest = hashlib.blake2b(settings.encode("utf-8"), digest_size=16)
    sources = sorted(templates_dir().rglob("*")) + sorted(CODE.glob("*.py"))
    # What pages read through besides the site code: the store's reads, texts and slugs, the run report.
    sources += [CODE.parent / name for name in
                ("sanitize.py", "status.py", "store/queries.py", "store/texts.py", "store/keys.py")]
    for path in sources:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def environment() -> Environment:
    """The templates, compiled once: compiled code is cached across builds (Jinja's own
    per-user cache folder, checked for ownership; keyed by each template's source) and
    every template is loaded before render workers fork, so that none compiles twice."""
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, bytecode_cache=_bytecode_cache(),
    )
    env.filters["safe_url"] = safe_url
    env.filters["nice_date"] = nice_date
    env.filters["paragraphs"] = paragraphs
    env.globals["story_rows"] = story_rows
    env.globals["event_rows"] = event_rows
    for name in env.list_templates(extensions=("html", "xml")):
        env.get_template(name)
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no safe temporary folder: compile every time
        return None


def safe_url(url: str | None) -> str:
    """Only http(s) links leave the site; anything else (javascript:, data:) becomes '#'."""
    text = (url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def paragraphs_html(text: str) -> str:
    """Escaped HTML of an article body, for feed content (which XML-escapes it again)."""
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(text))


class Renderer:
    """Renders templates for one config: every page gets the site, its own links and feeds."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.env = environment()
        self.site_feeds = feed_links("", config.site.title)
        self.base_url = str(config.site.base_url)
        self.salt = build_salt(config)
        # What several outputs of a build show alike, made once per process (feeds.feed_item).
        self.memo: dict[Any, Any] = {}

    def page(self, page: str, template: str, context: dict[str, Any]) -> bytes:
        feeds = context.get("feeds") or []
        prefix = up_prefix(page)
        base = {"site": self.config.site, "root": prefix or "./", "page": page,
                "link": lambda to: prefix + to or "./", "site_feeds": self.site_feeds,
                "search_enabled": self.config.site.search == "pagefind"}
        html = self.env.get_template(template).render(**base, **{**context, "feeds": feeds})
        return html_safe(html)

    def text(self, template: str, context: dict[str, Any]) -> bytes:
        """A non-HTML text file (feeds, sitemap, OPML): autoescaped, XML-safe."""
        return xml_safe(self.env.get_template(template).render(**context)).encode("utf-8")

    def absolute(self, page: str) -> str:
        return self.base_url + page


def feed_links(folder: str, title: str) -> list[dict[str, str]]:
    """The three feeds of a page folder, for <link rel=alternate> and the OPML list."""
    return [
        {"type": "application/rss+xml", "title": f"{title} (RSS)", "path": folder + "feed.xml"},
        {"type": "application/atom+xml", "title": f"{title} (Atom)", "path": folder + "atom.xml"},
        {"type": "application/feed+json", "title": f"{title} (JSON Feed)",
         "path": folder + "feed.json"},
    ]
