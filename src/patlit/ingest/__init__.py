"""Reading documents from files, folders, feeds and streams.

:func:`read_inputs` yields a :class:`~patlit.model.Document` or an
:class:`~patlit.errors.InputError` per document, so one bad input never stops a
batch.
"""
from __future__ import annotations

from patlit.ingest.readers import read_inputs

__all__ = ["read_inputs"]
