"""Money mentions, English and Chinese, with the litigation role of each amount.

``extract(ctx)`` finds every sum of money ("$847M", "RMB 1.23 million",
"161 million Chinese yuan", "8050 万元", "人民币75万元", "壹佰万元", "2.79億美元"),
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
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

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


@dataclass(frozen=True)
class _Grammar:
    en: re.Pattern
    zh: re.Pattern
    symbol_currency: dict[str, str]
    code_currency: dict[str, str]
    word_currency: dict[str, str]  # lower-cased English words
    zh_currency: dict[str, str]
    scale_en: dict[str, float]  # exact word -> value; lower-cased for the spaced words
    bare_scales: frozenset[str]
    scale_zh: dict[str, int]
    context_symbols: dict[str, tuple[str, str, tuple[str, ...]]]
    conversion: re.Pattern
    conversion_or: re.Pattern


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lex: MoneyLexicon = lexicon()
    symbol_currency: dict[str, str] = {}
    code_currency: dict[str, str] = {}
    word_currency: dict[str, str] = {}
    zh_currency: dict[str, str] = {}
    zh_prefix: list[str] = []
    for cur in lex.currencies:
        for s in cur.symbols:
            symbol_currency.setdefault(s, cur.code)
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

    attached = [s.word for s in lex.scales_en if s.attached]
    spaced = [s.word for s in lex.scales_en if not s.attached]
    scale_en = {s.word: s.value for s in lex.scales_en if s.attached}
    scale_en.update({s.word.lower(): s.value for s in lex.scales_en if not s.attached})
    scale = (
        rf"(?P<scale>(?:{_alt(attached)})(?![A-Za-z])|{_SPACE}(?i:{_alt(spaced)})(?![A-Za-z]))"
    )
    symbols = sorted(symbol_currency, key=len, reverse=True)
    sym_alt = "|".join(
        (r"(?<![A-Za-z])" if re.match(r"[A-Za-z]", s) else "") + re.escape(s) for s in symbols
    )
    codes_alt = _alt(code_currency)
    words_alt = _alt(word_currency)
    en = re.compile(
        rf"(?:(?P<sym>{sym_alt})|(?<![A-Za-z])(?P<code>{codes_alt}){_SPACE})"
        rf"{_SPACE}(?P<num>{_EN_NUM}){scale}?"
        rf"|(?<![\w.,$€£¥/-])(?P<num2>{_EN_NUM}){scale.replace('scale', 'scale2')}?"
        rf"(?:{_SPACE}(?:(?P<code2>{codes_alt})(?![A-Za-z])|(?i:(?P<word>{words_alt}))(?![A-Za-z])))?"
    )
    scale_chars = "".join(lex.scales_zh)
    approx = "".join(lex.approx_zh)
    zh_suffix = _alt(w for cur in lex.currencies for w in cur.words_zh)
    zh = re.compile(
        rf"(?P<pre>{_alt(zh_prefix)})?{_SPACE}"
        rf"(?:(?<![0-9A-Za-z.,])(?P<anum>{_ZH_NUM}){_SPACE}[{approx}]?{_SPACE}(?P<ascale>[{scale_chars}]+)?"
        rf"(?:(?P<anum2>[0-9]+)(?P<ascale2>[{scale_chars}]+))?"
        rf"|(?P<cnum>[{_ZH_NUMERAL_CHARS}]+))"
        rf"[{approx}]?{_SPACE}(?P<cur>{zh_suffix})?"
    )
    words = _alt(lex.conversion_words)
    conversion = re.compile(rf"\s*[(（]\s*(?:(?:{words})\s*)*$", re.IGNORECASE)
    conversion_or = re.compile(rf"\s*,\s*or\s+(?:(?:{words})\s*)*$", re.IGNORECASE)
    return _Grammar(
        en=en,
        zh=zh,
        symbol_currency=symbol_currency,
        code_currency=code_currency,
        word_currency=word_currency,
        zh_currency=zh_currency,
        scale_en=scale_en,
        bare_scales=frozenset(s.word.lower() for s in lex.scales_en if s.bare),
        scale_zh=dict(lex.scales_zh),
        context_symbols=context_symbols,
        conversion=conversion,
        conversion_or=conversion_or,
    )


# --------------------------------------------------------------------------- numbers


def _decimal(num: str) -> Decimal | None:
    try:
        return Decimal(num.translate(_FULLWIDTH).replace(",", ""))
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


def _en_candidates(text: str, g: _Grammar, chinese_context) -> list[_Candidate]:
    out = []
    for m in g.en.finditer(text):
        if m.group("num") is not None:
            num, scale = m.group("num"), m.group("scale")
            sym, code = m.group("sym"), m.group("code")
            currency = g.symbol_currency[sym] if sym else g.code_currency[code]
            if sym in g.context_symbols and chinese_context():
                currency = g.context_symbols[sym][1]
            bare = False
        else:
            num, scale = m.group("num2"), m.group("scale2")
            code2, word = m.group("code2"), m.group("word")
            if code2:
                currency = g.code_currency[code2]
            elif word:
                currency = g.word_currency[" ".join(word.lower().split())]
            else:
                currency = None
            bare = currency is None
            if bare and not _bare_en_ok(text, m, num, scale, g):
                continue
        value = _decimal(num)
        if value is None:
            continue
        if scale:
            s = scale.strip()
            value *= Decimal(str(g.scale_en.get(s, g.scale_en.get(s.lower(), 1))))
        end = m.end()
        if bare and scale is None:
            end = m.end("num2")
        out.append(_Candidate(m.start(), end, _whole(value), currency, "en", bare))
    return out


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|\S)?")


def _bare_en_ok(text: str, m: re.Match, num: str, scale: str | None, g: _Grammar) -> bool:
    """A currency-less English number: a full scale word or thousands grouping, then a plain follower."""
    if scale is not None:
        if scale.strip().lower() not in g.bare_scales:
            return False
        end = m.end("scale2")
    elif "," in num:
        end = m.end("num2")
    else:
        return False
    nxt = _NEXT_WORD.match(text, end).group(1)
    if nxt is None or not nxt[0].isalpha():
        return nxt is None or nxt in ".,;:)]!?" or not _CJK.match(nxt)
    return nxt.lower() in lexicon().bare_followers_en


def _zh_candidates(text: str, g: _Grammar) -> list[_Candidate]:
    out = []
    blockers = lexicon().bare_blockers_zh
    for m in g.zh.finditer(text):
        pre, cur = m.group("pre"), m.group("cur")
        if m.group("anum") is not None:
            value = _decimal(m.group("anum"))
            if value is None:
                continue
            has_scale = bool(m.group("ascale"))
            if has_scale:
                value *= _zh_scale(m.group("ascale"), g.scale_zh)
            if m.group("anum2"):
                value += Decimal(m.group("anum2")) * _zh_scale(m.group("ascale2"), g.scale_zh)
        else:
            cnum = m.group("cnum")
            if not (_ZH_DIGIT_CHARS & set(cnum)) or (len(cnum) < 2 and not cur):
                continue
            has_scale = any(ch in g.scale_zh for ch in cnum)
            if not (cur or pre or has_scale):
                continue
            value = _chinese_numeral(cnum)
            if value is None:
                continue
        if not (pre or cur):
            # a bare number: needs a Chinese scale and must not count things (8000万件)
            if not has_scale or (m.end() < len(text) and text[m.end()] in blockers):
                continue
        currency = g.zh_currency[cur] if cur else (g.zh_currency[pre] if pre else None)
        start = m.start("pre") if pre else (m.start("anum") if m.group("anum") is not None else m.start("cnum"))
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(_Candidate(start, end, _whole(value), currency, "zh", currency is None))
    return out


def _drop_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest candidate wins where the English and Chinese grammars overlap."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for c in cands:
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
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
            close = re.match(r"\s*[)）]", text[b.end : b.end + 3])
            if close:
                out[i] = b.end + close.end()
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
        if not china:
            markers = next(iter(g.context_symbols.values()))[2] if g.context_symbols else ()
            china.append(ctx.lang == "zh" or any(mk in text for mk in markers))
        return china[0]

    cands = _en_candidates(text, g, chinese_context)
    if _CJK.search(text):
        cands += _zh_candidates(text, g)
    if not cands:
        return []
    cands = _drop_overlaps(cands)
    cands = _inherit_currency(ctx, cands)
    converted = _conversions(text, cands, g)

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


def _inherit_currency(ctx: Context, cands: list[_Candidate]) -> list[_Candidate]:
    """Bare numbers take a currency: English the nearest before in the document, Chinese in the sentence, else CNY."""
    out: list[_Candidate] = []
    last: _Candidate | None = None
    for c in cands:
        if c.currency is None:
            if c.lang == "en":
                currency = last.currency if last else None
            elif last and ctx.sentence_index(last.start) == ctx.sentence_index(c.start):
                currency = last.currency
            else:
                currency = "CNY"
            c = replace(c, currency=currency)
        else:
            last = c
        out.append(c)
    return out
