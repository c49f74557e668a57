"""English proceedings grammar: every lexicon example, then sentence-level cases."""
from __future__ import annotations

import pytest

from en_helpers import describe, find, run
from patlit.extract import proceedings_en

_VERB_EXAMPLES = [
    (v["id"], ex) for v in proceedings_en.grammar().verbs for ex in v["examples"]
]


@pytest.mark.parametrize(("verb", "ex"), _VERB_EXAMPLES, ids=[f"{v}:{e['text'][:40]}" for v, e in _VERB_EXAMPLES])
def test_verb_examples(verb, ex):
    facts = run(ex["text"])
    assert find(facts, ex["kind"], ex["claimants"], ex["respondents"]), describe(facts)


CASES = [
    # (id, text, kind, claimants, respondents)
    ("passive_by", "Kestrel Optics has been sued by Lumen Arrays for infringing three lens patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("relative_to_court", "The requests were filed by Kestrel Optics, which Lumen Arrays has taken to court over patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("headline_takes", "Lumen Arrays Takes Kestrel Optics to Court Over Patents\n\nLumen Arrays Inc. has taken Kestrel Optics Ltd. to court, claiming that its cameras infringe four patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("appositive_subject", "Lumen Arrays, a maker of image sensors, brought a patent infringement case against Kestrel Optics in Ohio.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("long_appositive_passive", "Kestrel Optics, an Ohio maker of industrial image sensors whose cameras are sold to carmakers in more "
     "than forty countries, was sued by Lumen Arrays over four lens patents.", "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("pronoun_object", "Kestrel Optics plans to list its shares soon. A lone inventor, Mira Tanaka, has sued the company for infringing her patent.",
     "infringement", ["Mira Tanaka"], ["Kestrel Optics"]),
    ("ipr_owner", "Kestrel Optics lodged its own IPR against a patent owned by Lumen Arrays.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("reexam_patents_of", "In the patent fight, Kestrel Optics asked for the claims of Lumen Arrays' sensor patent to be reexamined.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("withdrawn", "Kestrel Optics has dropped its patent invalidity challenges against Lumen Arrays.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("verdict", "A jury found on Friday that Kestrel Optics infringed two patents and awarded $3 million to the owner of those patents, Lumen Arrays.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("exclusion_order", "The ITC issued a limited exclusion order against Kestrel Optics over cameras found to infringe two Lumen Arrays patents.",
     "itc_investigation", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("appeal_from_context", "Lumen Arrays won its patent suit against Kestrel Optics in Delaware. Kestrel Optics appealed to the Federal Circuit.",
     "appeal", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("cross_appeal", "Kestrel Optics sued Lumen Arrays over a patent. Lumen Arrays appealed, and Kestrel Optics, by its cross-appeal, challenged the damages ruling.",
     "appeal", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("dj_other_side", "Kestrel Optics attacked two Lumen Arrays patents in inter partes review, answering a declaratory judgment action that Lumen Arrays had brought earlier.",
     "declaratory_judgment", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("counterclaim_unfair", "In the patent infringement case, Kestrel Optics counterclaimed against Lumen Arrays for unfair competition.",
     "other", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("revocation_owners", "Verdant Bio has lodged two revocation actions directed at two patents (EP1234567, EP1234568) that Orchid Labs and Tamura University had filed.",
     "invalidation", ["Verdant Bio"], ["Orchid Labs", "Tamura University"]),
    ("noun_relative", "The nine infringement actions that Orchid Labs lodged at the Munich local division against Verdant Bio and Pellucid AG concern one patent.",
     "infringement", ["Orchid Labs"], ["Verdant Bio", "Pellucid AG"]),
    ("defendant_petition", "Kestrel Optics was sued by Lumen Arrays in the Eastern District of Texas over camera patents. Besides drafting a petition asking the USPTO for inter partes review of the asserted claims, its lawyers prepared for trial.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("co_plaintiffs", "Kestrel Optics was sued by Lumen Arrays and Vireo Networks for allegedly infringing patents on video systems.",
     "infringement", ["Lumen Arrays", "Vireo Networks"], ["Kestrel Optics"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentences(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_cited_case_law_is_not_a_dispute():
    facts = run("Under KSR International v. Teleflex, a combination of known elements is obvious when it does no more than yield predictable results.")
    assert facts.proceedings == []
    assert facts.parties == []


def test_generic_statistics_give_nothing():
    facts = run(
        "The court has received 373 cases, 134 of them infringement actions and 39 revocation actions. "
        "Close to three quarters of all infringement actions were brought in Germany, at the Local Divisions in Munich and Mannheim."
    )
    assert facts.proceedings == []
    assert facts.parties == []


def test_non_patent_dispute_is_left_out():
    facts = run("Last week we wrote about Falcon Arms v. Stinger Works, a case in which Falcon accuses its rival Stinger of false advertising in press releases.")
    assert facts.proceedings == []


def test_opponent_not_named_gives_no_proceeding():
    facts = run("Kestrel Optics said it filed a patent lawsuit in Texas last week.")
    assert facts.proceedings == []


def test_group_of_filings_is_one_proceeding():
    facts = run("Orchid Labs has started three infringement actions against Verdant Bio on the basis of three patents of its own (EP1111111, EP2222222 and EP3333333).")
    assert len(facts.proceedings) == 1
    assert set(facts.proceedings[0].patents) == {"EP1111111", "EP2222222", "EP3333333"}


SECOND_GROUPS = [
    ("and_one_against", "Orchid Labs recently brought two suits against Verdant Bio, a supplier of reagents, and one against Pellucid AG, a customer, over its patents."),
    ("and_against_again", "Orchid Labs filed separate patent suits in Ohio against Verdant Bio and against Pellucid AG, two of its distributors."),
]


@pytest.mark.parametrize("text", [r[1] for r in SECOND_GROUPS], ids=[r[0] for r in SECOND_GROUPS])
def test_second_respondent_group_is_separate(text):
    facts = run(text)
    assert find(facts, "infringement", ["Orchid Labs"], ["Verdant Bio"])
    assert find(facts, "infringement", ["Orchid Labs"], ["Pellucid AG"])
    assert len(facts.proceedings) == 2


def test_outcome_cleared_is_respondent_won():
    facts = run("In the ITC case Orchid Labs brought against Verdant Bio, the judge cleared Verdant Bio's products and held one patent invalid.")
    pr = find(facts, "itc_investigation", ["Orchid Labs"], ["Verdant Bio"])
    assert pr is not None and pr.outcome == "respondent_won"


def test_did_not_infringe_is_respondent_won():
    facts = run("The court held that Verdant Bio did not infringe the patent held by Orchid Labs.")
    pr = find(facts, "infringement", ["Orchid Labs"], ["Verdant Bio"])
    assert pr is not None and pr.outcome == "respondent_won"


def test_the_two_fight_over_infringement_in_a_named_court():
    facts = run(
        "Nimbus Telecom sued Ostro Mobile in the Munich Regional Court. Earlier this month, the Delhi High Court turned down Nimbus Telecom's "
        "bid to secure a deposit from Ostro Mobile while the two fight over SEP infringement in India."
    )
    procs = [p for p in facts.proceedings if p.kind == "infringement"]
    assert sorted(p.forum for p in procs) == ["de-lg-muenchen", "other:Delhi High Court"], describe(facts)
    assert all(p.claimants == ["Nimbus Telecom"] for p in procs)


@pytest.mark.xfail(strict=True, reason="a court named only by its city ('a court in Delhi') gives no forum to keep the fight apart")
def test_fight_over_infringement_before_an_unnamed_court():
    facts = run("Nimbus Telecom sued Ostro Mobile in Munich. A court in Delhi turned down Nimbus Telecom's bid to secure a deposit from Ostro Mobile while the two fight over SEP infringement in India.")
    assert len([p for p in facts.proceedings if p.kind == "infringement"]) == 2


MORE = [
    ("faces_suit_from", "Kestrel Optics faces a fresh patent lawsuit from Lumen Arrays over its lens coatings.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("passive_against", "The court accepted a patent infringement case filed by Lumen Arrays Co., Ltd. against Kestrel Optics.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("counterclaim_revocation", "Lumen Arrays sued Kestrel Optics in the High Court over two patents. Kestrel Optics counterclaimed for revocation of the patents.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("appeal_by", "The Court of Appeal dismissed an appeal by Lumen Arrays against the ruling in its patent case with Kestrel Optics.",
     "appeal", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("possessive_cataphora", "Lumen Arrays sued Kestrel Optics over lens patents. In its IPR petitions, Kestrel Optics argues that the claims of Lumen Arrays' patents are obvious.",
     "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("responded_with", "Lumen Arrays sued Kestrel Optics over lens patents, and Kestrel Optics responded with an antitrust complaint against Lumen Arrays.",
     "other", ["Kestrel Optics"], ["Lumen Arrays"]),
    ("monopolizing", "Lumen Arrays holds lens patents. Lumen Arrays sued Kestrel Optics in the Northern District of California, "
     "accusing it of monopolizing the market for lens design software.",
     "other", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("pursuing_against_counted_group", "Lumen Arrays filed a patent suit in January 2020 against Kestrel Optics and Vireo Labs. "
     "Lumen Arrays is also pursuing a second lawsuit against the two companies, filed in April 2020.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics", "Vireo Labs"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_more_sentences(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_intention_is_not_a_filing():
    facts = run("Lumen Arrays won its patent case against Kestrel Optics. Kestrel Optics said it would appeal.")
    assert not [p for p in facts.proceedings if p.kind == "appeal"], describe(facts)


def test_dismissal_outcome():
    facts = run("Kirkwood & Hale LLP secured the dismissal of a patent infringement lawsuit brought by Lumen Arrays against its client Kestrel Optics.")
    pr = find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"])
    assert pr is not None and pr.outcome == "dismissed", describe(facts)
    assert all("Kirkwood" not in p.name for p in facts.parties)


def test_settlement_named_before_the_suits():
    facts = run(
        "Lumen Arrays and Kestrel Optics have settled all pending patent litigation between the companies. "
        "Lumen Arrays had sued Kestrel Optics in Munich in 2022 over its lens patents."
    )
    pr = find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"])
    assert pr is not None and pr.outcome == "settled", describe(facts)


def test_reported_filing_takes_no_saying_date():
    facts = run(
        "On May 4, 2021, Lumen Arrays brought a patent infringement case against Kestrel Optics. "
        "At a news conference on May 11, 2021, Lumen Arrays said it had lodged seven patent complaints against Kestrel Optics."
    )
    procs = [p for p in facts.proceedings if p.kind == "infringement"]
    assert len(procs) == 1 and procs[0].date == "2021-05-04", describe(facts)


CAPTIONS_AND_VERDICTS = [
    ("caption_apposition", "The lawsuit, Lumen Arrays v. Kestrel Optics, No. 1:23-cv-01234, concerns three patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"], None),
    ("wins_verdict", "Lumen Arrays wins $40M patent verdict against Kestrel Optics",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"], "claimant_won"),
    ("finding_infringed", "A Delaware jury awarded Lumen Arrays $12 million after finding that Kestrel Optics infringed two patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"], "claimant_won"),
    ("prevailed_against", "Lumen Arrays sued Kestrel Optics over a lens patent in 2020. Kestrel Optics prevailed against Lumen Arrays at trial.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"], "respondent_won"),
    ("hit_with_a_verdict", "Kestrel Optics was hit with a $9 million verdict in a patent suit brought by Lumen Arrays.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"], "claimant_won"),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents", "outcome"), [c[1:] for c in CAPTIONS_AND_VERDICTS], ids=[c[0] for c in CAPTIONS_AND_VERDICTS])
def test_captions_and_verdicts(text, kind, claimants, respondents, outcome):
    facts = run(text)
    pr = find(facts, kind, claimants, respondents)
    assert pr is not None and pr.outcome == outcome, describe(facts)


_NOUNS = "nouns: [{forms: [suit]}]\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("verbs: [", "not valid YAML"),
        (_NOUNS + "verbs: [{id: x, forms: [sue], frame: nowhere, mode: filing, examples: [x]}]", "frame"),
        (_NOUNS + "verbs: [{id: x, forms: [sue], frame: direct, mode: filing, kind: lawsuit, examples: [x]}]", "not a proceeding kind"),
        (_NOUNS + "verbs: [{id: x, forms: [sue], frame: direct, mode: filing, kind: infringement}]", "no examples"),
    ],
    ids=["bad_yaml", "unknown_frame", "unknown_kind", "no_examples"],
)
def test_bad_grammar_file_raises(text, problem):
    from patlit.errors import DataFileError

    with pytest.raises(DataFileError, match=problem):
        proceedings_en.compile_grammar(text)


def test_jury_ordered_to_pay():
    facts = run("A federal jury on Wednesday ordered Kestrel Optics to pay $30 million to Lumen Arrays LLC and Lumen Licensing LLC for infringing patents.")
    pr = find(facts, "infringement", ["Lumen Arrays LLC", "Lumen Licensing LLC"], ["Kestrel Optics"])
    assert pr is not None and pr.outcome == "claimant_won", describe(facts)


def test_case_note_caption_verdict_and_cited_authority():
    facts = run(
        "Lumen Arrays v. Kestrel Optics, No. 2022-1544 (Fed. Cir. Mar. 4, 2024)\n\n"
        "Lumen Arrays sued Kestrel Optics for infringing U.S. Patent No. 8,123,456 (the '456 patent). "
        "The district court granted summary judgment of non-infringement. Lumen Arrays appealed. "
        "Kestrel Optics had also petitioned for inter partes review of the '456 patent, but the Board denied institution.\n\n"
        "The Federal Circuit affirmed. See Phillips v. AWH Corp., 415 F.3d 1303 (Fed. Cir. 2005) (en banc)."
    )
    assert find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"]).outcome == "respondent_won", describe(facts)
    assert find(facts, "appeal", ["Lumen Arrays"], ["Kestrel Optics"]).outcome == "respondent_won"
    assert find(facts, "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]).outcome == "respondent_won"
    assert all("Phillips" not in p.name for p in facts.parties)
    assert len(facts.proceedings) == 3


def test_representative_matter_names_the_client_as_defendant():
    facts = run(
        "Defended Globex Corporation in a patent infringement action brought by Initrode LLC in the District of Delaware; "
        "obtained summary judgment of invalidity under 35 U.S.C. § 101."
    )
    pr = find(facts, "infringement", ["Initrode LLC"], ["Globex Corporation"])
    assert pr is not None and pr.outcome == "respondent_won" and pr.forum == "ded", describe(facts)


def test_responded_by_suing_for_frand_rates_is_other():
    facts = run(
        "Lumen Arrays filed a patent lawsuit against Kestrel Optics in Munich, and Kestrel Optics responded by suing "
        "Lumen Arrays in Chongqing, asking the court to set global FRAND royalty rates."
    )
    assert find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"]), describe(facts)
    assert find(facts, "other", ["Kestrel Optics"], ["Lumen Arrays"]), describe(facts)


def test_litigant_sentence_far_from_patent_words_counts():
    facts = run(
        "Orchid Labs sued Verdant Bio over a sensor patent in 2016.\n\n"
        "The court later ordered Verdant Bio to pay RMB 23 million to Orchid Labs. Verdant Bio has since changed its name. "
        "Its shares fell sharply. Analysts were surprised.\n\n"
        "Meanwhile, Orchid Labs also filed suits against Pellucid AG, Kestrel Optics, and Nimbus Telecom in Texas."
    )
    pr = find(facts, "infringement", ["Orchid Labs"], ["Pellucid AG", "Kestrel Optics", "Nimbus Telecom"])
    assert pr is not None, describe(facts)


def test_office_upholding_the_patent_is_respondent_won():
    facts = run("Verdant Bio filed a request for invalidation of Orchid Labs' patent with CNIPA, but the Board upheld the patent in full.")
    pr = find(facts, "invalidation", ["Verdant Bio"], ["Orchid Labs"])
    assert pr is not None and pr.outcome == "respondent_won", describe(facts)


GENERAL = [
    ("progressive", "Orchid Labs, Inc. (NASDAQ: ORCL), a maker of reagents, today announced that it is filing patent infringement lawsuits against Verdant Bio Inc.",
     "infringement", ["Orchid Labs, Inc."], ["Verdant Bio Inc."]),
    ("descriptor", "Kestrel Optics makes lenses for phones. In 2020 Lumen Arrays sued the lens maker in Ohio over two patents.",
     "infringement", ["Lumen Arrays"], ["Kestrel Optics"]),
    ("represented_complainant", "Represented Lumen Arrays Inc. as complainant in an ITC Section 337 investigation against Kestrel Optics Corp. concerning camera modules.",
     "itc_investigation", ["Lumen Arrays Inc."], ["Kestrel Optics Corp."]),
    ("certiorari", "Lumen Arrays lost its patent appeal against Kestrel Optics at the Federal Circuit, and Lumen Arrays then petitioned the Supreme Court for certiorari.",
     "appeal", ["Lumen Arrays"], ["Kestrel Optics"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in GENERAL], ids=[c[0] for c in GENERAL])
def test_general_forms(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_global_settlement_ends_every_proceeding():
    facts = run(
        "Lumen Arrays sued Kestrel Optics in the District of Delaware in 2021 over camera patents. "
        "Kestrel Optics responded with IPR petitions against Lumen Arrays' patents. "
        "Both companies said all pending litigation would be dismissed."
    )
    assert facts.proceedings and all(p.outcome == "settled" for p in facts.proceedings), describe(facts)


def test_collective_name_does_not_merge_members():
    facts = run(
        'Lumen Arrays LLC sued Kestrel Retail UK Limited, Kestrel Distribution Ltd and Kestrel Inc. (collectively "Kestrel") '
        "in the High Court over two patents."
    )
    from en_helpers import party

    names = {p.name for p in facts.parties}
    assert {"Kestrel Retail UK Limited", "Kestrel Distribution Ltd", "Kestrel Inc."} <= names, names
    assert party(facts, "Kestrel").name == "Kestrel Inc."


def test_participle_takes_the_main_subject_and_ask_court_to_set_rates():
    facts = run(
        "Lumen Arrays has opened a new front in its patent dispute with Kestrel Optics, filing infringement suits at the "
        "Munich Regional Court on Thursday. Kestrel Optics has asked a Chinese court to set global FRAND royalty rates."
    )
    assert find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"]), describe(facts)
    assert find(facts, "other", ["Kestrel Optics"], ["Lumen Arrays"]), describe(facts)


def test_itc_investigation_into_a_list_and_brand_short_form():
    facts = run(
        "eVolt Corp. has filed a complaint with the ITC requesting an investigation into Kestrel Operating LLC, "
        "Kestrel Sales Company and Kestrel (Hong Kong) Company over five battery patents. "
        "eVolt has also filed a companion lawsuit in the District of Massachusetts."
    )
    pr = find(facts, "itc_investigation", ["eVolt Corp."], ["Kestrel Operating LLC", "Kestrel Sales Company", "Kestrel (Hong Kong) Company"])
    assert pr is not None, describe(facts)
    assert [p for p in facts.proceedings if p.kind == "infringement" and p.forum == "mad"], describe(facts)


def test_parent_and_its_units_in_roles():
    facts = run(
        "A jury in Marshall, Texas, found that Kestrel Optics Co., Ltd. and its U.S. units, Kestrel America, Inc. and "
        "Kestrel Semiconductor, Inc., wilfully infringed five Lumen Arrays patents. "
        "Separately, Kestrel Optics was sued in federal court in California by Lumen Arrays and its spin-off Lumen Labs, Inc."
    )
    prs = [p for p in facts.proceedings if p.kind == "infringement" and "Lumen Arrays" in p.claimants]
    assert prs and prs[0].outcome == "claimant_won", describe(facts)
    assert {"Kestrel Optics Co., Ltd.", "Kestrel America, Inc.", "Kestrel Semiconductor, Inc."} <= set(prs[0].respondents)
    assert any("Lumen Labs, Inc." in p.claimants for p in facts.proceedings), describe(facts)


def test_naming_defendants_and_pte_limited_plaintiffs():
    facts = run(
        "Lumen Arrays Inc. is filing the first lawsuit in the District of Massachusetts, naming Kestrel Optics, "
        "Kestrel Manufacturing GmbH and Kestrel US Inc. as defendants and asserting three patents. "
        'The plaintiffs, Orchid Corporation and Orchid Sales Pte. Limited (together "Orchid"), filed the action against '
        "Verdant, Inc. and Verdant International B.V. in 2020."
    )
    assert find(facts, "infringement", ["Lumen Arrays Inc."], ["Kestrel Optics", "Kestrel Manufacturing GmbH", "Kestrel US Inc."]), describe(facts)
    assert find(facts, "infringement", ["Orchid Corporation", "Orchid Sales Pte. Limited"], ["Verdant, Inc.", "Verdant International B.V."]), describe(facts)


def test_kind_from_the_trigger_clause_only():
    facts = run(
        "Kestrel Optics responded with petitions for inter partes review against a dozen Lumen Arrays patents, "
        "and in 2023 Lumen Arrays filed a second action in the District of Delaware over additional patents."
    )
    assert find(facts, "infringement", ["Lumen Arrays"], ["Kestrel Optics"]), describe(facts)
    assert find(facts, "invalidation", ["Kestrel Optics"], ["Lumen Arrays"]), describe(facts)


def test_contract_suit_is_other_and_infringing_trade_secret_suit_is_infringement():
    facts = run(
        "Lumen Arrays separately sued Kestrel Optics in California, claiming that Kestrel Optics breached a patent cross-licence agreement. "
        "Orchid Labs was sued in federal court by Verdant Bio, which accuses it of infringing patents and misappropriating trade secrets."
    )
    assert find(facts, "other", ["Lumen Arrays"], ["Kestrel Optics"]), describe(facts)
    assert find(facts, "infringement", ["Verdant Bio"], ["Orchid Labs"]), describe(facts)


def test_second_suit_against_filed_elsewhere_and_own_claims():
    facts = run(
        "Lumen Arrays is filing the first patent lawsuit against Kestrel Optics in the District of Massachusetts. "
        "A second suit, against Kestrel Optics, is being filed in the Regional Court of Düsseldorf in Germany. "
        "Kestrel Optics has asked a Chinese court to determine the FRAND rates; Lumen Arrays has responded with its own infringement claims in China."
    )
    procs = [p for p in facts.proceedings if p.kind == "infringement" and p.claimants == ["Lumen Arrays"]]
    assert {"mad", "de-lg-duesseldorf"} <= {p.forum for p in procs}, describe(facts)
    assert find(facts, "other", ["Kestrel Optics"], ["Lumen Arrays"]), describe(facts)


def test_one_line_document_before_a_named_court():
    facts = run("Lumen Arrays Incorporated sued Kestrel Optics Inc. in the Southern District of California in July 2017.")
    pr = find(facts, "infringement", ["Lumen Arrays Incorporated"], ["Kestrel Optics Inc."])
    assert pr is not None and pr.forum == "casd" and pr.date == "2017-07", describe(facts)
    assert all(not p.name.endswith("Company.") for p in facts.parties)


def test_second_suit_against_a_counted_group_is_its_own_proceeding():
    facts = run("Lumen Arrays filed a patent suit in January 2020 against Kestrel Optics and Vireo Labs. "
                "Lumen Arrays is also pursuing a second lawsuit against the two companies, filed in April 2020.")
    assert sorted(p.date for p in facts.proceedings if p.kind == "infringement") == ["2020-01", "2020-04"], describe(facts)
