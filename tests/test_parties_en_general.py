"""English party candidates on unseen writing: general patterns, one table each.

Every sentence here is invented for the test; each row names the pattern it stands for.
"""
from __future__ import annotations

import pytest

from patlit.extract import case_numbers, dates, forums, money, parties_en, patents
from patlit.extract.context import Context
from patlit.extract.overlaps import settle


def candidates(text: str):
    """The clustered party candidates of ``text`` (before the grammar keeps those that act)."""
    ctx = Context(text, "en")
    found = settle([*patents.extract(ctx), *case_numbers.extract(ctx), *money.extract(ctx), *forums.extract(ctx), *dates.extract(ctx)])
    return parties_en.candidate_parties(ctx, found)


def names(text: str) -> list[str]:
    return [p.name for p in candidates(text)]


def all_names(text: str) -> set[str]:
    return {n for p in candidates(text) for n in p.names()}


# two companies whose names differ only in the legal form are two parties
SEPARATE_FORMS = [
    ("limited_and_corporation", "Pellucid Labs sued Quarto Limited and its unit Quarto Corporation over two patents.",
     ["Quarto Limited", "Quarto Corporation"]),
    ("co_ltd_and_gmbh", "Pellucid Labs sued Vantor Electronics Co., Ltd. and Vantor Electronics GmbH in Munich.",
     ["Vantor Electronics Co., Ltd.", "Vantor Electronics GmbH"]),
]


@pytest.mark.parametrize(("text", "want"), [r[1:] for r in SEPARATE_FORMS], ids=[r[0] for r in SEPARATE_FORMS])
def test_legal_forms_keep_companies_apart(text, want):
    got = names(text)
    for n in want:
        assert n in got, got


# one company written with its legal form spelt two ways stays one party
SAME_FORM = [
    ("corp_and_corporation", "Pellucid Corp. sued Quarto Labs. Pellucid Corporation wants damages.", "Pellucid Corp."),
    ("co_and_co_ltd", "Vantor Electronics Co., Ltd. sued Quarto Labs. Vantor Electronics Co. wants damages.", "Vantor Electronics Co., Ltd."),
]


@pytest.mark.parametrize(("text", "one"), [r[1:] for r in SAME_FORM], ids=[r[0] for r in SAME_FORM])
def test_one_legal_form_written_two_ways(text, one):
    got = candidates(text)
    first = one.split()[0]
    assert len([p for p in got if p.name.startswith(first)]) == 1, [p.names() for p in got]


# legal forms written with dots, slashes or two words end the name, whole
LEGAL_FORM_NAMES = [
    ("italian_srl", "The court ordered Pellucid GmbH and Pellucid Italia S.r.l. to stop selling the valve.", "Pellucid Italia S.r.l."),
    ("italian_spa", "Quarto Ottica S.p.A. sued Pellucid Labs in Milan.", "Quarto Ottica S.p.A."),
    ("luxembourg_sarl", "Vantor Holdings S.à r.l. owns the patents.", "Vantor Holdings S.à r.l."),
    ("danish_as", "Nordlys Pharma A/S sued Quarto Labs over insulin pens.", "Nordlys Pharma A/S"),
    ("malaysian_sdn_bhd", "Quarto Labs sued Rimba Devices Sdn. Bhd. in Kuala Lumpur.", "Rimba Devices Sdn. Bhd."),
]


@pytest.mark.parametrize(("text", "name"), [r[1:] for r in LEGAL_FORM_NAMES], ids=[r[0] for r in LEGAL_FORM_NAMES])
def test_dotted_legal_forms_end_the_name(text, name):
    got = [c.text for c in parties_en.find_candidates(Context(text, "en")) if not c.blocked]
    assert name in got, got


# a possessive inside a company's name does not split it; a title opening it stays
POSSESSIVE_NAMES = [
    ("doctor_possessive", "Quarto Labs sued Dr. Mehta's Laboratories, Ltd. over a generic tablet.", "Dr. Mehta's Laboratories, Ltd."),
    ("possessive_companies", "Pellucid sued Harlow's Companies, Inc. over shelf labels.", "Harlow's Companies, Inc."),
    ("title_company", "Dr. Vossberg Pharma GmbH sued Quarto Labs in Hamburg.", "Dr. Vossberg Pharma GmbH"),
]


@pytest.mark.parametrize(("text", "name"), [r[1:] for r in POSSESSIVE_NAMES], ids=[r[0] for r in POSSESSIVE_NAMES])
def test_possessive_inside_a_name(text, name):
    got = [c.text for c in parties_en.find_candidates(Context(text, "en")) if not c.blocked]
    assert name in got, got


def test_possessive_of_a_place_still_splits():
    got = [c.text for c in parties_en.find_candidates(Context("Finland's Nordlys Networks Oy sued Quarto Labs.", "en")) if not c.blocked]
    assert "Nordlys Networks Oy" in got, got
