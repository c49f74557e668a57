"""English party candidates: the fast scans agree with the plain per-sentence ones."""
from __future__ import annotations

import pytest

from corpus_support import corpus_pairs
from patlit.extract import parties_en
from patlit.extract.context import Context

_EDGES = [
    "iRobot Corp. sued SharkNinja. eero and vivo Mobile Communication Co., Ltd. were named.",
    "x-iPhone maker's eBay-like rival; O'Brien-iRobot Inc. and realme Chennai Ltd.",
    "Sony & Tessera (NASDAQ: TSRA) settled. Am. Tech. Ceramics Corp. v. Presidio Components, Inc.",
    "Acme Ltd.\nZeta GmbH Pte. Ltd. Omega-Beta Co.\n3M Company; U.S. District Court",
    "Samsung (China) Investment Co., Ltd. said ÅSE Škoda Auto a.s. won.",
    "U.S. Amazon.com and 3M v. 10x Genomics, 5G-NR, 2023Q1; x-Ray O’Neil-Smith & Sons Ltd. (Cayman), LLC",
    "_Acme 'Beta -Gamma Am.\nTech. Ab. Cd Ltd. É.U. Évry AT&T Inc, Co. KG s.p.A S.p.A. N.V. Holdings",
]
_TEXTS = _EDGES + [doc["text"] for doc, _ in corpus_pairs() if doc.get("lang", "en") == "en"]


@pytest.mark.parametrize("text", _TEXTS, ids=range(len(_TEXTS)))
def test_scans_match_per_sentence_reference(text):
    ctx = Context(text, "en")
    lower = parties_en._lower_sentences(text, ctx.sentences)
    for si, (ss, se) in enumerate(ctx.sentences):
        sent = text[ss:se]
        assert (si in lower) == parties_en._lower_start(sent)
        ref = [(ss + m.start(), ss + m.end()) for m in parties_en._names_in(sent)]
        assert parties_en._name_spans(text, ss, se) == ref


def test_lower_start_reference():
    """:func:`_lower_start` keeps the meaning of the hint pattern it replaced."""
    for sent in _EDGES:
        ref = False
        for h in parties_en._LOWER_HINT.finditer(sent):
            p = h.start()
            while p > 0 and "a" <= sent[p - 1] <= "z":
                p -= 1
            if p == 0 or not (sent[p - 1].isalnum() or sent[p - 1] in "_'’-"):
                ref = True
                break
        assert parties_en._lower_start(sent) == ref


@pytest.mark.parametrize("text", _TEXTS, ids=range(len(_TEXTS)))
def test_name_find_is_name_re(text):
    """The scan-friendly form of NAME_RE matches the same span at every position."""
    for p in range(len(text)):
        a, b = parties_en.NAME_RE.match(text, p), parties_en._NAME_FIND.match(text, p)
        assert (a and a.span()) == (b and b.span()), text[p:p + 40]
    assert [m.span() for m in parties_en._NAME_FIND.finditer(text)] == [m.span() for m in parties_en.NAME_RE.finditer(text)]


def test_affiliate_list_pattern_is_the_plain_one():
    """The scan-friendly affiliate-list pattern matches like its plain formulation."""
    import re

    nouns = "|".join(re.escape(n) for n in parties_en.lexicon().affiliate_nouns)
    plain = re.compile(
        rf"(?:\band\s+its|['’]s?|\bof\s+its)\s+(?:[\w\-.]+\s+){{0,3}}?(?:{nouns})\b,?\s*(?:including|such\s+as|namely|like)?:?\s*"
    )
    fast = parties_en._affiliate_res()[0]
    extra = ["Acme and its subsidiaries, including Beta and Gamma", "land its units", "Sony’s arm", "of its parent",
             "band its unit", "X's  sister company like: Y", "and its\nunit, namely Z"]
    for text in _TEXTS + extra:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for p in range(len(text)):
            a, b = plain.match(text, p), fast.match(text, p)
            assert (a and a.span()) == (b and b.span())
