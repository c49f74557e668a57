"""Sentence splitting and language detection."""
from __future__ import annotations

import pytest

from patlit.extract.context import Context, detect_language, split_sentences

LANGUAGE_CASES = [
    ("plain English", "Acme Corp. sued Widget Inc. in Delaware over two patents.", "en"),
    ("plain Chinese", "甲公司向北京知识产权法院起诉乙公司侵犯其发明专利权。", "zh"),
    ("Chinese with English names", "Acme Corp.(以下简称阿克米)起诉了乙公司,索赔人民币五百万元,法院已经受理此案。", "zh"),
    (
        "English with a Chinese menu line",
        "分类:最新消息\nAcme sued Widget over a patent on cloud caching, asking the court for damages and costs.",
        "en",
    ),
    ("empty", "", "en"),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in LANGUAGE_CASES], ids=[c[0] for c in LANGUAGE_CASES])
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


SPLIT_CASES = [
    (
        "abbreviations do not split",
        "en",
        "Acme Inc. sued Widget Co. in the N.D. Cal. court. The U.S. Patent No. 8,218,566 is at issue.",
        ["Acme Inc. sued Widget Co. in the N.D. Cal. court.", "The U.S. Patent No. 8,218,566 is at issue."],
    ),
    (
        "lines always split",
        "en",
        "Headline without a stop\nBody text follows here.",
        ["Headline without a stop", "Body text follows here."],
    ),
    (
        "question and exclamation",
        "en",
        "Who sued? Acme did! Then it settled.",
        ["Who sued?", "Acme did!", "Then it settled."],
    ),
    (
        "Chinese full stops",
        "zh",
        "原告起诉被告。法院受理了此案！被告提出反诉；双方随后和解",
        ["原告起诉被告。", "法院受理了此案！", "被告提出反诉；", "双方随后和解"],
    ),
    ("initials", "en", "Judge J. Smith ruled for Acme.", ["Judge J. Smith ruled for Acme."]),
]


@pytest.mark.parametrize(
    "lang,text,expected", [c[1:] for c in SPLIT_CASES], ids=[c[0] for c in SPLIT_CASES]
)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    spans = split_sentences(text, lang)
    assert [text[s:e] for s, e in spans] == expected


def test_sentence_index_maps_offsets_to_their_sentence() -> None:
    text = "First one here. Second one there."
    ctx = Context(text=text, lang="en")
    second = text.index("Second")
    assert ctx.sentence_index(0) == 0
    assert ctx.sentence_index(second + 3) == 1
    assert ctx.sentence_text(1) == "Second one there."


def test_english_fast_split_equals_the_line_by_line_split() -> None:
    """One boundary scan over an English text gives the spans of the line-by-line split."""
    import random

    from patlit.extract import context

    def by_line(text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in context._LINE_BREAK.finditer(text + "\n"):
            context._add_line(text, pos, m.start(), "en", spans)
            pos = m.end()
        return spans

    rnd = random.Random(7)
    parts = ["A", "b", ".", " ", "\n", "!", "?", '"', "’", ")", "1", "Inc", "U.S", "  \n ", "\u00a0", "\t", "(", "“", "N.D", "Mr"]
    texts = ["end.  \nNext", "Mr. Smith v. Jones. The U.S. court.\r\nNew line. 3 items.", ""]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        assert split_sentences(text, "en") == by_line(text), repr(text)
