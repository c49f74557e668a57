"""Shared fixtures: the read-only corpus next to the repository (skipped when absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def _load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "dev" / "docs.jsonl").is_file():
        pytest.skip("../shared/corpus is absent: corpus tests skipped")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_docs(corpus_dir: Path) -> list[dict]:
    """Every corpus document (dev + seeds)."""
    return _load_jsonl(corpus_dir / "dev" / "docs.jsonl") + _load_jsonl(corpus_dir / "seeds" / "docs.jsonl")


@pytest.fixture(scope="session")
def corpus_gold(corpus_dir: Path) -> dict[str, dict]:
    gold = _load_jsonl(corpus_dir / "dev" / "gold.jsonl") + _load_jsonl(corpus_dir / "seeds" / "gold.jsonl")
    return {g["doc_id"]: g for g in gold}


class _FolderAsPackage:
    """Stands in for importlib.resources: every package's files are one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def files(self, package: str) -> Path:
        return self.root


@pytest.fixture
def fake_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Make ``patlit.data.load_yaml`` read data files from an empty temporary folder."""
    import patlit.data as data

    monkeypatch.setattr(data, "resources", _FolderAsPackage(tmp_path))
    data.load_yaml.cache_clear()
    yield tmp_path
    data.load_yaml.cache_clear()
