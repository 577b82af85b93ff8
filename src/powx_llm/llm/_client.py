"""The one module that talks to the LLM (openai + instructor); every foreign error is translated here."""

from __future__ import annotations

import email.utils
import functools
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx
import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception

from powx_llm._errors import (
    BackendUnavailable,
    ConfigError,
    ExtractionFailed,
    LLMError,
    LLMTimeout,
    OutputTruncated,
    PowxError,
    RateLimited,
    ServerError,
)
from powx_llm._usage import Usage
from powx_llm.llm._backend import Backend, BackendKind, Mode, redact

__all__ = ["LLM", "SYSTEM_CLOCK", "Answer", "Clock"]

# instructor logs each failed attempt at ERROR level; without a handler of the user's, Python would print
# those lines to stderr next to our one-line error. A NullHandler keeps them for users who configure logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())


class _Redacting(logging.Filter):
    """Take credentials out of a library's log lines (httpx logs every request's URL at INFO)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:  # a traceback quotes the request's URL too
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


for _name in ("httpx", "openai._base_client", "instructor.v2.retry"):
    logging.getLogger(_name).addFilter(_Redacting())

T = TypeVar("T", bound=BaseModel)

_MODES = {
    Mode.TOOLS: instructor.Mode.TOOLS,
    Mode.JSON: instructor.Mode.JSON,
    Mode.JSON_SCHEMA: instructor.Mode.JSON_SCHEMA,
    Mode.MD_JSON: instructor.Mode.MD_JSON,
    Mode.GRAMMAR: instructor.Mode.JSON_SCHEMA,  # sent as llama.cpp's grammar instead (``_as_grammar``)
}


@dataclass(frozen=True)
class Answer(Generic[T]):
    """A parsed answer, the raw text of its completion, and what it cost."""

    parsed: T
    raw: str
    usage: Usage = field(default_factory=Usage)


def _raw_text(completion: Any) -> str:
    try:
        message = completion.choices[0].message
        calls = getattr(message, "tool_calls", None) or []
        if calls:
            return str(calls[0].function.arguments)
        return str(message.content or "")
    except (AttributeError, IndexError, TypeError):
        return ""


class Clock(Protocol):
    """Where the LLM client reads the time and waits (``SYSTEM_CLOCK``; tests inject their own)."""

    def monotonic(self) -> float:
        """Return seconds on a clock that never goes back (deadlines)."""
        ...

    def time(self) -> float:
        """Return the wall-clock time (a ``Retry-After`` HTTP date is wall-clock time)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait *seconds*."""
        ...


class _SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


SYSTEM_CLOCK: Clock = _SystemClock()

# Our retry policy (the SDK's own is off): transport faults, 408, 409, 429 and 5xx are retried with
# backoff or after Retry-After, within the attempts and the article's deadline; no other status is.
_RETRIED_STATUS = frozenset({408, 409, 429})
_BACKOFF = (0.5, 8.0)  # first wait and the longest, in seconds (doubling)
# The transport errors of a connection that was made but broke mid-answer (httpx and httpx2 name them alike).
_BROKEN_OFF = frozenset({"RemoteProtocolError", "ReadError"})


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # refused, reset, cut short, timed out
        return not isinstance(exc.__cause__, PowxError)  # a replay miss is not a fault to retry
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _RETRIED_STATUS or exc.status_code >= 500
    return False


def _retry_after(exc: BaseException, *, now: float) -> float | None:
    """Return the wait a 429 or 503 asks for, from ``Retry-After`` in seconds or as an HTTP date."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    value = exc.response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _parses(arguments: str) -> bool:
    try:
        json.loads(arguments)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class _Seen:
    """One completion: its tokens (the prompt's, those the server took from its cache, the answer's) and text."""

    prompt: int
    cached: int
    completion: int
    raw: str


@dataclass
class _Call:
    """The state of one ``ask`` in one thread: its deadline and every completion it saw."""

    deadline: float | None
    seen: list[_Seen] = field(default_factory=list)
    not_a_completion: bool = False
    deadline_hit: bool = False


class _DeadlineStream(httpx.SyncByteStream):
    """A response body that stops with a timeout once the deadline passes (a server dripping bytes)."""

    def __init__(self, inner: Any, call: _Call, clock: Clock, request: httpx.Request) -> None:
        self._inner, self._call, self._clock, self._request = inner, call, clock, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if self._call.deadline is not None and self._clock.monotonic() > self._call.deadline:
                self._call.deadline_hit = True
                raise httpx.ReadTimeout("the article's deadline passed while reading the answer", request=self._request)
            yield chunk

    def close(self) -> None:
        close = getattr(self._inner, "close", None)
        if close is not None:
            close()


# llguidance's JSON options: no whitespace between tokens (a small model pretty-prints otherwise, spending
# half its answer's tokens on indentation).
_COMPACT = {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}


def _closed(schema: Any) -> Any:
    """Return *schema* with every object closed: no properties beyond its own (``additionalProperties: false``)
    and, where it names none, all of its properties required (null where the article does not say).

    A grammar holds the model to exactly what the schema allows; an open object lets a small model write keys
    of its own until it runs out of tokens. Objects that already say both are returned unchanged."""
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    closed = {key: _closed(value) for key, value in schema.items()}
    if isinstance(closed.get("properties"), dict):
        closed.setdefault("additionalProperties", False)
        closed.setdefault("required", list(closed["properties"]))
    return closed


def _as_grammar(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Return request *kwargs* asking for the JSON schema as an llguidance grammar (llama.cpp's ``grammar``)
    instead of a ``response_format``, so that its options hold: compact JSON, in the schema's order, every
    object closed (``_closed``)."""
    response_format = kwargs.get("response_format") or {}
    schema = (response_format.get("json_schema") or {}).get("schema")
    if schema is None:
        return kwargs
    rest = {k: v for k, v in kwargs.items() if k != "response_format"}
    closed = {**_closed(schema), "x-guidance": _COMPACT}
    grammar = "%llguidance {}\nstart: %json " + json.dumps(closed, ensure_ascii=False)
    return {**rest, "extra_body": {**(rest.get("extra_body") or {}), "grammar": grammar}}


@functools.cache
def _wrapped(response_model: type[BaseModel]) -> type[BaseModel]:
    """Return instructor's schema class for *response_model*, built once per model, not once per request.

    instructor wraps a plain model in a new class on every call, so its schema cache never hits: about
    3 ms of CPU per request, which threads share under the GIL. The request sent is the same.
    """
    return cast(type[BaseModel], instructor.openai_schema(response_model))


class LLM:
    """Structured completions from one backend, with one clear error per failure.

    Every ``ask`` runs within its *deadline* (attempts, waits and reading the answer included); transport
    faults are retried by our policy (``http_retries`` more attempts, ``Retry-After`` honoured), never a
    4xx other than 408, 409 and 429. Safe to share between threads: each call keeps its own state.
    """

    def __init__(
        self,
        backend: Backend,
        *,
        client: openai.OpenAI | None = None,
        http_client: httpx.Client | None = None,
        timeout: float = 600.0,
        http_retries: int = 2,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.backend = backend
        self.timeout, self.http_retries, self.clock = timeout, http_retries, clock
        self._local = threading.local()
        if client is None:
            # Credentials in the base URL travel as Basic auth and query parameters, never inside the URL that
            # the SDK extends with "/chat/completions" and that httpx logs.
            url = httpx.URL(backend.base_url) if backend.base_url else None
            auth = httpx.BasicAuth(url.username, url.password) if url is not None and url.username else None
            # openai 3 is built on httpx2 but accepts an httpx.Client too (ours carry replay/mock transports).
            http_client = http_client or httpx.Client(timeout=timeout)
            if auth is not None:
                http_client.auth = auth
            hooks = http_client.event_hooks
            http_client.event_hooks = {**hooks, "response": [*hooks.get("response", []), self._bound_body]}
            client = openai.OpenAI(
                base_url=str(url.copy_with(username=None, password=None, query=None)) if url is not None else None,
                api_key=backend.api_key or "not-needed",
                timeout=timeout,
                max_retries=0,  # ours, below
                http_client=cast(Any, http_client),
                default_query=dict(url.params) if url is not None and url.params else None,
            )
        else:
            client = client.with_options(max_retries=0)
        self._openai = client
        mode = _MODES[backend.mode]
        self._client = instructor.Instructor(
            client=client, create=instructor.patch(create=self._create, mode=mode), mode=mode
        )

    @property
    def where(self) -> str:
        """Return the endpoint in words, for error messages."""
        return self._redact(self.backend.base_url) if self.backend.base_url else "the OpenAI API"

    def _redact(self, text: str) -> str:
        return redact(text, secrets=self.backend.secrets)

    def _short(self, message: str, limit: int = 160) -> str:
        """Return *message* on one line, without credentials, at most *limit* characters."""
        line = self._redact(" ".join(str(message).split()))
        return line if len(line) <= limit else line[: limit - 1] + "…"

    def ask(
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        max_tokens: int,
        validation_retries: int = 1,
        deadline: float | None = None,
    ) -> Answer[T]:
        """Return *response_model* filled by the model; raise an LLMError subclass on any failure.

        *deadline* is a time on ``clock.monotonic()`` by which the answer must be complete.
        """
        call = self._local.call = _Call(deadline)
        started = self.clock.monotonic()
        try:
            parsed = self._client.chat.completions.create(
                model=self.backend.model,
                response_model=_wrapped(response_model),
                messages=messages,  # type: ignore[arg-type]
                max_retries=validation_retries,
                temperature=0,
                max_tokens=max_tokens,
            )
        except Exception as exc:
            error = self._translate(exc, call)
            if isinstance(error, LLMError):
                error.usage = self._usage(call, started)
            raise error from exc
        return Answer(
            parsed=response_model.model_construct(**dict(parsed)),
            raw=call.seen[-1].raw if call.seen else "",
            usage=self._usage(call, started),
        )

    def _usage(self, call: _Call, started: float) -> Usage:
        return Usage(
            prompt_tokens=sum(s.prompt for s in call.seen),
            cached_tokens=sum(s.cached for s in call.seen),
            completion_tokens=sum(s.completion for s in call.seen),
            calls=len(call.seen),
            seconds=self.clock.monotonic() - started,
        )

    def _remaining(self, call: _Call) -> float | None:
        return None if call.deadline is None else call.deadline - self.clock.monotonic()

    def _create(self, **kwargs: Any) -> Any:
        """Send one completion request with our retry policy; see every completion that arrives."""
        call: _Call = self._local.call

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            told = _retry_after(exc, now=self.clock.time()) if exc is not None else None
            return told if told is not None else min(_BACKOFF[1], _BACKOFF[0] * 2 ** (state.attempt_number - 1))

        def stop(state: RetryCallState) -> bool:
            remaining = self._remaining(call)
            return state.attempt_number > self.http_retries or (
                remaining is not None and (state.upcoming_sleep or 0.0) >= remaining
            )

        if self.backend.mode is Mode.GRAMMAR:
            kwargs = _as_grammar(kwargs)

        def send() -> Any:
            remaining = self._remaining(call)
            if remaining is not None and remaining <= 0:
                raise self._past_deadline()
            timeout = self.timeout if remaining is None else max(0.01, min(self.timeout, remaining))
            try:
                return self._openai.chat.completions.create(**kwargs, timeout=timeout)
            except openai.APIStatusError as exc:  # a server may echo the key: keep it out of logs and messages
                raise type(exc)(self._redact(exc.message), response=exc.response, body=None) from None
            except json.JSONDecodeError as exc:  # answered, but its body is not JSON: a call made, no completion
                call.seen.append(_Seen(0, 0, 0, exc.doc[:200] if isinstance(exc.doc, str) else ""))
                call.not_a_completion = True
                raise

        completion = Retrying(
            stop=stop, wait=wait, retry=retry_if_exception(_transient), sleep=self.clock.sleep, reraise=True
        )(send)
        self._see(call, completion, max_tokens=kwargs.get("max_tokens"))
        return completion

    def _see(self, call: _Call, completion: Any, *, max_tokens: int | None) -> None:
        choices = getattr(completion, "choices", None)
        call.not_a_completion = not choices  # a portal page, an empty answer
        u = getattr(completion, "usage", None)
        tokens = int(getattr(u, "completion_tokens", 0) or 0)
        raw = _raw_text(completion)
        details = getattr(u, "prompt_tokens_details", None)  # llama.cpp, vLLM and OpenAI say what they reused
        cached = int(getattr(details, "cached_tokens", 0) or 0)
        call.seen.append(_Seen(int(getattr(u, "prompt_tokens", 0) or 0), cached, tokens, raw))
        # llama.cpp reports "tool_calls" even when the answer stopped at max_tokens: a cut-off answer is one
        # that used every token it could and does not parse. Say so now, rather than re-asking in vain.
        if choices and max_tokens and tokens >= max_tokens and not _parses(raw):
            raise IncompleteOutputException(last_completion=completion)

    def _bound_body(self, response: httpx.Response) -> None:
        """Make reading the body of *response* stop at the current call's deadline (an httpx response hook)."""
        call: _Call | None = getattr(self._local, "call", None)
        if call is not None and call.deadline is not None:
            response.stream = _DeadlineStream(response.stream, call, self.clock, response.request)

    def _past_deadline(self) -> LLMTimeout:
        return LLMTimeout(
            f"{self.where} did not finish answering within the article's deadline; "
            "raise the deadline (--deadline, Options.deadline) or check the server"
        )

    def _translate(self, exc: BaseException, call: _Call) -> LLMError | ConfigError:
        cause: BaseException = exc
        while isinstance(cause, InstructorRetryException) and cause.__cause__ is not None:
            if not isinstance(cause.__cause__, openai.OpenAIError | PowxError):
                break
            cause = cause.__cause__
        raw = call.seen[-1].raw if call.seen else None
        if call.not_a_completion and not isinstance(cause, openai.APIStatusError):
            return ServerError(
                f"{self.where} answered with something that is not a chat completion "
                f"({self._short(raw or 'no choices')}); check the base URL"
            )
        remaining = self._remaining(call)
        match cause:
            case PowxError():
                return cause  # type: ignore[return-value]
            case openai.APITimeoutError() if call.deadline_hit or (remaining is not None and remaining <= 0):
                return self._past_deadline()
            case openai.APITimeoutError():
                return LLMTimeout(f"{self.where} did not answer in time; retry, or raise the timeout")
            case openai.APIConnectionError() if isinstance(cause.__cause__, ConfigError):
                return cause.__cause__  # e.g. a replayed request that was never recorded
            case openai.APIConnectionError() if type(cause.__cause__).__name__ in _BROKEN_OFF:
                said = self._short(str(cause.__cause__))
                return BackendUnavailable(f"{self.where} broke off its answer ({said}); retry, or check the server")
            case openai.APIConnectionError():
                return BackendUnavailable(
                    f"cannot reach {self.where}: is the server running? ({self._short(str(cause))})"
                )
            case openai.RateLimitError():
                wait = _retry_after(cause, now=self.clock.time())
                hint = f"; it asks to wait {wait:.0f} s" if wait else "; wait and retry"
                return RateLimited(f"{self.where} is rate-limiting requests (HTTP 429){hint}", retry_after=wait)
            case openai.AuthenticationError() | openai.PermissionDeniedError():
                variable = "OPENAI_API_KEY" if self.backend.kind is BackendKind.OPENAI else "POWX_API_KEY"
                return ConfigError(f"{self.where} rejected the API key ({cause.status_code}); check {variable}")
            case openai.NotFoundError():
                return ConfigError(
                    f"{self.where} answered HTTP 404 ({self._short(cause.message)}): it may have no model "
                    f"{self.backend.model!r} (set --model or POWX_MODEL), or the base URL is wrong"
                )
            case openai.APIStatusError():
                return ServerError(f"{self.where} answered HTTP {cause.status_code}: {self._short(cause.message)}")
            case IncompleteOutputException():
                return OutputTruncated("the model's answer was cut off at its token limit; raise max_tokens", raw=raw)
            case openai.OpenAIError():
                return BackendUnavailable(f"{self.where}: {self._short(str(cause))}")
        return ExtractionFailed(
            f"the model returned output that does not fit the schema after retries: {self._short(str(cause))}",
            raw=raw,
        )
