"""Reading an edited review sheet back into the decision store.

Spreadsheets come back changed: rows sorted or shuffled, columns moved, hidden or added, values
typed in any case, saved as CSV by Excel (BOM, maybe `;`) or by LibreOffice. Columns are found
by header name, so only `id` and `decision` must be there. Either the whole file is valid and
imported, or nothing is: a typo in one decision must not half-apply a review.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from checker.errors import CheckerError
from checker.models import Finding
from checker.review.cells import restore
from checker.review.store import DECISIONS, Decision, mark_stale, normalize_decision

_ALIASES = {"id": ("id", "finding id"), "decision": ("decision", "review"), "reviewer": ("reviewer",),
            "note": ("note", "notes"), "rule": ("rule",), "message": ("message",)}
_HEADER_SEARCH_ROWS = 20
_DELIMITERS = (",", ";", "\t")
SUMMARY_CHARS = 200


@dataclass
class SheetRow:
    """One filled row of the sheet, texts restored; `row` is the number a spreadsheet shows."""

    row: int
    id: str
    decision: str  # as typed
    reviewer: str = ""
    note: str = ""
    rule: str = ""
    message: str = ""
    cells: dict[str, str] = field(default_factory=dict)  # every named column, by header as written


class ReviewFileError(CheckerError):
    """The file cannot be imported; `problems` lists each bad row, one line each."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class ImportResult:
    decisions: dict[str, Decision]
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0  # "unreviewed" rows that left an existing decision (or no decision) as it was
    stale: list[Decision] = field(default_factory=list)


# ------------------------------------------------------------------ reading

def header_key(value: object) -> str:
    """'  Decision ' / 'DECISION' / 'finding_id' -> 'decision' / 'decision' / 'finding id'."""
    return re.sub(r"[\s_\-]+", " ", cell_text(value).replace("\ufeff", "")).strip().lower()


def cell_text(value: object) -> str:
    """Any cell value as the text a reader sees (1.0 -> '1', dates in ISO 8601)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    text = getattr(value, "text", None)  # openpyxl array formulas
    return text if isinstance(text, str) else str(value)


def _find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        keys = [header_key(v) for v in row]
        cols: dict[str, int] = {}
        for name, aliases in _ALIASES.items():
            for alias in aliases:  # the first alias found wins, the leftmost column of that name
                if alias in keys:
                    cols[name] = keys.index(alias)
                    break
        if "id" in cols and "decision" in cols:
            return i, cols
    return None


def _read_csv(path: Path) -> tuple[list[list[object]], int, dict[str, int]]:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # Excel's "CSV (Comma delimited)"
    for delim in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        except csv.Error as exc:
            raise CheckerError(f"{path}: not a readable CSV file ({exc})") from None
        found = _find_header(rows)
        if found:
            return rows, *found
    raise CheckerError(f"{path}: no header row with 'id' and 'decision' columns "
                       f"(looked for , ; and tab separators)")


def _read_xlsx(path: Path) -> tuple[list[list[object]], int, dict[str, int]]:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # zip, XML and openpyxl errors all mean "not a workbook we can read"
        raise CheckerError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    try:
        sheets = sorted(wb.worksheets, key=lambda ws: header_key(ws.title) != "findings")
        for ws in sheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            found = _find_header(rows)
            if found:
                return rows, *found
    finally:
        wb.close()
    raise CheckerError(f"{path}: no sheet has a header row with 'id' and 'decision' columns")


def read_review_file(path: str | Path) -> list[SheetRow]:
    """The sheet's filled rows (.xlsx, or .csv/.txt with , ; or tab), texts restored."""
    path = Path(path)
    if not path.is_file():
        raise CheckerError(f"{path}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows, head, cols = _read_xlsx(path)
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        rows, head, cols = _read_csv(path)
    else:
        raise CheckerError(f"{path}: review files are .xlsx or .csv, not {path.suffix or 'no extension'!r}")
    out = []
    for n, row in enumerate(rows[head + 1:], head + 2):
        values = {name: restore(cell_text(row[i]) if i < len(row) else "") for name, i in cols.items()}
        if not any(v.strip() for v in values.values()):
            continue
        cells = {restore(cell_text(h)).replace("\ufeff", "").strip(): restore(cell_text(v))
                 for h, v in zip(rows[head], row) if cell_text(h).strip()}
        out.append(SheetRow(row=n, id=values["id"].strip(), decision=values["decision"],
                            reviewer=values.get("reviewer", "").strip(),
                            note=values.get("note", "").replace("\r\n", "\n").strip(),
                            rule=values.get("rule", "").strip(), message=values.get("message", ""),
                            cells=cells))
    return out


# ------------------------------------------------------------------ merging

def _summary(message: str) -> str:
    text = " ".join(message.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def validate_rows(path: str | Path, rows: list[SheetRow]) -> list[tuple[SheetRow, str]]:
    """(row, normalised decision) for every row; ReviewFileError listing every bad row otherwise."""
    problems: list[str] = []
    good: list[tuple[SheetRow, str]] = []
    seen: dict[str, tuple[SheetRow, str]] = {}
    for r in rows:
        decision = normalize_decision(r.decision)
        where = f"{path}: row {r.row}" + (f" (id {r.id})" if r.id else "")
        if decision is None:
            problems.append(f"{where}: unknown decision {r.decision.strip()!r} "
                            f"(expected one of {', '.join(DECISIONS)})")
            continue
        if not r.id:
            if decision != "unreviewed" or r.reviewer or r.note:
                problems.append(f"{where}: a decision or note but no id")
            continue
        if r.id in seen:
            first, first_decision = seen[r.id]
            if (first_decision, first.reviewer, first.note) != (decision, r.reviewer, r.note):
                problems.append(f"{where}: id also on row {first.row} with a different decision")
            continue
        seen[r.id] = (r, decision)
        good.append((r, decision))
    if problems:
        raise ReviewFileError(f"{path}: {len(problems)} problem(s); nothing imported, fix them and "
                              f"import again", problems)
    return good


def merge_rows(store: dict[str, Decision], rows: Iterable[tuple[SheetRow, str]],
               findings: Iterable[Finding] | None) -> ImportResult:
    """The store with the sheet's decisions applied; the input dict is not modified.

    A decision is never lost: ids missing from the sheet keep theirs, and an "unreviewed" row with
    no reviewer and no note leaves an existing decision alone. With `findings` given, decisions
    whose finding is gone are marked stale (and un-marked when it is back).
    """
    current = {f.id: f for f in findings} if findings is not None else None
    out = {k: Decision(**vars(v)) for k, v in store.items()}
    result = ImportResult(decisions=out)
    for r, decision in rows:
        old = out.get(r.id)
        if decision == "unreviewed" and not r.reviewer and not r.note:
            result.kept += 1
            continue
        f = current.get(r.id) if current is not None else None
        new = Decision(id=r.id, decision=decision, reviewer=r.reviewer, note=r.note,
                       rule=f.rule if f else (r.rule or (old.rule if old else "")),
                       summary=_summary(f.message if f else (r.message or (old.summary if old else ""))),
                       stale=old.stale if old else False)
        if old is None:
            result.added.append(r.id)
        elif (old.decision, old.reviewer, old.note) != (new.decision, new.reviewer, new.note):
            result.changed.append(r.id)
        else:
            result.unchanged += 1
            new.rule, new.summary = new.rule or old.rule, new.summary or old.summary
        out[r.id] = new
    if current is not None:
        result.stale = mark_stale(out, current)
    else:
        result.stale = [out[k] for k in sorted(out) if out[k].stale]
    result.added.sort()
    result.changed.sort()
    return result


def import_review(path: str | Path, store: dict[str, Decision],
                  findings: Iterable[Finding] | None) -> ImportResult:
    """Read, validate (all or nothing), merge."""
    return merge_rows(store, validate_rows(path, read_review_file(path)), findings)
