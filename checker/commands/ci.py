"""`checker ci`: fail a build only on findings nobody has seen yet.

Exit 0: nothing new at or above --fail-on; 1: something new; 2: checker could not run.
"""
from __future__ import annotations

import json
import os

import click

from checker.reportdir import write_file
from checker.formats.findings import findings_json
from checker.formats.github import github_report, summary_line
from checker.formats.junit import junit_report
from checker.formats.sarif import sarif_report
from checker.gate import NEW, GateResult, run_gate

FORMATS = ("text", "github", "sarif", "json", "junit")


def text_report(result: GateResult) -> str:
    """New findings, one block each with every place, then the one-line summary."""
    lines = []
    for item in result.items:
        if not item.new:
            continue
        f = item.finding
        mark = "FAIL" if result.fails(item) else "new "
        lines.append(f"{mark} {f.severity:<7} {f.rule}  {f.message}")
        for c in f.claims:
            lines.append(f"       {result.path(c)}:{c.line}:{c.column}  \"{c.text}\"")
        lines.append(f"       id {f.id}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def json_report(result: GateResult) -> str:
    """`checker check`'s JSON, each finding with `new` and its gate `status` added."""
    doc = json.loads(findings_json([i.finding for i in result.items], result.groups))
    status = {i.finding.id: i.status for i in result.items}
    for f in doc["findings"]:
        f["new"] = status[f["id"]] == NEW
        f["status"] = status[f["id"]]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


RENDER = {"text": text_report, "github": github_report, "sarif": sarif_report, "json": json_report,
          "junit": junit_report}


@click.command("ci")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--base", metavar="REF", help="Only findings involving sources added or changed since this "
              "git revision (plus untracked files) can be new.")
@click.option("--baseline", "baseline", metavar="FILE", type=click.Path(dir_okay=False),
              help="Findings accepted as already there (from `checker baseline`). "
                   "Default: FOLDER/.checker-baseline.json when it exists.")
@click.option("--store", metavar="FILE", type=click.Path(dir_okay=False),
              help="Review decisions; confirmed, dismissed and needs-source findings are not new. "
                   "Default: the store beside the sources, if any.")
@click.option("--rules", "rules_dir", metavar="DIR", type=click.Path(), help="Rules folder.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help="Write the report here (atomically) instead of standard output.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity of a new finding that fails the run (info never fails).")
def command(paths: tuple[str, ...], base: str | None, baseline: str | None, store: str | None,
            rules_dir: str | None, fmt: str, output: str | None, fail_on: str) -> None:
    """Check PATHS and fail (exit 1) only when there is a NEW finding.

    A finding is not new when it is in the review store with a decision (confirmed, dismissed,
    needs-source), when it is in the baseline, or — with --base — when none of its sources
    changed since REF. Exit 2 when checker could not run (bad rules, unreadable sources, not a
    git repository, unknown ref).

    Examples:

        checker ci sources/ --baseline sources/.checker-baseline.json

        checker ci sources/ --base origin/main --format sarif --output checker.sarif
    """
    result = run_gate(list(paths), base=base, baseline=baseline, store=store, rules_dir=rules_dir,
                      fail_on=fail_on, cwd=os.getcwd())
    report = RENDER[fmt](result)
    if output:
        write_file(output, report)
        click.echo(summary_line(result), err=True)
    else:
        click.echo(report, nl=False)
    click.get_current_context().exit(result.exit_code)
