"""Resolution across documents: parties, proceedings and disputes (hand-made records, no extraction)."""
from __future__ import annotations

import itertools

import pytest
from conftest_db import db  # noqa: F401  (fixture)
from records import doc, party, proc

from patlit.resolve.names import curated_groups, fold, suffix_examples
from patlit.store import queries

# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize(("name", "key"), suffix_examples(), ids=[n for n, _ in suffix_examples()])
def test_fold_examples_of_the_suffix_table(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [("HP Inc.", "HPE"), ("Apple Inc.", "Applied Materials, Inc."), ("Inspur Group", "Inspur"),
     ("Samsung Electronics Co., Ltd.", "Samsung Display Co., Ltd.")],
    ids=["hp-hpe", "apple-applied", "group-word-kept", "samsung-electronics-display"],
)
def test_fold_keeps_distinct_names_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_curated_groups_load_and_cite_sources() -> None:
    groups = curated_groups()
    assert groups[fold("华为技术有限公司")] == groups[fold("Huawei Technologies Co., Ltd.")]


# --------------------------------------------------------------------------- parties


def n_parties(db) -> int:
    return db.scalar("select count(*) from parties")


def test_legal_suffixes_fold_into_one_party(db) -> None:
    db.add(doc("a", "Acme Robotics Inc. sued Widget LLC.", [party("Acme Robotics Inc."), party("Widget LLC")],
               [proc("infringement", ["Acme Robotics Inc."], ["Widget LLC"], trigger="sued")]))
    db.add(doc("b", "Acme Robotics Corporation lost to Widget.", [party("Acme Robotics Corporation"), party("Widget")],
               []))
    assert n_parties(db) == 2


def test_declared_alias_links_documents(db) -> None:
    db.add(doc("a", "Hewlett Packard Enterprise (HPE) filed suit.", [party("Hewlett Packard Enterprise", "HPE")], []))
    db.add(doc("b", "HPE said it would appeal.", [party("HPE")], []))
    assert n_parties(db) == 1
    with db.session() as s:
        assert queries.get_party(s, "HPE")["name"] == "Hewlett Packard Enterprise"


@pytest.mark.parametrize(
    ("first", "second"),
    [(party("HP Inc.", "HP"), party("Hewlett Packard Enterprise", "HPE")),
     (party("Apple Inc.", "Apple"), party("Applied Materials, Inc.", "Applied"))],
    ids=["hp-vs-hpe", "apple-vs-applied-materials"],
)
def test_similar_names_never_merge(db, first, second) -> None:
    db.add(doc("a", f"{first['name']} is a party.", [first], []))
    db.add(doc("b", f"{second['name']} is a party.", [second], []))
    assert n_parties(db) == 2


def test_short_alias_of_two_distinct_full_names_does_not_merge(db) -> None:
    db.add(doc("a", "Samsung Electronics Co., Ltd. (Samsung) sued.", [party("Samsung Electronics Co., Ltd.", "Samsung")], []))
    db.add(doc("b", "Samsung Display Co., Ltd. (Samsung) sued.", [party("Samsung Display Co., Ltd.", "Samsung")], []))
    assert n_parties(db) == 2


def test_shared_alias_merges_when_nothing_contradicts(db) -> None:
    # an English full name and a Chinese full name, both declared with the short name "Wangsu"
    db.add(doc("a", "Wangsu Science & Technology Co., Ltd. (Wangsu) sued.",
               [party("Wangsu Science & Technology Co., Ltd.", "Wangsu")], []))
    db.add(doc("b", "网宿科技股份有限公司（Wangsu）起诉。", [party("网宿科技股份有限公司", "Wangsu")], [], lang="zh"))
    assert n_parties(db) == 1
    with db.session() as s:
        assert queries.get_party(s, "网宿科技")["id"] == queries.get_party(s, "Wangsu Science and Technology")["id"]


def test_english_and_chinese_names_given_together_are_one_party(db) -> None:
    db.add(doc("a", "贵州白山云科技股份有限公司 (Guizhou BaishanCloud Technology Co., Ltd.)",
               [party("Guizhou BaishanCloud Technology Co., Ltd.", "贵州白山云科技股份有限公司", "BaishanCloud")], []))
    db.add(doc("b", "白山云科技 was sued.", [party("贵州白山云科技股份有限公司")], [], lang="zh"))
    assert n_parties(db) == 1


def test_alias_two_parties_of_one_document_share_is_ambiguous_afterwards(db) -> None:
    db.add(doc("a", "Samsung Electronics and Samsung Display, together Samsung, were sued.",
               [party("Samsung Electronics Co., Ltd.", "Samsung"), party("Samsung Display Co., Ltd.", "Samsung")], []))
    db.add(doc("b", "Samsung was sued again.", [party("Samsung")], []))
    assert n_parties(db) == 3
    assert db.scalar("select count(*) from ambiguous_keys where key = 'samsung'") == 1


def test_a_party_listed_twice_by_one_document_is_not_a_contradiction(db) -> None:
    db.add(doc("a", "Nokia Oyj (Nokia) sued Oppo. Nokia said more.", [party("Nokia Oyj", "Nokia"), party("Nokia Oyj"),
                                                                       party("Oppo")], []))
    db.add(doc("b", "Nokia won.", [party("Nokia")], []))
    assert n_parties(db) == 2
    assert db.scalar("select count(*) from ambiguous_keys") == 0


def test_a_document_joining_two_stored_parties_merges_them_and_their_disputes(db) -> None:
    db.add(doc("a", "Hewlett Packard Enterprise sued Inspur.", [party("Hewlett Packard Enterprise"), party("Inspur")],
               [proc("infringement", ["Hewlett Packard Enterprise"], ["Inspur"], forum="cand", trigger="sued")]))
    db.add(doc("b", "Inspur challenged HPE's patents.", [party("Inspur"), party("HPE")],
               [proc("invalidation", ["Inspur"], ["HPE"], forum="cnipa", trigger="challenged")]))
    assert db.scalar("select count(*) from disputes") == 2
    db.add(doc("c", "Hewlett Packard Enterprise (HPE) is a server maker.", [party("Hewlett Packard Enterprise", "HPE")], []))
    assert n_parties(db) == 2
    assert db.scalar("select count(*) from disputes") == 1
    assert db.scalar("select n_proceedings from disputes") == 2


def test_fuller_name_declared_later_becomes_the_party_name(db) -> None:
    db.add(doc("a", "Inspur withdrew.", [party("Inspur")], []))
    db.add(doc("b", "Inspur Group (Inspur) was sued.", [party("Inspur Group", "Inspur")], []))
    with db.session() as s:
        p = queries.get_party(s, "Inspur")
    assert p["name"] == "Inspur Group"
    assert p["aliases"] == ["Inspur"]


def test_affiliates_join_their_parent_group(db) -> None:
    text = "HPE sued Inspur Group and its subsidiaries Aivres Systems Inc. and Betapex Inc."
    db.add(doc("a", text, [party("HPE"), party("Inspur Group", "Inspur"),
                           party("Aivres Systems Inc.", affiliate_of="Inspur Group"),
                           party("Betapex Inc.", affiliate_of="Inspur Group")],
               [proc("infringement", ["HPE"], ["Inspur Group", "Aivres Systems Inc.", "Betapex Inc."], trigger="sued")]))
    with db.session() as s:
        p = queries.get_party(s, "Inspur")
        aivres = queries.get_party(s, "Aivres Systems")
    assert {a["name"] for a in p["affiliates"]} == {"Aivres Systems Inc.", "Betapex Inc."}
    assert aivres["parent"]["name"] == "Inspur Group"
    assert aivres["group_id"] == p["id"]


# --------------------------------------------------------------------------- proceedings

HPE = party("Hewlett Packard Enterprise", "HPE")
INSPUR = party("Inspur Group", "Inspur")


def n_procs(db) -> int:
    return db.scalar("select count(*) from proceedings")


def test_same_suit_from_two_documents_is_one_proceeding_with_both_evidence(db) -> None:
    db.add(doc("a", "HPE sued Inspur in the Northern District of California on April 15, 2024 over US8218566.",
               [HPE, INSPUR], [proc("infringement", ["HPE"], ["Inspur"], forum="cand", date="2024-04-15",
                                     patents=["US8218566"], trigger="sued")]))
    db.add(doc("b", "The lawsuit HPE lodged against Inspur Group in California names subsidiaries.",
               [HPE, INSPUR], [proc("infringement", ["Hewlett Packard Enterprise"], ["Inspur Group"], forum="cand",
                                     trigger="lawsuit")]))
    assert n_procs(db) == 1
    with db.session() as s:
        d = queries.get_dispute(s, 1)
    (p,) = d["proceedings"]
    assert {e["doc_id"] for e in p["evidence"]} == {"a", "b"}
    assert p["date"] == "2024-04-15" and p["patents"] == ["US8218566"]
    assert p["conflicts"] == []


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (dict(forum="cnipa", date="2019-08-05"), 2),  # different filing dates: one proceeding per date
        (dict(forum="cnipa", date="2019-07"), 1),  # same month: compatible
        (dict(forum="bjipc", date="2019-07-02"), 2),  # different forum
        (dict(forum=None, date=None), 1),  # nothing said: the same action
    ],
    ids=["other-date", "coarser-date", "other-forum", "unspecified"],
)
def test_compatibility_of_forum_and_date(db, second, expected) -> None:
    parties = [party("Guizhou BaishanCloud Technology Co., Ltd.", "BaishanCloud"), party("Wangsu")]
    db.add(doc("a", "BaishanCloud asked CNIPA to invalidate a Wangsu patent.", parties,
               [proc("invalidation", ["BaishanCloud"], ["Wangsu"], forum="cnipa", date="2019-07-02", trigger="invalidate")]))
    db.add(doc("b", "BaishanCloud filed an invalidation request against Wangsu.", parties,
               [proc("invalidation", ["BaishanCloud"], ["Wangsu"], trigger="invalidation request", **second)]))
    assert n_procs(db) == expected


def test_disjoint_patents_are_different_suits(db) -> None:
    parties = [party("Wangsu"), party("BaishanCloud")]
    db.add(doc("a", "Wangsu sued BaishanCloud over two patents.", parties,
               [proc("infringement", ["Wangsu"], ["BaishanCloud"], patents=["CN201310147926.9"], trigger="sued")]))
    db.add(doc("b", "Wangsu sued BaishanCloud over two other patents.", parties,
               [proc("infringement", ["Wangsu"], ["BaishanCloud"], patents=["CN201511015920.1"], trigger="sued")]))
    assert n_procs(db) == 2
    assert db.scalar("select count(*) from disputes") == 1


def test_two_proceedings_of_one_document_never_merge(db) -> None:
    db.add(doc("a", "Wangsu sued BaishanCloud twice.", [party("Wangsu"), party("BaishanCloud")],
               [proc("infringement", ["Wangsu"], ["BaishanCloud"], trigger="sued"),
                proc("infringement", ["Wangsu"], ["BaishanCloud"], trigger="twice")]))
    assert n_procs(db) == 2


def test_conflicting_amounts_are_kept_with_sources_and_not_double_counted(db) -> None:
    parties = [party("Acme Inc."), party("Widget LLC")]
    db.add(doc("a", "Acme sued Widget asking USD 10 million.", parties,
               [proc("infringement", ["Acme Inc."], ["Widget LLC"], forum="ded", amounts=[(10_000_000, "USD", "damages")],
                     trigger="sued")], amount_texts={(10_000_000, "USD", "damages"): "USD 10 million"}))
    db.add(doc("b", "Acme's suit against Widget seeks USD 12 million.", parties,
               [proc("infringement", ["Acme Inc."], ["Widget LLC"], forum="ded", amounts=[(12_000_000, "USD", "damages")],
                     trigger="suit")]))
    assert n_procs(db) == 1
    with db.session() as s:
        d = queries.get_dispute(s, 1)
    amounts = d["proceedings"][0]["amounts"]
    assert sorted((a["value"], a["doc_id"], a["conflict"]) for a in amounts) == [
        (10_000_000, "a", True), (12_000_000, "b", True)]
    assert d["totals"]["USD"]["asked"] == 10_000_000
    assert amounts[0]["evidence"][0]["text"] == "USD 10 million"
    (c,) = d["conflicts"]
    assert c["attribute"] == "amount:damages:USD"
    assert {v["doc_id"] for v in c["values"]} == {"a", "b"}


def test_two_filing_dates_of_one_case_are_a_flagged_conflict(db) -> None:
    parties = [party("Acme Inc."), party("Widget LLC")]
    db.add(doc("a", "Acme sued Widget.", parties, [proc("infringement", ["Acme Inc."], ["Widget LLC"], forum="txed",
               date="2023-03-07", case_number="2:23-cv-00101", trigger="sued")]))
    db.add(doc("b", "Acme's complaint against Widget.", parties, [proc("infringement", ["Acme Inc."], ["Widget LLC"],
               forum="txed", date="2023-03-09", case_number="2:23-cv-00101", trigger="complaint")]))
    assert n_procs(db) == 1
    with db.session() as s:
        d = queries.get_dispute(s, 1)
    p = d["proceedings"][0]
    assert p["date"] == "2023-03-07"  # the first value stays; the second is not silently taken
    (c,) = p["conflicts"]
    assert c["attribute"] == "date"
    assert [(v["value"], v["doc_id"]) for v in c["values"]] == [("2023-03-07", "a"), ("2023-03-09", "b")]


def test_a_more_precise_date_refines_without_conflict(db) -> None:
    parties = [party("Acme Inc."), party("Widget LLC")]
    db.add(doc("a", "Acme sued Widget.", parties, [proc("infringement", ["Acme Inc."], ["Widget LLC"], date="2023-03",
               trigger="sued")]))
    db.add(doc("b", "Acme sued Widget on March 7.", parties, [proc("infringement", ["Acme Inc."], ["Widget LLC"],
               date="2023-03-07", trigger="sued")], published="2023-03-09"))
    with db.session() as s:
        d = queries.get_dispute(s, 1)
    assert d["proceedings"][0]["date"] == "2023-03-07"
    assert d["conflicts"] == []
    assert [e["date"] for e in d["events"]] == ["2023-03-07"]


# --------------------------------------------------------------------------- disputes


def test_suit_countersuit_and_invalidations_both_ways_form_one_dispute(db) -> None:
    parties = [party("Wangsu Science & Technology Co., Ltd.", "Wangsu"), party("Guizhou BaishanCloud Technology Co., Ltd.", "BaishanCloud")]
    db.add(doc("a", "Wangsu sued BaishanCloud.", parties, [proc("infringement", ["Wangsu"], ["BaishanCloud"],
               date="2019-05-30", trigger="sued")]))
    db.add(doc("b", "BaishanCloud asked CNIPA to invalidate.", parties, [proc("invalidation", ["BaishanCloud"], ["Wangsu"],
               forum="cnipa", date="2019-07-02", trigger="invalidate")]))
    db.add(doc("c", "BaishanCloud countersued Wangsu.", parties, [proc("infringement", ["BaishanCloud"], ["Wangsu"],
               date="2019-08-15", trigger="countersued")]))
    db.add(doc("d", "Wangsu sought invalidation in turn.", parties, [proc("invalidation", ["Wangsu"], ["BaishanCloud"],
               trigger="invalidation")]))
    assert db.scalar("select count(*) from disputes") == 1
    with db.session() as s:
        d = queries.get_dispute(s, 1)
    assert d["title"] == "Wangsu Science & Technology Co., Ltd. v. Guizhou BaishanCloud Technology Co., Ltd."
    assert [e["kind"] for e in d["events"]] == ["filed", "invalidation_requested", "countersued", "invalidation_requested"]
    assert d["first_date"] == "2019-05-30" and d["latest_date"] == "2019-08-15"
    assert len(d["sources"]) == 4


def test_affiliate_proceeding_joins_the_parent_dispute(db) -> None:
    db.add(doc("a", "HPE sued Inspur Group and Aivres Systems Inc.",
               [HPE, INSPUR, party("Aivres Systems Inc.", affiliate_of="Inspur Group")],
               [proc("infringement", ["HPE"], ["Inspur Group", "Aivres Systems Inc."], trigger="sued")]))
    db.add(doc("b", "Aivres Systems asked the PTAB to review an HPE patent.", [party("Aivres Systems Inc."), HPE],
               [proc("invalidation", ["Aivres Systems Inc."], ["HPE"], forum="ptab", trigger="review")]))
    assert db.scalar("select count(*) from disputes") == 1


def test_a_proceeding_linking_two_disputes_merges_them(db) -> None:
    a, b, c = party("Alpha Corp."), party("Beta Ltd."), party("Gamma GmbH")
    db.add(doc("a", "Alpha sued Beta.", [a, b], [proc("infringement", ["Alpha Corp."], ["Beta Ltd."], date="2020-01-10",
                                                      trigger="sued")]))
    db.add(doc("b", "Alpha sued Gamma.", [a, c], [proc("infringement", ["Alpha Corp."], ["Gamma GmbH"], date="2020-02-10",
                                                       trigger="sued")]))
    assert db.scalar("select count(*) from disputes") == 2
    db.add(doc("c", "Alpha sued Beta and Gamma jointly.", [a, b, c],
               [proc("infringement", ["Alpha Corp."], ["Beta Ltd.", "Gamma GmbH"], date="2021-05-01", trigger="jointly")]))
    assert db.scalar("select count(*) from disputes") == 1
    assert db.scalar("select n_proceedings from disputes") == 3


def test_unrelated_pairs_stay_separate_disputes(db) -> None:
    db.add(doc("a", "Alpha sued Beta.", [party("Alpha Corp."), party("Beta Ltd.")],
               [proc("infringement", ["Alpha Corp."], ["Beta Ltd."], trigger="sued")]))
    db.add(doc("b", "Gamma sued Delta.", [party("Gamma GmbH"), party("Delta AG")],
               [proc("infringement", ["Gamma GmbH"], ["Delta AG"], trigger="sued")]))
    assert db.scalar("select count(*) from disputes") == 2


def test_a_challenge_naming_only_the_challenger_joins_the_dispute_over_its_patent(db) -> None:
    db.add(doc("a", "HPE sued Inspur over CN201680022610.9.", [HPE, INSPUR],
               [proc("infringement", ["HPE"], ["Inspur"], patents=["CN201680022610.9"], trigger="sued")]))
    db.add(doc("b", "Inspur asked CNIPA to invalidate CN201680022610.9.", [INSPUR],
               [proc("invalidation", ["Inspur"], [], forum="cnipa", patents=["CN201680022610.9"], trigger="invalidate")]))
    assert db.scalar("select count(*) from disputes") == 1
    assert db.scalar("select n_proceedings from disputes") == 2


def _order_docs():
    return [
        doc("suit", "Hewlett Packard Enterprise sued Inspur on 2024-04-15 over US8218566.",
            [party("Hewlett Packard Enterprise"), party("Inspur")],
            [proc("infringement", ["Hewlett Packard Enterprise"], ["Inspur"], forum="cand", date="2024-04-15",
                  patents=["US8218566"], trigger="sued")]),
        doc("affiliates", "HPE sued Inspur Group (Inspur) and its unit Aivres Systems Inc. in California.",
            [party("HPE"), party("Inspur Group", "Inspur"), party("Aivres Systems Inc.", affiliate_of="Inspur Group")],
            [proc("infringement", ["HPE"], ["Inspur Group", "Aivres Systems Inc."], forum="cand", trigger="sued")]),
        doc("alias", "Hewlett Packard Enterprise (HPE) faces CNIPA challenges from Aivres Systems.",
            [party("Hewlett Packard Enterprise", "HPE"), party("Aivres Systems Inc.")],
            [proc("invalidation", ["Aivres Systems Inc."], ["Hewlett Packard Enterprise"], forum="cnipa",
                  trigger="challenges")]),
    ]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=lambda o: "-".join(map(str, o)))
def test_the_result_does_not_depend_on_the_order_of_documents(db, order) -> None:
    docs = _order_docs()
    for i in order:
        db.add(docs[i])
    assert db.scalar("select count(*) from disputes") == 1
    assert db.scalar("select count(*) from proceedings") == 2
    assert db.scalar("select count(*) from parties") == 3
    with db.session() as s:
        (d,) = queries.list_disputes(s)["items"]
        p = queries.get_party(s, "Aivres Systems")
    assert d["title"] == "Hewlett Packard Enterprise v. Inspur Group"
    assert p["parent"]["name"] == "Inspur Group"
    with db.session() as s:
        full = queries.get_dispute(s, d["id"])
    (suit,) = [x for x in full["proceedings"] if x["kind"] == "infringement"]
    assert {e["doc_id"] for e in suit["evidence"]} == {"suit", "affiliates"}
    assert (suit["date"], suit["forum"], suit["patents"]) == ("2024-04-15", "cand", ["US8218566"])
    assert {r["name"] for r in suit["respondents"]} == {"Inspur Group", "Aivres Systems Inc."}
    assert [(e["kind"], e["date"]) for e in full["events"] if e["proceeding_id"] == suit["id"]] == [("filed", "2024-04-15")]


def test_a_short_name_listed_beside_its_full_form_is_the_same_party(db) -> None:
    db.add(doc("a", "Inspur Group (Inspur) was sued by HPE. Inspur said nothing.",
               [party("Inspur Group", "Inspur"), party("Inspur"), HPE], []))
    assert n_parties(db) == 2
    assert db.scalar("select count(*) from ambiguous_keys") == 0


from patlit.resolve import forums as forum_rules  # noqa: E402


@pytest.mark.parametrize("a,b,same", forum_rules.examples(), ids=lambda x: str(x))
def test_forum_compatibility_table(a, b, same):
    assert forum_rules.compatible(a, b) is same
    assert forum_rules.compatible(b, a) is same


# --- dispute totals ---------------------------------------------------------------------------

def test_totals_take_one_sum_per_role_and_proceeding():
    from patlit.resolve.disputes import totals_of

    rows = [
        # one verdict reported as a headline and as its two parts
        (2_180_000_000, "USD", "awarded", 1), (1_500_000_000, "USD", "awarded", 1), (675_000_000, "USD", "awarded", 1),
        (1_000_000_000, "USD", "damages", 1),
        # a second suit adds its own claim
        (300_000_000, "USD", "damages", 2), (50_000_000, "CNY", "costs", 2),
    ]
    got = totals_of(rows)
    assert got["USD"]["awarded"] == 2_180_000_000
    assert got["USD"]["damages"] == 1_300_000_000
    assert got["USD"]["asked"] == 1_300_000_000
    assert got["CNY"] == {"asked": 50_000_000, "awarded": 0, "costs": 50_000_000}
