#!/usr/bin/env python3
"""CPU cost of the Chinese parties and proceedings grammars, per document and per KB.

    .venv/bin/python bench/zh_grammar.py [--rounds 30]

Runs :func:`patlit.extract.parties_zh.extract` and
:func:`patlit.extract.proceedings_zh.find_actions` (as the pipeline does: the second
call reuses the first one's analysis) over the Chinese documents of ../shared/corpus/dev
and the bundled Chinese samples. Target (issue 3): well under 1 ms per ~2 KB document.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from patlit.extract import case_numbers, dates, forums, money, parties_zh, patents, proceedings_zh
from patlit.extract.context import Context
from patlit.extract.overlaps import settle

TOP = Path(__file__).resolve().parent.parent
SHARED = TOP.parent / "shared"


def load_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((TOP / "src/patlit/samples/zh").glob("*.txt"))]
    dev = SHARED / "corpus" / "dev" / "docs.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d.get("lang") == "zh":
                texts.append(d["text"])
    return texts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()
    texts = load_texts()
    prepared = []
    for text in texts:
        ctx = Context(text=text, lang="zh")
        found = settle([*patents.extract(ctx), *case_numbers.extract(ctx), *money.extract(ctx),
                        *forums.extract(ctx), *dates.extract(ctx)])
        prepared.append((ctx, found))
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    for ctx, found in prepared:  # warm the lexicon caches
        proceedings_zh.find_actions(ctx, parties_zh.extract(ctx, found), found)
    start = time.process_time()
    for _ in range(args.rounds):
        for ctx, found in prepared:
            proceedings_zh.find_actions(ctx, parties_zh.extract(ctx, found), found)
    cpu = time.process_time() - start
    n = args.rounds * len(prepared)
    print(f"{len(texts)} documents, {kb / len(texts):.1f} KB each on average")
    print(f"parties_zh + proceedings_zh: {1000 * cpu / n:.3f} ms/doc, {1000 * cpu / (args.rounds * kb):.3f} ms/KB")


if __name__ == "__main__":
    main()
