"""The alignment table: one row per aligned quantity, one column per source.

It is what an editor reads first, so each cell is the figure as the source wrote it ("more than
2,000", "1,050 (as of 2023-09-24T22:00)"), columns are named for outlets, and rows a rule
flagged come first.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from tabulate import tabulate

from checker.formats.findings import md_escape, severity_rank, sort_claims
from checker.models import Claim, Finding, Group, Source


def figure(c: Claim) -> str:
    """The claim as stated: its text (hedge included) and its as-of time when the source gives one."""
    text = " ".join(c.text.split())
    if c.hedge_word and c.hedge_word.lower() not in text.lower():
        text = f"{c.hedge_word} {text}"
    if c.as_of:
        text += f" (as of {c.as_of})"
    return text


def source_columns(sources: Iterable[Source]) -> list[tuple[str, str]]:
    """(file name, column title) in file-name order: the outlet when known, else the file name.

    Two files from one outlet keep the outlet and add the file name, so no two columns share a title.
    """
    ordered = sorted(sources, key=lambda s: s.name)
    titles = {s.name: (s.outlet or "").strip() or s.name for s in ordered}
    seen: dict[str, int] = {}
    for t in titles.values():
        seen[t] = seen.get(t, 0) + 1
    return [(s.name, titles[s.name] if seen[titles[s.name]] == 1 else f"{titles[s.name]} ({s.name})")
            for s in ordered]


def group_flags(groups: Iterable[Group], findings: Iterable[Finding]) -> dict[str, str]:
    """Group id -> the worst severity of the findings about it (by group id, or by sharing a claim)."""
    owner: dict[tuple[str, int, int], str] = {}
    for g in groups:
        for c in g.claims:
            owner.setdefault((c.source, c.start, c.end), g.id)
    flags: dict[str, str] = {}
    for f in findings:
        ids = {f.group} if f.group else {owner.get((c.source, c.start, c.end)) for c in f.claims}
        for gid in ids - {None}:
            if gid not in flags or severity_rank(f.severity) < severity_rank(flags[gid]):
                flags[gid] = f.severity
    return flags


def alignment_rows(groups: list[Group], sources: list[Source],
                   findings: list[Finding] | None = None) -> tuple[list[tuple[str, str]], list[dict]]:
    """The table as data: the source columns, and one row per group, flagged rows first.

    Row order: worst flag first, then quantities stated by more sources, then by label; so the
    disagreements and the widely reported figures sit at the top.
    """
    columns = source_columns(sources)
    known = {name for name, _ in columns}
    flags = group_flags(groups, findings or [])
    rows = []
    for g in groups:
        cells: dict[str, list[str]] = {}
        for c in sort_claims(g.claims):
            cell = cells.setdefault(c.source, [])
            text = figure(c)
            if text not in cell:
                cell.append(text)
        for name in cells:
            if name not in known:  # a claim from a source not passed in still gets a column
                columns.append((name, name))
                known.add(name)
        rows.append({"group": g.id, "quantity": g.label, "kind": g.kind, "flag": flags.get(g.id, ""),
                     "cells": {name: "; ".join(v) for name, v in cells.items()}, "stated_by": len(cells)})
    columns.sort(key=lambda nc: nc[0])
    rows.sort(key=lambda r: (severity_rank(r["flag"]) if r["flag"] else 99, -r["stated_by"],
                             r["quantity"].lower(), r["group"]))
    return columns, rows


def alignment_csv(groups: list[Group], sources: list[Source], findings: list[Finding] | None = None) -> str:
    columns, rows = alignment_rows(groups, sources, findings)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["group", "quantity", "kind", "flag"] + [title for _, title in columns])
    for r in rows:
        writer.writerow([r["group"], r["quantity"], r["kind"], r["flag"]]
                        + [r["cells"].get(name, "") for name, _ in columns])
    return buf.getvalue()


def alignment_markdown(groups: list[Group], sources: list[Source], findings: list[Finding] | None = None) -> str:
    """A GitHub table, padded so it also reads as plain text; '—' where a source is silent."""
    columns, rows = alignment_rows(groups, sources, findings)
    if not rows:
        return "No aligned quantities.\n"
    headers = ["quantity", "flag"] + [md_escape(title) for _, title in columns]
    body = [[md_escape(r["quantity"]), r["flag"]]
            + [md_escape(r["cells"][name]) if name in r["cells"] else "—" for name, _ in columns]
            for r in rows]
    return tabulate(body, headers=headers, tablefmt="github", disable_numparse=True) + "\n"
