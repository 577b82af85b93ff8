"""The ``powx`` command line: a thin layer over the public API.

Output for programs is JSON Lines: one object per input, each with ``schema_version``, the input's
name, its ``status`` (``ok``, ``mismatch`` or ``error``) and the one-line ``error`` (docs/cli.md).
"""

from powx_llm.cli import _corpus, _extract, _model  # noqa: F401  (each registers its commands on the app)
from powx_llm.cli._app import app, main

__all__ = ["app", "main"]
