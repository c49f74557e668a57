"""Lexicons and pattern tables shipped with patlit (YAML), and the one way to read them.

Each module that owns a table validates its shape; :func:`load_yaml` only reads and
parses, raising :class:`~patlit.errors.DataFileError` naming the file on failure.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from patlit.errors import DataFileError


@cache
def load_yaml(name: str) -> Any:
    """Parse ``patlit/data/<name>`` once per process (libyaml's C loader when installed).

    Callers must not mutate the returned object: it is shared.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"data/{name}: cannot be loaded ({exc})") from exc
