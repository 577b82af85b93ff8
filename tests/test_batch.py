"""A corpus in, one row per input out, tables, resuming from the journal (powx batch, extract_many).

Runs on the replayed dev-set recordings and on tests/fake_server.py (HAND-WRITTEN answers).
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import DATASET_VERSION, ArticleInput, RowStatus, extract_many, read_corpus, tables, to_frames
from powx_llm.extract import Extraction, Extractor
from tests.conftest import CASSETTES, EVAL_DIR, EVAL_FILES, ROOT, FakeServer

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."
POWX = [sys.executable, "-c", "from powx_llm.cli import main; main()"]


def _batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POWX, "batch", *args], capture_output=True, text=True, timeout=600, check=False, cwd=ROOT)


def test_the_dev_set_becomes_three_tables_and_a_second_run_asks_nothing(tmp_path: Path) -> None:
    out = tmp_path / "run"
    first = runner.invoke(app, ["batch", str(EVAL_DIR), "--out", str(out), "--replay", str(CASSETTES)])
    assert first.exit_code == 0, first.output
    articles = pd.read_parquet(out / "articles.parquet")
    assert list(articles["id"]) == [p.stem for p in EVAL_FILES]
    assert set(articles["status"]) <= {"ok", "mismatch"}
    transfers = pd.read_parquet(out / "transfers.parquet")
    facts = pd.read_parquet(out / "facts.parquet")
    assert set(transfers["article_id"]) <= set(articles["id"])
    assert len(facts) > len(transfers) > 50
    meta = pq.read_schema(out / "articles.parquet").metadata
    assert meta[b"powx_llm.dataset_version"] == DATASET_VERSION.encode()
    assert "ANNOTATION.md" in first.output  # skipped, and named: not silently dropped
    again = runner.invoke(app, ["batch", str(EVAL_DIR), "--out", str(out), "--replay", str(CASSETTES)])
    assert again.exit_code == 0
    assert f"{len(EVAL_FILES)} from the journal" in again.output
    assert pd.read_parquet(out / "articles.parquet")["reused"].all()
    pd.testing.assert_frame_equal(pd.read_parquet(out / "facts.parquet"), facts)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_tables(tmp_path: Path, fmt: str) -> None:
    args = ["batch", *map(str, EVAL_FILES[:3]), "--out", str(tmp_path), "--replay", str(CASSETTES)]
    assert runner.invoke(app, [*args, "--format", fmt]).exit_code == 0
    path = tmp_path / f"articles.{fmt}"
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            first = next(csv.DictReader(f))
        assert isinstance(json.loads(first["mediators"]), list)  # lists are JSON text in CSV
    else:
        first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert isinstance(first["mediators"], list)
    assert first["id"] == EVAL_FILES[0].stem


def test_every_kind_of_input(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("first", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"text": "second", "published": "2024-05-31"}), encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    lines = tmp_path / "c.jsonl"
    lines.write_text(json.dumps({"id": "c", "text": "third", "url": "https://example.org/c"}) + "\n", encoding="utf-8")
    table = tmp_path / "d.csv"
    table.write_text('id,text,published\nd,"fourth, with a comma",2024-06-01\n', encoding="utf-8")
    corpus = read_corpus([folder, lines, table])
    assert [(a.id, a.text, a.published, a.url) for a in corpus.articles] == [
        ("a", "first", None, None),
        ("b", "second", "2024-05-31", None),
        ("c", "third", None, "https://example.org/c"),
        ("d", "fourth, with a comma", "2024-06-01", None),
    ]
    assert len(corpus.skipped) == 1
    assert "notes.md" in corpus.skipped[0]


def test_repeated_ids_are_one_line_and_exit_2(tmp_path: Path) -> None:
    lines = tmp_path / "x.jsonl"
    lines.write_text("".join(json.dumps({"id": i, "text": "t"}) + "\n" for i in ("a", "b", "a", "b")), encoding="utf-8")
    done = _batch(str(lines), "--out", str(tmp_path / "out"), "--replay", str(CASSETTES))
    assert done.returncode == 2
    assert "'a', 'b'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_stdin_takes_json_lines(tmp_path: Path) -> None:
    first = json.loads(EVAL_FILES[0].read_text(encoding="utf-8"))
    line = json.dumps({"id": "x", "text": first["text"], "published": first["published"]})
    result = runner.invoke(app, ["batch", "-", "--out", str(tmp_path), "--replay", str(CASSETTES)], input=line)
    assert result.exit_code == 0, result.output
    assert list(pd.read_parquet(tmp_path / "articles.parquet")["id"]) == ["x"]


def test_200_articles_through_random_faults_give_200_rows_in_order(fake_server: FakeServer) -> None:
    ex = Extractor.connect(base_url=fake_server.url("random"), http_retries=1, deadline=2.0)
    items = [ArticleInput(f"r{i}", f"Batch report {i}. {TEXT}") for i in range(200)]
    items.append(ArticleInput("empty", "   "))  # unusable input: a row too
    rows = list(extract_many(items, extractor=ex, jobs=16, progress=False))
    assert [r.id for r in rows] == [i.id for i in items]
    assert {r.status for r in rows} >= {RowStatus.OK, RowStatus.ERROR}
    assert rows[-1].status is RowStatus.ERROR
    assert rows[-1].error is not None
    assert "empty" in rows[-1].error
    assert all((r.extraction is None) == (r.status is RowStatus.ERROR) for r in rows)
    built = tables(rows)
    assert built["articles"].num_rows == 201


def test_one_text_under_two_ids_costs_one_call(fake_server: FakeServer, tmp_path: Path) -> None:
    ex = Extractor.connect(base_url=fake_server.url("ok"), http_retries=0)
    text = f"Wire story {time.time()}. {TEXT}"
    since = time.time()
    rows = list(
        extract_many(
            [ArticleInput("feed-a", text), ArticleInput("feed-b", text)],
            extractor=ex,
            jobs=2,
            journal=tmp_path / "j.jsonl",
            progress=False,
        )
    )
    assert [r.status for r in rows] == [RowStatus.OK, RowStatus.OK]
    assert rows[1].reused
    assert rows[1].usage.calls == 0
    assert len(fake_server.requests(since=since, fault="ok")) == 1
    assert rows[1].extraction is not None
    assert rows[1].extraction.facts == rows[0].extraction.facts if rows[0].extraction else False


def test_a_token_budget_leaves_the_rest_not_done_and_a_rerun_does_them(fake_server: FakeServer, tmp_path: Path) -> None:
    ex = Extractor.connect(base_url=fake_server.url("ok"), http_retries=0)
    items = [ArticleInput(f"b{i}", f"Budget {i} {time.time()}. {TEXT}") for i in range(5)]
    journal = tmp_path / "j.jsonl"
    rows = list(extract_many(items, extractor=ex, jobs=1, journal=journal, max_tokens_total=1, progress=False))
    assert [r.status for r in rows] == [RowStatus.OK] + [RowStatus.NOT_DONE] * 4
    again = list(extract_many(items, extractor=ex, jobs=1, journal=journal, progress=False))
    assert [r.status for r in again] == [RowStatus.OK] * 5
    assert [r.reused for r in again] == [True, False, False, False, False]


def test_a_journaled_extraction_reads_back_equal() -> None:
    first = json.loads(EVAL_FILES[0].read_text(encoding="utf-8"))

    ex = Extractor.connect(replay=CASSETTES)
    result = ex.extract(first["text"], published=first["published"])
    data = {**result.to_dict(), "raw": result.raw, "published": result.published}
    back = Extraction.from_dict(json.loads(json.dumps(data, default=str)), text=result.text)
    assert back.to_dict() == result.to_dict()
    assert (back.raw, back.published, back.text) == (result.raw, result.published, result.text)


def test_frames_keep_counts_as_integers() -> None:
    rows = list(extract_many([ArticleInput("e", "")], extractor=_never(), progress=False))
    frames = to_frames(rows)
    assert str(frames["articles"]["calls"].dtype) == "Int64"
    assert frames["articles"]["status"].tolist() == ["error"]


def _never() -> Extractor:
    return Extractor.connect(base_url="http://127.0.0.1:9/v1", http_retries=0)


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
    whole = _batch(*args, "--out", str(tmp_path / "whole"))
    assert whole.returncode == 0, whole.stderr
    out = tmp_path / "killed"
    proc = subprocess.Popen([*POWX, "batch", *args, "--out", str(out)], cwd=ROOT, stderr=subprocess.DEVNULL)
    journal = out / "journal.jsonl"
    waited = time.monotonic()
    while _lines(journal) < 3 and time.monotonic() - waited < 120:  # the run is under way
        time.sleep(0.05)
    time.sleep(random.Random(stamp).uniform(0.0, 0.4))  # then a random moment, mid-write perhaps
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    journaled = _lines(journal)
    assert 3 <= journaled < 60  # killed mid-run
    resumed = _batch(*args, "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    assert f"{journaled} from the journal" in resumed.stderr
    a = pd.read_parquet(tmp_path / "whole" / "facts.parquet")
    b = pd.read_parquet(out / "facts.parquet")
    pd.testing.assert_frame_equal(a, b)
    ids = pd.read_parquet(out / "articles.parquet")["id"].tolist()
    assert ids == [f"k{i}" for i in range(60)]  # none twice, none lost


def _lines(path: Path) -> int:
    """Return the journal's complete lines (a line cut by the kill does not count)."""
    try:
        return path.read_text(encoding="utf-8").count("\n")
    except FileNotFoundError:
        return 0


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
