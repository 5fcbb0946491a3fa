"""The rest of an article body that advertisements split into several containers.

trafilatura takes the first element that holds the main text.  Some publishers cut a
long article into several sibling containers of one class, with advertisements
between them; only the first reaches the text.  The containers after it that carry
the same tag and class as the one holding the extracted text's last paragraph are
the article's continuation, and their paragraphs are appended in page order.
"""

from __future__ import annotations

from lxml import html as lxml_html

_MIN_PARAGRAPH = 40  # shorter last lines (a credit, a caption) are too common to locate by


def continued_paragraphs(tree: lxml_html.HtmlElement, text: str) -> list[str]:
    """The paragraphs of the containers that continue the one ending ``text``, or []."""
    last = next((line for line in reversed(text.splitlines()) if len(line.strip()) >= _MIN_PARAGRAPH),
                None)
    container = _container_of(tree, " ".join(last.split())) if last else None
    if container is None:
        return []
    siblings = [e for e in tree.iter(container.tag) if e.get("class") == container.get("class")]
    following = siblings[siblings.index(container) + 1 :]
    seen = {" ".join(line.split()) for line in text.splitlines()}
    paragraphs = (" ".join(p.text_content().split()) for e in following for p in e.iter("p"))
    return [p for p in paragraphs if p and p not in seen]


def _container_of(tree: lxml_html.HtmlElement, paragraph: str) -> lxml_html.HtmlElement | None:
    """The nearest element with a class that holds the <p> the paragraph came from."""
    for element in tree.iter("p"):
        if " ".join(element.text_content().split()).startswith(paragraph[:60]):
            parent = element.getparent()
            while parent is not None and not parent.get("class"):
                parent = parent.getparent()
            return parent
    return None
