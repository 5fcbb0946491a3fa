"""The reader's sections of the config: ``[[watch]]`` watchlists and the ``[digest]`` email.

They live apart from wirebrief/config.py because they describe what a reader follows
and receives, not how the pipeline runs. What one watch can check alone (its keys, its
FTS5 query) is checked here; what needs the whole config (topics of the taxonomy,
names unique across watches) is ``watch_problem``, which config.py calls once the file
has validated, so that every mistake is still one line naming the key and the line.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wirebrief.store.keys import slugify

ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# An address as written in a config: no display name, no spaces, one @.
ADDRESS = re.compile(r"[^@\s<>\",;]+@[^@\s<>\",;]+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True)


def _one_line(value: str) -> str:
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError("must be one line of printable text")
    return value


def fts5_problem(query: str) -> str | None:
    """Why SQLite's FTS5 would refuse ``query``, found by running it on an empty table of
    the store's shape (columns title and text, porter tokenizer), or None."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("create virtual table t using fts5(title, text, tokenize='porter')")
        conn.execute("select rowid from t where t match ?", [query]).fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    return None


class WatchConfig(_Strict):
    """One watchlist: a story matches when every key given matches one of its articles."""

    name: str = Field(min_length=1, max_length=200)
    query: str | None = None
    entities: list[str] = []
    topics: list[str] = []
    sources: list[str] = []
    notify: bool = False

    @property
    def slug(self) -> str:
        """The watch's one path segment: /watch/<slug>/ and the key of what it notified."""
        return slugify(self.name)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return _one_line(value.strip())

    @field_validator("query")
    @classmethod
    def _query(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.strip():
            raise ValueError("must not be empty (leave it out to match on other keys)")
        problem = fts5_problem(value)
        if problem:
            raise ValueError(f"not a valid FTS5 query: {problem}")
        return value

    @field_validator("entities", "topics", "sources")
    @classmethod
    def _names(cls, values: list[str]) -> list[str]:
        cleaned = [value.strip() for value in values]
        if any(not value for value in cleaned):
            raise ValueError("names must not be blank")
        return list(dict.fromkeys(_one_line(value) for value in cleaned))

    @model_validator(mode="after")
    def _something_to_match(self) -> WatchConfig:
        if not (self.query or self.entities or self.topics or self.sources):
            raise ValueError("nothing to match on: give query, entities, topics or sources")
        return self


def watch_problem(watches: Iterable[WatchConfig],
                  topic_labels: Iterable[str]) -> tuple[tuple[Any, ...], str] | None:
    """The first mistake that needs more than one watch to see: (its location, why)."""
    known = {slugify(label): label for label in topic_labels}
    names: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for index, watch in enumerate(watches):
        for topic in watch.topics:
            if slugify(topic) not in known:
                return (("watch", index, "topics"),
                        f"no topic {topic!r} in the taxonomy (known: {', '.join(sorted(known.values()))})")
        if watch.name.casefold() in names:
            return (("watch", index, "name"),
                    f"another watch (number {names[watch.name.casefold()] + 1}) has the name {watch.name!r}")
        if watch.slug in slugs:
            return (("watch", index, "name"),
                    f"its slug {watch.slug!r} is the slug of watch number {slugs[watch.slug] + 1}")
        names[watch.name.casefold()] = index
        slugs[watch.slug] = index
    return None


class DigestConfig(_Strict):
    """The morning email: who sends it to whom, through which SMTP server."""

    smtp_host: str = "localhost"
    smtp_port: int = Field(default=25, ge=1, le=65535)
    sender: str | None = Field(default=None, alias="from")
    to: list[str] = []
    starttls: bool = False
    username: str | None = None
    password_env: str | None = None
    after_run: bool = False
    unsubscribe: str | None = None
    max_stories: int = Field(default=20, ge=1, le=500)
    timeout_seconds: float = Field(default=30, gt=0, le=600)

    @field_validator("smtp_host", "username")
    @classmethod
    def _line(cls, value: str | None) -> str | None:
        return None if value is None else _one_line(value)

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str | None) -> str | None:
        if value is not None and not ADDRESS.fullmatch(value):
            raise ValueError(f"not an email address: {value!r}")
        return value

    @field_validator("to")
    @classmethod
    def _recipients(cls, values: list[str]) -> list[str]:
        for value in values:
            if not ADDRESS.fullmatch(value):
                raise ValueError(f"not an email address: {value!r}")
        return values

    @field_validator("password_env")
    @classmethod
    def _env_name(cls, value: str | None) -> str | None:
        if value is not None and not ENV_NAME.fullmatch(value):
            raise ValueError("must be the NAME of an environment variable holding the password")
        return value

    @model_validator(mode="after")
    def _can_send_after_run(self) -> DigestConfig:
        if self.after_run and not (self.sender and self.to):
            raise ValueError("after_run needs from and to: whom the digest is sent from and to")
        return self

    @field_validator("unsubscribe")
    @classmethod
    def _unsubscribe(cls, value: str | None) -> str | None:
        if value is None:
            return None
        _one_line(value)
        if not re.fullmatch(r"(mailto:[^\s<>]+|https?://[^\s<>]+)", value):
            raise ValueError("must be a mailto: address or an http(s) URL")
        return value
