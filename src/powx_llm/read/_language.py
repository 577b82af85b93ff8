"""Identify an article's language, so that each language's words are read only in its own articles.

The identifier is py3langid (a maintained, BSD-licensed fork of langid.py; its model ships in the
wheel). It knows about a hundred languages: an article clearly in one we have no words for is named
as such (the caller reports it); otherwise the best of ``LANGUAGES`` is taken, so a short or mixed
text still reads as one of ours.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from powx_llm.lexicon import LANGUAGES

__all__ = ["LANGUAGES", "identify"]

# A text this long, and this clearly in a language we do not cover, is named as that language.
_CLEAR_CHARS = 200
_CLEAR_PROBABILITY = 0.95


_LOADING = threading.Lock()


@functools.cache
def _load() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # 0.7 s to load: only when first used

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _identifier() -> Any:
    with _LOADING:  # threads of a batch wait for one load rather than each loading the model
        return _load()


def identify(text: str) -> str:
    """Return the ISO 639-1 code of *text*'s language: one of ``LANGUAGES``, or another language the text
    is clearly written in ("cs" for a Czech report)."""
    ranked: list[tuple[str, float]] = _identifier().rank(text)
    best, probability = ranked[0]
    if best in LANGUAGES:
        return best
    if probability >= _CLEAR_PROBABILITY and sum(ch.isalpha() for ch in text) >= _CLEAR_CHARS:
        return best
    return next((lang for lang, _ in ranked if lang in LANGUAGES), "en")
