"""Word pre-tests of cue patterns (rx_required.py): a "no" must be exact."""
import re
import sys

from patlit.extract import assemble
from patlit.extract.rx_required import FOLDING_ONTO_ASCII, WordTests, lowered, required_words


def test_folding_set_matches_the_engine():
    big = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = {m.group() for m in re.finditer(r"[a-z]", big, re.I)}
    assert found == set(FOLDING_ONTO_ASCII)


def test_required_words_of_a_cue():
    rx = re.compile(r"\b(?:the|its)\s+(?:\w+\s+)?(?:suits?|case)\b|^Filed\b", re.I | re.M)
    assert set(required_words(rx)) == {"suit", "case", "filed"}
    assert required_words(re.compile(r"\w+")) is None  # nothing literal required
    assert required_words(re.compile("|".join(f"w{i:02d}" for i in range(20)))) is None  # too many to pay


def test_may_match_never_says_no_to_a_match():
    text = "In 2020 ACME sued Foo. The Suit was FILED in Delaware. Nothing here; ſuit!"
    assert lowered(text) is None  # a long s folds onto "s": no pre-tests for this text
    assert WordTests(text).may_match(assemble.cues("en").continuation, 60, len(text))
    text = "In 2020 ACME sued Foo. The Suit was FILED in Delaware. Nothing “here” at all."
    wt = WordTests(text)
    cue = assemble.cues("en")
    for rx in (cue.continuation, cue.kind_nouns, cue.filing, cue.same_day):
        for lo in range(0, len(text), 3):
            for hi in range(lo, len(text) + 1, 5):
                if rx.search(text[lo:hi]):
                    assert wt.may_match(rx, lo, hi)
    assert not wt.may_match(cue.kind_nouns, 55, len(text))
