"""Every import the README, the docs and the notebooks show comes from a room's tested ``__all__``."""

from __future__ import annotations

import importlib
import json
import re

import pytest

from tests.helpers import ROOT

_IMPORT = re.compile(r"^\s*from (powx_llm(?:\.\w+)*) import \(?([\w, \n]+?)\)?\s*(?:#.*)?$", re.M)


def _documents() -> dict[str, str]:
    texts = {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *ROOT.glob("docs/*.md")]
    }
    for nb in sorted(ROOT.glob("examples/*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        texts[str(nb.relative_to(ROOT))] = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return texts


IMPORTS = [
    (doc, module, name.strip())
    for doc, text in _documents().items()
    for module, names in _IMPORT.findall(text)
    for name in names.replace("\n", " ").split(",")
    if name.strip()
]


def test_the_documents_show_imports() -> None:
    assert len({doc for doc, _, _ in IMPORTS}) >= 5


@pytest.mark.parametrize(("doc", "module", "name"), IMPORTS, ids=[f"{d}:{m}.{n}" for d, m, n in IMPORTS])
def test_each_documented_import_is_public(doc: str, module: str, name: str) -> None:
    assert not any(part.startswith("_") for part in module.split(".")), f"{doc} imports a private module {module}"
    exported = importlib.import_module(module).__all__
    assert name in exported, f"{doc}: {name} is not in {module}.__all__"
