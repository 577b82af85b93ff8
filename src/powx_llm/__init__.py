"""powx_llm: turn news reports about prisoner-of-war exchanges into checked, structured data."""

from powx_llm._errors import (
    BackendUnavailable,
    ConfigError,
    ExtractionFailed,
    InputError,
    LLMError,
    LLMTimeout,
    ModelFileError,
    OutputTruncated,
    PowxError,
    RateLimited,
    ReplayMiss,
    ServerError,
)
from powx_llm.checks import DEFAULT_CHECKS, Finding, Report, Status, check
from powx_llm.extract import Extraction, Extractor, Options, Strategy, extract_exchange
from powx_llm.facts import facts, score
from powx_llm.mentions import Mention, MentionKind, find_mentions
from powx_llm.model import (
    Cohort,
    Count,
    Cumulative,
    Evidence,
    Exchange,
    Fraction,
    Kind,
    Qualifier,
    Transfer,
    Unit,
    UnitCount,
)

__version__ = "0.2.0.dev0"

__all__ = [
    "DEFAULT_CHECKS",
    "BackendUnavailable",
    "Cohort",
    "ConfigError",
    "Count",
    "Cumulative",
    "Evidence",
    "Exchange",
    "Extraction",
    "ExtractionFailed",
    "Extractor",
    "Finding",
    "Fraction",
    "InputError",
    "Kind",
    "LLMError",
    "LLMTimeout",
    "Mention",
    "MentionKind",
    "ModelFileError",
    "Options",
    "OutputTruncated",
    "PowxError",
    "Qualifier",
    "RateLimited",
    "ReplayMiss",
    "Report",
    "ServerError",
    "Status",
    "Strategy",
    "Transfer",
    "Unit",
    "UnitCount",
    "__version__",
    "check",
    "extract_exchange",
    "facts",
    "find_mentions",
    "score",
]
