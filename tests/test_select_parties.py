"""English party selection: who of the named companies takes part in a dispute.

Table-driven, sentences written for these tests: (id, text, parties that must be kept,
names that must not be parties).
"""
from __future__ import annotations

import pytest

from en_helpers import describe, find, party, run

LISTED = [
    ("co_defendants_with_legal_forms",
     "Halvard Sensors sued Quillon Networks over a router patent in Ohio. "
     "The defendants are Quillon Networks, Quillon Devices GmbH and Quillon Trading B.V.",
     ["Halvard Sensors", "Quillon Networks", "Quillon Devices GmbH", "Quillon Trading B.V."], []),
    ("subsidiary_listed_after_parent_with_remark",
     "Halvard Sensors sued Quillon Networks over a router patent. The suit names "
     "Quillon Networks (formerly Quillon Radio), Quillon Italia S.r.l. and Quillon Asia Pte. Ltd.",
     ["Quillon Italia S.r.l.", "Quillon Asia Pte. Ltd."], []),
    ("co_plaintiffs_listed_together",
     "Halvard Sensors sued Quillon Networks over a router patent. "
     "Halvard Sensors and Halvard Licensing LLC asked the court for an injunction.",
     ["Halvard Licensing LLC"], []),
    ("list_member_with_descriptor",
     "Halvard Sensors sued Quillon Networks, as well as an Ohio reseller, Dovra Trading Ltd., over a router patent.",
     ["Quillon Networks", "Dovra Trading Ltd."], []),
    ("acting_through_subsidiary",
     "In 2021 Halvard Sensors, through subsidiaries including Halvard Patents S.A., sued Quillon Networks in Paris.",
     ["Halvard Sensors", "Halvard Patents S.A.", "Quillon Networks"], []),
]


@pytest.mark.parametrize("text,kept,dropped", [r[1:] for r in LISTED], ids=[r[0] for r in LISTED])
def test_listed_with_kept_party(text, kept, dropped):
    f = run(text)
    for n in kept:
        assert party(f, n) is not None, (n, [p.name for p in f.parties])
    for n in dropped:
        assert party(f, n) is None, (n, [p.name for p in f.parties])


NOT_LISTED = [
    ("list_without_kept_party",
     "Halvard Sensors sued Quillon Networks over a router patent. "
     "Other suppliers, such as Pernik Systems GmbH and Dovra Labs Inc., stayed out of the dispute.",
     ["Pernik Systems GmbH", "Dovra Labs Inc."]),
    ("kept_party_in_other_sentence_only",
     "Halvard Sensors sued Quillon Networks over a router patent. "
     "Quillon Networks buys chips from Pernik Systems GmbH.",
     ["Pernik Systems GmbH"]),
]


@pytest.mark.parametrize("text,dropped", [r[1:] for r in NOT_LISTED], ids=[r[0] for r in NOT_LISTED])
def test_not_coordinated_with_a_party(text, dropped):
    f = run(text)
    for n in dropped:
        assert party(f, n) is None, (n, [p.name for p in f.parties])


def test_listed_member_joins_side_of_action_in_same_sentence():
    f = run("Halvard Sensors filed a patent suit in Ohio against Quillon Networks, Quillon Devices GmbH and "
            "Quillon Trading B.V. over a router patent.")
    pr = find(f, "infringement", ["Halvard Sensors"], ["Quillon Networks", "Quillon Devices GmbH", "Quillon Trading B.V."])
    assert pr is not None, describe(f)


MODIFIERS = [
    ("named_kind_of_suit",
     "Halvard Pharma, Inc. filed Hatch-Waxman suits in the District of Delaware against Quillon Generics Inc. over four patents.",
     ["Halvard Pharma, Inc."], ["Quillon Generics Inc."], "Hatch-Waxman"),
    ("named_kind_of_cases",
     "Last year Halvard Pharma, Inc. brought ANDA cases against Quillon Generics Inc. and Dovra Labs, Ltd. in New Jersey.",
     ["Halvard Pharma, Inc."], ["Quillon Generics Inc.", "Dovra Labs, Ltd."], "ANDA"),
]


@pytest.mark.parametrize("text,claimants,respondents,modifier", [r[1:] for r in MODIFIERS], ids=[r[0] for r in MODIFIERS])
def test_name_qualifying_the_suit_is_no_party(text, claimants, respondents, modifier):
    f = run(text)
    assert find(f, "infringement", claimants, respondents) is not None, describe(f)
    assert party(f, modifier) is None


OPPONENTS = [
    ("their_dispute_with",
     "Halvard Sensors sued Quillon Networks over a router patent. The appeal court sided with "
     "Quillon Networks in their long dispute with Halvard Sensors and Dovra Labs Inc.",
     "Dovra Labs Inc."),
    ("its_patent_fight_against",
     "Halvard Sensors sued Quillon Networks over a router patent. Quillon Networks also won "
     "in its patent fight against Pernik Systems.",
     "Pernik Systems"),
]


@pytest.mark.parametrize("text,opponent", [r[1:] for r in OPPONENTS], ids=[r[0] for r in OPPONENTS])
def test_opponent_of_a_kept_party(text, opponent):
    f = run(text)
    assert party(f, opponent) is not None, [p.name for p in f.parties]


def test_dispute_with_needs_a_kept_party_in_the_sentence():
    f = run("Halvard Sensors sued Quillon Networks over a router patent. "
            "Analysts recalled the old rivalry and its dispute with Pernik Systems.")
    assert party(f, "Pernik Systems") is None


ACCUSED_LISTS = [
    ("went_after_three_makers",
     "Halvard Sensors sued Quillon Networks over a router patent. Halvard Sensors also went after three "
     "suppliers - Pernik Systems Ltd., Dovra Labs Inc. and Tarvo Devices GmbH - over unpaid royalties.",
     ["Pernik Systems Ltd.", "Dovra Labs Inc.", "Tarvo Devices GmbH"]),
    ("accusing_them",
     "Halvard Sensors sued Quillon Networks over a router patent. A second complaint named Pernik Systems Ltd., "
     "Dovra Labs Inc. and Tarvo Devices GmbH, accusing them of copying the design.",
     ["Pernik Systems Ltd.", "Dovra Labs Inc.", "Tarvo Devices GmbH"]),
]


@pytest.mark.parametrize("text,kept", [r[1:] for r in ACCUSED_LISTS], ids=[r[0] for r in ACCUSED_LISTS])
def test_companies_accused_together(text, kept):
    f = run(text)
    for n in kept:
        assert party(f, n) is not None, (n, [p.name for p in f.parties])


def test_listed_companies_without_accusation_stay_out():
    f = run("Halvard Sensors sued Quillon Networks over a router patent. Its customers include "
            "Pernik Systems Ltd., Dovra Labs Inc. and Tarvo Devices GmbH.")
    for n in ("Pernik Systems Ltd.", "Dovra Labs Inc.", "Tarvo Devices GmbH"):
        assert party(f, n) is None, [p.name for p in f.parties]
