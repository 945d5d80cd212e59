"""The CI gate: which findings are new, and whether the run should fail.

A finding is *new* unless a reviewer has decided on it (confirmed, dismissed or needs-source in
the review store), it is in the baseline, or — with `--base REF` — none of its sources changed
since REF. Only new findings at or above `--fail-on` fail the run; info findings never do.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Callable

from checker.errors import EXIT_FINDINGS, EXIT_OK, CheckerError
from checker.models import Claim, Finding, Source

NEW, REVIEWED, BASELINE, EXISTING = "new", "reviewed", "baseline", "existing"
STATUSES = (NEW, REVIEWED, BASELINE, EXISTING)
REVIEWED_DECISIONS = frozenset({"confirmed", "dismissed", "needs-source"})
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_ON = ("error", "warning")


@dataclass
class Gated:
    """One finding with its gate status."""

    finding: Finding
    status: str  # one of STATUSES

    @property
    def new(self) -> bool:
        return self.status == NEW


@dataclass
class GateResult:
    """Everything a CI report needs: findings with status, and where each source lives."""

    items: list[Gated]
    paths: dict[str, str] = field(default_factory=dict)  # source name -> path shown in reports
    sources: list[str] = field(default_factory=list)  # every source's name, in reading order
    changed: frozenset[str] | None = None  # names of sources changed since --base; None without it
    fail_on: str = "error"
    groups: list[Any] = field(default_factory=list)
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # rule id -> {description, severity}

    def path(self, claim: Claim) -> str:
        return self.paths.get(claim.source, claim.source)

    def fails(self, item: Gated) -> bool:
        return item.new and failing_severity(item.finding.severity, self.fail_on)

    @property
    def failing(self) -> list[Gated]:
        return [i for i in self.items if self.fails(i)]

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.failing else EXIT_OK

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for i in self.items:
            out[i.status] += 1
        return out

    def shown_claims(self, item: Gated) -> list[Claim]:
        """The claims a reviewer of this change should look at: those in changed sources, else all."""
        claims = item.finding.claims
        if self.changed is None:
            return list(claims)
        inside = [c for c in claims if c.source in self.changed]
        return inside or list(claims)


def failing_severity(severity: str, fail_on: str) -> bool:
    """info never fails; warning fails only with --fail-on warning; unknown severities count as errors."""
    rank = SEVERITY_RANK.get(severity, SEVERITY_RANK["error"])
    return rank > 0 and rank >= SEVERITY_RANK[fail_on]


def decision_of(finding: Finding, decisions: dict[str, Any]) -> str | None:
    """The reviewer's decision on a finding: from the store, else from what the pipeline attached."""
    d = decisions.get(finding.id)
    if d is not None:
        return getattr(d, "decision", d if isinstance(d, str) else None)
    if finding.review:
        return finding.review.get("decision")
    return None


def classify(findings: list[Finding], *, decisions: dict[str, Any] | None = None,
             baseline: set[str] | dict | None = None, changed: frozenset[str] | set[str] | None = None,
             base_ids: set[str] | None = None) -> list[Gated]:
    """Status of each finding: reviewed, then baseline, then (with a base) existing, else new.

    With a base (`changed` = names of changed sources, `base_ids` = finding ids at the base),
    a finding is existing when no changed source is in it, when the base had it, or when the
    base had it without the changed sources' claims: they only added evidence to a known
    discrepancy (a new article agreeing with the majority against an old outlier).
    """
    decisions = decisions or {}
    in_baseline = baseline_matcher(baseline or {})
    out = []
    for f in findings:
        decision = decision_of(f, decisions)
        if decision in REVIEWED_DECISIONS:
            status = REVIEWED
        elif in_baseline(f):
            status = BASELINE
        elif changed is not None and _existed(f, changed, base_ids or set()):
            status = EXISTING
        else:
            status = NEW
        out.append(Gated(_with_review(f, decisions.get(f.id)), status))
    return out


def baseline_matcher(baseline: set[str] | dict[str, dict]) -> Callable[[Finding], bool]:
    """Is a finding in the baseline: by id, or as a baselined finding plus claims from sources
    that entry does not name (a new article backing a known discrepancy changes its id)."""
    from checker.fingerprint import finding_id

    by_rule: dict[str, list[tuple[str, frozenset[str]]]] = {}
    if isinstance(baseline, dict):
        for fid, entry in baseline.items():
            names = entry.get("sources") if isinstance(entry, dict) else None
            if entry.get("rule") and names:
                by_rule.setdefault(entry["rule"], []).append((fid, frozenset(names)))

    def match(f: Finding) -> bool:
        if f.id in baseline:
            return True
        for fid, names in by_rule.get(f.rule, []):
            kept = [c for c in f.claims if c.source in names]
            if kept and len(kept) < len(f.claims) and finding_id(f.rule, kept) == fid:
                return True
        return False
    return match


def _existed(f: Finding, changed: frozenset[str] | set[str], base_ids: set[str]) -> bool:
    from checker.fingerprint import finding_id

    kept = [c for c in f.claims if c.source not in changed]
    if len(kept) == len(f.claims) or f.id in base_ids:
        return True
    return bool(kept) and finding_id(f.rule, kept) in base_ids


def _with_review(f: Finding, d: Any) -> Finding:
    if d is None or isinstance(d, str):
        return f
    review = {k: str(getattr(d, k)) for k in ("decision", "reviewer", "note") if getattr(d, k, None)}
    return dataclasses.replace(f, review=review) if review else f


def display_paths(sources: list[Source], root: str) -> dict[str, str]:
    """Source name -> path relative to `root` with forward slashes (where annotations must point)."""
    root = os.path.realpath(root)
    out: dict[str, str] = {}
    for s in sources:
        rel = os.path.relpath(os.path.realpath(s.path), root)
        out.setdefault(s.name, rel.replace(os.sep, "/"))
    return out


def sort_items(items: list[Gated], paths: dict[str, str]) -> list[Gated]:
    """New first, worst first, then by where the evidence starts: the order a reviewer reads."""
    def key(i: Gated):
        c = i.finding.claims[0] if i.finding.claims else None
        where = (paths.get(c.source, c.source), c.line, c.column) if c else ("", 0, 0)
        rank = -SEVERITY_RANK.get(i.finding.severity, SEVERITY_RANK["error"])
        return (STATUSES.index(i.status), rank, *where, i.finding.rule, i.finding.id)
    return sorted(items, key=key)


def build_result(findings: list[Finding], sources: list[Source], *, root: str, decisions=None, baseline=None,
                 changed_files: Callable[[str], bool] | None = None, base_ids: set[str] | None = None,
                 fail_on: str = "error", groups: list | None = None,
                 rules: dict[str, dict[str, str]] | None = None) -> GateResult:
    """Classify `findings` of `sources`; with --base, `changed_files(path)` says if a source file
    changed and `base_ids` are the finding ids the base revision's sources give."""
    if fail_on not in FAIL_ON:
        raise CheckerError(f"--fail-on {fail_on}: expected one of {', '.join(FAIL_ON)}")
    changed = None
    if changed_files is not None:
        changed = frozenset(s.name for s in sources if changed_files(s.path))
    paths = display_paths(sources, root)
    items = classify(findings, decisions=decisions, baseline=baseline, changed=changed, base_ids=base_ids)
    return GateResult(items=sort_items(items, paths), paths=paths, sources=[s.name for s in sources],
                      changed=changed, fail_on=fail_on, groups=list(groups or []), rules=dict(rules or {}))


def load_decisions(paths: list[str], store: str | None) -> dict[str, Any]:
    """Decisions from --store FILE (must exist) or the default store beside the sources (if any)."""
    from checker.review import store as review_store
    path = store or review_store.default_store_path(paths)
    if store is None and (not path or not os.path.exists(path)):
        return {}
    if not os.path.exists(path):
        raise CheckerError(f"{path}: review store not found")
    return review_store.load_decisions(path)


def default_baseline(paths: list[str]) -> str | None:
    """`FOLDER/.checker-baseline.json` of the first folder given, when it exists."""
    from checker.baseline import DEFAULT_NAME
    for p in paths:
        if os.path.isdir(p):
            candidate = os.path.join(p, DEFAULT_NAME)
            return candidate if os.path.isfile(candidate) else None
    return None


def run_gate(paths: list[str], *, base: str | None = None, baseline: str | None = None,
             store: str | None = None, rules_dir: str | None = None, fail_on: str = "error",
             cwd: str = ".") -> GateResult:
    """The whole gate: git first (cheap, fails fast), then baseline and store, then the check
    (and, with --base, the check of the base revision's sources when a finding needs it)."""
    from checker.baseline import read_baseline
    from checker.gitdiff import changed_sources
    from checker.pipeline import run_check

    changes = changed_sources(paths, base, cwd) if base else None
    baseline_path = baseline or default_baseline(paths)
    known = read_baseline(baseline_path) if baseline_path else {}
    decisions = load_decisions(paths, store)
    result = run_check(paths, rules_dir=rules_dir)
    base_ids = None
    if changes is not None and any(changes.touches(s.path) for s in result.sources):
        base_ids = base_finding_ids(changes, paths, rules_dir, cwd)
    return build_result(result.findings, result.sources, root=changes.toplevel if changes else cwd,
                        decisions=decisions, baseline=known,
                        changed_files=changes.touches if changes else None, base_ids=base_ids,
                        fail_on=fail_on, groups=result.groups, rules=rule_catalog(rules_dir))


def base_finding_ids(changes, paths: list[str], rules_dir: str | None, cwd: str = ".") -> set[str]:
    """Finding ids of the base revision's sources, checked with today's rules (so a rule change
    alone never makes an old discrepancy new). Sources the base could not check give none."""
    from checker.gitdiff import export_base
    from checker.pipeline import run_check

    with tempfile.TemporaryDirectory(prefix="checker-base-") as tmp:
        old = export_base(changes, paths, tmp, cwd)
        if not old:
            return set()
        try:
            found = run_check(old, rules_dir=rules_dir, on_notice=lambda message: None).findings
        except CheckerError:
            return set()
    return {f.id for f in found}


def rule_catalog(rules_dir: str | None) -> dict[str, dict[str, str]]:
    """Rule id -> {description, severity} of every rule in use, for reports that list rules (SARIF)."""
    from checker.engine import load_rulebook
    from checker.pipeline import default_rules_dir

    rules, _ = load_rulebook(rules_dir or default_rules_dir())
    return {r.id: {"description": " ".join((r.description or "").split()), "severity": r.severity}
            for r in rules}
