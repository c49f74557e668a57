"""Case numbers (docket numbers) and the forum a number implies.

``extract(ctx) -> list[CaseNumberMention]``; ``number`` is the number as written with
brackets and spacing normalised ("（2022）最高法知民终 1165 号" -> "(2022)最高法知民终1165号").

Recognised, each by one precompiled pattern:

* Chinese court case numbers ``(2020)最高法知民终210号``, ``(2021)粤03民初5020号``; the
  court code implies a forum for the SPC and the IP courts (``data/case_numbers.yaml``:
  最高法 -> cn-spc, 京73 -> cn-bjipc, 沪73 -> cn-shipc, 粤73 -> cn-gzipc, 琼73 -> cn-hnipc);
* CNIPA invalidation decision numbers (第55640号 next to 无效宣告请求审查决定,
  "Invalidation Decision No. 55640") -> cnipa;
* US district dockets (``2:24-cv-00123``, "C.A. No. 21-1365-GBW"; no forum: the district
  is not in the number);
* PTAB trials ``IPR2013-00001`` / PGR / CBM and ex parte appeals "Appeal 2019-004512"
  -> ptab; ITC ``337-TA-1276`` -> usitc;
* Federal Circuit appeals "No. 2022-1234" -> cafc (only after "No."/"Nos.");
* German dockets ``21 O 3009/25`` (Ni -> de-bpatg, ZR -> Federal Court of Justice);
* UPC ``UPC_CFI_123/2023`` -> upc; EPO board decisions ``T 1063/18`` -> epo.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any, Callable

from patlit.errors import DataFileError
from patlit.extract.context import Context
from patlit.extract.rx_prefix import with_first_chars
from patlit.data import load_yaml
from patlit.model import CaseNumberMention

_DATA = "data/case_numbers.yaml"
_CN_PROVINCES = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新兵港澳"

_CN_CASE = re.compile(
    r"[(（〔\[［]\s*((?:19|20)\d{2})\s*[)）〕\]］]\s*"
    r"(最高法|[" + _CN_PROVINCES + r"]\s*\d{0,4})\s*"
    r"([\u4e00-\u9fff]{1,6}?)\s*(\d{1,6})\s*号(之[一二三四五六七八九十\d]+)?"
)
_CNIPA_AFTER = re.compile(
    r"(?:无效宣告请求审查决定书?|無效宣告請求審查決定書?|复审请求审查决定书?|復審請求審查決定書?)[》」”\"]?\s*[(（]?\s*(第\s*(\d{3,6})\s*号)"
)
_CNIPA_BEFORE = re.compile(
    r"(第\s*(\d{3,6})\s*号)\s*[《「“\"]?(?:无效宣告请求审查决定|無效宣告請求審查決定|复审请求审查决定|復審請求審查決定)"
)
_US_DOCKET = re.compile(r"\b(\d{1,2}:\d{2}-[a-z]{2,3}-\d{3,6}(?:-[A-Z]{2,5})*)\b")
_US_LABEL = re.compile(r"(?:(?:Civil\s+Action|Case|Docket)\s+)?(?:No\.|Number|#)\s*$")
_CNIPA_EN = re.compile(r"\b(?:[Ii]nvalidation|[Rr]e-?examination)\s+[Dd]ecision\s+(No\.\s*(\d{3,6}))\b")
_US_CA = re.compile(r"\b(?:C\.A\.|Civil\s+Action|Case)\s+No\.\s*(\d{1,2}-\d{2,5}(?:-[A-Z]{2,5})+|\d{2}-cv-\d{2,5}(?:-[A-Z]{2,5})*)\b")
_PTAB_APPEAL = re.compile(r"\bAppeal\s+(?:No\.\s*)?((?:19|20)\d{2}-\d{6})\b")
_PTAB = re.compile(r"\b(IPR|PGR|CBM|DER)\s?(\d{4})\s?-\s?(\d{5,6})\b")
_ITC = re.compile(r"(?:\bInv(?:estigation|\.)?\s+No\.?\s*)?\b(337-TA-\d{3,4})\b")
_CAFC = re.compile(r"\b(?:Appeal\s+)?Nos?\.\s*((?:19|20)\d{2}-\d{4})\b(?![-/\d])")
_DE_DOCKET = re.compile(r"(?<![\w/])((?:\d{1,2}[a-z]?|[IVX]{1,4})\s(O|U|Ni|W|ZR|ZB)\s\d{1,5}/\d{2})\b")
_UPC = re.compile(r"\b((?:UPC_)?(?:CFI|CoA)_\d{1,6}/\d{4})\b|\b((?:ACT|App|ORD|APL)_\d{1,7}/\d{4})\b")
_EPO = re.compile(r"\b([TGJR]\s?\d{1,4}/\d{2})\b(?!/)")
_SPACES = re.compile(r"\s+")


@cache
def tables() -> dict[str, Any]:
    data = load_yaml("case_numbers.yaml")
    if not isinstance(data, dict):
        raise DataFileError(f"{_DATA}: expected a mapping")
    for key in ("cn_courts", "de_registers"):
        table = data.get(key)
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise DataFileError(f"{_DATA}: '{key}' must map strings to forum codes")
    for ex in data.get("examples") or []:
        if not (isinstance(ex, list) and len(ex) == 3 and isinstance(ex[0], str) and isinstance(ex[1], str)):
            raise DataFileError(f"{_DATA}: example {ex!r} must be [text, number, forum or null]")
    return data


def examples() -> list[tuple[str, str, str | None]]:
    return [tuple(ex) for ex in tables().get("examples") or []]


def _cn(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    year, court, kind, num, tail = m.groups()
    court = _SPACES.sub("", court)
    number = f"({year}){court}{kind}{num}号{tail or ''}"
    return m.start(), m.end(), number, tables()["cn_courts"].get(court)


def _cnipa(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    return m.start(1), m.end(1), f"第{m.group(2)}号", "cnipa"


def _group(group: int, forum: str | None, whole: bool = True) -> Callable[[re.Match[str]], tuple[int, int, str, str | None]]:
    def make(m: re.Match[str]) -> tuple[int, int, str, str | None]:
        start = m.start() if whole else m.start(group)
        return start, m.end(group), _SPACES.sub(" ", m.group(group)), forum

    return make


def _ptab(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    return m.start(), m.end(), f"{m.group(1)}{m.group(2)}-{m.group(3)}", "ptab"


def _de(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    return m.start(1), m.end(1), _SPACES.sub(" ", m.group(1)), tables()["de_registers"].get(m.group(2))


def _upc(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    g = 1 if m.group(1) else 2
    return m.start(g), m.end(g), m.group(g), "upc"


def _us(m: re.Match[str]) -> tuple[int, int, str, str | None]:
    label = _US_LABEL.search(m.string, max(0, m.start() - 40), m.start())
    return (label.start() if label else m.start()), m.end(), m.group(1), None


def _digit_slash_digits(text: str) -> bool:
    """Is there a "/" with a digit before it and two after it ("T 1063/18", "21 O 3009/25")?
    Most slashes of a page are in links and dates: looking at each is cheaper than a regex."""
    i = text.find("/")
    while i >= 0:
        if i and text[i - 1].isdigit() and text[i + 1 : i + 3].isdigit() and len(text[i + 1 : i + 3]) == 2:
            return True
        i = text.find("/", i + 1)
    return False


_Builder = Callable[[re.Match[str]], tuple[int, int, str, str | None]]
#: (gate, pattern, builder): a pattern runs only when its gate passes. A gate is a tuple of
#: groups of literals, each of which needs one of its literals in the text, or tests of the
#: text that must say yes. Single characters the pattern cannot match without come first
#: ("/", "-", "号"): they are found much faster than longer strings, and most documents
#: fail on them.
_Gate = tuple[tuple[str, ...] | Callable[[str], bool], ...]
_PATTERNS: tuple[tuple[_Gate, re.Pattern[str], _Builder], ...] = (
    ((("号",),), _CN_CASE, _cn),
    ((("号",), ("决定", "決定")), _CNIPA_AFTER, _cnipa),
    ((("号",), ("决定", "決定")), _CNIPA_BEFORE, _cnipa),
    (((":",), ("-",), ("-cv-", "-cr-", "-mc-", "-md-")), _US_DOCKET, _us),
    ((("No.",), ("ecision",)), _CNIPA_EN, _group(1, "cnipa", whole=False)),
    ((("-",), ("No.",)), _US_CA, _group(1, None)),
    ((("-",), ("Appeal",)), _PTAB_APPEAL, _group(1, "ptab")),
    ((("-",), ("IPR", "PGR", "CBM", "DER")), _PTAB, _ptab),
    ((("-",), ("337-TA",)), _ITC, _group(1, "usitc")),
    ((("-",), ("No.", "Nos.")), _CAFC, _group(1, "cafc")),
    ((("/",), _digit_slash_digits, (" O ", " U ", " Ni ", " W ", " ZR ", " ZB ")), _DE_DOCKET, _de),
    ((("_",), ("/",), _digit_slash_digits), _UPC, _upc),
    ((("/",), _digit_slash_digits), _EPO, _group(1, "epo", whole=False)),
)
# the same patterns with a look-ahead on their first characters where the engine cannot scan for them
_PATTERNS = tuple((gate, with_first_chars(rx), build) for gate, rx, build in _PATTERNS)


def _gate_open(gate: _Gate, text: str, present: dict[Any, bool]) -> bool:
    """Every group of ``gate`` has a literal in ``text`` and every test of it says yes
    (``present`` memoises the answers)."""
    for group in gate:
        if callable(group):
            hit = present.get(group)
            if hit is None:
                hit = present[group] = group(text)
            if not hit:
                return False
            continue
        for lit in group:
            hit = present.get(lit)
            if hit is None:
                hit = present[lit] = lit in text
            if hit:
                break
        else:
            return False
    return True


def extract(ctx: Context) -> list[CaseNumberMention]:
    """Case numbers of the document in text order, none overlapping another."""
    text = ctx.text
    found: list[tuple[int, int, str, str | None]] = []
    present: dict[Any, bool] = {}
    for gate, pattern, build in _PATTERNS:
        if not _gate_open(gate, text, present):
            continue
        for m in pattern.finditer(text):
            found.append(build(m))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, str, str | None]] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    kept.sort()
    return [CaseNumberMention(start=s, end=e, text=text[s:e], number=n, forum=fo) for s, e, n, fo in kept]
