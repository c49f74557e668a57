"""Fact extraction: one module per fact type, assembled by :mod:`patlit.extract.pipeline`."""
from __future__ import annotations

from patlit.extract.pipeline import extract_document

__all__ = ["extract_document"]
