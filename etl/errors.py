"""The errors people see. Each carries one Spanish sentence that says what happened and what to do.

The CLI and the dashboard print `str(error)` and nothing else: no traceback reaches a person.
"""


class TableroError(Exception):
    """Base of every expected failure; its message is the sentence shown to people."""


class ExtractionError(TableroError):
    """The file could not be turned into text (empty, binary, scanned PDF, unreadable)."""


class NotAnActaError(TableroError):
    """The text was read but it is not the minutes of a session."""


class DatabaseError(TableroError):
    """The database is missing, locked or could not be built."""
