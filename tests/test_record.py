"""The facts record: spec fields with their names, evidence slices back to the sentence."""
from __future__ import annotations

from patlit.model import Amount, Document, Facts, MoneyMention, Party, PartyMention, PatentMention, Proceeding, Span
from patlit.record import to_record

TEXT = "Acme sued Widget. It asks for $5 million over US 8,218,566 and US 8,218,566 again."


def _facts() -> Facts:
    acme = PartyMention(0, 4, "Acme", "Acme Corp.")
    widget = PartyMention(10, 16, "Widget", "Widget Inc.")
    money = MoneyMention(30, 40, "$5 million", 5_000_000.0, "USD", "damages")
    p1 = PatentMention(46, 58, "US 8,218,566", "US8218566", "US")
    p2 = PatentMention(63, 75, "US 8,218,566", "US8218566", "US")
    return Facts(
        doc=Document(doc_id="d1", text=TEXT, title="T", url="http://example.org/a"),
        lang="en",
        published="2024-01-02",
        parties=[Party("Acme Corp.", ["Acme"], mentions=[acme]), Party("Widget Inc.", ["Widget"], mentions=[widget])],
        patents=[p1, p2],
        amounts=[money],
        proceedings=[
            Proceeding(
                kind="infringement",
                claimants=["Acme Corp."],
                respondents=["Widget Inc."],
                patents=["US8218566"],
                amounts=[Amount(5_000_000.0, "USD", "damages", [money])],
                evidence=[Span(5, 9, "sued"), money],
            )
        ],
        sentences=[(0, 17), (18, len(TEXT))],
    )


def test_spec_fields_are_present_with_their_types() -> None:
    rec = to_record(_facts())
    assert rec["doc_id"] == "d1" and rec["lang"] == "en" and rec["published"] == "2024-01-02"
    assert rec["patents"] == ["US8218566"]  # each identifier once
    assert rec["amounts"][0] | {"evidence": None} == {"value": 5000000, "currency": "USD", "role": "damages", "evidence": None}
    assert isinstance(rec["amounts"][0]["value"], int)
    (proc,) = rec["proceedings"]
    assert {k: proc[k] for k in ("kind", "claimants", "respondents", "forum", "date", "patents", "outcome")} == {
        "kind": "infringement", "claimants": ["Acme Corp."], "respondents": ["Widget Inc."],
        "forum": None, "date": None, "patents": ["US8218566"], "outcome": None,
    }
    assert proc["amounts"] == [{"value": 5000000, "currency": "USD", "role": "damages"}]


def test_evidence_gives_offsets_text_and_the_whole_sentence() -> None:
    rec = to_record(_facts())
    (ev,) = rec["parties"][1]["evidence"]
    assert (ev["start"], ev["end"], ev["text"]) == (10, 16, "Widget")
    assert ev["sentence"] == "Acme sued Widget."
    money_ev = rec["proceedings"][0]["evidence"][1]
    assert money_ev["sentence"] == TEXT[18:]
    assert TEXT[money_ev["start"]:money_ev["end"]] == "$5 million"


def test_patent_facts_keep_every_occurrence_as_evidence() -> None:
    rec = to_record(_facts())
    (pf,) = rec["patent_facts"]
    assert pf["id"] == "US8218566"
    assert [e["start"] for e in pf["evidence"]] == [46, 63]


def test_check_digit_warning_travels_in_warnings() -> None:
    facts = _facts()
    facts.warnings.append("'ZL2016800226108' at 0: check digit does not match")
    assert to_record(facts)["warnings"] == ["'ZL2016800226108' at 0: check digit does not match"]
