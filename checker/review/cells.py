"""Formula-injection neutralising for spreadsheet cells.

Text from news sources ends up in cells that Excel, LibreOffice or Google Sheets would run as a
formula if it starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some of them
skip before looking). Every text cell we write goes through `neutralise`; every text cell we read
back goes through `restore`.

The scheme (one rule each way, so it is unambiguous):
  * write: a text starting with = + - @ TAB CR, or with the marker ' itself, gets one ' in front;
  * read:  a text starting with ' loses exactly one leading '.
So "=SUM(A1)" is stored as "'=SUM(A1)", "'tis" as "''tis", and both come back exactly. The
marker is part of the stored value (not only a cell style), so the protection survives a
conversion to CSV and a re-open in any spreadsheet.
"""
from __future__ import annotations

MARKER = "'"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """The text as it is safe to store in a cell."""
    if text.startswith(TRIGGERS) or text.startswith(MARKER):
        return MARKER + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise` (a value typed by hand with a leading ' loses that one ')."""
    return text[1:] if text.startswith(MARKER) else text


def is_neutral(text: str) -> bool:
    """True when no spreadsheet would read the stored text as a formula."""
    return not text.startswith(TRIGGERS)
