"""`checker baseline`: record today's findings so `checker ci` fails only on new ones."""
from __future__ import annotations

import click

from checker.baseline import DEFAULT_NAME, baseline_text
from checker.reportdir import write_file


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", metavar="FILE", type=click.Path(dir_okay=False),
              help=f"Write the baseline here (atomically); usual place: FOLDER/{DEFAULT_NAME}. "
                   "Default: standard output.")
@click.option("--rules", "rules_dir", metavar="DIR", type=click.Path(), help="Rules folder.")
def command(paths: tuple[str, ...], output: str | None, rules_dir: str | None) -> None:
    """Write every current finding of PATHS to a baseline file.

    One finding a line, sorted by its stable id (no line numbers), with rule, severity,
    sources and a short summary for people reading the diff. Commit it; `checker ci`
    then treats these findings as already there.

    Example:

        checker baseline sources/ --output sources/.checker-baseline.json
    """
    from checker.pipeline import run_check

    result = run_check(list(paths), rules_dir=rules_dir)
    text = baseline_text(result.findings)
    if output:
        write_file(output, text)
        click.echo(f"{output}: {len({f.id for f in result.findings})} finding(s) in the baseline", err=True)
    else:
        click.echo(text, nl=False)
