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


# names that are not parties: citations, offices named in their own language, technology
# acronyms, products, and a place or a second name glued to a party's name
NOT_PARTIES = [
    ("patent_citation", "Zeta Corp. sued Omega Devices Inc. for infringing U.S. Patent Nos. 1,234,567 and 2,345,678.", "U.S. Patent Nos"),
    ("foreign_office", "Colombia's Superintendencia de Industria y Comercio ordered Omega Devices Inc. to stop sales.", "Superintendencia de Industria"),
    ("foreign_office_rest", "Colombia's Superintendencia de Industria y Comercio ordered Omega Devices Inc. to stop sales.", "Comercio"),
    ("technology_acronym", "Zeta Corp. sued Omega Devices Inc. over LED lamps; the LED patents expire soon.", "LED"),
    ("product_after_possessive", "A jury found that Omega's Nimbus platform infringed patents of Zeta Corp.", "Nimbus"),
    ("product_after_article", "Zeta Corp. says the Nimbus system of Omega Devices Inc. infringes.", "Nimbus"),
    ("place_glued_to_name", "Zeta Corp. sued Omega in Munich, while in London Omega asked the court to revoke the patent.", "London Omega"),
    ("two_names_hyphenated", "The Zeta-Omega fight is over. Zeta sued Omega in 2020 and Omega paid.", "Zeta-Omega"),
    ("place_before_based", "Zeta Corp. sued Boston-based Omega Devices Inc. over a patent.", "Boston"),
    ("sentence_opening_adjective", "Zeta Corp. settled with Omega Devices Inc. Financial terms were not disclosed.", "Financial"),
    ("court_order_capitals", "Zeta Corp. sued Omega Devices Inc. over a patent. IT IS HEREBY ORDERED that the complaint is DISMISSED WITH PREJUDICE.",
     "DISMISSED WITH PREJUDICE"),
    ("court_order_opening", "Zeta Corp. sued Omega Devices Inc. over a patent. IT IS HEREBY ORDERED that the case is closed.", "IT IS HEREBY ORDERED"),
    ("statute_name_split_at_and", "Zeta Corp. sued Omega Devices Inc. under the Drug Price Competition and Patent Term Restoration Act.", "Drug Price Competition"),
    ("statute_name", "Zeta Corp. sued Omega Devices Inc. under the Hatch Waxman Act over two patents.", "Hatch Waxman Act"),
    ("joined_demonyms", "Zeta Corp. sued Omega Devices Inc. over a patent. The German-Korean maker was sued again in May.", "German-Korean"),
    ("docket_item_citation", "Zeta Corp. sued Omega Devices Inc. over a patent. (D.I. 12.) The motion was denied.", "D.I."),
    ("english_judge_style", "Zeta Corp. asked for an interim licence from Omega Devices Inc., which Hartley J refused.", "Hartley J"),
    ("english_appeal_judge_style", "Zeta Corp. won against Omega Devices Inc.; Penrose LJ gave the leading judgment.", "Penrose LJ"),
]


BASED_NAMES = [
    ("place_based_name", "Boston-based Omega Devices Inc. was sued by Zeta Corp. over a patent.", "Omega Devices Inc."),
    ("city_of_two_words", "Zeta Corp. sued San Diego-based Omega Devices Inc. in Ohio.", "Omega Devices Inc."),
]


@pytest.mark.parametrize(("text", "name"), [r[1:] for r in BASED_NAMES], ids=[r[0] for r in BASED_NAMES])
def test_place_based_is_a_place_and_the_name_follows(text, name):
    assert name in names(text), [p.names() for p in candidates(text)]


@pytest.mark.parametrize(("text", "junk"), [r[1:] for r in NOT_PARTIES], ids=[r[0] for r in NOT_PARTIES])
def test_not_party_candidates(text, junk):
    assert junk not in all_names(text), [p.names() for p in candidates(text)]


def test_legal_form_prefix_gives_the_short_form():
    got = candidates("Aktiebolaget QX Nordlys sued Omega Devices Inc. in Stockholm. Nordlys wants damages.")
    full = [p for p in got if p.name == "Aktiebolaget QX Nordlys"]
    assert full and "Nordlys" in full[0].aliases, [p.names() for p in got]


# lower-case brands written alone count as names when listed with other names
LOWER_BRANDS = [
    ("sister_brands", "Quarto Labs sued Oppo and its sister brands OnePlus and realme in Munich.", "realme", "Oppo"),
    ("list_start", "vivo, Oppo and Xiaomi were sued by Quarto Labs.", "vivo", None),
]


@pytest.mark.parametrize(("text", "brand", "parent"), [r[1:] for r in LOWER_BRANDS], ids=[r[0] for r in LOWER_BRANDS])
def test_lower_case_brand_in_a_list(text, brand, parent):
    got = {p.name: p for p in candidates(text)}
    assert brand in got, list(got)
    assert got[brand].affiliate_of == parent


def test_lower_case_brand_word_in_prose_is_no_name():
    assert "vivo" not in all_names("The drug was tested in vivo and Ex vivo by Quarto Labs and Zeta Corp.")


# a subsidiary named in brackets after its parent ("with its US arm, ...") is its affiliate
def test_arm_in_brackets_is_an_affiliate():
    got = {p.name: p for p in candidates("Quarto Labs sued Vantor Pharma Ltd. (with its US arm, Vantor Pharma, Inc.) in Nevada.")}
    assert got["Vantor Pharma, Inc."].affiliate_of == "Vantor Pharma Ltd.", list(got)


# institutional names that open with "X and" are whole
def test_name_opening_with_a_head_and():
    got = names("Quarto Labs and co-owner President and Fellows of Dunmore College sued Zeta Corp.")
    assert "President and Fellows of Dunmore College" in got and "President" not in got, got


# a regional unit named after its parent ("Zeta Americas") keeps its region word
def test_region_word_ends_a_unit_name():
    got = names("Quarto Labs sued Zeta Corp. and its subsidiary Zeta Americas in California.")
    assert "Zeta Americas" in got, got


# a place or an office in brackets after a name ("Kappa Co., Ltd. (Japan)") does not make the name a place
def test_bracketed_place_after_a_name_keeps_the_party():
    got = names("Omega Holdings Pty. Ltd. sued Kappa Co., Ltd. (Japan) in Tokyo.")
    assert "Kappa Co., Ltd." in got, got


# "along with its subsidiaries A and B", "together with its unit C": affiliates of the name before
WITH_ITS = [
    ("along_with_its", "Zeta Corp. sued Omega Devices Inc., along with its subsidiaries Omega Retail, Inc. and Omega Sales LLC, in Delaware.",
     "Omega Devices Inc.", ["Omega Retail, Inc.", "Omega Sales LLC"]),
    ("together_with_its", "Zeta Corp. sued Omega Inc., together with its unit Omega Labs, over two patents.", "Omega Inc.", ["Omega Labs"]),
]


@pytest.mark.parametrize(("text", "parent", "kids"), [r[1:] for r in WITH_ITS], ids=[r[0] for r in WITH_ITS])
def test_with_its_affiliates(text, parent, kids):
    got = {p.name: p for p in candidates(text)}
    for k in kids:
        assert got[k].affiliate_of == parent, list(got)


def test_affiliate_list_pattern_with_its_is_the_plain_one():
    import re

    nouns = "|".join(re.escape(n) for n in parties_en.lexicon().affiliate_nouns)
    plain = re.compile(
        rf"(?:\band\s+its|['’]s?|\bof\s+its|\bwith\s+its)\s+(?:[\w\-.]+\s+){{0,3}}?(?:{nouns})\b,?\s*(?:including|such\s+as|namely|like)?:?\s*"
    )
    fast = parties_en._affiliate_res()[0]
    for text in [r[1] for r in WITH_ITS] + ["forthwith its units", "with its\nparent", "Acme's arm and its unit"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# the writer says the company is no party
NOT_A_PARTY = [
    ("which_is_not", "Zeta Corp. sued Omega Inc.; Kappa Therapeutics, which is not a party, declined to comment.", "Kappa Therapeutics"),
    ("bracketed", "Zeta Corp. sued Omega Inc. over a vaccine made with Kappa Lipids (not a party to the case).", "Kappa Lipids"),
    ("is_not", "Zeta Corp. sued Omega Inc. Kappa Therapeutics is not a party to the suit.", "Kappa Therapeutics"),
]


@pytest.mark.parametrize(("text", "name"), [r[1:] for r in NOT_A_PARTY], ids=[r[0] for r in NOT_A_PARTY])
def test_said_to_be_no_party(text, name):
    assert name not in all_names(text), [p.names() for p in candidates(text)]


# "(better known as X)", "(trading as X)": the bracket gives a short name of the company
KNOWN_AS = [
    ("better_known_as", "Quarto Precision Industry Co., Ltd. (better known as Quartex) was sued by Zeta Corp.", "Quarto Precision Industry Co., Ltd.", "Quartex"),
    ("trading_as", "Zeta Corp. sued Omega Retail Ltd. (trading as Omegamart) in London.", "Omega Retail Ltd.", "Omegamart"),
]


@pytest.mark.parametrize(("text", "name", "alias"), [r[1:] for r in KNOWN_AS], ids=[r[0] for r in KNOWN_AS])
def test_known_as_gives_an_alias(text, name, alias):
    got = {p.name: p for p in candidates(text)}
    assert alias in got[name].aliases, [p.names() for p in got.values()]


# a sentence the splitter missed after "Inc." / "Corp.": the two names stay apart
SUFFIX_STOPS = [
    ("inc_then_name", "Zeta Corp. sued Omega Inc. Kappa settled its own case.", ["Omega Inc.", "Kappa"]),
    ("co_ltd_stays", "Zeta Corp. sued Omega Electronics Co. Ltd. over patents.", ["Omega Electronics Co. Ltd."]),
]


@pytest.mark.parametrize(("text", "want"), [r[1:] for r in SUFFIX_STOPS], ids=[r[0] for r in SUFFIX_STOPS])
def test_suffix_with_full_stop_ends_a_run(text, want):
    got = [c.text for c in parties_en.find_candidates(Context(text, "en")) if not c.blocked]
    for n in want:
        assert n in got, got


# role words written with a capital ("the Defendants", "Respondent Omega") are no names
ROLE_WORDS = [
    ("together_the_defendants", "Zeta Corp. sued Omega Inc. and Kappa Ltd. (together, the Defendants) for patent infringement.", "Defendants"),
    ("respondent_before_name", "Respondent Omega Inc. appealed the ruling for Zeta Corp.", "Respondent Omega Inc."),
]


@pytest.mark.parametrize(("text", "word"), [r[1:] for r in ROLE_WORDS], ids=[r[0] for r in ROLE_WORDS])
def test_role_words_are_no_names(text, word):
    assert word not in all_names(text), [p.names() for p in candidates(text)]


# "X's parent Y", "X and its parent Y": the name before is the affiliate of the parent, and the
# list stops at the parent
def test_parent_named_after_its_child():
    got = {p.name: p for p in candidates("Zeta Corp. sued Omega Inc., Omega's parent Omega Holdings plc, and Kappa GmbH in Munich.")}
    assert got["Omega Inc."].affiliate_of == "Omega Holdings plc", [(p.name, p.affiliate_of) for p in got.values()]
    assert got["Omega Holdings plc"].affiliate_of is None and got["Kappa GmbH"].affiliate_of is None


def test_the_hague_is_a_place():
    assert "Hague" not in all_names("Zeta Technologies S.A. sued Omega B.V. and Omega Benelux N.V. in The Hague.")


GROUP_ALIASES = [
    ("group_word_inside_dotted_name",
     'K.L. Marlow Devices LLC, K.L. Marlow Retail Inc. and Tarn Holdings, Inc. (together, "Marlow") sued Omega Devices Inc. '
     "in Ohio. Marlow also filed at the ITC.", "K.L. Marlow Devices LLC", "Marlow"),
    ("group_word_of_the_first_member",
     'Quell Pharma GmbH and Quell US Inc. (collectively "Quell") sued Omega Devices Inc. in Delaware.',
     "Quell Pharma GmbH", "Quell"),
]


@pytest.mark.parametrize(("text", "name", "alias"), [r[1:] for r in GROUP_ALIASES], ids=[r[0] for r in GROUP_ALIASES])
def test_group_alias_joins_a_member_holding_it(text, name, alias):
    """A collective short name is one of the members' forms, never a party of its own."""
    ps = candidates(text)
    assert alias not in [p.name for p in ps], [p.names() for p in ps]
    assert any(p.name == name and alias in p.names() for p in ps), [p.names() for p in ps]


def test_tail_of_a_longer_name_is_its_short_form():
    """'Q CELLS' after 'Hanwha Q CELLS GmbH': the group's name dropped, the same party."""
    ps = candidates("Hanwha Q CELLS GmbH sued Omega Devices Inc. over a solar patent in 2019. Later Q CELLS sued Omega Devices Inc. again.")
    assert any(p.name == "Hanwha Q CELLS GmbH" and "Q CELLS" in p.names() for p in ps), [p.names() for p in ps]


def test_tail_shared_by_two_names_joins_neither():
    ps = candidates("Zeta Blue Labs Inc. and Omega Blue Labs GmbH sued Pellucid AG over a patent. Blue Labs said it was pleased.")
    assert not any("Blue Labs" in p.names() and p.name != "Blue Labs" for p in ps), [p.names() for p in ps]
