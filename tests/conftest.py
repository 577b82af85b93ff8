"""Shared fixtures: the shipped dev set and the seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "seeds" / "eval"
EVAL_FILES = sorted(p for p in EVAL_DIR.glob("*.json") if p.name != "splits.json")
SEED_TEXT = ROOT / "seeds" / "seed-ua-2024-05-31-75.txt"
SEED_GOLD = ROOT / "seeds" / "seed-ua-2024-05-31-75.gold.json"
CASSETTES = ROOT / "tests" / "cassettes"
RECORDED = CASSETTES / "test_recorded"  # the dev set's recordings (tests/test_recorded.py)
FLOORS_FILE = ROOT / "tests" / "eval_floors.json"  # written by scripts/eval_floors.py


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(autouse=True)
def _no_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests from ever reaching a real API with a developer's key."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("POWX_MODEL", raising=False)
    monkeypatch.delenv("POWX_BASE_URL", raising=False)


# ---- recorded LLM traffic (pytest-recording / vcrpy) ----------------------------------------------
# Cassettes live in tests/cassettes/<test module>/ (pytest-recording's convention). They are recorded
# from the embedded model (Qwen2.5-Coder-1.5B-Instruct Q4_K_M, llama-cpp-python 0.3.36 server,
# n_threads=2 and n_ctx=32768, pinned by record.sh, temperature 0, instructor Mode.TOOLS) by
# `bash scripts/record.sh`; CI replays them with --record-mode=none. Requests match on method, path
# and JSON body, so the host does not matter.
RECORD_URL = "http://127.0.0.1:8765/v1"
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
]


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
class FakeServer:
    """A running tests/fake_server.py: its base URL per fault, and the requests it has seen."""

    def __init__(self, port: int, log: Path) -> None:
        self.port, self.log = port, log

    def url(self, fault: str) -> str:
        return f"http://127.0.0.1:{self.port}/{fault}/v1"

    def requests(self, *, since: float, fault: str | None = None) -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        seen = [json.loads(line) for line in lines]
        return [r for r in seen if r["time"] >= since and (fault is None or r["fault"] == fault)]


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
