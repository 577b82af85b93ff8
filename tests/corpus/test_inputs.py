"""A corpus read from folders, files, JSON Lines, CSV and stdin: one input, one article, ids unique."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import read_corpus
from tests.helpers import CASSETTES, EVAL_FILES, powx

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."
POWX = [sys.executable, "-c", "from powx_llm.cli import main; main()"]


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
    done = powx("batch", str(lines), "--out", str(tmp_path / "out"), "--replay", str(CASSETTES))
    assert done.returncode == 2
    assert "'a', 'b'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_stdin_takes_json_lines(tmp_path: Path) -> None:
    first = json.loads(EVAL_FILES[0].read_text(encoding="utf-8"))
    line = json.dumps({"id": "x", "text": first["text"], "published": first["published"]})
    result = runner.invoke(app, ["batch", "-", "--out", str(tmp_path), "--replay", str(CASSETTES)], input=line)
    assert result.exit_code == 0, result.output
    assert list(pd.read_parquet(tmp_path / "articles.parquet")["id"]) == ["x"]
