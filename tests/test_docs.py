"""The README's CLI and config reference stay true: undocumented commands or keys fail."""

from __future__ import annotations

import re
from pathlib import Path

import click
from pydantic import BaseModel

from wirebrief.cli import main
from wirebrief.config import (
    Config,
    CrawlConfig,
    DigestConfig,
    ExtractConfig,
    PageRule,
    PublishConfig,
    RunConfig,
    SiteConfig,
    SourceConfig,
    WatchConfig,
)

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_every_command_and_option_is_documented() -> None:
    reference = section("CLI reference")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"`wirebrief {name}" in reference, f"command {name} is not in the README"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--config", "--help"):
                    assert opt in reference, f"option {opt} of {name} is not in the README"


def test_every_config_key_is_documented() -> None:
    reference = section("Configuration reference")
    tables: dict[str, type[BaseModel]] = {
        "[site]": SiteConfig, "[crawl]": CrawlConfig, "[extract]": ExtractConfig,
        "[run]": RunConfig, "[publish]": PublishConfig, "[[sources]]": SourceConfig,
        "[[watch]]": WatchConfig, "[digest]": DigestConfig,
    }
    for table, model in tables.items():
        assert f"### `{table}`" in reference, f"{table} is not in the README"
        part = reference.split(f"### `{table}`", 1)[1].split("###", 1)[0]
        for name, info in model.model_fields.items():
            key = info.alias or name  # as written in the file ([digest] from)
            assert f"| `{key}` |" in part, f"{table} {key} is not in the README"
    for key in PageRule.model_fields:
        assert key in section("Configuration reference")
    for key in Config.model_fields:
        if key != "path":
            assert f"`[{key}]`" in reference or f"`[[{key}]]`" in reference, key


def test_documented_keys_exist() -> None:
    """The reverse: the README documents no key that the config does not accept."""
    reference = section("Configuration reference")
    known = set()
    for model in (SiteConfig, CrawlConfig, ExtractConfig, RunConfig, PublishConfig, SourceConfig,
                  WatchConfig, DigestConfig):
        known |= {info.alias or name for name, info in model.model_fields.items()}
    documented = set(re.findall(r"^\| `(\w+)` \|", reference, re.M))
    assert documented <= known, documented - known
