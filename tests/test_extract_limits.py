"""The extractor's time and memory limits, and the relevance filter's decisions."""

from __future__ import annotations

import os
import signal
import threading
import time

from extract import DEFAULT_TAXONOMY
from tests.hostile_site import slow_article
from wirebrief.extract_pool import ExtractPool
from wirebrief.relevance import relevance_reason

PAGE = """<html><head><title>Navy drills</title></head><body><article><h1>Navy drills</h1>
<p>CANBERRA, Nov 9 (IANS) The Royal Australian Navy began a week of anti-submarine drills
off Darwin on Monday, Defence Minister Lena Howard said.</p>
<p>"These exercises keep our sea lanes open," Howard said. "We will train with our partners."</p>
</article></body></html>"""


def pool(workers: int = 1, timeout: float = 60, max_memory_mb: int = 4096) -> ExtractPool[str]:
    return ExtractPool(workers, DEFAULT_TAXONOMY, None, timeout, max_memory_mb)


def test_a_slow_page_is_abandoned_and_the_worker_recovers() -> None:
    with pool(timeout=30) as extractors:
        [(_, (status, record))] = extractors.imap([("a", PAGE, "https://example.org/a")])
        article = record["article"]  # the answer is the article prepared for the store
        assert status == "ok" and article["agency"] == "IANS" and isinstance(article["minhash"], bytes)
        extractors.timeout = 0.0001
        [(_, (status, reason))] = extractors.imap([("b", PAGE * 200, "https://example.org/b")])
        assert status == "extract_timeout" and "longer than" in reason
        extractors.timeout = 60
        [(_, (status, record))] = extractors.imap([("c", PAGE, "https://example.org/c")])
        assert status == "ok" and [m for m in record["mentions"] if m[0] == "person"]


def test_a_hung_worker_is_replaced_and_the_others_carry_on() -> None:
    """One page far too slow for its deadline among quick ones, two workers: the slow one
    is abandoned, every other page is answered, and the answers keep the pages' order."""
    slow = slow_article().body("https://example.org").decode()
    pages = [(f"p{i}", slow if i == 3 else PAGE, f"https://example.org/{i}") for i in range(8)]
    with pool(workers=2, timeout=3) as extractors:
        answers = list(extractors.imap(pages))
    assert [key for key, _ in answers] == [key for key, _, _ in pages]
    statuses = [status for _, (status, _) in answers]
    assert statuses == ["ok"] * 3 + ["extract_timeout"] + ["ok"] * 4, statuses


def test_a_worker_killed_mid_page_is_recorded_and_replaced() -> None:
    """A worker that dies on a page (the kernel's OOM killer, a crash in native code) is
    replaced; the page is recorded as out of memory and the next one is extracted."""
    slow = slow_article().body("https://example.org").decode()
    extractors = pool(timeout=120)

    def kill_the_busy_worker() -> None:
        while not any(slot.index is not None for slot in extractors.slots):
            time.sleep(0.05)
        time.sleep(0.5)
        os.kill(extractors.slots[0].worker.process.pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_the_busy_worker)
    killer.start()
    with extractors:
        answers = list(extractors.imap([("slow", slow, None), ("next", PAGE, None)]))
    killer.join()
    assert [status for _, (status, _) in answers] == ["extract_memory", "ok"], answers


def test_a_page_over_the_memory_limit_is_recorded_not_fatal() -> None:
    with pool(max_memory_mb=256) as extractors:
        answers = list(extractors.imap([(str(i), PAGE, "https://example.org/a") for i in range(2)]))
    assert [status for _, (status, _) in answers] == ["extract_memory"] * 2, answers


def test_no_article_is_reported_as_such() -> None:
    with pool() as extractors:
        [(_, (status, _))] = extractors.imap([("x", "<html><body><nav>Home</nav></body></html>", None)])
    assert status == "no_article"


def test_relevance_keeps_defence_analysis_without_a_topic_and_drops_sport() -> None:
    analysis = ("NATO frigates and naval drones now patrol the Baltic seabed after cable sabotage; "
                "defence ministers meet on Wednesday.")
    assert relevance_reason(analysis, []) is None
    sport = "India beat South Africa by six wickets in Nagpur as the spinners took eight wickets."
    reason = relevance_reason(sport, [])
    assert reason is not None and "no topic matched" in reason
    assert relevance_reason(sport, ["diplomacy"]) is None
