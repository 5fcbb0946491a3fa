"""What the spider needs to know from the store before it starts, read once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CrawlState:
    """URLs already stored (normalised) and validators of feeds and sitemaps."""

    seen: set[str] = field(default_factory=set)
    cache: dict[str, dict[str, str]] = field(default_factory=dict)
    database: str = ""
    run_id: int | None = None
