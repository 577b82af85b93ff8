"""The one exception tree of powx_llm.

Every error a user can hit is a ``PowxError`` whose message is one line saying what went wrong
and what to do::

    PowxError
    ├── InputError            the article or a file given to us is unusable (empty, binary, too long,
    │   │                     invalid JSON, a schema error)
    │   └── FetchFailed       a page or feed could not be fetched (HTTP status, timeout, too large, not a page)
    ├── ConfigError           no usable backend, a missing runtime or weight package, a bad setting
    │   ├── ModelFileError    the embedded model's weights are missing or fail their hash check
    │   └── ReplayMiss        replaying recordings: no recorded response matches a request
    └── LLMError              the LLM call failed (``usage``: what the article spent before it failed)
        ├── BackendUnavailable    connection refused, DNS, the embedded server died or never started
        ├── LLMTimeout            no answer in time, or the article's deadline passed
        ├── RateLimited           HTTP 429 after the retries (``retry_after`` seconds, if told)
        ├── ServerError           HTTP 5xx after the retries, or another HTTP error status
        ├── OutputTruncated       the completion stopped at the token limit (finish_reason "length")
        └── ExtractionFailed      the model kept returning output that does not fit the schema
                                  (``raw`` holds the last raw output)

Foreign exceptions are wrapped (``raise ExtractionFailed(...) from exc``), never leaked.
"""

from __future__ import annotations

from powx_llm._usage import Usage

__all__ = [
    "BackendUnavailable",
    "ConfigError",
    "ExtractionFailed",
    "FetchFailed",
    "InputError",
    "LLMError",
    "LLMTimeout",
    "ModelFileError",
    "OutputTruncated",
    "PowxError",
    "RateLimited",
    "ReplayMiss",
    "ServerError",
]


class PowxError(Exception):
    """Base class of every error powx_llm raises on purpose."""


class InputError(PowxError, ValueError):
    """The input (article text, JSON file, option) cannot be used."""


class FetchFailed(InputError):
    """A page or feed at an address could not be fetched; the message names the address and the reason."""


class ConfigError(PowxError):
    """No usable backend, or a setting/installation problem."""


class ModelFileError(ConfigError):
    """The embedded model's weight file is missing, incomplete or corrupt."""


class ReplayMiss(ConfigError):
    """No recorded response matches a request (the prompt, model or article differ from the recording)."""


class LLMError(PowxError):
    """The call to the language model failed; ``usage`` holds what the article spent until then."""

    usage: Usage | None = None


class BackendUnavailable(LLMError):
    """The endpoint could not be reached (refused, unresolvable, server died)."""


class LLMTimeout(LLMError):
    """The endpoint did not answer in time."""


class RateLimited(LLMError):
    """The endpoint kept answering HTTP 429."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerError(LLMError):
    """The endpoint answered with an HTTP error status (5xx after retries, or another 4xx)."""


class OutputTruncated(LLMError):
    """The completion hit its token limit before the JSON was complete."""

    def __init__(self, message: str, *, raw: str | None = None) -> None:
        super().__init__(message)
        self.raw = raw


class ExtractionFailed(LLMError):
    """The model's output never fit the schema."""

    def __init__(self, message: str, *, raw: str | None = None) -> None:
        super().__init__(message)
        self.raw = raw
