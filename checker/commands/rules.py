"""`checker rules list` and `checker rules test`: what the rules are, and whether their
examples still come out as their authors said."""
from __future__ import annotations

import textwrap

import click
from tabulate import tabulate

from checker.engine import example_passes, load_rulebook
from checker.errors import EXIT_FINDINGS
from checker.pipeline import default_rules_dir

_RULES_OPTION = click.option("--rules", "rules_dir", type=click.Path(), default=None,
                             help="Folder of rule files (default: the bundled rules/).")


@click.group("rules")
def command() -> None:
    """List the consistency rules, or run the examples written into each rule file.

    A rule is one YAML file in the rules folder; see docs/rules.md for the format.
    """


@command.command("list")
@_RULES_OPTION
def list_rules(rules_dir: str | None) -> None:
    """Show every rule: id, check kind, severity and description.

    Example:

        checker rules list --rules rules/
    """
    rules, _ = load_rulebook(rules_dir or default_rules_dir())
    rows = [[r.id, r.check, r.severity, textwrap.shorten(r.description, 60, placeholder="…")]
            for r in rules]
    click.echo(tabulate(rows, headers=["id", "check", "severity", "description"], tablefmt="simple"))


@command.command("test")
@_RULES_OPTION
@click.option("-v", "--verbose", is_flag=True, help="Also show the findings of every example.")
def test_rules(rules_dir: str | None, verbose: bool) -> None:
    """Run every rule's examples; exit 1 if any comes out other than expected.

    An example expecting `flag` must make its rule report at least one finding; one
    expecting `pass` must make it report none.

    Example:

        checker rules test --rules rules/
    """
    rules, aliases = load_rulebook(rules_dir or default_rules_dir())
    failed = total = 0
    for rule in rules:
        for ex in rule.examples:
            total += 1
            ok, findings = example_passes(rule, ex, aliases)
            failed += not ok
            got = f"{len(findings)} finding(s)" if findings else "no finding"
            click.echo(f"{'ok  ' if ok else 'FAIL'} {rule.id} :: {ex.name} "
                       f"(expect {ex.expect}, got {got})")
            if verbose or not ok:
                for f in findings:
                    click.echo(f"       {f.severity}: {f.message}")
    click.echo(f"{total - failed} of {total} examples as expected"
               + (f"; {failed} failed" if failed else ""))
    if failed:
        raise SystemExit(EXIT_FINDINGS)
