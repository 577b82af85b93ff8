"""powx extract, check and schema: one article (or exchange) at a time."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from powx_llm._errors import InputError, LLMError, PowxError
from powx_llm._files import decode_text, read_text_file
from powx_llm.check import check, load_exchange_file
from powx_llm.cli._app import (
    CHECK_FORMATS,
    EXIT_ERROR,
    EXIT_MISMATCH,
    EXIT_OK,
    EXTRACT_FORMATS,
    BaseUrlOpt,
    DeadlineOpt,
    Format,
    ModelOpt,
    ModeOpt,
    ReplayOpt,
    StrategyOpt,
    _check_format,
    _connect,
    _emit,
    _err,
    _fail,
    _out,
    app,
)
from powx_llm.corpus import ArticleInput, fetch_input, read_article_file
from powx_llm.extract import Extraction, Strategy
from powx_llm.model import SCHEMA_VERSION, Exchange
from powx_llm.read import article_date, read_article
from powx_llm.report import extraction_table, print_report
from powx_llm.web import Fetcher, is_address


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
        print_report(report, console=_out(), title=str(exchange_file))
    raise typer.Exit(EXIT_MISMATCH if report.has_mismatch else EXIT_OK)


def _read_input(path: str) -> ArticleInput:
    """Return the article of a text file, a saved web page, an article JSON file (``text``, ``published``), a
    page's address (fetched now), or stdin ("-")."""
    if path == "-":
        return ArticleInput("-", decode_text(sys.stdin.buffer.read(), what="standard input"))
    if is_address(path):
        with Fetcher() as fetcher:
            return fetch_input(ArticleInput.link(path.strip()), fetcher)
    return read_article_file(Path(path))


def _show(path: str, result: Extraction | PowxError, fmt: Format) -> None:
    """Print one input's result (or error) in *fmt*; HTML is written once, after every input."""
    if isinstance(result, PowxError):
        usage = result.usage if isinstance(result, LLMError) else None
        spent = f" ({usage.describe()} spent)" if usage is not None and usage.calls else ""
        _err().print(f"[bold red]error:[/] {path}: {result}{spent}", highlight=False, soft_wrap=True)
        if fmt in (Format.JSONL, Format.FACTS):
            line: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "file": path, "status": "error"}
            line["error"] = str(result)
            if usage is not None:
                line["usage"] = usage.to_dict()
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
        _out().print(extraction_table(result, title=path))
        print_report(result.report, console=_out())


@app.command("extract")
def extract_cmd(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Article text files, saved pages (.html), article JSON files, page addresses (http/https), or -."
        ),
    ],
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
        bool,
        typer.Option("--from-html", help="Read HTML given as text (stdin, .txt) as a page, reduced to its article."),
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
            item = _read_input(path)
            article = read_article(  # before any server
                item.text, published=day or item.published, html=from_html or item.page, url=item.url
            )
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


@app.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of an Exchange (the ``exchange`` of ``powx extract --format jsonl``)."""
    _emit_pretty(Exchange.model_json_schema(by_alias=True, mode="serialization"))


def _emit_pretty(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))
