"""Claims as JSON (the documented schema), CSV (one row a claim) and an 80-column table."""
from __future__ import annotations

import csv
import io
import json

from tabulate import tabulate

from checker.models import Claim

FIELDS = list(Claim.__dataclass_fields__)


def claims_json(claims: list[Claim]) -> str:
    return json.dumps([c.to_dict() for c in claims], ensure_ascii=False, indent=2)


def claims_csv(claims: list[Claim]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIELDS)
    for c in claims:
        row = c.to_dict()
        row["context"] = " ".join(c.context)
        writer.writerow(["" if row[f] is None else row[f] for f in FIELDS])
    return buf.getvalue()


def interval_text(c: Claim) -> str:
    """'>200', '[1800, 2200]', '2023-09-19', '[1988, 1994]' — the claim's reading, short."""
    if c.lo == c.hi and c.lo is not None:
        return _fmt(c.lo)
    if c.hi is None and c.lo is not None:
        return (">" if not c.lo_inclusive else "≥") + _fmt(c.lo)
    if c.lo in (None, 0) and c.hi is not None and c.hedge in ("up_to", "less_than"):
        return ("<" if not c.hi_inclusive else "≤") + _fmt(c.hi)
    if c.lo is None and c.hi is None:
        return _fmt(c.value) if c.value is not None else "?"
    return f"{_fmt(c.lo)}–{_fmt(c.hi)}"


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, int) and not (1000 <= v <= 2100):
        return f"{v:,}"
    return str(v)


def _clip(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def claims_table(claims: list[Claim]) -> str:
    """Fits 80 columns: place, kind, quote, reading, what is counted."""
    rows = [[f"{_clip(c.source, 12)}:{c.line}", c.kind, _clip(c.text, 18), _clip(interval_text(c), 15),
             _clip(c.unit or "", 14)] for c in claims]
    if not rows:
        return "no claims found"
    return tabulate(rows, headers=["where", "kind", "text", "value", "unit"], tablefmt="simple")
