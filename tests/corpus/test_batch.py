"""A corpus in, one row per input out, tables, resuming from the journal (powx batch, extract_many).

Runs on the replayed dev-set recordings and on tests/fake_server.py (HAND-WRITTEN answers).
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import DATASET_VERSION, ArticleInput, RowStatus, extract_many, tables
from powx_llm.extract import Extractor
from tests.helpers import CASSETTES, EVAL_DIR, EVAL_FILES, FakeServer

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."


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
