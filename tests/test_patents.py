"""Patent identifiers: every pattern table example, tricky forms, CN check digits,
decode_cn, describe, and the dev corpus (skipped when ../shared is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_support import CORPUS, corpus_pairs

from patlit.errors import DataFileError
from patlit.extract import patents
from patlit.extract.context import Context
from patlit.extract.patents import PatentIdError, canonical, cn_check_digit, decode_cn, describe

GRAMMAR = patents.load_grammar()


def _lang(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def ids_in(text: str, lang: str | None = None) -> list[str]:
    ctx = Context(text=text, lang=lang or _lang(text))
    return [m.id for m in patents.extract(ctx)]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


# ------------------------------------------------------------ table-driven

FORM_CASES = [
    pytest.param(ex["text"], ex["ids"], id=f"{f.name}-{i}: {_short(ex['text'])}")
    for f in GRAMMAR.forms
    for i, ex in enumerate(f.examples)
]


@pytest.mark.parametrize(("text", "expected"), FORM_CASES)
def test_form_examples(text: str, expected: list[str]) -> None:
    assert ids_in(text) == expected


CUE_CASES = [
    pytest.param(ex["text"], ex["lang"], ex["ids"], id=f"cue-{i}: {_short(ex['text'])}")
    for i, ex in enumerate(GRAMMAR.raw["cue_examples"])
]


@pytest.mark.parametrize(("text", "lang", "expected"), CUE_CASES)
def test_cue_examples(text: str, lang: str, expected: list[str]) -> None:
    assert ids_in(text, lang) == expected


BARE_CASES = [
    pytest.param(ex["text"], ex["ids"], id=f"bare_us-{i}: {_short(ex['text'])}")
    for i, ex in enumerate(GRAMMAR.raw["bare_us"]["examples"])
]


@pytest.mark.parametrize(("text", "expected"), BARE_CASES)
def test_bare_us_examples(text: str, expected: list[str]) -> None:
    assert ids_in(text, "en") == expected


NUMBER_CUE_CASES = [
    pytest.param(ex["text"], ex["ids"], id=f"number_cue-{i}: {_short(ex['text'])}")
    for i, ex in enumerate(GRAMMAR.raw["number_cue_examples"])
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CUE_CASES)
def test_number_cue_examples(text: str, expected: list[str]) -> None:
    assert ids_in(text, "en") == expected


TRAILING_CASES = [
    pytest.param(ex["text"], ex["ids"], id=f"trailing_list-{i}: {_short(ex['text'])}")
    for i, ex in enumerate(GRAMMAR.raw["trailing_list"]["examples"])
]


@pytest.mark.parametrize(("text", "expected"), TRAILING_CASES)
def test_trailing_list_examples(text: str, expected: list[str]) -> None:
    assert ids_in(text, "en") == expected


# ------------------------------------------------------------ tricky forms

TRICKY = [
    ("The suit names Chinese patent ZL 2013 1 0147926.9 as well.", ["CN201310147926.9"]),
    ("Lower-case zl201310147926.9 is still a patent.", ["CN201310147926.9"]),
    ("专利号：ZL201310147926.9，名称为一种方法", ["CN201310147926.9"]),
    ("Asserted: US 2019/0123456 A1, US RE45,000 E and US D745,123 S.", ["US20190123456", "USRE45000", "USD745123"]),
    ("U.S. Patent Nos. 8,419,307; 8,177,449; and 9,180,194 (the asserted patents)", ["US8419307", "US8177449", "US9180194"]),
    ("U.S. Pat. Nos. 6,000,001, 6,000,002, and 6,000,003 expired.", ["US6000001", "US6000002", "US6000003"]),
    ("The patents-in-suit are U.S. Patent Nos. 7,000,001 and US7,000,002.", ["US7000001", "US7000002"]),
    ("EP 1 234 567 B1 and WO 2019/123456 A1 and JP 2015-123456 A", ["EP1234567", "WO2019123456", "JP2015123456"]),
    ("Korean patent KR 10-1234567 and British patent GB 2345678 A", ["KR101234567", "GB2345678"]),
    ("涉案专利为CN103235779B与ZL201310147926.9", ["CN103235779B", "CN201310147926.9"]),
    ("该公司拥有美国专利US8,014,909与欧洲专利EP2237607。", ["US8014909", "EP2237607"]),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY, ids=[_short(t) for t, _ in TRICKY])
def test_tricky_forms(text: str, expected: list[str]) -> None:
    assert ids_in(text) == expected


NOT_PATENTS = [
    "The jury awarded $7,230,931 in damages to the patent owner.",
    "Samsung holds 1,234,567 patents worldwide, it says.",
    "The court found the '720 patent and the ‘356 patent valid; the ’504 Patent too.",
    "The case number is (2022)最高法知民终1165号 and the sum 12345678.9 yuan.",
    "Call 2019-05-30 or write to PO Box 1234567.",
    "US$1,234,567 was paid under the patent licence.",
    "Revenue grew to 2,345,678 units (patent-related) last year.",
]


@pytest.mark.parametrize("text", NOT_PATENTS, ids=[_short(t) for t in NOT_PATENTS])
def test_not_patents(text: str) -> None:
    assert ids_in(text) == []


def test_spans_cover_prefix_and_kind_code() -> None:
    text = "Claims of ZL 201310147926.9, CN 103235779 A, US 8218566 B2 and EP 1 234 567 B1 were asserted."
    mentions = patents.extract(Context(text=text, lang="en"))
    assert [m.text for m in mentions] == ["ZL 201310147926.9", "CN 103235779 A", "US 8218566 B2", "EP 1 234 567 B1"]
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_same_patent_twice_gives_two_mentions_with_one_id() -> None:
    text = "专利号:200380101061.7。该200380101061.7号专利被宣告无效。"
    mentions = patents.extract(Context(text=text, lang="zh"))
    assert [m.id for m in mentions] == ["CN200380101061.7", "CN200380101061.7"]
    assert all(m.office == "CN" for m in mentions)


def test_canonical_of_single_identifiers() -> None:
    assert canonical("ZL 201310147926.9") == "CN201310147926.9"
    assert canonical("8,218,566") == "US8218566"
    assert canonical("EP 1 234 567 B1") == "EP1234567"
    assert canonical("no number here") is None


# ------------------------------------------------------------ CN check digits


def test_check_digit_new_form_by_hand() -> None:
    # 2 0 1 3 1 0 1 4 7 9 2 6 with weights 2 3 4 5 6 7 8 9 2 3 4 5
    total = 2 * 2 + 0 * 3 + 1 * 4 + 3 * 5 + 1 * 6 + 0 * 7 + 1 * 8 + 4 * 9 + 7 * 2 + 9 * 3 + 2 * 4 + 6 * 5
    assert total == 152
    assert cn_check_digit("201310147926") == str(152 % 11) == "9"


def test_check_digit_old_form_by_hand() -> None:
    # 0 0 8 0 0 3 8 1 with weights 2..9
    total = 0 * 2 + 0 * 3 + 8 * 4 + 0 * 5 + 0 * 6 + 3 * 7 + 8 * 8 + 1 * 9
    assert cn_check_digit("00800381") == str(total % 11) == "5"


def test_check_digit_ten_is_written_x() -> None:
    # 2 0 1 3 2 0 1 2 3 4 5 2: 4+0+4+15+12+0+8+18+6+12+20+10 = 109, 109 mod 11 = 10
    assert cn_check_digit("201320123452") == "X"
    # old form 9 9 1 1 2 3 4 5: 18+27+4+5+12+21+32+45 = 164, 164 mod 11 = 10
    assert cn_check_digit("99112345") == "X"


def test_x_check_digit_is_found_and_valid() -> None:
    [m] = patents.extract(Context(text="专利号为ZL201320123452.X的实用新型", lang="zh"))
    assert (m.id, m.check_ok) == ("CN201320123452.X", True)


def test_wrong_check_digit_is_reported_but_flagged() -> None:
    [m] = patents.extract(Context(text="asserting ZL201310147926.3 against it", lang="en"))
    assert m.id == "CN201310147926.3"
    assert m.check_ok is False


def test_no_dot_form_takes_last_digit_as_check_digit() -> None:
    [m] = patents.extract(Context(text="patent ZL2016800226109 was challenged", lang="en"))
    assert (m.id, m.check_ok) == ("CN201680022610.9", True)


@pytest.mark.parametrize("bad", ["2013101479", "20131014792a", ""])
def test_check_digit_rejects_non_numbers(bad: str) -> None:
    with pytest.raises(PatentIdError):
        cn_check_digit(bad)


# ------------------------------------------------------------ decode_cn

DECODE = [
    ("CN201310147926.9", 2013, "1", "invention", False, "0147926", True),
    ("ZL201320123452.X", 2013, "2", "utility_model", False, "0123452", True),
    ("201530012345.1", 2015, "3", "design", False, "0012345", None),
    ("ZL2016800226109", 2016, "8", "invention", True, "0022610", True),
    ("CN201290012345.6", 2012, "9", "utility_model", True, "0012345", None),
    ("CN00800381.5", 2000, "8", "invention", True, "00381", True),
    ("ZL85100001.0", 1985, "1", "invention", False, "00001", True),
    ("03100002.9", 2003, "1", "invention", False, "00002", True),
    ("99112345.6", 1999, "1", "invention", False, "12345", False),
]


@pytest.mark.parametrize(
    ("text", "year", "type_code", "kind", "pct", "serial", "check_ok"), DECODE, ids=[d[0] for d in DECODE]
)
def test_decode_cn(text: str, year: int, type_code: str, kind: str, pct: bool, serial: str, check_ok: bool | None) -> None:
    app = decode_cn(text)
    assert (app.filing_year, app.type_code, app.kind, app.pct, app.serial) == (year, type_code, kind, pct, serial)
    if check_ok is not None:
        assert app.check_ok is check_ok


def test_decode_cn_is_frozen() -> None:
    app = decode_cn("CN201310147926.9")
    with pytest.raises(AttributeError):
        app.filing_year = 1999  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["US8218566", "CN201340147926.9", "CN50100001.1", "CN2013", "hello", ""])
def test_decode_cn_rejects(bad: str) -> None:
    with pytest.raises(PatentIdError):
        decode_cn(bad)


# ------------------------------------------------------------ describe

DESCRIBE = [
    ("CN201310147926.9", "CN", "invention", 2013, "ok"),
    ("CN201310147926.1", "CN", "invention", 2013, "bad"),
    ("CN201320123452.X", "CN", "utility_model", 2013, "ok"),
    ("CN103235779B", "CN", "invention", None, None),
    ("CN103235779A", "CN", "application", None, None),
    ("US8218566", "US", "invention", None, None),
    ("USD745123", "US", "design", None, None),
    ("USRE45000", "US", "reissue", None, None),
    ("US20190123456", "US", "application", None, None),
    ("EP1234567", "EP", "publication", None, None),
    ("WO2019123456", "WO", "application", None, None),
    ("JP2015123456", "JP", "application", None, None),
    ("KR101234567", "KR", "invention", None, None),
    ("GB2345678", "GB", "publication", None, None),
    ("DE102015123456", "DE", "publication", None, None),
    ("DE202019104321", "DE", "utility_model", None, None),
    ("TWI123456", "TW", "invention", None, None),
    ("USPP12345", "US", "plant", None, None),
]


@pytest.mark.parametrize(("pid", "office", "kind", "year", "check"), DESCRIBE, ids=[d[0] for d in DESCRIBE])
def test_describe(pid: str, office: str, kind: str, year: int | None, check: str | None) -> None:
    d = describe(pid)
    assert (d["id"], d["office"], d["kind"], d["filing_year"], d["check_digit"]) == (pid, office, kind, year, check)
    assert d["links"]["google_patents"].startswith("https://patents.google.com/")


def test_describe_cn_application_details() -> None:
    d = describe("CN201680022610.9")
    assert (d["pct"], d["type_code"], d["serial"]) == (True, "8", "0022610")
    assert describe("US8218566")["pct"] is None


def test_describe_links_point_at_the_patent() -> None:
    assert describe("US8218566")["links"]["google_patents"] == "https://patents.google.com/patent/US8218566"
    assert "8218566" in describe("US8218566")["links"]["office"]
    assert "WO2019123456" in describe("WO2019123456")["links"]["office"]
    assert "201310147926" in describe("CN201310147926.9")["links"]["google_patents"]


@pytest.mark.parametrize("odd", ["", "   ", "CN", "XX123", "CN999", "US", "12345", "ZL201310147926.9 and more", None, 42])
def test_describe_is_total(odd: object) -> None:
    d = describe(odd)  # type: ignore[arg-type]
    assert set(d) >= {"id", "office", "kind", "filing_year", "check_digit", "links"}
    assert d["kind"] is None


# ------------------------------------------------------------ known misses

KNOWN_MISSES = [
    ("the PCT application PCT/CN2019/123456 entered China", ["PCT/CN2019/123456"]),
    ("European application EP 08123456.7 was opposed.", ["EP08123456"]),
]


@pytest.mark.xfail(strict=True, reason="PCT application numbers and EP application numbers are not read yet")
@pytest.mark.parametrize(("text", "expected"), KNOWN_MISSES, ids=[_short(t) for t, _ in KNOWN_MISSES])
def test_known_misses(text: str, expected: list[str]) -> None:
    assert ids_in(text) == expected


# ------------------------------------------------------------ data file


@pytest.fixture
def fake_data(fake_data_dir: Path):
    patents._grammar.cache_clear()
    yield fake_data_dir
    patents._grammar.cache_clear()


def test_missing_data_file_raises_data_file_error(fake_data: Path) -> None:
    with pytest.raises(DataFileError, match="patents.yaml"):
        patents.load_grammar()


def test_bad_regex_is_named(fake_data: Path) -> None:
    real = (Path(patents.__file__).parent.parent / "data" / "patents.yaml").read_text(encoding="utf-8")
    (fake_data / "patents.yaml").write_text(real.replace("(?P<num>\\d{9}|\\d{7})", "(?P<num>\\d{9}|\\d{7}"), "utf-8")
    with pytest.raises(DataFileError, match="cn_publication"):
        patents.load_grammar()


def test_form_without_examples_is_refused(fake_data: Path) -> None:
    (fake_data / "patents.yaml").write_text(
        "cn: {weights_new: [2,3,4,5,6,7,8,9,2,3,4,5], weights_old: [2,3,4,5,6,7,8,9]}\n"
        "forms: [{name: ep, office: EP, normalize: ep, gate: [EP], pattern: 'EP\\d{7}', examples: []}]\n"
        "cues: {}\ncue_offices: {}\nitems: x\nseparator: x\nbare_us: {}\nlinks: {}\n",
        "utf-8",
    )
    with pytest.raises(DataFileError, match="examples"):
        patents.load_grammar()


# ------------------------------------------------------------ corpus




@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "dev" / "docs.jsonl").is_file(), reason="../shared/corpus is absent")
@pytest.mark.parametrize(("doc", "gold"), corpus_pairs() or [({}, {})], ids=lambda v: v.get("doc_id", "none"))
def test_corpus_patents_match_gold(doc: dict, gold: dict) -> None:
    found = list(dict.fromkeys(ids_in(doc["text"], doc["lang"])))
    assert sorted(found) == sorted(gold["patents"])


# ------------------------------------------------------------ properties

_FRAGMENTS = [
    "ZL", "CN", "US", "EP", "WO", "JP", "KR", "GB", "D", "RE", "Re. ", "第", "号", "专利号为", "申请号:", "U.S. Patent Nos. ",
    "Patent No. ", "European Patent No. ", "patent", "(", ")", ",", ";", " and ", "、", ".", "．", " ", "X", "B2", "A1",
    "2013", "1", "0147926", "9", "8,218,566", "1 234 567", "27,28,964", "2019/0123456", "2015-123456", "10-1234567",
    "００", "٣", "$", "¥",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join),
       st.sampled_from(["en", "zh"]))
def test_extract_never_raises_and_spans_slice_back(text: str, lang: str) -> None:
    found = patents.extract(Context(text=text, lang=lang))
    for m in found:
        assert text[m.start:m.end] == m.text
        assert describe(m.id)["id"] == m.id
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
