"""The decision store: editors' verdicts on findings, kept in a small CSV beside the sources.

Decisions are keyed by the finding's stable id (no line numbers in it), so they survive edits
to the sources. The file is meant to be committed: sorted by id, fixed columns, UTF-8, `\\n`.
A decision is never dropped: ids whose finding has gone are kept and marked stale.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.errors import CheckerError
from checker.reportdir import write_file
from checker.models import Finding

DECISIONS = ("unreviewed", "confirmed", "dismissed", "needs-source")
STORE_NAME = "reviews.csv"
COLUMNS = ("id", "decision", "reviewer", "note", "rule", "summary", "stale")
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0", "")


@dataclass
class Decision:
    """One editor's verdict on one finding; `rule`/`summary` keep it readable after it goes stale."""

    id: str
    decision: str
    reviewer: str
    note: str
    rule: str = ""
    summary: str = ""
    stale: bool = False


def normalize_decision(value: str) -> str | None:
    """'  Dismissed ' -> 'dismissed'; 'needs source' -> 'needs-source'; unknown -> None."""
    key = " ".join(str(value).split()).lower().replace(" ", "-").replace("_", "-")
    if key == "":
        return "unreviewed"
    return key if key in DECISIONS else None


def load_decisions(path: str | os.PathLike) -> dict[str, Decision]:
    """The store at `path` ({} if it does not exist); a malformed file is a `path:line` error."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read the review store ({exc})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CheckerError(f"{path}:1: {exc}") from None
    if header is None:
        return {}
    header = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS[:2] if c not in header]
    if missing:
        raise CheckerError(f"{path}:1: review store header lacks column(s) {', '.join(missing)} "
                           f"(expected {','.join(COLUMNS)})")
    col = {name: header.index(name) for name in COLUMNS if name in header}
    out: dict[str, Decision] = {}
    try:
        line_end = reader.line_num
        for row in reader:
            line, line_end = line_end + 1, reader.line_num  # a quoted note may span lines
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise CheckerError(f"{path}:{line}: {len(row)} fields, the header has {len(header)}")
            row = row + [""] * (len(header) - len(row))
            get = {name: row[i] for name, i in col.items()}
            fid = get["id"].strip()
            if not fid:
                raise CheckerError(f"{path}:{line}: empty id")
            decision = normalize_decision(get["decision"])
            if decision is None:
                raise CheckerError(f"{path}:{line}: unknown decision {get['decision']!r} "
                                   f"(expected one of {', '.join(DECISIONS)})")
            stale_text = get.get("stale", "").strip().lower()
            if stale_text not in _TRUE + _FALSE:
                raise CheckerError(f"{path}:{line}: stale must be true or false, not {get['stale']!r}")
            if fid in out:
                raise CheckerError(f"{path}:{line}: id {fid} appears twice")
            out[fid] = Decision(id=fid, decision=decision, reviewer=get.get("reviewer", ""), note=get.get("note", ""),
                                rule=get.get("rule", ""), summary=get.get("summary", ""),
                                stale=stale_text in _TRUE)
    except csv.Error as exc:
        raise CheckerError(f"{path}:{reader.line_num}: {exc}") from None
    return out


def store_text(decisions: dict[str, Decision]) -> str:
    """The store's exact bytes (as text): header, then one row per id, sorted."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for fid in sorted(decisions):
        d = decisions[fid]
        writer.writerow([d.id, d.decision, d.reviewer, d.note, d.rule, d.summary,
                         "true" if d.stale else "false"])
    return buf.getvalue()


def save_decisions(path: str | os.PathLike, decisions: dict[str, Decision]) -> None:
    """Write the store atomically (temp file in the same folder, then os.replace)."""
    write_file(path, store_text(decisions))


def review_of(d: Decision) -> dict[str, str]:
    return {"decision": d.decision, "reviewer": d.reviewer, "note": d.note}


def apply_decisions(findings: Iterable[Finding], decisions: dict[str, Decision], *,
                    show_all: bool = False) -> list[Finding]:
    """Attach each finding's decision as `finding.review`; drop dismissed ones unless show_all.

    Confirmed findings stay, marked; needs-source and unreviewed stay open. Findings without a
    stored decision keep `review = None`.
    """
    out: list[Finding] = []
    for f in findings:
        d = decisions.get(f.id)
        if d is not None and not (d.decision == "unreviewed" and not d.reviewer and not d.note):
            f.review = review_of(d)
            if d.decision == "dismissed" and not show_all:
                continue
        out.append(f)
    return out


def mark_stale(decisions: dict[str, Decision], current_ids: Iterable[str]) -> list[Decision]:
    """Flag decisions whose finding is gone; un-flag those that came back. Returns the stale ones."""
    current = set(current_ids)
    for d in decisions.values():
        d.stale = d.id not in current
    return [decisions[k] for k in sorted(decisions) if decisions[k].stale]


def default_store_path(paths: Iterable[str | os.PathLike]) -> Path | None:
    """reviews.csv inside the first folder given; with files only, beside the first file.

    None when no path is given: the caller then asks for --store.
    """
    paths = [Path(p) for p in paths]
    for p in paths:
        if p.is_dir():
            return p / STORE_NAME
    return paths[0].parent / STORE_NAME if paths else None


__all__ = [
    "DECISIONS", "Decision", "load_decisions", "save_decisions", "apply_decisions",
    "default_store_path", "mark_stale", "normalize_decision", "store_text", "STORE_NAME"]
