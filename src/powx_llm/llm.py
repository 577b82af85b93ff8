"""The one module that talks to the LLM (openai + instructor); every foreign error is translated here."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

import httpx
import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel

from powx_llm._errors import (
    BackendUnavailable,
    ConfigError,
    ExtractionFailed,
    LLMError,
    LLMTimeout,
    OutputTruncated,
    RateLimited,
    ServerError,
)
from powx_llm.backend import Backend, BackendKind, Mode, redact

__all__ = ["LLM", "Answer", "Usage"]

# instructor logs each failed attempt at ERROR level; without a handler of the user's, Python would print
# those lines to stderr next to our one-line error. A NullHandler keeps them for users who configure logging.
logging.getLogger("instructor").addHandler(logging.NullHandler())

T = TypeVar("T", bound=BaseModel)

_MODES = {
    Mode.TOOLS: instructor.Mode.TOOLS,
    Mode.JSON: instructor.Mode.JSON,
    Mode.JSON_SCHEMA: instructor.Mode.JSON_SCHEMA,
    Mode.MD_JSON: instructor.Mode.MD_JSON,
}


@dataclass
class Usage:
    """Tokens spent, summed over every completion (failed attempts included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    seconds: float = 0.0  # wall time spent waiting for the LLM

    @property
    def total_tokens(self) -> int:
        """Return prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    def add(self, other: Usage) -> None:
        """Add *other*'s counts to these."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.seconds += other.seconds


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


def _retry_after(exc: openai.APIStatusError) -> float | None:
    value = exc.response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class LLM:
    """Structured completions from one backend, with one clear error per failure."""

    def __init__(
        self,
        backend: Backend,
        *,
        client: openai.OpenAI | None = None,
        http_client: httpx.Client | None = None,
        timeout: float = 600.0,
        http_retries: int = 2,
    ) -> None:
        self.backend = backend
        if client is None:
            client = openai.OpenAI(
                base_url=backend.base_url,
                api_key=backend.api_key or "not-needed",
                timeout=timeout,
                # openai 3 is built on httpx2 but accepts an httpx.Client too (ours carry replay/mock transports).
                max_retries=http_retries,
                http_client=cast(Any, http_client),
            )
        self._client = instructor.from_openai(client, mode=_MODES[backend.mode])
        # (prompt tokens, completion tokens, raw text) of every completion, copied when it arrives:
        # instructor later overwrites a response's usage with its running total.
        self._seen: list[tuple[int, int, str]] = []
        self._not_a_completion = False
        self._client.on("completion:response", self._record)

    def _record(self, completion: Any) -> None:
        self._not_a_completion = not getattr(completion, "choices", None)  # a portal page, an empty answer
        u = getattr(completion, "usage", None)
        self._seen.append(
            (
                int(getattr(u, "prompt_tokens", 0) or 0),
                int(getattr(u, "completion_tokens", 0) or 0),
                _raw_text(completion),
            )
        )

    @property
    def where(self) -> str:
        """Return the endpoint in words, for error messages."""
        return redact(self.backend.base_url) if self.backend.base_url else "the OpenAI API"

    def ask(
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        max_tokens: int,
        validation_retries: int = 1,
    ) -> Answer[T]:
        """Return *response_model* filled by the model; raise an LLMError subclass on any failure."""
        self._seen.clear()
        self._not_a_completion = False
        started = time.perf_counter()
        try:
            parsed = self._client.chat.completions.create(
                model=self.backend.model,
                response_model=response_model,
                messages=messages,  # type: ignore[arg-type]
                max_retries=validation_retries,
                temperature=0,
                max_tokens=max_tokens,
            )
        except Exception as exc:
            raise self._translate(exc) from exc
        usage = self.usage()
        usage.seconds = time.perf_counter() - started
        return Answer(parsed=parsed, raw=self._last_raw(), usage=usage)

    def usage(self) -> Usage:
        """Return the tokens of every completion seen by the last ``ask`` (failed attempts too)."""
        return Usage(
            prompt_tokens=sum(p for p, _, _ in self._seen),
            completion_tokens=sum(c for _, c, _ in self._seen),
            calls=len(self._seen),
        )

    def _last_raw(self) -> str:
        return self._seen[-1][2] if self._seen else ""

    def _translate(self, exc: BaseException) -> LLMError | ConfigError:
        cause: BaseException = exc
        while isinstance(cause, InstructorRetryException) and cause.__cause__ is not None:
            if not isinstance(cause.__cause__, openai.OpenAIError):
                break
            cause = cause.__cause__
        raw = self._last_raw() or None
        if self._not_a_completion and not isinstance(cause, openai.APIStatusError):
            return ServerError(
                f"{self.where} answered with something that is not a chat completion "
                f"({_short(raw or 'no choices')}); check the base URL"
            )
        match cause:
            case openai.APITimeoutError():
                return LLMTimeout(f"{self.where} did not answer in time; retry, or raise the timeout")
            case openai.APIConnectionError() if isinstance(cause.__cause__, ConfigError):
                return cause.__cause__  # e.g. a replayed request that was never recorded
            case openai.APIConnectionError():
                return BackendUnavailable(f"cannot reach {self.where}: is the server running? ({cause})")
            case openai.RateLimitError():
                wait = _retry_after(cause)
                hint = f"; wait {wait:.0f} s" if wait else "; wait and retry"
                return RateLimited(f"{self.where} is rate-limiting requests (HTTP 429){hint}", retry_after=wait)
            case openai.AuthenticationError() | openai.PermissionDeniedError():
                variable = "OPENAI_API_KEY" if self.backend.kind is BackendKind.OPENAI else "POWX_API_KEY"
                return ConfigError(f"{self.where} rejected the API key ({cause.status_code}); check {variable}")
            case openai.NotFoundError():
                return ConfigError(
                    f"{self.where} answered HTTP 404 ({_short(cause.message)}): it may have no model "
                    f"{self.backend.model!r} (set --model or POWX_MODEL), or the base URL is wrong"
                )
            case openai.APIStatusError():
                return ServerError(f"{self.where} answered HTTP {cause.status_code}: {_short(cause.message)}")
            case IncompleteOutputException():
                return OutputTruncated("the model's answer was cut off at its token limit; raise max_tokens", raw=raw)
            case openai.OpenAIError():
                return BackendUnavailable(f"{self.where}: {_short(str(cause))}")
        return ExtractionFailed(
            f"the model returned output that does not fit the schema after retries: {_short(str(cause))}",
            raw=raw,
        )


def _short(message: str, limit: int = 160) -> str:
    line = redact(" ".join(str(message).split()))  # a server may echo the key it was sent
    return line if len(line) <= limit else line[: limit - 1] + "…"
