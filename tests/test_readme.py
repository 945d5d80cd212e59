"""The README tells the truth: its two opening commands, its command table, its test command in CI."""
from __future__ import annotations

import re
from pathlib import Path

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _opening_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_opens_with_the_main_job_and_the_tests():
    main_job, tests = _opening_commands()
    assert main_job.startswith("pip install") and "checker check seeds/" in main_job
    assert tests.startswith("pip install") and "pytest" in tests
    assert README.index("```sh") < README.index("## ")  # before any section


def test_ci_runs_exactly_the_readme_test_command():
    _, tests = _opening_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in [line.strip() for line in ci.splitlines()]


def test_every_command_is_documented():
    for name, command in cli.commands.items():
        assert f"`checker {name}" in README, f"checker {name} is missing from the README's command table"
        subcommands = getattr(command, "commands", {})
        for sub in subcommands:
            assert f"checker {name} {sub}" in README, f"checker {name} {sub} is missing from the README"
