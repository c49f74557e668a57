"""Forum mentions: the tables' own examples, the US court index, spans, data validation, corpus."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from patlit.errors import DataFileError
from patlit.extract import case_numbers, courts_cn, courts_us, forums
from patlit.extract.context import Context, detect_language


def _codes(text: str) -> list[str]:
    return [m.code for m in forums.extract(Context(text=text, lang=detect_language(text)))]


def _check(text: str, code: str | None) -> None:
    codes = _codes(text)
    if code is None:
        assert codes == [], f"{text!r}: expected no forum, got {codes}"
    else:
        assert code in codes, f"{text!r}: expected {code}, got {codes}"


# ---------------------------------------------------------------- examples carried by the tables

_TABLE_EXAMPLES = [
    *forums.examples(),
    *courts_cn.examples(),
    *[tuple(e) for e in courts_us.places()["examples"]],
    *[tuple(e) for e in courts_us.places()["court_examples"]],
]


@pytest.mark.parametrize("text,code", _TABLE_EXAMPLES, ids=[f"{c}:{t[:40]}" for t, c in _TABLE_EXAMPLES])
def test_table_example(text: str, code: str | None) -> None:
    _check(text, code)


# ---------------------------------------------------------------- the US court index

US_CASES = [
    ("Acme sued in the United States District Court for the Northern District of California.", "cand"),
    ("The U.S. District Court for the Eastern District of Texas set trial for May.", "txed"),
    ("The case was moved to the Southern District of New York.", "nysd"),
    ("Its complaint was filed in the District of New Jersey.", "njd"),
    ("The jury verdict (D. Del. 2023) was upheld.", "ded"),
    ("Widget Co. v. Gadget Inc., No. 1:20-cv-1 (N.D. Ill. 2021).", "ilnd"),
    ("Trial in E.D.Tex was quick.", "txed"),
    ("The suit in the EDTX moved fast; another one is in NDCA.", "txed"),
    ("The suit in the EDTX moved fast; another one is in NDCA.", "cand"),
    ("Filed in W.D. Tex. in 2020.", "txwd"),
    ("The S.D.N.Y. judge dismissed it.", "nysd"),
    ("The C.D. Cal. court granted summary judgment.", "cacd"),
    ("The E.D. Va. rocket docket handled it.", "vaed"),
    ("A federal court in Delaware will hear the case.", "ded"),
    ("The maker filed suit in Delaware last year.", "ded"),
    ("It won a ruling from a Minnesota federal court.", "mnd"),
    ("The patent owner sued the retailer in Boston, Massachusetts.", "mad"),
    ("In the New Jersey patent case, the generic maker lost.", "njd"),
    ("The Ninth Circuit reversed.", "ca9"),
    ("A Delaware jury found the patents valid.", "ded"),
    ("It sued in the U.S. District Court for the District of Columbia.", "dcd"),
    ("The U.S. Court of Appeals for the District of Columbia Circuit ruled.", "cadc"),
    ("The Federal Circuit Court of Appeals affirmed.", "cafc"),
    ("A federal jury in Marshall, Texas awarded $10 million.", "txed"),
    ("A Waco federal jury found infringement.", "txwd"),
    ("The Waco jury found that the chips infringed.", "txwd"),
    ("Netlist sued Samsung in federal court in Marshall, Tex., last year.", "txed"),
]

US_NEGATIVE = [
    "Judge Mazzant oversaw the trial in Sherman, Texas.",
    "The company is incorporated in Delaware and based in Ohio.",
    "A Delaware corporation bought the startup.",
    "The case is in a Texas federal court.",
    "The district court denied the motion.",
    "Marshall Tucker attended the hearing.",
    "He moved to Austin last year.",
    "Acme filed for bankruptcy in Delaware in 2020.",
    "The retailer was sued in Kansas City, Missouri.",
    "The investors sued in Delaware Chancery Court.",
]


@pytest.mark.parametrize("text,code", US_CASES, ids=[f"{c}:{t[:40]}" for t, c in US_CASES])
def test_us_court(text: str, code: str) -> None:
    _check(text, code)


@pytest.mark.parametrize("text", US_NEGATIVE, ids=[t[:40] for t in US_NEGATIVE])
def test_us_no_court(text: str) -> None:
    _check(text, None)


@pytest.mark.xfail(strict=True, reason="a bare 'Eastern District' resolves only against a district named in full, not a plain state name")
def test_known_miss_district_without_state() -> None:
    _check("Texas has four districts. The Eastern District gets most patent cases.", "txed")


@pytest.mark.xfail(strict=True, reason="a judge's name does not name his court")
def test_known_miss_judge_court() -> None:
    _check("Judge Gilstrap's court handled 900 patent cases.", "txed")


def test_bare_district_refers_to_the_district_named_in_full() -> None:
    text = "Acme sued in the Eastern District of Texas. The Eastern District later moved the case."
    ms = forums.extract(Context(text=text, lang="en"))
    assert [(m.text, m.code) for m in ms] == [("Eastern District of Texas", "txed"), ("Eastern District", "txed")]
    two = "It sued in the Eastern District of Texas and the Eastern District of Virginia. The Eastern District ruled."
    assert _codes(two) == ["txed", "vaed"]


def _courts_db() -> dict[str, dict]:
    raw = resources.files("courts_db").joinpath("data", "courts.json").read_text(encoding="utf-8")
    return {c["id"]: c for c in json.loads(raw)}


def test_index_never_yields_a_bankruptcy_court() -> None:
    db = _courts_db()
    # a document that names every district every way the index knows
    lines = []
    for d in courts_us.districts():
        words = f"{courts_us._DIRECTIONS[d.direction]} District of {d.state}" if d.direction else f"District of {d.state}"
        lines.append(f"It was filed in the United States District Court for the {words} ({d.citation}).")
    codes = set(_codes("\n".join(lines)))
    assert len(codes) >= 80
    for code in codes:
        assert code in db, code
        assert db[code].get("type") != "bankruptcy", code
        assert "Bankruptcy" not in db[code].get("name", ""), code


def test_every_district_found_by_its_name_and_citation() -> None:
    for d in courts_us.districts():
        assert d.id in _codes(f"The case was tried ({d.citation} 2022)."), d
        assert "bankr" not in d.citation.lower()


def test_single_district_states_come_from_courts_db() -> None:
    single = courts_us._single_district_states()
    assert single["Delaware"].id == "ded"
    assert single["Oregon"].id == "ord"
    assert "Texas" not in single and "California" not in single


# ---------------------------------------------------------------- spans

def test_spans_are_text_slices_and_cover_the_whole_name() -> None:
    text = (
        "Motorola filed in the U.S. District Courts for the Southern District of Florida and the "
        "Western District of Wisconsin, and asked the Reexamination and Invalidation Department of "
        "the Patent Office, CNIPA to review a patent."
    )
    ms = forums.extract(Context(text=text, lang="en"))
    assert [(m.text, m.code) for m in ms] == [
        ("U.S. District Courts for the Southern District of Florida", "flsd"),
        ("Western District of Wisconsin", "wiwd"),
        ("Reexamination and Invalidation Department of the Patent Office, CNIPA", "cnipa"),
    ]
    for m in ms:
        assert text[m.start : m.end] == m.text


def test_longer_name_wins_inside_one_phrase() -> None:
    ms = forums.extract(Context(text="An appeal went to the Supreme People's Court's IP tribunal.", lang="en"))
    assert [m.code for m in ms] == ["cn-spc"]
    ms = forums.extract(Context(text="华为向江苏省南京市中级人民法院起诉。", lang="zh"))
    assert [(m.text, m.code) for m in ms] == [("江苏省南京市中级人民法院", "cn-court:江苏省南京市中级人民法院")]


def test_city_span_stops_before_the_full_stop() -> None:
    text = "The suit was filed in U.S. District Court in Marshall, Texas."
    (m,) = forums.extract(Context(text=text, lang="en"))
    assert (m.text, m.code) == ("U.S. District Court in Marshall, Texas", "txed")


def test_same_court_named_by_overlapping_keys_is_one_mention() -> None:
    text = "InterDigital filed at the UK High Court in London."
    ms = forums.extract(Context(text=text, lang="en"))
    assert [(m.text, m.code) for m in ms] == [("UK High Court in London", "uk-ewhc")]


def test_local_division_is_upc_and_regional_court_is_german() -> None:
    text = "Xiaomi was sued at the Munich local division, and Oppo at the Munich Regional Court."
    assert _codes(text) == ["upc", "de-lg-muenchen"]


SHARED_HEADS = [
    ("head_then_places", "Zeta Corp. filed six suits in the regional courts of Mannheim, Munich and Düsseldorf.",
     ["de-lg-mannheim", "de-lg-muenchen", "de-lg-duesseldorf"]),
    ("places_then_head", "Zeta Corp. filed six suits in the Munich and Mannheim regional courts.",
     ["de-lg-muenchen", "de-lg-mannheim"]),
    ("unknown_places_name_nothing", "Zeta Corp. filed suits in the regional courts of Lyon and Turin.", []),
]


@pytest.mark.parametrize(("text", "codes"), [r[1:] for r in SHARED_HEADS], ids=[r[0] for r in SHARED_HEADS])
def test_places_sharing_one_court_head(text: str, codes: list[str]) -> None:
    """One plural court head over a list of places: each place is its own court."""
    assert _codes(text) == codes


def test_vague_chinese_court_names_nothing() -> None:
    assert _codes("Coolpad sued before a court in Shenzhen of Guangdong Province.") == []
    assert _codes("一审法院认为侵权成立，原审法院判决赔偿。") == []


@pytest.mark.parametrize(
    "code,name",
    [
        ("cafc", "Court of Appeals for the Federal Circuit"),
        ("cand", "United States District Court for the Northern District of California"),
        ("cnipa", "China National Intellectual Property Administration"),
        ("cn-court:江苏省苏州市中级人民法院", "江苏省苏州市中级人民法院"),
        ("other:Delhi High Court", "Delhi High Court"),
    ],
)
def test_describe(code: str, name: str) -> None:
    assert forums.describe(code) == name


def test_bare_court_of_appeal_in_a_upc_text_is_not_english() -> None:
    assert _codes("The UK left the UPC; the Court of Appeal sits in Luxembourg.") == ["upc"]
    assert _codes("After the UK trial, the Court of Appeal heard the case.") == ["uk-ewca"]


def test_empty_text() -> None:
    assert forums.extract(Context(text="", lang="en")) == []


# ---------------------------------------------------------------- data validation

def test_bad_forum_table_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forums, "load_yaml", lambda name: {"contexts": {}, "forums": [{"code": "x", "en": ["X"]}]})
    with pytest.raises(DataFileError, match="no examples"):
        forums._load()
    monkeypatch.setattr(forums, "load_yaml", lambda name: {"forums": "nope"})
    with pytest.raises(DataFileError, match="forums.yaml"):
        forums._load()


# ---------------------------------------------------------------- the corpus

def _gold_forums(corpus_gold: dict) -> list[tuple[str, str]]:
    return sorted({(doc_id, p["forum"]) for doc_id, g in corpus_gold.items() for p in g["proceedings"] if p["forum"]})


@pytest.mark.corpus
def test_corpus_gold_forums_are_found(corpus_docs: list[dict], corpus_gold: dict) -> None:
    """Every forum of a gold proceeding is named by a forum mention or a case number of its document.

    ``uspto`` counts for ``ptab`` (the assembler maps it for IPR petitions).
    """
    by_id = {d["doc_id"]: d for d in corpus_docs}
    missing = []
    for doc_id, code in _gold_forums(corpus_gold):
        doc = by_id[doc_id]
        ctx = Context(text=doc["text"], lang=doc.get("lang") or detect_language(doc["text"]))
        found = {m.code for m in forums.extract(ctx)} | {c.forum for c in case_numbers.extract(ctx)}
        if "uspto" in found:
            found.add("ptab")
        if code not in found:
            missing.append((doc_id, code))
    assert missing == []


@pytest.mark.corpus
def test_corpus_document_without_proceedings_names_no_forum(corpus_docs: list[dict]) -> None:
    doc = next(d for d in corpus_docs if d["doc_id"] == "zh-020")
    assert forums.extract(Context(text=doc["text"], lang="zh")) == []


# ---------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = [
    "the U.S. District Court for the", "Eastern District of Texas", " and the ", "D.\u00a0 Del.", "N.D.Cal",
    "Beijing\u2019s Intellectual Property Court", "İstanbul", "ß", "Munich", " local division", " Regional Court",
    "Delhi", " High Court", "Supreme Court", "the Commission", "ITC", "IPR", "in Delaware", "sued", ", Texas",
    "federal jury in ", "Waco", "美国", "德州东区", "法院", "向", "江苏省苏州市中级", "人民法院", "京知", "最高法",
    "(2020)最高法知民终210号", "UPC_CFI_1/2023", "IPR2020-00001", " ", "\n", ".", "，",
]
_mixed = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed)
def test_any_text_gives_valid_non_overlapping_spans(text: str) -> None:
    for lang in ("en", "zh"):
        ctx = Context(text=text, lang=lang)
        spans = [*forums.extract(ctx), *case_numbers.extract(ctx)]
        for m in spans:
            assert text[m.start : m.end] == m.text and m.start < m.end
        for ms in (forums.extract(ctx), case_numbers.extract(ctx)):
            for a, b in zip(ms, ms[1:]):
                assert a.end <= b.start
        for m in forums.extract(ctx):
            assert m.code and not m.code.startswith("@")
