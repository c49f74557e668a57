"""Dates: every pattern table example, relative dates against fixed published
dates, numeric day/month order, spans, non-dates, find_published, data file."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_support import CORPUS, corpus_pairs

from patlit.errors import DataFileError
from patlit.extract import dates
from patlit.extract.context import Context

GRAMMAR = dates.load_grammar()


def _short(text: str) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= 40 else text[:37] + "..."


def mentions(text: str, lang: str = "en", published: str | None = None):
    return dates.extract(Context(text=text, lang=lang, published=published))


def values(text: str, lang: str = "en", published: str | None = None) -> list[str]:
    return [m.value for m in mentions(text, lang, published)]


# ------------------------------------------------------------ table-driven

PATTERN_CASES = [
    pytest.param(lang, ex["text"], ex.get("published"), ex["values"], id=f"{p.name}-{i}: {_short(ex['text'])}")
    for lang, pats in GRAMMAR.patterns.items()
    for p in pats
    for i, ex in enumerate(p.examples)
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), PATTERN_CASES)
def test_pattern_examples(lang: str, text: str, published: str | None, expected: list[str]) -> None:
    assert values(text, lang, published) == expected


BYLINE_CASES = [
    pytest.param(ex["text"], ex["lang"], ex["published"], id=f"byline-{i}: {_short(ex['text'])}")
    for i, ex in enumerate(GRAMMAR.raw["byline"]["examples"])
]


@pytest.mark.parametrize(("text", "lang", "expected"), BYLINE_CASES)
def test_byline_examples(text: str, lang: str, expected: str | None) -> None:
    assert dates.find_published(text, lang) == expected


# ------------------------------------------------------------ relative dates

# 2024-04-18 was a Thursday; 2016-02-10 a Wednesday; 2024 is a leap year.
RELATIVE = [
    ("en", "On Monday the company sued its rival.", "2024-04-18", ["2024-04-15"]),
    ("en", "The complaint was filed on Thursday.", "2024-04-18", ["2024-04-18"]),
    ("en", "The complaint was filed last Thursday.", "2024-04-18", ["2024-04-11"]),
    ("en", "It sued on Friday in Delaware.", "2024-04-18", ["2024-04-12"]),
    ("en", "A jury decided on Monday.", "2016-02-10", ["2016-02-08"]),
    ("en", "The suit came last month.", "2025-01-10", ["2024-12"]),
    ("en", "The suit came earlier this month.", "2025-01-10", ["2025-01"]),
    ("en", "They settled yesterday.", "2024-03-01", ["2024-02-29"]),
    ("en", "The petition was lodged last week.", "2024-01-03", ["2023-12-27"]),
    ("en", "Last June the board instituted review.", "2024-06-20", ["2023-06"]),
    ("en", "Last June the board instituted review.", "2024-09-20", ["2024-06"]),
    ("en", "The ITC acted in late October.", "2024-01-16", ["2023-10"]),
    ("en", "The filing of December 20 is pending.", "2021-01-05", ["2020-12-20"]),
    ("en", "On June 13th the report came out.", "2020-07-02", ["2020-06-13"]),
    ("en", "The company sued last year and again this year.", "2022-06-01", ["2021", "2022"]),
    ("zh", "据报道,22日,原告提起诉讼。", "2016-07-25", ["2016-07-22"]),
    ("zh", "据报道,22日,原告提起诉讼。", "2016-08-05", ["2016-07-22"]),
    ("zh", "今年5月底,华为起诉三星。", "2016-07-22", ["2016-05"]),
    ("zh", "去年,三星起诉华为。", "2017-03-01", ["2016"]),
    ("zh", "陪审团于今年4月21日作出裁定。", "2023-05-10", ["2023-04-21"]),
    ("zh", "上个月,该公司提出无效宣告请求。", "2017-01-05", ["2016-12"]),
    ("zh", "去年12月,原告起诉。", "2017-03-01", ["2016-12"]),
    ("zh", "近日,三星对华为发起反诉。", "2017-03-01", []),
    ("zh", "日前,该案已获受理。", "2017-03-01", []),
]


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"), RELATIVE, ids=[f"{r[2]}: {_short(r[1])}" for r in RELATIVE]
)
def test_relative_dates(lang: str, text: str, published: str, expected: list[str]) -> None:
    found = mentions(text, lang, published)
    assert [m.value for m in found] == expected
    assert all(m.relative for m in found)


@pytest.mark.parametrize(
    ("lang", "text"), [(r[0], r[1]) for r in RELATIVE], ids=[_short(r[1]) for r in RELATIVE]
)
def test_relative_dates_need_published(lang: str, text: str) -> None:
    assert values(text, lang, None) == []


def test_absolute_dates_are_not_relative() -> None:
    [m] = mentions("HPE sued Inspur on April 15, 2024.", "en", "2024-04-18")
    assert (m.value, m.relative) == ("2024-04-15", False)


def test_bad_published_is_ignored() -> None:
    assert values("They sued on Monday, May 30, 2019.", "en", "not a date") == ["2019-05-30"]


# ------------------------------------------------------------ numeric order

NUMERIC = [
    ("Filed 01/02/2023, heard 25/12/2023.", ["2023-02-01", "2023-12-25"]),
    ("Filed 01/02/2023, heard 12/25/2023.", ["2023-01-02", "2023-12-25"]),
    ("Filed 03/04/2023 at the UPC local division in Munich by way of defence.", ["2023-04-03"]),
    ("Filed 03/04/2023 in the U.S. District Court for the District of Delaware.", ["2023-03-04"]),
    ("Version 1.2.2023 of the tool", []),
]


@pytest.mark.parametrize(("text", "expected"), NUMERIC, ids=[_short(t) for t, _ in NUMERIC])
def test_numeric_day_month_order(text: str, expected: list[str]) -> None:
    assert values(text) == expected


# ------------------------------------------------------------ spans

SPANS = [
    ("en", "Last June, a jury ruled.", "2025-01-12", "Last June"),
    ("en", "In 2021, Textron sued DJI.", None, "2021"),
    ("en", "On May 30, 2019, Wangsu sued.", None, "May 30, 2019"),
    ("en", "It was filed on 3 March.", "2023-05-10", "3 March"),
    ("zh", "于今年4月21日裁定", "2023-05-10", "今年4月21日"),
    ("zh", "２０１９年５月３０日起诉", None, "２０１９年５月３０日"),
]


@pytest.mark.parametrize(("lang", "text", "published", "span"), SPANS, ids=[_short(s[1]) for s in SPANS])
def test_spans(lang: str, text: str, published: str | None, span: str) -> None:
    [m] = mentions(text, lang, published)
    assert m.text == span
    assert text[m.start:m.end] == m.text


def test_full_width_digits_and_chinese_numerals() -> None:
    assert values("２０１９年５月３０日起诉", "zh") == ["2019-05-30"]
    assert values("二〇二三年三月十五日", "zh") == ["2023-03-15"]


# ------------------------------------------------------------ not dates

NOT_DATES = [
    ("zh", "案号:(2022)最高法知民终1165号"),
    ("zh", "专利号ZL201310147926.9"),
    ("en", "About 2019 patents were filed, costing $2,019 million."),
    ("en", "The May filing may matter."),
    ("zh", "应当在收到判决书之日起15日内上诉"),
    ("en", "the 2019-2020 season"),
    ("en", "a 2024 Honda parked outside"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_DATES, ids=[_short(t) for _, t in NOT_DATES])
def test_not_dates(lang: str, text: str) -> None:
    assert values(text, lang, "2024-05-01") == []


# ------------------------------------------------------------ find_published

PUBLISHED = [
    ("Published: 3 March 2021\n\nAcme sued Beta over a patent.", "en", "2021-03-03"),
    ("Acme sues Beta\n\n2021年3月3日 10:15  来源:新华网\n\n正文", "zh", "2021-03-03"),
    ("标题\n发布日期:2019-12-31\n正文:原告起诉被告。", "zh", "2019-12-31"),
    ("Acme sues Beta\n\nMarch 2021\n\nAcme sued Beta.", "en", None),
    ("Acme sues Beta over a patent it says was copied on May 3, 2019 in Delaware.", "en", None),
    ("x" * 700 + "\nMay 3, 2019\n", "en", None),
    ("List\nOne\n| May 1, 2020\nTwo\n| April 28, 2020\n", "en", None),
    ("", "en", None),
    ("03/04/2023\nThe UPC local division in Munich heard the counterclaim by way of defence.\n", "en", "2023-04-03"),
    ("Item one\n03/04/2023\nItem two\n02/04/2023\n", "en", None),
    ("Title\nPosted on May 1, 2020 by Ann\nBody.\nRelated: Beta loses appeal, April 2, 2020\n", "en", "2020-05-01"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), PUBLISHED, ids=[_short(p[0]) for p in PUBLISHED])
def test_find_published(text: str, lang: str, expected: str | None) -> None:
    assert dates.find_published(text, lang) == expected


# ------------------------------------------------------------ known misses

KNOWN_MISSES = [
    ("en", "hearings on March 3rd and 5th, 2019", None, ["2019-03-03", "2019-03-05"]),
    ("zh", "二〇一九年五月,原告起诉", None, ["2019-05"]),
    ("en", "the suit filed the day before", "2020-05-05", ["2020-05-04"]),
]


@pytest.mark.xfail(strict=True, reason="a day list under one month, year-month in Chinese numerals, 'the day before'")
@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"), KNOWN_MISSES, ids=[_short(k[1]) for k in KNOWN_MISSES]
)
def test_known_misses(lang: str, text: str, published: str | None, expected: list[str]) -> None:
    assert values(text, lang, published) == expected


# ------------------------------------------------------------ data file


@pytest.fixture
def fake_data(fake_data_dir: Path):
    dates._grammar.cache_clear()
    yield fake_data_dir
    dates._grammar.cache_clear()


def _real_data() -> str:
    return (Path(dates.__file__).parent.parent / "data" / "dates.yaml").read_text(encoding="utf-8")


def test_missing_data_file_raises_data_file_error(fake_data: Path) -> None:
    with pytest.raises(DataFileError, match="dates.yaml"):
        dates.load_grammar()


def test_unknown_resolver_is_named(fake_data: Path) -> None:
    (fake_data / "dates.yaml").write_text(_real_data().replace("resolve: numeric", "resolve: guess"), "utf-8")
    with pytest.raises(DataFileError, match="numeric.*resolve must be one of"):
        dates.load_grammar()


def test_incomplete_months_are_refused(fake_data: Path) -> None:
    (fake_data / "dates.yaml").write_text(_real_data().replace("  December: 12\n", ""), "utf-8")
    with pytest.raises(DataFileError, match="twelve months"):
        dates.load_grammar()


# ------------------------------------------------------------ corpus




@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "dev" / "docs.jsonl").is_file(), reason="../shared/corpus is absent")
@pytest.mark.parametrize(("doc", "gold"), corpus_pairs() or [({}, {})], ids=lambda v: v.get("doc_id", "none"))
def test_corpus_published_matches_gold(doc: dict, gold: dict) -> None:
    # the gold published date is what the document itself shows (or what the input gave)
    found = dates.find_published(doc["text"], doc["lang"])
    if doc.get("published"):
        assert found in (None, gold["published"])
    else:
        assert found == gold["published"]


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "dev" / "docs.jsonl").is_file(), reason="../shared/corpus is absent")
def test_corpus_gold_proceeding_dates_are_found() -> None:
    missing = []
    for doc, gold in corpus_pairs():
        published = doc.get("published") or gold.get("published")
        found = set(values(doc["text"], doc["lang"], published))
        for proc in gold["proceedings"]:
            if proc.get("date") and proc["date"] not in found:
                missing.append((doc["doc_id"], proc["date"]))
    assert missing == []


# ------------------------------------------------------------ properties

_FRAGMENTS = [
    "May", "June", "Sept.", "Monday", "last", "this past", "week", "month", "year", "earlier", "late", "in ", "on ",
    "30", "13th", ",", " ", "2019", "2024", "-", "/", ".", "年", "月", "日", "号", "今年", "去年", "同年", "次年", "至",
    "底", "初", "二〇", "十", "５", "２０１９", "\n", "发布时间:", "Published ", "14:25", "|", "4 mins", "٣",
    "周五", "上周", "星期", "本月", "two weeks ago", "3 days", "ago", "Q4 ", "mid-",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join),
       st.sampled_from(["en", "zh"]), st.sampled_from([None, "2024-02-29", "2020-01-01", "garbage"]))
def test_extract_never_raises_and_values_are_iso(text: str, lang: str, published: str | None) -> None:
    found = mentions(text, lang, published)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert len(m.value) in (4, 7, 10) and m.value[:2] in ("19", "20")
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    pub = dates.find_published(text, lang)
    assert pub is None or len(pub) == 10


def test_signoff_needs_a_signing_body_or_a_clerk():
    body = "甲公司起诉乙公司，法院已经受理，案件正在审理之中。" * 30  # a head with no byline
    signed = body + "\n\n特此公告。\n\n甲科技股份有限公司董事会\n2021年6月22日"
    unsigned = body + "\n\n相关阅读\n2021年6月20日"
    assert dates.find_published(signed, "zh") == "2021-06-22"
    assert dates.find_published(unsigned, "zh") is None


def test_wire_dateline_needs_the_wire_dash():
    assert dates.find_published("Acme news\n\nSEATTLE, June 19, 2024 -- Acme Inc. settled.", "en") == "2024-06-19"
    prose = "Acme news\n\nIn Seattle, on June 19, 2024 the two companies met in court and talked."
    assert dates.find_published(prose, "en") is None
