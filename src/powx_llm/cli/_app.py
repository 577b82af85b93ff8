"""The ``powx`` command line's common parts: the app, its options and formats, one-line errors, connecting."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, TaskID

from powx_llm._errors import InputError, PowxError
from powx_llm._version import __version__
from powx_llm.extract import Extractor, Options, Strategy
from powx_llm.llm import BackendKind, model_path, resolve_backend

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn prisoner-exchange reports into checked, structured data.",
)


def _out() -> Console:
    """Return a console on standard output, made now: it sees the terminal (and COLUMNS) of this moment."""
    return Console()


def _err() -> Console:
    """Return a console on standard error, made now."""
    return Console(stderr=True)


EXIT_OK, EXIT_MISMATCH, EXIT_ERROR = 0, 1, 2


class Format(StrEnum):
    """Every output format of the command line; each command accepts the ones it lists."""

    TABLE = "table"  # rich tables for people
    JSONL = "jsonl"  # one JSON object per input, for programs
    FACTS = "facts"  # JSON Lines with the flat facts only
    HTML = "html"  # one self-contained page showing every figure in its words


class Breakdown(StrEnum):
    """How ``powx eval --by`` breaks the scores down."""

    LANGUAGE = "language"


EXTRACT_FORMATS = (Format.TABLE, Format.JSONL, Format.FACTS, Format.HTML)
CHECK_FORMATS = (Format.TABLE, Format.JSONL)


def _version(value: bool) -> None:
    if value:
        print(f"powx {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn prisoner-exchange reports into checked, structured data."""


ModelOpt = Annotated[str | None, typer.Option("--model", help="Model name (default per backend; POWX_MODEL).")]
BaseUrlOpt = Annotated[str | None, typer.Option("--base-url", help="An OpenAI-compatible endpoint (POWX_BASE_URL).")]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="instructor mode: tools, json, json_schema, grammar (llama.cpp), md_json.")
]
ReplayOpt = Annotated[
    Path | None,
    typer.Option(
        "--replay", metavar="PATH", help="Answer from recorded cassettes: a folder of *.yaml or one file (offline)."
    ),
]
StrategyOpt = Annotated[Strategy, typer.Option("--strategy", help="cued (default) or baseline.")]
DeadlineOpt = Annotated[
    float | None,
    typer.Option(
        "--deadline",
        metavar="SECONDS",
        min=0.001,
        help="Seconds each article may take, every call, retry and wait included (default 300).",
    ),
]


def _fail(exc: PowxError) -> typer.Exit:
    _err().print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_ERROR)


def _emit(obj: dict[str, Any]) -> None:
    """Print one JSON object on one line, plainly (no colour, no wrapping)."""
    print(json.dumps(obj, ensure_ascii=False, default=str), flush=True)


def _check_format(fmt: Format, allowed: tuple[Format, ...], command: str) -> None:
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise _fail(InputError(f"powx {command} has no --format {fmt.value}; use one of: {names}"))


def _connect(
    *,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    replay: Path | None,
    strategy: Strategy = Strategy.CUED,
    deadline: float | None = None,
) -> Extractor:
    options = Options(strategy=strategy) if deadline is None else Options(strategy=strategy, deadline=deadline)
    if replay is not None:
        return Extractor.connect(base_url=base_url, model=model, mode=mode, replay=replay, options=options)
    _prepare_embedded(base_url=base_url, model=model, mode=mode)
    return Extractor.connect(base_url=base_url, model=model, mode=mode, options=options)


def _prepare_embedded(*, base_url: str | None, model: str | None, mode: str | None) -> None:
    """Assemble the embedded model with a progress bar, if that is the backend about to be used."""
    if resolve_backend(base_url=base_url, model=model, mode=mode).kind is BackendKind.EMBEDDED:
        with _ByteProgress("assembling the embedded model (first use only)") as progress:
            model_path(progress=progress)


class _ByteProgress:
    """A rich progress bar for the one-time model assembly."""

    def __init__(self, description: str) -> None:
        self._progress = Progress(console=_err(), transient=True)
        self._description = description
        self._task: TaskID | None = None

    def __enter__(self) -> _ByteProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def __call__(self, done: int, total: int) -> None:
        if self._task is None:
            self._task = self._progress.add_task(self._description, total=total)
        self._progress.update(self._task, completed=done)


def main() -> None:
    """Run the ``powx`` command: a usage error is one line on stderr and exit code 2."""
    try:
        code = app(prog_name="powx", standalone_mode=False)
    except typer.TyperException as exc:  # typer's own click: usage errors, bad or missing parameters
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help())
            raise SystemExit(EXIT_ERROR) from None
        where = f"{ctx.command_path} --help" if ctx is not None else "powx --help"
        print(f"error: {exc.format_message()} (see {where})", file=sys.stderr)
        raise SystemExit(EXIT_ERROR) from None
    except typer.Abort:
        raise SystemExit(130) from None
    raise SystemExit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
