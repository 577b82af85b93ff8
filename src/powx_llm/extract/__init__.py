"""The pipeline: an article and the model's small decision in, a grounded, checked ``Extraction`` out."""

from powx_llm.extract._assemble import assemble
from powx_llm.extract._baseline import baseline_exchange
from powx_llm.extract._pipeline import Extraction, Extractor, Options, Strategy, extract_exchange, usage_dict
from powx_llm.extract._prompt import BASELINE_SYSTEM, PROMPT_VERSION, SIDES_SYSTEM, regrounding_message, sides_messages
from powx_llm.extract._schema import FlatAnswer, FlatUnit, Side, Sides
from powx_llm.extract._sides import Draft, Problem, candidates, drafts_from, home_draft, side_problems

__all__ = [
    "BASELINE_SYSTEM",
    "PROMPT_VERSION",
    "SIDES_SYSTEM",
    "Draft",
    "Extraction",
    "Extractor",
    "FlatAnswer",
    "FlatUnit",
    "Options",
    "Problem",
    "Side",
    "Sides",
    "Strategy",
    "assemble",
    "baseline_exchange",
    "candidates",
    "drafts_from",
    "extract_exchange",
    "home_draft",
    "regrounding_message",
    "side_problems",
    "sides_messages",
    "usage_dict",
]
