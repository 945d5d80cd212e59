"""The review workbook: findings with their evidence and a decision column, plus the alignment.

An editor decides in the spreadsheet; `checker review import` reads the decisions back. Every
text cell is neutralised (checker.review.cells) so no quote from a source can run as a formula.
Output is byte-identical for the same inputs: no timestamps, fixed zip entry dates.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from checker.errors import CheckerError
from checker.formats.alignment import alignment_rows
from checker.formats.findings import sort_claims, sort_findings
from checker.models import Claim, Finding, Group, Source
from checker.review.cells import neutralise
from checker.reportdir import write_file
from checker.review.store import DECISIONS, Decision

SIDES = ("A", "B")  # the first two claims get their own columns; the rest share "more evidence"
_QUOTE_WINDOW = 160  # characters of sentence kept on each side of the bracketed figure
FINDINGS_SHEET, ALIGNMENT_SHEET, ABOUT_SHEET = "Findings", "Alignment", "About"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    wrap: bool = False


def findings_columns() -> list[Column]:
    cols = [Column("id", 18), Column("severity", 10), Column("rule", 20), Column("message", 48, True)]
    for side in SIDES:
        cols += [Column(f"source {side}", 22, True), Column(f"outlet {side}", 18, True),
                 Column(f"line {side}", 7), Column(f"quote {side}", 60, True)]
    cols += [Column("more evidence", 40, True), Column("decision", 15), Column("reviewer", 15),
             Column("note", 40, True)]
    return cols


@dataclass
class Export:
    """What goes into a review file; `about` records how it was made, for `review import`."""

    findings: list[Finding]
    sources: list[Source] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    decisions: dict[str, Decision] = field(default_factory=dict)
    about: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ quotes

def bracketed_quote(c: Claim, original: str | None = None) -> str:
    """The claim's sentence with the figure in brackets: '… sent [about 2,000] peacekeepers …'.

    When the figure occurs twice in the sentence, the occurrence whose preceding words match the
    original file before the claim is the one bracketed.
    """
    text = " ".join(c.text.split())
    sentence = " ".join((c.sentence or "").split())
    spots = [m.start() for m in re.finditer(re.escape(text), sentence)] if text else []
    if not spots:
        spots = [m.start() for m in re.finditer(re.escape(text.lower()), sentence.lower())] if text else []
    if not spots:
        return f"[{text}] — {sentence}" if sentence else f"[{text}]"
    at = spots[0]
    if len(spots) > 1 and original is not None:
        before = " ".join(original[max(0, c.start - 80):c.start].split())
        at = max(spots, key=lambda s: (_common_suffix(sentence[:s].rstrip(), before.rstrip()), -s))
    end = at + len(sentence[at:at + len(text)])
    head, tail = sentence[:at], sentence[end:]
    if len(head) > _QUOTE_WINDOW:
        cut = head.find(" ", len(head) - _QUOTE_WINDOW)
        head = "…" + head[cut + 1 if cut >= 0 else len(head) - _QUOTE_WINDOW:]
    if len(tail) > _QUOTE_WINDOW:
        cut = tail.rfind(" ", 0, _QUOTE_WINDOW)
        tail = tail[:cut if cut > 0 else _QUOTE_WINDOW] + "…"
    return f"{head}[{sentence[at:end]}]{tail}"


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# ------------------------------------------------------------------ rows

def findings_rows(export: Export) -> list[list[object]]:
    """One row per finding, in `findings_columns()` order; texts not yet neutralised."""
    by_name = {s.name: s for s in export.sources}
    rows = []
    for f in sort_findings(export.findings):  # the order of every other report
        claims = sort_claims(f.claims)
        row: list[object] = [f.id, f.severity, f.rule, f.message]
        for i in range(len(SIDES)):
            if i < len(claims):
                c = claims[i]
                src = by_name.get(c.source)
                row += [c.source, (src.outlet or "") if src else "", c.line,
                        bracketed_quote(c, src.original if src else None)]
            else:
                row += ["", "", "", ""]
        more = []
        for c in claims[len(SIDES):]:
            src = by_name.get(c.source)
            who = f" ({src.outlet})" if src and src.outlet else ""
            more.append(f"{c.source}{who} line {c.line}: {bracketed_quote(c, src.original if src else None)}")
        row.append("\n".join(more))
        d = export.decisions.get(f.id)
        row += [d.decision, d.reviewer, d.note] if d else ["unreviewed", "", ""]
        rows.append(row)
    return rows


def alignment_table(export: Export) -> list[list[str]]:
    """Header plus one row per aligned group, one column per source (the figure as stated)."""
    columns, rows = alignment_rows(export.groups, export.sources, export.findings)
    table = [["group", "quantity", "kind", "flag"] + [title for _, title in columns]]
    for r in rows:
        table.append([r["group"], r["quantity"], r["kind"], r["flag"]]
                     + [r["cells"].get(name, "") for name, _ in columns])
    return table


# ------------------------------------------------------------------ writers

def write_review(path: str | Path, export: Export) -> None:
    """.xlsx (three sheets) or .csv (the Findings sheet only), chosen by extension; atomic."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = xlsx_bytes(export)
    elif suffix == ".csv":
        data = csv_text(export).encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    else:
        raise CheckerError(f"{path}: review files are .xlsx or .csv, not {suffix or 'no extension'!r}")
    write_file(path, data)


def _cell_text(value: object) -> object:
    return neutralise(value) if isinstance(value, str) else value


def csv_text(export: Export) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c.header for c in findings_columns()])
    for row in findings_rows(export):
        writer.writerow([_cell_text(v) for v in row])
    return buf.getvalue()


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")


def _put(ws, row: int, col: int, value: object, wrap: bool = False):
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = neutralise(value)
        cell.data_type = "s"  # never a formula, whatever openpyxl would infer
    else:
        cell.value = value
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        cell.alignment = Alignment(vertical="top")
    return cell


def _header(ws, headers: list[str], widths: list[int]) -> None:
    for i, (h, w) in enumerate(zip(headers, widths), 1):
        cell = _put(ws, 1, i, h)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"


def build_workbook(export: Export) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS_SHEET
    cols = findings_columns()
    _header(ws, [c.header for c in cols], [c.width for c in cols])
    rows = findings_rows(export)
    for r, row in enumerate(rows, 2):
        for i, (value, col) in enumerate(zip(row, cols), 1):
            _put(ws, r, i, value, col.wrap)
    last = max(2, len(rows) + 1)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    decision_col = get_column_letter([c.header for c in cols].index("decision") + 1)
    dv = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Unknown decision",
                        error="Choose one of: " + ", ".join(DECISIONS))
    dv.add(f"{decision_col}2:{decision_col}{last}")
    ws.add_data_validation(dv)

    wa = wb.create_sheet(ALIGNMENT_SHEET)
    table = alignment_table(export)
    _header(wa, table[0], [14, 36, 10, 9] + [24] * (len(table[0]) - 4))
    for r, row in enumerate(table[1:], 2):
        for i, value in enumerate(row, 1):
            _put(wa, r, i, value, wrap=i > 4)
    wa.auto_filter.ref = f"A1:{get_column_letter(len(table[0]))}{max(2, len(table))}"

    about = wb.create_sheet(ABOUT_SHEET)
    about.sheet_state = "hidden"
    _put(about, 1, 1, "key")
    _put(about, 1, 2, "value")
    for r, (k, v) in enumerate(sorted(export.about.items()), 2):
        _put(about, r, 1, k)
        _put(about, r, 2, v)
    return wb


_FIXED_TIME = datetime(2000, 1, 1)


def xlsx_bytes(export: Export) -> bytes:
    """The workbook, with fixed document dates and zip entry times so the bytes are reproducible."""
    wb = build_workbook(export)
    wb.properties.created = _FIXED_TIME
    wb.properties.creator = "checker"
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, data)
    return out.getvalue()
