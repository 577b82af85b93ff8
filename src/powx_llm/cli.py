"""The ``powx`` command line: a thin layer over the public API.

Output for programs is JSON Lines: one object per input, each with ``schema_version``, the input's
name, its ``status`` (``ok``, ``mismatch`` or ``error``) and the one-line ``error`` (docs/cli.md).
"""

from __future__ import annotations

import json
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, TaskID

from powx_llm._errors import ConfigError, InputError, LLMError, PowxError
from powx_llm._usage import Usage
from powx_llm._version import __version__
from powx_llm.check import check
from powx_llm.corpus import ArticleInput, BatchRow, TableFormat, decode_text, load_exchange_file, read_text_file
from powx_llm.extract import Extraction, Extractor, Options, Strategy, usage_dict
from powx_llm.llm import DEFAULT_PORT
from powx_llm.model import SCHEMA_VERSION, Exchange
from powx_llm.read import article_date, read_article
from powx_llm.report import extraction_table, print_eval, print_report

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn prisoner-exchange reports into checked, structured data.",
)
_out = Console()
_err = Console(stderr=True)

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


class Engine(StrEnum):
    """Where powx batch runs the extractions."""

    THREADS = "threads"  # this process, --jobs threads
    RAY = "ray"  # Ray Data actors (powx_llm.corpus._ray)


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
ModeOpt = Annotated[str | None, typer.Option("--mode", help="instructor mode: tools, json, json_schema, md_json.")]
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
    _err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
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
    from powx_llm.llm import BackendKind, model_path, resolve_backend

    if resolve_backend(base_url=base_url, model=model, mode=mode).kind is BackendKind.EMBEDDED:
        with _ByteProgress("assembling the embedded model (first use only)") as progress:
            model_path(progress=progress)


@app.command("check")
def check_cmd(
    exchange_file: Annotated[Path, typer.Argument(help="Exchange JSON, or an eval article file (gold + text).")],
    text_file: Annotated[Path | None, typer.Option("--text", help="The article text, for grounding.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table or jsonl.")] = Format.TABLE,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format jsonl.")] = False,
) -> None:
    """Run the deterministic checks on an exchange; exit 1 if its numbers contradict each other."""
    fmt = Format.JSONL if as_json else fmt
    _check_format(fmt, CHECK_FORMATS, "check")
    try:
        loaded = load_exchange_file(exchange_file)
        text = read_text_file(text_file) if text_file is not None else loaded.text
        report = check(loaded.exchange, text=text, published=loaded.published)
    except PowxError as exc:
        raise _fail(exc) from None
    if fmt is Format.JSONL:
        _emit(
            {
                "schema_version": SCHEMA_VERSION,
                "file": str(exchange_file),
                "status": report.status,
                "error": None,
                **report.to_dict(),
            }
        )
    else:
        print_report(report, console=_out, title=str(exchange_file))
    raise typer.Exit(EXIT_MISMATCH if report.has_mismatch else EXIT_OK)


def _read_input(path: str) -> tuple[str, str | None]:
    """Return (text, published) of a text file, an eval article JSON, or stdin ("-")."""
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), what="standard input"), None
    raw = read_text_file(Path(path))
    if path.endswith(".json"):
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError, ValueError):  # not an eval file: the text itself
            return raw, None
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            return data["text"], data.get("published")
    return raw, None


def _show(path: str, result: Extraction | PowxError, fmt: Format) -> None:
    """Print one input's result (or error) in *fmt*; HTML is written once, after every input."""
    if isinstance(result, PowxError):
        usage = result.usage if isinstance(result, LLMError) else None
        spent = f" ({usage.describe()} spent)" if usage is not None and usage.calls else ""
        _err.print(f"[bold red]error:[/] {path}: {result}{spent}", highlight=False, soft_wrap=True)
        if fmt in (Format.JSONL, Format.FACTS):
            line: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "file": path, "status": "error"}
            line["error"] = str(result)
            if usage is not None:
                line["usage"] = usage_dict(usage)
            _emit(line)
    elif fmt is Format.JSONL:
        _emit({"schema_version": SCHEMA_VERSION, "file": path, **result.to_dict(), "error": None})
    elif fmt is Format.FACTS:
        _emit(
            {
                "schema_version": SCHEMA_VERSION,
                "file": path,
                "status": result.status,
                "error": None,
                "facts": result.facts,
            }
        )
    elif fmt is Format.TABLE:
        _out.print(extraction_table(result, title=path))
        print_report(result.report, console=_out)


@app.command("extract")
def extract_cmd(
    files: Annotated[list[str], typer.Argument(help="Article text files, eval article JSON files, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", help="table, jsonl, facts or html.")] = Format.TABLE,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", metavar="YYYY-MM-DD", help="The articles' date, resolving 'today' (wins over a date line)."
        ),
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    replay: ReplayOpt = None,
    strategy: StrategyOpt = Strategy.CUED,
    from_html: Annotated[
        bool, typer.Option("--from-html", help="Read HTML pages, reduced to their text (else HTML is refused).")
    ] = False,
    deadline: DeadlineOpt = None,
) -> None:
    """Extract the checked exchange of each article; exit 1 on a mismatch, 2 on an error (worst wins)."""
    _check_format(fmt, EXTRACT_FORMATS, "extract")
    if fmt is Format.HTML and len(files) > 1:
        raise _fail(InputError("--format html reports one article; for several, use powx batch ... --html DIR"))
    try:  # parsed once, before any input: a bad date is one line
        day = article_date("", published=published) if published is not None else None
    except PowxError as exc:
        raise _fail(exc) from None
    worst, extractor = EXIT_OK, None
    shown: list[tuple[str, Extraction | PowxError]] = []
    for path in files:
        try:
            text, dated = _read_input(path)
            article = read_article(text, published=day or dated, html=from_html)  # refused before any server starts
            extractor = extractor or _connect(
                model=model, base_url=base_url, mode=mode, replay=replay, strategy=strategy, deadline=deadline
            )
            result: Extraction | PowxError = extractor.extract_article(article)
        except PowxError as exc:
            result = exc
        _show(path, result, fmt)
        shown.append((path, result))
        code = EXIT_ERROR if isinstance(result, PowxError) else EXIT_MISMATCH * result.report.has_mismatch
        worst = max(worst, code)
    if fmt is Format.HTML:
        from powx_llm.report import article_page, error_page

        name, result = shown[0]
        page = error_page(name, str(result)) if isinstance(result, PowxError) else article_page(result, title=name)
        print(page, end="")
    raise typer.Exit(worst)


@app.command("batch")
def batch_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Folders (*.txt, *.json), article .txt/.json files, .jsonl or .csv files, or - (JSONL)."),
    ],
    out: Annotated[Path, typer.Option("--out", help="The run's folder: its journal and tables (resumes).")],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, max=256, help="Articles at once (default 1 on the embedded model, else 4)."),
    ] = None,
    table_format: Annotated[
        TableFormat, typer.Option("--format", help="parquet (default), csv or jsonl.")
    ] = TableFormat.PARQUET,
    max_tokens_total: Annotated[
        int | None,
        typer.Option("--max-tokens-total", min=1, help="Stop starting articles once the run has used these tokens."),
    ] = None,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Ask again for the articles that failed in an earlier run.")
    ] = False,
    html_dir: Annotated[
        Path | None,
        typer.Option("--html", metavar="DIR", help="Also write an HTML report: index.html and a page per article."),
    ] = None,
    engine: Annotated[
        Engine, typer.Option("--engine", help="threads (default) or ray (Ray Data; needs the ray extra).")
    ] = Engine.THREADS,
    ray_address: Annotated[
        str | None, typer.Option("--ray-address", metavar="ADDR", help="The Ray cluster (default: a local one).")
    ] = None,
    export_requests: Annotated[
        Path | None,
        typer.Option(
            "--export-requests", metavar="FILE", help="Write each article's first request (OpenAI Batch JSONL); stop."
        ),
    ] = None,
    import_results: Annotated[
        Path | None,
        typer.Option(
            "--import-results", metavar="FILE", help="Answer first requests from a provider's Batch output JSONL."
        ),
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    replay: ReplayOpt = None,
    strategy: StrategyOpt = Strategy.CUED,
    deadline: DeadlineOpt = None,
) -> None:
    """Extract a corpus into tables: one row per input, whatever happens; run it again to resume."""
    from powx_llm.corpus import RowStatus, extract_many, read_corpus, write_tables
    from powx_llm.llm import BackendKind

    try:
        corpus = read_corpus(inputs)
        out.mkdir(parents=True, exist_ok=True)
        journal = out / "journal.jsonl"
        journal.touch()
    except OSError as exc:
        raise _fail(InputError(f"cannot write to {out}: {exc.strerror or exc}")) from None
    except PowxError as exc:
        raise _fail(exc) from None
    for line in corpus.skipped:
        _err.print(f"skipped {line}", highlight=False, soft_wrap=True)
    try:
        extractor = _connect(
            model=model, base_url=base_url, mode=mode, replay=replay, strategy=strategy, deadline=deadline
        )
        if export_requests is not None:
            _export(corpus.articles, extractor, export_requests)
            return
        if import_results is not None:
            extractor = _answering(corpus.articles, extractor, import_results, replay=replay)
        jobs = jobs or (1 if extractor.backend.kind is BackendKind.EMBEDDED and replay is None else 4)
        if engine is Engine.RAY:
            rows = _ray_rows(corpus.articles, extractor, journal, replay=replay, address=ray_address, actors=jobs)
        else:
            rows = list(
                extract_many(
                    corpus.articles,
                    extractor=extractor,
                    jobs=jobs,
                    journal=journal,
                    progress=True,
                    max_tokens_total=max_tokens_total,
                    retry_errors=retry_errors,
                )
            )
        written = write_tables(rows, out, fmt=table_format)
        if html_dir is not None:
            written.append(_write_html(rows, html_dir))
    except PowxError as exc:
        raise _fail(exc) from None
    counts = {status: sum(r.status is status for r in rows) for status in RowStatus}
    spent = Usage()
    for r in rows:
        spent.add(r.usage)
    tally = ", ".join(f"{n} {status.value}" for status, n in counts.items())
    reused = sum(r.reused for r in rows)
    _err.print(
        f"{len(rows)} articles: {tally}; {reused} from the journal; {spent.describe()}, "
        f"{spent.seconds:,.0f} s of LLM time; tables: {', '.join(str(p) for p in written)}",
        highlight=False,
        soft_wrap=True,
    )
    for r in rows:
        if r.status is RowStatus.ERROR:
            _err.print(f"[red]error:[/] {r.id}: {r.error}", highlight=False, soft_wrap=True)


def _ray_rows(
    items: list[ArticleInput],
    extractor: Extractor,
    journal: Path,
    *,
    replay: Path | None,
    address: str | None,
    actors: int,
) -> list[BatchRow]:
    """Extract the articles the journal does not hold on Ray, journal them, and return every row in order."""
    from powx_llm.corpus import Journal, article_key, record_of, row_of
    from powx_llm.llm import BackendKind

    try:
        import ray

        from powx_llm.corpus import extract_dataset, rows_of
    except ImportError as exc:
        raise ConfigError("--engine ray needs Ray Data; pip install 'powx-llm[ray]'") from exc
    book = Journal(journal)
    known = book.finished()
    keys = {item.id: article_key(item, extractor) for item in items}
    pending = [item for item in items if keys[item.id] not in known]
    fresh: dict[str, BatchRow] = {}
    if pending:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
        backend = extractor.backend
        ds = ray.data.from_items(
            [{"id": i.id, "text": i.text, "published": i.published, "url": i.url} for i in pending]
        )
        out = extract_dataset(
            ds,
            base_url=backend.base_url if backend.kind is not BackendKind.OPENAI else None,
            api_key=backend.api_key,
            model=backend.model,
            mode=backend.mode.value,
            options=extractor.options,
            replay=replay,
            actors=actors,
        )
        for row in rows_of(out):
            fresh[row.id] = row
            book.append(record_of(row, keys[row.id]))
    return [fresh[i.id] if i.id in fresh else row_of(known[keys[i.id]], i) for i in items]


def _export(items: list[ArticleInput], extractor: Extractor, path: Path) -> None:
    """Write the first requests of *items* as OpenAI Batch JSONL into *path* (atomically)."""
    from powx_llm.corpus import export_requests

    lines, unusable = [], []
    for ident, line in export_requests(items, extractor):
        if line is None:
            unusable.append(ident)
        else:
            lines.append(line)
    try:
        temporary = path.with_name(f".{path.name}.part")
        temporary.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    skipped = f"; {len(unusable)} unusable articles left out ({', '.join(unusable[:5])})" if unusable else ""
    _err.print(f"{len(lines)} requests written to {path}{skipped}", highlight=False, soft_wrap=True)


def _answering(items: list[ArticleInput], extractor: Extractor, results: Path, *, replay: Path | None) -> Extractor:
    """Return an extractor whose first requests are answered from a provider's Batch output."""
    from powx_llm.corpus import answering_client, read_results
    from powx_llm.llm import BackendKind, ReplayTransport, cassette_files

    if extractor.backend.kind is BackendKind.EMBEDDED and replay is None:
        raise InputError("--import-results needs the endpoint the requests were made for: --base-url or OPENAI_API_KEY")
    inner = ReplayTransport(cassette_files(replay)) if replay is not None else None
    client = answering_client(items, extractor, read_results(results), inner=inner)
    return Extractor.connect(
        base_url=extractor.backend.base_url if extractor.backend.kind is not BackendKind.OPENAI else None,
        model=extractor.backend.model,
        mode=extractor.backend.mode.value,
        http_client=client,
        http_retries=0 if replay is not None else 2,
        options=extractor.options,
    )


def _write_html(rows: list[BatchRow], folder: Path) -> Path:
    """Write index.html and one page per article into *folder*; return the index's path."""
    import re

    from powx_llm.report import article_page, error_page, index_page

    try:
        folder.mkdir(parents=True, exist_ok=True)
        links: dict[str, str] = {}
        for number, row in enumerate(rows):
            name = f"{number:05d}-{re.sub(r'[^A-Za-z0-9._-]+', '_', row.id)[:80]}.html"
            page = (
                article_page(row.extraction, title=row.id)
                if row.extraction is not None
                else error_page(row.id, row.error or row.status.value)
            )
            (folder / name).write_text(page, encoding="utf-8")
            links[row.id] = name
        index = folder / "index.html"
        index.write_text(index_page(rows, links), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the HTML report to {folder}: {exc.strerror or exc}") from exc
    return index


@app.command("reconcile")
def reconcile_cmd(
    run: Annotated[Path, typer.Argument(help="The folder of a powx batch run (its journal and articles table).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the events tables and timeline.html.")],
    table_format: Annotated[
        TableFormat, typer.Option("--format", help="parquet (default), csv or jsonl.")
    ] = TableFormat.PARQUET,
) -> None:
    """Group a batch run's reports into one record per exchange; flag conflicts; check the timeline."""
    from powx_llm.corpus import check_timeline, load_run, reconcile, write_event_tables
    from powx_llm.report import timeline_page

    try:
        rows = load_run(run)
        events = reconcile(rows)
        timeline = check_timeline(events)
        written = write_event_tables(events, timeline, out, fmt=table_format)
        page = out / "timeline.html"
        page.write_text(timeline_page(events, timeline), encoding="utf-8")
    except OSError as exc:
        raise _fail(InputError(f"cannot write to {out}: {exc.strerror or exc}")) from None
    except PowxError as exc:
        raise _fail(exc) from None
    conflicted = sum(bool(e.conflicts) for e in events)
    failed = sum(f.status.value in ("mismatch", "partial") for f in timeline)
    _err.print(
        f"{len(rows)} reports, {len(events)} events ({sum(len(e.articles) > 1 for e in events)} with several "
        f"sources, {conflicted} with conflicts); {len(timeline)} timeline checks, {failed} not ok; "
        f"written: {', '.join(str(p) for p in [*written, page])}",
        highlight=False,
        soft_wrap=True,
    )


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of an Exchange (the ``exchange`` of ``powx extract --format jsonl``)."""
    _emit_pretty(Exchange.model_json_schema(by_alias=True, mode="serialization"))


def _emit_pretty(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


@app.command("eval")
def eval_cmd(
    directory: Annotated[Path, typer.Argument(help="A folder of eval articles (seeds/eval).")],
    strategy: StrategyOpt = Strategy.CUED,
    split: Annotated[
        str | None,
        typer.Option("--split", help="Only this split's articles (named in DIR/splits.json, e.g. original, new)."),
    ] = None,
    by: Annotated[Breakdown | None, typer.Option("--by", help="Also break the scores down: language.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Also write the report as Markdown.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    replay: ReplayOpt = None,
    deadline: DeadlineOpt = None,
) -> None:
    """Extract every eval article and score its facts against gold; the last line is the total."""
    from powx_llm.corpus import evaluate, load_eval_dir
    from powx_llm.report import eval_markdown

    try:
        articles = load_eval_dir(directory, split=split)
        extractor = _connect(
            model=model, base_url=base_url, mode=mode, replay=replay, strategy=strategy, deadline=deadline
        )
        with Progress(console=_err, transient=True) as progress:
            task = progress.add_task(f"{strategy.value}: extracting", total=len(articles))
            run = evaluate(extractor, articles, on_result=lambda _: progress.advance(task))
    except PowxError as exc:
        raise _fail(exc) from None
    print_eval(run, console=_out, by_language=by is Breakdown.LANGUAGE)
    if report is not None:
        report.write_text(eval_markdown(run), encoding="utf-8")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command("serve")
def serve_cmd(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")] = DEFAULT_PORT,
) -> None:
    """Run the embedded model's OpenAI-compatible server in the foreground (for other tools, recording)."""
    from powx_llm.llm import MODEL_ALIAS, LocalServer, model_path

    try:
        with _ByteProgress("assembling the model") as progress:
            path = model_path(progress=progress)
        server = LocalServer(model=path, port=port).start()
    except PowxError as exc:
        raise _fail(exc) from None
    _out.print(
        f"serving {MODEL_ALIAS} at {server.base_url} with {server.n_threads} threads and a "
        f"{server.n_ctx}-token context (Ctrl+C stops it)"
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
    from powx_llm.llm import (
        INSTALL_HINT,
        MODEL_ALIAS,
        cache_dir,
        default_ctx,
        default_threads,
        resolve_backend,
        runtime_available,
    )

    try:
        backend = resolve_backend(base_url=base_url, model=model, mode=mode)
        _out.print(f"backend: {backend.describe()}")
    except PowxError as exc:
        _out.print(f"backend: none ({exc})")
    runtime = "installed" if runtime_available() else f"not installed ({INSTALL_HINT})"
    _out.print(f"embedded model: {MODEL_ALIAS}; runtime {runtime}; cache {cache_dir()}")
    try:
        _out.print(
            f"embedded server: {default_threads()} threads (POWX_THREADS), {default_ctx()}-token context (POWX_CTX)"
        )
    except PowxError as exc:
        raise _fail(exc) from None


class _ByteProgress:
    """A rich progress bar for the one-time model assembly."""

    def __init__(self, description: str) -> None:
        self._progress = Progress(console=_err, transient=True)
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
