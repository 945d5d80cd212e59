"""The whole check in one call: paths -> sources -> claims -> aligned groups -> findings.

Commands and reports build on `run_check`; nothing here formats output.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import checker
from checker.errors import CheckerError
from checker.extract import extract_claims
from checker.models import Claim, Finding, Group, Source
from checker.sources import read_sources


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
              on_notice: Callable[[str], None] | None = None, jobs: int | None = None) -> CheckResult:
    """Read, extract, align and apply every rule of `rules_dir` (default: default_rules_dir()).

    Raises CheckerError for unusable input or a broken rule/aliases file. Findings come sorted
    by severity, rule, then source and line of their first claim; groups by label, then id.
    `jobs` processes extract claims (default: default_jobs(), for large inputs only).
    """
    from checker.engine import check_claims

    sources = read_sources(list(paths), on_notice=on_notice)
    claims = [c for found in extract_all(sources, jobs) for c in found]
    groups, findings = check_claims(claims, rules_dir=rules_dir or default_rules_dir())
    return CheckResult(sources=sources, claims=claims, groups=groups, findings=findings)


# Below this much text a pool costs more than it saves.
PARALLEL_MIN_CHARS = 2_000_000
_pending: list[Source] = []


def extract_all(sources: list[Source], jobs: int | None = None) -> list[list[Claim]]:
    """Each source's claims, in the order of `sources`.

    Extraction is independent per source and is most of a large run's time, so large inputs are
    shared out to worker processes. Only where fork exists (Linux): the workers inherit the
    sources instead of receiving them pickled. The result is the same list either way.
    """
    if jobs is None:
        jobs = default_jobs()
    size = sum(len(src.original) for src in sources)
    if (jobs < 2 or len(sources) < 2 or size < PARALLEL_MIN_CHARS or not sys.platform.startswith("linux")):
        return [extract_claims(src) for src in sources]
    global _pending
    _pending = sources
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(sources))) as pool:
            return pool.map(_extract_at, range(len(sources)), chunksize=max(1, len(sources) // (jobs * 8)))
    finally:
        _pending = []


def default_jobs() -> int:
    """$CHECKER_JOBS if set (1 turns the pool off), else the CPUs this process may use."""
    given = os.environ.get("CHECKER_JOBS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise CheckerError(f"CHECKER_JOBS={given!r}: expected a whole number of processes, 1 or more")
        return int(given)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _extract_at(i: int) -> list[Claim]:
    return extract_claims(_pending[i])
