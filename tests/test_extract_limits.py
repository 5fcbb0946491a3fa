"""The extractor's time and memory limits, and the relevance filter's decisions."""

from __future__ import annotations

from extract import DEFAULT_TAXONOMY
from wirebrief.extract_worker import ExtractWorker
from wirebrief.relevance import relevance_reason

PAGE = """<html><head><title>Navy drills</title></head><body><article><h1>Navy drills</h1>
<p>CANBERRA, Nov 9 (IANS) The Royal Australian Navy began a week of anti-submarine drills
off Darwin on Monday, Defence Minister Lena Howard said.</p>
<p>"These exercises keep our sea lanes open," Howard said. "We will train with our partners."</p>
</article></body></html>"""


def test_a_slow_page_is_abandoned_and_the_worker_recovers() -> None:
    with ExtractWorker(DEFAULT_TAXONOMY, None, timeout=30, max_memory_mb=4096) as worker:
        status, record = worker.extract(PAGE, "https://example.org/a")
        assert status == "ok" and record["agency"] == "IANS"
        worker.timeout = 0.0001
        status, reason = worker.extract(PAGE * 200, "https://example.org/b")
        assert status == "extract_timeout" and "longer than" in reason
        worker.timeout = 60
        status, record = worker.extract(PAGE, "https://example.org/c")
        assert status == "ok" and record["people"]


def test_a_page_over_the_memory_limit_is_recorded_not_fatal() -> None:
    with ExtractWorker(DEFAULT_TAXONOMY, None, timeout=60, max_memory_mb=256) as worker:
        status, reason = worker.extract(PAGE, "https://example.org/a")
    assert status == "extract_memory", (status, reason)


def test_no_article_is_reported_as_such() -> None:
    with ExtractWorker(DEFAULT_TAXONOMY, None, timeout=60, max_memory_mb=4096) as worker:
        status, _ = worker.extract("<html><body><nav>Home</nav></body></html>", None)
    assert status == "no_article"


def test_relevance_keeps_defence_analysis_without_a_topic_and_drops_sport() -> None:
    analysis = ("NATO frigates and naval drones now patrol the Baltic seabed after cable sabotage; "
                "defence ministers meet on Wednesday.")
    assert relevance_reason(analysis, []) is None
    sport = "India beat South Africa by six wickets in Nagpur as the spinners took eight wickets."
    reason = relevance_reason(sport, [])
    assert reason is not None and "no topic matched" in reason
    assert relevance_reason(sport, ["diplomacy"]) is None
