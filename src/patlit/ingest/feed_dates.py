"""Dates as feeds write them, in any of several languages, to ISO ``YYYY-MM-DD``.

feedparser parses English RFC 822 and ISO 8601 dates only; a German
"Do, 18 Apr 2024", a French "mar., 16 avr. 2024" or a Chinese "2024年4月18日"
come back unparsed. :func:`parse_date` reads the raw string instead:

* numeric forms: ISO ``2024-04-18[T...]``, ``2024/4/18``, ``2024.04.18``,
  ``20240418``, ``18/04/2024`` (day first; month first only when the day is > 12);
* Chinese/Japanese ``2024年4月18日``;
* a month name or abbreviation of ``data/feed_months.yaml`` with a day and a year
  in any order ("18 Apr 2024", "April 18, 2024", "18. April 2024"); when several
  words are month names (French "mar." is also Tuesday), the one nearest before the
  year wins.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from patlit.data import load_yaml
from patlit.errors import DataFileError

_MONTHS_FILE = "feed_months.yaml"

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YMD = re.compile(r"(?<![\d.])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)")
_DMY = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+(?::\d+)*\.?", re.UNICODE)


@lru_cache(maxsize=1)
def _month_table() -> tuple[dict[str, int], dict[str, str]]:
    """({lower-case month form: month number}, {example: ISO date}) from the data file."""
    return parse_month_table(load_yaml(_MONTHS_FILE), _MONTHS_FILE)


def parse_month_table(data: object, where: str) -> tuple[dict[str, int], dict[str, str]]:
    """Validate the loaded YAML of a month-names file; DataFileError names the problem."""
    if not isinstance(data, dict) or not isinstance(data.get("months"), dict):
        raise DataFileError(f"{where}: needs a 'months' mapping of language -> twelve months")
    forms: dict[str, int] = {}
    for lang, months in data["months"].items():
        if not isinstance(months, list) or len(months) != 12:
            raise DataFileError(f"{where}: language {lang!r} must list exactly twelve months")
        for number, names in enumerate(months, 1):
            if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
                raise DataFileError(f"{where}: {lang!r} month {number} must be a non-empty list of names")
            for name in names:
                known = forms.setdefault(name.lower(), number)
                if known != number:
                    raise DataFileError(f"{where}: {name!r} is month {known} and month {number}")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in examples.items()):
        raise DataFileError(f"{where}: 'examples' must map raw date strings to ISO dates")
    return forms, examples


def examples() -> dict[str, str]:
    """The data file's examples: raw date string -> the ISO date it must give."""
    return dict(_month_table()[1])


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(raw: str) -> str | None:
    for pattern in (_ISO, _CJK, _YMD, _COMPACT):
        m = pattern.search(raw)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.search(raw)
    if m:
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if second > 12 >= first:  # month first, as in the US
            return _iso(year, first, second)
        return _iso(year, second, first)
    return None


def _named(raw: str) -> str | None:
    forms = _month_table()[0]
    tokens = _TOKEN.findall(raw)
    months: list[tuple[int, int]] = []  # (token index, month number)
    numbers: list[tuple[int, int]] = []  # (token index, value) of bare numbers
    for i, tok in enumerate(tokens):
        word = tok.rstrip(".").lower()
        if word.isdigit():
            numbers.append((i, int(word)))
        elif word in forms:
            months.append((i, forms[word]))
    if not months:
        return None
    years = [(i, n) for i, n in numbers if n >= 1000]
    if years:
        year_at, year = years[0]
        before = [m for m in months if m[0] < year_at]
        month_at, month = max(before) if before else months[0]
        days = [(abs(i - month_at), n) for i, n in numbers if i != year_at and 1 <= n <= 31]
        return _iso(year, month, min(days)[1]) if days else None
    # RFC 822 allows two-digit years: "3 Jan 24" (day first) or "Jan 3 24"
    month_at, month = months[0]
    before = [n for i, n in numbers if i < month_at]
    after = [n for i, n in numbers if i > month_at]
    day, rest = (before[-1], after) if before else (after[0] if after else None, after[1:])
    if day is None or not rest or rest[0] > 99:
        return None
    return _iso(2000 + rest[0], month, day)


def parse_date(raw: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` of a feed's date string, or None when it has no full date."""
    if not raw or not raw.strip():
        return None
    return _numeric(raw) or _named(raw)
