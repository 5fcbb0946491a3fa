"""The demo site opened in real headless Chromium: no console errors, links that work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import DemoRun
from wirebrief.serve import serve_folder

pytestmark = pytest.mark.xdist_group("demo")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site_url(demo_run: DemoRun) -> Iterator[str]:
    import threading

    server = serve_folder(demo_run.site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def visit(browser, url: str) -> tuple[list[str], list[str], list[str]]:  # type: ignore[no-untyped-def]
    """(console errors, failed or third-party requests, hrefs) of one page."""
    page = browser.new_page()
    errors: list[str] = []
    bad: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: bad.append(r.url))
    page.on("request", lambda r: bad.append(r.url) if urlsplit(r.url).hostname != "127.0.0.1" else None)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    page.close()
    return errors, bad, hrefs


def test_pages_open_without_errors_and_links_work(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    seen: set[str] = set()
    queue = [site_url]
    while queue and len(seen) < 60:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        errors, bad, hrefs = visit(browser, url)
        assert not errors, (url, errors)
        assert not bad, (url, bad)
        for href in hrefs:
            target = urljoin(url, href).split("#")[0]
            if target.startswith(site_url) and target.endswith("/"):
                queue.append(target)
    assert len(seen) >= 10


def test_article_page_screenshot_renders_text(browser, site_url: str, demo_run: DemoRun,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    article = next((demo_run.site / "articles").rglob("index.html"))
    url = site_url + article.parent.relative_to(demo_run.site).as_posix() + "/"
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(url)
    assert page.locator("h1").first.inner_text().strip()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the article page must not scroll sideways on a phone"
    page.screenshot(path=str(tmp_path / "article.png"))
    page.close()
