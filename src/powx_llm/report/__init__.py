"""Showing results: the self-contained HTML report and the terminal's tables."""

from powx_llm.report._colours import PALETTE, party_colour
from powx_llm.report._html import (
    COLOURS,
    Segment,
    article_fragment,
    article_page,
    error_page,
    index_page,
    segments,
    timeline_page,
)
from powx_llm.report._jupyter import show_in_jupyter
from powx_llm.report._terminal import eval_markdown, extraction_table, findings_table, print_eval, print_report

__all__ = [
    "COLOURS",
    "PALETTE",
    "Segment",
    "article_fragment",
    "article_page",
    "error_page",
    "eval_markdown",
    "extraction_table",
    "findings_table",
    "index_page",
    "party_colour",
    "print_eval",
    "print_report",
    "segments",
    "show_in_jupyter",
    "timeline_page",
]
