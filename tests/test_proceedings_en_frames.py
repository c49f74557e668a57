"""English proceedings grammar: the general frames for unseen text (one table, one loop).

Each row is a pattern of English many reports use, written in our own words:
(id, text, kind, claimants, respondents).
"""
from __future__ import annotations

import pytest

from en_helpers import describe, find, run

FRAMES = [
    ("went_to_court_against",
     "On 3 March Halvard Sensors went to court against Quillon Networks, saying its switches infringe two router patents.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("complaint_also_named",
     "Halvard Sensors sued Quillon Networks over a router patent. The complaint, filed in Ohio, also named Pernik Systems and Dovra Labs.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks", "Pernik Systems", "Dovra Labs"]),
    ("the_respondents_were",
     "Halvard Sensors filed a patent suit in Munich last May. The respondents were Quillon Networks, Pernik Systems and Dovra Labs.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks", "Pernik Systems", "Dovra Labs"]),
    ("held_on_to_victory",
     "Halvard Sensors has held on to its victory against Quillon Networks and Pernik Systems in a dispute over router patents.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks", "Pernik Systems"]),
    ("possessive_win_over",
     "Halvard Sensors' trial win over Quillon Networks turned on a single router patent.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("has_parallel_case",
     "Halvard Sensors has a parallel infringement case against Quillon Networks before the Mannheim Regional Court.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("took_case_to_supreme_court",
     "Halvard Sensors won its patent suit against Quillon Networks. Quillon Networks then took the question of damages to the Supreme Court.",
     "appeal", ["Quillon Networks"], ["Halvard Sensors"]),
    ("challenged_ruling_before_appeal_court",
     "Halvard Sensors won its patent case against Quillon Networks in London. Quillon Networks challenged that judgment before the Court of Appeal, which dismissed its appeal.",
     "appeal", ["Quillon Networks"], ["Halvard Sensors"]),
    ("pursued_party_abroad",
     "Halvard Sensors also pursued Quillon Networks in France, asserting a router patent before the Paris Judicial Court.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("offensive_against",
     "Halvard Sensors launched a patent infringement offensive against Quillon Networks in Germany.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("jury_sided_with_against",
     "A jury sided with Halvard Sensors against Quillon Networks in a router patent case.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("turned_to_ptab",
     "Sued over a router patent by Halvard Sensors, Quillon Networks turned to the PTAB.",
     "invalidation", ["Quillon Networks"], ["Halvard Sensors"]),
    ("asked_ptab_to_review",
     "Quillon Networks, sued in Texas by Halvard Sensors over router patents, asked the Patent Trial and Appeal Board to review them.",
     "invalidation", ["Quillon Networks"], ["Halvard Sensors"]),
    ("answered_with_own_action",
     "Halvard Sensors sued Quillon Networks in Texas over router patents. Quillon Networks answered with its own action in the same court, claiming that Halvard Sensors had broken its promise to license on fair, reasonable and non-discriminatory terms.",
     "other", ["Quillon Networks"], ["Halvard Sensors"]),
    ("decision_to_ask_court_to_set_terms",
     "Halvard Sensors sued Quillon Networks in Munich over router patents, weeks after Quillon Networks' decision to ask the High Court to set the terms of a global FRAND licence.",
     "other", ["Quillon Networks"], ["Halvard Sensors"]),
    ("asked_court_named_with_bracket_to_set_rates",
     "Halvard Sensors sued Quillon Networks in Munich over router patents. Quillon Networks responded by asking the Wuhan Intermediate People's Court (武汉市中级人民法院) to set global FRAND royalty rates.",
     "other", ["Quillon Networks"], ["Halvard Sensors"]),
    ("suit_for_frand_determination_is_other",
     "After Halvard Sensors asserted its router patents in Texas, Quillon Networks sued Halvard Sensors in California for a FRAND determination.",
     "other", ["Quillon Networks"], ["Halvard Sensors"]),
    ("kind_read_past_an_initial_in_the_court_name",
     "Quillon Networks responded by suing Halvard Sensors in the U.S. District Court for the District of Kansas, claiming that Halvard Sensors had breached its promise to license its patents on fair terms.",
     "other", ["Quillon Networks"], ["Halvard Sensors"]),
    ("pronoun_subject_is_not_its_object",
     "Quillon Networks answered with its own action over licence terms against Halvard Sensors. March 2024 - Halvard Sensors widened the fight. It filed two infringement complaints against Quillon Networks in Ohio, asserting six router patents.",
     "infringement", ["Halvard Sensors"], ["Quillon Networks"]),
    ("group_of_defendants_appeals",
     "Halvard Sensors sued Quillon Networks and Pernik Systems over router patents in Delaware. A jury found infringement, and the defendants appealed to the Federal Circuit.",
     "appeal", ["Quillon Networks", "Pernik Systems"], ["Halvard Sensors"]),
    ("two_makers_challenged_findings",
     "Halvard Sensors has kept its victory against Quillon Networks and Pernik Systems over a router patent. The two device makers challenged those findings, but the Court of Appeal rejected their appeal.",
     "appeal", ["Quillon Networks", "Pernik Systems"], ["Halvard Sensors"]),
    ("the_company_won_verdict_against",
     "Halvard Sensors sued Quillon Networks over a router patent in Ohio. The company previously won a jury verdict of $3.2 million against Pernik Systems and its parent Dovra Holdings in Delaware.",
     "infringement", ["Halvard Sensors"], ["Pernik Systems", "Dovra Holdings"]),
    ("challenged_numbered_patent_in_ipr",
     "Halvard Sensors sued Quillon Networks over router patents. Quillon Networks challenged the '512 patent in an IPR petition filed a year later.",
     "invalidation", ["Quillon Networks"], ["Halvard Sensors"]),
]


@pytest.mark.parametrize(("text", "kind", "claimants", "respondents"), [c[1:] for c in FRAMES], ids=[c[0] for c in FRAMES])
def test_general_frames(text, kind, claimants, respondents):
    facts = run(text)
    assert find(facts, kind, claimants, respondents), describe(facts)


def test_had_filed_is_not_having_a_case():
    """"X had filed an opposition against EP ...": "had" is the tense of "filed", not "having" a case."""
    facts = run("Quillon Networks had also filed an opposition against a patent of Halvard Sensors at the European Patent Office.")
    assert find(facts, "invalidation", ["Quillon Networks"], ["Halvard Sensors"]), describe(facts)
    assert not any(p.kind == "infringement" for p in facts.proceedings), describe(facts)


def test_prevailed_on_appeal_in_its_case_is_no_new_case():
    facts = run("Halvard Sensors has prevailed on appeal in its patent infringement case against Quillon Networks.")
    assert find(facts, "infringement", ["Halvard Sensors"], ["Quillon Networks"]), describe(facts)
    assert len(facts.proceedings) == 1, describe(facts)


def test_group_appeal_is_not_also_the_claimants():
    """"their appeal" after "the two device makers challenged ...": the same appellants, not the patentee."""
    facts = run("Halvard Sensors won its patent case against Quillon Networks and Pernik Systems in London. "
                "The two device makers challenged those findings, but the Court of Appeal rejected their appeal.")
    appeals = [p for p in facts.proceedings if p.kind == "appeal"]
    assert len(appeals) == 1, describe(facts)


def test_group_named_nowhere_gives_no_party():
    """"the defendants" with no list of defendants before: no single nearby name is taken for them."""
    facts = run("Halvard Sensors described its router patents at length. In the English case, the defendants counterclaimed for a FRAND determination.")
    assert not any(p.kind == "other" and p.claimants == ["Halvard Sensors"] for p in facts.proceedings), describe(facts)


def test_chain_of_appeals_is_one_proceeding_per_step():
    """"challenged the ruling before the Federal Circuit ..., and then took the case to the Supreme Court"."""
    facts = run("Halvard Sensors won its patent suit against Quillon Networks in Delaware. Quillon Networks challenged that "
                "ruling before the Federal Circuit, which affirmed it in May 2019, and then took the case to the U.S. Supreme Court.")
    appeals = sorted(p.forum or "" for p in facts.proceedings
                     if p.kind == "appeal" and p.claimants == ["Quillon Networks"] and p.respondents == ["Halvard Sensors"])
    assert appeals == ["cafc", "scotus"], describe(facts)


def test_parties_named_as_defendants_do_not_assert():
    """"naming A and B as defendants and asserting three patents": only the plaintiff asserts."""
    facts = run("Halvard Sensors is filing a lawsuit in federal court, naming Quillon Networks and Pernik Systems "
                "as defendants and asserting three router patents.")
    assert find(facts, "infringement", ["Halvard Sensors"], ["Quillon Networks", "Pernik Systems"]), describe(facts)
    assert len(facts.proceedings) == 1, describe(facts)


def test_a_name_after_before_the_or_in_is_a_tribunal_or_place_not_the_respondent():
    facts = run("Halvard Sensors sued Quillon Networks over router patents in Ohio. The same week it also launched actions "
                "in Peru, before the Sala Especializada de Propiedad Intelectual y Competencia, over the same router patents.")
    assert [p.respondents for p in facts.proceedings] == [["Quillon Networks"]] * len(facts.proceedings), describe(facts)
