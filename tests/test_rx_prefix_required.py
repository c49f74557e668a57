"""rx_prefix.required_chars: characters every match holds (used to skip windows that cannot match)."""
import re

import pytest

from patlit.extract.rx_prefix import required_chars


@pytest.mark.parametrize(
    "pattern, flags, chars",
    [
        (r"a(?i:b)c", 0, "ac"),  # case-insensitive parts require nothing sure
        (r"x(?:y|z)w+", 0, "xw"),  # choices require nothing, a repeat of one or more does
        (r"(?<=q)r{2}s?", 0, "r"),  # look-arounds and optional parts require nothing
        (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/", 0, "/"),
        (r"(?:ab)*c", 0, "c"),
        (r"abc", re.IGNORECASE, ""),
    ],
)
def test_required_chars(pattern, flags, chars):
    assert required_chars(re.compile(pattern, flags)) == chars


def test_every_match_holds_the_required_chars():
    rx = re.compile(r"(?<![0-9/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)[0-9]{2})(?![0-9])")
    for m in rx.finditer("on 02/11/2023 and 3/4/1999, not 1/2"):
        assert all(c in m.group(0) for c in required_chars(rx))


def test_required_runs():
    import re

    from patlit.extract.rx_prefix import required_runs

    assert required_runs(re.compile(r"(?<![A-Za-z0-9])(?:\d{1,2}|[Tt]wo)\s+(?:days?|weeks?)\s+ago(?![A-Za-z])")) == ["ago"]
    assert required_runs(re.compile(r"(?:the\s+)?patent(?:s)?\s+(?:of)+")) == ["patent", "of"]
    assert required_runs(re.compile(r"ago", re.I)) == []  # other cases match too
    assert required_runs(re.compile(r"a(?i:go)")) == ["a"]
    rx = re.compile(r"(?:\d+|[Aa]n?)\s+years?\s+ago")
    texts = ["3 years ago", "an year ago", "a year agO", "years ago"]
    for t in texts:  # every match holds every run
        for m in rx.finditer(t):
            assert all(r in m.group() for r in required_runs(rx))
