"""English proceedings grammar, second table: actions that name only one side.

Each row is a pattern of English many reports use, written in our own words:
(id, text, kind, claimants, respondents).
"""
from __future__ import annotations

import pytest

from en_helpers import describe, find, run

ONE_SIDED = [
    ("filed_complaint_then_petitioned",
     "Halvard Sensors Inc. filed its complaint over router patents in March 2019. Quillon Networks Ltd. denied the claims. "
     "In 2020 Quillon Networks Ltd. petitioned for inter partes review of two of the patents.",
     "invalidation", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."]),
    ("jury_ordered_to_pay_only_opponent",
     "Halvard Sensors Inc. filed its complaint over router patents in 2019. A Delaware jury ordered Quillon Networks Ltd. "
     "to pay $12 million after finding that its switches infringed two patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
    ("filed_complaint_only_opponent",
     "Halvard Sensors Inc. filed its complaint over router patents in 2019. The Patent Trial and Appeal Board later "
     "cancelled the claims on a petition by Quillon Networks Ltd. Halvard Sensors Inc. appealed those decisions.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
    ("parent_appeals_where_subsidiary_was_sued",
     "Halvard Sensors Inc. sued Quillon Networks America Inc. over router patents in 2019. Separately, Quillon Networks Ltd. "
     "filed counterclaims of its own. Quillon Networks Ltd. later appealed.",
     "appeal", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in ONE_SIDED], ids=[c[0] for c in ONE_SIDED])
def test_one_sided_actions(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_one_sided_action_among_several_families_stays_open():
    """With two other companies in the document, neither is taken for the appellee."""
    facts = run("Halvard Sensors Inc., Quillon Networks Ltd. and Pernik Systems GmbH make routers. "
                "The Patent Trial and Appeal Board cancelled the claims of a router patent, and Halvard Sensors Inc. appealed.")
    assert not any(p.kind == "appeal" for p in facts.proceedings), describe(facts)


def test_affirmed_then_certiorari_is_two_appeals():
    """"The Federal Circuit affirmed, and X petitioned for certiorari": X lost its own appeal, then went higher."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent in Delaware, and the district court held the "
                "claims invalid. The Federal Circuit affirmed, and Halvard Sensors Inc. petitioned for certiorari.")
    appeals = [p for p in facts.proceedings if p.kind == "appeal"]
    cafc = [p for p in appeals if p.forum == "cafc"]
    assert find(facts, "appeal", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]), describe(facts)
    assert len(appeals) == 2 and cafc and cafc[0].outcome == "respondent_won", describe(facts)


ACCUSED_LISTS = [
    ("went_after_list_accusing_them",
     "Halvard Sensors Inc. sued Borvik Ltd. over router patents. It also went after three suppliers, Quillon Networks Ltd., "
     "Pernik Systems GmbH and Dovra Labs Inc., accusing them of infringing the same patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH", "Dovra Labs Inc."]),
    ("went_after_named_list",
     "Halvard Sensors Inc. makes routers. Halvard Sensors Inc. went after Quillon Networks Ltd., Pernik Systems GmbH, "
     "Dovra Labs Inc. and Zentro Corp., accusing them of infringing its patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH", "Dovra Labs Inc.", "Zentro Corp."]),
    ("filed_suit_against_list_accusing_them",
     "Halvard Sensors Inc. filed suit in Ohio against Quillon Networks Ltd. and its subsidiaries Pernik Systems GmbH and "
     "Dovra Labs Inc., accusing them of infringing several patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH", "Dovra Labs Inc."]),
    ("accused_two_of_infringing",
     "Halvard Sensors Inc. accused Quillon Networks Ltd. and Pernik Systems GmbH of infringing its router patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in ACCUSED_LISTS], ids=[c[0] for c in ACCUSED_LISTS])
def test_accused_lists(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)
    assert not any(p.respondents == claimants for p in facts.proceedings), describe(facts)


@pytest.mark.xfail(strict=True, reason="a list set off by dashes after a long descriptor is not reached by the accuse frame")
def test_went_after_descriptor_dash_list():
    facts = run("Halvard Sensors Inc. sued Borvik Ltd. over router patents. The Ohio-based company also went after the three Korean "
                "suppliers that build its rivals' devices - Quillon Networks Ltd., Pernik Systems GmbH and Dovra Labs Inc. - "
                "accusing them of infringing its patents.")
    assert find(facts, "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH", "Dovra Labs Inc."]), describe(facts)


APPELLATE_RULINGS = [
    ("reversed_ruling_of_infringement",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware over a router patent, and the jury found infringement. "
     "The Federal Circuit reversed the ruling that the patent was infringed.",
     ["Quillon Networks Ltd."], ["Halvard Sensors Inc."], "claimant_won"),
    ("affirmed_judgment_of_infringement",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware over a router patent, and won. "
     "The Federal Circuit affirmed the judgment of infringement.",
     ["Quillon Networks Ltd."], ["Halvard Sensors Inc."], "respondent_won"),
    ("vacated_finding_of_invalidity",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware over a router patent, but lost at trial. "
     "The Federal Circuit vacated the finding that the patent was invalid as obvious.",
     ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "claimant_won"),
    ("bare_affirmed_after_ruling_of_no_enablement",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware in 2015 over two antibody patents. After trial the district "
     "court held that the claims were not enabled. The Federal Circuit affirmed in March 2021.",
     ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "respondent_won"),
    ("lead_vacated_award_then_suit",
     "The Federal Circuit on Monday vacated the $4,500,000 damages award a jury had granted to Halvard Sensors Inc. in its router case. "
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2019 over a router patent.",
     ["Quillon Networks Ltd."], ["Halvard Sensors Inc."], "claimant_won"),
    ("lead_affirmed_ruling_of_invalidity_then_suit",
     "The U.S. Court of Appeals for the Federal Circuit affirmed a ruling that the claims of U.S. Patent No. 9,111,222, "
     "which cover a router with two antennas, are invalid as obvious. "
     "Halvard Sensors Inc. sued Quillon Networks Ltd. in Ohio in 2020.",
     ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "respondent_won"),
]


@pytest.mark.parametrize(("text", "claimants", "respondents", "outcome"), [c[1:] for c in APPELLATE_RULINGS], ids=[c[0] for c in APPELLATE_RULINGS])
def test_appeal_told_by_appellate_ruling(text, claimants, respondents, outcome):
    facts = run(text)
    p = find(facts, "appeal", claimants, respondents)
    assert p and p.forum == "cafc" and p.outcome == outcome, describe(facts)


def test_lead_ruling_with_an_appeal_told_adds_none():
    """The suit told after the appellate decision, and its appeal told too: the told appeal carries the decision."""
    facts = run("The Federal Circuit vacated the damages award. Halvard Sensors Inc. sued Quillon Networks Ltd. in 2019 "
                "over a router patent, and Quillon Networks Ltd. appealed the verdict to the Federal Circuit.")
    assert len([p for p in facts.proceedings if p.kind == "appeal"]) == 1, describe(facts)


def test_bare_affirmed_without_a_ruling_told_adds_none():
    """'The Federal Circuit affirmed' with nothing before saying what was held: no appeal is guessed."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware in 2015 over two router patents. "
                "The Federal Circuit affirmed in March 2021.")
    assert not any(p.kind == "appeal" for p in facts.proceedings), describe(facts)


def test_lower_court_ruling_is_no_appeal():
    """A district court that 'set aside the verdict' names no appeal court: no appeal."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. in Delaware over a router patent. "
                "The district court later set aside the verdict of infringement.")
    assert not any(p.kind == "appeal" for p in facts.proceedings), describe(facts)


APPLIED_FOR = [
    ("applied_to_division_for_injunction_against",
     "Halvard Sensors Inc. applied to the Munich local division for a provisional injunction against Quillon Networks Ltd. over a router patent.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
    ("applied_for_injunction_against",
     "Halvard Sensors Inc. applied for an injunction against Quillon Networks Ltd. in the Hague, asserting a router patent.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in APPLIED_FOR], ids=[c[0] for c in APPLIED_FOR])
def test_applied_for_injunction(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_the_defendants_are_those_of_the_suit_just_told():
    """"The defendants answered with a counterclaim": the respondents of the suit in the sentence before,
    even when that suit named them by a descriptor ("the two Quillon companies") first."""
    facts = run("Halvard Sensors Inc. filed the infringement action against the two Quillon companies, Quillon Networks Ltd. "
                "and Quillon Italy S.r.l., on 3 May 2023. The defendants answered with a counterclaim for revocation of the "
                "patent, which the local division rejected.")
    assert find(facts, "invalidation", ["Quillon Networks Ltd.", "Quillon Italy S.r.l."], ["Halvard Sensors Inc."]), describe(facts)


SIMILAR_ACTIONS = [
    ("similar_action_after_declaratory_judgment",
     "Halvard Sensors Inc. filed a declaratory judgment action against Quillon Networks Ltd. over two software patents in May 2012. "
     "Pernik Systems GmbH filed a similar action against Quillon Networks Ltd. two weeks later.",
     "declaratory_judgment", ["Pernik Systems GmbH"], ["Quillon Networks Ltd."]),
    ("parallel_suit_after_infringement",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. for patent infringement in Texas. It later brought a parallel "
     "suit against Pernik Systems GmbH.",
     "infringement", ["Halvard Sensors Inc."], ["Pernik Systems GmbH"]),
    ("parallel_suit_beside_itc_complaint",
     "Halvard Sensors Inc. filed a complaint with the U.S. International Trade Commission against Quillon Networks Ltd. "
     "over two router patents. Halvard Sensors Inc. also filed a parallel suit against Quillon Networks Ltd. in Delaware.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in SIMILAR_ACTIONS],
                         ids=[c[0] for c in SIMILAR_ACTIONS])
def test_similar_action_takes_the_kind_of_the_action_told(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_defined_company_in_an_announcement_is_that_company():
    """Filings call the issuer 'the Company' once defined; the nearest name before is not it."""
    facts = run('This announcement is made by Kestrel Bio, Ltd. (the "Company") on a voluntary basis. On June 13, 2023, '
                "Pharmora LLC, a subsidiary of Vantis Inc., filed a complaint in the District of Delaware against the Company "
                "and its wholly-owned subsidiary, Kestrel Bio USA, Inc., alleging infringement of U.S. Patent No. 11,672,803.")
    assert find(facts, "infringement", ["Pharmora LLC"], ["Kestrel Bio, Ltd.", "Kestrel Bio USA, Inc."]), describe(facts)
    assert "Vantis Inc." not in [p.name for p in facts.parties]


def test_declaratory_judgment_answers_whoever_sued():
    """Several company families in the story: the declaratory action still faces the one that sued its claimant."""
    facts = run("Quillon Networks Ltd., a unit of Pernik Holdings AG, sued Halvard Sensors Inc. for patent infringement in "
                "Delaware in May 2023. The same day Halvard Sensors Inc. filed a complaint in Virginia seeking a declaratory "
                "judgment that the patent is invalid. Quillon Networks Ltd. also sued Ostrava Labs GmbH in Texas over the same patent.")
    assert find(facts, "declaratory_judgment", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]), describe(facts)


def test_judgment_won_told_in_a_relative_clause():
    """'reversed a judgment ... that C had won against R in <court>': C's suit against R, at that court."""
    facts = run('On August 26, 2021, the Federal Circuit reversed a judgment of roughly $1.2 billion that Halvard Sensors Inc. '
                'and Pernik Labs (collectively, "Halvard") had won against Quillon Networks Ltd. ("Quillon") in the Central '
                "District of California. The patent covers a router.")
    suit = find(facts, "infringement", ["Halvard Sensors Inc.", "Pernik Labs"], ["Quillon Networks Ltd."])
    assert suit is not None and suit.forum == "cacd", describe(facts)
    appeal = find(facts, "appeal", ["Quillon Networks Ltd."], ["Halvard Sensors Inc.", "Pernik Labs"])
    assert appeal is not None and (appeal.forum, appeal.outcome) == ("cafc", "claimant_won"), describe(facts)


def test_ordered_to_pay_names_the_payee_and_the_descriptor_is_the_payer():
    """'ordered R to pay C $X after finding that the networking giant infringed C's patents': one suit, C against R."""
    facts = run("A federal judge in Norfolk ordered Quillon Networks Ltd. to pay Halvard Sensors Inc. about $20 million after "
                "finding that the networking giant willfully infringed five of the smaller company's patents.")
    assert [(p.kind, p.claimants, p.respondents) for p in facts.proceedings] == [
        ("infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."])], describe(facts)


VERDICT_FRAMES = [
    ("jury_awarded_against",
     "In August 2012 a jury in San Jose awarded Halvard Sensors Inc. $1.05 billion against Quillon Networks Ltd. "
     "over three router patents.",
     "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "claimant_won"),
    ("rejected_counterclaims_that",
     "The jury found for Halvard Sensors Inc. on its router patents and rejected Quillon Networks Ltd.'s counterclaims "
     "that Halvard Sensors Inc. infringed Quillon's own wireless patents.",
     "infringement", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."], "respondent_won"),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents", "outcome"), [c[1:] for c in VERDICT_FRAMES],
                         ids=[c[0] for c in VERDICT_FRAMES])
def test_verdict_frames(text, kind, claimants, respondents, outcome):
    facts = run(text)
    found = find(facts, kind, claimants, respondents)
    assert found is not None and found.outcome == outcome, describe(facts)


def test_court_suit_told_with_an_itc_complaint_is_its_own_proceeding():
    facts = run("Halvard Sensors Inc. commenced the litigation on December 5, 2014, filing a complaint with the U.S. International "
                "Trade Commission under Section 337 against Quillon Networks Ltd. and, the same day, a patent infringement action "
                "in the U.S. District Court for the Northern District of California.")
    got = sorted((p.kind, p.forum, p.date) for p in facts.proceedings)
    assert got == [("infringement", "cand", "2014-12-05"), ("itc_investigation", "usitc", "2014-12-05")], describe(facts)


NOT_PARTIES = [
    ("state_court", "Halvard Sensors Inc. sued Quillon Networks Ltd. in the Northern District of West Virginia in 2022. "
     "Halvard Sensors Inc. has since filed similar suits in the same West Virginia court against Pernik Labs.", "West Virginia"),
    ("spaced_ep_number", "Halvard Sensors Inc. sued Quillon Networks Ltd. in Munich. Quillon Networks Ltd. lodged a revocation "
     "action against EP 3 831 283 at the central division.", "EP"),
    ("city_before_state", "Halvard Sensors Inc., a privately held company based in Herndon, Virginia, filed the patent suit "
     "against Quillon Networks Ltd. in February 2018.", "Herndon"),
]


@pytest.mark.parametrize(("text", "name"), [c[1:] for c in NOT_PARTIES], ids=[c[0] for c in NOT_PARTIES])
def test_places_and_patent_prefixes_are_not_parties(text, name):
    facts = run(text)
    assert name not in [p.name for p in facts.parties], describe(facts)
    assert any(p.claimants == ["Halvard Sensors Inc."] for p in facts.proceedings), describe(facts)


def test_place_named_after_a_listed_company_does_not_cut_the_list():
    facts = run("Halvard Sensors Inc. sued Apple, Texas Instruments and Intel over router patents in 2019.")
    assert find(facts, "infringement", ["Halvard Sensors Inc."], ["Apple", "Texas Instruments", "Intel"]), describe(facts)


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Halvard Sensors Inc. and Sloan Pernik Institute for Cancer Research sued Quillon Networks Ltd. over a patent.",
                 "Sloan Pernik Institute for Cancer Research", id="institute-for"),
    pytest.param("A jury in Delaware ordered Quillon Networks Ltd. to pay G+ Communications $142 million for infringing "
                 "its patents.", "G+ Communications", id="plus-in-name"),
])
def test_names_with_for_and_plus(text, name):
    facts = run(text)
    assert name in [p.name for p in facts.parties], describe(facts)


def test_subsidiary_listed_after_its_parent_stands_with_the_parent():
    facts = run('Halvard University ("HU") and Quillon Networks Group, Ltd. and its subsidiary Quillon Semiconductor, Inc. '
                '(together, "Quillon") today announced that they have settled the patent lawsuit that HU brought against '
                "Quillon in March 2009.")
    assert find(facts, "infringement", ["Halvard University"],
                ["Quillon Networks Group, Ltd.", "Quillon Semiconductor, Inc."]), describe(facts)


def test_and_parent_joins_the_claimant_list():
    facts = run("The fight began in June 2021, when Halvard Sensors Care Inc. and parent Halvard Sensors Holdings sued "
                "Quillon Networks Ltd. in federal court in Delaware, alleging that its sensors infringed its patents.")
    assert find(facts, "infringement", ["Halvard Sensors Care Inc.", "Halvard Sensors Holdings"], ["Quillon Networks Ltd."]), \
        describe(facts)


PTAB_CAPTIONS = [
    ("ipr_number_after_caption",
     "Weekly notes\nHalvard Sensors Inc. v. Quillon Networks Ltd., IPR2022-01234. The board found all claims of the router patent unpatentable.",
     "invalidation", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
    ("pgr_number_after_caption",
     "Weekly notes\nHalvard Sensors Inc. v. Quillon Networks Ltd., PGR2021-00077. The review of the patent ended in a settlement.",
     "invalidation", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in PTAB_CAPTIONS], ids=[c[0] for c in PTAB_CAPTIONS])
def test_heading_caption_with_ptab_number_is_the_trial(text, kind, claimants, respondents):
    """A heading caption followed by a PTAB trial number names petitioner v. patent owner of that trial."""
    facts = run(text)
    p = find(facts, kind, claimants, respondents)
    assert p and p.forum == "ptab", describe(facts)


def test_heading_caption_without_number_only_confirms():
    """Without a trial number a heading caption still adds no proceeding of its own."""
    facts = run("Weekly notes\nHalvard Sensors Inc. v. Quillon Networks Ltd., a note on claim construction.")
    assert not facts.proceedings, describe(facts)


DESCRIPTOR_AFTER_NOUN = [
    ("actions_against_the_carmaker",
     "Borvik Motors AG signed a patent licence with Halvard Sensors Inc. last week. Halvard Sensors Inc. had filed five "
     "infringement actions against the Stuttgart-based carmaker in May 2020.",
     "infringement", ["Halvard Sensors Inc."], ["Borvik Motors AG"]),
    ("suits_against_the_supplier",
     "Pernik Systems GmbH makes the accused modules. Halvard Sensors Inc. filed two patent suits "
     "against the German supplier in Ohio.",
     "infringement", ["Halvard Sensors Inc."], ["Pernik Systems GmbH"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in DESCRIPTOR_AFTER_NOUN],
                         ids=[c[0] for c in DESCRIPTOR_AFTER_NOUN])
def test_descriptor_after_the_action_noun(text, kind, claimants, respondents):
    """'filed N actions against the carmaker in <date>': the descriptor names the party told before."""
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_filed_its_own_lawsuit_keeps_its_court_and_patent():
    """'it filed its own lawsuit in <court>, alleging ... <patent>': one action, which takes the court and patent."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. in Ohio in March 2022. Quillon Networks Ltd. has hit back. "
                "In May it filed its own lawsuit in the District of Minnesota, alleging that Halvard's routers infringe "
                "U.S. Patent No. 9,876,543.")
    p = find(facts, "infringement", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."])
    assert p and p.forum == "mnd" and p.patents == ["US9876543"], describe(facts)


def test_object_of_the_first_verb_is_not_the_subject_of_the_second():
    """'X sued Y in 2017 and later filed ...': X filed, not Y."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. in 2017 and later filed another patent suit "
                "against Quillon Networks Ltd. in the District of Delaware.")
    assert not find(facts, "infringement", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."]), describe(facts)
    p = find(facts, "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."])
    assert p, describe(facts)


ALLEGING_LISTS = [
    ("list_with_group_alias",
     'Plaintiff Halvard Sensors Inc. filed this patent action on May 2, 2023, alleging that Defendants Quillon Networks Ltd., '
     'Quillon Retail LLC (together, "Quillon") and Pernik Systems GmbH infringe U.S. Patent No. 9,876,543.',
     ["Quillon Networks Ltd.", "Quillon Retail LLC", "Pernik Systems GmbH"]),
    ("two_and_no_more",
     "Halvard Sensors Inc. filed a patent suit on May 2, 2023, alleging that Quillon Networks Ltd. and Pernik Systems GmbH "
     "infringe its router patent, which Borvik AG licenses.",
     ["Quillon Networks Ltd.", "Pernik Systems GmbH"]),
]


@pytest.mark.parametrize(("text", "respondents"), [c[1:] for c in ALLEGING_LISTS], ids=[c[0] for c in ALLEGING_LISTS])
def test_alleging_that_a_list_infringes_names_every_defendant(text, respondents):
    facts = run(text)
    assert find(facts, "infringement", ["Halvard Sensors Inc."], respondents), describe(facts)


def test_counterclaims_for_declaratory_judgments():
    """Counterclaims 'seeking declaratory judgments' of non-infringement are a declaratory action against the suer."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. over two router patents in June 2023. In August 2023, "
                "Quillon answered and asserted counterclaims seeking declaratory judgments that it does not infringe either patent.")
    assert find(facts, "declaratory_judgment", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."]), describe(facts)


def test_dismissal_written_in_capitals():
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. over two router patents in June 2023. "
                "IT IS HEREBY ORDERED that the complaint is DISMISSED WITH PREJUDICE.")
    p = find(facts, "infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."])
    assert p and p.outcome == "dismissed", describe(facts)


RESPONDED_WITH = [
    ("responded_in_month_with", "Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent in 2019. Quillon Networks Ltd. "
     "responded in June 2020 with its own infringement action against Halvard Sensors Inc. in Ohio.", "2020-06"),
    ("retaliated_with", "Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent in 2019. In March 2021 Quillon "
     "Networks Ltd. retaliated with its own patent suit against Halvard Sensors Inc.", "2021-03"),
]


@pytest.mark.parametrize(("text", "date"), [c[1:] for c in RESPONDED_WITH], ids=[c[0] for c in RESPONDED_WITH])
def test_responded_with_its_own_action_is_a_dated_filing(text, date):
    facts = run(text)
    p = find(facts, "infringement", ["Quillon Networks Ltd."], ["Halvard Sensors Inc."])
    assert p and p.date == date, describe(facts)


def test_supplier_of_a_part_is_no_respondent():
    """'seeking to block imports of phones built with <X> modems': X supplies a part; the respondent is the one sued before."""
    facts = run("Halvard Sensors Inc. sued Quillon Networks Ltd. over two patents in May 2021. In July 2021 Halvard hit back "
                "twice. It filed a complaint at the U.S. International Trade Commission seeking to block imports of routers built "
                "with Pernik Systems GmbH chips, and it sued Quillon Networks Ltd. in Ohio.")
    assert not any("Pernik Systems GmbH" in p.respondents for p in facts.proceedings), describe(facts)


APPEAL_BOARD_NAMES = [
    ("ptab_name_is_no_appeal", "Quillon Networks Ltd. sued Halvard Sensors Inc. over router patents in 2019. Halvard Sensors Inc. answered "
     "with a barrage of inter partes review petitions at the Patent Trial and Appeal Board against Quillon patents.", "invalidation"),
    ("appeal_still_an_appeal", "The Patent Trial and Appeal Board upheld the claims of the router patent owned by Quillon Networks Ltd. "
     "Halvard Sensors Inc. filed an appeal against Quillon Networks Ltd. at the Federal Circuit.", "appeal"),
]


@pytest.mark.parametrize(("text", "kind"), [c[1:] for c in APPEAL_BOARD_NAMES], ids=[c[0] for c in APPEAL_BOARD_NAMES])
def test_appeal_board_name_gives_no_appeal_kind(text, kind):
    facts = run(text)
    assert find(facts, kind, ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]), describe(facts)


ITC_IMPORTS_BY = [
    ("descriptor_subject_two_makers",
     "Halvard Sensors GmbH has gone to court in three countries over its patent. On Monday the German-Korean manufacturer filed a "
     "complaint with the US International Trade Commission asking it to open a Section 337 investigation into imports of cells "
     "and modules made by Quillon Networks Ltd. (Quillon) and Pernik Systems Ltd. (Pernik).",
     ["Halvard Sensors GmbH"], ["Quillon Networks Ltd.", "Pernik Systems Ltd."]),
    ("named_subject_sold_by",
     "Halvard Sensors GmbH filed a complaint at the ITC seeking an exclusion order against the importation of routers sold by "
     "Quillon Networks Ltd., alleging infringement of two patents.",
     ["Halvard Sensors GmbH"], ["Quillon Networks Ltd."]),
]


@pytest.mark.parametrize(("text", "claimants", "respondents"), [c[1:] for c in ITC_IMPORTS_BY], ids=[c[0] for c in ITC_IMPORTS_BY])
def test_itc_complaint_against_imports_made_by(text, claimants, respondents):
    facts = run(text)
    p = find(facts, "itc_investigation", claimants, respondents)
    assert p and p.forum == "usitc", describe(facts)


INJUNCTION_GRANTED_TO = [
    ("lifted_injunction_granted_to",
     "The appeal court lifted the preliminary injunction that the Munich local division had granted to Halvard Sensors Inc. "
     "against Quillon Networks Ltd. over a patent.", ["Halvard Sensors Inc."]),
    ("granted_to_two_holders",
     "The injunction the court granted to Halvard Sensors Inc. and the Regents of Borvik University against Quillon Networks Ltd. "
     "covers its router patent.", ["Halvard Sensors Inc.", "Regents of Borvik University"]),
]


@pytest.mark.parametrize(("text", "claimants"), [c[1:] for c in INJUNCTION_GRANTED_TO], ids=[c[0] for c in INJUNCTION_GRANTED_TO])
def test_injunction_granted_to_c_against_r_is_cs_suit(text, claimants):
    facts = run(text)
    assert find(facts, "infringement", claimants, ["Quillon Networks Ltd."]), describe(facts)


PAYER_AS_SUBJECT = [
    ("must_pay_for_infringing",
     "Quillon Networks Ltd. must pay Halvard Sensors Inc. $40 million for infringing three router patents, a federal "
     "judge in Norfolk ruled on Monday.", [("infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "claimant_won")]),
    ("was_ordered_to_pay_then_jury_found_it",
     "Quillon Networks Ltd. was ordered to pay $12 million to Halvard Sensors Inc. after a jury found it infringed a "
     "router patent.", [("infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."], "claimant_won")]),
    ("licence_fee_under_a_deal_is_no_verdict",
     "Quillon Networks Ltd. must pay Halvard Sensors Inc. a licence fee of $2 million a year under the agreement.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PAYER_AS_SUBJECT], ids=[c[0] for c in PAYER_AS_SUBJECT])
def test_payment_imposed_on_the_subject(text, expected):
    facts = run(text)
    assert [(p.kind, p.claimants, p.respondents, p.outcome) for p in facts.proceedings] == expected, describe(facts)


ASK_ITC = [
    ("investigate_imports_made_by",
     "Halvard Sensors Inc. on Thursday asked the U.S. International Trade Commission to investigate imports of routers "
     "made by Quillon Networks Ltd. and Pernik Systems GmbH.",
     [("itc_investigation", ["Halvard Sensors Inc."], ["Quillon Networks Ltd.", "Pernik Systems GmbH"])]),
    ("bar_imports_of_named_goods",
     "Halvard Sensors Inc. asked the ITC to bar imports of Quillon Networks Ltd. routers that it says infringe two patents.",
     [("itc_investigation", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."])]),
    ("after_a_suit_the_opponent_from_context",
     "Halvard Sensors Inc. sued Quillon Networks Ltd. over router patents in May. It also asked the ITC to block imports "
     "of the infringing routers.",
     [("infringement", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."]),
      ("itc_investigation", ["Halvard Sensors Inc."], ["Quillon Networks Ltd."])]),
    ("a_court_asked_is_no_itc_complaint",
     "Halvard Sensors Inc. asked the court to stop Quillon Networks Ltd. from selling routers.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ASK_ITC], ids=[c[0] for c in ASK_ITC])
def test_asking_the_itc_about_imports(text, expected):
    facts = run(text)
    assert [(p.kind, p.claimants, p.respondents) for p in facts.proceedings] == expected, describe(facts)
