"""Money mentions, English and Chinese, with the litigation role of each amount.

``extract(ctx)`` finds every sum of money ("$847M", "RMB 1.23 million",
"161 million Chinese yuan", "two million dollars", "8050 万元", "人民币75万元",
"壹佰万元", "2.79億美元", "20個億"),
computes its value in whole units and its ISO 4217 currency, marks bracketed
conversions of the amount before ("RMB 50 million ($7.5 million)") and asks
:mod:`.money_roles` for its role (``None`` when it is not a litigation amount).

Currency-less numbers are taken only where a money cue stands right next to them
("reasonable costs of 1 million" after RMB sums; "索赔 8050 万"): in English they
take the currency of the nearest amount before them in the document, in Chinese
the currency of the nearest amount before them in the sentence, else CNY.

The patterns are compiled from ``data/money.yaml`` on first use; Chinese numerals
("一百二十三万") are converted by cn2an, imported only when one is met.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import chain

from patlit.extract import money_roles
from patlit.extract.context import Context
from patlit.extract.money_data import MoneyLexicon, lexicon
from patlit.model import MoneyMention

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# traditional / variant numeral characters -> the forms cn2an reads
_ZH_NUMERAL_FORMS = str.maketrans({"萬": "万", "億": "亿", "兩": "两", "貳": "贰", "參": "叁", "陸": "陆", "〇": "零"})
_ZH_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_ZH_DIGIT_CHARS = set("零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾")
_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ZH_NUM = r"[0-9０-９]{1,3}(?:,[0-9]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
_SPACE = r"[ \u00a0\u3000]?"
_SCALE_SEPARATORS = " -\u00a0\u3000"
_SPACES = frozenset(" \u00a0\u3000")
_RANGE_NEXT = re.compile(r"[ \u00a0]*(?:[-–~]|to\b)[ \u00a0]*[$€£¥]?\d")
#: a currency-less Chinese number is money only at this scale (8050 万, 1.5亿), not 三十 or 5千
_BIG_SCALES = frozenset("万萬亿億")
#: currency suffixes that only say "money unit": a currency named before the number wins
_GENERIC_YUAN = frozenset({"元", "块"})
_CLOSING_BRACKET = re.compile(r"[ \u00a0\u3000]*[)）\]]")
#: how far (in characters) a conversion may stand from the amount it restates
_CONVERSION_GAP = 40


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: float
    currency: str | None  # None: a bare number, currency inherited later
    lang: str  # which grammar found it
    bare: bool = False


def _alt(items) -> str:
    """A regex alternation of literal strings, longest first."""
    return "|".join(re.escape(s) for s in sorted(set(items), key=len, reverse=True))


def _first_chars(items) -> str:
    """A regex class body of the first characters of literal strings."""
    return "".join(re.escape(c) for c in sorted({s[0] for s in items if s}))


@dataclass(frozen=True)
class _Grammar:
    """Patterns anchored on numbers: a cheap scan for digits/numerals, then the
    currency before the number (searched backwards, ending at it) and the scale
    and currency after it (matched forwards)."""

    en_prefix: _Prefixes  # symbols and codes written before a number
    en_number: re.Pattern  # a number with the scale and currency after it
    zh_prefix: _Prefixes  # 人民币, 美元 ... and the Latin symbols and codes
    zh_arabic: re.Pattern  # Arabic digits with the Chinese scale and currency after them
    zh_numeral: re.Pattern  # Chinese numerals with the currency after them
    symbol_currency: dict[str, str]
    code_currency: dict[str, str]
    word_currency: dict[str, str]  # lower-cased English words
    zh_currency: dict[str, str]
    scale_en: dict[str, float]  # exact word -> value; lower-cased for the spaced words
    bare_scales: frozenset[str]
    scale_zh: dict[str, int]
    context_symbols: dict[str, tuple[str, str, tuple[str, ...]]]  # symbol -> (default, in China, markers)
    conversion: re.Pattern
    conversion_or: re.Pattern
    spelled: re.Pattern  # "two hundred fifty million yuan"
    number_words: dict[str, float]
    hundred: str


_EN_ANCHOR = r"(?P<num>\d(?:[\d,]*\d)?(?:\.\d+)*)"
#: "EUR 5.000.000": dots grouping thousands (two groups at least, else a decimal point)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
#: words before a number that make it an identifier, not a sum ("No. 8,218,566")
_NUMBER_LABEL = re.compile(r"(?:\bNos?\.?|#|\bnumbers?|\bNr\.?)\s*$", re.IGNORECASE)
_EN_NUM_FULL = re.compile(_EN_NUM)
_ZH_SCALE_NUMERALS = "十百千万萬亿億拾佰仟"
_ZH_ANCHOR_ARABIC = r"(?P<anum>[0-9０-９](?:[0-9０-９,.．]*[0-9０-９])?)"
# Chinese numerals are only read with a scale in them (一百二十三万, 壹佰万): "一个" is no sum.
# Both anchors start with a character class, which lets the regex engine skip ahead fast.
_ZH_ANCHOR_NUMERAL = (
    rf"(?P<cnum>[{_ZH_NUMERAL_CHARS}](?:(?<=[{_ZH_SCALE_NUMERALS}])[{_ZH_NUMERAL_CHARS}]*"
    rf"|[{_ZH_NUMERAL_CHARS}]*?[{_ZH_SCALE_NUMERALS}][{_ZH_NUMERAL_CHARS}]*))"
)
_ZH_NUM_FULL = re.compile(_ZH_NUM)
#: longest currency prefix looked for before a number (characters)
_PREFIX_SPACES = 2


class _Prefixes:
    """Currency marks written right before a number, looked up by the text that ends there."""

    def __init__(self, marks):
        self.marks = frozenset(marks)
        self.lengths = sorted({len(m) for m in self.marks}, reverse=True)
        self.last = frozenset(m[-1] for m in self.marks)

    def at(self, text: str, p: int) -> tuple[int, str] | None:
        """(start, mark) of the mark before offset ``p`` (up to two spaces between), if any."""
        j = p
        while j > 0 and p - j < _PREFIX_SPACES and text[j - 1] in _SPACES:
            j -= 1
        if j == 0 or text[j - 1] not in self.last:
            return None
        for n in self.lengths:
            mark = text[j - n : j] if j >= n else ""
            if mark in self.marks:
                before = text[j - n - 1] if j > n else ""
                if mark[0].isalpha() and before.isascii() and before.isalpha():
                    continue  # letters before a code: part of a word ("xRMB")
                return j - n, mark
        return None


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lex: MoneyLexicon = lexicon()
    symbol_currency: dict[str, str] = {}
    code_currency: dict[str, str] = {}
    word_currency: dict[str, str] = {}
    zh_currency: dict[str, str] = {}
    zh_prefix: list[str] = []
    for cur in lex.currencies:
        for sym in cur.symbols:
            symbol_currency.setdefault(sym, cur.code)
        for c in cur.codes:
            code_currency[c] = cur.code
        for w in cur.words_en:
            word_currency[w.lower()] = cur.code
        for w in (*cur.words_zh, *cur.prefix_zh):
            zh_currency.setdefault(w, cur.code)
        zh_prefix += cur.prefix_zh
    context_symbols = {c.symbol: (c.default, c.chinese_context, c.china_markers) for c in lex.context_symbols}
    for sym, (default, _, _) in context_symbols.items():
        symbol_currency[sym] = default
    # Latin symbols and codes also stand before Chinese-scaled numbers ("US$5000万", "RMB 1.5亿元")
    latin = {**code_currency, **symbol_currency, **{sym: cn for sym, (_, cn, _) in context_symbols.items()}}
    for written, code in latin.items():
        zh_currency.setdefault(written, code)
        zh_prefix.append(written)

    attached = [sc.word for sc in lex.scales_en if sc.attached]
    spaced = [sc.word for sc in lex.scales_en if not sc.attached]
    scale_en = {sc.word: sc.value for sc in lex.scales_en if sc.attached}
    scale_en.update({sc.word.lower(): sc.value for sc in lex.scales_en if not sc.attached})
    codes_alt = _alt(code_currency)
    # the look-aheads on the first characters of the scale words and of the currencies let
    # the plain numbers (most of them) skip the long case-insensitive alternations at once;
    # they are case-insensitive too, so they let through every match of the words after them
    scale_first = _first_chars(spaced)
    currency_first = _first_chars([*code_currency, *word_currency])
    en_number = re.compile(
        rf"{_EN_ANCHOR}(?P<scale>(?:{_alt(attached)})(?![A-Za-z])"
        rf"|(?=(?:{_SPACE}|-)(?i:[{scale_first}]))(?:{_SPACE}|-)(?i:{_alt(spaced)})(?![A-Za-z]))?"
        rf"(?:(?={_SPACE}(?i:[{currency_first}])){_SPACE}"
        rf"(?:(?P<code>{codes_alt})(?![A-Za-z])|(?i:(?P<word>{_alt(word_currency)}))(?![A-Za-z])))?"
    )
    scale_chars = "".join(lex.scales_zh)
    approx = "".join(lex.approx_zh)
    zh_cur = _alt(w for cur in lex.currencies for w in cur.words_zh)
    # an Arabic number is read in Chinese only with a scale or currency after it
    zh_first = re.escape("".join(sorted({w[0] for cur in lex.currencies for w in cur.words_zh})))
    zh_arabic = re.compile(
        rf"{_ZH_ANCHOR_ARABIC}(?=[ \u00a0\u3000]?[{approx}{scale_chars}{zh_first}个個])"
        # "20個億": a colloquial measure word before the scale
        rf"{_SPACE}[{approx}]?{_SPACE}(?:[个個](?=[{scale_chars}]))?(?P<scale>[{scale_chars}]+)?(?:(?P<num2>[0-9]+)(?P<scale2>[{scale_chars}]+))?"
        rf"[{approx}]?{_SPACE}(?P<cur>{zh_cur})?"
    )
    zh_numeral = re.compile(
        rf"{_ZH_ANCHOR_NUMERAL}(?:[{approx}](?P<cscale>[{scale_chars}]+))?[{approx}]?{_SPACE}(?P<ccur>{zh_cur})?"
    )
    # inside the bracket: "about", 约合 ... and currency names ("(折合人民币约20亿元)")
    words = _alt([*lex.conversion_words, *(p for cur in lex.currencies for p in cur.prefix_zh), *code_currency])
    conversion = re.compile(rf"\s*[(（\[]\s*(?:(?:{words})\s*)*$", re.IGNORECASE)
    conversion_or = re.compile(rf"\s*,\s*or\s+(?:(?:{words})\s*)*$", re.IGNORECASE)
    number_word = _alt([*lex.number_words_en, lex.hundred_en])
    spelled_scales = _alt(sc.word for sc in lex.scales_en if sc.bare)
    spelled = re.compile(
        rf"\b(?P<words>(?:{number_word})(?:[- ](?:{number_word}|and))*)\s+(?P<scale>{spelled_scales})\s+"
        rf"(?P<word>{_alt(word_currency)})\b",
        re.IGNORECASE,
    )
    return _Grammar(
        spelled=spelled,
        number_words=dict(lex.number_words_en),
        hundred=lex.hundred_en,
        en_prefix=_Prefixes([*symbol_currency, *code_currency]),
        en_number=en_number,
        zh_prefix=_Prefixes(zh_prefix),
        zh_arabic=zh_arabic,
        zh_numeral=zh_numeral,
        symbol_currency=symbol_currency,
        code_currency=code_currency,
        word_currency=word_currency,
        zh_currency=zh_currency,
        scale_en=scale_en,
        bare_scales=frozenset(sc.word.lower() for sc in lex.scales_en if sc.bare),
        scale_zh=dict(lex.scales_zh),
        context_symbols=context_symbols,
        conversion=conversion,
        conversion_or=conversion_or,
    )


# --------------------------------------------------------------------------- numbers


def _decimal(num: str) -> Decimal | None:
    try:
        if not num.isascii():
            num = num.translate(_FULLWIDTH)
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


def _whole(value: Decimal) -> float:
    return float(round(value, 2))


def _zh_scale(chars: str, table: dict[str, int]) -> int:
    out = 1
    for ch in chars:
        out *= table[ch]
    return out


_cn2an = None


def _chinese_numeral(text: str) -> Decimal | None:
    """Value of a Chinese numeral such as 一百二十三万 or 壹佰万 (cn2an, imported on first use)."""
    global _cn2an
    if _cn2an is None:
        import cn2an as module  # heavy import: only for documents that need it

        _cn2an = module
    try:
        return Decimal(str(_cn2an.cn2an(text.translate(_ZH_NUMERAL_FORMS), "normal")))
    except (ValueError, KeyError, IndexError, TypeError, InvalidOperation, AttributeError):
        return None


# --------------------------------------------------------------------------- finding


def _en_candidates(text: str, g: _Grammar, chinese_context: Callable[[], bool]) -> list[_Candidate]:
    out = []
    for a in g.en_number.finditer(text):
        num, scale, code, word = a.group("num", "scale", "code", "word")
        p = a.start()
        before = text[p - 1] if p else ""
        suffixed = bool(scale or code or word) or "," in num
        if not suffixed and before not in g.en_prefix.last and before not in _SPACES:
            continue  # a plain number: a year, a count, part of an identifier
        if before in (".", ","):
            continue  # the tail of a longer number
        pre = g.en_prefix.at(text, p) if before else None
        if pre is None and not suffixed:
            continue
        q = a.end("num")
        if not scale and _RANGE_NEXT.match(text, q):
            continue  # "SEK 6-7 billion": a range of estimates, not one sum
        if _DOTTED_THOUSANDS.fullmatch(num):
            num = num.replace(".", "")
        elif not _EN_NUM_FULL.fullmatch(num):
            continue
        end = a.end("scale") if scale else q
        if pre is not None:  # "$847M", "RMB 1.23 million"
            start, mark = pre
            currency = g.symbol_currency.get(mark) or g.code_currency[mark]
            if mark in g.context_symbols and chinese_context():
                currency = g.context_symbols[mark][1]
        else:  # "410 million yuan", "10,000 CNY", or a bare "1 million"
            if before and before.isascii() and (before.isalnum() or before in "/-_$€£¥"):
                continue
            start = p
            if code or word:
                currency = g.code_currency[code] if code else g.word_currency[" ".join(word.lower().split())]
                end = a.end()
            elif _bare_en_ok(text, p, num, scale, end, g):
                currency = None
            else:
                continue
        value = _decimal(num)
        if value is None:
            continue
        if scale:
            sc = scale.strip(_SCALE_SEPARATORS)
            value *= Decimal(str(g.scale_en.get(sc, g.scale_en.get(sc.lower(), 1))))
        out.append(_Candidate(start, end, _whole(value), currency, "en", currency is None))
    return out


def _spelled_candidates(text: str, g: _Grammar) -> list[_Candidate]:
    """ "two million dollars": spelled-out numbers before a scale and a currency word."""
    out: list[_Candidate] = []
    done = 0  # end of the last sum read
    for hit in _spelled_scale_hits(text):  # few, and found fast: search only around them
        if hit < done or not _word_before_scale(text, hit):
            continue
        m = g.spelled.search(text, max(done, hit - _SPELLED_REACH), hit + _SPELLED_REACH)
        if m is None:
            continue
        done = m.end()
        total, words = 0.0, re.split(r"[- ]+", m.group("words").lower())
        for w in words:
            if w == g.hundred:
                total = (total or 1) * 100
            elif w != "and":
                total += g.number_words[w]
        if words[0] == "half":
            total = 0.5  # "half a billion"
        value = total * g.scale_en[m.group("scale").lower()]
        currency = g.word_currency[" ".join(m.group("word").lower().split())]
        out.append(_Candidate(m.start(), m.end(), float(round(value, 2)), currency, "en"))
    return out


#: where a spelled-out sum may stand: its scale word, and how far around it to look
_SPELLED_SCALE_TAILS = ("illion", "ILLION", "housand", "HOUSAND")
_SPELLED_REACH = 60


def _word_before_scale(text: str, hit: int) -> bool:
    """Does a word (not digits) end right before the scale word whose tail is at ``hit``?"""
    k = hit - 1
    while k >= 0 and hit - k <= 2 and text[k].isalpha():
        k -= 1  # the head of the scale word: "m"illion, "b"illion, "tr"illion, "t"housand
    j = k
    while j >= 0 and k - j < 2 and text[j] in " -":
        j -= 1
    return j < k and j >= 0 and text[j].isalpha()


def _spelled_scale_hits(text: str) -> list[int]:
    """Offsets of the scale words of the text (plain substring search, much faster than a regex)."""
    hits = []
    for tail in _SPELLED_SCALE_TAILS:
        i = text.find(tail)
        while i >= 0:
            hits.append(i)
            i = text.find(tail, i + len(tail))
    hits.sort()
    return hits
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|\S)?")


def _bare_en_ok(text: str, start: int, num: str, scale: str | None, end: int, g: _Grammar) -> bool:
    """A currency-less English number: a full scale word or thousands grouping, then a plain follower."""
    if _NUMBER_LABEL.search(text, max(0, start - 12), start) or (start and text[start - 1] in "(（"):
        return False  # "No. 8,218,566", "(7,230,931)": identifiers
    if scale is not None:
        if scale.strip(_SCALE_SEPARATORS).lower() not in g.bare_scales:
            return False
    elif "," not in num:
        return False
    nxt = _NEXT_WORD.match(text, end).group(1)
    if nxt is None:
        return True
    if not nxt[0].isalpha():
        return nxt in ".,;:)]!?"
    return nxt.lower() in lexicon().bare_followers_en


def _zh_candidates(text: str, g: _Grammar) -> list[_Candidate]:
    out = []
    blockers = lexicon().bare_blockers_zh
    for m in chain(g.zh_arabic.finditer(text), g.zh_numeral.finditer(text)):
        arabic = m.re is g.zh_arabic
        if arabic:
            p, q = m.span("anum")
            num = m.group("anum")
            scale, cur = m.group("scale", "cur")
            before = text[p - 1] if p else ""
            if before and before.isascii() and (before.isalnum() or before in ".,"):
                continue
            pre_m = g.zh_prefix.at(text, p)
            if not (scale or cur or pre_m) or not _ZH_NUM_FULL.fullmatch(num):
                continue
            value = _decimal(num)
            if value is None:
                continue
            if scale:
                value *= _zh_scale(scale, g.scale_zh)
            if m.group("num2"):
                value += Decimal(m.group("num2")) * _zh_scale(m.group("scale2"), g.scale_zh)
            has_scale = bool(scale) and not _BIG_SCALES.isdisjoint(scale)
        else:
            p, q = m.span("cnum")
            num, cur = m.group("cnum", "ccur")
            if p and text[p - 1] in "0123456789０１２３４５６７８９":
                continue  # the scale of an Arabic number ("5千万"), read with it
            if _ZH_DIGIT_CHARS.isdisjoint(num) or (len(num) < 2 and not cur):
                continue
            pre_m = g.zh_prefix.at(text, p)
            cscale = m.group("cscale")
            has_scale = not _BIG_SCALES.isdisjoint(num + (cscale or ""))
            value = None
        pre = pre_m[1] if pre_m else None
        if not (pre or cur):
            # a bare number: needs a Chinese scale and must not count things (8000万件)
            if not has_scale or (m.end() < len(text) and text[m.end()] in blockers):
                continue
        if value is None:
            value = _chinese_numeral(num)
            if value is None:
                continue
            if cscale:
                value *= _zh_scale(cscale, g.scale_zh)  # 三十余万元
        if cur and pre and cur in _GENERIC_YUAN:
            currency = g.zh_currency[pre]  # 新台幣1200萬元, 港币500万元: the prefix names the currency
        else:
            currency = g.zh_currency[cur] if cur else (g.zh_currency[pre] if pre else None)
        start = pre_m[0] if pre_m else p
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(_Candidate(start, end, _whole(value), currency, "zh", currency is None))
    return out


def _drop_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest candidate wins where the English and Chinese grammars overlap (one sweep)."""
    cands.sort(key=lambda c: (c.start, c.start - c.end))
    kept: list[_Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            if c.end - c.start > kept[-1].end - kept[-1].start:
                kept[-1] = c
            continue
        kept.append(c)
    return kept


def _conversions(text: str, cands: list[_Candidate], g: _Grammar) -> dict[int, int]:
    """Index of each converted candidate -> end offset of the amount it restates (bracket included)."""
    out: dict[int, int] = {}
    for i in range(1, len(cands)):
        a, b = cands[i - 1], cands[i]
        if i - 1 in out or b.currency is None or a.currency is None or a.currency == b.currency:
            continue
        gap = text[a.end : b.start]
        if len(gap) > _CONVERSION_GAP:
            continue
        if g.conversion.match(gap):
            close = _CLOSING_BRACKET.match(text, b.end)
            if close:
                out[i] = close.end()
        elif g.conversion_or.match(gap):
            out[i] = b.end
    return out


# --------------------------------------------------------------------------- extract


def extract(ctx: Context) -> list[MoneyMention]:
    """Every sum of money in ``ctx.text``, with role (None: not a litigation amount)."""
    text = ctx.text
    if not text:
        return []
    g = _grammar()
    china: list[bool] = []

    def chinese_context() -> bool:
        """Is this a Chinese document, or one about China? (asked once, only when "¥" is met)"""
        if not china:
            markers = {mk for _, _, marks in g.context_symbols.values() for mk in marks}
            china.append(ctx.lang == "zh" or any(mk in text for mk in markers))
        return china[0]

    cands = _en_candidates(text, g, chinese_context)
    cands += _spelled_candidates(text, g)
    if ctx.has_cjk():
        cands += _zh_candidates(text, g)
    if not cands:
        return []
    cands = _drop_overlaps(cands)
    converted = _conversions(text, cands, g)
    cands = _inherit_currency(ctx, cands, converted)

    slots = []
    for i, c in enumerate(cands):
        end = c.end
        if i + 1 in converted:
            end = converted[i + 1]
        slots.append(money_roles.Slot(c.start, end, c.bare, i in converted))
    decisions = money_roles.assign(ctx, slots)

    out: list[MoneyMention] = []
    for i, (c, d) in enumerate(zip(cands, decisions)):
        if c.currency is None:
            continue
        if c.bare and not d.close_cue:
            continue
        role = d.role
        if i in converted:
            role = decisions[i - 1].role
        out.append(MoneyMention(c.start, c.end, text[c.start : c.end], c.value, c.currency, role, i in converted))
    return out


def _inherit_currency(ctx: Context, cands: list[_Candidate], converted: dict[int, int]) -> list[_Candidate]:
    """Bare numbers take a currency: English the nearest amount before in the document,
    Chinese the nearest before in the sentence, else CNY (conversions are not looked at)."""
    out: list[_Candidate] = []
    last: _Candidate | None = None
    for i, c in enumerate(cands):
        if c.currency is None:
            if c.lang == "en":
                currency = last.currency if last else None
            elif last and ctx.sentence_index(last.start) == ctx.sentence_index(c.start):
                currency = last.currency
            else:
                currency = "CNY"
            c = replace(c, currency=currency)
        elif i not in converted:
            last = c
        out.append(c)
    return out


def _significant(v: float) -> int:
    """Significant digits of an amount: 89,700,000 has 3, 89,712,069 has 8."""
    digits = f"{v:.2f}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits)


def merge_rounded(mentions: list[MoneyMention]) -> list[MoneyMention]:
    """A rounded restatement of an exact sum ("$89,712,069 ... the $89.7 million verdict") takes the
    exact value: same currency and role, within 0.5% and written with fewer significant digits.
    The mention keeps its own span, so both stay evidence of the one amount."""
    exact = [m for m in mentions if m.role is not None and not m.converted]
    if len(exact) < 2:
        return mentions
    out = []
    for m in mentions:
        if m.role is not None and not m.converted:
            better = [x for x in exact if x.currency == m.currency and x.role == m.role and x.value != m.value
                      and abs(x.value - m.value) <= 0.005 * x.value and _significant(x.value) > _significant(m.value)]
            if better:
                m = replace(m, value=max(better, key=lambda x: _significant(x.value)).value)
        out.append(m)
    return out
