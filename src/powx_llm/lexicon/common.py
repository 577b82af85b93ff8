"""Words that belong to no one language (typography); see ``powx_llm.lexicon``."""

WORDS: dict[str, tuple[str, ...]] = {
    "for": (r"x", r"×"),
}
