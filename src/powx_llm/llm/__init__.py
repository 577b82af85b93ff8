"""Talking to the language model: the client (the only place that imports openai and instructor), choosing
a backend, the embedded model's server, and replaying recorded answers."""

from powx_llm.llm._backend import DEFAULT_MODELS, DEFAULT_MODES, Backend, BackendKind, Mode, redact, resolve_backend
from powx_llm.llm._client import LLM, SYSTEM_CLOCK, Answer, Clock
from powx_llm.llm._embedded import (
    DEFAULT_PORT,
    INSTALL_HINT,
    MODEL_ALIAS,
    MODEL_SHA256,
    MODEL_SIZE,
    EmbeddedServer,
    SharedServer,
    cache_dir,
    default_ctx,
    default_slots,
    default_threads,
    machine_server,
    model_path,
    registry_dir,
    runtime_available,
    shared_server,
)
from powx_llm.llm._replay import REPLAY_BASE_URL, Recordings, ReplayTransport, cassette_files, replay_client

__all__ = [
    "DEFAULT_MODELS",
    "DEFAULT_MODES",
    "DEFAULT_PORT",
    "INSTALL_HINT",
    "LLM",
    "MODEL_ALIAS",
    "MODEL_SHA256",
    "MODEL_SIZE",
    "REPLAY_BASE_URL",
    "SYSTEM_CLOCK",
    "Answer",
    "Backend",
    "BackendKind",
    "Clock",
    "EmbeddedServer",
    "Mode",
    "Recordings",
    "ReplayTransport",
    "SharedServer",
    "cache_dir",
    "cassette_files",
    "default_ctx",
    "default_slots",
    "default_threads",
    "machine_server",
    "model_path",
    "redact",
    "registry_dir",
    "replay_client",
    "resolve_backend",
    "runtime_available",
    "shared_server",
]
