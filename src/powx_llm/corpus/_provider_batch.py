"""Provider batch APIs (the OpenAI Batch JSONL format, also read by vLLM's ``run-batch``).

``export_requests`` writes each article's first request, byte for byte what the synchronous path
sends; the provider answers them in bulk, for less; ``answering_client`` then serves those answers to
the synchronous path in place of the first call, so re-asks (which the provider's batch cannot make)
go to the live endpoint, and every later step (grounding, checks, tables) is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from powx_llm._errors import ConfigError, InputError
from powx_llm._files import read_text_file
from powx_llm.corpus._rows import ArticleInput
from powx_llm.extract import Extractor
from powx_llm.llm import LLM
from powx_llm.read import read_article

__all__ = ["answering_client", "export_requests", "read_results"]

_PATH = "/v1/chat/completions"


class _Captured(ConfigError):
    """The request was captured, not sent (never shown to a user)."""

    def __init__(self, body: bytes) -> None:
        super().__init__("captured")
        self.body = body


def _capture(request: httpx.Request) -> httpx.Response:
    raise _Captured(request.content)


def first_request(item: ArticleInput, extractor: Extractor) -> bytes | None:
    """Return the JSON body of *item*'s first completion request, or None if the article is unusable."""
    capturing = replace(
        extractor,
        llm=LLM(extractor.backend, http_client=httpx.Client(transport=httpx.MockTransport(_capture)), http_retries=0),
        _server=None,
    )
    options = extractor.options
    try:
        article = read_article(item.text, published=item.published, max_chars=options.max_chars, html=options.html)
        capturing.extract_article(article)
    except _Captured as captured:
        return captured.body
    except InputError:
        return None
    raise ConfigError("the extractor made no request to capture")  # pragma: no cover - every strategy asks


def export_requests(items: Iterable[ArticleInput], extractor: Extractor) -> Iterator[tuple[str, str | None]]:
    """Yield (id, line) per article: the first request as one OpenAI Batch JSONL line (None if unusable).

    The line's ``body`` is the request's own bytes, so it is byte-identical to the synchronous request.
    """
    for item in items:
        body = first_request(item, extractor)
        if body is None:
            yield item.id, None
            continue
        head = json.dumps({"custom_id": item.id, "method": "POST", "url": _PATH}, ensure_ascii=False)
        yield item.id, head[:-1] + ', "body": ' + body.decode("utf-8") + "}"


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """Return the provider's completions by custom_id from a Batch output JSONL file (errors left out)."""
    out: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path} line {number} is not valid JSON") from exc
        response = record.get("response") if isinstance(record, dict) else None
        if not isinstance(response, dict) or response.get("status_code") != 200:
            continue  # a failed request: the synchronous path asks it again
        body = response.get("body")
        if isinstance(body, dict) and isinstance(record.get("custom_id"), str):
            out[record["custom_id"]] = body
    return out


class _Answering(httpx.BaseTransport):
    """Answer the first requests from the provider's results; send any other request on."""

    def __init__(self, answers: dict[bytes, dict[str, Any]], inner: httpx.BaseTransport) -> None:
        self.answers, self.inner = answers, inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        answer = self.answers.get(request.content)
        if answer is not None:
            return httpx.Response(200, json=answer, request=request)
        return self.inner.handle_request(request)


def answering_client(
    items: Iterable[ArticleInput],
    extractor: Extractor,
    results: dict[str, dict[str, Any]],
    *,
    inner: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """Return an HTTP client that answers each article's first request from *results* (by custom_id),
    and sends every other request through *inner* (the network by default)."""
    answers: dict[bytes, dict[str, Any]] = {}
    for item in items:
        if item.id in results and (body := first_request(item, extractor)) is not None:
            answers[body] = results[item.id]
    return httpx.Client(transport=_Answering(answers, inner or httpx.HTTPTransport()), timeout=extractor.llm.timeout)
