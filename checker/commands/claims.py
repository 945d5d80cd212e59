"""`checker claims`: every numeric claim of the sources, as a table, JSON or CSV."""
from __future__ import annotations

import click

from checker.formats.claims import claims_csv, claims_json, claims_table
from checker.pipeline import extract_all
from checker.reportdir import write_file
from checker.sources import read_sources


@click.command("claims")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--output", "-o", metavar="FILE", default=None,
              help="Write the output to FILE (atomically) instead of standard output.")
def command(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Extract the numeric claims of PATHS (files or folders of .txt, .md, .html;
    - for standard input).

    Each claim keeps its file, line, column and character offsets in the original
    file, its value as an interval with the hedge that made it, what it counts,
    and its context words.

    Example:

        checker claims seeds/ --format json
    """
    sources = read_sources(list(paths))
    claims = [c for found in extract_all(sources) for c in found]
    if fmt == "json":
        text = claims_json(claims) + "\n"
    elif fmt == "csv":
        text = claims_csv(claims)
    else:
        text = claims_table(claims) + "\n"
    if output is not None:
        write_file(output, text)
        click.echo(f"wrote {output}: {len(claims)} claim(s) from {len(sources)} source(s)", err=True)
    else:
        click.echo(text, nl=False)
