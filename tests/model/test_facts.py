"""facts() agrees with the reference flattening on every dev file; score() with the reference scoring."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from powx_llm import Exchange, facts, score
from tests.helpers import EVAL_FILES, ROOT, load

REFERENCE = ROOT / "tests" / "reference" / "facts.py"  # vendored from shared/eval/facts.py


def _gold(path: Path) -> Exchange:
    gold = {k: v for k, v in load(path)["gold"].items() if k not in ("consistency", "inconsistencies")}
    return Exchange.model_validate(gold)


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.stem)
def test_facts_equal_the_files_facts(path: Path) -> None:
    assert facts(_gold(path)) == load(path)["facts"]


@pytest.mark.parametrize("path", EVAL_FILES, ids=lambda p: p.stem)
def test_gold_scores_perfectly_against_itself(path: Path) -> None:
    art = load(path)
    s = score(facts(_gold(path)), art["facts"], published=art.get("published"))
    assert (s.right, s.predicted, s.gold) == (len(art["facts"]),) * 3
    assert s.differences == ()


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_facts", REFERENCE)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("pred", "gold", "published"),
    [
        ({"ukraine.people": 75, "ukraine.men": 71}, {"ukraine.people": 75, "ukraine.men": 70}, None),
        ({"ukraine.cohort.confirmed_pows": 5}, {"ukraine.cohort.pow_status_confirmed_via_icrc": 5}, None),
        ({"ukraine.cohort.chernobyl": 14}, {"ukraine.cohort.chornobyl": 14}, None),
        ({"exchange_date": "2024-05-31", "kind": "none"}, {"kind": "none"}, "2024-05-31"),
        ({"mediators": ["UAE", "Turkiye"]}, {"mediators": ["turkey", "united arab emirates"]}, None),
        ({"ukraine.people": 5, "ukraine.people_qualifier": "at_least"}, {"ukraine.people": 5}, None),
    ],
)
def test_score_agrees_with_the_reference(
    pred: dict[str, object], gold: dict[str, object], published: str | None
) -> None:
    ref = _reference()
    right, npred, ngold, diffs = ref.score(pred, gold, published)
    s = score(pred, gold, published=published)
    assert (s.right, s.predicted, s.gold, list(s.differences)) == (right, npred, ngold, diffs)


def test_plain_integers_are_exact_counts() -> None:
    t = Exchange.model_validate({"transfers": [{"to": "Ukraine", "people": 75}]}).transfers[0]
    assert t.people is not None
    assert (t.people.value, t.people.qualifier.value) == (75, "exact")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("UAE", "United Arab Emirates"),
        ("Russian Federation", "Russia"),
        ("Hamas", "Hamas"),
        ("the Vatican", "Holy See"),
        ("ICRC", "International Committee of the Red Cross"),
    ],
)
def test_party_and_mediator_names_are_canonical(name: str, canonical: str) -> None:
    e = Exchange.model_validate({"mediators": [name], "transfers": [{"to": name, "from": name}]})
    assert e.mediators == (canonical,)
    assert (e.transfers[0].to, e.transfers[0].from_) == (canonical, canonical)


def test_models_are_frozen_and_strict() -> None:
    e = Exchange.model_validate({"kind": "release"})
    with pytest.raises(ValueError, match="frozen"):
        e.kind = "none"  # type: ignore[assignment,misc]
    with pytest.raises(ValueError, match="Extra inputs"):
        Exchange.model_validate({"kind": "release", "surprise": 1})
