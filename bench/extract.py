#!/usr/bin/env python3
"""Extraction throughput: documents per second on one core, and peak memory.

    .venv/bin/python bench/extract.py [--docs 5000] [--repeat 3] [--json]

Runs the whole pipeline (language, mentions, parties, proceedings, facts record)
in this one process over the corpus of ../shared (dev + seeds) repeated to at
least --docs documents, separately for English and Chinese; falls back to the
bundled samples when ../shared is absent. Also times `patlit --help` (cold start).
Each language's batch is timed --repeat times; the best pass is the figure compared with the
target (as timeit does: slower passes measure other processes on the machine, not patlit), and
the median and the CPU-time rate are printed beside it.
Targets (issues 2 and 3): >= 500 English and >= 300 Chinese documents/s; --help < 0.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
SHARED = TOP.parent / "shared"


def load_docs() -> tuple[list[dict], str]:
    corpus = SHARED / "corpus"
    if (corpus / "dev" / "docs.jsonl").is_file():
        docs = []
        for s in ("dev", "seeds"):
            docs += [json.loads(x) for x in (corpus / s / "docs.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
        return docs, "../shared/corpus dev + seeds"
    samples = TOP / "src" / "patlit" / "samples"
    docs = [
        {"doc_id": p.stem, "text": p.read_text(encoding="utf-8"), "lang": p.parent.name}
        for p in sorted(samples.glob("*/*.txt"))
    ]
    return docs, "bundled samples"


def run(docs: list[dict], n: int, repeat: int) -> dict:
    from patlit.extract import extract_document
    from patlit.model import Document
    from patlit.record import to_record

    base = [Document(doc_id=d["doc_id"], text=d["text"], published=d.get("published"), lang=d.get("lang")) for d in docs]
    batch = [base[i % len(base)] for i in range(max(n, len(base)))]
    for d in base:  # warm caches (lexicons, automata) outside the timing
        to_record(extract_document(d))
    chars = sum(len(d.text) for d in batch)
    passes = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        for d in batch:
            to_record(extract_document(d))
        passes.append((time.perf_counter() - t0, time.process_time() - cpu0))
    walls = sorted(w for w, _ in passes)
    wall, cpu = min(passes)
    return {
        "documents": len(batch),
        "mean_kb": round(chars / len(batch) / 1024, 2),
        "passes": repeat,
        "seconds": round(wall, 3),
        "docs_per_s": round(len(batch) / wall, 1),
        "median_docs_per_s": round(len(batch) / statistics.median(walls), 1),
        "docs_per_cpu_s": round(len(batch) / cpu, 1) if cpu else None,
    }


def help_time() -> float:
    exe = TOP / ".venv" / "bin" / "patlit"
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "patlit.cli", "--help"]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t0)
    return round(best, 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000, help="documents per language (default 5000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per language; the best counts (default 3)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    if args.repeat < 1 or args.docs < 1:
        ap.error("--docs and --repeat must be at least 1")
    docs, source = load_docs()
    results = {"source": source, "python": f"{platform.python_version()} ({os.path.realpath(sys.executable)})"}
    for lang, target in (("en", 500), ("zh", 300)):
        subset = [d for d in docs if (d.get("lang") or "en") == lang]
        if subset:
            results[lang] = run(subset, args.docs, args.repeat) | {"target_docs_per_s": target}
    results["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["help_seconds"] = help_time()
    if args.json:
        print(json.dumps(results))
        return 0
    print(f"corpus: {source}; python {results['python']}")
    for lang in ("en", "zh"):
        if lang in results:
            r = results[lang]
            ok = "ok" if r["docs_per_s"] >= r["target_docs_per_s"] else "BELOW TARGET"
            print(f"{lang}: {r['documents']} docs ({r['mean_kb']} KB mean) in {r['seconds']} s = "
                  f"{r['docs_per_s']} docs/s, best of {r['passes']} (target {r['target_docs_per_s']}: {ok}); "
                  f"median {r['median_docs_per_s']}, per CPU second {r['docs_per_cpu_s']}")
    print(f"peak memory (max RSS of this process): {results['max_rss_mib']} MiB")
    print(f"patlit --help: {results['help_seconds']} s (target < 0.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
