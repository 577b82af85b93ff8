"""Transport faults at the LLM boundary, with hand-written responses (httpx.MockTransport).

HAND-WRITTEN RESPONSES: every response in this module is written by hand to simulate a transport
fault (429, 500, timeout, refused connection, malformed or truncated JSON). None is a real model output.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable

import httpx
import pytest

from powx_llm import (
    BackendUnavailable,
    ConfigError,
    ExtractionFailed,
    InputError,
    LLMTimeout,
    OutputTruncated,
    RateLimited,
    ServerError,
)
from powx_llm.extract import Extractor, Options, Sides, Strategy, extract_exchange
from tests.fake_server import completion
from tests.helpers import SEED_TEXT

URL = "http://127.0.0.1:8765/v1"
SIDES_OK = {
    "kind": "prisoner_exchange",
    "mediators": ["United Arab Emirates"],
    "sides": [
        {
            "received_by": "Ukraine",
            "released_by": "Russia",
            "people": 75,
            "people_words": "another 75 of our people have returned to Ukraine",
        }
    ],
}


def _completion(arguments: str, *, finish_reason: str = "tool_calls") -> dict[str, object]:
    return completion(arguments, prompt_tokens=100, completion_tokens=10, finish_reason=finish_reason)


def _extractor(handler: Callable[[httpx.Request], httpx.Response]) -> Extractor:
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return Extractor.connect(base_url=URL, http_client=client, http_retries=1)


def test_a_good_answer_is_grounded_and_checked() -> None:
    ex = _extractor(lambda r: httpx.Response(200, json=_completion(json.dumps(SIDES_OK))))
    result = ex.extract(SEED_TEXT.read_text(encoding="utf-8"))
    assert result.facts["ukraine.people"] == 75
    assert result.facts["mediators"] == ["united arab emirates"]
    assert result.llm_calls == 1
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (100, 10)


def test_rate_limit_honours_retry_after_then_says_so() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, headers={"retry-after": "0"}, json={"error": {"message": "slow down"}})

    with pytest.raises(RateLimited, match="HTTP 429") as info:
        _extractor(handler).extract("75 people returned")
    assert len(calls) == 2  # the first try and one retry after Retry-After
    assert info.value.retry_after == 0


def test_server_error_after_retries() -> None:
    with pytest.raises(ServerError, match="HTTP 500"):
        _extractor(lambda r: httpx.Response(500, json={"error": {"message": "boom"}})).extract("75 returned")


def test_timeout_is_one_clear_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(LLMTimeout, match="did not answer in time"):
        _extractor(handler).extract("75 returned")


def test_malformed_json_is_extraction_failed_with_the_raw_output() -> None:
    ex = _extractor(lambda r: httpx.Response(200, json=_completion('{"kind": "prisoner_exch')))
    with pytest.raises(ExtractionFailed, match="does not fit the schema") as info:
        ex.extract("75 returned")
    assert info.value.raw == '{"kind": "prisoner_exch'


def test_junk_that_is_not_the_schema_is_extraction_failed() -> None:
    ex = _extractor(lambda r: httpx.Response(200, json=_completion('{"answer": 42}')))
    with pytest.raises(ExtractionFailed):
        ex.extract("75 returned")


def test_truncated_output_says_so() -> None:
    ex = _extractor(lambda r: httpx.Response(200, json=_completion('{"kind": "pri', finish_reason="length")))
    with pytest.raises(OutputTruncated, match="cut off"):
        ex.extract("75 returned")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused_is_backend_unavailable() -> None:
    ex = Extractor.connect(base_url=f"http://127.0.0.1:{_closed_port()}/v1", http_retries=0)
    with pytest.raises(BackendUnavailable, match="cannot reach"):
        ex.extract("75 returned")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        (b"\x00\x01\x02\xff\xfe", "binary"),
        (42, "must be text"),
        ("\x00\x01\x02\x03\x04 75 returned", "binary"),
        ("\x00\x01\x02binary", "binary"),
        ("x" * 20_001, "over the limit"),
        ("Ukraine got 75 \udc80 prisoners back from Russia.", "UTF-8"),
    ],
)
def test_unusable_input_is_rejected_before_any_call(text: object, message: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no LLM call may be made for unusable input")

    with pytest.raises(InputError, match=message):
        extract_exchange(text, extractor=_extractor(handler))
    with pytest.raises(InputError, match=message):
        extract_exchange(text)  # rejected before any backend is even chosen


def test_no_backend_says_what_to_install_or_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("powx_llm.llm._backend.runtime_available", lambda: False)
    with pytest.raises(ConfigError, match=r"OPENAI_API_KEY.*--base-url.*install"):
        extract_exchange("75 people returned")


def test_a_404_keeps_the_servers_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": {"message": "route /v1/chat/completions is not served here"}})

    with pytest.raises(ConfigError, match="is not served here"):
        _extractor(handler).extract("75 returned")


@pytest.mark.parametrize(
    "body",
    [
        "<html><body>Please log in to the hotel Wi-Fi</body></html>",
        json.dumps({"id": "x", "object": "chat.completion", "choices": [], "usage": None}),
    ],
    ids=["captive-portal", "no-choices"],
)
def test_an_answer_that_is_not_a_completion_blames_the_server(body: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=body, headers={"content-type": "text/html"})

    with pytest.raises(ServerError, match="not a chat completion"):
        _extractor(handler).extract("75 returned")


def test_grammar_mode_sends_the_schema_as_a_compact_llguidance_grammar_and_reads_content() -> None:
    """The embedded backend's mode: no tools and no response_format, the schema as llama.cpp's grammar (compact
    JSON, every field of a side said), the answer read from the message's content; cached tokens are counted."""
    sent: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        answer = json.dumps(SIDES_OK, separators=(",", ":"))
        body = completion(answer, prompt_tokens=100, completion_tokens=10, finish_reason="stop", cached_tokens=60)
        return httpx.Response(200, json=body)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    ex = Extractor.connect(base_url=URL, mode="grammar", http_client=client, http_retries=0)
    result = ex.extract(SEED_TEXT.read_text(encoding="utf-8"))
    assert result.facts["ukraine.people"] == 75
    assert (result.usage.prompt_tokens, result.usage.cached_tokens) == (100, 60)
    (body,) = sent
    assert "tools" not in body
    assert "response_format" not in body
    grammar = str(body["grammar"])
    assert grammar.startswith("%llguidance {}\nstart: %json {")
    schema = json.loads(grammar.split("%json ", 1)[1])
    assert schema["x-guidance"] == {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}
    assert schema["required"] == ["kind", "sides", "mediators"]
    assert schema["properties"]["sides"]["maxItems"] == 6


def test_grammar_mode_closes_every_object_of_a_schema() -> None:
    """The baseline's flat schema has open objects and optional fields; a grammar built from it as it is lets a
    small model write keys of its own until the token limit. Every object of the grammar is closed (no other
    keys) and says every field; an object that states its own required fields keeps them (a side's bodies)."""
    sent: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        answer = json.dumps({"total_returned": 75, "units": [{"unit": "navy", "count": 13}]})
        return httpx.Response(200, json=completion(answer, finish_reason="stop"))

    client = httpx.Client(transport=httpx.MockTransport(handler))
    options = Options(strategy=Strategy.BASELINE)
    ex = Extractor.connect(base_url=URL, mode="grammar", http_client=client, http_retries=0, options=options)
    ex.extract(SEED_TEXT.read_text(encoding="utf-8"))
    schema = json.loads(str(sent[0]["grammar"]).split("%json ", 1)[1])
    assert schema["additionalProperties"] is False
    assert schema["required"] == list(schema["properties"])
    unit = schema["$defs"]["UnitCount"]
    assert unit["additionalProperties"] is False
    assert unit["required"] == ["unit", "count"]
    side = Sides.model_json_schema()["$defs"]["Side"]
    assert "bodies" not in side["required"]  # the cued schema says what it requires; it is left as it is


def test_a_body_that_is_not_json_is_the_servers_fault_and_every_request_counts() -> None:
    """A 200 whose JSON body does not parse (issue 25, low: it was "output that does not fit the schema" with
    0 LLM calls for 2 requests): a ServerError, and each answered request is one call."""
    sent: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(1)
        return httpx.Response(200, content=b"{not json at all", headers={"content-type": "application/json"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    ex = Extractor.connect(base_url=URL, http_client=client, http_retries=1)
    with pytest.raises(ServerError, match="not a chat completion") as caught:
        ex.extract("Ukraine brought home 75 people from Russia on Friday.")
    assert caught.value.usage is not None
    assert caught.value.usage.calls == len(sent) >= 1
