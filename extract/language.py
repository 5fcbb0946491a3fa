"""A tiny stop-word language guess for pages that do not declare their language.

Only used as a fallback; it distinguishes the few languages a defence-news
briefing meets often enough to matter, and says None rather than guess wildly.
"""

from __future__ import annotations

import re
import unicodedata
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
    "id": frozenset(split_words("yang dan di dari ini itu untuk dengan tidak ada")),
}
_WORD = re.compile(r"\w+", re.UNICODE)

# Scripts of the Unicode Standard (UAX #24) that one language, or one language above all,
# is written in, by the first word of their letters' Unicode names. Kana marks Japanese
# before Han (which Japanese shares with Chinese) is counted; Cyrillic, written in several
# languages, is named by the most widely written one (all that matters here is "not English").
_SCRIPT_LANGUAGES: dict[str, str] = {
    "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CJK": "zh", "ARABIC": "ar",
    "HEBREW": "he", "GREEK": "el", "THAI": "th", "DEVANAGARI": "hi", "BENGALI": "bn",
    "TAMIL": "ta", "GEORGIAN": "ka", "ARMENIAN": "hy", "CYRILLIC": "ru",
}
_KANA = ("HIRAGANA", "KATAKANA")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")  # Basic Latin to Latin Extended-B
_OTHER_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")


@lru_cache(maxsize=8)
def guess_language(text: str) -> str | None:
    """Return the language of the text's script, or whose stop words cover most of it.

    Used before the page's own <html lang>, which is often a site-wide default
    (English stories on a German edition say "de").
    """
    sample = text[:5000]
    script = _script_language(sample)
    if script is not None:
        return script
    words = Counter(map(str.lower, _WORD.findall(sample)))
    if not words:
        return None
    # Counted once, then looked up per stop word: a pass over the words for every
    # language cost more than trafilatura's own work on a short article.
    total = words.total()
    scores = {lang: sum(words[w] for w in stops if w in words) / total
              for lang, stops in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 0.08 else None


def _script_language(sample: str) -> str | None:
    """The language of the script most letters are written in, when that is not Latin.

    Stop words cannot tell a page in Korean or Japanese from a short English one: neither
    holds any English function word, and a page taken for English gets English facts.
    """
    others = _OTHER_LETTER.findall(sample)
    if len(others) <= len(_LATIN_LETTER.findall(sample)):
        return None
    scripts = Counter(unicodedata.name(char, "").split(" ")[0] for char in others)
    kana = sum(scripts[name] for name in _KANA)
    known = {name: count for name, count in scripts.items() if name in _SCRIPT_LANGUAGES}
    if not known:
        return None
    if kana * 10 >= sum(known.values()):
        return "ja"
    return _SCRIPT_LANGUAGES[max(known, key=lambda name: known[name])]
