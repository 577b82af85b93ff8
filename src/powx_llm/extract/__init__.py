"""The pipeline: an article and the model's small decision in, a grounded, checked ``Extraction`` out."""

from powx_llm.extract._answer import Draft, Drafts, Rule, read_answer
from powx_llm.extract._assemble import assemble
from powx_llm.extract._baseline import baseline_exchange
from powx_llm.extract._focus import FOCUS_CHARS, focus
from powx_llm.extract._pipeline import Extraction, Extractor, Options, Strategy, extract_exchange
from powx_llm.extract._prompt import BASELINE_SYSTEM, PROMPT_VERSION, SIDES_SYSTEM, regrounding_message, sides_messages
from powx_llm.extract._rules import ANSWER_RULES, rules_without
from powx_llm.extract._schema import FlatAnswer, FlatUnit, Side, Sides
from powx_llm.extract._sides import NotThisExchange, Problem, candidates, side_problems

__all__ = [
    "ANSWER_RULES",
    "BASELINE_SYSTEM",
    "FOCUS_CHARS",
    "PROMPT_VERSION",
    "SIDES_SYSTEM",
    "Draft",
    "Drafts",
    "Extraction",
    "Extractor",
    "FlatAnswer",
    "FlatUnit",
    "NotThisExchange",
    "Options",
    "Problem",
    "Rule",
    "Side",
    "Sides",
    "Strategy",
    "assemble",
    "baseline_exchange",
    "candidates",
    "extract_exchange",
    "focus",
    "read_answer",
    "regrounding_message",
    "rules_without",
    "side_problems",
    "sides_messages",
]
