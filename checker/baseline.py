"""Baseline files: the findings a team has accepted as "already there", so CI only fails on new ones.

The file is JSON with one finding a line, sorted by id, so a regenerated baseline diffs like
code. The key is the finding's stable id (no line numbers); rule, severity, sources and a short
summary are there for the humans reading the diff and are ignored when reading.
"""
from __future__ import annotations

import json

from checker.errors import CheckerError
from checker.models import Finding

FORMAT = "checker-baseline"
VERSION = 1
SUMMARY_WIDTH = 120
DEFAULT_NAME = ".checker-baseline.json"


def summary(finding: Finding) -> str:
    """First line of the message, clipped: enough for a human to recognise the finding."""
    text = " ".join((finding.message or "").split())
    return text if len(text) <= SUMMARY_WIDTH else text[: SUMMARY_WIDTH - 1] + "…"


def baseline_entry(finding: Finding) -> dict:
    return {"id": finding.id, "rule": finding.rule, "severity": finding.severity,
            "sources": sorted({c.source for c in finding.claims}), "summary": summary(finding)}


def baseline_text(findings: list[Finding]) -> str:
    """The baseline file's text: a header line, then one finding a line, sorted by id."""
    entries: dict[str, dict] = {}
    for f in findings:
        entries.setdefault(f.id, baseline_entry(f))
    lines = [json.dumps(entries[k], ensure_ascii=False, sort_keys=False) for k in sorted(entries)]
    head = f'{{"format": "{FORMAT}", "version": {VERSION}, "findings": ['
    if not lines:
        return head + "]}\n"
    return head + "\n" + ",\n".join(lines) + "\n]}\n"


def read_baseline(path: str) -> dict[str, dict]:
    """Baseline file -> {finding id: entry}; CheckerError naming the file (and line) when unusable."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise CheckerError(f"{path}: baseline not found (create it with `checker baseline PATH --output {path}`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read baseline ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CheckerError(f"{path}:{exc.lineno}: not a checker baseline ({exc.msg})") from None
    items = data.get("findings") if isinstance(data, dict) else data
    if not isinstance(items, list) or (isinstance(data, dict) and data.get("format", FORMAT) != FORMAT):
        raise CheckerError(f"{path}: not a checker baseline (expected {{\"format\": \"{FORMAT}\", \"findings\": [...]}})")
    out: dict[str, dict] = {}
    for n, item in enumerate(items, 1):
        fid = item.get("id") if isinstance(item, dict) else item
        if not isinstance(fid, str) or not fid:
            raise CheckerError(f"{path}: finding {n} has no \"id\"")
        out[fid] = item if isinstance(item, dict) else {"id": fid}
    return out
