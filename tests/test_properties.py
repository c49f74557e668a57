"""Properties over arbitrary text: extraction never raises, every span slices back.

Text is built both from arbitrary characters and from shuffled domain fragments
(triggers, numbers, court names, brackets) so that the grammars' deeper paths run.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patlit.extract import extract_document
from patlit.model import Document, Span
from patlit.record import to_record

FRAGMENTS = [
    "Acme Corp.", "Widget Inc.", "(\"Acme\")", "(hereinafter referred to as \"Widget\")", " sued ", " v. ",
    "filed a lawsuit against", "countersued", "petitioned for inter partes review of", "appealed",
    "U.S. Patent Nos. 8,419,307; 8,177,449 and 9,180,194", "ZL2016800226109", "ZL 201310147926.9",
    "CN103235779B", "EP 1 234 567 B1", "RE45,000", "$125 million", "RMB 1.23 million", "€5,000",
    "in the Northern District of California", "E.D. Tex.", "Federal Circuit", "on May 30, 2019",
    "last week", "on Thursday", "the jury awarded", "settled", "withdrew", ". ", "\n", "\n\n", "  ",
    "原告", "被告", "上诉人(原审被告)", "甲科技有限公司", "(以下简称甲公司)", "起诉至", "北京知识产权法院",
    "提出无效宣告请求", "专利号为201310147926.9", "赔偿经济损失8050万元", "一百二十三万元", "1.61亿元",
    "2019年5月30日", "22日", "今年5月底", "(2020)最高法知民终210号", "驳回", "和解", "。", "，", "、",
    "(", ")", "“", "”", "'", "\"", "&", "Co., Ltd.", "有限公司",
]

fragment_text = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=40).map("".join)
any_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, spans: list[Span]) -> None:
    for sp in spans:
        assert 0 <= sp.start <= sp.end <= len(text)
        assert text[sp.start : sp.end] == sp.text


def _check_document(text: str, published: str | None) -> None:
    facts = extract_document(Document(doc_id="p", text=text, published=published))
    _check_spans(text, [*facts.patents, *facts.amounts, *facts.dates, *facts.forums, *facts.case_numbers])
    for party in facts.parties:
        _check_spans(text, party.mentions)
    for proc in facts.proceedings:
        _check_spans(text, proc.evidence)
        for amount in proc.amounts:
            _check_spans(text, amount.evidence)
    record = to_record(facts)
    for party in record["parties"]:
        for ev in party["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
            assert ev["text"] in ev["sentence"]
    for proc in record["proceedings"]:
        for ev in proc["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
        assert proc["kind"] in {"infringement", "invalidation", "declaratory_judgment", "itc_investigation", "appeal", "other"}


@SETTINGS
@given(text=fragment_text, published=dates)
def test_domain_fragments_never_raise_and_spans_slice_back(text: str, published: str | None) -> None:
    _check_document(text, published)


@SETTINGS
@given(text=any_text, published=dates)
def test_arbitrary_text_never_raises(text: str, published: str | None) -> None:
    _check_document(text, published)


@SETTINGS
@given(text=mixed_text, published=dates)
def test_mixed_fragments_and_noise(text: str, published: str | None) -> None:
    _check_document(text, published)
