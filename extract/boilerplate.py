"""Line filters that remove page furniture trafilatura sometimes keeps in the body.

Each pattern matches a whole short line that is a site prompt, not reporting:
"Read more", share and newsletter prompts, comment counters, photo credits and
the wire-service production credits at the foot of a story.  Patterns are
anchored and length-limited so a real sentence that merely mentions
"newsletter" is never dropped.
"""

from __future__ import annotations

import re

from extract.wordlists import TITLE_CASE_SMALL_WORDS

_MAX_PROMPT_CHARS = 160

# Prompts every news site shows in some form (read more, share, subscribe, comments, related
# stories, photo and production credits, copyright lines, a caption's "©", an author's
# "Email X at ..." and a teaser's "[VIDEO]"-style label); no outlet's own wording.

_PROMPTS = re.compile(
    r"""^(?:
        (?:\d+\s*)?comments?\s*:?
      | (?:read|see|click|tap)\s+(?:more|here|also|the\s+full).*
      | also\s+read\s*:?.*
      | more\s*:?
      | related\s*(?:articles?|stories|news|coverage|content|links?|reading)?\s*:?.*
      | recommended(?:\s+for\s+you)?\s*:?
      | advertisement | ad | sponsored(?:\s+content)?
      | share(?:\s+this)?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+\w+)?\s*:?
      | (?:follow|like)\s+us\s+on\b.*
      | follow\b.{0,80}\bon\s+(?:facebook|twitter|x|instagram|linkedin|youtube|tiktok|telegram
        |whatsapp|threads|bluesky|mastodon)\b.*
      | (?:sign\s+up|subscribe|register)\b
        .*(?:newsletter|updates|inbox|alerts|free|channel|videos|podcast).*
      | .*\bclick(?:ing)?\s+here\b.*
      | -?\s*(?:order\s+reprints|print(?:\s+this)?\s+(?:article|story|page)
        |e-?mail\s+(?:this\s+)?(?:article|story))
      | don'?t\s+miss\s*:?
      | [\W_]+
      | \d{4}-\d{2}-\d{2}(?:[T\s][\d:.+\-Z]+)?
      | .{10,200}[a-z)]\.(?:Reuters|AP|AFP|Getty\s+Images|Shutterstock|EPA)
      | .*\bnewsletter\b.*(?:sign\s+up|subscribe|inbox).*
      | (?:reporting|writing|additional\s+reporting|editing|compiled)\s+by\s+.*
      | (?:photo|image|file\s+photo|picture)s?\s*(?:credit)?\s*:.*
      | (?:getty\s+images|afp\s+via\s+getty\s+images|ap\s+photo.*|reuters/.*)
      | (?:copyright|©)\s.*
      | .*\s©\s.*
      | (?:e-?mail|contact)\s.{1,60}\s(?:at|on)\s\S+@\S+.*
      | .*\s(?-i:\[[A-Z]{3,}\])
      | all\s+rights\s+reserved\.?
      | (?:watch|listen)\s*:\s*.*
      | next\s+(?:article|story)\s*:?.*
      | (?:previous|prev)\s+(?:article|story)\s*:?.*
      | (?:this|the)\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|corrected).*
      | we\s+(?:use|value)\s+(?:cookies|your\s+privacy).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Embedded-post signatures ("— Name (@handle) date") legitimately repeat.
_SIGNATURE = re.compile(r"^[—–-]\s.*\(@\w+\)")


def is_boilerplate(line: str) -> bool:
    """Say whether a whole line is a site prompt rather than part of the story."""
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > _MAX_PROMPT_CHARS:
        return False
    return bool(_PROMPTS.match(stripped)) or _linked_headline(stripped)


# An item of a list of links to other stories: a bullet, then a headline in title case with
# no sentence's closing mark, phrased with a colon or a small word of title case ("- Harbour
# Rush: The Race to Build the Next Terminal").  A list of the story's own points is written in
# sentences ("- The yard will close in May."), a list of names with commas or alone.
_BULLET = re.compile(r"^[-•*–]\s+(?P<item>.+[^.!?\"”])$")


def _linked_headline(line: str) -> bool:
    """Whether the line is a bulleted headline in title case (see _BULLET)."""
    bullet = _BULLET.match(line)
    if bullet is None or "," in bullet.group("item"):
        return False  # "- Kell Yards, Brevik, Norway": a list of names
    every = re.findall(r"[^\W\d_][\w'’\-]*", bullet.group("item"))
    words = [w for w in every if w.lower() not in TITLE_CASE_SMALL_WORDS]
    phrased = ":" in bullet.group("item") or len(words) < len(every)
    return phrased and len(words) >= 3 and all(w[0].isupper() for w in words)


def filter_lines(text: str, title: str | None = None) -> str:
    """Drop prompt lines, the headline and repeated lines, keeping one paragraph per line.

    A line repeated verbatim is page furniture (a teaser or a sticky header) far
    more often than reporting, so only its first occurrence is kept.
    """
    lines = [line.strip() for line in text.splitlines()]
    # The headline's words, worked out once rather than again for every line.
    headline = _words(title) if title else None
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if is_boilerplate(line) or (headline is not None and _words(line) == headline):
            continue
        normal = " ".join(line.split())
        if normal in seen and len(normal) > 1 and not _SIGNATURE.match(normal):
            continue
        seen.add(normal)
        kept.append(normal)
    return "\n".join(kept)


_NON_WORDS = re.compile(r"\W+")


def _words(value: str) -> str:
    """Lower-case words only: a headline repeated as the first paragraph compares equal,
    whatever its case and punctuation."""
    return _NON_WORDS.sub(" ", value).strip().lower()
