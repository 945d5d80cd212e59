"""GitHub Actions workflow commands: each new finding becomes an annotation on the file and line.

One annotation per claim of a new finding that sits in a changed source (every claim without
--base); the message names the other places, so a reviewer sees the whole disagreement.
"""
from __future__ import annotations

from checker.gate import GateResult, Gated

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Message escaping GitHub requires: % CR LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property (file, title) escaping: the message rules plus : and ,."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str, line: int, col: int, title: str) -> str:
    props = ",".join([f"file={escape_property(file)}", f"line={int(line)}", f"col={int(col)}",
                      f"title={escape_property(title)}"])
    return f"::{level} {props}::{escape_data(message)}"


def _annotations(result: GateResult, item: Gated) -> list[str]:
    f = item.finding
    level = COMMANDS.get(f.severity, "error")
    title = f"checker {f.rule}"
    out = []
    for claim in result.shown_claims(item):
        others = [f"{result.path(c)}:{c.line}" for c in f.claims if c is not claim]
        message = f"{f.message} [{f.id}]"
        if others:
            message += "\nAlso stated at: " + ", ".join(others)
        out.append(annotation(level, message, file=result.path(claim), line=claim.line,
                              col=claim.column, title=title))
    return out


def summary_line(result: GateResult) -> str:
    counts = result.counts()
    failing = len(result.failing)
    verdict = (f"FAIL: {failing} new finding(s) at or above {result.fail_on}" if failing
               else f"OK: no new findings at or above {result.fail_on}")
    return (f"checker ci: {verdict}; {counts['new']} new, {counts['reviewed']} reviewed, "
            f"{counts['baseline']} in baseline, {counts['existing']} in unchanged sources")


def github_report(result: GateResult) -> str:
    lines = [a for item in result.items if item.new for a in _annotations(result, item)]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
