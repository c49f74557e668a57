"""The money lexicon (``data/money.yaml``): loaded once, validated on load.

Turns the YAML tables into plain frozen structures the money extractor and the
role grammar compile their patterns from. Any malformed table raises
:class:`~patlit.errors.DataFileError` naming the file and the problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from patlit.data import load_yaml
from patlit.errors import DataFileError

DATA_FILE = "money.yaml"
DATA_PATH = Path(__file__).resolve().parent.parent / "data" / DATA_FILE
LANGS = ("en", "zh")
#: cue classes of the lexicon; the first five are the litigation roles
CUE_CLASSES = ("damages", "compensation", "payment", "costs", "awarded", "settlement", "other", "continuation", "none")
GOVERNOR_KINDS = ("request", "decision", "decision_weak")
ROLES = ("damages", "costs", "awarded", "settlement", "other")


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]
    codes: tuple[str, ...]
    words_en: tuple[str, ...]
    words_zh: tuple[str, ...]
    prefix_zh: tuple[str, ...]
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class ContextSymbol:
    symbol: str
    default: str
    chinese_context: str
    china_markers: tuple[str, ...]
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class ScaleEn:
    word: str
    value: float
    attached: bool
    bare: bool
    examples: tuple[str, ...]


@dataclass(frozen=True)
class CueClass:
    name: str
    phrases: tuple[str, ...]
    examples: tuple[dict, ...]
    after_phrases: tuple[str, ...] = ()  # cues that only count after the amount ("a $1 billion lawsuit")


@dataclass(frozen=True)
class MoneyLexicon:
    currencies: tuple[Currency, ...]
    context_symbols: tuple[ContextSymbol, ...]
    scales_en: tuple[ScaleEn, ...]
    scales_zh: dict[str, int]
    scale_zh_examples: tuple[str, ...]
    number_words_en: dict[str, float]
    hundred_en: str
    number_word_examples: tuple[dict, ...]
    approx_zh: tuple[str, ...]
    bare_followers_en: frozenset[str]
    bare_blockers_zh: frozenset[str]
    conversion_words: tuple[str, ...]
    conversion_examples: tuple[dict, ...]
    cues: dict[str, dict[str, CueClass]]  # lang -> class -> cues
    aggregates: dict[str, tuple[str, ...]]
    aggregate_examples: tuple[dict, ...]
    governors: dict[str, dict[str, tuple[str, ...]]]  # lang -> kind -> phrases
    governor_examples: tuple[dict, ...]
    table_examples: tuple[dict, ...]


def _fail(problem: str) -> DataFileError:
    return DataFileError(f"{DATA_FILE}: {problem}")


def _strings(value: Any, where: str, *, allow_empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(f"{where} must be a list of non-empty strings")
    if not allow_empty and not value:
        raise _fail(f"{where} must not be empty")
    return tuple(value)


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(f"{where} must be a mapping")
    return value


def _examples(value: Any, where: str, keys: tuple[str, ...]) -> tuple[dict, ...]:
    if not isinstance(value, list) or not value:
        raise _fail(f"{where} needs a non-empty list of examples")
    for i, ex in enumerate(value):
        if not isinstance(ex, dict) or any(k not in ex for k in keys):
            raise _fail(f"{where} example {i} must have the keys {', '.join(keys)}")
        if "text" in ex and (not isinstance(ex["text"], str) or not ex["text"]):
            raise _fail(f"{where} example {i}: text must be a non-empty string")
        if "amount" in ex and ex["amount"] not in ex["text"]:
            raise _fail(f"{where} example {i}: amount {ex['amount']!r} is not in its text")
        if "role" in ex and ex["role"] is not None and ex["role"] not in ROLES:
            raise _fail(f"{where} example {i}: unknown role {ex['role']!r}")
        if "lang" in ex and ex["lang"] not in LANGS:
            raise _fail(f"{where} example {i}: unknown lang {ex['lang']!r}")
    return tuple(value)


def _currency(raw: Any, i: int) -> Currency:
    raw = _mapping(raw, f"currencies[{i}]")
    code = raw.get("code")
    if not (isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()):
        raise _fail(f"currencies[{i}]: code must be a three-letter ISO 4217 code, got {code!r}")
    where = f"currency {code}"
    return Currency(
        code=code,
        symbols=_strings(raw.get("symbols", []), f"{where}.symbols"),
        codes=_strings(raw.get("codes", []), f"{where}.codes"),
        words_en=_strings(raw.get("words_en", []), f"{where}.words_en"),
        words_zh=_strings(raw.get("words_zh", []), f"{where}.words_zh"),
        prefix_zh=_strings(raw.get("prefix_zh", []), f"{where}.prefix_zh"),
        examples=_examples(raw.get("examples"), where, ("text", "value")),
    )


def parse(data: Any) -> MoneyLexicon:
    """Validate the decoded YAML and build the lexicon (raises DataFileError)."""
    data = _mapping(data, "the top level")
    currencies = tuple(_currency(c, i) for i, c in enumerate(data.get("currencies") or []))
    if not currencies:
        raise _fail("currencies must be a non-empty list")
    codes = {c.code for c in currencies}
    if len(codes) != len(currencies):
        raise _fail("currencies: a code is listed twice")

    context_symbols = []
    for i, raw in enumerate(data.get("context_symbols") or []):
        raw = _mapping(raw, f"context_symbols[{i}]")
        for key in ("default", "chinese_context"):
            if raw.get(key) not in codes:
                raise _fail(f"context_symbols[{i}].{key} must be one of the currencies' codes")
        if not isinstance(raw.get("symbol"), str) or not raw["symbol"]:
            raise _fail(f"context_symbols[{i}].symbol must be a non-empty string")
        context_symbols.append(
            ContextSymbol(
                symbol=raw["symbol"],
                default=raw["default"],
                chinese_context=raw["chinese_context"],
                china_markers=_strings(raw.get("china_markers"), f"context_symbols[{i}].china_markers", allow_empty=False),
                examples=_examples(raw.get("examples"), f"context_symbols[{i}]", ("text", "lang", "currency")),
            )
        )

    scales_en = []
    for i, raw in enumerate(data.get("scales_en") or []):
        raw = _mapping(raw, f"scales_en[{i}]")
        if not isinstance(raw.get("word"), str) or not isinstance(raw.get("value"), (int, float)) or raw["value"] <= 0:
            raise _fail(f"scales_en[{i}] needs a word and a positive value")
        if not isinstance(raw.get("attached"), bool) or not isinstance(raw.get("bare"), bool):
            raise _fail(f"scales_en[{i}] ({raw['word']}): attached and bare must be true or false")
        scales_en.append(
            ScaleEn(raw["word"], float(raw["value"]), raw["attached"], raw["bare"],
                    _strings(raw.get("examples"), f"scales_en {raw['word']}.examples", allow_empty=False))
        )
    if not scales_en:
        raise _fail("scales_en must be a non-empty list")

    scales_zh: dict[str, int] = {}
    scale_zh_examples: list[str] = []
    for i, raw in enumerate(data.get("scales_zh") or []):
        raw = _mapping(raw, f"scales_zh[{i}]")
        ch, value = raw.get("char"), raw.get("value")
        if not (isinstance(ch, str) and len(ch) == 1 and isinstance(value, int) and value > 1):
            raise _fail(f"scales_zh[{i}] needs one char and an integer value > 1")
        scales_zh[ch] = value
        scale_zh_examples += _strings(raw.get("examples"), f"scales_zh {ch}.examples", allow_empty=False)
    if not scales_zh:
        raise _fail("scales_zh must be a non-empty list")

    raw_words = _mapping(data.get("number_words_en"), "number_words_en")
    words = _mapping(raw_words.get("words"), "number_words_en.words")
    if not words or not all(isinstance(k, str) and isinstance(v, (int, float)) and v > 0 for k, v in words.items()):
        raise _fail("number_words_en.words must map words to positive numbers")
    hundred = raw_words.get("hundred")
    if not isinstance(hundred, str) or not hundred:
        raise _fail("number_words_en.hundred must be a word")

    blockers = data.get("bare_blockers_zh")
    if not isinstance(blockers, str) or not blockers:
        raise _fail("bare_blockers_zh must be a non-empty string of characters")

    cues: dict[str, dict[str, CueClass]] = {}
    raw_cues = _mapping(data.get("cues"), "cues")
    for lang in LANGS:
        by_class = _mapping(raw_cues.get(lang), f"cues.{lang}")
        unknown = set(by_class) - set(CUE_CLASSES)
        if unknown:
            raise _fail(f"cues.{lang}: unknown cue classes {sorted(unknown)}")
        cues[lang] = {}
        for name in CUE_CLASSES:
            raw = _mapping(by_class.get(name), f"cues.{lang}.{name}")
            cues[lang][name] = CueClass(
                name=name,
                phrases=_strings(raw.get("phrases"), f"cues.{lang}.{name}.phrases", allow_empty=False),
                examples=_examples(raw.get("examples"), f"cues.{lang}.{name}", ("text", "amount", "role")),
                after_phrases=_strings(raw.get("after_phrases", []), f"cues.{lang}.{name}.after_phrases"),
            )
        seen: dict[str, str] = {}
        for cls in cues[lang].values():
            for phrase in (*cls.phrases, *cls.after_phrases):
                key = phrase.lower() if lang == "en" else phrase
                if key in seen:
                    raise _fail(f"cues.{lang}: {phrase!r} is listed under both {seen[key]} and {cls.name}")
                seen[key] = cls.name

    raw_agg = _mapping(data.get("aggregates"), "aggregates")
    aggregates = {lang: _strings(raw_agg.get(lang), f"aggregates.{lang}", allow_empty=False) for lang in LANGS}

    raw_gov = _mapping(data.get("governors"), "governors")
    governors: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang in LANGS:
        kinds = _mapping(raw_gov.get(lang), f"governors.{lang}")
        governors[lang] = {k: _strings(kinds.get(k), f"governors.{lang}.{k}", allow_empty=False) for k in GOVERNOR_KINDS}

    return MoneyLexicon(
        currencies=currencies,
        context_symbols=tuple(context_symbols),
        scales_en=tuple(scales_en),
        scales_zh=scales_zh,
        scale_zh_examples=tuple(scale_zh_examples),
        number_words_en={k.lower(): float(v) for k, v in words.items()},
        hundred_en=hundred.lower(),
        number_word_examples=_examples(raw_words.get("examples"), "number_words_en", ("text", "value")),
        approx_zh=_strings(data.get("approx_zh"), "approx_zh", allow_empty=False),
        bare_followers_en=frozenset(_strings(data.get("bare_followers_en"), "bare_followers_en", allow_empty=False)),
        bare_blockers_zh=frozenset(blockers),
        conversion_words=_strings(data.get("conversion_words"), "conversion_words", allow_empty=False),
        conversion_examples=_examples(data.get("conversion_examples"), "conversion_examples", ("text", "lang", "converted")),
        cues=cues,
        aggregates=aggregates,
        aggregate_examples=_examples(data.get("aggregate_examples"), "aggregate_examples", ("text", "lang", "amount")),
        governors=governors,
        governor_examples=_examples(data.get("governor_examples"), "governor_examples", ("text", "lang", "amount", "role")),
        table_examples=_examples(data.get("table_examples"), "table_examples", ("text", "lang", "amount", "role")),
    )


@lru_cache(maxsize=1)
def lexicon() -> MoneyLexicon:
    """The bundled money lexicon, read and validated once per process."""
    return parse(load_yaml(DATA_FILE))
