"""Which spaCy pipeline serves which language, without importing spaCy.

English pages get the configured English model.  A page in another language
gets a model only when one for that language is installed (named by
$WIREBRIEF_SPACY_MODEL_<LANG>, e.g. WIREBRIEF_SPACY_MODEL_FR, or found as the
usual package ``<lang>_core_news_sm``); otherwise it gets no model at all, so
an English model never reads German text and invents entities from it.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass

ENGLISH = "en"
LANGUAGE_MODEL_ENV = "WIREBRIEF_SPACY_MODEL_{}"
# spaCy's naming of its trained pipelines: <lang>_core_news_<size> (en: _core_web_).
_PACKAGE_PATTERNS = ("{}_core_news_sm", "{}_core_news_md", "{}_core_news_lg")


def is_english(language: str | None) -> bool:
    """English, or too little text to tell (short texts are treated as English)."""
    return language is None or language == ENGLISH


@dataclass(frozen=True)
class Pipeline:
    """Whether a language has a model, and its name (None: the default English model)."""

    available: bool
    model: str | None = None


def pipeline_for(language: str | None, english_model: str | None = None) -> Pipeline:
    """The model for ``language``: ``english_model`` for English, an installed model for
    another language, or none."""
    if is_english(language):
        return Pipeline(True, english_model)
    configured = os.environ.get(LANGUAGE_MODEL_ENV.format((language or "").upper()))
    if configured:
        return Pipeline(True, configured)
    for pattern in _PACKAGE_PATTERNS:
        name = pattern.format(language)
        if importlib.util.find_spec(name) is not None:
            return Pipeline(True, name)
    return Pipeline(False)
