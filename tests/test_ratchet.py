"""The dev-corpus ratchet: no F1 may drop below the floor recorded in tests/ratchet.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from patlit.evaluation import FIELDS, f1_scores

FLOORS = json.loads((Path(__file__).parent / "ratchet.json").read_text(encoding="utf-8"))
TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def scores(corpus_dir: Path) -> dict[str, dict[str, float]]:
    shared = corpus_dir.parent
    return {lang: f1_scores(shared, lang) for lang in ("en", "zh")}


@pytest.mark.corpus
@pytest.mark.parametrize("lang,field", [(lang, f) for lang in ("en", "zh") for f in FIELDS], ids=lambda x: str(x))
def test_f1_not_below_floor(scores: dict[str, dict[str, float]], lang: str, field: str) -> None:
    floor = FLOORS[lang][field]
    got = scores[lang].get(field, 0.0)
    assert got >= floor - TOLERANCE, f"{lang} {field}: F1 {got:.4f} fell below the recorded floor {floor:.4f}"
