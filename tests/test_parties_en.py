"""English parties: candidate names, aliases, affiliates, exclusions, name utilities."""
from __future__ import annotations

import pytest

from en_helpers import party, run
from patlit.extract import orgnames, parties_en
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions

_CAND_EXAMPLES = parties_en.lexicon().examples.get("candidates", [])


@pytest.mark.parametrize("ex", _CAND_EXAMPLES, ids=[e["text"][:40] for e in _CAND_EXAMPLES])
def test_candidate_examples(ex):
    ctx = Context(ex["text"], "en")
    names = [c.text for c in parties_en.find_candidates(ctx) if not c.blocked]
    for n in ex["names"]:
        assert n in names, names


ALIASES = [
    ("acronym_in_brackets", "Corvid Data Systems (CDS) has filed a lawsuit against Lumen Arrays over patents.", "Corvid Data Systems", "CDS"),
    ("hereinafter", 'Zhejiang Corvid Technology Co., Ltd. (hereinafter referred to as "Corvid") sued Lumen Arrays for patent infringement.', "Zhejiang Corvid Technology Co., Ltd.", "Corvid"),
    ("quoted_brackets", "Lumen Arrays, Inc. (“Lumen”) claimed that Kestrel Optics infringed its patent.", "Lumen Arrays, Inc.", "Lumen"),
    ("formerly", "A jury returned a verdict for Nova Access Group, Ltd. (f/k/a Access Group, Ltd.) (NAG) and against Kestrel Optics on two patents.", "Nova Access Group, Ltd.", "Access Group, Ltd."),
    ("chinese_name", "A private inventor, Li Wenhua (李文华), has sued Kestrel Optics for infringing his patent.", "Li Wenhua", "李文华"),
    ("short_form_later", "Kestrel Optics Co. has taken Lumen Arrays to court over patents. Kestrel says the cameras infringe.", "Kestrel Optics Co.", "Kestrel"),
    ("clipped_abbreviation", "Intellectual Holdings and Xeno Chips are at war over patents. IntHold attacked four Xeno Chips patents in inter partes review.", "Intellectual Holdings", "IntHold"),
    ("initials", "Hollow Peak Engineering sued Kestrel Optics over patents. HPE wants damages.", "Hollow Peak Engineering", "HPE"),
    ("caption_abbreviation", "Corvid Components, Inc. v. Am. Lens Works Corp. (Fed. Cir. 2019)\n\nCorvid Components, Inc. claimed that American Lens Works Corporation (“ALW”) infringed its patent.", "American Lens Works Corporation", "Am. Lens Works Corp."),
    ("spacing_variant", "Orchid Labs sued Solar Crest over patents and also sued SolarCrest's distributor.", "Solar Crest", "SolarCrest"),
]


@pytest.mark.parametrize(("text", "name", "alias"), [a[1:] for a in ALIASES], ids=[a[0] for a in ALIASES])
def test_aliases(text, name, alias):
    facts = run(text)
    p = party(facts, name)
    assert p is not None, [q.names() for q in facts.parties]
    assert orgnames.fold(alias) in {orgnames.fold(n) for n in p.names()}, p.names()


def test_subsidiaries_named_with_parent_are_parties_and_co_respondents():
    facts = run(
        "Hollow Peak Engineering has filed a patent lawsuit against Jinshan Group. "
        "The case also implicates several of Jinshan’s subsidiaries, including Jinshan Cloud Company, Arvo Systems Inc., and Jinshan USA Inc."
    )
    parent = party(facts, "Jinshan Group")
    assert parent is not None
    for kid in ("Jinshan Cloud Company", "Arvo Systems Inc.", "Jinshan USA Inc."):
        p = party(facts, kid)
        assert p is not None and p.affiliate_of == parent.name
    pr = facts.proceedings[0]
    assert {"Jinshan Cloud Company", "Arvo Systems Inc.", "Jinshan USA Inc."} <= set(pr.respondents)
    # the short form "Jinshan" is the parent, not a subsidiary
    assert orgnames.fold("Jinshan") in {orgnames.fold(n) for n in parent.names()}


def test_subsidiary_in_brackets_stays_separate():
    facts = run("The jury returned a verdict for Nova Access and against Veridian (Veridian Wireless and other subsidiaries) on two patents.")
    v, w = party(facts, "Veridian"), party(facts, "Veridian Wireless")
    assert v is not None and w is not None and v is not w
    assert w.affiliate_of == v.name


EXCLUDED = [
    ("law_firm", "Finnegan client Kestrel Optics was sued by Lumen Arrays over patents.", "Finnegan"),
    ("judge", "Chief Judge Rodney Gilstrap held that Kestrel Optics infringed the patents of Lumen Arrays.", "Rodney Gilstrap"),
    ("court", "Lumen Arrays sued Kestrel Optics over patents in the U.S. District Court for the District of Delaware.", "U.S. District Court"),
    ("analyst", "According to IDC, Dell led the server market, while Lumen Arrays sued Kestrel Optics over server patents.", "Dell"),
    ("research_firm", "CB Insights, a market research institute, ranked Lumen Arrays first; Lumen Arrays sued Kestrel Optics over patents.", "CB Insights"),
    ("agency", "Lumen Arrays sued Kestrel Optics over patents after the Commerce Department added it to a trade list.", "Commerce Department"),
    ("press", "According to a report by FOSS Patents, Lumen Arrays sued Kestrel Optics over camera patents.", "FOSS Patents"),
    ("product", "Lumen Arrays sued Kestrel Optics, saying the Kestrel X5 camera infringes its patents.", "Kestrel X5"),
    ("itc", "The International Trade Commission (ITC) issued an exclusion order against Kestrel Optics over two Lumen Arrays patents.", "ITC"),
]


@pytest.mark.parametrize(("text", "name"), [e[1:] for e in EXCLUDED], ids=[e[0] for e in EXCLUDED])
def test_non_parties(text, name):
    facts = run(text)
    assert party(facts, name) is None, [p.name for p in facts.parties]
    assert party(facts, "Kestrel Optics") is not None


def test_dispute_between_two_companies_names_parties():
    facts = run("One request, though (involving Sony & Tessera), arises out of a licensing dispute between those companies over patents.")
    assert party(facts, "Sony") is not None and party(facts, "Tessera") is not None


def test_table_rows_split_names_without_separators():
    text = (
        "The Largest Verdicts\n\nAmount Awarded Plaintiff Defendant District\n"
        "$445M Netlist Micron Technology E.D. Tex.\n"
        "$151.1M Centripetal Networks Palo Alto Networks E.D. Va.\n"
        "$115.2M Sarepta Therapeutics, University of Western Australia Nippon Shinyaku D. Del.\n\n"
        "Juries handed down large patent infringement awards."
    )
    facts = run(text)
    for n in ("Netlist", "Micron Technology", "Centripetal Networks", "Palo Alto Networks",
              "Sarepta Therapeutics", "University of Western Australia", "Nippon Shinyaku"):
        assert party(facts, n) is not None, [p.name for p in facts.parties]


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("HPE", "Hewlett Packard Enterprise", True),
        ("IntVen", "Intellectual Ventures", True),
        ("IV", "Intellectual Ventures", True),
        ("ATC", "American Technical Ceramics Corporation", True),
        ("Am. Tech. Ceramics Corp.", "American Technical Ceramics Corporation", True),
        ("GAS", "General Access Solutions, Ltd.", True),
        ("ITC", "Hewlett Packard Enterprise", False),
        ("Sony", "Samsung Electronics", False),
    ],
)
def test_is_abbreviation(short, long, expected):
    assert orgnames.is_abbreviation(short, long) is expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wangsu Science & Technology Co., Ltd.", "Wangsu Science and Technology"),
        ("Kove IO, Inc.", "Kove IO"),
        ("KAYTUS Singapore Pte. Ltd.", "kaytus singapore"),
        ("浪潮电子信息产业股份有限公司", "浪潮电子信息产业"),
    ],
)
def test_fold_drops_legal_suffixes(a, b):
    assert orgnames.fold(a) == orgnames.fold(b)


def test_similar_spelling():
    assert orgnames.similar("NJOY Netherlands BV", "NJOY Netherland BV")
    assert not orgnames.similar("Samsung Display", "Samsung Electronics")


def test_no_candidates_in_plain_text():
    ctx = Context("nothing here is capitalised, so nothing is a name.", "en")
    assert parties_en.extract(ctx, Mentions()) == []


@pytest.mark.parametrize("text", ["leading_stopwords: [", "leading_stopwords: []", "places: [China]"], ids=["bad_yaml", "empty", "missing_lists"])
def test_bad_lexicon_file_raises(text):
    from patlit.errors import DataFileError

    with pytest.raises(DataFileError, match="parties_en.yaml"):
        parties_en.load_lexicon(text)


def test_table_with_cell_separators():
    text = (
        "Plaintiff | Defendant | Court | Verdict\n"
        "Orchid Labs | Verdant Bio Inc. | D. Del. | $12M\n"
        "Pellucid AG | Kestrel Optics | E.D. Tex. | $8M\n\n"
        "These patent infringement verdicts were the largest of the year."
    )
    facts = run(text)
    from en_helpers import find

    assert find(facts, "infringement", ["Orchid Labs"], ["Verdant Bio Inc."])
    assert find(facts, "infringement", ["Pellucid AG"], ["Kestrel Optics"])


def test_university_with_of_the():
    facts = run("The Regents of the University of California sued Kestrel Optics over a laser patent.")
    assert party(facts, "Regents of the University of California") is not None, [p.name for p in facts.parties]


def test_ampersand_names_stay_whole_unless_two_sides_are_meant():
    facts = run("Johnson & Johnson sued Kestrel Optics over a catheter patent.")
    assert party(facts, "Johnson & Johnson") is not None, [p.name for p in facts.parties]
    ctx = Context("A licensing dispute involving Sony & Tessera is pending.", "en")
    assert {"Sony", "Tessera"} <= {c.text for c in parties_en.find_candidates(ctx)}


def test_accented_names_and_web_names():
    facts = run(
        "Telefonaktiebolaget LM Ericsson has filed patent suits against Motorola Mobility Comércio de Produtos Eletrônicos Ltda. in Brazil. "
        "Nokia Technologies Oy separately sued Amazon.com, Inc. in Delaware over video patents."
    )
    assert party(facts, "Motorola Mobility Comércio de Produtos Eletrônicos Ltda.") is not None, [p.name for p in facts.parties]
    assert party(facts, "Amazon.com, Inc.") is not None


def test_bracketed_places_lower_case_brands_and_tickers():
    facts = run(
        "eVolt Corp. (NASDAQ: EVLT) filed a complaint with the ITC against Kestrel (Hong Kong) Company and "
        "Kestrel (China) Investment Co., Ltd. over battery patents."
    )
    names = {p.name for p in facts.parties}
    assert {"eVolt Corp.", "Kestrel (Hong Kong) Company", "Kestrel (China) Investment Co., Ltd."} <= names, names
    assert all("EVLT" not in n for p in facts.parties for n in p.names())


def test_place_led_full_name_takes_its_short_form():
    facts = run("China Lumenta Co., Ltd. sued Kestrel Optics for patent infringement. Lumenta asked for RMB 30 million.")
    p = party(facts, "Lumenta")
    assert p is not None and p.name == "China Lumenta Co., Ltd.", [q.names() for q in facts.parties]


def test_chinese_name_and_quoted_short_form_in_one_bracket():
    facts = run('Lumen Arrays Co., Ltd. (鲁门阵列有限公司, "Lumen") sued Kestrel Optics over a patent.')
    p = party(facts, "Lumen Arrays Co., Ltd.")
    assert p is not None and {"鲁门阵列有限公司", "Lumen"} <= set(p.aliases), p.aliases


def test_bracket_with_a_nested_bracket_gives_aliases():
    facts = run('Lumen Arrays sued Kestrel Mobile (China) Co., Ltd. (凯斯特移动(中国)有限公司, "Kestrel China") over a patent. Kestrel China appealed.')
    p = party(facts, "Kestrel China")
    assert p is not None and p.name == "Kestrel Mobile (China) Co., Ltd.", [q.names() for q in facts.parties]
