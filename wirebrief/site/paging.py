"""Long story lists (a topic's, an entity's) split into pages that do not move.

A list is newest first. Its oldest stories fill numbered archive pages of PAGE_SIZE
each, counted from the oldest: archive page 1 holds the first PAGE_SIZE stories ever
listed, and it keeps them as new stories arrive. The main page shows the rest (between
PAGE_SIZE and twice that, once the list is long). So a new story changes the main page
and, when it completes a page, adds one; every archive page stays as it was, which keeps
pages readable on a phone and rebuilds small.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer

PAGE_SIZE = 100
T = TypeVar("T")


def archive_count(stories: int) -> int:
    """How many archive pages a list of ``stories`` has."""
    return max(0, stories // PAGE_SIZE - 1)


def archive_path(folder: str, number: int) -> str:
    return f"{folder}page/{number}/"


def split(folder: str, stories: list[T]) -> tuple[list[T], list[tuple[int, str, list[T]]]]:
    """The main page's stories and (number, path, stories) of each archive page, oldest
    page first."""
    count = len(stories)
    pages = archive_count(count)
    archives = [(n, archive_path(folder, n), stories[count - n * PAGE_SIZE: count - (n - 1) * PAGE_SIZE])
                for n in range(1, pages + 1)]
    return stories[: count - pages * PAGE_SIZE], archives


def neighbours(folder: str, number: int, pages: int) -> dict[str, str | None]:
    """The links of an archive page: the older page (None for the first) and the newer one
    (the next archive page, or the main page after the last)."""
    return {"newer": archive_path(folder, number + 1) if number < pages else folder,
            "older": archive_path(folder, number - 1) if number > 1 else None}


def archive_outputs(renderer: Renderer, folder: str, archives: list[tuple[int, str, list[T]]],
                    context: dict[str, Any]) -> Iterator[Output]:
    """The archive pages of a list."""
    for number, path, stories in archives:
        yield page_output(renderer, path, "stories_page.html", {
            **context, "number": number, "stories": stories, "main_path": folder,
            "links": neighbours(folder, number, len(archives)),
            "first": (number - 1) * PAGE_SIZE + 1, "last": number * PAGE_SIZE, "feeds": [],
        })
