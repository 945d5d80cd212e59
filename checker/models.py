"""Plain dataclasses passed between the pipeline's stages.

sources -> claims -> aligned groups -> findings -> reports. Each stage takes and returns
these; no stage reaches into another's internals.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from collections.abc import Callable
from typing import Any

KINDS = ("count", "year", "date", "time", "duration", "percent", "fraction", "money", "ordinal")
HEDGES = ("exact", "about", "nearly", "more_than", "at_least", "up_to", "less_than", "range", "vague")


@dataclass
class Source:
    """One input document: its original text (for evidence) and its cleaned view (for reading)."""

    path: str  # path as given on the command line or found in a folder
    name: str  # file name, the key used in reports and in sources.csv
    original: str  # the file decoded as UTF-8 (or its detected encoding): offsets point here
    clean: Any  # checker.textclean.CleanText: repaired text plus a map back to `original`
    outlet: str | None = None
    published: datetime | None = None  # date or datetime of publication, when known
    language: str | None = None
    url: str | None = None
    notices: list[str] = field(default_factory=list)  # what reading had to repair or guess


@dataclass
class Claim:
    """One numeric statement in one source, with its place in the original file."""

    source: str
    line: int  # 1-based, in the original file
    column: int  # 1-based, in characters
    start: int  # character offsets into the original text: original[start:end] == text
    end: int
    text: str
    kind: str  # one of KINDS
    value: float | int | str | None  # number; ISO string for dates ("2023-09-19", "--09-19") and times
    lo: float | int | str | None = None  # interval, None for an open side
    hi: float | int | str | None = None
    lo_inclusive: bool = True
    hi_inclusive: bool = True
    hedge: str = "exact"  # one of HEDGES
    hedge_word: str | None = None  # the words that made the hedge ("more than", "about")
    round: bool = False  # a round figure ("2,000") carries an implicit tolerance
    unit: str | None = None  # what is counted or measured ("peacekeepers", "tons of flour", "%")
    context: list[str] = field(default_factory=list)  # predicate, event and entity words around it
    as_of: str | None = None  # ISO 8601 time the figure is stated for ("as of 22:00"), if stated
    sentence: str = ""  # the (cleaned) sentence holding the claim
    published: str | None = None  # the source's publication date, ISO 8601, if known
    detail: str | None = None  # extra reading: "summer", "decade", "weekday", "GMT", ...

    def to_dict(self) -> dict[str, Any]:
        # Every field is a scalar but `context`: a shallow copy is asdict() without its deepcopy
        # (which dominated writing findings.json for large runs).
        d = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        d["context"] = list(self.context)
        return d


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


@dataclass
class Group:
    """One aligned quantity: the claims, across sources, that state it."""

    id: str
    label: str  # short human name: the counted noun and key context terms
    kind: str
    claims: list[Claim]

    def to_dict(self, claim: Callable[[Claim], Any] = Claim.to_dict) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "kind": self.kind,
                "claims": [claim(c) for c in self.claims]}


@dataclass
class Finding:
    """One discrepancy (or informational observation) a rule reports, with its evidence."""

    id: str  # stable fingerprint: rule + normalized claim keys + source names, no line numbers
    rule: str
    severity: str  # error | warning | info
    message: str
    claims: list[Claim]
    group: str | None = None  # id of the aligned group it came from, if any
    review: dict[str, str] | None = None  # decision, reviewer, note from the review store
    # What the id is made from, when not all the claims: a disagreement is keyed by the odd
    # claims and the value the others give, so a new source that agrees keeps the id.
    key: str | None = field(default=None, repr=False, compare=False)

    def to_dict(self, claim: Callable[[Claim], Any] = Claim.to_dict) -> dict[str, Any]:
        d = {"id": self.id, "rule": self.rule, "severity": self.severity, "message": self.message,
             "group": self.group, "claims": [claim(c) for c in self.claims]}
        if self.review is not None:
            d["review"] = dict(self.review)
        return d


def iso(value: date | datetime | None) -> str | None:
    """ISO 8601 text for a date or datetime; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime) and value.hour == value.minute == value.second == 0 and value.tzinfo is None:
        return value.date().isoformat()
    return value.isoformat()
