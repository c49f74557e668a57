"""Overlapping mentions are settled in one place: longest first, then type priority."""
from __future__ import annotations

from patlit.extract.overlaps import settle
from patlit.model import CaseNumberMention, DateMention, ForumMention, MoneyMention, PatentMention


def test_longer_mention_wins_over_one_inside_it() -> None:
    case = CaseNumberMention(0, 16, "(2022)最高法知民终1165号", "(2022)最高法知民终1165号", "cn-spc")
    year = DateMention(1, 5, "2022", "2022")
    got = settle([year, case])
    assert got.case_numbers == [case]
    assert got.dates == []


def test_equal_spans_go_to_the_more_specific_type() -> None:
    patent = PatentMention(3, 19, "ZL201310147926.9", "CN201310147926.9", "CN", True)
    money = MoneyMention(3, 19, "ZL201310147926.9", 1.0, "CNY", "damages")
    got = settle([money, patent])
    assert got.patents == [patent]
    assert got.money == []


def test_disjoint_mentions_all_kept_in_text_order() -> None:
    a = ForumMention(30, 40, "N.D. Cal.", "cand")
    b = DateMention(0, 12, "May 30, 2019", "2019-05-30")
    c = MoneyMention(50, 62, "$125 million", 125e6, "USD", "damages")
    got = settle([a, c, b])
    assert got.all() == [b, a, c]


def test_partial_overlap_keeps_the_longer_only() -> None:
    long = ForumMention(10, 50, "United States District Court for Delaware", "ded")
    short = ForumMention(40, 60, "Delaware federal court", "ded")
    got = settle([short, long])
    assert got.forums == [long]
