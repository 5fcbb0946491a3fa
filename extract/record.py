"""HTML (or plain text) in, full facts record out: the one-call entry point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from extract.clean import clean_html
from extract.facts import extract_facts


def extract_record(
    html: str | bytes,
    url: str | None = None,
    taxonomy: Mapping[str, Sequence[str]] | None = None,
    *,
    model: str | None = None,
) -> dict[str, Any]:
    """Clean the page and extract its facts; the record also carries text and language.

    ``model`` names the spaCy pipeline (default: $WIREBRIEF_SPACY_MODEL or the
    bundled small English model).
    """
    article = clean_html(html, url)
    record = extract_facts(article, taxonomy, model)
    record["text"] = article.text
    record["language"] = article.language
    return record
