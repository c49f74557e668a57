#!/usr/bin/env python3
"""Show dev-corpus F1 against the recorded floors; ``--update`` raises floors (never lowers them).

    .venv/bin/python scripts/ratchet.py [--update]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from patlit.evaluation import FIELDS, f1_scores

TOP = Path(__file__).resolve().parent.parent
FLOORS = TOP / "tests" / "ratchet.json"
SHARED = TOP.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="raise each floor to the current F1 when higher")
    args = ap.parse_args()
    if not (SHARED / "corpus").is_dir():
        print("no ../shared/corpus: nothing to measure")
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    worse = False
    for lang in ("en", "zh"):
        got = f1_scores(SHARED, lang)
        for field in FIELDS:
            f, floor = got.get(field, 0.0), floors[lang][field]
            mark = "  " if f >= floor - 1e-4 else "!!"
            worse |= mark == "!!"
            print(f"{mark} {lang} {field:<20} F1 {f:.4f}   floor {floor:.4f}")
            if args.update and f > floor:
                floors[lang][field] = round(f - 0.0001, 4)
    if args.update:
        FLOORS.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS.relative_to(TOP)}")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
