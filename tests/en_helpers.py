"""Helpers for the English party/proceeding tests: run the pipeline on a sentence."""
from __future__ import annotations

from patlit.extract.orgnames import fold
from patlit.extract.pipeline import extract_document
from patlit.model import Document, Facts, Party, Proceeding


def run(text: str, published: str | None = None) -> Facts:
    return extract_document(Document(doc_id="t", text=text, published=published, lang="en"))


def party(facts: Facts, name: str) -> Party | None:
    """The party known under ``name`` (its name or any alias, folded)."""
    k = fold(name)
    for p in facts.parties:
        if k in {fold(n) for n in p.names()}:
            return p
    return None


def same(facts: Facts, written: list[str], expected: list[str]) -> bool:
    """Do the role names ``written`` (canonical names) denote exactly the ``expected`` parties?"""
    got = set()
    for n in written:
        p = party(facts, n)
        got.add(p.name if p else n)
    want = set()
    for n in expected:
        p = party(facts, n)
        if p is None:
            return False
        want.add(p.name)
    return got == want


def find(facts: Facts, kind: str, claimants: list[str], respondents: list[str]) -> Proceeding | None:
    for pr in facts.proceedings:
        if pr.kind == kind and same(facts, pr.claimants, claimants) and same(facts, pr.respondents, respondents):
            return pr
    return None


def describe(facts: Facts) -> str:
    return "; ".join(f"{p.kind} {p.claimants}->{p.respondents} {p.forum} {p.date} {p.outcome}" for p in facts.proceedings)
