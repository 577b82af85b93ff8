"""The Ray path gives the same rows as extract_many on the same replayed inputs (a local 2-CPU cluster)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import ray
from typer.testing import CliRunner

from powx_llm import ConfigError
from powx_llm.cli import app
from powx_llm.corpus import ArticleInput, RowStatus, extract_dataset, extract_many, rows_of
from powx_llm.extract import Extractor
from tests.helpers import CASSETTES, EVAL_FILES

runner = CliRunner()
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _items() -> list[ArticleInput]:
    items = []
    for path in EVAL_FILES[:10]:
        data = json.loads(path.read_text(encoding="utf-8"))
        items.append(ArticleInput(path.stem, data["text"], data.get("published"), data.get("source_url")))
    return [*items, ArticleInput("empty", "  ")]


def test_the_ray_path_gives_the_rows_of_extract_many(cluster: Any) -> None:
    items = _items()
    ds = ray.data.from_items([{"id": i.id, "text": i.text, "published": i.published, "url": i.url} for i in items])
    out = extract_dataset(ds, replay=CASSETTES, actors=2, num_cpus=0.25, batch_size=4)
    rows = rows_of(out, order=[i.id for i in items])
    ex = Extractor.connect(replay=CASSETTES)
    local = list(extract_many(items, extractor=ex, progress=False))
    assert [r.id for r in rows] == [r.id for r in local]
    assert [r.status for r in rows] == [r.status for r in local]
    assert [r.extraction.facts if r.extraction else None for r in rows] == [
        r.extraction.facts if r.extraction else None for r in local
    ]
    assert rows[-1].status is RowStatus.ERROR  # an error is a row, never a dropped block
    assert rows[-1].error is not None


def test_the_ray_path_needs_an_endpoint(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ConfigError, match="endpoint every actor can reach"):
        extract_dataset(ray.data.from_items([{"id": "a", "text": "t"}]))


def test_powx_batch_runs_on_ray_and_resumes(cluster: Any, tmp_path: Path) -> None:
    files = [str(p) for p in EVAL_FILES[:6]]
    args = ["batch", *files, "--replay", str(CASSETTES)]
    on_ray = runner.invoke(app, [*args, "--out", str(tmp_path / "ray"), "--engine", "ray", "--jobs", "2"])
    assert on_ray.exit_code == 0, on_ray.output
    threads = runner.invoke(app, [*args, "--out", str(tmp_path / "threads")])
    assert threads.exit_code == 0
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "ray" / "facts.parquet"), pd.read_parquet(tmp_path / "threads" / "facts.parquet")
    )
    again = runner.invoke(app, [*args, "--out", str(tmp_path / "ray"), "--engine", "ray"])
    assert again.exit_code == 0
    assert f"{len(files)} from the journal" in again.output
