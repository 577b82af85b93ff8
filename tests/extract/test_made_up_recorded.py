"""The pipeline on real recorded responses of the embedded model, for the made-up reports of the cold probes.

The reports of ``tests/benchmarks/made_up_reports*.json`` (our own, written to probe phrasings the dev set
lacks) asked of the embedded model as the dev articles are (cued strategy, the settings of
``scripts/record.sh``). Cassettes: cassettes/test_made_up_recorded/, recorded from a freshly started server in
this file's order (``bash scripts/record.sh --made-up``). Replayed,
``tests/benchmarks/made_up_reports.py --replay`` scores the whole pipeline on them: the model's part too.
"""

from __future__ import annotations

import json

import pytest

from powx_llm import OutputTruncated
from powx_llm.extract import Extractor, Options, Strategy
from powx_llm.llm import MODEL_ALIAS
from tests.helpers import EMBEDDED_MODE, RECORD_URL, ROOT

REPORTS = [
    r
    for name in (
        "made_up_reports.json",
        "made_up_reports_2.json",
        "made_up_reports_3.json",
        "made_up_reports_4.json",
        "made_up_reports_5.json",
    )
    for r in json.loads((ROOT / "tests" / "benchmarks" / name).read_text(encoding="utf-8"))
]

# Reports on which the embedded model, as recorded, repeats one phrase inside a words field until its token
# limit ("many of them veterans, many of them veterans, …"): the pipeline must say so, not guess an answer.
TRUNCATED = {"t03-en"}


@pytest.mark.vcr
@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
def test_made_up_report(report: dict[str, object]) -> None:
    text = str(report["text"])
    options = Options(strategy=Strategy.CUED)
    extractor = Extractor.connect(
        base_url=RECORD_URL, model=MODEL_ALIAS, mode=EMBEDDED_MODE, http_retries=0, options=options
    )
    if report["id"] in TRUNCATED:
        with pytest.raises(OutputTruncated):
            extractor.extract(text)
        return
    result = extractor.extract(text)
    assert result.llm_calls >= 1
    assert result.ungrounded == 0
    for path, ev in result.evidence.items():
        assert text[ev.start : ev.end] == ev.quote, path
