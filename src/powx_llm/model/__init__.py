"""The data: an ``Exchange`` and its parts (frozen, validated), its flat facts, and how they are scored."""

from powx_llm.model._dates import as_date
from powx_llm.model._exchange import (
    SCHEMA_VERSION,
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
    count_bounds,
)
from powx_llm.model._facts import GROUPS, FactValue, Score, facts, group_of, iter_counts, recipients, score
from powx_llm.model._names import canonical_name, name_key, slug

__all__ = [
    "GROUPS",
    "SCHEMA_VERSION",
    "Cohort",
    "Count",
    "Cumulative",
    "Evidence",
    "Exchange",
    "FactValue",
    "Fraction",
    "Kind",
    "Qualifier",
    "Score",
    "Transfer",
    "Unit",
    "UnitCount",
    "as_date",
    "canonical_name",
    "count_bounds",
    "facts",
    "group_of",
    "iter_counts",
    "name_key",
    "recipients",
    "score",
    "slug",
]
