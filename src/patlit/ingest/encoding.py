"""Turning the bytes of a file into text, by detection rather than by file extension.

Order of decisions (:func:`decode`):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. NUL bytes: BOM-less UTF-16 when the NULs sit at every other byte, else binary;
3. strict UTF-8 (bytes that are valid UTF-8 are UTF-8, whatever a page declares:
   legacy text is practically never valid UTF-8, while mislabelled pages are common);
4. a charset the document declares itself (HTML ``<meta charset>``, XML
   declaration) when the bytes decode under it;
5. Chinese legacy encodings: GB18030 (a superset of GBK and GB2312) and Big5
   (cp950) both decode most Chinese byte streams, so each strict decoding is scored
   by the share of its Han characters that are common ones
   (``data/hanzi_common.yaml``) and the best wins when it is clearly Chinese;
6. Windows-1252 when that gives mostly-ASCII Western text with a few accents;
7. otherwise charset-normalizer's best guess;
8. text with many control characters is binary after all.

A failure is returned as an :class:`~patlit.errors.InputError` naming the source.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache

from patlit.data import load_yaml
from patlit.errors import DataFileError, InputError

#: byte-order marks and the codec that reads (and drops) each; the UTF-32 LE mark
#: starts with the UTF-16 LE one, so UTF-32 is tried first
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: the encoding a declared legacy Chinese charset is read with (supersets)
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "cp950",
    "big-5": "cp950",
    "x-x-big5": "cp950",
}
#: the legacy Chinese encodings compared by common-character share
CHINESE_CANDIDATES = ("gb18030", "cp950")
#: legacy Chinese decodings are scored on this many leading bytes
SCORE_BYTES = 64 * 1024
#: a decoding is taken as Chinese when at least this share of its Han characters is common
MIN_COMMON_SHARE = 0.5
#: and when it has at least this many Han characters (fewer says too little,
#: unless every one of them is common)
MIN_HAN = 4
#: Western text in a single-byte code page: at most this share of its letters is non-ASCII
MAX_ACCENTED_SHARE = 0.3
#: share of control characters (other than tab, newlines, form feed) that makes text binary
MAX_CONTROL_SHARE = 0.01

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: non-ASCII characters other than CJK punctuation, full-width forms and spaces
_FOREIGN = re.compile(r"[^\x00-\x7f\u3000-\u303f\uff00-\uffef\s]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096
#: fewest distinct characters a block of the common-characters file must have
MIN_TABLE_SIZE = 300
_HANZI_FILE = "hanzi_common.yaml"


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The common characters (simplified and traditional) of ``data/hanzi_common.yaml``."""
    return parse_hanzi_table(load_yaml(_HANZI_FILE), _HANZI_FILE)


def parse_hanzi_table(data: object, where: str) -> frozenset[str]:
    """Validate the loaded YAML of a common-characters file; DataFileError names the problem."""
    if not isinstance(data, dict) or set(data) != {"simplified", "traditional"}:
        raise DataFileError(f"{where}: needs exactly the keys 'simplified' and 'traditional'")
    chars: set[str] = set()
    for key, block in data.items():
        if not isinstance(block, str):
            raise DataFileError(f"{where}: {key!r} must be a string of characters")
        block = "".join(block.split())
        bad = [c for c in block if not _HAN.fullmatch(c)]
        if bad:
            raise DataFileError(f"{where}: {key!r} holds non-Han characters {''.join(bad[:10])!r}")
        if len(set(block)) < MIN_TABLE_SIZE:
            raise DataFileError(f"{where}: {key!r} has fewer than {MIN_TABLE_SIZE} characters, too few to tell encodings apart")
        chars.update(block)
    return frozenset(chars)


def common_share(text: str) -> tuple[float, int]:
    """(share of common Han characters among the non-ASCII characters, number of Han characters).

    CJK punctuation and full-width forms are left out of the count; anything else
    that is not ASCII (rare Han characters, private-use code points, stray symbols a
    wrong decoding produces) lowers the share.
    """
    han = _HAN.findall(text)
    if not han:
        return 0.0, 0
    common = common_hanzi()
    others = len(_FOREIGN.findall(text)) - len(han)
    return sum(1 for c in han if c in common) / (len(han) + others), len(han)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, normalised, or None."""
    m = _DECLARED.search(data[:_SNIFF_BYTES])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom(data: bytes) -> str | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Mostly-ASCII UTF-16 without a BOM: NULs at the odd (LE) or even (BE) bytes."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros):
            text = _strict(data, encoding)
            if text is not None and "\x00" not in text:
                return text
    return None


def _strict_prefix(data: bytes, encoding: str) -> str | None:
    """Strict decoding of a prefix, which may end inside a multi-byte character."""
    for cut in range(4):
        text = _strict(data[: len(data) - cut] if cut else data, encoding)
        if text is not None:
            return text
    return None


def _chinese(data: bytes) -> str | None:
    """The best-scoring legacy Chinese decoding (scored on a prefix), when it is clearly Chinese."""
    sample = data[:SCORE_BYTES]
    scored: list[tuple[float, str]] = []
    for encoding in CHINESE_CANDIDATES:
        text = _strict_prefix(sample, encoding) if len(data) > SCORE_BYTES else _strict(data, encoding)
        if text is None:
            continue
        share, n_han = common_share(text)
        clear = n_han >= MIN_HAN or (n_han > 0 and share == 1.0)
        if clear and share >= MIN_COMMON_SHARE:
            scored.append((share, encoding))
    for _, encoding in sorted(scored, reverse=True):
        text = _strict(data, encoding)
        if text is not None:
            return text
    return None


def _western(data: bytes) -> str | None:
    """Windows-1252 text (English, German, French...): mostly ASCII letters, a few accented ones."""
    text = _strict(data, "cp1252")
    if text is None:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    if not letters or accented > MAX_ACCENTED_SHARE * len(letters):
        return None
    return text


def _normaliser_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    return str(match) if match is not None else None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)


def decode(data: bytes, source: str, *, declared: str | None = None) -> str | InputError:
    """Text of ``data`` (see the module doc for the order of decisions), or why it is not text.

    ``declared`` is a charset the caller knows from elsewhere (e.g. a feed or
    HTML header); when None, a charset declared in the first bytes is looked for.
    """
    bom = _bom(data)
    if bom:
        text = _strict(data, bom)
        if text is None:
            name = bom.removesuffix("-sig").upper()
            return InputError(source, f"starts with a {name} byte-order mark but is not valid {name}")
        return text
    if b"\x00" in data[:_SNIFF_BYTES]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        return InputError(source, "is binary (NUL bytes), not a text document")
    text = _strict(data, "utf-8")
    if text is None:
        charset = declared or declared_charset(data)
        if charset and not charset.startswith(("utf-16", "utf-32")):  # 8-bit bytes are neither
            text = _strict(data, _CHARSET_ALIASES.get(charset, charset))
    if text is None:
        text = _chinese(data) or _western(data) or _normaliser_guess(data)
    if text is None:
        return InputError(source, "is not text in any encoding patlit can detect")
    if _looks_binary(text):
        return InputError(source, "is binary (control characters), not a text document")
    return text
