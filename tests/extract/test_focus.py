"""What the model reads of a long article: its lead and the sentences with figures, verbatim, within a budget;
the evidence still points into the whole article.

HAND-WRITTEN RESPONSES: the model's answer here is written by hand (a well-formed ``Sides``). None is a real
model output.
"""

from __future__ import annotations

import json

import httpx
import pytest

from powx_llm import InputError
from powx_llm.extract import FOCUS_CHARS, Extractor, Options, focus
from powx_llm.read import Article, analyse
from tests.fake_server import completion

LEAD = "Ukraine and Russia swap prisoners. Another 75 of our people have returned home from Russian captivity."
MEDIATOR = "The exchange was mediated by the United Arab Emirates."
FILLER = "The weather in the capital was mild, and the streets were quiet as people went about their day. "
MEN = "Among them are 70 men and 5 women."
CLUTTER = "The city's marathon drew runners from many countries, and the organisers praised the volunteers. "


def _long() -> str:
    return "\n".join(
        [LEAD, FILLER * 12, MEN + " " + FILLER.strip(), FILLER * 12, MEDIATOR, CLUTTER * 20, "The end of the report."]
    )


def test_a_short_article_is_read_whole() -> None:
    text = f"{LEAD} {MEN} {MEDIATOR}"
    assert focus(analyse(Article(text=text, date=None))) == text


def test_a_long_article_keeps_its_lead_its_figures_and_its_mediator_within_the_budget() -> None:
    text = _long()
    assert len(text) > FOCUS_CHARS
    shown = focus(analyse(Article(text=text, date=None)))
    assert len(shown) <= FOCUS_CHARS
    for kept in (LEAD.split(". ")[0], "Another 75 of our people", MEN, MEDIATOR):
        assert kept in shown
    assert CLUTTER.strip() not in shown
    for part in shown.split("\n[…]\n"):
        assert part in text  # every kept stretch is verbatim


def test_the_budget_is_held_even_when_every_sentence_has_a_figure() -> None:
    text = " ".join(f"On day {i}, {i + 10} people were registered at the centre." for i in range(1, 400))
    shown = focus(analyse(Article(text=text, date=None)), limit=1_000)
    assert 0 < len(shown) <= 1_000


def test_the_model_reads_the_focus_and_the_evidence_points_into_the_whole_article() -> None:
    sent: list[str] = []
    answer = {
        "kind": "release",
        "sides": [
            {
                "received_by": "Ukraine",
                "released_by": "Russia",
                "people": 75,
                "people_words": "Another 75 of our people have returned",
            }
        ],
        "mediators": ["United Arab Emirates"],
    }

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content)["messages"][1]["content"])
        return httpx.Response(200, json=completion(json.dumps(answer)))

    client = httpx.Client(transport=httpx.MockTransport(handler))
    text = _long()
    result = Extractor.connect(base_url="http://127.0.0.1:1/v1", http_client=client, http_retries=0).extract(text)
    assert "[…]" in sent[0]
    assert CLUTTER.strip() not in sent[0]
    assert len(sent[0]) < len(text) // 2
    ev = result.evidence["ukraine.people"]
    assert text[ev.start : ev.end] == ev.quote
    assert ev.quote.startswith("75")
    assert result.facts["mediators"] == ["united arab emirates"]
    whole = Extractor.connect(
        base_url="http://127.0.0.1:1/v1", http_client=client, http_retries=0, options=Options(focus_chars=None)
    )
    whole.extract(text)
    assert CLUTTER.strip() in sent[-1]


def test_a_tiny_budget_is_refused() -> None:
    with pytest.raises(InputError, match="focus_chars"):
        Options(focus_chars=10)
