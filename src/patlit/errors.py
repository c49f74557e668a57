"""The library's own exceptions. The CLI turns each into a one-line message with a hint."""
from __future__ import annotations


class PatlitError(Exception):
    """Base class of every error patlit raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class InputError(PatlitError):
    """A document or file that cannot be read; names the source and the reason."""

    hint = "check the file, or leave it out; the other inputs are still processed"

    def __init__(self, source: str, reason: str, *, hint: str | None = None):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}", hint=hint)


class DataFileError(PatlitError):
    """A bundled lexicon or pattern table is malformed (raised when it is loaded)."""

    hint = "the package's data files are damaged: reinstall patlit"


class StoreError(PatlitError):
    """The database cannot be opened, migrated or queried."""

    hint = "check --db / PATLIT_DB, or run 'patlit ingest' to create the database"


class NotFoundError(PatlitError):
    """A dispute, party, patent or document asked for does not exist."""

    hint = "list what there is with 'patlit disputes' or 'patlit search'"
