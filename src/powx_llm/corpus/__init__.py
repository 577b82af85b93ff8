"""Many articles: batch runs into tables (resumable), inputs, Ray, provider batch files, events across
reports, and evaluation against gold."""

from powx_llm.corpus._batch import Engine, extract_many
from powx_llm.corpus._dataset import (
    DATASET_VERSION,
    TABLES,
    TableFormat,
    event_tables,
    load_run,
    tables,
    to_frames,
    write_event_tables,
    write_tables,
)
from powx_llm.corpus._evaluate import (
    PRF,
    ArticleResult,
    EvalArticle,
    EvalRun,
    LanguageRow,
    evaluate,
    load_eval_article,
    load_eval_dir,
)
from powx_llm.corpus._inputs import (
    ARTICLE_SUFFIXES,
    FEED_SUFFIXES,
    PAGE_SUFFIXES,
    Corpus,
    read_article_file,
    read_corpus,
)
from powx_llm.corpus._journal import JOURNAL_VERSION, Journal, article_key, record_of, row_of
from powx_llm.corpus._provider_batch import answering_client, export_requests, read_results
from powx_llm.corpus._ray import extract_dataset, ray_rows, rows_of
from powx_llm.corpus._reconcile import WINDOW_DAYS, Conflict, Event, EventFact, SourceValue, check_timeline, reconcile
from powx_llm.corpus._rows import ArticleInput, BatchRow, RowStatus, check_ids, extract_row, fetch_input
from powx_llm.corpus._watch import ENTRIES_FILE, FeedWatch, Round

__all__ = [
    "ARTICLE_SUFFIXES",
    "DATASET_VERSION",
    "ENTRIES_FILE",
    "FEED_SUFFIXES",
    "JOURNAL_VERSION",
    "PAGE_SUFFIXES",
    "PRF",
    "TABLES",
    "WINDOW_DAYS",
    "ArticleInput",
    "ArticleResult",
    "BatchRow",
    "Conflict",
    "Corpus",
    "Engine",
    "EvalArticle",
    "EvalRun",
    "Event",
    "EventFact",
    "FeedWatch",
    "Journal",
    "LanguageRow",
    "Round",
    "RowStatus",
    "SourceValue",
    "TableFormat",
    "answering_client",
    "article_key",
    "check_ids",
    "check_timeline",
    "evaluate",
    "event_tables",
    "export_requests",
    "extract_dataset",
    "extract_many",
    "extract_row",
    "fetch_input",
    "load_eval_article",
    "load_eval_dir",
    "load_run",
    "ray_rows",
    "read_article_file",
    "read_corpus",
    "read_results",
    "reconcile",
    "record_of",
    "row_of",
    "rows_of",
    "tables",
    "to_frames",
    "write_event_tables",
    "write_tables",
]
