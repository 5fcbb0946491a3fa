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


@pytest.mark.parametrize(("line", "furniture"), [
    ("The new quay at dusk, photos © Kell Harbour Board, 2031", True),
    ("Email Ines Dahl at idahl@harbour.example or follow her @inesdahl.", True),
    ("Ferry fares to rise again after a stormy winter [VIDEO]", True),
    ("Ferry fares to rise again, the board says [Harbour Gazette]", False),
    ("The board said it would email every ticket holder at the weekend.", False),
    # A bulleted headline links another story; the story's own points and lists of names stay.
    ("- Harbour Rush: The Race to Build the Next Ferry Terminal", True),
    ("- Where the New Ferries Will Sail in 2031", True),
    ("- The yard will close in May for repairs.", False),
    ("- Kell Shipping, Brevik, Norway", False),
    ("- Kell Harbour Board", False),
])
def test_captions_credits_author_lines_and_teaser_labels_are_furniture(line: str,
                                                                       furniture: bool) -> None:
    from extract.boilerplate import is_boilerplate

    assert is_boilerplate(line) is furniture


def _split_page() -> str:
    first = "".join(f"<p>The harbour board met on Monday to weigh paragraph {i} of the ferry plan, "
                    f"which would add crossings to the outer islands.</p>" for i in range(1, 6))
    second = "".join(f"<p>Later in the meeting the board turned to section {i} of the budget, "
                     f"where the dredging costs are set out in full.</p>" for i in range(1, 5))
    return ("<html><head><title>Ferry plan weighed</title></head><body><main>"
            "<h1>Ferry plan weighed</h1>"
            f'<div class="row"><div class="story-body body">{first}</div>'
            '<div class="rail"><p>Most popular</p></div></div>'
            '<div class="row wide-ad"><p>Advertisement</p></div>'
            f'<div class="row"><div class="story-body body">{second}</div></div>'
            '</main><footer><p>Contact the newsroom at any time of day.</p></footer></body></html>')


def test_a_body_split_by_an_advertisement_is_read_whole() -> None:
    text = clean_html(_split_page()).text
    assert "paragraph 1 of the ferry plan" in text and "section 4 of the budget" in text
    assert text.index("paragraph 5") < text.index("section 1")
    assert "Advertisement" not in text and "Contact the newsroom" not in text
