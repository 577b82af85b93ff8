"""powx serve and models: the embedded model and the backend in use."""

from __future__ import annotations

import signal
from typing import Annotated

import typer

from powx_llm._errors import PowxError
from powx_llm.cli._app import (
    EXIT_ERROR,
    BaseUrlOpt,
    ModelOpt,
    ModeOpt,
    _ByteProgress,
    _fail,
    _out,
    app,
)
from powx_llm.llm import (
    DEFAULT_PORT,
    INSTALL_HINT,
    MODEL_ALIAS,
    EmbeddedServer,
    cache_dir,
    default_ctx,
    default_slots,
    default_threads,
    model_path,
    resolve_backend,
    runtime_available,
)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command("serve")
def serve_cmd(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = DEFAULT_PORT,
) -> None:
    """Run the embedded model's OpenAI-compatible server in the foreground (for other tools, recording)."""
    try:
        with _ByteProgress("assembling the model") as progress:
            path = model_path(progress=progress)
        server = EmbeddedServer(model=path, port=port).start()
    except PowxError as exc:
        raise _fail(exc) from None
    _out().print(
        f"serving {MODEL_ALIAS} at {server.base_url} with {server.n_threads} threads, a "
        f"{server.n_ctx}-token context and {server.n_slots} slots (Ctrl+C stops it); connect with --base-url "
        f"{server.base_url} --mode grammar"
    )
    # Stopped the usual ways (kill, a closed terminal), powx serve stops its model server too.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _interrupt)
    try:
        code = server.wait()
    except KeyboardInterrupt:
        server.stop()
        code = 0
    raise typer.Exit(0 if code in (0, -15) else EXIT_ERROR)


@app.command("models")
def models_cmd(
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
) -> None:
    """Show which backend and model would be used, and why."""
    try:
        backend = resolve_backend(base_url=base_url, model=model, mode=mode)
        _out().print(f"backend: {backend.describe()}")
    except PowxError as exc:
        _out().print(f"backend: none ({exc})")
    runtime = "installed" if runtime_available() else f"not installed ({INSTALL_HINT})"
    _out().print(f"embedded model: {MODEL_ALIAS}; runtime {runtime}; cache {cache_dir()}")
    try:
        _out().print(
            f"embedded server: {default_threads()} threads (POWX_THREADS), {default_ctx()}-token context "
            f"(POWX_CTX), {default_slots()} slots (POWX_SLOTS)"
        )
    except PowxError as exc:
        raise _fail(exc) from None
