"""The seed articles end to end with real extraction: what must hold for the dispute database.

Skipped when ../shared is absent. Passes only once extraction finds the facts: it is
the acceptance test of issue 4, not marked xfail.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from patlit.ingest_run import run_ingest
from patlit.store import open_store, queries

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds"
ORDERS = [list(p) for p in itertools.permutations(["seed-000.txt", "seed-001.txt", "seed-002.txt"])][::2]


@pytest.fixture(scope="module", params=ORDERS, ids=["-".join(o).replace(".txt", "") for o in ORDERS])
def seeded(request, tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    files = [str(SEEDS / name) for name in request.param]
    first = run_ingest(files, db=db, report=lambda _m: None)
    second = run_ingest(files, db=db, report=lambda _m: None)
    store = open_store(db)
    yield store, first, second
    store.close()


def _dispute(session, party: str) -> dict:
    hits = queries.list_disputes(session, party=party)["items"]
    assert len(hits) == 1, [h["title"] for h in hits]
    return queries.get_dispute(session, hits[0]["id"])


def test_every_seed_is_stored_once(seeded) -> None:
    _store, first, second = seeded
    assert (first.new, first.failed) == (3, 0)
    assert (second.new, second.duplicate, second.facts) == (0, 3, 0)


def test_hpe_v_inspur_is_one_dispute_with_the_suit_and_the_withdrawn_challenges(seeded) -> None:
    store, *_ = seeded
    with store.session() as s:
        d = _dispute(s, "Hewlett Packard Enterprise")
        inspur = queries.get_party(s, "Inspur")
    suits = [p for p in d["proceedings"] if p["kind"] == "infringement"]
    assert len(suits) == 1
    (suit,) = suits
    assert suit["forum"] == "cand" and suit["date"] == "2024-04-15"
    assert {"US8218566", "US7634671", "US9229737", "US8335891", "US8108508"} <= set(suit["patents"])
    respondents = {r["name"] for r in suit["respondents"]}
    assert {"Aivres Systems Inc.", "Betapex Inc.", "KAYTUS Singapore Pte. Ltd."} <= respondents | {
        a["name"] for a in inspur["affiliates"]}
    assert len(respondents) >= 4  # Inspur and its affiliates
    challenges = [p for p in d["proceedings"] if p["kind"] == "invalidation"]
    assert challenges and all(p["outcome"] == "withdrawn" for p in challenges)
    assert {"CN201680022610.9", "CN201811106156.2", "CN201910920784.2", "CN201280077899.6"} <= {
        pid for p in challenges for pid in p["patents"]}
    assert all(p["forum"] in ("cnipa", None) for p in challenges)


def test_wangsu_v_baishancloud_is_one_dispute_with_every_action_and_the_totals(seeded) -> None:
    store, *_ = seeded
    with store.session() as s:
        d = _dispute(s, "Wangsu")
    kinds = [p["kind"] for p in d["proceedings"]]
    assert kinds.count("infringement") == 3
    side_of = {g["id"]: i for i, side in enumerate(d["sides"]) for g in side}
    directions = {(p["kind"], side_of[p["claimants"][0]["group_id"]]) for p in d["proceedings"] if p["claimants"]}
    assert {("invalidation", 0), ("invalidation", 1)} <= directions  # invalidation requests both ways
    cny = d["totals"]["CNY"]
    assert cny["damages"] == 410_000_000
    assert cny["costs"] == 2_230_000
