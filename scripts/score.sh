#!/usr/bin/env bash
# Score extraction on ../shared/corpus (dev and seeds) with the shared scorer.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
shared="$top/../shared"
bin="$top/.venv/bin/patlit"
[ -d "$shared/corpus" ] || { echo "no ../shared/corpus: nothing to score"; exit 0; }
mkdir -p "$top/build"
for set in dev seeds; do
  out="$top/build/pred-$set.jsonl"
  "$bin" extract "$shared/corpus/$set/docs.jsonl" > "$out"
  echo "== $set"
  python3 "$shared/eval/score.py" "$shared/corpus/$set/gold.jsonl" "$out" "$@"
done
