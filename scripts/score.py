#!/usr/bin/env python3
"""Score extraction per language on ../shared/corpus with the shared scorer.

    .venv/bin/python scripts/score.py [--lang en|zh] [--verbose]

English = dev English documents + seeds (the issue's target set); Chinese = dev Chinese.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
SHARED = TOP.parent / "shared"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", choices=["en", "zh"], default="en")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print("no ../shared/corpus: nothing to score")
        return 0
    sets = ["dev", "seeds"] if args.lang == "en" else ["dev"]
    docs, gold = [], []
    for s in sets:
        docs += [d for d in load(corpus / s / "docs.jsonl") if d["lang"] == args.lang]
        gold += [g for g in load(corpus / s / "gold.jsonl") if g["lang"] == args.lang]
    with tempfile.TemporaryDirectory() as tmp:
        dpath, gpath, ppath = Path(tmp, "docs.jsonl"), Path(tmp, "gold.jsonl"), TOP / "build" / f"pred-{args.lang}.jsonl"
        ppath.parent.mkdir(exist_ok=True)
        dpath.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        gpath.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        with ppath.open("w", encoding="utf-8") as out:
            subprocess.run([str(TOP / ".venv/bin/patlit"), "extract", str(dpath)], stdout=out, check=False)
        cmd = [sys.executable, str(SHARED / "eval/score.py"), str(gpath), str(ppath)]
        if args.verbose:
            cmd.append("--verbose")
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
