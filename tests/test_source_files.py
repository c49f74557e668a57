"""Every Python file of the project compiles without warnings (an invalid escape such as
"\\w" in a plain string is a warning today and an error in later Pythons)."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parent.parent
FILES = sorted(p for d in ("src", "tests", "bench", "scripts") for p in (TOP / d).rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(TOP)) for p in FILES])
def test_compiles_without_warnings(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
