"""powx watch: a feed followed round after round, against a local feed that changes between rounds."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import FeedWatch, Round
from tests.helpers import POWX, ROOT, FakeServer, line_count, powx
from tests.web.conftest import Site

IDS = ["ua-2024-10-18-moscowtimes-en", "ua-2022-09-21-babel-en", "ua-2023-08-07-babel-en"]


def _articles(out: Path) -> list[dict[str, str]]:
    with (out / "articles.csv").open(encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


def test_each_round_adds_only_the_new_entries(site: Site, fake_server: FakeServer, tmp_path: Path) -> None:
    site.feed.clear()
    site.add_entry(f"/news/{IDS[0]}", "Bodies and prisoners", "2024-10-18")
    site.add_entry(f"/news/{IDS[1]}", "215 home", "2022-09-22")
    out = tmp_path / "watch"
    args = ("watch", site.url("/feed.xml"), "--out", str(out), "--rounds", "1", "--every", "1s", "--format", "csv")
    first = powx(*args, "--base-url", fake_server.url("ok"))
    assert first.returncode == 0, first.stderr
    assert "round 1: 2 entries, 2 new, 2 extracted; 2 articles (0 errors)" in first.stderr
    assert [a["url"] for a in _articles(out)] == [site.url(f"/news/{IDS[1]}"), site.url(f"/news/{IDS[0]}")]
    assert (out / "events" / "events.csv").exists()
    hits = dict(site.hits)

    # the next round: one new report, and the same report again under another address (syndicated)
    site.pages["/news/copy"] = site.pages[f"/news/{IDS[0]}"]
    site.add_entry(f"/news/{IDS[2]}", "Home", "2023-08-07")
    site.add_entry("/news/copy", "Bodies and prisoners (copy)", "2024-10-18")
    second = powx(*args, "--base-url", fake_server.url("ok"))
    assert second.returncode == 0, second.stderr
    assert "4 entries, 2 new, 1 extracted; 4 articles (0 errors)" in second.stderr  # the copy: from the journal
    assert site.hits[f"/news/{IDS[0]}"] == hits[f"/news/{IDS[0]}"]  # done pages are never fetched again
    assert site.hits[f"/news/{IDS[1]}"] == hits[f"/news/{IDS[1]}"]
    rows = {a["url"]: a for a in _articles(out)}
    assert len(rows) == 4
    copy, original = rows[site.url("/news/copy")], rows[site.url(f"/news/{IDS[0]}")]
    assert copy["reused"] in ("true", "True")
    assert copy["kind"] == original["kind"]


def test_a_watch_stopped_mid_run_resumes_without_losing_or_doubling(
    site: Site, fake_server: FakeServer, tmp_path: Path
) -> None:
    site.feed.clear()
    for i, ident in enumerate(IDS):
        site.add_entry(f"/news/{ident}", ident, f"2024-01-0{i + 1}")
    out = tmp_path / "watch"
    args = [*POWX, "watch", site.url("/feed.xml"), "--out", str(out), "--every", "1s", "--format", "csv"]
    proc = subprocess.Popen([*args, "--base-url", fake_server.url("slow")], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    journal, waited = out / "journal.jsonl", time.monotonic()
    while line_count(journal) < 1 and time.monotonic() - waited < 60:  # the first round is under way
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130), err
    assert "Traceback" not in err
    done = powx(*args[len(POWX) :], "--rounds", "1", "--base-url", fake_server.url("ok"))
    assert done.returncode == 0, done.stderr
    urls = [a["url"] for a in _articles(out)]
    assert sorted(urls) == sorted(site.url(f"/news/{i}") for i in IDS)
    assert len(urls) == len(set(urls))


def test_an_interrupt_swallowed_mid_round_still_stops_the_watch(
    site: Site, fake_server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C that lands in code that swallows KeyboardInterrupt (a finaliser, a library's catch-all) stops the
    watch after the round instead of being lost."""
    site.feed.clear()
    site.add_entry(f"/news/{IDS[0]}", "Bodies and prisoners", "2024-10-18")
    real_round = FeedWatch.round

    def round_with_a_swallowed_interrupt(self: FeedWatch) -> Round:
        result = real_round(self)
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler runs here
        except KeyboardInterrupt:
            pass  # swallowed, as "Exception ignored in __del__" would
        return result

    monkeypatch.setattr(FeedWatch, "round", round_with_a_swallowed_interrupt)
    out = tmp_path / "watch"
    args = ["watch", site.url("/feed.xml"), "--out", str(out), "--rounds", "3", "--every", "1s", "--format", "csv"]
    result = CliRunner().invoke(app, [*args, "--base-url", fake_server.url("ok")])
    assert result.exit_code == 130, result.output
    assert "stopped after 1 rounds" in result.output
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the watch's handler is gone
