"""Online story clustering: each article, in order, joins the best story or starts one.

A story's id is derived from the id of the article that started it, so ids never
change and a rebuild in the same order gives the same ids. Copies of one wire text
(one copy group) always share a story. When an article matches two stories that also
match each other with nothing ruling it out, they are one story: the younger one is
absorbed (its id becomes a redirect) and the older one holds every article.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from wirebrief.store.keys import short_hash
from wirebrief.stories.blocking import MAX_CANDIDATES, BlockIndex
from wirebrief.stories.documents import Doc
from wirebrief.stories.scoring import Score, Scorer

JOIN_SCORE = 0.3  # an article joins a story whose best member scores at least this
MERGE_SCORE = 0.2  # two stories an article bridges merge when their best pair scores this
MAX_MEMBERS = 40  # members compared per candidate story: the most recent ones


def story_id_for(article_id: str) -> str:
    return short_hash("story", article_id)


@dataclass
class Placement:
    article_id: str
    story_id: str
    score: float
    via: str  # "new", "match" or "copy"


@dataclass
class Merge:
    absorbed: str
    into: str
    score: float


@dataclass
class Clusterer:
    scorer: Scorer
    story_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[Doc]] = field(default_factory=lambda: defaultdict(list))
    copy_story: dict[str, str] = field(default_factory=dict)
    started: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    index: BlockIndex = field(default_factory=BlockIndex)
    merges: list[Merge] = field(default_factory=list)

    def seed(self, doc: Doc, story_id: str) -> None:
        """An article placed by an earlier run: a member that new ones are compared with."""
        self._add(doc, story_id)

    def place(self, doc: Doc) -> Placement:
        copy_story = self.copy_story.get(doc.copy_group)
        if copy_story is not None:
            self._add(doc, copy_story)
            return Placement(doc.id, copy_story, 1.0, "copy")
        passing = sorted(self._matches(doc), key=lambda m: (-m[0], self.started[m[1]]))
        if not passing:
            story_id = story_id_for(doc.id)
            self.started.setdefault(story_id, doc.order)
            self._add(doc, story_id)
            return Placement(doc.id, story_id, 0.0, "new")
        score, story_id = passing[0]
        for _, other in passing[1:]:
            story_id = self._maybe_merge(story_id, other)
        self._add(doc, story_id)
        return Placement(doc.id, story_id, round(score, 4), "match")

    def _matches(self, doc: Doc) -> list[tuple[float, str]]:
        stories: list[str] = []
        for article_id in self.index.candidates(doc):
            story_id = self.story_of[article_id]
            if story_id not in stories:
                stories.append(story_id)
        found = []
        for story_id in stories[:MAX_CANDIDATES]:
            score = self.story_score(doc, self.members[story_id])
            if score is not None and score >= JOIN_SCORE:
                found.append((score, story_id))
        return found

    def story_score(self, doc: Doc, members: list[Doc]) -> float | None:
        """The best score against a story's members, None when any member rules it out.

        Being too many days from one member is no veto while a nearer member exists: a
        story that has run for days is judged by its latest coverage.
        """
        scores: list[Score] = [self.scorer.pair(doc, m) for m in members[-MAX_MEMBERS:]]
        if any(s.veto and s.veto != "days apart" for s in scores):
            return None
        allowed = [s.value for s in scores if not s.veto]
        return max(allowed) if allowed else None

    def _maybe_merge(self, a: str, b: str) -> str:
        """Merge stories a and b when they are compatible; returns the one the article joins."""
        if a == b:
            return a
        best = None
        for doc in self.members[b][-MAX_MEMBERS:]:
            score = self.story_score(doc, self.members[a])
            if score is None:
                return a
            best = score if best is None else max(best, score)
        if best is None or best < MERGE_SCORE:
            return a
        into, absorbed = sorted((a, b), key=lambda s: self.started[s])
        for member in self.members.pop(absorbed):
            self._add(member, into)
        for group, story in self.copy_story.items():
            if story == absorbed:
                self.copy_story[group] = into
        self.merges.append(Merge(absorbed, into, round(best, 4)))
        return into

    def _add(self, doc: Doc, story_id: str) -> None:
        self.story_of[doc.id] = story_id
        self.started.setdefault(story_id, doc.order)
        self.members[story_id].append(doc)
        self.copy_story.setdefault(doc.copy_group, story_id)
        if doc.id not in self.index.day:
            self.index.add(doc)
