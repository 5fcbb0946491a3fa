"""The HTML cleaner: body text without page furniture, and the page's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import CleanArticle, NoArticle, article_from_text, clean_html

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_clean_html_keeps_story_and_drops_prompts() -> None:
    article = clean_html(_page("ap_story.html"))
    assert isinstance(article, CleanArticle)
    assert article.text.startswith("HANOI, Vietnam (AP) — Navy chiefs")
    assert "Spratly Islands last month." in article.text
    for furniture in ("Read more", "Sign up", "newsletter", "Related stories", "Copyright"):
        assert furniture not in article.text
    assert "Navy chiefs meet in Hanoi over sea patrols" not in article.text  # headline


def test_clean_html_metadata() -> None:
    article = clean_html(_page("ap_story.html"))
    assert article.url == "https://gazette.example.com/world/navy-chiefs-hanoi"
    assert article.title == "Navy chiefs meet in Hanoi over sea patrols"
    assert article.published == "2024-06-12"
    assert article.authors == ["Linda Marsh"]  # no "AP Diplomatic Writer"
    assert article.language == "en"
    assert article.sitename == "Example Gazette"


def test_clean_html_removes_production_credits_and_captions() -> None:
    article = clean_html(_page("reuters_story.html"))
    assert "Reporting by" not in article.text
    assert "Photo:" not in article.text
    assert article.url == "https://news.example.org/world/northland-eastmark-pact"
    assert article.authors == []
    assert article.agency == "Reuters"


def test_clean_html_accepts_str_and_bytes() -> None:
    text = _page("ap_story.html").decode("utf-8")
    assert clean_html(text).text == clean_html(text.encode("utf-8")).text


@pytest.mark.parametrize("html", ["", b"", "   ", _page("empty.html")])
def test_no_article_on_empty_pages(html: str | bytes) -> None:
    with pytest.raises(NoArticle) as info:
        clean_html(html)
    assert str(info.value)


def test_article_from_text_normalises_lines() -> None:
    article = article_from_text("  First   line.\n\n Second line. ", url="u", published="2024-01-02T10:00")
    assert article.text == "First line.\nSecond line."
    assert article.published == "2024-01-02"
    assert article.url == "u"


def test_prompts_to_follow_the_outlet_on_a_social_network_are_furniture() -> None:
    from extract.boilerplate import is_boilerplate

    assert is_boilerplate("Follow the Harbour Gazette's opinion desk on Facebook, Twitter and Instagram.")
    assert is_boilerplate("Follow us on X")
    assert not is_boilerplate("Police follow the suspects on foot through the market.")
    assert not is_boilerplate("Supporters follow him on Twitter.")
