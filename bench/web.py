#!/usr/bin/env python3
"""Server time to render a dispute page with 50 proceedings (target < 150 ms).

    .venv/bin/python bench/web.py [--proceedings 50] [--repeat 30] [--db PATH] [--json]

Builds a database synthetically through the store's writer (one document per
proceeding, each with its facts record and evidence spans: a suit, counter-suit,
invalidation requests and appeals between two party groups across forums), then
renders ``/disputes/{id}`` and ``/api/v1/disputes/{id}`` repeatedly with
FastAPI's TestClient and reports the median and p90 of the app's own time (the
``Server-Timing`` header the app sets, which excludes the test client's work).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 150.0
SIDE_A = ["Alpha Widgets Inc.", "Alpha Widgets (Shenzhen) Co., Ltd."]
SIDE_B = ["Beta Gadgets Ltd.", "Beta Gadgets GmbH"]
FORUMS = [
    ("txed", "the U.S. District Court for the Eastern District of Texas"),
    ("ded", "the U.S. District Court for the District of Delaware"),
    ("cn-bjipc", "the Beijing Intellectual Property Court"),
    ("de-lg-muenchen", "the Munich Regional Court"),
    ("upc", "the Unified Patent Court"),
]
OFFICES = [("ptab", "the Patent Trial and Appeal Board"), ("cnipa", "CNIPA"), ("epo", "the EPO")]
OUTCOMES = [None, None, "withdrawn", "settled", "claimant_won", "dismissed"]


def _span(text: str, part: str, start_at: int = 0) -> dict:
    i = text.index(part, start_at)
    # every synthetic document is one sentence per line
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    e = len(text) if e < 0 else e
    return {"start": i, "end": i + len(part), "text": part, "sentence": text[s:e], "sentence_start": s}


def _parent(name: str) -> str | None:
    """The second name of each side is an affiliate of the first, so both sides stay one group each."""
    for side in (SIDE_A, SIDE_B):
        if name == side[1]:
            return side[0]
    return None


def synthetic_document(i: int):
    """Document ``i`` and its facts record: one proceeding of the synthetic dispute."""
    from patlit.model import Document

    year, month = 2015 + i // 6, 1 + (i * 2) % 12
    date = f"{year}-{month:02d}-{1 + i % 27:02d}"
    kind = ["infringement", "invalidation", "infringement", "appeal", "invalidation"][i % 5]
    a, b = SIDE_A[i % 2], SIDE_B[(i // 2) % 2]
    if kind == "invalidation":
        forum, forum_text = OFFICES[i % len(OFFICES)]
        claimant, respondent = b, a
        action = "filed a request to invalidate a patent of"
    else:
        forum, forum_text = FORUMS[i % len(FORUMS)]
        claimant, respondent = (a, b) if i % 3 else (b, a)
        action = "appealed against" if kind == "appeal" else "sued"
    patent = f"US{9_000_000 + i * 7919}"
    millions = 5 + (i * 37) % 200
    text = (
        f"Report {i} on the Alpha and Beta patent dispute.\n"
        f"On {date}, {claimant} {action} {respondent} before {forum_text} over patent {patent}.\n"
        f"{claimant} asked for damages of USD {millions} million.\n"
        f"Observers expect the case to take a year.\n"
    )
    trigger = _span(text, action)
    amount_ev = _span(text, f"USD {millions} million")
    outcome = OUTCOMES[i % len(OUTCOMES)] if kind != "invalidation" else None
    record = {
        "doc_id": f"synthetic-{i:03d}",
        "lang": "en",
        "published": date,
        "parties": [
            {"name": claimant, "aliases": [], "kind": "org", "affiliate_of": _parent(claimant),
             "evidence": [_span(text, claimant, text.index("\n"))]},
            {"name": respondent, "aliases": [], "kind": "org", "affiliate_of": _parent(respondent),
             "evidence": [_span(text, respondent, trigger["end"])]},
        ],
        "patents": [patent],
        "proceedings": [{
            "kind": kind, "claimants": [claimant], "respondents": [respondent], "forum": forum, "date": date,
            "patents": [patent], "amounts": [{"value": millions * 1_000_000, "currency": "USD", "role": "damages"}],
            "outcome": outcome, "case_number": None, "evidence": [trigger, _span(text, forum_text)],
        }],
        "amounts": [{"value": millions * 1_000_000, "currency": "USD", "role": "damages", "evidence": [amount_ev]}],
        "patent_facts": [{"id": patent, "office": "US", "evidence": [_span(text, patent)]}],
        "warnings": [],
        "title": f"Alpha v. Beta, report {i}",
        "url": None,
    }
    doc = Document(doc_id=record["doc_id"], text=text, published=date, lang="en", title=record["title"],
                   source="synthetic")
    return doc, record


def build(db_path: Path, n: int) -> str:
    from patlit.store.db import open_store
    from patlit.store.writer import Writer

    store = open_store(str(db_path))
    writer = Writer(store)
    for i in range(n):
        writer.add(*synthetic_document(i))
    store.close()
    return f"sqlite:///{db_path}"


def measure(client, url: str, repeat: int) -> dict:
    server, wall = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        wall.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
        timing = r.headers.get("server-timing", "")
        server.append(float(timing.split("dur=", 1)[1]) if "dur=" in timing else wall[-1])
    server.sort()
    return {
        "url": url,
        "median_ms": round(statistics.median(server), 2),
        "p90_ms": round(server[int(0.9 * (len(server) - 1))], 2),
        "wall_median_ms": round(statistics.median(wall), 2),
        "bytes": len(r.content),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--proceedings", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--db", type=Path, help="keep the synthetic database here (default: a temp dir)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from fastapi.testclient import TestClient

    from patlit.store import queries
    from patlit.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "bench-web.db"
        if db_path.exists():
            db_path.unlink()
        t0 = time.perf_counter()
        url = build(db_path, args.proceedings)
        build_s = time.perf_counter() - t0
        app = create_app(url)
        with app.state.db.session() as s:
            listing = queries.list_disputes(s, sort="latest", limit=10, offset=0)
            biggest = max(listing["items"], key=lambda d: d.get("n_proceedings", 0))
            dispute = queries.get_dispute(s, biggest["id"])
        n_procs = len(dispute["proceedings"])
        with TestClient(app) as client:
            client.get(f"/disputes/{biggest['id']}")  # warm-up: templates compiled, caches filled
            page = measure(client, f"/disputes/{biggest['id']}", args.repeat)
            api = measure(client, f"/api/v1/disputes/{biggest['id']}", args.repeat)
        app.state.db.close()
    result = {
        "proceedings_in_dispute": n_procs,
        "events": len(dispute.get("events") or []),
        "documents": args.proceedings,
        "build_s": round(build_s, 2),
        "page": page,
        "api": api,
        "target_ms": TARGET_MS,
        "meets_target": page["median_ms"] < TARGET_MS,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"dispute with {n_procs} proceedings, {result['events']} events, from {args.proceedings} documents "
              f"(built in {result['build_s']} s)")
        for name in ("page", "api"):
            m = result[name]
            print(f"  {name:4} {m['url']}: server median {m['median_ms']} ms, p90 {m['p90_ms']} ms "
                  f"(wall {m['wall_median_ms']} ms, {m['bytes']} bytes)")
        print(f"  target < {TARGET_MS:.0f} ms server time for the page: {'met' if result['meets_target'] else 'MISSED'}")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
