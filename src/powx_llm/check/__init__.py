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
from powx_llm.check._grounding import Grounding, GroundingStatus, ground, locate, normalise

__all__ = [
    "DEFAULT_CHECKS",
    "CheckContext",
    "Finding",
    "Grounding",
    "GroundingStatus",
    "Report",
    "Status",
    "bounds",
    "check",
    "cumulative",
    "date",
    "ground",
    "grounding",
    "language",
    "locate",
    "normalise",
    "rank_sum",
    "sex_sum",
    "unit_nesting",
    "unit_sum",
]
