"""The bundled sample documents: readable, dated, listed in their README, CN numbers well-formed."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from patlit.ingest import expand_inputs, read_path
from patlit.model import Document

SAMPLES = Path(str(resources.files("patlit") / "samples"))
FILES = sorted(p for p in SAMPLES.rglob("*.txt"))
DATED = re.compile(r"^(?:Published: |发布时间：)(\d{4}-\d{2}-\d{2})$", re.M)
CN_APPLICATION = re.compile(r"(?:ZL|CN)(\d{12}|\d{8})\.([\dX])")
WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def _check_digit(digits: str) -> str:
    """The spec's rule: sum(d_i * w_i) mod 11, 10 written X."""
    rest = sum(int(d) * w for d, w in zip(digits, WEIGHTS)) % 11
    return "X" if rest == 10 else str(rest)


def test_enough_samples_in_each_language() -> None:
    en = [p for p in FILES if p.parent.name == "en"]
    zh = [p for p in FILES if p.parent.name == "zh"]
    assert len(en) >= 8 and len(zh) >= 5


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_sample_reads_and_carries_its_date(path: Path) -> None:
    (doc,) = list(read_path(str(path)))
    assert isinstance(doc, Document)
    assert DATED.search(doc.text), "each sample has a 'Published:' / '发布时间：' header line"
    if path.parent.name == "en":
        assert 150 <= len(doc.text.split()) <= 400


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_cn_application_numbers_have_valid_check_digits(path: Path) -> None:
    for digits, check in CN_APPLICATION.findall(path.read_text(encoding="utf-8")):
        assert _check_digit(digits) == check, f"{digits}.{check}"


def test_readme_lists_every_sample() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in FILES:
        assert f"`{path.parent.name}/{path.name}`" in readme


def test_a_walk_of_the_samples_folder_gives_only_the_articles() -> None:
    files = expand_inputs([str(SAMPLES)])
    assert sorted(f.doc_id for f in files) == sorted(f"{p.parent.name}/{p.stem}" for p in FILES)
