"""Issue #7: configuration safety. Secrets come from the environment, never from committed
files; a malformed config gives one clear error line (`wirebrief: error: ...`), exit code
1 and no traceback, from every command."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, cli
from wirebrief.config import ConfigError, parse_config
from wirebrief.example_config import EXAMPLE_CONFIG

pytestmark = pytest.mark.xdist_group("hostile")

COMMANDS = ["build", "run", "status", "crawl"]
COMMITTED = [ROOT / "demo.toml", ROOT / "wirebrief" / "example_config.py",
             *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
SECRET_PATTERNS = [
    re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s@'\"]+@", re.I),  # URL with user:password@
    re.compile(r"(?:token|secret|password|passwd|api[_-]?key|webhook)[\w-]*\s*[:=]\s*['\"]?"
               r"(?!\$\{\{)[A-Za-z0-9_\-/+=.]{16,}", re.I),
    re.compile(r"\b(?:ghp_|gho_|ghs_|github_pat_|xox[abprs]-|sk-|AKIA)[A-Za-z0-9_\-]{10,}"),
    re.compile(r"hooks\.slack\.com/services/|discord(?:app)?\.com/api/webhooks/|webhook\.office\.com", re.I),
]


def one_error_line(result: object, command: str) -> str:
    stderr = result.stderr  # type: ignore[attr-defined]
    assert result.returncode == 1, (command, result.returncode, stderr)  # type: ignore[attr-defined]
    assert "Traceback" not in stderr, (command, stderr)
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("wirebrief: error: "), (command, stderr)
    return lines[0]


BAD_CONFIGS: dict[str, bytes] = {
    "invalid-toml": b'[site\ntitle = "x\n',
    "wrong-type": b'[crawl]\ndelay = "fast"\n',
    "wrong-nested-type": b'[[sources]]\nname = "A"\nfeeds = "http://x/feed.xml"\n',
    "unknown-key": b"[site]\nbogus = 1\n",
    "unknown-table": b"[nonsense]\nx = 1\n",
    "binary-garbage": bytes(range(256)) * 8,
    "nul-bytes": b"[site]\x00\x00title = 1\n",
    "utf16": '[site]\ntitle = "x"\n'.encode("utf-16"),
    "webhook-url-in-file": b'[run]\nnotify_webhook_env = "https://hooks.example.org/T000/B000/XXXX"\n',
    "empty": b"",
    "whitespace-only": b"   \n\n\t\n",
}


@pytest.mark.parametrize("name", sorted(set(BAD_CONFIGS) - {"empty", "whitespace-only"}))
def test_malformed_config_is_one_error_line_from_every_command(tmp_path: Path, name: str) -> None:
    config = tmp_path / "wirebrief.toml"
    config.write_bytes(BAD_CONFIGS[name])
    for command in COMMANDS:
        line = one_error_line(cli(command, "--config", str(config), check=False, cwd=tmp_path), command)
        assert str(config) in line or "wirebrief.toml" in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wirebrief.toml"]  # nothing created


@pytest.mark.parametrize("name", ["empty", "whitespace-only"])
def test_empty_config_is_an_error(tmp_path: Path, name: str) -> None:
    config = tmp_path / "wirebrief.toml"
    config.write_bytes(BAD_CONFIGS[name])
    for command in COMMANDS:
        one_error_line(cli(command, "--config", str(config), check=False, cwd=tmp_path), command)


def test_a_directory_as_config_is_one_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "wirebrief.toml"
    folder.mkdir()
    for command in COMMANDS:
        one_error_line(cli(command, "--config", str(folder), check=False, cwd=tmp_path), command)


@pytest.mark.parametrize("value", ["inf", "1e999999"])
def test_infinite_or_nan_numbers_are_rejected(tmp_path: Path, value: str) -> None:
    for key in ("delay", "download_timeout"):
        with pytest.raises(ConfigError, match=key):
            parse_config(f"[crawl]\n{key} = {value}\n", tmp_path / "wirebrief.toml")


def test_deeply_nested_toml_is_one_error_line(tmp_path: Path) -> None:
    config = tmp_path / "wirebrief.toml"
    config.write_bytes(b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n")
    for command in COMMANDS:
        one_error_line(cli(command, "--config", str(config), check=False, cwd=tmp_path), command)


def test_deeply_nested_toml_error_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="wirebrief.toml"):
        parse_config("x = " + "[" * 5000 + "]" * 5000 + "\n", tmp_path / "wirebrief.toml")


def test_unreadable_config_is_one_error_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, so nothing can be below it", encoding="utf-8")
    paths = [blocker / "wirebrief.toml", tmp_path / "missing.toml"]
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere.toml")
    paths.append(dangling)
    if os.geteuid() != 0:  # root reads anything: permissions cannot make a file unreadable
        locked = tmp_path / "locked.toml"
        locked.write_text("[site]\n", encoding="utf-8")
        locked.chmod(0)
        paths.append(locked)
    for path in paths:
        for command in COMMANDS:
            one_error_line(cli(command, "--config", str(path), check=False, cwd=tmp_path), command)


@pytest.mark.parametrize("value", ["https://hooks.example.org/services/T0/B0/secret",
                                   "http://user:pass@example.org/hook", "MY-HOOK", "1NAME", "A B",
                                   "$HOOK", ""])
def test_webhook_setting_must_be_an_environment_variable_name(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(f'[run]\nnotify_webhook_env = "{value}"\n', tmp_path / "wirebrief.toml")
    message = str(caught.value)
    assert "\n" not in message and "notify_webhook_env" in message, message
    assert "environment variable" in message


def test_webhook_setting_accepts_a_name(tmp_path: Path) -> None:
    config = parse_config('[run]\nnotify_webhook_env = "WIREBRIEF_WEBHOOK_URL"\n', tmp_path / "x.toml")
    assert config.run.notify_webhook_env == "WIREBRIEF_WEBHOOK_URL"


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_committed_config_files_hold_no_secrets(path: Path) -> None:
    assert path.exists(), path
    text = path.read_text(encoding="utf-8")
    for pattern in SECRET_PATTERNS:
        found = [m.group(0) for m in pattern.finditer(text)]
        assert not found, (path.name, found)
    for match in re.finditer(r"notify_webhook_env\s*=\s*['\"]([^'\"]*)['\"]", text):
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", match.group(1)), (path.name, match.group(0))


def test_example_and_demo_configs_load_and_keep_secrets_out(tmp_path: Path) -> None:
    example = parse_config(EXAMPLE_CONFIG, tmp_path / "wirebrief.toml")
    demo = parse_config((ROOT / "demo.toml").read_text(encoding="utf-8"), ROOT / "demo.toml")
    for config in (example, demo):
        assert config.run.notify_webhook_env is None or re.fullmatch(r"[A-Z_][A-Z0-9_]*",
                                                                     config.run.notify_webhook_env)
        for source in config.sources:
            for url in [*source.feeds, *source.sitemaps, *(rule.url for rule in source.pages)]:
                assert not url.username and not url.password, url
