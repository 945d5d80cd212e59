"""The Markdown report: verdict, alignment, findings, sources; the same bytes wherever it is made."""
from __future__ import annotations

import os

from checker.formats.markdown import report_markdown, sources_markdown


def _report(ev, **kw):
    return report_markdown(sources=ev.sources, claims=ev.claims, groups=ev.groups, findings=ev.findings, **kw)


def test_report_reads_summary_alignment_findings_sources_in_that_order(evidence):
    md = _report(evidence)
    lines = md.splitlines()
    assert lines[0] == "# Fact-consistency report"
    assert lines[2].startswith("3 findings: 1 error, 1 warning, 1 info in 5 sources, ")
    assert lines[2].endswith(" 3 aligned quantities.")
    heads = [line for line in lines if line.startswith("## ")]
    assert heads == ["## Alignment", "## Findings", "## Sources"]
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_report_names_files_not_paths_and_is_order_independent(evidence):
    md = _report(evidence)
    assert "seeds/" not in md and os.getcwd() not in md
    shuffled = report_markdown(sources=list(reversed(evidence.sources)), claims=evidence.claims,
                               groups=list(reversed(evidence.groups)), findings=list(reversed(evidence.findings)))
    assert shuffled == md


def test_report_says_how_many_dismissed_findings_it_hides(evidence):
    assert "(2 dismissed in review not shown; --all shows them)." in _report(evidence, hidden=2)


def test_sources_table_counts_claims_and_shows_reading_notes(evidence):
    md = sources_markdown(evidence.sources, evidence.claims)
    row = next(line for line in md.splitlines() if line.startswith("| 003_"))
    assert "Al Jazeera (republished)" in row and "2023-09-19" in row
    assert "mojibake" in row
    n = sum(1 for c in evidence.claims if c.source.startswith("003_"))
    assert f"| {n} " in row


def test_alignment_page_is_the_table_under_a_heading(evidence):
    from checker.formats.alignment import alignment_markdown
    from checker.formats.markdown import alignment_page
    page = alignment_page(sources=evidence.sources, groups=evidence.groups, findings=evidence.findings)
    assert page.startswith("# Alignment\n\n")
    assert page.endswith(alignment_markdown(evidence.groups, evidence.sources, evidence.findings))
