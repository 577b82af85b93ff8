"""Output paths: never replace anything but a regular file, say so in one line before any request is sent, and
end a failed write in one line with the journal intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm import InputError
from powx_llm._files import write_text_atomic
from powx_llm.cli import app
from tests.helpers import SEED_TEXT

runner = CliRunner()
NOWHERE = ["--base-url", "http://127.0.0.1:9/v1"]  # a request would fail at once, and say so


def _special(kind: str, path: Path, tmp_path: Path) -> None:
    if kind == "symlink":
        target = tmp_path / "elsewhere.txt"
        target.write_text("keep me", encoding="utf-8")
        path.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_an_atomic_write_replaces_only_a_regular_file(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "out.html"
    _special(kind, path, tmp_path)
    with pytest.raises(InputError, match="not a regular file"):
        write_text_atomic(path, "<html>")
    assert not path.is_file() or path.is_symlink()
    if kind == "symlink":
        assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_exported_requests_never_replace_a_special_file(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "requests.jsonl"
    _special(kind, target, tmp_path)
    result = runner.invoke(
        app, ["batch", str(SEED_TEXT), "--out", str(tmp_path / "run"), "--export-requests", str(target), *NOWHERE]
    )
    assert result.exit_code == 2
    assert "not a regular file" in result.output
    assert "Traceback" not in result.output
    if kind == "symlink":
        assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep me"


def test_a_journal_that_is_not_a_regular_file_is_refused_before_any_request(tmp_path: Path) -> None:
    out = tmp_path / "run"
    out.mkdir()
    os.mkfifo(out / "journal.jsonl")  # opening it would block for ever
    result = runner.invoke(app, ["batch", str(SEED_TEXT), "--out", str(out), *NOWHERE])
    assert result.exit_code == 2
    assert "not a regular file" in result.output
    assert "cannot reach" not in result.output  # refused before any request


def test_an_out_folder_under_a_file_is_one_line_before_any_request(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(SEED_TEXT), "--out", str(blocker / "run"), *NOWHERE])
    assert result.exit_code == 2
    assert f"cannot write to {blocker / 'run'}" in result.output.replace("\n", "")
    assert "cannot reach" not in result.output


def test_a_write_failure_after_the_work_ends_in_one_line_and_keeps_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run"

    def full_disk(*args: object, **kwargs: object) -> list[Path]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("powx_llm.cli._corpus.write_tables", full_disk)
    result = runner.invoke(app, ["batch", str(SEED_TEXT), "--out", str(out), "--replay", "cassettes"])
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert "run again" in result.output
    assert "Traceback" not in result.output
    assert (out / "journal.jsonl").read_text(encoding="utf-8").count("\n") == 1
