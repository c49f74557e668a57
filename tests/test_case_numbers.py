"""Case numbers: the table's own examples, normalisation, spans, negatives, corpus."""
from __future__ import annotations

import pytest

from patlit.errors import DataFileError
from patlit.extract import case_numbers
from patlit.extract.context import Context, detect_language


def _found(text: str) -> list[tuple[str, str | None]]:
    ctx = Context(text=text, lang=detect_language(text))
    return [(m.number, m.forum) for m in case_numbers.extract(ctx)]


_EXAMPLES = case_numbers.examples()


@pytest.mark.parametrize("text,number,forum", _EXAMPLES, ids=[n for _, n, _ in _EXAMPLES])
def test_table_example(text: str, number: str, forum: str | None) -> None:
    assert _found(text) == [(number, forum)]


MORE = [
    ("上诉人不服(2019)苏05民初 388 号判决。", "(2019)苏05民初388号", None),
    ("（2023）最高法知民终 12 号", "(2023)最高法知民终12号", "cn-spc"),
    ("The case, Civil Action No. 6:21-cv-00755-ADA, was tried in Waco.", "6:21-cv-00755-ADA", None),
    ("Petitions IPR2024-00512 and PGR 2023-00041 were denied.", "IPR2024-00512", "ptab"),
    ("Petitions IPR2024-00512 and PGR 2023-00041 were denied.", "PGR2023-00041", "ptab"),
    ("The Federal Court of Justice decided X ZR 35/22 in 2024.", "X ZR 35/22", "other:Federal Court of Justice"),
    ("Investigation No. 337-TA-1190 concerned Wi-Fi chips.", "337-TA-1190", "usitc"),
    ("CNIPA's Invalidation Decision No. 55640 voided every claim.", "No. 55640", "cnipa"),
    ("Acme v. Bolt, C.A. No. 21-1365-GBW (D. Del.).", "21-1365-GBW", None),
    ("The examiner was reversed in Appeal 2019-004512.", "2019-004512", "ptab"),
]


@pytest.mark.parametrize("text,number,forum", MORE, ids=[n for _, n, _ in MORE])
def test_more_numbers(text: str, number: str, forum: str | None) -> None:
    assert (number, forum) in _found(text)


NEGATIVE = [
    "The firm announced on 2021-11-06 (notice 2021-030) that it was sued.",
    "Revenue grew 12% to $3.4 billion in 2023.",
    "The ratio was 3/4 and the score 12/20.",
    "Call 1-800-555-0100 for details.",
    "专利号为201611245881.9的发明专利。",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:30] for t in NEGATIVE])
def test_not_a_case_number(text: str) -> None:
    assert _found(text) == []


def test_span_is_a_slice_and_brackets_are_normalised() -> None:
    text = "该案案号为〔2020〕京73民初 77 号，已经审结。"
    (m,) = case_numbers.extract(Context(text=text, lang="zh"))
    assert text[m.start : m.end] == m.text == "〔2020〕京73民初 77 号"
    assert m.number == "(2020)京73民初77号" and m.forum == "cn-bjipc"


def test_docket_span_keeps_its_label() -> None:
    text = "See Case No. 5:24-cv-02237 for the complaint."
    (m,) = case_numbers.extract(Context(text=text, lang="en"))
    assert m.text == "Case No. 5:24-cv-02237" and m.number == "5:24-cv-02237"


def test_bad_table_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    case_numbers.tables.cache_clear()
    monkeypatch.setattr(case_numbers, "load_yaml", lambda name: {"cn_courts": {"最高法": 1}, "de_registers": {}})
    try:
        with pytest.raises(DataFileError, match="cn_courts"):
            case_numbers.tables()
    finally:
        case_numbers.tables.cache_clear()


@pytest.mark.corpus
def test_corpus_chinese_case_number_gives_the_appeal_court(corpus_docs: list[dict]) -> None:
    """A Chinese judgment summary: its SPC case number carries the appeal forum."""
    forums = {
        m.forum
        for d in corpus_docs
        if d.get("lang") == "zh"
        for m in case_numbers.extract(Context(text=d["text"], lang="zh"))
    }
    assert {"cn-spc", "cnipa"} <= forums
