"""rx_prefix.with_first_chars: same matches as the pattern it speeds up."""
import re

import pytest

from patlit.extract.rx_prefix import with_first_chars

TEXTS = [
    "The suit was lodged at the court; its appeal followed.",
    "THE SUIT WAS DISMISSED, and the Patent Trial and Appeal Board denied institution.",
    "Filed in Texas: Acme v. Zeta, a case about the '356 patent.",
    "İt and ıt and ſuit: letters that fold onto ASCII ones.",
    "filed 3 days ago, on 12 May, two weeks ago; ٣ days ago (Arabic-Indic digit) and ３ days ago",
    "",
]
CASES = [
    ("word_branch", r"\b(?:the|this|its)\s+(?:suit|appeal)\b", re.I),
    ("line_start", r"^(?:Filed|Lodged)\b|\bsame\s+day\b", re.I | re.M),
    ("lookbehind", r"(?<![\w])(?:patent|board)(?![\w])", re.I),
    ("groups", r"(?P<a>dismiss\w*)|(?P<b>denied)", re.I),
    ("repeat_start", r"(?:the\s+)?patents?", re.I),
    ("class_start", r"[tb]he\s+(?:patent|board)", re.I),
    ("case_sensitive_boundary", r"\b(?:and\s+its|of\s+its|The)\s+\w+", 0),
    ("digit_start", r"(?<![A-Za-z0-9])(?P<n>\d{1,2}|[Aa]n?|[Tt]wo)\s+(?:days?|weeks?)\s+ago", 0),
    ("digit_start_ascii", r"(?<![0-9])\d{1,2}\s+(?:May|days)", re.ASCII),
]


def test_scoped_flags_left_alone():
    # (?i:...) inside a case-sensitive pattern: a look-ahead read from it would miss "The"
    rx = re.compile(r"(?<!x)(?i:the)\s+suit")
    assert with_first_chars(rx) is rx


@pytest.mark.parametrize("pattern,flags", [(p, f) for _, p, f in CASES], ids=[c[0] for c in CASES])
def test_same_matches(pattern, flags):
    rx = re.compile(pattern, flags)
    fast = with_first_chars(rx)
    assert fast is not rx  # each case here gains the look-ahead
    assert fast.groupindex == rx.groupindex
    for t in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == [(m.span(), m.groups()) for m in rx.finditer(t)]
        assert [m.span() for m in fast.finditer(t, 4, max(4, len(t) - 3))] == [m.span() for m in rx.finditer(t, 4, max(4, len(t) - 3))]


@pytest.mark.parametrize(
    "pattern,flags",
    [(r"suit|case", 0), (r"(?:suit)?", re.I), (r".suit", re.I), (r"[^a]suit", re.I), (r"\w+suit", re.I), ("该案|本案", re.I)],
    ids=["literal-start", "empty-match", "any-start", "negated-class", "category-start", "uncased-start"],
)
def test_left_alone(pattern, flags):
    rx = re.compile(pattern, flags)
    assert with_first_chars(rx) is rx
