"""Loading and validating ``wirebrief.toml``.

The config is the one place a user describes their briefing, so a mistake in it must be
reported as one line naming the key and the line of the file, never as a traceback.
Relative paths are resolved against the config file's folder so that cron, CI and a
user's shell all see the same files whatever their working directory.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from wirebrief.config_watch import DigestConfig, WatchConfig, watch_problem
from wirebrief.errors import DEFAULT_CONFIG, ConfigError

__all__ = ["DEFAULT_CONFIG", "Config", "ConfigError", "DigestConfig", "WatchConfig", "load_config",
           "parse_config"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class SiteConfig(Strict):
    title: str = "Defence & Security Briefing"
    description: str = "A daily briefing of defence, security and foreign-policy news."
    base_url: HttpUrl = HttpUrl("https://example.org/briefing/")
    output: Path = Path("build")
    database: Path = Path("wirebrief.db")
    language: str = "en"
    author: str = "wirebrief"
    briefing_days: int = Field(default=3, ge=1, le=60)
    feed_items: int = Field(default=50, ge=1, le=1000)
    feed_content: Literal["full", "summary"] = "full"
    search: Literal["pagefind", "none"] = "pagefind"

    @field_validator("base_url")
    @classmethod
    def _ends_with_slash(cls, value: HttpUrl) -> HttpUrl:
        text = str(value)
        return value if text.endswith("/") else HttpUrl(text + "/")


class CrawlConfig(Strict):
    user_agent: str = "wirebrief/0.1 (+{contact})"
    contact_url: str = "https://example.org/briefing/about/"
    obey_robots: bool = True
    delay: float = Field(default=0.5, ge=0)
    concurrency_per_domain: int = Field(default=2, ge=1, le=64)
    autothrottle: bool = True
    download_timeout: float = Field(default=20, gt=0)
    max_page_bytes: int = Field(default=5_000_000, gt=1000)
    max_redirects: int = Field(default=5, ge=0, le=20)
    retry_times: int = Field(default=2, ge=0, le=10)
    max_pages_per_source: int = Field(default=500, ge=1)
    max_age_days: int | None = Field(default=None, ge=1)
    relevance_filter: bool = False
    cluster_idle_seconds: float = Field(default=30, gt=0)
    cluster_lease_seconds: float = Field(default=30, ge=1)

    def resolved_user_agent(self) -> str:
        return self.user_agent.replace("{contact}", self.contact_url)


class ExtractConfig(Strict):
    spacy_model: str | None = None
    timeout_seconds: float = Field(default=30, gt=0)
    max_memory_mb: int = Field(default=3072, ge=256)
    workers: int | None = Field(default=None, ge=1, le=256)

    def resolved_workers(self) -> int:
        """The configured number of extractor processes, else one per usable core."""
        return self.workers or len(os.sched_getaffinity(0))


class RunConfig(Strict):
    log_format: Literal["text", "json"] = "text"
    keep_raw_days: int | None = Field(default=None, ge=1)
    notify_command: str | None = None
    notify_webhook_env: str | None = None
    schedule: str = "0 * * * *"

    @field_validator("notify_webhook_env")
    @classmethod
    def _env_name(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
            raise ValueError("must be the NAME of an environment variable holding the URL")
        return value

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        from croniter import croniter

        if not croniter.is_valid(value):
            raise ValueError(f"not a valid cron expression: {value!r}")
        return value


class PublishConfig(Strict):
    folder: Path | None = None
    command: str | None = None


class PageRule(Strict):
    url: HttpUrl
    article_links: str = ""
    next_page: str | None = None
    max_pages: int = Field(default=5, ge=1, le=1000)


class SourceConfig(Strict):
    name: str = Field(min_length=1)
    agency: str | None = None
    home: HttpUrl | None = None
    feeds: list[HttpUrl] = []
    sitemaps: list[HttpUrl] = []
    pages: list[PageRule] = []
    allowed_domains: list[str] = []
    article_pattern: str | None = None
    delay: float | None = Field(default=None, ge=0)
    concurrency: int | None = Field(default=None, ge=1, le=64)
    max_pages: int | None = Field(default=None, ge=1)
    max_age_days: int | None = Field(default=None, ge=1)
    relevance_filter: bool | None = None
    enabled: bool = True

    @field_validator("article_pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            re.compile(value)
        return value


class Config(Strict):
    site: SiteConfig = SiteConfig()
    crawl: CrawlConfig = CrawlConfig()
    extract: ExtractConfig = ExtractConfig()
    run: RunConfig = RunConfig()
    publish: PublishConfig = PublishConfig()
    topics: dict[str, list[str]] | None = None
    sources: list[SourceConfig] = []
    watch: list[WatchConfig] = []
    digest: DigestConfig = DigestConfig()
    path: Path = Path(DEFAULT_CONFIG)

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def database_path(self) -> Path:
        return _resolve(self.root, self.site.database)

    @property
    def output_path(self) -> Path:
        return _resolve(self.root, self.site.output)

    @property
    def publish_folder(self) -> Path | None:
        return _resolve(self.root, self.publish.folder) if self.publish.folder else None

    def source(self, name: str) -> SourceConfig:
        for source in self.sources:
            if source.name == name:
                return source
        raise ConfigError(f"no source named {name!r} in {self.path}")


def _resolve(root: Path, path: Path) -> Path:
    path = Path(os.path.expanduser(path))
    return path if path.is_absolute() else (root / path).resolve()


def load_config(path: str | os.PathLike[str] = DEFAULT_CONFIG) -> Config:
    """Read and validate a config file, raising ConfigError with a one-line reason."""
    file = Path(path)
    try:
        raw_text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"config file {file} not found (create one with `wirebrief init`)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {file}: {exc}") from None
    return parse_config(raw_text, file.resolve())


def parse_config(raw_text: str, path: Path) -> Config:
    if not raw_text.strip():
        raise ConfigError(f"{path}: the config file is empty (see `wirebrief init`)")
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if "path" in data:
        raise ConfigError(f"{path}: unknown top-level key 'path'")
    try:
        config = Config.model_validate({**data, "path": path})
    except ValidationError as exc:
        raise ConfigError(_describe(exc, raw_text, path)) from None
    _check_watches(config, raw_text, path)
    return config


def _check_watches(config: Config, raw_text: str, path: Path) -> None:
    """What no one watch can check alone: its topics exist, its name and slug are its own.

    The built-in taxonomy is imported only when a watch names a topic and the config has
    no ``[topics]``: the extract package pulls in trafilatura, which a crawl process
    (that loads this config too) does not otherwise need."""
    labels: list[str] = list(config.topics or {})
    if not labels and any(watch.topics for watch in config.watch):
        from extract.topics import DEFAULT_TAXONOMY

        labels = list(DEFAULT_TAXONOMY)
    problem = watch_problem(config.watch, labels)
    if problem:
        loc, reason = problem
        line = locate_key(raw_text, loc)
        key = ".".join(str(part) for part in loc)
        raise ConfigError(f"{f'{path}:{line}' if line else path}: {key}: {reason}")


def _describe(exc: ValidationError, raw_text: str, path: Path) -> str:
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    key = ".".join(str(part) for part in loc)
    line = locate_key(raw_text, loc)
    where = f"{path}:{line}" if line else str(path)
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {key}: {first['msg']}{more}"


def locate_key(raw_text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number (1-based) of the key a validation error points at.

    tomllib keeps no positions, so the line is found by walking the table headers:
    ``[site]`` for ``site.x``, the n-th ``[[sources]]`` for ``sources.n.x``.
    """
    lines = raw_text.splitlines()
    start, table_line = _table_start(lines, loc)
    names = [str(part) for part in loc if not isinstance(part, int)]
    for name in reversed(names):
        pattern = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*=|[{{,]\s*{re.escape(name)}\s*=")
        for number in range(start, len(lines)):
            if number > start and lines[number].lstrip().startswith("[") and pattern.search(
                lines[number]
            ) is None and _is_header(lines[number]):
                break
            if pattern.search(lines[number]):
                return number + 1
    return table_line


def _is_header(line: str) -> bool:
    return bool(re.match(r"^\s*\[", line)) and "=" not in line


def _table_start(lines: list[str], loc: tuple[Any, ...]) -> tuple[int, int | None]:
    if not loc:
        return 0, None
    table = str(loc[0])
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0
    seen = -1
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped in (f"[{table}]", f"[[{table}]]"):
            seen += 1
            if seen == index:
                return number, number + 1
    return 0, None
