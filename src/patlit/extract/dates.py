"""Dates in English and Chinese text, and the document's own date.

The written forms live in ``data/dates.yaml`` (one regex per form, each with
examples). Absolute dates give ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; dates that
need the document's date ("on Thursday", "earlier this month", "June 13th",
"今年5月底", "22日") are resolved against ``ctx.published`` and flagged
``relative``; without a published date they give nothing, except a month or day
written without its year, which then takes the year of the nearest absolute date
of the document (still flagged ``relative``). A date written without its year
takes the year of the date it forms a range with ("5月30日至6月2日") or of an
absolute date told earlier in the same sentence ("2020年8月起诉,9月反诉"; 同年5月),
published or not.

:func:`find_published` reads the document's own date from its head (a byline,
a "发布时间:" line, a date standing alone under the title) and refuses list pages
that show several dated items.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from patlit.data import load_yaml
from patlit.errors import DataFileError
from patlit.extract.rx_prefix import required_chars, required_runs, with_first_chars
from patlit.model import DateMention

_DATA_FILE = "dates.yaml"
_ANCHORS = ("month", "year", "weekday", "relative", "zh_year", "zh_month", "zh_day", "zh_relative", "zh_weekday")
_FORWARD = 16  # characters after an anchor a date and its lookaheads may need
_RESOLVERS = (
    "absolute", "numeric", "year_of_published", "day_of_published", "weekday", "relative", "ago", "relative_month_day",
    "story_day",
)
_UNITS = ("day", "month", "year")
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"／": "/", "－": "-", "．": "."})
_FULLWIDTH_DIGITS = "０１２３４５６７８９"  # one substring test each is faster than a regex class


@dataclass(frozen=True)
class _Pattern:
    name: str
    lang: str
    resolve: str
    anchor: str
    back: int  # characters before the anchor where a match may start (0 = at it)
    regex: re.Pattern[str]
    examples: tuple[dict[str, Any], ...]
    needs: str = ""  # a character every match holds ("/" of 02/11/2023), "" if none is sure


@dataclass(frozen=True)
class _Relative:
    unit: str
    offset: int
    precision: str


@dataclass(frozen=True)
class _Grammar:
    patterns: dict[str, tuple[_Pattern, ...]]  # by language of the written form
    by_anchor: dict[str, tuple[_Pattern, ...]]  # every pattern, by anchor kind
    anchor: re.Pattern[str]  # anchor words and years (see _dispatch_regex)
    anchor_kinds: dict[str, str]  # anchor word -> kind ("month", "weekday", ...)
    relative_words: tuple[str, ...]  # last words of English relative phrases (found with str.find)
    months: dict[str, int]  # lower-case name or abbreviation -> month
    weekdays: dict[str, int]
    weekday_not_after: frozenset[str]
    relative: dict[str, _Relative]  # lower-cased phrase (single spaces) -> rule
    zh_year_words: dict[str, int]
    zh_story_year_words: dict[str, int]
    zh_story_day_words: dict[str, int]
    zh_digits: dict[str, int]
    zh_weekdays: dict[str, int]
    zh_month_words: dict[str, int]
    number_words: dict[str, int]
    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    byline_keywords: re.Pattern[str]
    byline_head: int
    byline_short: int
    byline_window: int
    clock: re.Pattern[str]
    byline_separators: tuple[str, ...]
    dateline_before: re.Pattern[str]
    dateline_after: re.Pattern[str]
    signoff_tail: int
    signoff_before: re.Pattern[str]
    signoff_after: re.Pattern[str]
    range_gap: re.Pattern[str]  # what may stand between the two ends of a date range
    sentence_end: re.Pattern[str]  # a yearless date takes no year from across it
    story_reach: int  # ... nor from a date told further back than this (characters)
    raw: dict[str, Any]


def _compile_or_fail(pattern: object, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern))
    except re.error as exc:
        raise _fail(f"{where}: bad pattern ({exc})") from exc


def _fail(problem: str) -> DataFileError:
    return DataFileError(f"{_DATA_FILE}: {problem}")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _word_regex(words: list[str]) -> re.Pattern[str]:
    """Whole words (no Latin letter before or after), longest first.

    ``(?<![A-Za-z])`` is checked after each word's first character (``W(?<![A-Za-z]W)ord``,
    the same test): a pattern opening with a lookbehind is tried at every position, one
    opening with literals lets the engine skip to their first characters. Words are
    grouped by first character, so a position tries only the words it can start.
    """
    by_first: dict[str, list[str]] = {}  # words by first character, longest first within each
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = []
    for ch, rests in by_first.items():  # only one first character can match at a position
        first = re.escape(ch)
        alts.append(f"{first}(?<![A-Za-z]{first})(?:{'|'.join(rests)})")
    return re.compile("(?:" + "|".join(alts) + r")(?![A-Za-z])")


def _phrase_regex(phrase: str) -> str:
    parts = phrase.split()
    out = []
    for i, w in enumerate(parts):
        esc = re.escape(w)
        if i == 0 and w[:1].isalpha() and w[:1].isascii():
            esc = f"[{w[0].upper()}{w[0].lower()}]" + re.escape(w[1:])
        out.append(esc)
    return r"\s+".join(out)


def _needs(rx: re.Pattern[str]) -> str:
    """What a window must hold for ``rx`` to match in it: a sure word of three characters or
    more ("ago": rare, unlike its letters), else the first sure character that is not a Latin
    letter (rarer), else the first sure one, else ""."""
    word = max(required_runs(rx), key=len, default="")
    if len(word) >= 3:
        return word
    chars = required_chars(rx)
    return next((c for c in chars if not (c.isascii() and c.isalpha())), chars[:1])


def _dispatch_regex(words: dict[str, str]) -> re.Pattern[str]:
    """One fast regex for many anchor words and the years 19xx/20xx.

    One branch per first character, each opening with that character as a literal:
    the engine then scans for the set of first characters itself and enters only the
    branch whose literal matches, instead of trying every word at every position.
    """
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    by_first.setdefault("1", []).append("9[0-9]{2}")
    by_first.setdefault("2", []).append("0[0-9]{2}")
    branches = []
    for c, rests in sorted(by_first.items()):
        alts = []
        for r in sorted(rests, key=len, reverse=True):
            if r.startswith(("9[", "0[")) and c in "12":
                alts.append(r + "(?![0-9])")
            elif c.isascii() and c.isalpha():
                alts.append(re.escape(r) + "(?![a-z])")
            else:
                alts.append(re.escape(r))
        branches.append(f"{re.escape(c)}(?:{'|'.join(alts)})")
    return re.compile("|".join(branches))


def _raw_phrases(raw: dict[str, Any], lang: str) -> list[str]:
    """The relative phrases of one language as written in the data file."""
    return [str(r["phrase"]) for r in raw["relative"].get(lang) or []]


def _keyword_regex(words: list[str]) -> re.Pattern[str]:
    """Byline words; Latin ones must stand as words ("date" but not "dated")."""
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w.strip()) if w.strip() else re.escape(w)
        if w[:1].isascii() and w[:1].isalpha():
            esc = r"(?<![A-Za-z])" + esc + (r"(?![a-z])" if w.rstrip() == w else r"\s")
        alts.append(esc)
    return re.compile("|".join(alts))


def load_grammar() -> _Grammar:
    """The compiled grammar (loaded and validated once per process)."""
    return _grammar()


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    raw = load_yaml(_DATA_FILE)
    if not isinstance(raw, dict):
        raise _fail("top level must be a mapping")
    for key in ("months", "month_abbreviations", "weekdays", "relative", "patterns", "byline", "numeric_order",
                "zh_digits", "zh_year_words", "zh_story_year_words", "zh_story_day_words", "range_words", "story_year", "zh_weekdays", "zh_weekday_words", "zh_month_words",
                "number_words", "relative_anchor_words"):
        if key not in raw:
            raise _fail(f"missing section '{key}'")
    months_full = {str(k): int(v) for k, v in raw["months"].items()}
    abbrevs = {str(k): int(v) for k, v in raw["month_abbreviations"].items()}
    if sorted(set(months_full.values())) != list(range(1, 13)):
        raise _fail("months must name all twelve months")
    if any(not 1 <= v <= 12 for v in abbrevs.values()):
        raise _fail("month_abbreviations: months are 1..12")
    weekdays = [str(w) for w in raw["weekdays"]]
    if len(weekdays) != 7:
        raise _fail("weekdays must list seven days, Monday first")

    relative: dict[str, _Relative] = {}
    rel_alt: dict[str, str] = {}
    for lang in ("en", "zh"):
        phrases = []
        for i, r in enumerate(raw["relative"].get(lang) or []):
            if not isinstance(r, dict) or r.get("unit") not in _UNITS or r.get("precision") not in _UNITS:
                raise _fail(f"relative.{lang}[{i}]: needs phrase, unit and precision (day/month/year)")
            phrase = str(r["phrase"])
            relative[" ".join(phrase.lower().split())] = _Relative(r["unit"], int(r.get("offset", 0)), r["precision"])
            phrases.append(phrase)
        phrases.sort(key=len, reverse=True)
        rel_alt[lang] = "|".join(_phrase_regex(p) for p in phrases)

    subs = {
        "{MONTH}": rf"(?P<month>(?:{_alternation(list(months_full))})(?![a-z])|(?:{_alternation(list(abbrevs))})(?![a-z])\.?)",
        "{MONTH_FULL}": rf"(?P<month>(?:{_alternation(list(months_full))})(?![a-z]))",
        "{WEEKDAY}": _alternation(weekdays),
        "{YEAR}": r"(?:19|20)[0-9]{2}",
        "{RELATIVE_EN}": rel_alt["en"],
        "{RELATIVE_ZH}": rel_alt["zh"],
    }
    patterns: dict[str, tuple[_Pattern, ...]] = {}
    for lang in ("en", "zh"):
        out = []
        for i, p in enumerate(raw["patterns"].get(lang) or []):
            where = f"patterns.{lang}[{i}]"
            if not isinstance(p, dict) or not isinstance(p.get("name"), str):
                raise _fail(f"{where}: needs a name")
            if p.get("anchor") not in _ANCHORS:
                raise _fail(f"{where} ({p['name']}): anchor must be one of {', '.join(_ANCHORS)}")
            if p.get("resolve") not in _RESOLVERS:
                raise _fail(f"{where} ({p['name']}): resolve must be one of {', '.join(_RESOLVERS)}")
            src = p.get("pattern")
            if not isinstance(src, str):
                raise _fail(f"{where} ({p['name']}): pattern missing")
            for k, v in subs.items():
                src = src.replace(k, v)
            try:
                rx = re.compile(src, re.VERBOSE)
            except re.error as exc:
                raise _fail(f"{where} ({p['name']}): bad regex ({exc})") from exc
            ex = p.get("examples")
            if not isinstance(ex, list) or not ex or not all(
                isinstance(e, dict) and isinstance(e.get("text"), str) and isinstance(e.get("values"), list) for e in ex
            ):
                raise _fail(f"{where} ({p['name']}): needs examples with 'text' and 'values'")
            back = p.get("back")
            if not isinstance(back, int) or back < 0:
                raise _fail(f"{where} ({p['name']}): back must be a whole number >= 0")
            # searched in a window (back > 0): a look-ahead on the first characters lets the
            # engine reject most positions at once instead of trying every branch there
            scan_rx = with_first_chars(rx) if back else rx
            out.append(_Pattern(p["name"], lang, p["resolve"], p["anchor"], back, scan_rx, tuple(ex), _needs(rx)))
        patterns[lang] = tuple(out)

    by_anchor = {k: tuple(p for lg in ("en", "zh") for p in patterns[lg] if p.anchor == k) for k in _ANCHORS}
    b = raw["byline"]
    order = raw["numeric_order"]
    en_rel_words = sorted({p.split()[-1] for p in _raw_phrases(raw, "en")}, key=len, reverse=True)
    zh_rel_words = sorted(_raw_phrases(raw, "zh"), key=len, reverse=True)
    anchor_words: dict[str, str] = {}
    for kind, words in (
        ("zh_relative", [*zh_rel_words, *raw["zh_month_words"]]),
        ("zh_weekday", [str(w) for w in raw["zh_weekday_words"]]),
        ("zh_year", ["年"]),
        ("zh_month", ["月"]),
        ("zh_day", ["日"]),
        ("weekday", weekdays),
        ("month", [*months_full, *abbrevs]),
    ):
        anchor_words.update({w: kind for w in words})
    anchor = _dispatch_regex(anchor_words)
    return _Grammar(
        patterns=patterns,
        by_anchor=by_anchor,

        anchor=anchor,
        anchor_kinds=anchor_words,
        relative_words=tuple(sorted({*en_rel_words, *(str(w) for w in raw["relative_anchor_words"])})),
        months={k.lower(): v for k, v in {**months_full, **abbrevs}.items()},
        weekdays={w.lower(): i for i, w in enumerate(weekdays)},
        weekday_not_after=frozenset(raw.get("weekday_not_after") or ()),
        relative=relative,
        zh_year_words={str(k): int(v) for k, v in raw["zh_year_words"].items()},
        zh_story_year_words={str(k): int(v) for k, v in raw["zh_story_year_words"].items()},
        zh_story_day_words={str(k): int(v) for k, v in raw["zh_story_day_words"].items()},
        zh_digits={str(k): int(v) for k, v in raw["zh_digits"].items()},
        zh_weekdays={str(k): int(v) for k, v in raw["zh_weekdays"].items()},
        zh_month_words={str(k): int(v) for k, v in raw["zh_month_words"].items()},
        number_words={str(k).lower(): int(v) for k, v in raw["number_words"].items()},
        day_first=_word_regex(order["day_first_words"]),
        month_first=_word_regex(order["month_first_words"]),
        byline_keywords=_keyword_regex([str(k) for k in b["keywords"]]),
        byline_head=int(b["head_chars"]),
        byline_short=int(b["short_line_chars"]),
        byline_window=int(b["keyword_window"]),
        clock=re.compile(b["clock"]),
        byline_separators=tuple(str(x) for x in b["separators"]),
        dateline_before=_compile_or_fail(b["dateline"]["before"], "byline.dateline.before"),
        dateline_after=_compile_or_fail(b["dateline"]["after"], "byline.dateline.after"),
        signoff_tail=int(b["signoff"]["tail_chars"]),
        signoff_before=_compile_or_fail(b["signoff"]["line_before"], "byline.signoff.line_before"),
        signoff_after=_compile_or_fail(b["signoff"]["line_after"], "byline.signoff.line_after"),
        sentence_end=re.compile(raw["story_year"]["sentence_end"]),
        story_reach=int(raw["story_year"]["reach"]),
        range_gap=re.compile(r"\s*(?:" + _alternation([str(w) for w in raw["range_words"]]) + r")\s*"),
        raw=raw,
    )


# ------------------------------------------------------------------- resolving


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if not 1900 <= y <= 2099:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _zh_number(s: str, digits: dict[str, int]) -> int:
    """一 -> 1, 十二 -> 12, 二十一 -> 21, 二〇一九 -> 2019 (digit by digit)."""
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    n = 0
    for ch in s:
        n = n * 10 + digits.get(ch, 0)
    return n


def _num(g: _Grammar, s: str | None) -> int | None:
    if s is None:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    return _zh_number(s, g.zh_digits)


def _month_of(g: _Grammar, s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s and s[0] in g.zh_digits:
        return _zh_number(s, g.zh_digits)
    return g.months.get(s.rstrip(".").lower())


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + offset
    return k // 12, k % 12 + 1


def _year_for(pub: dt.date, month: int) -> int:
    """The year of the most recent ``month`` on or before ``pub`` (month precision)."""
    return pub.year - 1 if month > pub.month else pub.year


def _value(
    g: _Grammar,
    p: _Pattern,
    gd: dict[str, str | None],
    text: str,
    start: int,
    pub: dt.date | None,
    day_first: bool,
    year_hint: int | None = None,
) -> str | None:
    if "prep" in gd and not (gd.get("prep") or gd.get("mod") or gd.get("last")):
        return None  # a year or month alone needs a word before it
    if p.resolve == "absolute":
        year = _num(g, gd.get("year"))
        month = _month_of(g, gd["month"]) if gd.get("month") else None
        day = _num(g, gd.get("day"))
        return _iso(year, month, day) if year is not None else None
    if p.resolve == "numeric":
        a, b, year = int(gd["a"]), int(gd["b"]), int(gd["year"])
        if a > 12:
            day_first_here = True
        elif b > 12:
            day_first_here = False
        else:
            day_first_here = day_first
        return _iso(year, b, a) if day_first_here else _iso(year, a, b)
    if p.resolve == "year_of_published" and year_hint is not None and not gd.get("last"):
        month = _month_of(g, gd["month"])
        return _iso(year_hint, month, _num(g, gd.get("day"))) if month else None
    if gd.get("rel") in g.zh_story_year_words:
        return None  # 同年5月 with no date told before it
    if pub is None:
        return None
    if p.resolve == "year_of_published":
        month = _month_of(g, gd["month"])
        if month is None or not 1 <= month <= 12:
            return None
        day = _num(g, gd.get("day"))
        rel = gd.get("rel")
        if rel:
            year = pub.year + g.zh_year_words.get(rel, 0)
        elif gd.get("last"):
            year = pub.year - 1 if month >= pub.month else pub.year
        else:
            year = _year_for(pub, month)
        return _iso(year, month, day)
    if p.resolve == "day_of_published":
        day = int(gd["day"])
        year, month = (pub.year, pub.month) if day <= pub.day else _shift_month(pub.year, pub.month, -1)
        return _iso(year, month, day)
    if p.resolve == "weekday":
        if gd.get("zwd"):
            wd = g.zh_weekdays[gd["zwd"]]
            if gd.get("lastweek"):  # 上周五: Friday of the week before published's week
                return (pub - dt.timedelta(days=pub.weekday() + 7 - wd)).isoformat()
        else:
            before = text[max(0, start - 12):start].split()
            if before and before[-1] in g.weekday_not_after:
                return None
            wd = g.weekdays[gd["wd"].lower()]
        delta = (pub.weekday() - wd) % 7
        if gd.get("last") and delta == 0:
            delta = 7
        return (pub - dt.timedelta(days=delta)).isoformat()
    if p.resolve == "ago":
        n_text = (gd.get("n") or "").lower()
        n = int(n_text) if n_text.isdigit() else g.number_words.get(n_text)
        unit = (gd.get("unit") or "").rstrip("s")
        if n is None:
            return None
        if unit in ("day", "week"):
            return (pub - dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return f"{y:04d}-{mo:02d}"
        return _iso(pub.year - n)
    if p.resolve == "relative_month_day":
        y, mo = _shift_month(pub.year, pub.month, g.zh_month_words.get(gd.get("relm") or "", 0))
        return _iso(y, mo, _num(g, gd.get("day")))
    if p.resolve == "relative":
        rule = g.relative.get(" ".join((gd.get("_all") or "").lower().split()))
        if rule is None:
            return None
        if rule.unit == "day":
            d = pub + dt.timedelta(days=rule.offset)
        elif rule.unit == "month":
            y, mo = _shift_month(pub.year, pub.month, rule.offset)
            d = dt.date(y, mo, 1)
        else:
            d = dt.date(pub.year + rule.offset, 1, 1)
        return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[rule.precision]
    return None


#: what every English numeric date (a/b/yyyy) holds: a cheap test before its full pattern
_SLASH_DATE = re.compile(r"/\d{1,2}/(?:19|20)[0-9]{2}")
_day_first_memo: tuple[str, bool] | None = None


def _prefers_day_first(g: _Grammar, text: str) -> bool:
    """Read ambiguous numeric dates (02/11/2023) day-first in this document?

    A pure function of the text, asked up to three times per document (published date,
    its list-page check, the mentions): the last answer is kept."""
    global _day_first_memo
    memo = _day_first_memo
    if memo is not None and memo[0] is text:
        return memo[1]
    answer = _day_first_of(g, text)
    _day_first_memo = (text, answer)
    return answer


def _day_first_of(g: _Grammar, text: str) -> bool:
    if _SLASH_DATE.search(text):
        en_numeric = next(p for p in g.patterns["en"] if p.resolve == "numeric")
        for m in en_numeric.regex.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
    return len(g.day_first.findall(text)) > len(g.month_first.findall(text))


def _anchors(g: _Grammar, text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every anchor: the places where a date may be."""
    hits: list[tuple[int, int, str]] = []
    for a in g.anchor.finditer(text):
        word = a.group(0)
        kind = "year" if word[0] in "12" and word.isdigit() else g.anchor_kinds.get(word)
        if kind is not None:
            hits.append((a.start(), a.end(), kind))
    for w in g.relative_words:  # lower-case words: str.find is faster than a regex class
        i = text.find(w)
        while i >= 0:
            hits.append((i, i + len(w), "relative"))
            i = text.find(w, i + 1)
    return hits


Told = tuple[int, int, str]  # (start, end, value) of an absolute date told in the text


def _near(told: list[Told], starts: list[int], lo: int, hi: int) -> list[Told]:
    """The told dates starting in [lo, hi] (``starts`` = their starts, sorted)."""
    return told[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]


def _range_year(g: _Grammar, text: str, span: tuple[int, int], told: list[Told], starts: list[int]) -> int | None:
    """The year of an absolute date joined to ``span`` by a range word (至, to, -)."""
    s, e = span
    for ts, te, value in _near(told, starts, s - 80, e + 12):
        if 0 <= s - te <= 12 and g.range_gap.fullmatch(text, te, s):
            return int(value[:4])
        if 0 <= ts - e <= 12 and g.range_gap.fullmatch(text, e, ts):
            return int(value[:4])
    return None


def _year_hint(
    g: _Grammar,
    text: str,
    span: tuple[int, int],
    told: list[Told],
    starts: list[int],
    rel: str | None,
    month: int | None,
    day: int | None,
) -> int | None:
    """The year a yearless date takes from the absolute dates told around it, if any.

    同年/次年 count from the last date told before. Otherwise a range partner
    ("5月30日至6月2日") gives its year, and so does a date told earlier in the same
    sentence ("2020年8月起诉,被告于9月反诉"); a month before that date's month means
    the next year ("2020年12月起诉,3月开庭"). ``told`` is in text order and
    ``starts`` holds their starts.
    """
    i = bisect.bisect_right(starts, span[0]) - 1
    while i >= 0 and told[i][1] > span[0]:
        i -= 1
    last_before = told[i] if i >= 0 else None
    if rel in g.zh_story_year_words:
        return int(last_before[2][:4]) + g.zh_story_year_words[rel] if last_before else None
    if rel:
        return None
    year = _range_year(g, text, span, told, starts)
    if year is not None or last_before is None or month is None:
        return year
    ts, te, value = last_before
    if span[0] - te > g.story_reach or g.sentence_end.search(text, te, span[0]):
        return None
    year = int(value[:4])
    if len(value) >= 7 and (month, day or 1) < (int(value[5:7]), int(value[8:10]) if len(value) == 10 else 1):
        year += 1
    return year


def _document_year(
    text: str, told: list[Told], starts: list[int], span: tuple[int, int], month: int | None, day: int | None
) -> int | None:
    """With no published date, the year a yearless date most likely has.

    After an absolute date in the same paragraph, the story goes on from it: its
    year (the next one if the month comes earlier). Otherwise the document speaks
    of its present, which is no earlier than its latest absolute date L: L's year,
    or the next one if the month comes before L's month."""
    if month is None or not told:
        return None
    md = (month, day or 1)

    def key(value: str) -> tuple[int, int, int]:
        return (int(value[:4]), int(value[5:7]) if len(value) >= 7 else 0, int(value[8:10]) if len(value) == 10 else 0)

    i = bisect.bisect_right(starts, span[0]) - 1
    while i >= 0 and told[i][1] > span[0]:
        i -= 1
    if i >= 0 and "\n" not in text[told[i][1]:span[0]]:
        y, m, d = key(told[i][2])
    else:
        y, m, d = max(key(t[2]) for t in told)
    if not m:
        return y
    earlier = month < m if day is None else md < (m, d or 1)  # a month alone: compare months only
    return y + 1 if earlier else y


def _story_day(g: _Grammar, told: list[Told], starts: list[int], span: tuple[int, int], word: str) -> str | None:
    """同日/次日: the last full date told before ``span``, plus the word's offset."""
    i = bisect.bisect_right(starts, span[0]) - 1
    while i >= 0 and (told[i][1] > span[0] or len(told[i][2]) != 10):
        i -= 1
    if i < 0 or word not in g.zh_story_day_words:
        return None
    day = dt.date.fromisoformat(told[i][2]) + dt.timedelta(days=g.zh_story_day_words[word])
    return day.isoformat()


def _scan(text: str, lang: str, published: str | None, day_first: bool | None = None) -> list[DateMention]:
    """Date mentions of ``text``; ``day_first`` fixes the order of 02/11/2023
    (by default the text itself decides)."""
    g = _grammar()
    # full-width digits (２０１９年) are read as ASCII; translation keeps offsets
    src = text.translate(_FULLWIDTH) if not text.isascii() and any(c in text for c in _FULLWIDTH_DIGITS) else text
    if published is None and "年" not in src and _YEAR_DIGITS.search(src) is None:
        # without a published date every value comes from an absolute date, and each of
        # those forms holds a year (19xx/20xx) or 年: none here, so no date at all
        return []
    pub = _parse_published(published)
    seen: dict[tuple[str, int, int], tuple[_Pattern, re.Match[str]]] = {}
    n = len(src)
    # every written form is tried whatever the document's language: English pages
    # quote Chinese dates and the other way round; anchors keep this cheap
    for start, end, kind in _anchors(g, src):
        for p in g.by_anchor[kind]:
            if p.back == 0:
                m = p.regex.match(src, start)
                if m:
                    seen[(p.name, m.start(), m.end())] = (p, m)
                continue
            lo, hi = max(0, start - p.back), min(n, end + _FORWARD)
            if p.needs and src.find(p.needs, lo, hi) < 0:
                continue  # cannot match in this window
            for m in p.regex.finditer(src, lo, hi):
                if m.start() <= start < m.end() or m.start() < end <= m.end():  # holds the anchor
                    seen[(p.name, m.start(), m.end())] = (p, m)
    matches = list(seen.values())
    # absolute dates first: a date without a year next to one with it ("5月30日至
    # 6月2日", "May 30 to June 2, 2019") takes that year, with or without published
    matches.sort(key=lambda pm: (pm[0].resolve not in ("absolute", "numeric"), pm[1].start()))
    found: dict[tuple[int, int], tuple[str, bool]] = {}
    told: list[Told] = []  # absolute dates, in text order
    told_starts: list[int] = []
    for p, m in matches:
        gd = m.groupdict()
        gd["_all"] = m.group(0)
        if p.resolve == "numeric" and day_first is None:
            day_first = _prefers_day_first(g, src)
        span = m.span("span") if gd.get("span") is not None else m.span()
        hint = None
        inferred = False
        if p.resolve == "year_of_published" and told:
            month = _month_of(g, gd["month"]) if gd.get("month") else None
            day = _num(g, gd.get("day"))
            hint = _year_hint(g, src, span, told, told_starts, gd.get("rel"), month, day)
            if hint is None and pub is None and not (gd.get("rel") or gd.get("last")):
                # no published date: the year the document is telling about
                hint = _document_year(src, told, told_starts, span, month, day)
                inferred = hint is not None
        if p.resolve == "story_day":
            value = _story_day(g, told, told_starts, span, gd.get("storyday") or "")
            if value is not None and span not in found:
                found[span] = (value, False)
            continue
        value = _value(g, p, gd, src, m.start(), pub, bool(day_first), hint)
        if value is None:
            continue
        if span not in found:
            found[span] = (value, p.resolve not in ("absolute", "numeric") and (hint is None or inferred))
            if p.resolve in ("absolute", "numeric"):
                told.append((span[0], span[1], value))
                told_starts.append(span[0])
    # longest first; drop overlaps
    ordered = sorted(found.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0]))
    taken = bytearray(n)
    out: list[DateMention] = []
    for (s, e), (value, relative) in ordered:
        if taken.find(1, s, e) >= 0:
            continue
        taken[s:e] = b"\x01" * (e - s)
        out.append(DateMention(start=s, end=e, text=text[s:e], value=value, relative=relative))
    out.sort(key=lambda d: d.start)
    return out


def extract(ctx: Any) -> list[DateMention]:
    """Date mentions of the document, in text order."""
    return _scan(ctx.text, ctx.lang, ctx.published)


def parse(text: str, lang: str = "en", published: str | None = None) -> list[str]:
    """The date values written in ``text`` (a convenience for callers and tests)."""
    return [d.value for d in _scan(text, lang, published)]


# -------------------------------------------------------------- find_published


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def _byline_strength(g: _Grammar, text: str, d: DateMention) -> int:
    """2 = a labelled byline (keyword, clock or reading time next to it), 1 = a date
    standing (almost) alone on its line, 0 = a date inside prose."""
    ls, le = _line_bounds(text, d.start, d.end)
    before = text[ls:d.start]
    after = text[d.end:le]
    near_before = before[-g.byline_window:]
    near_after = after[: g.byline_window]
    clock = g.clock.match(after.strip())
    if clock or g.byline_keywords.search(near_before) or g.byline_keywords.search(near_after):
        if len(before.strip()) <= 2 * g.byline_short:
            return 2
    if not g.clock.sub("", after).strip() and before.rstrip().endswith(g.byline_separators):
        return 2  # "Acme sues Beta | Jan 16, 2024": a date closing a title line
    if g.dateline_before.search(before) and g.dateline_after.match(after):
        return 2  # a wire dateline: "SEATTLE, June 19, 2024 -- Acme today announced"
    rest = g.clock.sub("", before + " " + after)
    rest = re.sub(r"[\s|•·:：,，/\-–—]+", "", rest)
    return 1 if len(rest) <= g.byline_short else 0


def _label(g: _Grammar, text: str, d: DateMention) -> str:
    """What stands before a date on its line, folded ("| ", "Posted on", "发布时间:")."""
    ls = text.rfind("\n", 0, d.start) + 1
    return _LABEL_JUNK.sub("", g.clock.sub("", text[ls:d.start])).lower()


_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d")
_LABEL_JUNK = re.compile(r"[\s|•·:：,，/\-–—]+")


def find_published(text: str, lang: str) -> str | None:
    """The document's own date (``YYYY-MM-DD``) from its head, or None.

    Candidates are full dates in the head that look like a byline: labelled
    ("发布时间:2020-07-02 14:25", "Apr 18, 2024 4 mins", "date 2016-02-10") or
    standing (almost) alone on their line; a labelled one wins, then the earliest.
    A list page gives None: another line of the document shows a different date
    with the same label as the candidate ("| August 22, 2012" ... "| August 20,
    2012"). Month-only or year-only dates are never a published date.
    """
    if not text:
        return None
    g = _grammar()
    try:
        head_text = text[: g.byline_head + g.byline_short]
        day_first = _prefers_day_first(g, text) if _NUMERIC_DATE.search(head_text) else None
        head = [d for d in _scan(head_text, lang, None, day_first) if len(d.value) == 10 and d.start < g.byline_head]
        ranked = [(st, d) for d in head if (st := _byline_strength(g, text, d)) >= 1]
        if not ranked:
            return _signoff_date(g, text, lang)
        best = max(ranked, key=lambda t: t[0])[1]  # labelled first, then the earliest
        label = _label(g, text, best)
        if any(v != best.value and lab == label for v, lab in _line_dates(g, text, lang, best.start)):
            return None
        return best.value
    except Exception:  # never let a heuristic break extraction
        return None


_YEAR_DIGITS = re.compile(r"(?:19|20)[0-9]{2}")


_MAY_HOLD_DATE = re.compile(r"[0-9０-９〇年]")


def _signoff_date(g: _Grammar, text: str, lang: str) -> str | None:
    """The date of a closing sign-off: a full date alone on one of the last lines, under
    the signing body ("…董事会", "…人民法院") or above the clerk's line ("书记员").

    Announcements and judgments carry their date there rather than in a byline.
    """
    tail_start = max(0, len(text) - g.signoff_tail)
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text[tail_start:])]
    lines = [(tail_start + s, ln) for s, ln in lines if ln.strip()]
    for i in range(len(lines) - 1, max(-1, len(lines) - 9), -1):
        start, line = lines[i]
        if not _MAY_HOLD_DATE.search(line):
            continue
        dates = [d for d in _scan(line, lang, None, None) if len(d.value) == 10]
        if len(dates) != 1 or _byline_strength(g, line, dates[0]) < 1:
            continue
        before = lines[i - 1][1].strip() if i else ""
        after = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
        if g.signoff_before.search(before) or g.signoff_after.match(after):
            return dates[0].value
        return None  # the last standing date is not a sign-off: no guessing further up
    return None


def _line_dates(g: _Grammar, text: str, lang: str, skip: int) -> list[tuple[str, str]]:
    """(date, label) of the dates standing as bylines on short lines of the whole
    document (one per line), leaving out the line holding offset ``skip``."""
    out: list[tuple[str, str]] = []
    max_len = 2 * g.byline_short
    done: set[int] = {text.rfind("\n", 0, skip) + 1}
    day_first: bool | None = None
    for y in _YEAR_DIGITS.finditer(text):  # a full date has a 4-digit year: look only there
        ls = text.rfind("\n", 0, y.start()) + 1
        if ls in done:
            continue
        done.add(ls)
        le = text.find("\n", y.end())
        le = len(text) if le < 0 else le
        if le - ls > max_len:
            continue
        line = text[ls:le]
        if day_first is None and ("/" in line or "." in line):
            day_first = _prefers_day_first(g, text)  # the document decides, not the line
        for d in _scan(line, lang, None, day_first):
            if len(d.value) == 10 and _byline_strength(g, line, d) >= 1:
                out.append((d.value, _label(g, line, d)))
                break
    return out
