"""The whole check in one call: paths -> sources -> claims -> aligned groups -> findings.

Commands and reports build on `run_check`; nothing here formats output.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import checker
from checker.models import Claim, Finding, Group, Source


@dataclass
class CheckResult:
    sources: list[Source]
    claims: list[Claim]
    groups: list[Group]
    findings: list[Finding]


def default_rules_dir() -> Path:
    """The repository's top-level rules/ folder (a checkout or an editable install), else the copy
    installed with the package (checker.builtin_rules), else ./rules."""
    repo = Path(checker.__file__).resolve().parent.parent / "rules"
    if repo.is_dir():
        return repo
    installed = Path(checker.__file__).resolve().parent / "builtin_rules"
    return installed if installed.is_dir() else Path("rules")


def run_check(paths: list[str], *, rules_dir: str | None = None,
              on_notice: Callable[[str], None] | None = None) -> CheckResult:
    """Read, extract, align and apply every rule of `rules_dir` (default: default_rules_dir()).

    Raises CheckerError for unusable input or a broken rule/aliases file. Findings come sorted
    by severity, rule, then source and line of their first claim; groups by label, then id.
    """
    from checker.engine import check_claims
    from checker.extract import extract_claims
    from checker.sources import read_sources

    sources = read_sources(list(paths), on_notice=on_notice)
    claims = [c for src in sources for c in extract_claims(src)]
    groups, findings = check_claims(claims, rules_dir=rules_dir or default_rules_dir())
    return CheckResult(sources=sources, claims=claims, groups=groups, findings=findings)
