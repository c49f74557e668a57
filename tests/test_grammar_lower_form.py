"""A pattern's lower-case form (read on the lower-cased text) finds what the pattern finds ignoring case."""
import random
import re

from patlit.extract import proceedings_en as pr


def _texts() -> list[str]:
    g = pr.grammar()
    words = ["held", "owned", "by", "the", "patents", "patent", "of", "which", "that", "holds", "owner", "its", "two",
             "Held", "OWNED", "Patents", "Owner", "THE", "and", "’s", "'s", "-held", "(", ")", ",", "\n", "\ue0000\ue001",
             "\ue0001\ue001", "\ue0002\ue001", "filed", "has", "applied", "for", "these", "Σ", "é",
             "found", "in", "favor", "of", "verdict", "dismissed", "settled", "Judgment", "judgments", "non-infringement",
             "withdrew", "the", "suit", "case", "affirmed", "upheld", "jury", "awarded", "con", "x"]
    rnd = random.Random(11)
    texts = [str(ex) for v in g.verbs for ex in v.get("examples", [])]
    for _ in range(3000):
        texts.append(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 14))))
    return texts


def test_lower_forms_find_the_same_matches():
    g = pr.grammar()
    pats = [*g.owners, *(o[1] for o in g.outcomes), *(f.regex for f in g.all_frames)]
    texts = [t for t in _texts() if not pr._ODD_FOLD.search(t)]
    used = 0
    for rx in pats:
        if pr._lower_form(rx) is None:
            continue
        used += 1
        for t in texts:
            want = [(m.span(), m.groupdict()) for m in rx.finditer(t)]
            got = [(m.span(), {k: t[m.start(k):m.end(k)] if m.group(k) is not None else None for k in m.groupdict()})
                   for m in pr._low_finditer(rx, t, t.lower())]
            assert got == want, (rx.pattern, t)
    assert used >= 5


def test_no_lower_form_where_case_matters():
    assert pr._lower_form(re.compile(r"(?-i:[A-Z])x", re.I)) is None
    assert pr._lower_form(re.compile(r"IPR", re.I)) is None
    assert pr._lower_form(re.compile(r"ipr")) is None  # reads case already
    assert pr._lower_form(re.compile(r"ipr\s+(?P<w>x)", re.I)) is not None
    assert pr._lower_form(re.compile(r"\bipr|x", re.I)) is None  # \b opens one branch only: not a word-start form
    assert pr._lower_form(re.compile(r"\b(?:ipr|pgr)s?", re.I))[1] is True


def test_word_start_form_skips_matches_inside_words():
    rx = re.compile(r"\b(?:found|held)\s+for", re.I)
    t = "Confound for, FOUND for, x_held for, held for"
    assert [m.span() for m in pr._low_finditer(rx, t, t.lower())] == [m.span() for m in rx.finditer(t)]


def test_pronoun_starts_where_no_group_noun():
    """Without a noun of "the company" / "the defendants", the short start scan finds the same starts."""
    rnd = random.Random(5)
    words = ["the", "it", "its", "they", "both", "two", "company", "company-wide", "companywide", "big", "defendants",
             "patent", "owner", "owners", "chip", "maker", "her", "him", "\ue0000\ue001", ",", "-", "sued", "them", "firm_x"]
    for _ in range(4000):
        low = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12)))
        st = pr._Sent(0, 0, low, [], [], [], [], frozenset(pr._LETTER_WORDS.findall(low)), low)
        want = [m.span() for m in pr._STARTS_LOW.finditer(low)]
        if not pr._may_name_group(st):
            assert [m.span() for m in pr._PRONOUN_STARTS_LOW.finditer(low)] == want, low


def test_pronoun_test_where_no_group_noun():
    rnd = random.Random(6)
    words = ["the", "it", "its", "they", "their", "both", "two", "company", "firm", "firms", "company-wide", "defendants",
             "kit", "theirs", "\ue0000\ue001", ",", "-", "sued", "x"]
    for _ in range(3000):
        low = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 10)))
        st = pr._Sent(0, 0, low, [], [], [], [], frozenset(pr._LETTER_WORDS.findall(low)), low)
        assert pr._has_pronoun(st) == bool(pr._PRONOUN_LOW.search(low)), low


def test_word_start_form_of_choices():
    rx = re.compile(r"\bfound\s+for|\bheld\s+(?P<w>x)", re.I)
    form = pr._lower_form(rx)
    assert form is not None and form[1] is True and form[0].pattern == r"found\s+for|held\s+(?P<w>x)"
    t = "Confound for, FOUND for, x_held x, held x"
    assert [m.span() for m in pr._low_finditer(rx, t, t.lower())] == [m.span() for m in rx.finditer(t)]
    assert pr._lower_form(re.compile(r"\bfound|\b[(|]x", re.I)) is None  # a "|" inside a class: not cut there


def test_cased_word_start_form():
    for rx in (pr._APPELLATE_RULING, pr._OPPONENT):
        assert pr._make_word_start_form(rx) is not None
    t = ("The Federal Circuit affirmed the ruling that X infringed. xCAFC reversed the judgment. "
         "CAFC vacated a decision for nothing; in their long dispute with ")
    assert [m.span() for m in pr._cased_finditer(pr._APPELLATE_RULING, t)] == [m.span() for m in pr._APPELLATE_RULING.finditer(t)]
    for cut in range(len(t)):
        assert (next(pr._cased_finditer(pr._OPPONENT, t[cut:]), None) is None) == (pr._OPPONENT.search(t[cut:]) is None)
