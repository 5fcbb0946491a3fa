"""The build: read the store, render every page and feed into a staging folder, swap it in."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import sqlite_utils
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from wirebrief.config import Config
from wirebrief.site import feeds
from wirebrief.site.paths import article_path, output_file, relative
from wirebrief.site.publish import staging_dir, swap_into_place
from wirebrief.store import queries

TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"
PACKAGED_TEMPLATES = Path(__file__).resolve().parents[1] / "_site_templates"


def templates_dir() -> Path:
    return TEMPLATES if TEMPLATES.is_dir() else PACKAGED_TEMPLATES


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def safe_url(url: str | None) -> str:
    """Only http(s) links leave the site; anything else (javascript:, data:) becomes '#'."""
    text = (url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def copy_static(site: Site) -> None:
    for path in sorted((templates_dir() / "static").rglob("*")):
        if path.is_file():
            site.write("static/" + path.relative_to(templates_dir() / "static").as_posix(),
                       path.read_bytes())


@dataclass
class Site:
    """What one build writes: the output folder and the files written so far."""

    config: Config
    root: Path
    env: Environment = field(default_factory=environment)
    written: int = 0

    def write(self, page: str, data: bytes) -> None:
        target = (self.root / output_file(page)).resolve()
        if not target.is_relative_to(self.root.resolve()):
            raise ValueError(f"refusing to write outside the site: {page!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written += 1

    def render(self, page: str, template: str, **context: Any) -> None:
        base = {"site": self.config.site, "root": relative(page, ""), "page": page,
                "link": lambda to: relative(page, to)}
        html = self.env.get_template(template).render(**base, **context)
        self.write(page, html.encode("utf-8"))

    def absolute(self, page: str) -> str:
        return str(self.config.site.base_url) + page


def paragraphs_html(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def build_site(config: Config, db: sqlite_utils.Database) -> dict[str, int]:
    """Render the whole site into a staging folder and publish it atomically."""
    target = config.output_path
    with staging_dir(target) as staging:
        site = Site(config, staging)
        articles = queries.all_articles(db)
        for article in articles:
            article["path"] = article_path(article)
            article["permalink"] = site.absolute(article["path"])
            article["source_url"] = article["url"]
            article["html"] = paragraphs_html(article["text"] or "")
        latest_run = queries.latest_run_id(db)
        for article in articles:
            site.render(article["path"], "article.html", article=article,
                        facts=queries.article_facts(db, article["id"]))
        site.render("", "index.html", articles=articles[: config.site.feed_items],
                    latest_run=latest_run)
        _write_feeds(site, articles[: config.site.feed_items])
        copy_static(site)
        swap_into_place(staging, target)
    return {"pages": site.written, "articles": len(articles)}


def _write_feeds(site: Site, items: list[dict[str, Any]]) -> None:
    meta = {
        "title": site.config.site.title, "description": site.config.site.description,
        "url": site.absolute(""), "self": site.absolute("feed.xml"),
        "self_json": site.absolute("feed.json"), "language": site.config.site.language,
        "author": site.config.site.author,
        "full_text": site.config.site.feed_content == "full",
    }
    site.write("feed.xml", feeds.rss_bytes(meta, items))
    site.write("atom.xml", feeds.atom_bytes({**meta, "self": site.absolute("atom.xml")}, items))
    site.write("feed.json", feeds.json_feed_bytes(meta, items))
