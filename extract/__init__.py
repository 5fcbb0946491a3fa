"""wirebrief's article extractor: HTML -> clean text -> facts record (see FACTS.md).

The package does no I/O and imports nothing from the rest of the project, so it
can be reused and tested on its own.  spaCy is imported and its pipeline loaded only
when facts are first extracted (extract/ner.py): cleaning alone, as the crawl's tools
and the benchmarks do, never pays for it.
"""

from __future__ import annotations

from extract.article import CleanArticle
from extract.clean import article_from_text, clean_html
from extract.errors import NoArticle
from extract.facts import extract_facts
from extract.record import extract_record
from extract.topics import DEFAULT_TAXONOMY

__all__ = [
    "DEFAULT_TAXONOMY",
    "CleanArticle",
    "NoArticle",
    "article_from_text",
    "clean_html",
    "extract_facts",
    "extract_record",
]
