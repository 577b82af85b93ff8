"""The command line's output contract: JSON Lines per input, schema_version, --version, schema, html."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import powx_llm
from powx_llm import Exchange
from powx_llm.cli import app
from tests.helpers import CASSETTES, EVAL_DIR, SEED_TEXT

runner = CliRunner()
SEED = str(SEED_TEXT)


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _inputs(tmp_path: Path) -> list[str]:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    return [SEED, str(tmp_path / "missing.txt"), str(empty)]


@pytest.mark.parametrize("fmt", ["jsonl", "facts"])
def test_json_lines_give_one_parseable_object_per_input(tmp_path: Path, fmt: str) -> None:
    result = runner.invoke(app, ["extract", *_inputs(tmp_path), "--replay", str(CASSETTES), "--format", fmt])
    assert result.exit_code == 2
    rows = _lines(result.stdout)
    assert [r["file"] for r in rows] == _inputs(tmp_path)
    assert [r["status"] for r in rows] == ["ok", "error", "error"]
    assert all(r["schema_version"] == 1 for r in rows)
    assert rows[0]["error"] is None
    assert "cannot read" in str(rows[1]["error"])
    assert "the article is empty" in str(rows[2]["error"])
    facts = rows[0]["facts"]
    assert isinstance(facts, dict)
    assert facts["ukraine.people"] == 75


def test_jsonl_carries_the_exchange_evidence_and_checks() -> None:
    result = runner.invoke(app, ["extract", SEED, "--replay", str(CASSETTES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = _lines(result.stdout)
    assert Exchange.model_validate(row["exchange"]).transfers[0].people is not None
    evidence = row["evidence"]
    assert isinstance(evidence, dict)
    text = SEED_TEXT.read_text(encoding="utf-8")
    men = evidence["ukraine.men"]
    assert text[men["start"] : men["end"]] == men["quote"] == "70"
    checks = row["checks"]
    assert isinstance(checks, dict)
    assert checks["has_mismatch"] is False


def test_a_mismatch_is_a_status_and_exit_1() -> None:
    path = str(EVAL_DIR / "ua-2023-04-26-44-inconsistent.json")
    result = runner.invoke(app, ["extract", path, "--replay", str(CASSETTES), "--format", "jsonl"])
    assert result.exit_code == 1
    (row,) = _lines(result.stdout)
    assert row["status"] == "mismatch"


def test_html_marks_every_figure_in_its_article() -> None:
    result = runner.invoke(app, ["extract", SEED, "--replay", str(CASSETTES), "--format", "html"])
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert 'data-keys="ukraine.men"' in page
    assert ">70</mark>" in page
    assert "<script" not in page


def test_html_takes_one_article_and_points_to_batch_for_more(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", SEED, SEED, "--replay", str(CASSETTES), "--format", "html"])
    assert result.exit_code == 2
    assert "powx batch" in result.output
    missing = runner.invoke(app, ["extract", str(tmp_path / "none.txt"), "--format", "html"])
    assert missing.exit_code == 2
    assert "cannot read" in missing.stdout  # the page says so too


def test_published_option_dates_the_article(tmp_path: Path) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert text.lstrip().startswith("date ")
    result = runner.invoke(
        app, ["extract", SEED, "--replay", str(CASSETTES), "--format", "jsonl", "--published", "2024-05-31"]
    )
    assert result.exit_code == 0, result.output
    (row,) = _lines(result.stdout)
    facts = row["facts"]
    assert isinstance(facts, dict)
    assert facts["exchange_date"] == "2024-05-31"


@pytest.mark.parametrize("value", ["31.05.2024", "yesterday", "2024-13-01"])
def test_a_bad_published_date_is_one_line(value: str) -> None:
    result = runner.invoke(app, ["extract", SEED, "--replay", str(CASSETTES), "--published", value])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: published date {value!r} is not YYYY-MM-DD"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"powx {powx_llm.__version__}"


def test_schema_is_the_json_schema_of_an_exchange() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Exchange"
    assert {"kind", "transfers", "mediators"} <= set(schema["properties"])
    assert "from" in json.dumps(schema["$defs"]["Transfer"])


def test_stdin_that_is_not_utf8_is_one_line_and_no_request() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from powx_llm.cli import main; main()", "extract", "-", "--replay", str(CASSETTES)],
        input=b"Ukraine got 75 \xff\xfe prisoners back from Russia today.",
        capture_output=True,
        timeout=120,
        check=False,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2
    assert "UTF-8" in err
    assert len(err.strip().splitlines()) == 1
    assert "recorded" not in err
    assert "model" not in err
