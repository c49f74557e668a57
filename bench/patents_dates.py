#!/usr/bin/env python3
"""Patent and date extractor cost: CPU milliseconds per KB of text, English and Chinese.

    .venv/bin/python bench/patents_dates.py [--rounds 50] [--repeats 5] [--json]

Runs :func:`patlit.extract.patents.extract`, :func:`patlit.extract.dates.extract`
and :func:`patlit.extract.dates.find_published` alone over the corpus texts of
../shared (dev + seeds), on prepared contexts (sentence splitting is not counted),
and reports the best of ``--repeats`` runs of ``--rounds`` passes (CPU time, so
other processes on the machine disturb it less). Falls back to the bundled samples
when ../shared is absent. Target: under 0.05 ms per KB per extractor.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Callable

TOP = Path(__file__).resolve().parent.parent
SHARED = TOP.parent / "shared"


def load_docs() -> list[dict]:
    corpus = SHARED / "corpus"
    out: list[dict] = []
    if (corpus / "dev" / "docs.jsonl").is_file():
        for part in ("dev", "seeds"):
            for line in (corpus / part / "docs.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(json.loads(line))
        return out
    for path in sorted((TOP / "src" / "patlit" / "samples").glob("*/*.txt")):
        out.append({"lang": path.parent.name, "text": path.read_text(encoding="utf-8"), "published": None})
    return out


def best_of(fn: Callable[[], object], rounds: int, repeats: int) -> float:
    """Best CPU seconds for one pass."""
    times = []
    for _ in range(repeats):
        t = time.process_time()
        for _ in range(rounds):
            fn()
        times.append((time.process_time() - t) / rounds)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from patlit.extract import dates, patents
    from patlit.extract.context import Context

    results: dict[str, dict[str, float]] = {}
    docs = load_docs()
    for lang in ("en", "zh"):
        sel = [d for d in docs if d["lang"] == lang]
        if not sel:
            continue
        # a published date for every document, so relative dates are resolved too
        ctxs = [Context(text=d["text"], lang=lang, published=d.get("published") or "2024-01-15") for d in sel]
        kb = sum(len(d["text"].encode("utf-8")) for d in sel) / 1024
        patents.extract(ctxs[0])
        dates.extract(ctxs[0])
        p = best_of(lambda: [patents.extract(c) for c in ctxs], args.rounds, args.repeats)
        d = best_of(lambda: [dates.extract(c) for c in ctxs], args.rounds, args.repeats)
        f = best_of(lambda: [dates.find_published(x["text"], lang) for x in sel], args.rounds, args.repeats)
        results[lang] = {
            "docs": len(sel),
            "kb": round(kb, 1),
            "patents_ms_per_kb": round(p * 1000 / kb, 4),
            "dates_ms_per_kb": round(d * 1000 / kb, 4),
            "find_published_ms_per_doc": round(f * 1000 / len(sel), 4),
        }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for lang, r in results.items():
            print(
                f"{lang}: {r['docs']} docs, {r['kb']} KB  patents {r['patents_ms_per_kb']:.4f} ms/KB  "
                f"dates {r['dates_ms_per_kb']:.4f} ms/KB  find_published {r['find_published_ms_per_doc']:.4f} ms/doc"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
