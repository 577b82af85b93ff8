"""Small things a corpus run must get right (issue 25, low): a byte-order mark hides nothing, a resumed run
reports only what it spent, one run per folder at a time, and --import-results refuses before any server."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest

from powx_llm.corpus import read_corpus
from tests.helpers import CASSETTES, EVAL_FILES, powx

BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_hides_neither_a_csv_header_nor_a_date_line(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_bytes(BOM + b"id,text,published\na1,Ukraine brought home 75 people.,2024-05-31\n")
    (tmp_path / "dated.txt").write_bytes(BOM + b" date 2024-05-31 Ukraine brought home 75 people.")
    [row] = read_corpus([tmp_path / "sheet.csv"]).articles
    assert (row.id, row.published) == ("a1", "2024-05-31")
    [text] = read_corpus([tmp_path / "dated.txt"]).articles
    assert text.text.startswith(" date 2024-05-31")
    from powx_llm.read import read_article

    assert str(read_article(text.text).date) == "2024-05-31"


def test_a_resumed_run_reports_only_what_it_spent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in EVAL_FILES[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    args = ("batch", str(folder), "--out", str(tmp_path / "run"), "--replay", str(CASSETTES), "--format", "csv")
    first = powx(*args)
    assert first.returncode == 0, first.stderr
    assert "0 from the journal; this run: " in first.stderr
    second = powx(*args)
    assert second.returncode == 0, second.stderr
    assert "2 from the journal; this run: 0 LLM calls, 0 tokens" in second.stderr


def test_two_runs_on_one_folder_do_not_both_run(tmp_path: Path) -> None:
    out = tmp_path / "run"
    out.mkdir()
    fd = os.open(out / ".powx-run.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another run holds the folder
        done = powx("batch", str(EVAL_FILES[0]), "--out", str(out), "--replay", str(CASSETTES))
    finally:
        os.close(fd)
    assert done.returncode == 2
    assert "another powx run is working in" in done.stderr
    assert not (out / "articles.parquet").exists()


def test_import_results_without_an_endpoint_refuses_before_any_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps({"custom_id": "x", "response": {}}) + "\n")
    env_dir = tmp_path / "servers"
    monkeypatch.setenv("POWX_SERVER_DIR", str(env_dir))  # where a started embedded server would register
    done = powx("batch", str(EVAL_FILES[0]), "--out", str(tmp_path / "run"), "--import-results", str(results))
    assert done.returncode == 2
    assert "--import-results needs the endpoint" in done.stderr
    assert not (env_dir / "server.json").exists()
