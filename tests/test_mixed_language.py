"""A Chinese article that names its parties in English and quotes English text.

The document (written for this test) stays ``zh``; English company names with a
Latin legal form, English names in brackets and English short names are parties and
aliases like Chinese ones, and the proceedings come out end to end.
"""
from __future__ import annotations

from patlit.extract.pipeline import extract_document
from patlit.model import Document

MIXED = """Northwind Wireless起诉青松电子 索赔2000万元
2023年4月12日

美国专利运营公司Northwind Wireless LLC(简称NW)近日向上海知识产权法院起诉青松电子有限公司(Greenpine Electronics)，
称其智能手表侵犯了NW所有的专利号为ZL201510621947.9的发明专利，请求判令青松电子有限公司停止侵权并赔偿经济损失2000万元。

NW said in a statement: "We have tried to license Greenpine for two years."

青松电子有限公司回应称，公司将积极应诉，并已于2023年5月8日针对NW的涉案专利向国家知识产权局提出无效宣告请求。
"""


def _party(facts, name):
    return next((p for p in facts.parties if name in p.names()), None)


def test_mixed_document_is_chinese():
    facts = extract_document(Document(doc_id="mixed", text=MIXED))
    assert facts.lang == "zh"


def test_english_names_are_parties_with_aliases():
    facts = extract_document(Document(doc_id="mixed", text=MIXED))
    nw = _party(facts, "Northwind Wireless LLC")
    assert nw is not None and "NW" in nw.aliases
    greenpine = _party(facts, "青松电子有限公司")
    assert greenpine is not None and "Greenpine Electronics" in greenpine.aliases
    assert len(facts.parties) == 2


def test_mixed_document_proceedings():
    facts = extract_document(Document(doc_id="mixed", text=MIXED))
    kinds = {(p.kind, tuple(p.claimants), tuple(p.respondents)) for p in facts.proceedings}
    assert ("infringement", ("Northwind Wireless LLC",), ("青松电子有限公司",)) in kinds
    assert ("invalidation", ("青松电子有限公司",), ("Northwind Wireless LLC",)) in kinds


def test_mentions_in_both_scripts_point_at_the_text():
    facts = extract_document(Document(doc_id="mixed", text=MIXED))
    for p in facts.parties:
        for m in p.mentions:
            assert MIXED[m.start:m.end] == m.text
    for proc in facts.proceedings:
        for ev in proc.evidence:
            assert MIXED[ev.start:ev.end] == ev.text
