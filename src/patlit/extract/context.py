"""Per-document context shared by the extractors: text, language, date, sentences."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from patlit.extract.rx_required import WordTests

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    """``zh`` when Chinese characters outweigh English words, else ``en``.

    A Chinese page that quotes English names stays ``zh``; an English page with a
    Chinese menu or byline stays ``en``. One CJK character is weighed against one
    English word, which is roughly the information each carries.
    """
    cjk = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return "zh" if cjk > words else "en"


# Abbreviations after which a full stop does not end an English sentence.
_ABBREV = {
    "u.s", "u.k", "e.g", "i.e", "inc", "co", "corp", "ltd", "no", "nos", "v", "vs",
    "fed", "cir", "cal", "tex", "del", "ill", "va", "fla", "mass", "wis", "n.d", "s.d",
    "e.d", "w.d", "c.d", "d", "st", "mr", "mrs", "ms", "dr", "jr", "sr", "am", "tech",
    "dist", "ct", "app", "pat", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "art", "sec", "f", "supp", "l.p", "p.c", "n.v",
    "b.v", "s.a", "a.g", "corp", "mfg", "intl", "int'l", "bros", "assoc", "j", "p", "pte", "pty", "bhd",
}
_EN_BOUNDARY = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ZH_BOUNDARY = re.compile(r"[。！？!?；;](?:[”’」』)）]*)")
_LINE_BREAK = re.compile(r"\n\s*")


@dataclass
class Context:
    """What an extractor needs to know about the document it works on."""

    text: str
    lang: str
    published: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            # the English split of a text without Chinese characters, asked through has_cjk
            # so that the extractors reuse the answer
            if self.lang == "en" and not self.has_cjk():
                self.sentences = _split_english(self.text)
            else:
                self.sentences = split_sentences(self.text, self.lang)
        self._starts = [s for s, _ in self.sentences]

    def has_cjk(self) -> bool:
        """Does the text hold a Chinese character? (one scan, on first use)"""
        try:
            return self._has_cjk
        except AttributeError:
            self._has_cjk = not self.text.isascii() and _CJK.search(self.text) is not None
            return self._has_cjk

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the previous one if between)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_span(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)]

    def word_tests(self) -> WordTests:
        """Cheap exact pre-tests of cue patterns over this text (built once, on first use)."""
        try:
            return self._word_tests
        except AttributeError:
            self._word_tests = WordTests(self.text)
            return self._word_tests

    def sentence_text(self, index: int) -> str:
        s, e = self.sentences[index]
        return self.text[s:e]


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Split into (start, end) sentence spans, trimmed of surrounding white space.

    Lines are always boundaries (headlines, list items, table rows); inside a line
    English splits at ., ! or ? followed by a capital unless the word before is a
    known abbreviation, and Chinese at 。！？；.
    """
    if lang == "en" and (text.isascii() or not _CJK.search(text)):
        return _split_english(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line_match in _LINE_BREAK.finditer(text + "\n"):
        _add_line(text, pos, line_match.start(), lang, spans)
        pos = line_match.end()
    return spans


def _split_english(text: str) -> list[tuple[int, int]]:
    """:func:`split_sentences` of an English text without Chinese characters, with one
    boundary scan over the whole text instead of one per line.

    Same spans: a boundary match never crosses a line; one whose look-ahead reaches into
    the next line only adds a cut followed by nothing but white space, which gives no span.
    The abbreviation test stops at the white space that precedes every line.
    """
    rev = text[::-1]  # the word before a full stop, read with one match on the reversed text
    n = len(text)
    cuts = []
    for m in _EN_BOUNDARY.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            j = dot - (_WORD_RUN.match(rev, n - dot).end() - (n - dot))
            if _is_abbreviation_word(text[j:dot]):
                continue
        cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    k, n = 0, len(cuts)
    pos = 0
    for line_match in _LINE_BREAK.finditer(text + "\n"):
        end = line_match.start()
        prev = pos
        while k < n and cuts[k] <= end:
            _push(text, prev, cuts[k], spans)
            prev = cuts[k]
            k += 1
        _push(text, prev, end, spans)
        pos = line_match.end()
    return spans


def _add_line(text: str, start: int, end: int, lang: str, out: list[tuple[int, int]]) -> None:
    line = text[start:end]
    cuts: list[int] = []
    if lang == "zh" or _CJK.search(line):
        cuts.extend(m.end() for m in _ZH_BOUNDARY.finditer(line))
    for m in _EN_BOUNDARY.finditer(line):
        if line[m.start()] == "." and _is_abbreviation(line, m.start()):
            continue
        cuts.append(m.end())
    prev = 0
    for cut in sorted(set(cuts)) + [len(line)]:
        _push(text, start + prev, start + cut, out)
        prev = cut


_OPENERS = "(\"'“"
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_abbreviation(line: str, dot: int) -> bool:
    j = dot
    while j > 0:
        c = line[j - 1]
        if c.isspace() or c in _OPENERS:
            break
        j -= 1
    return _is_abbreviation_word(line[j:dot])


#: the characters of a word before a full stop (up to white space or an opening quote or
#: bracket); ``\s`` is exactly ``str.isspace``
_WORD_RUN = re.compile(r"[^\s(\"'“]*")


def _is_abbreviation_word(word: str) -> bool:
    word = word.lower().rstrip(".")
    if not word:
        return False
    if word in _ABBREV:
        return True
    # single capital initials ("J. Smith") and dotted acronyms ("N.D", "U.S")
    return len(word) == 1 or _DOTTED.fullmatch(word) is not None


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    piece = text[s:e]
    body = piece.lstrip()  # str.strip removes exactly the characters str.isspace accepts
    if body:
        start = s + len(piece) - len(body)
        out.append((start, start + len(body.rstrip())))
