"""A tiny stop-word language guess for pages that do not declare their language.

Only used as a fallback; it distinguishes the few languages a defence-news
briefing meets often enough to matter, and says None rather than guess wildly.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extract.wordlists import split_words

# The most frequent function words of each language (the top of its word-frequency list).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(split_words("the of and to in is that for on with as was said by from")),
    "fr": frozenset(split_words("le la les des et en du une est que pour dans sur par")),
    "de": frozenset(split_words("der die und das den von zu mit ist des sich nicht auf")),
    "es": frozenset(split_words("el la los las y en del que por con para una es se")),
    "it": frozenset(split_words("il di che la per una sono del della con non nel")),
    "pt": frozenset(split_words("o os de que em um uma para com não do da no")),
    "ru": frozenset(split_words("и в не на что с по это как из о к")),
    "id": frozenset(split_words("yang dan di dari ini itu untuk dengan tidak ada")),
}
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=8)
def guess_language(text: str) -> str | None:
    """Return the language whose stop words cover most of the text, if clearly so.

    Used before the page's own <html lang>, which is often a site-wide default
    (English stories on a German edition say "de").
    """
    words = Counter(map(str.lower, _WORD.findall(text[:5000])))
    if not words:
        return None
    # Counted once, then looked up per stop word: a pass over the words for every
    # language cost more than trafilatura's own work on a short article.
    total = words.total()
    scores = {lang: sum(words[w] for w in stops if w in words) / total
              for lang, stops in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None
