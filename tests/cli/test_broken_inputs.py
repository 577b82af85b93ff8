"""Every command against broken inputs: one line saying what is wrong, exit code 2, never a traceback
(issue 25, "done when"). The model is never reached: each input is refused before any request."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm.cli import app
from tests.helpers import powx

runner = CliRunner()
NOWHERE = "http://127.0.0.1:9/v1"  # nothing listens: a case that reached the model would fail differently

Make = Callable[[Path], list[str]]


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


BINARY = _file("binary.txt", bytes(range(256)) * 4)
EMPTY = _file("empty.txt", b"   \n")
NOT_JSON = _file("bad.json", b"{not json")
NO_TEXT = _file("notext.json", b'{"published": "2024-05-31"}')
HTML_AS_TEXT = _file("page.txt", b"<!DOCTYPE html><html><body><div><p>75 returned</p></div></body></html>")
LATIN1 = _file("latin1.txt", "Échange de 75 prisonniers".encode("latin-1"))
BAD_JSONL = _file("bad.jsonl", b'{"id": "a", "text": "75 returned"}\n{broken\n')
NO_HEADER = _file("sheet.csv", b"a1,75 returned\n")
TWICE = _file("twice.jsonl", b'{"id": "a", "text": "75 returned"}\n{"id": "a", "text": "76 returned"}\n')
NOT_A_FEED = _file("feed.rss", b"this is not xml")
SCHEMA_ERROR = _file("exchange.json", b'{"kind": "prisoner_exchange", "transfers": [{"to": 5, "people": "many"}]}')
A_FILE = _file("not-a-folder", b"x")
GOOD = _file("good.jsonl", b'{"id": "a", "text": "75 returned"}\n')

CASES: dict[str, Make] = {
    "extract: a missing file": lambda d: ["extract", str(d / "missing.txt"), "--base-url", NOWHERE],
    "extract: binary data": lambda d: ["extract", str(BINARY(d)), "--base-url", NOWHERE],
    "extract: an empty article": lambda d: ["extract", str(EMPTY(d)), "--base-url", NOWHERE],
    "extract: invalid JSON": lambda d: ["extract", str(NOT_JSON(d)), "--base-url", NOWHERE],
    "extract: JSON without text": lambda d: ["extract", str(NO_TEXT(d)), "--base-url", NOWHERE],
    "extract: HTML given as text": lambda d: ["extract", str(HTML_AS_TEXT(d)), "--base-url", NOWHERE],
    "extract: not UTF-8": lambda d: ["extract", str(LATIN1(d)), "--base-url", NOWHERE],
    "extract: a bad date": lambda d: ["extract", str(EMPTY(d)), "--published", "31/05/2024"],
    "extract: an address that is not http": lambda d: ["extract", "ftp://example.org/a.html", "--base-url", NOWHERE],
    "extract: an unknown format": lambda d: ["extract", str(EMPTY(d)), "--format", "pdf"],
    "batch: a missing input": lambda d: ["batch", str(d / "missing.jsonl"), "--out", str(d / "run")],
    "batch: a broken JSON line": lambda d: ["batch", str(BAD_JSONL(d)), "--out", str(d / "run")],
    "batch: a CSV without its header": lambda d: ["batch", str(NO_HEADER(d)), "--out", str(d / "run")],
    "batch: an id given twice": lambda d: ["batch", str(TWICE(d)), "--out", str(d / "run")],
    "batch: a feed file that is no feed": lambda d: ["batch", str(NOT_A_FEED(d)), "--out", str(d / "run")],
    "batch: --out is a file": lambda d: ["batch", str(GOOD(d)), "--out", str(A_FILE(d)), "--base-url", NOWHERE],
    "batch: an unknown input kind": lambda d: ["batch", str(_file("a.pdf", b"%PDF")(d)), "--out", str(d / "run")],
    "watch: a bad period": lambda d: ["watch", str(NOT_A_FEED(d)), "--out", str(d / "w"), "--every", "soon"],
    "reconcile: a folder with no run": lambda d: ["reconcile", str(d), "--out", str(d / "events")],
    "check: a missing file": lambda d: ["check", str(d / "missing.json")],
    "check: invalid JSON": lambda d: ["check", str(NOT_JSON(d))],
    "check: a schema error": lambda d: ["check", str(SCHEMA_ERROR(d))],
    "eval: a missing folder": lambda d: ["eval", str(d / "missing")],
    "eval: an unknown split": lambda d: ["eval", str(d), "--split", "nope"],
    "serve: a port out of range": lambda d: ["serve", "--port", "70000"],
}


# Usage errors are turned into one line by the command's entry point (powx_llm.cli.main), so they run in a
# process of their own, as a user runs them.
USAGE = {"extract: an unknown format", "serve: a port out of range"}


@pytest.mark.parametrize("case", list(CASES))
def test_a_broken_input_is_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    args = CASES[case](tmp_path)
    if case in USAGE:
        done = powx(*args)
        code, output = done.returncode, done.stdout + done.stderr
    else:
        result = runner.invoke(app, args)
        code, output = result.exit_code, result.output
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert code == 2, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, output
