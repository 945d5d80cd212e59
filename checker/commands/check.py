"""`checker check`: run the whole pipeline, show the findings, write reports, set the exit code."""
from __future__ import annotations

import os

import click

from checker.errors import EXIT_FINDINGS, CheckerError
from checker.formats.alignment import alignment_csv
from checker.formats.findings import (findings_csv, findings_json, findings_table, severity_rank,
                                      summary_line)
from checker.formats.markdown import alignment_page, report_markdown
from checker.reportdir import write_file, write_report_dir

FORMATS = ("table", "json", "markdown", "csv")
FAIL_ON = ("error", "warning", "never")
REPORT_FILES = ("report.md", "findings.json", "findings.csv", "alignment.csv", "alignment.md")


def _notice(message: str) -> None:
    click.echo(message, err=True)


def _review(paths: tuple[str, ...], store: str | None, findings: list, show_all: bool) -> list:
    """Attach the editors' decisions; dismissed findings drop out unless --all."""
    from checker.review.store import apply_decisions, default_store_path, load_decisions

    if store is not None:
        if not os.path.isfile(store):
            raise CheckerError(f"{store}: no such review store")
        path = store
    else:
        default = default_store_path(paths)
        path = str(default) if default is not None and default.is_file() else None
    decisions = load_decisions(path) if path else {}
    return apply_decisions(findings, decisions, show_all=show_all)


def fails(findings: list, fail_on: str) -> bool:
    """True when a finding an editor has not dismissed is at or above the --fail-on severity."""
    if fail_on == "never":
        return False
    limit = severity_rank(fail_on)
    return any(severity_rank(f.severity) <= limit and (f.review or {}).get("decision") != "dismissed"
               for f in findings)


def render(fmt: str, result, findings: list, hidden: int) -> str:
    """The chosen format's full text, ending in a newline."""
    if fmt == "json":
        return findings_json(findings, result.groups)
    if fmt == "csv":
        return findings_csv(findings)
    if fmt == "markdown":
        return report_markdown(sources=result.sources, claims=result.claims, groups=result.groups,
                               findings=findings, hidden=hidden)
    summary = summary_line(findings, sources=len(result.sources), claims=len(result.claims),
                           groups=len(result.groups), hidden=hidden)
    return findings_table(findings) + "\n\n" + summary + "\n"


def report_files(result, findings: list, hidden: int) -> dict[str, str]:
    """Every file of a --report-dir folder, by name."""
    return {
        "report.md": render("markdown", result, findings, hidden),
        "findings.json": findings_json(findings, result.groups),
        "findings.csv": findings_csv(findings),
        "alignment.csv": alignment_csv(result.groups, result.sources, findings),
        "alignment.md": alignment_page(sources=result.sources, groups=result.groups, findings=findings),
    }


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--rules", "rules_dir", metavar="DIR", default=None,
              help="Folder of rule files to use instead of the built-in rules.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format: a terminal table, JSON, a Markdown report, or CSV (one row a finding).")
@click.option("--output", "-o", metavar="FILE", default=None,
              help="Write the output to FILE (atomically) instead of standard output.")
@click.option("--report-dir", metavar="DIR", default=None,
              help="Also write report.md, findings.json, findings.csv, alignment.csv and alignment.md "
                   "into DIR, all or nothing.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--store", metavar="FILE", default=None,
              help="Review decisions to apply [default: reviews.csv in the first folder given, or beside the "
                   "first file, if it exists].")
@click.option("--all", "show_all", is_flag=True, help="Also show findings dismissed in review.")
def command(paths: tuple[str, ...], rules_dir: str | None, fmt: str, output: str | None,
            report_dir: str | None, fail_on: str, store: str | None, show_all: bool) -> None:
    """Find figures that disagree across the sources in PATHS (files or folders).

    Extracts every numeric claim, aligns the same quantity across sources, runs
    the rules and lists each finding with its evidence: the file, line and quote
    of every side. Exit status: 0 when no finding is at or above --fail-on, 1 when
    one is, 2 for bad input.

    Example:

    \b
        checker check seeds/
        checker check seeds/ --format json -o findings.json --fail-on never
        checker check seeds/ --report-dir reports/
    """
    if rules_dir is not None and not os.path.isdir(rules_dir):
        raise CheckerError(f"{rules_dir}: no such rules folder")
    from checker.pipeline import run_check  # imported here so `checker --help` works without it

    result = run_check(list(paths), rules_dir=rules_dir, on_notice=_notice)
    findings = _review(paths, store, list(result.findings), show_all)
    hidden = len(result.findings) - len(findings)

    text = render(fmt, result, findings, hidden)
    if report_dir is not None:
        write_report_dir(report_dir, report_files(result, findings, hidden))
    if output is not None:
        write_file(output, text)
    elif fmt == "csv":
        click.echo(text, nl=False)
    else:
        click.echo(text.rstrip("\n"))
    if output is not None or fmt != "table":
        click.echo(summary_line(findings, sources=len(result.sources), claims=len(result.claims),
                                groups=len(result.groups), hidden=hidden), err=True)
    if fails(findings, fail_on):
        click.get_current_context().exit(EXIT_FINDINGS)
