"""Helpers shared by the Chinese grammars: character folding and data-file loading.

:func:`fold` maps traditional characters and full-width punctuation to the simplified
/ ASCII forms the lexicons are written in, one character for one character, so the
folded text has the same offsets as the original and spans found in it point at the
words as written.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


from patlit import data as data_files
from patlit.errors import DataFileError


def load_yaml(name: str) -> dict[str, Any]:
    """``patlit/data/<name>`` as a mapping; a missing or malformed file raises :class:`DataFileError`."""
    data = data_files.load_yaml(name)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: the top level must be a mapping")
    return data


def require(data: dict[str, Any], key: str, kind: type, name: str) -> Any:
    """``data[key]`` checked to be a non-empty ``kind``; else :class:`DataFileError` naming ``name``."""
    value = data.get(key)
    if not isinstance(value, kind) or not value:
        raise DataFileError(f"{name}: '{key}' must be a non-empty {kind.__name__}")
    return value


def string_list(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = require(data, key, list, name)
    if not all(isinstance(v, str) and v for v in value):
        raise DataFileError(f"{name}: every item of '{key}' must be a non-empty string")
    return value


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    name = "zh_variants.yaml"
    data = load_yaml(name)
    table: dict[int, int] = {}
    for line in string_list(data, "pairs", name):
        if len(line) % 2:
            raise DataFileError(f"{name}: pair line {line!r} has an odd number of characters")
        for i in range(0, len(line), 2):
            src, dst = line[i], line[i + 1]
            if src == dst:
                raise DataFileError(f"{name}: {src!r} is mapped to itself")
            if table.get(ord(src), ord(dst)) != ord(dst):
                raise DataFileError(f"{name}: {src!r} is mapped to two characters")
            table[ord(src)] = ord(dst)
    return table


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``text`` with variant characters folded; ``len(fold(t)) == len(t)`` (cached: the
    grammars fold the same document and names many times)."""
    return text.translate(_fold_table())
