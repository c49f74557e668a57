#!/usr/bin/env python3
"""Forum and case-number extractors: index build time and ms per KB.

    .venv/bin/python bench/forums.py [--rounds 50]

The build (courts-db data -> US court index, forums.yaml, one Aho-Corasick automaton)
is timed in a fresh interpreter so nothing is cached. Documents: ../shared corpus
(dev + seeds), else the bundled samples. Target: < 0.1 ms per KB for each extractor.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import load_docs  # noqa: E402  (bench/extract.py)

_BUILD = (
    "import time; from patlit.extract import forums; t = time.perf_counter(); forums.warm_up(); "
    "print(round((time.perf_counter() - t) * 1000, 1))"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    args = ap.parse_args()
    build_ms = float(subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, check=True).stdout)

    from patlit.extract import case_numbers, forums
    from patlit.extract.context import Context, detect_language

    docs, source = load_docs()
    ctxs = [Context(text=d["text"], lang=d.get("lang") or detect_language(d["text"])) for d in docs]
    forums.warm_up()
    out = {"source": source, "index_build_ms": build_ms}
    for lang in ("en", "zh"):
        batch = [c for c in ctxs if c.lang == lang]
        if not batch:
            continue
        kb = sum(len(c.text.encode("utf-8")) for c in batch) / 1024
        for name, fn in (("forums", forums.extract), ("case_numbers", case_numbers.extract)):
            t = time.perf_counter()
            for _ in range(args.rounds):
                for c in batch:
                    fn(c)
            dt = (time.perf_counter() - t) / args.rounds
            out[f"{name}_{lang}_ms_per_kb"] = round(dt * 1000 / kb, 4)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
