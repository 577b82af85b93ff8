"""`powx eval --replay`: the dev-set evaluation of both strategies on frozen responses must not regress.

The responses are the real embedded-model recordings of tests/extract/test_recorded.py; the floors in
tests/eval_floors.json are the F1 each strategy scored when they were recorded
(written by scripts/record.sh).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import evaluate, load_eval_dir
from powx_llm.extract import Extractor, Options, Strategy
from tests.helpers import CASSETTES, EVAL_DIR, FLOORS_FILE, RECORDED

FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("strategy", list(Strategy))
def test_dev_eval_does_not_regress(strategy: Strategy) -> None:
    ex = Extractor.connect(replay=RECORDED, options=Options(strategy=strategy))
    run = evaluate(ex, load_eval_dir(EVAL_DIR))
    errors = [r.error for r in run.results if r.error]
    # none for the default strategy; the flat baseline may run to its token limit (tests/extract/test_recorded.py)
    assert len(errors) <= FLOORS[strategy.value]["errors"]
    assert all("token limit" in e for e in errors), errors
    assert run.total.f1 >= FLOORS[strategy.value]["f1"] - 1e-9
    if strategy is Strategy.CUED:
        assert run.ungrounded == 0
        assert Options().max_calls == 2
        assert max(r.extraction.llm_calls for r in run.results if r.extraction is not None) <= 2


def test_default_strategy_beats_the_baseline_by_half() -> None:
    assert FLOORS["cued"]["f1"] >= 1.5 * FLOORS["baseline"]["f1"]


def test_cli_eval_replay_prints_the_total_last() -> None:
    result = CliRunner().invoke(app, ["eval", str(EVAL_DIR), "--replay", str(CASSETTES)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("facts P=")
    assert float(last.split("F1=")[1]) >= FLOORS["cued"]["f1"] - 5e-4  # printed with three decimals


def test_cli_extract_replay_seed_table() -> None:
    result = CliRunner().invoke(app, ["extract", "seeds/seed-ua-2024-05-31-75.txt", "--replay", str(CASSETTES)])
    assert result.exit_code == 0, result.output
    assert "ukraine.people" in result.output
    assert "sex_sum" in result.output


def test_cli_extract_processes_every_file_and_exits_with_the_worst(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    files = ["seeds/seed-ua-2024-05-31-75.txt", str(tmp_path / "missing.txt"), str(empty)]
    result = CliRunner().invoke(app, ["extract", *files, "--replay", str(CASSETTES), "--format", "facts"])
    assert result.exit_code == 2
    assert '"ukraine.people": 75' in result.output
    assert "missing.txt: cannot read" in result.output
    assert "empty.txt: the article is empty" in result.output


def test_cli_extract_exits_1_when_the_article_does_not_add_up() -> None:
    path = EVAL_DIR / "ua-2023-04-26-44-inconsistent.json"
    result = CliRunner().invoke(app, ["extract", str(path), "--replay", str(CASSETTES), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["status"] == "mismatch"
    assert [f["name"] for f in data["checks"]["findings"] if f["status"] == "mismatch"] == ["rank_sum"]
