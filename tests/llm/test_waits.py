"""Every wait has a bound: the per-article deadline, our retry policy, Retry-After, truncation.

Runs against tests/fake_server.py (out of process, HAND-WRITTEN answers, faults chosen by URL path).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest.mock import ANY

import pytest
from typer.testing import CliRunner

from powx_llm import (
    BackendUnavailable,
    LLMTimeout,
    Options,
    OutputTruncated,
    PowxError,
    RateLimited,
    ServerError,
    extract_exchange,
)
from powx_llm.cli import app
from powx_llm.extract import Extraction, Extractor
from tests.helpers import FakeServer

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."


class FakeClock:
    """Real time plus the seconds we were asked to sleep, which pass at once."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return time.monotonic() + self.offset

    def time(self) -> float:
        return time.time() + self.offset

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds


def _ex(
    fake: FakeServer, fault: str, *, deadline: float = 20.0, retries: int = 2, clock: FakeClock | None = None
) -> Extractor:
    return Extractor.connect(base_url=fake.url(fault), http_retries=retries, deadline=deadline, clock=clock)


def test_the_default_deadline_is_at_most_five_minutes() -> None:
    assert 0 < Options().deadline <= 300


@pytest.mark.parametrize("fault", ["hang", "drip"])
def test_a_server_that_never_finishes_is_cut_off_at_the_deadline(fake_server: FakeServer, fault: str) -> None:
    started = time.monotonic()
    with pytest.raises(LLMTimeout, match="deadline"):
        _ex(fake_server, fault, deadline=1.5).extract(TEXT)
    assert time.monotonic() - started < 15  # a bound, not a speed: without the deadline this is 30 minutes


def test_extract_exchange_takes_a_deadline(fake_server: FakeServer) -> None:
    with pytest.raises(LLMTimeout, match="deadline"):
        extract_exchange(TEXT, base_url=fake_server.url("hang"), deadline=1.0)


@pytest.mark.parametrize(("fault", "told"), [("429s", 1.0), ("429d", 1.0)])
def test_retry_after_is_honoured_in_both_forms(fake_server: FakeServer, fault: str, told: float) -> None:
    clock = FakeClock()
    since = time.time()
    with pytest.raises(RateLimited, match="HTTP 429"):
        _ex(fake_server, fault, retries=2, clock=clock).extract(TEXT)
    assert len(fake_server.requests(since=since, fault=fault)) == 3
    assert len(clock.sleeps) == 2
    assert all(told - 1.5 <= s <= told + 0.5 for s in clock.sleeps), clock.sleeps


def test_a_retry_after_beyond_the_deadline_is_not_waited_for(fake_server: FakeServer) -> None:
    clock = FakeClock()
    since = time.time()
    with pytest.raises(RateLimited, match="3600") as info:
        _ex(fake_server, "429far", deadline=10, clock=clock).extract(TEXT)
    assert info.value.retry_after == 3600
    assert clock.sleeps == []
    assert len(fake_server.requests(since=since, fault="429far")) == 1


@pytest.mark.parametrize("status", ["400", "401", "403", "404"])
def test_client_errors_are_never_retried(fake_server: FakeServer, status: str) -> None:
    since = time.time()
    with pytest.raises(Exception, match=status):
        _ex(fake_server, status, retries=3, clock=FakeClock()).extract(TEXT)
    assert len(fake_server.requests(since=since, fault=status)) == 1


def test_server_errors_are_retried_with_backoff_then_reported(fake_server: FakeServer) -> None:
    clock = FakeClock()
    since = time.time()
    with pytest.raises(ServerError, match="HTTP 503"):
        _ex(fake_server, "503", retries=2, clock=clock).extract(TEXT)
    assert len(fake_server.requests(since=since, fault="503")) == 3
    assert len(clock.sleeps) == 2
    assert clock.sleeps[0] < clock.sleeps[1]


def test_a_flaky_server_succeeds_on_the_retry(fake_server: FakeServer) -> None:
    result = _ex(fake_server, "flaky", clock=FakeClock()).extract(TEXT + " (flaky)")
    assert result.facts["ukraine.people"] == 75


def test_a_truncation_llama_cpp_reports_as_finished_is_truncation_without_a_reask(fake_server: FakeServer) -> None:
    since = time.time()
    with pytest.raises(OutputTruncated, match="cut off") as info:
        _ex(fake_server, "cut").extract(TEXT)
    assert len(fake_server.requests(since=since, fault="cut")) == 1
    assert info.value.usage is not None
    assert info.value.usage.calls == 1


def test_a_failed_article_carries_what_it_spent(fake_server: FakeServer) -> None:
    with pytest.raises(OutputTruncated) as info:
        _ex(fake_server, "cut").extract(TEXT + " again")
    usage = info.value.usage
    assert usage is not None
    assert (usage.calls, usage.prompt_tokens, usage.completion_tokens) == (1, 300, 512)


def test_the_cli_takes_a_deadline_and_says_what_a_failure_spent(fake_server: FakeServer, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    hung = runner.invoke(app, ["extract", str(article), "--base-url", fake_server.url("hang"), "--deadline", "1"])
    assert hung.exit_code == 2
    assert "deadline" in hung.output
    cut = runner.invoke(app, ["extract", str(article), "--base-url", fake_server.url("cut"), "--format", "jsonl"])
    assert cut.exit_code == 2
    assert "(1 LLM call, 812 tokens spent)" in cut.output
    line = json.loads(next(x for x in cut.output.splitlines() if x.startswith("{")))
    assert line["usage"] == {
        "prompt_tokens": 300,
        "completion_tokens": 512,
        "cached_tokens": 0,
        "llm_calls": 1,
        "seconds": ANY,
    }
    assert line["usage"]["seconds"] >= 0
    zero = subprocess.run(
        [sys.executable, "-c", "from powx_llm.cli import main; main()", "extract", str(article), "--deadline", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert zero.returncode == 2
    assert "--deadline" in zero.stderr
    assert len(zero.stderr.strip().splitlines()) == 1


def test_200_articles_through_random_faults_each_end_in_time_with_a_result_or_one_line(
    fake_server: FakeServer,
) -> None:
    """Hangs, drips, 429s in both forms, 5xx, 400/401, junk and truncated bodies, drawn at random (seeded)."""
    clock, deadline, retries = FakeClock(), 2.0, 2
    ex = _ex(fake_server, "random", deadline=deadline, retries=retries, clock=clock)
    _ex(fake_server, "ok").extract(TEXT + " (warming up: the word lists and the language model load once)")
    since = time.time()

    def one(i: int) -> tuple[object, float]:
        started = time.monotonic()
        try:
            outcome: object = ex.extract(f"Report {i}. {TEXT}")
        except PowxError as exc:
            outcome = exc
        return outcome, time.monotonic() - started

    with ThreadPoolExecutor(max_workers=16) as pool:
        done = list(pool.map(one, range(200)))
    assert len(done) == 200
    for outcome, seconds in done:
        assert seconds < deadline + 3  # a bound, not a speed: each article ends at its deadline at the latest
        assert isinstance(outcome, Extraction | PowxError), outcome
        assert "\n" not in str(outcome) or isinstance(outcome, Extraction)
    kinds = Counter(type(o).__name__ for o, _ in done)
    assert kinds["Extraction"] > 50, kinds
    assert {"LLMTimeout", "RateLimited", "ServerError", "ConfigError"} <= set(kinds), kinds
    tries: dict[str, list[dict[str, object]]] = {}
    for r in fake_server.requests(since=since, fault=None):
        tries.setdefault(str(r["body"]), []).append(r)
    for body in tries.values():
        assert len(body) <= 1 + retries  # bounded retries, per request
        faults = [r["fault"] for r in sorted(body, key=lambda r: int(str(r["attempt"])))]
        for fault in ("400", "401"):
            assert fault not in faults[:-1], faults  # never retried after a 400 or 401


def test_a_body_cut_short_is_retried_then_said_so(fake_server: FakeServer) -> None:
    since = time.time()
    with pytest.raises(BackendUnavailable, match="broke off its answer"):
        _ex(fake_server, "truncated", retries=1, clock=FakeClock()).extract(TEXT)
    assert len(fake_server.requests(since=since, fault="truncated")) == 2
