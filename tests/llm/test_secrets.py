"""A planted key is found nowhere: command output, errors, reprs, recordings.

The keys here are planted for the test (random, never real); the server that reflects them is
tests/fake_server.py (HAND-WRITTEN answers).
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm import PowxError
from powx_llm.cli import app
from powx_llm.extract import Extractor
from tests.helpers import CASSETTES, EVAL_FILES, SECRET_HEADERS, SEED_GOLD, SEED_TEXT, FakeServer

runner = CliRunner()
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."


@pytest.fixture(params=["sk-", "plain"])
def key(request: pytest.FixtureRequest) -> str:
    """A planted key: OpenAI-shaped ("sk-…") or any other shape (a proxy's or Azure's hex key)."""
    body = secrets.token_hex(16)
    return f"sk-{body}" if request.param == "sk-" else body


@pytest.fixture(params=["plain-url", "url-with-credentials"])
def in_url(request: pytest.FixtureRequest) -> bool:
    """Whether the key also rides in the base URL (``user:key@``, ``?api-key=``)."""
    return bool(request.param != "plain-url")


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """What is printed is what these tests watch; how long a retry waits is test_waits.py's (not waited here)."""
    monkeypatch.setattr("powx_llm.llm._client._BACKOFF", (0.01, 0.02))


def _url(fake: FakeServer, fault: str, key: str, in_url: bool) -> str:
    if not in_url:
        return fake.url(fault)
    return fake.url(fault).replace("://", f"://user:{key}@", 1) + f"?api-key={key}"


@pytest.mark.parametrize("fault", ["echo401", "echo500"])
def test_no_command_prints_the_key(
    fake_server: FakeServer,
    key: str,
    in_url: bool,
    fault: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POWX_API_KEY", key)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    url = _url(fake_server, fault, key, in_url)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    one = tmp_path / "eval"
    one.mkdir()
    (one / EVAL_FILES[0].name).write_text(EVAL_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    commands = [
        ["extract", str(article), "--base-url", url],
        ["extract", str(article), "--base-url", url, "--format", "jsonl"],
        ["extract", str(article), "--base-url", url, "--format", "html"],
        ["eval", str(one), "--base-url", url],
        ["batch", str(article), "--out", str(tmp_path / "run"), "--base-url", url, "--html", str(tmp_path / "html")],
        ["reconcile", str(tmp_path / "run"), "--out", str(tmp_path / "events")],
        ["models", "--base-url", url],
        ["schema"],
        ["models"],
        ["check", str(SEED_GOLD), "--text", str(SEED_TEXT)],
        ["--version"],
    ]
    for command in commands:
        result = runner.invoke(app, command)
        shown = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert key not in shown, (command, shown)
        assert key[4:20] not in shown, (command, shown)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".html", ".csv", ".parquet")]
    assert any(p.name == "journal.jsonl" for p in written)
    for path in written:  # the journal, the tables, the report pages
        data = path.read_bytes()
        assert key.encode() not in data, path
        assert key[4:20].encode() not in data, path


@pytest.mark.parametrize("fault", ["echo401", "echo500"])
def test_no_error_or_repr_holds_the_key(
    fake_server: FakeServer,
    key: str,
    in_url: bool,
    fault: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("POWX_API_KEY", key)
    ex = Extractor.connect(base_url=_url(fake_server, fault, key, in_url), http_retries=0)
    with pytest.raises(PowxError) as info:
        ex.extract(TEXT)
    shown = (str(info.value), repr(info.value), repr(ex), repr(ex.backend), repr(ex.llm), ex.backend.describe())
    for seen in (*shown, caplog.text):
        assert key not in seen
        assert key[4:20] not in seen
    ok = Extractor.connect(base_url=_url(fake_server, "ok", key, in_url), http_retries=0).extract(TEXT)
    for seen in (repr(ok), str(ok.to_dict())):
        assert key not in seen


def test_recordings_hold_no_credentials() -> None:
    files = sorted(CASSETTES.rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        assert "bearer " not in text, path
        for header in SECRET_HEADERS:
            assert f"\n      {header}:" not in text, (path, header)
