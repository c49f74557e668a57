"""Scoring extraction against a gold corpus with the shared scorer (../shared/eval/score.py).

Used by the ratchet test, ``scripts/ratchet.py`` and the benchmarks. The scorer is
loaded from its file so that patlit never carries a copy of it.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from patlit.extract import extract_document
from patlit.model import Document
from patlit.record import to_record

FIELDS = ("parties", "patents", "amounts", "proceedings", "proceedings_strict")


def load_scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("patlit_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_sets(shared: Path) -> dict[str, tuple[list[dict], list[dict]]]:
    """The issues' target sets: ``en`` = dev English + seeds, ``zh`` = dev Chinese."""
    corpus = shared / "corpus"
    docs = _jsonl(corpus / "dev" / "docs.jsonl") + _jsonl(corpus / "seeds" / "docs.jsonl")
    gold = _jsonl(corpus / "dev" / "gold.jsonl") + _jsonl(corpus / "seeds" / "gold.jsonl")
    out = {}
    for lang in ("en", "zh"):
        out[lang] = ([d for d in docs if d.get("lang") == lang], [g for g in gold if g.get("lang") == lang])
    return out


def predict(docs: list[dict]) -> list[dict[str, Any]]:
    return [
        to_record(
            extract_document(
                Document(
                    doc_id=str(d["doc_id"]),
                    text=d["text"],
                    published=d.get("published"),
                    lang=d.get("lang"),
                    url=d.get("url"),
                    title=d.get("title"),
                )
            )
        )
        for d in docs
    ]


def f1_scores(shared: Path, lang: str) -> dict[str, float]:
    """F1 per scored field for one language set."""
    scorer = load_scorer(shared)
    docs, gold = corpus_sets(shared)[lang]
    preds = {r["doc_id"]: r for r in predict(docs)}
    report = scorer.score({g["doc_id"]: g for g in gold}, preds)
    return {name: round(report.fields[name].prf()[2], 4) for name in FIELDS if name in report.fields}
