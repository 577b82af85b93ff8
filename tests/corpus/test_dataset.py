"""The run's tables: Parquet, CSV and JSON Lines, typed columns, DataFrames."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import ArticleInput, extract_many, to_frames
from tests.helpers import CASSETTES, EVAL_FILES, unreachable

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."
POWX = [sys.executable, "-c", "from powx_llm.cli import main; main()"]


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


def test_frames_keep_counts_as_integers() -> None:
    rows = list(extract_many([ArticleInput("e", "")], extractor=unreachable(), progress=False))
    frames = to_frames(rows)
    assert str(frames["articles"]["calls"].dtype) == "Int64"
    assert frames["articles"]["status"].tolist() == ["error"]
