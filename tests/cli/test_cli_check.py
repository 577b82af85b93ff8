"""``powx check``: exit codes, one-line errors, table and JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from tests.helpers import EVAL_DIR, SEED_GOLD, SEED_TEXT

runner = CliRunner()


def test_seed_checks_ok_with_its_text() -> None:
    result = runner.invoke(app, ["check", str(SEED_GOLD), "--text", str(SEED_TEXT)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "men 70 + women 5 = 75 = people 75" in result.output


def test_inconsistent_article_exits_1() -> None:
    result = runner.invoke(app, ["check", str(EVAL_DIR / "ua-2023-04-26-44-inconsistent.json")])
    assert result.exit_code == 1
    assert "mismatch" in result.output


@pytest.mark.parametrize("flag", [["--json"], ["--format", "jsonl"]])
def test_json_output_is_one_line_with_findings(flag: list[str]) -> None:
    path = str(EVAL_DIR / "ua-2022-11-03-107-107.json")
    result = runner.invoke(app, ["check", path, *flag])
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    data = json.loads(line)
    assert (data["schema_version"], data["file"], data["status"], data["error"]) == (1, path, "ok", None)
    assert data["has_mismatch"] is False
    assert {f["name"] for f in data["findings"]} >= {"rank_sum", "grounding"}


def test_a_format_the_command_does_not_offer_is_one_line() -> None:
    result = runner.invoke(app, ["check", str(SEED_GOLD), "--format", "html"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: powx check has no --format html; use one of: table, jsonl"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("{not json", "is not valid JSON"),
        ('{"transfers": [{"to": "Ukraine", "people": -3}]}', "transfers.0.people"),
        ('{"kind": "swap"}', "invalid exchange"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "x.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"transfers": [{"to": "Ukraine", "people": ' + "9" * 5000 + "}]}", "too many digits"),
        ('{"text": 5, "gold": {"transfers": []}}', "'text' must be a string"),
    ],
)
def test_hostile_json_is_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def _powx(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from powx_llm.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--format", "nope", "x.txt"], "'--format'"),
        (["serve", "--port", "99999"], "'--port'"),
        (["eval"], "Missing argument"),
        (["no-such-command"], "No such command"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = _powx(*args)
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert message in lines[0]
