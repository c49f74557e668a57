#!/usr/bin/env python3
"""Ingest throughput and query latency of the dispute database.

    .venv/bin/python bench/ingest.py [--docs 5000] [--jobs 0] [--store-only] [--keep PATH] [--json]

1. Writes >= --docs documents (../shared dev + seeds corpus, else the bundled samples,
   repeated with a varying marker line so that every copy has its own hash) to a JSONL
   file and ingests it end to end (read, extract, resolve, store) into a fresh SQLite
   file, as `patlit ingest` does. Reports documents/s, this process's CPU time per
   document and its peak memory (max RSS).
   --store-only uses the gold facts records instead of extraction (storage and
   resolution alone; needs ../shared).
2. Times the query functions on that database (median of several runs) and the query
   commands in-process (CliRunner; a new process adds the interpreter's start-up).
Targets (issue 4): >= 150 documents/s; each query < 100 ms.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
SHARED = TOP.parent / "shared"
MARKER = "\n\n[bench copy {i}]"
QUERY_RUNS = 7


def load_docs() -> tuple[list[dict], dict[str, dict], str]:
    corpus = SHARED / "corpus"
    if (corpus / "dev" / "docs.jsonl").is_file():
        docs, gold = [], {}
        for s in ("dev", "seeds"):
            docs += [json.loads(x) for x in (corpus / s / "docs.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            for x in (corpus / s / "gold.jsonl").read_text(encoding="utf-8").splitlines():
                if x.strip():
                    g = json.loads(x)
                    gold[g["doc_id"]] = g
        return docs, gold, "../shared/corpus dev + seeds"
    samples = TOP / "src" / "patlit" / "samples"
    docs = [{"doc_id": p.stem, "text": p.read_text(encoding="utf-8"), "lang": p.parent.name}
            for p in sorted(samples.glob("*/*.txt"))]
    return docs, {}, "bundled samples"


def write_corpus(docs: list[dict], n: int, path: Path) -> int:
    count = max(n, len(docs))
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            d = dict(docs[i % len(docs)])
            d["doc_id"] = f"{d['doc_id']}-{i}"
            d["text"] = d["text"] + MARKER.format(i=i)
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return count


def ingest(corpus: Path, db: Path, jobs: int, gold: dict | None) -> dict:
    from patlit import ingest_run

    if gold is not None:  # storage and resolution only: the gold record of the copied document
        def from_gold(doc):
            base = doc.doc_id.rsplit("-", 1)[0]
            return {**gold[base], "doc_id": doc.doc_id}

        ingest_run.extract_record = from_gold
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    s = ingest_run.run_ingest([str(corpus)], db=str(db), jobs=jobs, report=lambda _m: None)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_main = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": s.new + s.duplicate + s.failed,
        "new": s.new, "failed": s.failed,
        "seconds": round(wall, 2),
        "docs_per_s": round((s.new + s.duplicate + s.failed) / wall, 1),
        # CPU time of this process (reading, resolving, storing; extracting too when jobs=1) is what
        # contention on a shared machine does not change. Workers run under a forkserver, so their
        # CPU time is not visible here.
        "cpu_ms_per_doc_main": round(1000 * cpu_main / max(1, s.new + s.duplicate + s.failed), 2),
        "peak_rss_mb_main": round(rss_self, 1),
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "first_error": s.errors[0] if s.errors else None,
    }


def _median_ms(fn) -> float:
    times = []
    for _ in range(QUERY_RUNS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def time_queries(db: Path) -> list[tuple[str, float]]:
    from patlit.store import open_store, queries

    store = open_store(str(db))
    out = []
    with store.session() as s:
        biggest = queries.list_disputes(s, sort="proceedings", limit=1)["items"]
        busiest_party = queries.list_parties(s, limit=1)["items"]
        patent = queries.list_patents(s, limit=1)["items"]
        doc = queries.list_documents(s, limit=1)["items"]
        party = busiest_party[0]["name"] if busiest_party else "x"
        cases = [
            ("list_disputes()", lambda: queries.list_disputes(s)),
            (f"list_disputes(party={party[:20]!r})", lambda: queries.list_disputes(s, party=party)),
            ("list_disputes(jurisdiction='CN', since=2019)", lambda: queries.list_disputes(s, jurisdiction="CN", since="2019")),
            ("list_disputes(sort='amount')", lambda: queries.list_disputes(s, sort="amount")),
            ("get_dispute(largest)", lambda: queries.get_dispute(s, biggest[0]["id"]) if biggest else None),
            ("get_party(busiest)", lambda: queries.get_party(s, party)),
            ("get_patent", lambda: queries.get_patent(s, patent[0]["id"]) if patent else None),
            ("get_document", lambda: queries.get_document(s, doc[0]["doc_id"]) if doc else None),
            ("search('patent infringement')", lambda: queries.search(s, "patent infringement")),
            ("search('专利')", lambda: queries.search(s, "专利")),
            ("list_parties / list_patents", lambda: (queries.list_parties(s), queries.list_patents(s))),
        ]
        for name, fn in cases:
            fn()  # warm
            out.append((name, _median_ms(fn)))
    store.close()

    from typer.testing import CliRunner

    from patlit.cli import app

    runner = CliRunner()
    commands = [["disputes"], ["dispute", str(biggest[0]["id"]) if biggest else "1"], ["party", party],
                ["search", "patent"]]
    for args in commands:
        full = [*args, "--db", str(db)]
        runner.invoke(app, full)
        out.append(("patlit " + " ".join(a[:20] for a in args) + " (in-process)", _median_ms(lambda: runner.invoke(app, full))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=0, help="extraction processes (as patlit ingest --jobs; 0: automatic)")
    ap.add_argument("--store-only", action="store_true", help="gold records instead of extraction")
    ap.add_argument("--keep", help="keep the database at this path")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    docs, gold, origin = load_docs()
    if args.store_only and not gold:
        print("--store-only needs ../shared (gold records)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(docs, args.docs, corpus)
        db = Path(args.keep) if args.keep else Path(tmp) / "bench.db"
        if db.exists():
            db.unlink()
        # gold records replace extraction in this process only: no worker processes then
        jobs = 1 if args.store_only else args.jobs
        if jobs == 0:
            from patlit.ingest_run import auto_jobs

            jobs = auto_jobs([str(corpus)])
        result = ingest(corpus, db, jobs, gold if args.store_only else None)
        queries = time_queries(db)
    report = {"corpus": origin, "copies_of": len(docs), "generated": n, "jobs": jobs,
              "mode": "store-only (gold records)" if args.store_only else "end to end", "ingest": result,
              "queries_ms": dict(queries)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    t = Table("ingest", "value", title=f"patlit ingest: {n} documents ({origin}), {report['mode']}, jobs={jobs}")
    for k, v in result.items():
        t.add_row(k, str(v))
    t.add_row("target", ">= 150 docs/s")
    q = Table("query", "median ms", title="queries (target < 100 ms each)")
    for name, ms in queries:
        q.add_row(name, f"{ms:.1f}" + ("" if ms < 100 else "  SLOW"))
    Console().print(t)
    Console().print(q)
    return 0


if __name__ == "__main__":
    sys.exit(main())
