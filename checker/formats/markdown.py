"""The Markdown report: summary, sources, the alignment table, then every finding with its evidence.

Ordered for an editor: the one-line verdict, which figures the sources agree or disagree on,
and only then the detail. Names files, never full paths, so the report is the same wherever
it is generated.
"""
from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from checker.formats.alignment import alignment_markdown
from checker.formats.findings import findings_markdown, md_escape, summary_line
from checker.models import Claim, Finding, Group, Source, iso

TITLE = "Fact-consistency report"
ALIGNMENT_NOTE = ("Each row is one quantity as the sources state it, one column per source; "
                  "`flag` is the worst finding about it.")


def sources_markdown(sources: list[Source], claims: list[Claim]) -> str:
    per_source = Counter(c.source for c in claims)
    rows = [[md_escape(s.name), md_escape(s.outlet or "—"), iso(s.published) or "—", str(per_source[s.name]),
             md_escape("; ".join(s.notices)) or "—"]
            for s in sorted(sources, key=lambda s: s.name)]
    if not rows:
        return "No sources.\n"
    return tabulate(rows, headers=["file", "outlet", "published", "claims", "reading notes"],
                    tablefmt="github", disable_numparse=True) + "\n"


def report_markdown(*, sources: list[Source], claims: list[Claim], groups: list[Group],
                    findings: list[Finding], hidden: int = 0) -> str:
    summary = summary_line(findings, sources=len(sources), claims=len(claims), groups=len(groups),
                           hidden=hidden)
    parts = [
        f"# {TITLE}", "",
        summary[0].upper() + summary[1:] + ".", "",
        "## Alignment", "",
        ALIGNMENT_NOTE, "",
        alignment_markdown(groups, sources, findings),
        findings_markdown(findings, outlets={s.name: s.outlet for s in sources if s.outlet}),
        "## Sources", "",
        sources_markdown(sources, claims),
    ]
    return "\n".join(parts).rstrip("\n") + "\n"


def alignment_page(*, sources: list[Source], groups: list[Group], findings: list[Finding]) -> str:
    """alignment.md: the table alone, with a heading so it reads on its own."""
    return "\n".join(["# Alignment", "", ALIGNMENT_NOTE, "", alignment_markdown(groups, sources, findings)])
