"""The shared corpus (../shared/corpus) for table-driven corpus tests; empty when absent."""
from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_pairs() -> list[tuple[dict, dict]]:
    """(document, gold record) for every dev and seed document; [] without the corpus."""
    pairs = []
    for part in ("dev", "seeds"):
        docs_path, gold_path = CORPUS / part / "docs.jsonl", CORPUS / part / "gold.jsonl"
        if not docs_path.is_file():
            return []
        gold = {g["doc_id"]: g for g in map(json.loads, gold_path.read_text("utf-8").splitlines()) if g}
        for line in docs_path.read_text("utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                pairs.append((doc, gold[doc["doc_id"]]))
    return pairs
