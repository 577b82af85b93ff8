"""Run llama.cpp's own OpenAI-compatible server (the prebuilt xllamacpp wheel) for one GGUF, until killed.

Started by ``EmbeddedServer`` as a script (``python _xlserve.py ...``), not as a module of the package, so
that it imports nothing but xllamacpp and starts in a blink. Prints ``ready <address>`` once the model is
loaded; ``/health`` answers from the HTTP threads even while a completion runs, and a request whose client
has gone is cancelled by the server. SIGTERM ends the process at once (xllamacpp installs no handler).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys


def main(argv: list[str] | None = None) -> int:
    """Serve until killed; return 1 (with one line on stderr) if the server cannot start."""
    ap = argparse.ArgumentParser(prog="_xlserve")
    ap.add_argument("--model", required=True)
    ap.add_argument("--alias", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--ctx", type=int, required=True)
    ap.add_argument("--slots", type=int, default=1)
    ap.add_argument("--batch", type=int, default=2048)
    args = ap.parse_args(argv)

    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.model_alias = {args.alias}
    params.hostnames = ["127.0.0.1"]
    params.port = args.port
    params.n_ctx = args.ctx  # with a unified KV cache, shared by the slots: one article may use all of it
    params.kv_unified = True
    params.n_parallel = args.slots
    params.n_batch = args.batch
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.cache_prompt = True  # a request's longest common prefix with the slot's last one is not computed again
    params.cache_ram_mib = 0  # no host-memory cache of old prompts (up to 8 GiB by default): articles rarely repeat
    params.ctx_shift = False  # an article that does not fit is an error, never silently cut
    params.warmup = False
    params.fit_params = False  # the context is given: no probing of memory
    params.ui = False
    try:
        server = xllamacpp.Server(params)
    except (RuntimeError, ValueError) as exc:
        print(f"the embedded model server could not start: {exc}", file=sys.stderr, flush=True)
        return 1
    print(f"ready {server.listening_address}", flush=True)
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))  # leave at once: no teardown while a request runs
    while True:
        signal.pause()


if __name__ == "__main__":
    sys.exit(main())
