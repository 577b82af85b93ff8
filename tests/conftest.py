"""Fixtures: no API key, the recordings (pytest-recording), the fault-injecting fake server."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import CASSETTES, ROOT, SECRET_HEADERS, FakeServer

SLOW_LANES = ("embedded_model", "ray", "browser")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the live embedded model, Ray, the browser and the notebooks in the slow lane (``-m slow``)."""
    for item in items:
        if type(item).__name__ == "NotebookItem" or any(item.get_closest_marker(m) for m in SLOW_LANES):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _no_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests from ever reaching a real API with a developer's key."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("POWX_MODEL", raising=False)
    monkeypatch.delenv("POWX_BASE_URL", raising=False)


# ---- recorded LLM traffic (pytest-recording / vcrpy) ----------------------------------------------
# Cassettes live in cassettes/<test module>/ (pytest-recording's convention). They are recorded
# from the embedded model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M, llama.cpp's server from xllamacpp,
# 2 threads, a 32,768-token context and 4 slots, pinned by record.sh, temperature 0, Mode.GRAMMAR) by
# `bash scripts/record.sh`; CI replays them with --record-mode=none. Requests match on method, path
# and JSON body, so the host does not matter.
@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTES / request.module.__name__.split(".")[-1])


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_HEADERS,
        "decode_compressed_response": True,
        "match_on": ["method", "path", "json_body"],
    }


def _json_body(r1: Any, r2: Any) -> None:
    def canon(body: Any) -> Any:
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        try:
            return json.loads(body) if body else None
        except json.JSONDecodeError:
            return body

    assert canon(r1.body) == canon(r2.body)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("json_body", _json_body)


# ---- the fault-injecting fake server (tests/fake_server.py, hand-written answers) -----------------
@pytest.fixture(scope="session")
def fake_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import subprocess
    import sys

    log = tmp_path_factory.mktemp("fake_server") / "requests.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fake_server", "--log", str(log), "--seed", "7"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield FakeServer(port, log)
    finally:
        proc.kill()
        proc.wait(timeout=10)
