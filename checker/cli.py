"""The `checker` command line: a click group whose commands live in checker/commands/."""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import click

from checker import __version__, commands
from checker.errors import EXIT_ERROR


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def cli() -> None:
    """Cross-source fact-consistency checker for news.

    Extracts numeric claims from a folder of sources, aligns the same quantity
    across sources and flags discrepancies with the quotes, files and lines
    as evidence.
    """


for _info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
    _module = importlib.import_module(f"{commands.__name__}.{_info.name}")
    if hasattr(_module, "command"):
        cli.add_command(_module.command)


def main() -> None:
    """Entry point: user errors are click's one-liners; anything unexpected is one line too."""
    try:
        cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("Error: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the tool never shows a traceback to a user
        if os.environ.get("CHECKER_DEBUG"):
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {exc} "
                   "(set CHECKER_DEBUG=1 for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
