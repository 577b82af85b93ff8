"""The deterministic checks (no LLM): do the stated figures add up, and does the text state each number."""

from powx_llm.check._checks import (
    DEFAULT_CHECKS,
    CheckContext,
    Finding,
    Report,
    Status,
    bounds,
    check,
    cumulative,
    date,
    grounding,
    language,
    rank_sum,
    sex_sum,
    unit_nesting,
    unit_sum,
)
from powx_llm.check._files import ExchangeFile, exchange_from_dict, load_exchange_file, validation_line
from powx_llm.check._grounding import Grounding, GroundingStatus, ground, locate, normalise

__all__ = [
    "DEFAULT_CHECKS",
    "CheckContext",
    "ExchangeFile",
    "Finding",
    "Grounding",
    "GroundingStatus",
    "Report",
    "Status",
    "bounds",
    "check",
    "cumulative",
    "date",
    "exchange_from_dict",
    "ground",
    "grounding",
    "language",
    "load_exchange_file",
    "locate",
    "normalise",
    "rank_sum",
    "sex_sum",
    "unit_nesting",
    "unit_sum",
    "validation_line",
]
