"""Each room's public surface is exactly its ``__all__``, kept sorted; no module imports itself back."""

from __future__ import annotations

import importlib
from types import ModuleType

import grimp
import pytest

PACKAGES = [
    "powx_llm",
    "powx_llm.model",
    "powx_llm.lexicon",
    "powx_llm.read",
    "powx_llm.check",
    "powx_llm.llm",
    "powx_llm.extract",
    "powx_llm.corpus",
    "powx_llm.report",
]


def _isort_key(name: str) -> tuple[int, str]:
    """Sort as ruff's RUF022 does: CONSTANTS, then Classes, then everything else."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


@pytest.mark.parametrize("package", PACKAGES)
def test_all_names_are_exported(package: str) -> None:
    module = importlib.import_module(package)
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, ModuleType) and name != "annotations"
    }
    assert public == set(module.__all__) - {"__version__"}


@pytest.mark.parametrize("package", PACKAGES)
def test_all_is_sorted_and_unique(package: str) -> None:
    names = importlib.import_module(package).__all__
    assert len(names) == len(set(names))
    assert list(names) == sorted(names, key=_isort_key)


def test_no_module_imports_itself_back() -> None:
    """No import cycle, function-local imports counted (grimp reads every import statement)."""
    graph = grimp.build_graph("powx_llm")
    cycles = [
        (a, b)
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if a != b and graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == []
