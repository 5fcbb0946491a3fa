"""The command line. Every command takes --config, exits non-zero with a one-line reason.

Cron and CI read exit codes, so a failure prints `wirebrief: error: ...` on stderr and
exits 1; a second tick that finds the lock taken exits 75 (EX_TEMPFAIL).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # the config pulls in pydantic: `wirebrief facts` does without it
    from wirebrief.config import Config

from wirebrief.errors import DEFAULT_CONFIG, ConfigError
from wirebrief.lock import LockBusy, lock_path_for, run_lock
from wirebrief.logs import setup_logging

F = TypeVar("F", bound=Callable[..., Any])
EXIT_LOCKED = 75


def config_option(func: F) -> F:
    return click.option(
        "--config", "config_path", default=DEFAULT_CONFIG, show_default=True,
        type=click.Path(path_type=Path), help="The wirebrief.toml to use.",
    )(func)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"wirebrief: error: {message}", err=True)
    sys.exit(code)


@contextmanager
def handled() -> Iterator[None]:
    """Turn every expected failure into one line on stderr and a non-zero exit."""
    try:
        yield
    except ConfigError as exc:
        fail(str(exc))
    except LockBusy as exc:
        fail(str(exc), EXIT_LOCKED)
    except (OSError, ValueError, RuntimeError, sqlite3.Error) as exc:
        fail(f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a bug: still one line for cron, the traceback on request
        if os.environ.get("WIREBRIEF_DEBUG"):
            raise
        fail(f"unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
             "(set WIREBRIEF_DEBUG=1 for the traceback)")


def _config(path: Path) -> Config:
    from wirebrief.config import load_config

    config = load_config(path)
    setup_logging(config.run.log_format)
    return config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirebrief")
def main() -> None:
    """wirebrief: crawl defence and security news, extract facts, publish a daily briefing."""


def redis_option(required: bool) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        return click.option(
            "--redis", "redis_url", required=required, default=None, metavar="URL",
            help="Redis of the crawl cluster, e.g. redis://127.0.0.1:6379/0 (see docs/cluster.md).",
        )(func)
    return decorate


@main.command()
@config_option
@redis_option(required=False)
def crawl(config_path: Path, redis_url: str | None) -> None:
    """Fetch new article pages from every enabled source into the store (or, with --redis,
    run one cluster worker taking requests from the shared queue)."""
    from wirebrief import pipeline
    with handled():
        config = _config(config_path)
        if redis_url:
            from wirebrief.cluster.worker import run_worker

            counts = run_worker(config, redis_url)
            click.echo(f"crawl worker: {counts.get('pages', 0)} pages, "
                       f"{counts.get('fetched', 0)} fetches, {counts.get('failures', 0)} failures "
                       "sent to Redis")
            return
        with run_lock(lock_path_for(config.database_path)):
            counts = pipeline.recorded(config, "crawl", lambda rid: pipeline.crawl_stage(config, rid))
        click.echo(f"crawl: {counts.get('pages', 0)} new pages, "
                   f"{counts.get('fetched', 0)} fetches, {counts.get('failures', 0)} failures")


@main.command()
@config_option
@redis_option(required=True)
def seed(config_path: Path, redis_url: str) -> None:
    """Start a cluster crawl round: queue every source's start points in Redis."""
    from wirebrief.cluster.seed import seed as seed_round

    with handled():
        config = _config(config_path)
        counts = seed_round(config, redis_url)
        click.echo(f"seed: {counts['queued']} start points queued, {counts['seen']} seen URLs "
                   f"loaded{' (new round)' if counts['new_round'] else ' (round under way)'}")


@main.command()
@config_option
@redis_option(required=True)
def ingest(config_path: Path, redis_url: str) -> None:
    """Write what the cluster workers fetched into the store (the single writer)."""
    from scraper.distributed.connection import connect
    from wirebrief import pipeline
    from wirebrief.cluster.ingest import Ingester

    with handled():
        config = _config(config_path)
        connect(redis_url)  # a wrong URL fails before a run is recorded
        with run_lock(lock_path_for(config.database_path)):
            counts = pipeline.recorded(
                config, "crawl", lambda rid: Ingester(config, redis_url, rid).run())
        click.echo(f"ingest: {counts.get('pages', 0)} new pages, "
                   f"{counts.get('fetched', 0)} fetches, {counts.get('failures', 0)} failures")


@main.command()
@config_option
@click.option("--all", "everything", is_flag=True,
              help="Re-extract every stored page, replacing its facts (nothing is fetched).")
def extract(config_path: Path, everything: bool) -> None:
    """Clean stored pages and extract their facts into the store."""
    from wirebrief import pipeline
    from wirebrief.progress import progress_bar
    with handled():
        config = _config(config_path)
        with run_lock(lock_path_for(config.database_path)), progress_bar("extract") as advance:
            counts = pipeline.recorded(
                config, "extract",
                lambda rid: pipeline.extract_stage(config, rid, everything, progress=advance))
            stories = pipeline.recorded(
                config, "stories", lambda rid: pipeline.stories_stage(config, rid, rebuild=everything))
        click.echo("extract: " + _summary(counts))
        click.echo("stories: " + _summary(stories))


@main.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="One JSON line per story, with its articles.")
@click.option("--since", default=None, metavar="DATE", help="Only stories last seen on or after DATE.")
@click.option("--rebuild", is_flag=True, help="Re-cluster every stored article (same store, same ids).")
def stories(config_path: Path, as_json: bool, since: str | None, rebuild: bool) -> None:
    """List stories (one event, every outlet), placing articles in no story yet first."""
    from wirebrief.stories_command import print_stories, update_stories

    with handled():
        config = _config(config_path)
        counts = update_stories(config, rebuild)
        if counts and not as_json:
            click.echo("stories: " + _summary(counts), err=True)
        print_stories(config, since, as_json)


@main.command()
@config_option
def build(config_path: Path) -> None:
    """Render the static site from the store and swap it into place."""
    from wirebrief import pipeline
    with handled():
        config = _config(config_path)
        with run_lock(lock_path_for(config.database_path)):
            counts = pipeline.recorded(config, "build", lambda rid: pipeline.build_stage(config))
        click.echo(f"build: {counts['pages']} files, {counts['articles']} articles "
                   f"-> {config.output_path}")


@main.command()
@config_option
def run(config_path: Path) -> None:
    """One tick: crawl, extract and build, recorded as a run."""
    with handled():
        config = _config(config_path)
        _tick(config)


def _tick(config: Config) -> dict[str, Any]:
    from wirebrief import pipeline

    with run_lock(lock_path_for(config.database_path)):
        try:
            counts = pipeline.recorded(config, "run", lambda rid: pipeline.tick(config, rid))
        except Exception as exc:
            from wirebrief.notify import notify_failure

            notify_failure(config, {"config": str(config.path), "error": pipeline.one_line(exc)})
            raise
    for stage, stage_counts in counts.items():
        click.echo(f"{stage}: {_summary(stage_counts)}")
    return counts


@main.command()
@config_option
@click.option("--watch", "watch_name", default=None, metavar="NAME",
              help="One watchlist's matches instead of the briefing's top stories.")
@click.option("--days", type=click.IntRange(1, 366), default=None,
              help="Stories of the last N days (default: [site] briefing_days).")
@click.option("--to", "to_file", default=None, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path), help="Write the message to FILE (.eml).")
@click.option("--send", is_flag=True, help="Send it with the SMTP settings of [digest].")
def digest(config_path: Path, watch_name: str | None, days: int | None, to_file: Path | None,
           send: bool) -> None:
    """The morning email: the briefing (or one watchlist) as a text and HTML message."""
    with handled():
        if (to_file is None) == (not send):
            fail("give one of --to FILE or --send")
        config = _config(config_path)
        from wirebrief.digest import DigestError, make_message, send_message, write_message

        try:
            made, message = make_message(config, watch_name, days)
            if to_file is not None:
                size = write_message(message, to_file)
                click.echo(f"digest: {len(made.stories)} stories -> {to_file} ({size} bytes)")
            else:
                sent = send_message(config.digest, message)
                click.echo(f"digest: {len(made.stories)} stories sent to {sent} recipients")
        except DigestError as exc:
            fail(str(exc))


@main.command()
@config_option
@click.option("--port", type=int, default=None, help="Port of the demo wire site (default: from the config).")
def demo(config_path: Path, port: int | None) -> None:
    """Serve the built-in demo wire site on 127.0.0.1 and run one tick against it."""
    from wirebrief.demo.server import serve

    with handled():
        config = _config(config_path if config_path != Path(DEFAULT_CONFIG) else Path("demo.toml"))
        with serve(port=port or _demo_port(config)) as server:
            click.echo(f"demo wire site at {server.base_url}/")
            _tick(config)
        index = config.output_path / "index.html"
        click.echo(f"site written to {index}")
        program = sys.argv[0] if sys.argv[0].endswith("wirebrief") else "wirebrief"
        click.echo(f"view it with: {program} serve --config {config.path.name} "
                   "(then open http://127.0.0.1:8000/)")


def _demo_port(config: Config) -> int:
    for source in config.sources:
        for url in [*source.feeds, *source.sitemaps]:
            if url.host == "127.0.0.1" and url.port:
                return url.port
    return 8765


@main.command()
@click.argument("path", default=DEFAULT_CONFIG, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: Path, force: bool) -> None:
    """Write a commented example config listing real defence and security sources."""
    from wirebrief.example_config import EXAMPLE_CONFIG

    with handled():
        if path.exists() and not force:
            fail(f"{path} exists (use --force to overwrite)")
        path.write_text(EXAMPLE_CONFIG, encoding="utf-8")
        click.echo(f"wrote {path}")


@main.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(config_path: Path, host: str, port: int) -> None:
    """Serve the built site locally for a look."""
    from wirebrief.serve import serve_folder

    with handled():
        config = _config(config_path)
        if not config.output_path.is_dir():
            fail(f"{config.output_path} does not exist: run `wirebrief build` first")
        server = serve_folder(config.output_path, host, port)
        address = f"http://{host}:{server.server_address[1]}/"
        click.echo(f"serving {config.output_path} at {address} (Ctrl-C to stop)")
        with suppress(KeyboardInterrupt):
            server.serve_forever()


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--text", "with_text", is_flag=True, help="Include the cleaned article text.")
def facts(inputs: tuple[str, ...], with_text: bool) -> None:
    """Print the facts record of each HTML file or URL, one JSON line each."""
    from wirebrief.facts_command import facts_records

    with handled():
        failures = 0
        for record in facts_records(inputs, with_text):
            failures += "error" in record
            click.echo(json.dumps(record, ensure_ascii=False))
        if failures == len(inputs):
            fail("no input could be read")


@main.command()
@config_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def status(config_path: Path, as_json: bool) -> None:
    """Show the last runs and, per source, pages fetched, articles, failures and warnings."""
    from wirebrief.status import status_report
    from wirebrief.store import open_db

    with handled():
        config = _config(config_path)
        db = open_db(config.database_path)
        report = status_report(db, config)
        db.close()
        if as_json:
            click.echo(json.dumps(report, indent=1, sort_keys=True))
            return
        from wirebrief.status_text import print_report

        print_report(report)


@main.command()
@config_option
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="At most this many articles.")
def search(config_path: Path, query: str, as_json: bool, limit: int) -> None:
    """Full-text search of the stored articles (FTS5 syntax), best match first."""
    from dataclasses import asdict

    from wirebrief.store import connect
    from wirebrief.store.search import SearchError, search_articles

    with handled():
        config = _config(config_path)
        if not config.database_path.exists():
            fail(f"no database at {config.database_path}")
        conn = connect(config.database_path)
        try:
            hits = search_articles(conn, query, limit)
        except SearchError as exc:
            fail(str(exc))
        finally:
            conn.close()
        for hit in hits:
            click.echo(json.dumps(asdict(hit), ensure_ascii=False) if as_json else
                       f"{hit.date}  {hit.source}  {hit.title}\n    {hit.url}\n    {hit.snippet}")
        if not hits and not as_json:
            click.echo(f"no article matches {query!r}", err=True)


@main.command()
@config_option
@click.option("--cron", "expression", default=None,
              help="Cron expression (default: [run] schedule from the config).")
@click.option("--max-ticks", type=int, default=None, help="Stop after this many ticks.")
def schedule(config_path: Path, expression: str | None, max_ticks: int | None) -> None:
    """Run ticks on a cron schedule in the foreground; SIGTERM stops after the current tick."""
    from croniter import croniter

    from wirebrief.schedule import Scheduler

    with handled():
        config = _config(config_path)
        cron = expression or config.run.schedule
        if not croniter.is_valid(cron):
            fail(f"not a valid cron expression: {cron!r}")
        sys.exit(Scheduler(config.path, cron, max_ticks).run())


@main.command()
@config_option
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup(config_path: Path, target: Path) -> None:
    """Write a consistent copy of the database to TARGET, even while a run is writing."""
    from wirebrief.maintenance import backup_database

    with handled():
        config = _config(config_path)
        if not config.database_path.exists():
            fail(f"no database at {config.database_path}")
        size = backup_database(config.database_path, target)
        click.echo(f"backup: {target} ({size} bytes)")


def _summary(counts: Any) -> str:
    if not isinstance(counts, dict):
        return str(counts)
    return ", ".join(f"{value} {key}" for key, value in sorted(counts.items())) or "nothing to do"


if __name__ == "__main__":
    main()
