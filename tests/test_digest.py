"""The morning email written to a file: both parts, absolute links, hostile text escaped,
no header from the data, a stable Message-ID."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import sqlite3
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import DemoRun, cli, write_config

pytestmark = pytest.mark.xdist_group("demo")

BASE = "https://example.org/briefing/"
HOSTILE = 'Evil <script>alert("x")</script> & <img src=https://evil.example/p.gif>\r\nBcc: victim@example.com'
WATCH = """
[digest]
from = "briefing@example.org"
to = ["reader@example.org"]
unsubscribe = "mailto:briefing@example.org?subject=unsubscribe"

[[watch]]
name = "EU navy"
entities = ["EUNAVFOR"]
"""


class Tags(HTMLParser):
    """Every tag of a page with its attributes, as a browser or mail client parses them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def parts(message: EmailMessage) -> tuple[str, str]:
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    # The .eml keeps SMTP's CRLF line ends: compare lines, not line ends.
    return text.get_content().replace("\r\n", "\n"), html.get_content().replace("\r\n", "\n")


@pytest.fixture
def hostile_store(demo_run: DemoRun, tmp_path: Path) -> Path:
    """A copy of the demo store whose most reported story has a hostile title."""
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")
    conn = sqlite3.connect(tmp_path / "wirebrief.db")
    with conn:
        story, lead = conn.execute(
            "select sa.story_id, min(sa.article_id) from story_articles sa "
            "join stories s on s.id = sa.story_id where s.merged_into is null "
            "group by 1 order by count(*) desc, 1 limit 1").fetchone()
        conn.execute("update stories set title = ? where id = ?", [HOSTILE, story])
        conn.execute("update articles set title = ?, summary = ? where id = ?", [HOSTILE, HOSTILE, lead])
    conn.close()
    return write_config(tmp_path, "http://127.0.0.1:9", extra=WATCH)


def test_the_briefing_email_is_safe_and_absolute(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.eml"
    result = cli("digest", "--config", str(hostile_store), "--to", str(out))
    assert result.stdout.startswith("digest: ")
    message = read(out)
    text, html = parts(message)
    assert message["Bcc"] is None and "victim" not in "".join(message.keys())
    for name, value in message.items():
        assert "\r" not in str(value) and "\n" not in str(value).replace("\n ", ""), name
    assert message["List-Unsubscribe"] == "<mailto:briefing@example.org?subject=unsubscribe>"
    assert message["Message-ID"].endswith("@example.org>")
    tags = Tags(html).tags
    assert not {"script", "img", "style", "link", "iframe", "object"} & {tag for tag, _ in tags}
    assert not [attrs for _, attrs in tags if {"src", "srcset", "background"} & set(attrs)]
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert "&lt;script&gt;" in html and "&amp;" in html
    links = [str(attrs.get("href")) for tag, attrs in tags if tag == "a"]
    assert links and all(link.startswith((BASE, "mailto:")) for link in links)
    assert any(link.startswith(BASE + "stories/") for link in links)
    assert any(link.startswith(BASE + "articles/") and link.endswith(".html") for link in links)
    lines = text.splitlines()
    story_links = [lines[n + 1].strip() for n, line in enumerate(lines) if re.match(r"\d+\. ", line)]
    outlet_links = [line.rsplit(": ", 1)[1] for line in lines if line.startswith("   - ")]
    assert story_links and outlet_links
    assert all(url.startswith(BASE) and " " not in url for url in story_links + outlet_links)
    assert "Evil <script>" in text and "\r" not in text


def test_the_same_data_gives_the_same_message_id(hostile_store: Path, tmp_path: Path) -> None:
    ids = []
    for name, days in (("a", "30"), ("b", "30"), ("c", "1")):
        cli("digest", "--config", str(hostile_store), "--days", days, "--to", str(tmp_path / f"{name}.eml"))
        ids.append(read(tmp_path / f"{name}.eml")["Message-ID"])
    assert ids[0] == ids[1] != ids[2]


def test_one_watch_with_why_each_story_matched(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "watch.eml"
    cli("digest", "--config", str(hostile_store), "--watch", "EU navy", "--to", str(out))
    message = read(out)
    text, html = parts(message)
    assert "Watch: EU navy" in message["Subject"]
    assert "Why it matched: entity EUNAVFOR (EU Naval Force) matched" in text
    assert f'href="{BASE}watch/eu-navy/"' in html
    missing = cli("digest", "--config", str(hostile_store), "--watch", "Nope", "--to", str(out), check=False)
    assert missing.returncode == 1
    assert missing.stderr.startswith("wirebrief: error: no watch named 'Nope'")
    neither = cli("digest", "--config", str(hostile_store), check=False)
    assert neither.returncode == 1 and "--to FILE or --send" in neither.stderr
