"""The JSON API under /api/v1 against a database ingested from the fixture documents."""
from __future__ import annotations

import json
import re

import pytest

from web_support import FIXTURES, app, client, dispute, session  # noqa: F401  (fixtures)

from patlit.store import queries

API = "/api/v1"




def same(data) -> object:
    """What a value looks like after a JSON round trip (tuples become lists, keys strings)."""
    return json.loads(json.dumps(data))


ENDPOINTS = [
    "/stats", "/disputes", "/disputes/{dispute_id}", "/parties", "/parties/{party_id}", "/patents", "/patents/{pid}",
    "/documents", "/documents/{doc_id}", "/search",
]


@pytest.mark.parametrize("path", ENDPOINTS, ids=ENDPOINTS)
def test_openapi_documents_every_endpoint(client, path):
    spec = client.get(f"{API}/openapi.json").json()
    assert f"{API}{path}" in spec["paths"]
    assert "get" in spec["paths"][f"{API}{path}"]


def test_docs_page_loads_nothing_from_elsewhere(client):
    r = client.get(f"{API}/docs")
    assert r.status_code == 200
    assert "/api/v1/openapi.json" in r.text
    for attr in ("src", "href"):
        for url in re.findall(rf'{attr}="([^"]+)"', r.text):
            assert not url.startswith(("http:", "https:", "//")), url


def test_stats_are_the_query_layers(client, session):
    assert client.get(f"{API}/stats").json() == queries.stats(session)


def test_disputes_list_is_the_query_layers(client, session):
    got = client.get(f"{API}/disputes").json()
    want = queries.list_disputes(session, limit=50, offset=0)
    assert got["total"] == want["total"] >= 2
    assert got["items"] == same(want["items"])
    assert (got["limit"], got["offset"]) == (50, 0)


def test_disputes_are_paginated(client, session):
    full = client.get(f"{API}/disputes").json()["items"]
    page = client.get(f"{API}/disputes", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == len(full)
    assert [d["id"] for d in page["items"]] == [full[1]["id"]]


def test_filter_by_party_keeps_only_that_partys_disputes(client, session, dispute):
    name = dispute["sides"][0][0]["name"]
    got = client.get(f"{API}/disputes", params={"party": name}).json()
    assert dispute["id"] in [d["id"] for d in got["items"]]
    assert got["total"] < queries.list_disputes(session)["total"]  # the other fixture dispute is left out
    assert got["items"] == same(queries.list_disputes(session, party=name)["items"])


def test_filter_by_jurisdiction(client, session, dispute):
    juris = sorted(dispute["jurisdictions"])[0]
    got = client.get(f"{API}/disputes", params={"jurisdiction": juris}).json()
    assert got["items"] and all(juris in d["jurisdictions"] for d in got["items"])
    others = {d["id"] for d in queries.list_disputes(session)["items"] if juris not in d["jurisdictions"]}
    assert not others & {d["id"] for d in got["items"]}


def test_filter_by_year_keeps_disputes_with_something_that_year(client, session, dispute):
    year = int(next(e["date"] for e in dispute["events"] if e["date"])[:4])
    got = client.get(f"{API}/disputes", params={"year": year}).json()
    assert dispute["id"] in [d["id"] for d in got["items"]]
    for item in got["items"]:
        d = queries.get_dispute(session, item["id"])
        dates = [e["date"] for e in d["events"]] + [p["date"] for p in d["proceedings"]]
        assert any(x and x.startswith(str(year)) for x in dates)
    assert client.get(f"{API}/disputes", params={"year": 1901}).json()["total"] == 0


def test_sort_by_amount_claimed(client):
    items = client.get(f"{API}/disputes", params={"sort": "amount"}).json()["items"]
    asked = [max([t.get("asked", 0) for t in d["totals"].values()] or [0]) for d in items]
    assert asked == sorted(asked, reverse=True)


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"sort": "random"}, {"year": "MMXX"}],
    ids=["limit-zero", "limit-huge", "offset-negative", "sort-unknown", "year-not-a-number"],
)
def test_bad_parameters_answer_422_in_json(client, params):
    r = client.get(f"{API}/disputes", params=params)
    assert r.status_code == 422
    assert "detail" in r.json()


def test_dispute_is_the_query_layers(client, dispute):
    got = client.get(f"{API}/disputes/{dispute['id']}").json()
    assert got == same(dispute)
    assert got["events"] and got["proceedings"]


@pytest.mark.parametrize("path", ["/disputes/999999", "/parties/999999", "/patents/US1", "/documents/nope"],
                         ids=["dispute", "party", "patent", "document"])
def test_unknown_ids_answer_404_in_json(client, path):
    r = client.get(API + path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"]


def test_parties_and_party(client, session, dispute):
    listing = client.get(f"{API}/parties", params={"limit": 200}).json()
    assert listing == same({**queries.list_parties(session, limit=200), "limit": 200, "offset": 0})
    pid = dispute["sides"][0][0]["id"]
    party = client.get(f"{API}/parties/{pid}").json()
    assert party == same(queries.get_party(session, pid))
    assert dispute["id"] in [d["id"] for d in party["disputes_as_claimant"] + party["disputes_as_respondent"]]


def test_patents_and_patent(client, session, dispute):
    listing = client.get(f"{API}/patents").json()
    assert listing["total"] == queries.list_patents(session)["total"] > 0
    pid = next(p for pr in dispute["proceedings"] for p in pr["patents"])
    patent = client.get(f"{API}/patents/{pid}").json()
    assert patent == same(queries.get_patent(session, pid))
    assert any(pr["dispute_id"] == dispute["id"] for pr in patent["proceedings"])


def test_documents_and_document(client, session):
    listing = client.get(f"{API}/documents").json()
    assert listing["total"] == queries.list_documents(session)["total"] == len(list(FIXTURES.glob("*.txt")))
    doc_id = listing["items"][0]["doc_id"]
    doc = client.get(f"{API}/documents/{doc_id}").json()
    assert doc == same(queries.get_document(session, doc_id))
    for f in doc["facts"]:
        assert doc["text"][f["start"]:f["end"]] == f["text"]


def test_search_gives_snippets_with_the_word(client, session):
    got = client.get(f"{API}/search", params={"q": "invalidation"}).json()
    assert got["total"] == queries.search(session, "invalidation")["total"] >= 1
    for item in got["items"]:
        snip = item["snippet"]
        assert any(snip["text"][a:b].lower() == "invalidation" for a, b in snip["highlights"])


def test_search_needs_a_query(client):
    assert client.get(f"{API}/search").status_code == 422


@pytest.mark.parametrize("sort", ["latest", "amount", "first", "proceedings"])
def test_year_filter_keeps_the_sort_order(client, session, dispute, sort):
    year = int(next(e["date"] for e in dispute["events"] if e["date"])[:4])
    with_year = [d["id"] for d in client.get(f"{API}/disputes", params={"year": year, "sort": sort}).json()["items"]]
    everything = [d["id"] for d in queries.list_disputes(session, sort=sort)["items"]]
    assert with_year == [i for i in everything if i in with_year]
