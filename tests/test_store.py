"""Storage: migrations, one transaction per document, dedupe by normalised text, search, the query layer."""
from __future__ import annotations

import json

import pytest
from conftest_db import db  # noqa: F401  (fixture)
from records import doc, party, proc
from sqlalchemy import text

from patlit.errors import NotFoundError, StoreError
from patlit.store import open_store, queries
from patlit.store.db import resolve_url
from patlit.store.writer import content_hash

WANGSU = party("Wangsu Science & Technology Co., Ltd.", "Wangsu", "网宿科技")
BAISHAN = party("Guizhou BaishanCloud Technology Co., Ltd.", "BaishanCloud")
HPE = party("Hewlett Packard Enterprise", "HPE")
INSPUR = party("Inspur Group", "Inspur")

WANGSU_TEXT = ("Wangsu sued BaishanCloud on May 30, 2019, asking RMB 150 million in damages and RMB 1.23 million "
               "in costs over CN201310147926.9. BaishanCloud later sued Wangsu for RMB 160 million.")
HPE_TEXT = ("HPE sued Inspur in the Northern District of California on April 15, 2024 over US8218566. "
            "Inspur had withdrawn its CNIPA invalidation requests against HPE's CN201680022610.9.")
ZH_TEXT = "网宿科技起诉白山云科技侵犯其发明专利权，请求赔偿经济损失。"


def wangsu_doc():
    return doc("wangsu", WANGSU_TEXT, [WANGSU, BAISHAN], [
        proc("infringement", ["Wangsu"], ["BaishanCloud"], date="2019-05-30", patents=["CN201310147926.9"],
             amounts=[(150_000_000, "CNY", "damages"), (1_230_000, "CNY", "costs")], trigger="sued"),
        proc("infringement", ["BaishanCloud"], ["Wangsu"], date="2019-08", amounts=[(160_000_000, "CNY", "damages")],
             trigger="later sued"),
    ], published="2020-07-02", amount_texts={(150_000_000, "CNY", "damages"): "RMB 150 million"})


def hpe_doc():
    return doc("hpe", HPE_TEXT, [HPE, INSPUR], [
        proc("infringement", ["HPE"], ["Inspur"], forum="cand", date="2024-04-15", patents=["US8218566"], trigger="sued"),
        proc("invalidation", ["Inspur"], ["HPE"], forum="cnipa", patents=["CN201680022610.9"], outcome="withdrawn",
             trigger="invalidation requests"),
    ], published="2024-04-18")


def zh_doc():
    return doc("zh", ZH_TEXT, [party("网宿科技股份有限公司", "网宿科技"), party("白山云科技")],
               [proc("infringement", ["网宿科技"], ["白山云科技"], trigger="起诉")], lang="zh")


@pytest.fixture()
def full(db):
    for pair in (wangsu_doc(), hpe_doc(), zh_doc()):
        assert db.add(pair).status == "new"
    return db


# --------------------------------------------------------------------------- database


def test_open_migrates_to_head_with_sqlite_pragmas(db) -> None:
    assert db.scalar("select version_num from alembic_version")
    if db.dialect != "sqlite":
        pytest.skip("SQLite pragmas")
    assert db.scalar("pragma journal_mode") == "wal"
    assert db.scalar("pragma foreign_keys") == 1
    with db.session() as s:
        s.execute(text("select rowid from documents_fts limit 1")).all()


def test_reopening_keeps_the_data(db) -> None:
    db.add(wangsu_doc())
    again = open_store(str(db.path))
    with again.session() as s:
        assert queries.stats(s)["documents"] == 1
    again.close()


def test_db_location_from_option_env_or_default(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("PATLIT_DB", raising=False)
    assert resolve_url(None) == "sqlite:///patlit.db"
    monkeypatch.setenv("PATLIT_DB", str(tmp_path / "x.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_opening_a_missing_database_for_queries_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(str(tmp_path / "absent.db"), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "folder.db"))


def test_same_text_is_stored_once_even_with_other_whitespace(db) -> None:
    document, record = wangsu_doc()
    assert db.add((document, record)).status == "new"
    counts = {t: db.scalar(f"select count(*) from {t}") for t in ("documents", "evidence", "proceedings", "amounts")}
    from dataclasses import replace

    spaced = replace(document, doc_id="other-name", text="  " + document.text.replace(" ", "   ") + "\n")
    assert content_hash(spaced.text) == content_hash(document.text)
    assert db.add((spaced, record)).status == "duplicate"
    assert {t: db.scalar(f"select count(*) from {t}") for t in counts} == counts


def test_an_id_reused_for_another_text_is_kept_apart(db) -> None:
    db.add(wangsu_doc())
    document, record = hpe_doc()
    from dataclasses import replace

    stored = db.add((replace(document, doc_id="wangsu"), record))
    assert stored.status == "new" and stored.doc_id.startswith("wangsu~")


def test_a_failure_inside_a_document_leaves_nothing_of_it(db, monkeypatch) -> None:
    from patlit.resolve import disputes

    def boom(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(disputes, "summarize", boom)
    with pytest.raises(RuntimeError):
        db.add(wangsu_doc())
    tables = ["documents", "parties", "proceedings", "evidence", "disputes"]
    tables += ["documents_fts"] if db.dialect == "sqlite" else []
    for t in tables:
        assert db.scalar(f"select count(*) from {t}") == 0, t
    monkeypatch.undo()
    assert db.add(wangsu_doc()).status == "new"  # re-running finishes the job
    assert db.scalar("select count(*) from disputes") == 1


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Inspur", {"hpe"}), ("sued RMB", {"wangsu"}), ("invalidation requests", {"hpe"}), ("网宿科技", {"zh"}),
     ("白山云", {"zh"}), ("sued", {"wangsu", "hpe"}), ("nonexistentword", set())],
    ids=["word", "two-words", "phrase-words", "chinese-name", "chinese-part", "common", "none"],
)
def test_search_finds_documents_with_every_word(full, query, expected) -> None:
    with full.session() as s:
        res = queries.search(s, query)
    assert {i["doc_id"] for i in res["items"]} == expected
    assert res["total"] == len(expected)


def test_search_snippet_highlights_the_words(full) -> None:
    with full.session() as s:
        (item,) = queries.search(s, "Inspur")["items"]
    snip = item["snippet"]
    assert snip["highlights"]
    for a, b in snip["highlights"]:
        assert snip["text"][a:b].lower() == "inspur"


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "NEAR(", "*", "col:value", ""], ids=repr)
def test_search_syntax_in_queries_is_harmless(full, query) -> None:
    with full.session() as s:
        res = queries.search(s, query)
    assert res["total"] >= 0


# --------------------------------------------------------------------------- query layer


def test_every_query_result_is_plain_json(full) -> None:
    with full.session() as s:
        results = [
            queries.list_disputes(s), queries.get_dispute(s, 1), queries.get_party(s, "HPE"),
            queries.get_patent(s, "US8218566"), queries.get_document(s, "hpe"), queries.search(s, "sued"),
            queries.list_parties(s), queries.list_patents(s), queries.list_documents(s), queries.stats(s),
        ]
    for r in results:
        assert json.loads(json.dumps(r, ensure_ascii=False)) == r


def _ids(res: dict) -> set[str]:
    return {d["title"] for d in res["items"]}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 3),
        ({"party": "Inspur"}, 1),
        ({"party": "网宿科技"}, 2),
        ({"jurisdiction": "us"}, 1),
        ({"jurisdiction": "CN"}, 2),
        ({"kind": "invalidation"}, 1),
        ({"since": "2021"}, 1),
        ({"outcome": "withdrawn"}, 1),
        ({"party": "Nobody Ltd"}, 0),
        ({"year": 2019}, 1),
        ({"year": "2024", "kind": "invalidation"}, 1),
        ({"year": 2020}, 0),
    ],
    ids=["all", "party-alias", "party-chinese", "jurisdiction-us", "jurisdiction-cn", "kind", "since", "outcome",
         "unknown-party", "year", "year-and-kind", "year-without-events"],
)
def test_list_disputes_filters(full, filters, expected) -> None:
    with full.session() as s:
        res = queries.list_disputes(s, **filters)
    assert res["total"] == expected == len(res["items"])


def test_list_disputes_pages_and_sorts(full) -> None:
    with full.session() as s:
        first = queries.list_disputes(s, limit=2, offset=0)
        rest = queries.list_disputes(s, limit=2, offset=2)
        by_amount = queries.list_disputes(s, sort="amount")
        with pytest.raises(StoreError):
            queries.list_disputes(s, sort="random")
    assert first["total"] == rest["total"] == 3
    assert len(first["items"]) == 2 and len(rest["items"]) == 1
    assert by_amount["items"][0]["totals"]["CNY"]["asked"] == 150_000_000 + 1_230_000 + 160_000_000
    assert first["items"][0]["latest_date"] == "2024-04-18"  # latest event first (the withdrawal, as reported)


def test_get_dispute_gives_sides_timeline_totals_and_sources(full) -> None:
    with full.session() as s:
        (hit,) = queries.list_disputes(s, party="HPE")["items"]
        d = queries.get_dispute(s, hit["id"])
    assert d["title"] == "Hewlett Packard Enterprise v. Inspur Group"
    assert [p["kind"] for p in d["proceedings"]] == ["infringement", "invalidation"]
    suit = d["proceedings"][0]
    assert suit["forum"] == "cand" and suit["patents"] == ["US8218566"] and suit["jurisdiction"] == "US"
    assert suit["evidence"][0]["sentence"].startswith("HPE sued Inspur")
    ev = suit["evidence"][0]
    assert HPE_TEXT[ev["start"]:ev["end"]] == ev["text"] == "sued"
    assert [(e["kind"], e["date"]) for e in d["events"]] == [
        ("filed", "2024-04-15"), ("withdrawn", "2024-04-18"), ("invalidation_requested", None)]
    assert [e["dated_by"] for e in d["events"]] == ["filing", "report", "filing"]
    assert [s_["doc_id"] for s_ in d["sources"]] == ["hpe"]


def test_get_party_by_any_name_lists_disputes_by_side(full) -> None:
    with full.session() as s:
        p = queries.get_party(s, "Wangsu Science and Technology Co Ltd")
    assert set(p["aliases"]) == {"Wangsu", "网宿科技"}
    assert len(p["disputes_as_claimant"]) == 2  # against BaishanCloud, and against 白山云科技 (not linked)
    with full.session() as s:
        b = queries.get_party(s, "BaishanCloud")
    assert len(b["disputes_as_respondent"]) == 1


def test_get_patent_gives_metadata_and_proceedings(full) -> None:
    with full.session() as s:
        p = queries.get_patent(s, "CN201680022610.9")
    assert p["office"] == "CN"
    (pr,) = p["proceedings"]
    assert pr["kind"] == "invalidation" and pr["outcome"] == "withdrawn"
    assert pr["claimants"][0]["name"] == "Inspur Group"


def test_get_document_gives_fact_spans_for_highlighting(full) -> None:
    with full.session() as s:
        d = queries.get_document(s, "wangsu")
    types = {f["type"] for f in d["facts"]}
    assert {"party", "patent", "proceeding", "amount"} <= types
    for f in d["facts"]:
        assert d["text"][f["start"]:f["end"]] == f["text"]
    amount = next(f for f in d["facts"] if f["type"] == "amount")
    assert amount["label"] == "damages: CNY 150,000,000"


@pytest.mark.parametrize(
    ("call", "arg"),
    [(queries.get_dispute, 999), (queries.get_dispute, "abc"), (queries.get_party, "Nobody Ltd"),
     (queries.get_patent, "US1"), (queries.get_document, "nope")],
    ids=["dispute", "dispute-not-a-number", "party", "patent", "document"],
)
def test_unknown_ids_raise_not_found(full, call, arg) -> None:
    with full.session() as s, pytest.raises(NotFoundError):
        call(s, arg)


def test_bad_paging_is_refused(full) -> None:
    with full.session() as s, pytest.raises(StoreError):
        queries.list_disputes(s, limit=-1)


# --------------------------------------------------------------------------- dialect layer


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT id FROM t WHERE a = :a AND b IN (:b0, :b1)", "SELECT id FROM t WHERE a = %(a)s AND b IN (%(b0)s, %(b1)s)"),
        ("SELECT x::text FROM t WHERE k LIKE '50%' AND y = :y", "SELECT x::text FROM t WHERE k LIKE '50%%' AND y = %(y)s"),
        ('INSERT INTO e ("end") VALUES (:end) RETURNING id', 'INSERT INTO e ("end") VALUES (%(end)s) RETURNING id'),
    ],
    ids=["named-and-in-list", "cast-and-percent", "quoted-column"],
)
def test_named_parameters_are_translated_for_pyformat_drivers(sql: str, expected: str) -> None:
    from patlit.store.sql import Sql

    runner = Sql.__new__(Sql)
    runner._pyformat, runner._cache = True, {}
    assert runner._prep(sql) == expected


def test_in_list_placeholders() -> None:
    from patlit.store.sql import in_list

    assert in_list("k", ["a", "b"]) == ("(:k0, :k1)", {"k0": "a", "k1": "b"})
    assert in_list("k", []) == ("(NULL)", {})


@pytest.mark.parametrize(
    "broken",
    [
        {"parties": "HPE", "proceedings": None},
        {"parties": [{"name": None, "aliases": "HPE"}, {"name": "Acme", "aliases": [3, None], "evidence": ["x"]}]},
        {"parties": [{"name": "Acme"}], "proceedings": [{"kind": "lawsuit", "claimants": "Acme", "respondents": [None]}]},
        {"proceedings": [{"kind": "infringement", "claimants": ["Acme"], "respondents": ["Widget"],
                          "amounts": [{"value": "lots", "currency": "USD"}, {"value": True, "currency": None}],
                          "date": 2020, "patents": "US1", "evidence": [{"start": "a"}]}]},
        {"patents": ["US8218566", 7], "patent_facts": [{"id": "US8218566", "evidence": "here"}]},
    ],
    ids=["wrong-types", "odd-names", "string-claimants", "odd-amounts", "odd-patents"],
)
def test_malformed_records_store_what_they_can_without_failing(db, broken) -> None:
    from patlit.model import Document

    document = Document(doc_id="odd", text="Acme sued Widget over US8218566.")
    assert db.add((document, {"doc_id": "odd", **broken})).status == "new"
    assert db.scalar("select count(*) from documents") == 1


def test_a_text_stored_meanwhile_by_another_writer_counts_as_duplicate(db, monkeypatch) -> None:
    from patlit.store.writer import Writer

    other = Writer(db.store)
    first = Writer(db.store)
    real_add = Writer._add

    def racing_add(self, session, sql, document, record, h):
        if self is first:  # the other writer commits the same text between our check and our insert
            assert other.add(document, record).status == "new"
        return real_add(self, session, sql, document, record, h)

    monkeypatch.setattr(Writer, "_add", racing_add)
    assert first.add(*wangsu_doc()).status == "duplicate"
    assert db.scalar("select count(*) from documents") == 1
