"""The publication date: publisher declarations in a fixed order, placeholders skipped,
the URL's calendar date kept against a UTC timestamp of the next or previous day."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from extract import clean_html
from extract.published import published_date, same_day_somewhere, url_date

BODY = "<p>" + "The harbour board met on a grey morning and spoke about the ferries. " * 8 + "</p>"


def page(head: str = "", body: str = BODY) -> str:
    return f"<html><head><title>Harbour board meets</title>{head}</head><body><article>" \
           f"<h1>Harbour board meets</h1>{body}</article></body></html>"


def tree(head: str = "", body: str = BODY) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page(head, body))


def ld(value: str, kind: str = "NewsArticle") -> str:
    blob = json.dumps({"@type": kind, "datePublished": value})
    return f'<script type="application/ld+json">{blob}</script>'


def test_template_placeholder_in_json_ld_is_skipped_for_the_url_date() -> None:
    head = ld("0001-01-01T00:00:00Z") + '<meta property="og:url" ' \
        'content="https://paper.example/story/city/2024/04/07/ferry-board/123/">'
    assert clean_html(page(head)).published == "2024-04-07"


def test_json_ld_article_date_comes_first() -> None:
    head = ld("2025-05-02T08:00:00+02:00") + '<meta property="article:published_time" ' \
        'content="2025-05-01T09:00:00+02:00">'
    assert published_date(tree(head), None) == "2025-05-02"


def test_meta_publication_property() -> None:
    head = '<meta property="article:published_time" content="2025-03-09T10:00:00-05:00">'
    assert published_date(tree(head), "https://site.example/news/ferry-board") == "2025-03-09"


def test_explicit_offset_keeps_the_local_date() -> None:
    head = '<meta property="article:published_time" content="2025-03-09T23:30:00-05:00">'
    assert published_date(tree(head), "https://site.example/2025/03/10/ferry") == "2025-03-09"


def test_utc_stamp_of_an_evening_story_yields_to_the_url_date() -> None:
    head = '<meta property="article:published_time" content="2025-11-20T01:50:59Z">'
    url = "https://site.example/business/story/2025-11-19/ferry-board"
    assert published_date(tree(head), url) == "2025-11-19"


def test_utc_stamp_no_inhabited_zone_can_move_keeps_its_date() -> None:
    # 11:45 UTC is the 19th from UTC-11 to UTC+12: a URL of the 18th names another page's day.
    head = '<meta property="article:published_time" content="2025-11-19T11:45:00Z">'
    assert published_date(tree(head), "https://other.example/2025/11/18/x") == "2025-11-19"


def test_single_time_element_dates_the_page() -> None:
    body = '<time datetime="2025-06-14T10:36:00.000Z">2 days ago</time>' + BODY
    assert published_date(tree(body=body), None) == "2025-06-14"


def test_time_elements_of_several_dates_are_not_guessed_from() -> None:
    body = ('<time datetime="2025-06-14T10:00Z">a</time><time datetime="2025-06-10T10:00Z">b'
            "</time>" + BODY)
    assert published_date(tree(body=body), "https://site.example/2025/06/13/x") == "2025-06-13"


def test_pubdate_time_element_wins_over_others() -> None:
    body = ('<time datetime="2025-06-10">b</time><time pubdate datetime="2025-06-14">a</time>'
            + BODY)
    assert published_date(tree(body=body), None) == "2025-06-14"


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://a.example/2025/11/19/ferry-board.html", "2025-11-19"),
        ("https://a.example/news/2025/nov/19/ferry-board", "2025-11-19"),
        ("https://a.example/story/2025-11-19/ferry", "2025-11-19"),
        ("https://a.example/columnists/202511191077343476-ferry/", "2025-11-19"),
        ("https://a.example/2025/13/40/ferry", None),
        ("https://a.example/marker/54885/", None),
        ("https://2025.example/about", None),
        (None, None),
    ],
)
def test_url_dates(url: str | None, date: str | None) -> None:
    assert url_date(url) == date


def test_same_day_somewhere_bounds() -> None:
    assert same_day_somewhere("2025-11-20T01:50:59.403", "2025-11-19")
    assert same_day_somewhere("2025-11-19T22:00:00Z", "2025-11-20")
    assert not same_day_somewhere("2025-11-19T05:00:00Z", "2025-11-20")
    assert not same_day_somewhere("2025-11-20T01:50:00+05:30", "2025-11-19")
    assert not same_day_somewhere("2025-11-22", "2025-11-19")
