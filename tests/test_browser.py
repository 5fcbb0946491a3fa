"""The sites opened in real headless Chromium: no console errors, no third-party request,
links that work, axe-core accessibility, phone width, search with and without JavaScript,
and hostile scraped text that never runs as script.

axe-core comes from the repository's package-lock.json (`npm ci` in `make test`);
AXE_CORE_JS may point at another copy of axe.min.js.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import ROOT, DemoRun
from tests.test_site_build import build, seed
from wirebrief.serve import serve_folder

pytestmark = pytest.mark.xdist_group("demo")
AXE = Path(os.environ.get("AXE_CORE_JS") or ROOT / "node_modules" / "axe-core" / "axe.min.js")
KINDS = ["", "topics/", "people/", "organizations/", "places/", "agreements/", "timeline/",
         "archive/", "search/", "about/", "status/"]
PATTERNS = ["articles/*/*.html", "people/*/index.html", "organizations/*/index.html",
            "places/*/index.html", "topics/*/index.html", "agreements/*/index.html",
            "archive/*/*/*/index.html", "timeline/*/index.html", "timeline/*/*/index.html"]


def serve(folder: Path) -> Iterator[str]:
    server = serve_folder(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site_url(demo_run: DemoRun) -> Iterator[str]:
    yield from serve(demo_run.site)



def sample_pages(site: Path) -> list[str]:
    """One page of every kind, as URL paths."""
    pages = list(KINDS)
    for pattern in PATTERNS:
        found = sorted(site.glob(pattern))
        assert found, pattern
        relative = found[0].relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


def watch(page: Any) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    bad: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.on("requestfailed", lambda r: bad.append(r.url) if r.failure != "net::ERR_ABORTED" else None)
    page.on("request", lambda r: bad.append(r.url) if urlsplit(r.url).hostname != "127.0.0.1" else None)
    return errors, bad


def test_every_page_kind_opens_without_errors_and_links_work(browser: Any, site_url: str,
                                                             demo_run: DemoRun) -> None:
    checked: set[str] = set()
    page = browser.new_page()
    errors, bad = watch(page)
    for path in sample_pages(demo_run.site):
        response = page.goto(site_url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        hrefs = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            target = urljoin(site_url, href).split("#")[0]
            if target.startswith(site_url) and target not in checked:
                checked.add(target)
                assert page.request.get(target).status == 200, (path, target)
        assert not errors, (path, errors)
        assert not bad, (path, bad)
    page.close()
    assert len(checked) > 50


def run_axe(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(browser: Any, site_url: str, demo_run: DemoRun,
                                         scheme: str) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run `npm ci` (make test does)")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in sample_pages(demo_run.site):
        page.goto(site_url + path, wait_until="load")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        violations = run_axe(page)
        assert not violations, (path, [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
                                       for v in violations])
    context.close()


def test_pages_fit_a_phone_and_print_without_navigation(browser: Any, site_url: str,
                                                        demo_run: DemoRun) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path in sample_pages(demo_run.site):
        page.goto(site_url + path)
        assert page.locator("h1").first.inner_text().strip()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways on a phone ({width}px)"
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    page.close()


def test_keyboard_reaches_skip_link_first(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + ' ' + document.activeElement.textContent")
    assert focused == "skip Skip to content"
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["x"] >= 0
    page.close()


def results(page: Any) -> list[str]:
    return page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")


def test_search_finds_a_story_and_a_filter_narrows_it(browser: Any, site_url: str, demo_run: DemoRun) -> None:
    """Pagefind in the browser: a query finds the right story; a filter narrows the results."""
    page = browser.new_page()
    errors, bad = watch(page)
    page.goto(site_url + "search/")
    page.fill(".pagefind-ui__search-input", "Latvia")
    page.wait_for_selector(".pagefind-ui__result-link")
    first = page.locator(".pagefind-ui__result-link").first
    assert "latvia" in first.inner_text().lower() and "/stories/" in results(page)[0]
    assert page.request.get(results(page)[0]).status == 200
    page.fill(".pagefind-ui__search-input", "minister")
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result').length > 3")
    page.wait_for_timeout(500)
    before = page.locator(".pagefind-ui__message").inner_text()
    page.locator(".pagefind-ui__filter-block summary", has_text="Place").click()
    # The place that most of the results name: checking it narrows them and keeps some.
    values = page.locator(".pagefind-ui__filter-block").filter(has_text="Place").locator(
        ".pagefind-ui__filter-value")
    labels = values.all_inner_texts()
    counts = [int(m.group(1)) if (m := re.search(r"\((\d+)\)", label)) else 0 for label in labels]
    values.nth(counts.index(max(counts))).locator(".pagefind-ui__filter-checkbox").check()
    # The message reads "Searching…" until the filtered results are counted.
    page.wait_for_function("(m => m != " + repr(before) + " && /^\\d/.test(m))"
                           "(document.querySelector('.pagefind-ui__message').textContent)")
    after = page.locator(".pagefind-ui__message").inner_text()
    assert int(after.split()[0]) < int(before.split()[0]), (before, after)
    assert not errors and not bad, (errors, bad)
    page.close()


def test_search_page_says_something_useful_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/")
    note = page.locator(".note")
    assert note.is_visible() and "JavaScript" in note.inner_text()
    assert page.locator(".note a").count() >= 5
    context.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile-browser")
    seed(folder, 6, hostile=True)
    build(folder, search="pagefind")
    yield from serve(folder / "site")


def test_hostile_story_never_runs_script(browser: Any, hostile_url: str) -> None:
    page = browser.new_page()
    errors, bad = watch(page)
    page.goto(hostile_url)
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    targets = sorted({u.split("#")[0] for u in links
                      if u.startswith(hostile_url) and u.split("#")[0].endswith(("/", ".html"))})
    assert len(targets) > 10
    for url in [hostile_url, *targets]:
        page.goto(url)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        page.mouse.move(10, 10)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    page.goto(hostile_url + "search/")
    page.fill(".pagefind-ui__search-input", "pwned script")
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_timeout(500)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>" in page.locator(".pagefind-ui__results").inner_text()
    assert not errors and not bad, (errors, bad)
    page.close()


def test_keys_move_between_stories_and_never_steal_typing(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    errors, bad = watch(page)
    page.goto(site_url)
    links = page.eval_on_selector_all("main article.story h2 a", "els => els.map(e => e.href)")
    assert len(links) >= 3
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.href") == links[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.href") == links[1]
    page.keyboard.press("?")
    assert "next story" in page.locator("#keys-help").inner_text()
    page.keyboard.press("Escape")
    assert page.locator("#keys-help").count() == 0
    page.keyboard.press("/")
    page.wait_for_url("**/search/")
    page.wait_for_selector(".pagefind-ui__search-input")
    page.keyboard.press("/")
    page.keyboard.type("jk/?")
    assert page.input_value(".pagefind-ui__search-input") == "jk/?"
    assert page.locator("#keys-help").count() == 0
    assert not errors and not bad, (errors, bad)
    page.close()
