"""`checker claims`: every numeric claim of the sources, as a table, JSON or CSV."""
from __future__ import annotations

import click

from checker.extract import extract_claims
from checker.formats.claims import claims_csv, claims_json, claims_table
from checker.sources import read_sources


@click.command("claims")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Extract the numeric claims of PATHS (files or folders of .txt, .md, .html).

    Each claim keeps its file, line, column and character offsets in the original
    file, its value as an interval with the hedge that made it, what it counts,
    and its context words.

    Example:

        checker claims seeds/ --format json
    """
    sources = read_sources(list(paths))
    claims = [c for src in sources for c in extract_claims(src)]
    if fmt == "json":
        click.echo(claims_json(claims))
    elif fmt == "csv":
        click.echo(claims_csv(claims), nl=False)
    else:
        click.echo(claims_table(claims))
