"""The journal: a run stopped at any moment resumes with the rows of an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from powx_llm.corpus import ArticleInput, extract_many
from powx_llm.extract import Extraction, Extractor
from tests.helpers import CASSETTES, EVAL_FILES, ROOT, FakeServer, line_count, powx

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."
POWX = [sys.executable, "-c", "from powx_llm.cli import main; main()"]


def test_a_journaled_extraction_reads_back_equal() -> None:
    first = json.loads(EVAL_FILES[0].read_text(encoding="utf-8"))

    ex = Extractor.connect(replay=CASSETTES)
    result = ex.extract(first["text"], published=first["published"])
    data = {**result.to_dict(), "raw": result.raw, "published": result.published}
    back = Extraction.from_dict(json.loads(json.dumps(data, default=str)), text=result.text)
    assert back.to_dict() == result.to_dict()
    assert (back.raw, back.published, back.text) == (result.raw, result.published, result.text)


def test_kill_9_at_a_random_moment_then_a_restart_gives_the_rows_of_an_uninterrupted_run(
    fake_server: FakeServer, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    stamp = time.time()
    corpus.write_text(
        "".join(json.dumps({"id": f"k{i}", "text": f"Kill {i} {stamp}. {TEXT}"}) + "\n" for i in range(60)),
        encoding="utf-8",
    )
    args = [str(corpus), "--base-url", fake_server.url("slow"), "--jobs", "4"]
    whole = powx("batch", *args, "--out", str(tmp_path / "whole"))
    assert whole.returncode == 0, whole.stderr
    out = tmp_path / "killed"
    proc = subprocess.Popen([*POWX, "batch", *args, "--out", str(out)], cwd=ROOT, stderr=subprocess.DEVNULL)
    journal = out / "journal.jsonl"
    waited = time.monotonic()
    while line_count(journal) < 3 and time.monotonic() - waited < 120:  # the run is under way
        time.sleep(0.05)
    time.sleep(random.Random(stamp).uniform(0.0, 0.4))  # then a random moment, mid-write perhaps
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    journaled = line_count(journal)
    assert 3 <= journaled < 60  # killed mid-run
    resumed = powx("batch", *args, "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{journaled} from the journal" in resumed.stderr
    a = pd.read_parquet(tmp_path / "whole" / "facts.parquet")
    b = pd.read_parquet(out / "facts.parquet")
    pd.testing.assert_frame_equal(a, b)
    ids = pd.read_parquet(out / "articles.parquet")["id"].tolist()
    assert ids == [f"k{i}" for i in range(60)]  # none twice, none lost


def test_a_line_cut_by_a_kill_is_ignored_and_the_next_record_starts_afresh(
    fake_server: FakeServer, tmp_path: Path
) -> None:
    ex = Extractor.connect(base_url=fake_server.url("ok"), http_retries=0)
    items = [ArticleInput(f"c{i}", f"Cut {i} {time.time()}. {TEXT}") for i in range(2)]
    journal = tmp_path / "j.jsonl"
    list(extract_many(items[:1], extractor=ex, journal=journal, progress=False))
    with journal.open("a", encoding="utf-8") as f:
        f.write('{"journal_version": 1, "id": "c1", "key": "cut sho')  # a kill mid-write
    list(extract_many(items, extractor=ex, journal=journal, progress=False))
    again = list(extract_many(items, extractor=ex, journal=journal, progress=False))
    assert [r.reused for r in again] == [True, True]
