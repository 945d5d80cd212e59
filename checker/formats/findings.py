"""Findings as a terminal table, JSON, CSV and Markdown, plus the one-line run summary.

Every function sorts what it is given, so the same findings always give the same bytes
whatever order the rules produced them in.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import textwrap
from collections.abc import Iterable

from tabulate import tabulate

from checker.models import Claim, Finding, Group

SEVERITIES = ("error", "warning", "info")
JSON_VERSION = 1
_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_SIDE_FIELDS = ("source", "line", "column", "quote")


def severity_rank(severity: str) -> int:
    """0 for error (the worst), larger for milder; unknown severities sort last."""
    return _RANK.get(severity, len(SEVERITIES))


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Worst first, then by rule, then by where the evidence starts: the order an editor reads."""
    def key(f: Finding):
        first = min(((c.source, c.line, c.column) for c in f.claims), default=("", 0, 0))
        return (severity_rank(f.severity), f.rule, first, f.id)
    return sorted(findings, key=key)


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.source, c.line, c.column, c.start))


def where(c: Claim) -> str:
    return f"{c.source}:{c.line}"


def quote(c: Claim, *, min_chars: int = 24, max_words: int = 4) -> str:
    """The claim's text, widened by a few words of its sentence when it is too short to read alone.

    "1,050" says little; "at least 1,050 people had been" says what was counted. Words are added
    alternately after and before the figure until the quote reaches `min_chars` or `max_words`
    words a side; an ellipsis marks where the sentence goes on.
    """
    return _quote(c.text, c.sentence or "", min_chars, max_words)


@functools.lru_cache(maxsize=1 << 16)
def _quote(text: str, sentence: str, min_chars: int, max_words: int) -> str:
    text = " ".join(text.split())
    sentence = " ".join(sentence.split())
    if len(text) >= min_chars or not sentence:
        return text
    at = sentence.find(text)
    if at < 0:
        at = sentence.lower().find(text.lower())
    if at < 0:  # the cleaned sentence spells it differently (repaired mojibake): no context
        return text
    before = re.findall(r"\S+\s*", sentence[:at])
    after = re.findall(r"\s*\S+", sentence[at + len(text):])
    n_left = n_right = 0

    def widened() -> str:
        return "".join(before[len(before) - n_left:]) + text + "".join(after[:n_right])

    while len(widened()) < min_chars:
        grew = False
        if n_right < min(max_words, len(after)):
            n_right, grew = n_right + 1, True
        if len(widened()) < min_chars and n_left < min(max_words, len(before)):
            n_left, grew = n_left + 1, True
        if not grew:
            break
    head = "…" if n_left < len(before) else ""
    tail = "…" if n_right < len(after) else ""
    return head + widened().strip() + tail


def count_phrase(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 or noun == "info" else f"{n} {noun}s"


def summary_line(findings: list[Finding], *, sources: int, claims: int, groups: int,
                 hidden: int = 0) -> str:
    """'3 findings: 1 error, 1 warning, 1 info in 5 sources, 84 claims, 12 aligned quantities'."""
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    scope = (f"{count_phrase(sources, 'source')}, {count_phrase(claims, 'claim')}, "
             f"{groups} aligned {'quantity' if groups == 1 else 'quantities'}")
    if findings:
        parts = ", ".join(count_phrase(n, s) for s, n in counts.items() if n)
        line = f"{count_phrase(len(findings), 'finding')}: {parts} in {scope}"
    else:
        line = f"no findings in {scope}"
    if hidden:
        line += f" ({hidden} dismissed in review not shown; --all shows them)"
    return line


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(" ".join(text.split()), width, break_long_words=True,
                                   break_on_hyphens=False)) or ""


def findings_table(findings: list[Finding], *, quote_width: int = 36, message_width: int = 30) -> str:
    """A terminal table: one row per finding, one line per piece of evidence inside it."""
    if not findings:
        return "no findings"
    rows = []
    for f in sort_findings(findings):
        claims = sort_claims(f.claims)
        severity = f.severity if not f.review else f"{f.severity}\n({f.review.get('decision', '')})"
        places, quotes = [], []
        for c in claims:
            q = _wrap(f"“{quote(c)}”", quote_width)
            quotes.append(q)
            places.append(where(c) + "\n" * q.count("\n"))  # keep each place level with its quote
        rows.append([severity, f.rule, "\n".join(places), "\n".join(quotes), _wrap(f.message, message_width)])
    return tabulate(rows, headers=["severity", "rule", "where", "quote", "message"], tablefmt="simple",
                    disable_numparse=True)


def findings_json(findings: list[Finding], groups: list[Group]) -> str:
    """`{"version": 1, "findings": [...], "groups": [...]}`; claims carry every field of `checker claims`."""
    # A claim appears in its group and in every finding that cites it, always at the same depth:
    # each is encoded once and put in place of a marker, which keeps the bytes of a plain
    # json.dumps(indent=2) and makes large runs several times faster.
    encoded: dict[int, str] = {}
    placed = 0

    def marker(c: Claim) -> str:
        nonlocal placed
        placed += 1
        if id(c) not in encoded:
            text = json.dumps(c.to_dict(), ensure_ascii=False, indent=2)
            encoded[id(c)] = text.replace("\n", "\n" + " " * _CLAIM_INDENT)
        return f"\x00{id(c)}\x00"

    ordered = sort_findings(findings)
    ordered_groups = sorted(groups, key=lambda g: g.id)
    doc = {"version": JSON_VERSION, "findings": [f.to_dict(marker) for f in ordered],
           "groups": [g.to_dict(marker) for g in ordered_groups]}
    text, found = _MARKER.subn(lambda m: encoded.get(int(m.group(1)), m.group(0)),
                               json.dumps(doc, ensure_ascii=False, indent=2))
    if found != placed:  # a NUL-digits-NUL string in the text itself: take the plain road
        doc = {"version": JSON_VERSION, "findings": [f.to_dict() for f in ordered],
               "groups": [g.to_dict() for g in ordered_groups]}
        text = json.dumps(doc, ensure_ascii=False, indent=2)
    return text + "\n"


_CLAIM_INDENT = 8  # {"findings": [{"claims": [claim]}]}: four levels of two spaces
_MARKER = re.compile(r'"\\u0000(\d+)\\u0000"')


def findings_csv(findings: list[Finding]) -> str:
    """One flat row per finding: fixed columns, then source/line/column/quote for each side.

    The number of sides is the most any finding has (at least two), so every row has the same
    columns and a spreadsheet or pandas reads it as is.
    """
    ordered = sort_findings(findings)
    sides = max([2] + [len(f.claims) for f in ordered])
    header = ["id", "severity", "rule", "message", "group", "review", "reviewer", "note"]
    header += [f"{name}_{i}" for i in range(1, sides + 1) for name in _SIDE_FIELDS]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for f in ordered:
        review = f.review or {}
        row = [f.id, f.severity, f.rule, f.message, f.group or "", review.get("decision", ""),
               review.get("reviewer", ""), review.get("note", "")]
        claims = sort_claims(f.claims)
        for i in range(sides):
            if i < len(claims):
                c = claims[i]
                row += [c.source, c.line, c.column, quote(c)]
            else:
                row += ["", "", "", ""]
        writer.writerow(row)
    return buf.getvalue()


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell or list item: one line, markup characters escaped.

    Underscores inside words (file names) stay as they are: they never make emphasis.
    """
    return _md_escape(str(text))


_MARKUP = re.compile(r"([\\|*`<>\[\]])")
_LONE_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")


@functools.lru_cache(maxsize=1 << 16)
def _md_escape(text: str) -> str:
    # Cached: a large report repeats the same sentences and quotes in thousands of findings.
    text = " ".join(text.split())
    return _LONE_UNDERSCORE.sub(r"\\_", _MARKUP.sub(r"\\\1", text))


def md_sentence(c: Claim) -> str:
    """The claim's sentence with the claim itself in bold, so the eye finds it."""
    return _md_sentence(c.sentence or "", c.text)


@functools.lru_cache(maxsize=1 << 16)
def _md_sentence(sentence: str, text: str) -> str:
    sentence = " ".join(sentence.split())
    text = " ".join(text.split())
    at = sentence.find(text) if text else -1
    if at < 0:
        return md_escape(sentence)
    return (md_escape(sentence[:at]) + (" " if sentence[:at].endswith(" ") else "")
            + f"**{md_escape(text)}**" + (" " if sentence[at + len(text):].startswith(" ") else "")
            + md_escape(sentence[at + len(text):]))


def findings_markdown(findings: list[Finding], *, outlets: dict[str, str] | None = None,
                      heading: str = "##") -> str:
    """Every finding with its evidence: quote with file:line and outlet, then the whole sentence."""
    outlets = outlets or {}
    lines = [f"{heading} Findings", ""]
    if not findings:
        lines += ["No findings.", ""]
        return "\n".join(lines)
    for n, f in enumerate(sort_findings(findings), 1):
        lines += [f"{heading}# {n}. {f.severity}: {md_escape(f.rule)}", "", md_escape(f.message), ""]
        meta = [f"id `{f.id}`"]
        if f.group:
            meta.append(f"group `{f.group}`")
        if f.review:
            r = f.review
            text = f"review: **{md_escape(r.get('decision', ''))}**"
            if r.get("reviewer"):
                text += f" by {md_escape(r['reviewer'])}"
            if r.get("note"):
                text += f" ({md_escape(r['note'])})"
            meta.append(text)
        lines += [", ".join(meta), ""]
        for c in sort_claims(f.claims):
            outlet = outlets.get(c.source)
            who = f", {md_escape(outlet)}" if outlet else ""
            lines.append(f"- `{where(c)}`{who}: “{md_escape(quote(c))}”")
            if c.sentence:
                lines.append(f"  > {md_sentence(c)}")
        lines.append("")
    return "\n".join(lines)
