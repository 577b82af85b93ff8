"""powx batch, reconcile and eval: many articles."""

from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from powx_llm._errors import ConfigError, InputError, PowxError
from powx_llm._files import write_text_atomic
from powx_llm._usage import Usage
from powx_llm.cli._app import (
    BaseUrlOpt,
    Breakdown,
    DeadlineOpt,
    ModelOpt,
    ModeOpt,
    ReplayOpt,
    StrategyOpt,
    _connect,
    _err,
    _fail,
    _out,
    app,
)
from powx_llm.corpus import (
    ArticleInput,
    BatchRow,
    Engine,
    FeedWatch,
    RowStatus,
    TableFormat,
    answering_client,
    check_timeline,
    evaluate,
    export_requests,
    extract_many,
    load_eval_dir,
    load_run,
    read_corpus,
    read_results,
    reconcile,
    write_event_tables,
    write_tables,
)
from powx_llm.extract import Extractor, Strategy
from powx_llm.llm import BackendKind, ReplayTransport, cassette_files, resolve_backend
from powx_llm.report import article_page, error_page, eval_markdown, index_page, print_eval, timeline_page
from powx_llm.web import Fetcher

TableFormatOpt = Annotated[TableFormat, typer.Option("--format", help="parquet (default), csv or jsonl.")]


def _embedded_backend(*, base_url: str | None, model: str | None, mode: str | None) -> bool:
    """Return whether these options choose the embedded model (decided without starting anything)."""
    try:
        return resolve_backend(base_url=base_url, model=model, mode=mode).kind is BackendKind.EMBEDDED
    except PowxError:
        return False  # the connection reports the bad option in one line


_RUN_LOCKS: dict[Path, int] = {}  # the run folders this process works in, locked until it exits


def _lock_run(folder: Path) -> None:
    """Hold an exclusive lock on the run *folder* until this process exits; raise InputError if another
    process (another powx batch or watch) holds it: two runs on one folder would both do everything."""
    import fcntl

    key = folder.resolve()
    if key in _RUN_LOCKS:
        return  # this process holds it already (a command run twice in one process)
    fd = os.open(folder / ".powx-run.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise InputError(
            f"another powx run is working in {folder}; wait for it to end, or give another --out folder"
        ) from None
    _RUN_LOCKS[key] = fd


def _writable(folder: Path) -> None:
    """Raise OSError unless a file can be created in *folder* (a read-only mount, no permission)."""
    fd, name = tempfile.mkstemp(prefix=".powx-probe-", dir=folder)
    os.close(fd)
    os.unlink(name)


@app.command("batch")
def batch_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders (*.txt, *.html, *.json), article files, .jsonl or .csv files, a .txt list of addresses, "
            "feeds (.rss/.atom/.xml files or addresses), page addresses, or - (JSONL)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="The run's folder: its journal and tables (resumes).")],
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, max=256, help="Articles at once (default 1 on the embedded model, else 4)."),
    ] = None,
    table_format: TableFormatOpt = TableFormat.PARQUET,
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

    try:
        corpus = read_corpus(inputs)
        out.mkdir(parents=True, exist_ok=True)
        journal = out / "journal.jsonl"
        if journal.is_symlink() or (journal.exists() and not journal.is_file()):
            raise InputError(f"{journal} exists and is not a regular file; give another --out folder")
        journal.touch()
        _writable(out)  # before any request is sent: the tables go there at the end
        _lock_run(out)
    except OSError as exc:
        raise _fail(InputError(f"cannot write to {out}: {exc.strerror or exc}")) from None
    except PowxError as exc:
        raise _fail(exc) from None
    for line in corpus.skipped:
        _err().print(f"skipped {line}", highlight=False, soft_wrap=True)
    if import_results is not None and replay is None and _embedded_backend(base_url=base_url, model=model, mode=mode):
        raise _fail(
            InputError("--import-results needs the endpoint the requests were made for: --base-url or OPENAI_API_KEY")
        )
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
            _join_ray(ray_address)
        rows = list(
            extract_many(
                corpus.articles,
                extractor=extractor,
                jobs=jobs,
                journal=journal,
                progress=True,
                max_tokens_total=max_tokens_total,
                retry_errors=retry_errors,
                engine=engine,
            )
        )
    except PowxError as exc:
        raise _fail(exc) from None
    except OSError as exc:  # the journal could not be written (a full disk), or a cluster could not be reached
        raise _fail(InputError(f"the run stopped: {exc}; the journal keeps what is done: run again")) from None
    try:
        written = write_tables(rows, out, fmt=table_format)
    except OSError as exc:  # a full disk, a folder gone: the journal keeps every article already extracted
        raise _fail(
            InputError(f"cannot write to {out}: {exc.strerror or exc}; the journal keeps what is done: run again")
        ) from None
    except PowxError as exc:
        raise _fail(exc) from None
    if html_dir is not None:
        try:
            written.append(_write_html(rows, html_dir))
        except OSError as exc:
            raise _fail(InputError(f"cannot write to {html_dir}: {exc.strerror or exc}")) from None
        except PowxError as exc:
            raise _fail(exc) from None
    counts = {status: sum(r.status is status for r in rows) for status in RowStatus}
    spent = Usage()
    for r in rows:
        if not r.reused:  # what the journal holds was spent by an earlier run
            spent.add(r.usage)
    tally = ", ".join(f"{n} {status.value}" for status, n in counts.items())
    reused = sum(r.reused for r in rows)
    _err().print(
        f"{len(rows)} articles: {tally}; {reused} from the journal; this run: {spent.describe()}, "
        f"{spent.seconds:,.0f} s of LLM time; tables: {', '.join(str(p) for p in written)}",
        highlight=False,
        soft_wrap=True,
    )
    for r in rows:
        if r.status is RowStatus.ERROR:
            _err().print(f"[red]error:[/] {r.id}: {r.error}", highlight=False, soft_wrap=True)


def _join_ray(address: str | None) -> None:
    """Join the Ray cluster at *address*, or start a local one (the command line is the edge: it may)."""
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("--engine ray needs Ray Data; pip install 'powx-llm[ray]'") from exc
    ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)


def _export(items: list[ArticleInput], extractor: Extractor, path: Path) -> None:
    """Write the first requests of *items* as OpenAI Batch JSONL into *path* (atomically)."""

    lines, unusable = [], []
    for ident, line in export_requests(items, extractor):
        if line is None:
            unusable.append(ident)
        else:
            lines.append(line)
    try:
        write_text_atomic(path, "".join(f"{line}\n" for line in lines))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    skipped = f"; {len(unusable)} unusable articles left out ({', '.join(unusable[:5])})" if unusable else ""
    _err().print(f"{len(lines)} requests written to {path}{skipped}", highlight=False, soft_wrap=True)


def _answering(items: list[ArticleInput], extractor: Extractor, results: Path, *, replay: Path | None) -> Extractor:
    """Return an extractor whose first requests are answered from a provider's Batch output."""

    if extractor.backend.kind is BackendKind.EMBEDDED and replay is None:
        raise InputError("--import-results needs the endpoint the requests were made for: --base-url or OPENAI_API_KEY")
    inner = ReplayTransport(cassette_files(replay)) if replay is not None else None
    answers = read_results(results)
    unmatched = sorted(set(answers) - {item.id for item in items})
    if unmatched:  # said, not silently dropped: the results may belong to another corpus
        shown = ", ".join(unmatched[:5]) + (" …" if len(unmatched) > 5 else "")
        _err().print(
            f"{len(unmatched)} results in {results} match no input id and are not used ({shown})",
            highlight=False,
            soft_wrap=True,
        )
    client = answering_client(items, extractor, answers, inner=inner)
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
            write_text_atomic(folder / name, page)
            links[row.id] = name
        index = folder / "index.html"
        write_text_atomic(index, index_page(rows, links))
    except OSError as exc:
        raise InputError(f"cannot write the HTML report to {folder}: {exc.strerror or exc}") from exc
    return index


_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$")


def _seconds(every: str) -> float:
    """Return the seconds of a period written like 90, 90s, 15m or 1h."""
    m = _EVERY.match(every)
    if m is None or float(m.group(1)) <= 0:
        raise InputError(f"--every {every!r} is not a period like 30s, 15m or 1h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


@contextmanager
def _stop_on_interrupt() -> Iterator[threading.Event]:
    """Ctrl+C raises KeyboardInterrupt as always, and also sets the event it yields: an interrupt that lands in
    code that swallows it (a finaliser, a library's catch-all) still stops the watch after the round."""
    stop = threading.Event()

    def interrupt(signum: int, frame: object) -> None:
        stop.set()
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread: no handler of ours, the event is never set
        yield stop
        return
    try:
        yield stop
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


@app.command("watch")
def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="Feeds to follow: RSS/Atom addresses or files.")],
    out: Annotated[Path, typer.Option("--out", help="The run's folder: entries, journal, tables, events/.")],
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 30s, 15m, 1h.")] = "15m",
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after this many rounds (default: until Ctrl+C).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, max=64, help="Articles at once.")] = 1,
    table_format: TableFormatOpt = TableFormat.PARQUET,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    replay: ReplayOpt = None,
    strategy: StrategyOpt = Strategy.CUED,
    deadline: DeadlineOpt = None,
) -> None:
    """Follow feeds: every round, extract the new entries' pages and update the tables and events; one line
    a round. Stop it at any moment (Ctrl+C): nothing done is lost or done twice when it starts again."""
    try:
        period = _seconds(every)
        out.mkdir(parents=True, exist_ok=True)
        _writable(out)
        _lock_run(out)
        extractor = _connect(
            model=model, base_url=base_url, mode=mode, replay=replay, strategy=strategy, deadline=deadline
        )
    except OSError as exc:
        raise _fail(InputError(f"cannot write to {out}: {exc.strerror or exc}")) from None
    except PowxError as exc:
        raise _fail(exc) from None
    done = 0
    try:
        with Fetcher() as fetcher, _stop_on_interrupt() as stop:
            run = FeedWatch(feeds, out, extractor=extractor, fetcher=fetcher, jobs=jobs, fmt=table_format)
            while True:
                result = run.round()
                done += 1
                stamp = time.strftime("%H:%M:%S")
                _err().print(f"{stamp} {result.describe()}", highlight=False, soft_wrap=True)
                for line in result.feed_errors:
                    _err().print(f"[red]feed:[/] {line}", highlight=False, soft_wrap=True)
                if rounds is not None and done >= rounds:
                    return
                if stop.is_set() or stop.wait(period):
                    raise KeyboardInterrupt  # an interrupt that code it reached swallowed mid-round
    except KeyboardInterrupt:
        _err().print(f"stopped after {done} rounds; the journal keeps every finished article", highlight=False)
        raise typer.Exit(130) from None
    except OSError as exc:
        raise _fail(InputError(f"the watch stopped: {exc}; the journal keeps what is done: run again")) from None
    except PowxError as exc:
        raise _fail(exc) from None


@app.command("reconcile")
def reconcile_cmd(
    run: Annotated[Path, typer.Argument(help="The folder of a powx batch run (its journal and articles table).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the events tables and timeline.html.")],
    table_format: TableFormatOpt = TableFormat.PARQUET,
) -> None:
    """Group a batch run's reports into one record per exchange; flag conflicts; check the timeline."""

    try:
        rows = load_run(run)
        events = reconcile(rows)
        timeline = check_timeline(events)
        written = write_event_tables(events, timeline, out, fmt=table_format)
        page = out / "timeline.html"
        write_text_atomic(page, timeline_page(events, timeline))
    except OSError as exc:
        raise _fail(InputError(f"cannot write to {out}: {exc.strerror or exc}")) from None
    except PowxError as exc:
        raise _fail(exc) from None
    conflicted = sum(bool(e.conflicts) for e in events)
    failed = sum(f.status.value in ("mismatch", "partial") for f in timeline)
    _err().print(
        f"{len(rows)} reports, {len(events)} events ({sum(len(e.articles) > 1 for e in events)} with several "
        f"sources, {conflicted} with conflicts); {len(timeline)} timeline checks, {failed} not ok; "
        f"written: {', '.join(str(p) for p in [*written, page])}",
        highlight=False,
        soft_wrap=True,
    )


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

    try:
        articles = load_eval_dir(directory, split=split)
        extractor = _connect(
            model=model, base_url=base_url, mode=mode, replay=replay, strategy=strategy, deadline=deadline
        )
        with Progress(console=_err(), transient=True) as progress:
            task = progress.add_task(f"{strategy.value}: extracting", total=len(articles))
            run = evaluate(extractor, articles, on_result=lambda _: progress.advance(task))
    except PowxError as exc:
        raise _fail(exc) from None
    print_eval(run, console=_out(), by_language=by is Breakdown.LANGUAGE)
    if report is not None:
        try:
            write_text_atomic(report, eval_markdown(run))
        except OSError as exc:
            raise _fail(InputError(f"cannot write the report {report}: {exc.strerror or exc}")) from None
