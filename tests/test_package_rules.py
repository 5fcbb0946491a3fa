"""The rules between packages: scraper/ imports from wirebrief only its store, which
imports nothing of scraper (the config reaches the crawl as plain Scrapy settings and
spider arguments); extract/ loads spaCy only for facts."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ("wirebrief.store",)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def shared(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in SHARED)


def test_scraper_imports_only_the_store_of_wirebrief() -> None:
    for path in sorted((ROOT / "scraper").rglob("*.py")):
        wanted = {m for m in imported_modules(path) if m.split(".")[0] == "wirebrief"}
        assert all(shared(m) for m in wanted), (path, wanted)


def test_extract_imports_nothing_of_wirebrief_or_scraper() -> None:
    # The extractor is pure functions over text: the pipeline calls it, never the reverse.
    for path in sorted((ROOT / "extract").rglob("*.py")):
        modules = imported_modules(path)
        assert not any(m.split(".")[0] in ("wirebrief", "scraper") for m in modules), (path, modules)


def test_the_store_imports_nothing_of_scraper_and_only_itself_of_wirebrief() -> None:
    for path in sorted((ROOT / "wirebrief/store").rglob("*.py")):
        modules = imported_modules(path)
        assert not any(m.split(".")[0] == "scraper" for m in modules), (path, modules)
        assert all(shared(m) for m in modules if m.split(".")[0] == "wirebrief"), (path, modules)


def test_the_config_imports_nothing_of_scraper() -> None:
    """wirebrief/crawl_settings.py translates the config for scraper: not the other way."""
    for name in ("config.py", "config_watch.py", "errors.py"):
        modules = imported_modules(ROOT / "wirebrief" / name)
        assert not any(m.split(".")[0] == "scraper" for m in modules), (name, modules)


def test_a_crawl_process_loads_no_pipeline_code() -> None:
    """What importing the spider, the pipeline and the cluster's spider really loads."""
    code = ("import sys, scraper.pipelines, scraper.spiders.wire, scraper.settings, "
            "scraper.distributed.spider, scraper.distributed.pipeline\n"
            "print('\\n'.join(m for m in sys.modules if m.split('.')[0] in ('wirebrief', 'extract')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.split()
    assert loaded and all(shared(m) or m == "wirebrief" for m in loaded), loaded


def test_cleaning_alone_does_not_import_spacy_and_facts_do() -> None:
    code = """
import sys
from extract import clean_html, extract_facts
page = ("<html><head><title>Navy drills</title></head><body><article><h1>Navy drills</h1>"
        "<p>CANBERRA, Nov 9 (IANS) The Royal Australian Navy began a week of anti-submarine "
        "drills off Darwin on Monday, Defence Minister Lena Howard said.</p></article></body></html>")
article = clean_html(page, "https://example.org/a")
print("after cleaning", "spacy" in sys.modules)
record = extract_facts(article)
print("after facts", "spacy" in sys.modules, bool(record["people"]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.splitlines()
    assert out == ["after cleaning False", "after facts True True"], out


def module_level_imports(path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` a file imports when it is loaded: its top-level imports
    (also under if/try), not those inside functions or under TYPE_CHECKING."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.update([node.module, *(f"{node.module}.{alias.name}" for alias in node.names)])
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body + node.orelse)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return found & known


def test_wirebrief_has_no_import_cycle() -> None:
    files = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
             for p in (ROOT / "wirebrief").rglob("*.py")}
    graph = {name: module_level_imports(path, set(files)) for name, path in files.items()}
    done: set[str] = set()

    def walk(name: str, path: list[str]) -> None:
        assert name not in path, " -> ".join([*path[path.index(name):], name])
        if name not in done:
            for imported in sorted(graph[name]):
                walk(imported, [*path, name])
            done.add(name)

    for name in sorted(graph):
        walk(name, [])
