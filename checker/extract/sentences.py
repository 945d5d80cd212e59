"""Sentence boundaries in cleaned text, computed once per document.

A claim's evidence is its sentence, and its context words stop at the sentence edge. News
paragraphs sit one per line, so a line break always ends a sentence.
"""
from __future__ import annotations

import bisect
import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "rev", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "u.s", "u.k",
    "u.n", "e.u", "a.m", "p.m", "i.e", "e.g",
}
# A candidate end: . ! ? or … (plus closing quotes/brackets) before space and a capital, digit
# or opening quote. Abbreviations and single initials are ruled out afterwards.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


class Sentences:
    """Sentence spans of one text, looked up by offset."""

    def __init__(self, text: str) -> None:
        starts = [0]
        for m in _END.finditer(text):
            if not _is_abbreviation(text, m.start()):
                starts.append(m.end())
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._starts = sorted(set(starts))
        self._text = text

    def span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `offset`, whitespace trimmed."""
        i = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self._text)
        seg = self._text[start:end]
        lead = len(seg) - len(seg.lstrip())
        return start + lead, start + len(seg.rstrip())
