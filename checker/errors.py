"""User-facing errors: one line, a fixed exit code, never a traceback."""
from __future__ import annotations

import click

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class CheckerError(click.ClickException):
    """Bad input or a run that could not be done: printed as `Error: ...`, exit 2."""

    exit_code = EXIT_ERROR
