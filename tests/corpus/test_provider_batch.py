"""Provider batch APIs: first requests exported byte for byte, results imported, re-asks made live.

The results file is made from recorded responses (cassettes): what a provider would return.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pandas as pd
from typer.testing import CliRunner

from powx_llm.cli import app
from powx_llm.corpus import answering_client, export_requests, extract_many, read_corpus, read_results
from powx_llm.extract import Extractor
from powx_llm.llm import MODEL_ALIAS, REPLAY_BASE_URL, ReplayTransport, cassette_files
from tests.helpers import CASSETTES, EMBEDDED_MODE, EVAL_FILES

runner = CliRunner()
FILES = EVAL_FILES[:8]


def _replaying(hook: list[bytes] | None = None) -> Extractor:
    transport = ReplayTransport(cassette_files(CASSETTES))
    seen = hook if hook is not None else []
    client = httpx.Client(transport=transport, event_hooks={"request": [lambda r: seen.append(r.read())]})
    return Extractor.connect(
        base_url=REPLAY_BASE_URL, model=MODEL_ALIAS, mode=EMBEDDED_MODE, http_client=client, http_retries=0
    )


def _results(lines: list[str], path: Path) -> None:
    """Answer each exported request from the recordings, in the provider's Batch output format."""
    transport = ReplayTransport(cassette_files(CASSETTES))
    with path.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(lines):
            request = json.loads(line)
            sent = httpx.Request("POST", REPLAY_BASE_URL + "/chat/completions", json=request["body"])
            answer = transport.handle_request(sent)
            answer.read()
            record = {
                "id": f"batch_req_{number}",
                "custom_id": request["custom_id"],
                "response": {"status_code": 200, "request_id": f"r{number}", "body": answer.json()},
                "error": None,
            }
            sink.write(json.dumps(record) + "\n")


def test_exported_requests_are_byte_identical_to_the_synchronous_first_request() -> None:
    items = read_corpus(FILES).articles
    exported = dict(export_requests(items, _replaying()))
    for item in items:
        sent: list[bytes] = []
        _replaying(sent).extract(item.text, published=item.published)
        line = exported[item.id]
        assert line is not None
        assert line.startswith(f'{{"custom_id": "{item.id}", "method": "POST", "url": "/v1/chat/completions", "body": ')
        assert line.endswith(sent[0].decode("utf-8") + "}")
        assert json.loads(line)["body"] == json.loads(sent[0])


def test_imported_results_answer_the_first_requests_and_re_asks_go_live(tmp_path: Path) -> None:
    items = read_corpus(FILES).articles
    lines = [line for _, line in export_requests(items, _replaying()) if line is not None]
    results = tmp_path / "results.jsonl"
    _results(lines, results)
    live: list[bytes] = []
    inner = ReplayTransport(cassette_files(CASSETTES))

    class Counting(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            live.append(request.read())
            return inner.handle_request(request)

    client = answering_client(items, _replaying(), read_results(results), inner=Counting())
    ex = Extractor.connect(
        base_url=REPLAY_BASE_URL, model=MODEL_ALIAS, mode=EMBEDDED_MODE, http_client=client, http_retries=0
    )
    rows = list(extract_many(items, extractor=ex, progress=False))
    plain = list(extract_many(items, extractor=_replaying(), progress=False))
    assert [r.extraction.facts for r in rows if r.extraction] == [r.extraction.facts for r in plain if r.extraction]
    assert len(live) == sum(r.usage.calls for r in rows) - len(items)  # only the re-asks went out


def test_the_cli_exports_and_imports(tmp_path: Path) -> None:
    files = [str(p) for p in FILES]
    requests = tmp_path / "requests.jsonl"
    done = runner.invoke(
        app,
        ["batch", *files, "--out", str(tmp_path / "a"), "--replay", str(CASSETTES), "--export-requests", str(requests)],
    )
    assert done.exit_code == 0, done.output
    lines = requests.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(files)
    results = tmp_path / "results.jsonl"
    _results(lines, results)
    imported = runner.invoke(
        app,
        ["batch", *files, "--out", str(tmp_path / "b"), "--replay", str(CASSETTES), "--import-results", str(results)],
    )
    assert imported.exit_code == 0, imported.output
    plain = runner.invoke(app, ["batch", *files, "--out", str(tmp_path / "c"), "--replay", str(CASSETTES)])
    assert plain.exit_code == 0
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "b" / "facts.parquet"), pd.read_parquet(tmp_path / "c" / "facts.parquet")
    )


def test_results_that_match_no_input_are_named_not_dropped_silently(tmp_path: Path) -> None:
    files = [str(p) for p in FILES]
    requests = tmp_path / "requests.jsonl"
    runner.invoke(
        app,
        ["batch", *files, "--out", str(tmp_path / "a"), "--replay", str(CASSETTES), "--export-requests", str(requests)],
    )
    results = tmp_path / "results.jsonl"
    _results(requests.read_text(encoding="utf-8").splitlines(), results)
    imported = runner.invoke(
        app,
        ["batch", files[0], "--out", str(tmp_path / "b"), "--replay", str(CASSETTES), "--import-results", str(results)],
    )
    assert imported.exit_code == 0, imported.output
    assert f"{len(files) - 1} results in {results} match no input id and are not used" in imported.output
