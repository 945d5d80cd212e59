"""Rules applied to claims: align once per alignment setting, filter, run each rule's check.

The engine owns what every check shares: which claims a rule applies to, finding ids
(fingerprints) and the final, deterministic order of findings.
"""
from __future__ import annotations

from pathlib import Path

from checker.aliases import Aliases, load_aliases
from checker.align import AlignSettings, Features, align, featurize
from checker.checks import load_checks
from checker.checks.common import CheckContext, template_fields
from checker.errors import CheckerError
from checker.fingerprint import finding_id
from checker.models import Claim, Finding, Group
from checker.rulebook import Rule, load_rules

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def load_rulebook(rules_dir: Path | str) -> tuple[list[Rule], Aliases]:
    """The rules and aliases of a folder, checked against the known check kinds and their
    message placeholders."""
    kinds = load_checks()
    rules = load_rules(rules_dir, set(kinds))
    for rule in rules:
        unknown = template_fields(rule.message) - kinds[rule.check].placeholders
        if unknown:
            raise CheckerError(f"{rule.path}:{rule.line('message')}: message: unknown placeholder "
                               f"{{{sorted(unknown)[0]}}} for {rule.check} (known: "
                               + ", ".join("{" + p + "}" for p in sorted(kinds[rule.check].placeholders))
                               + ")")
    return rules, load_aliases(rules_dir)


def check_claims(claims: list[Claim], *, rules_dir: Path | str) -> tuple[list[Group], list[Finding]]:
    rules, aliases = load_rulebook(rules_dir)
    return run_rules(rules, claims, aliases)


def run_rules(rules: list[Rule], claims: list[Claim], aliases: Aliases) -> tuple[list[Group], list[Finding]]:
    """(groups, findings) for these claims; groups are the default alignment plus any group a
    rule with its own alignment settings reported from."""
    checks = load_checks()
    feats = featurize(claims, aliases)
    by_id = {id(c): f for c, f in zip(claims, feats)}
    default = AlignSettings()
    alignments: dict[AlignSettings, list[Group]] = {default: align(claims, aliases, default, feats)}
    groups = {g.id: g for g in alignments[default]}
    findings: list[Finding] = []
    for rule in rules:
        settings = AlignSettings.from_rule(rule.align)
        if settings not in alignments:
            alignments[settings] = align(claims, aliases, settings, feats)
        applies = _applies(rule, aliases)
        rule_groups = []
        for g in alignments[settings]:
            kept = [c for c in g.claims if applies(c, by_id[id(c)])]
            if len(kept) >= 2:
                rule_groups.append(Group(id=g.id, label=g.label, kind=g.kind, claims=kept))
        ctx = CheckContext(claims=[c for c in claims if applies(c, by_id[id(c)])], all_claims=claims,
                           features=by_id, aliases=aliases, groups=alignments[settings])
        for f in checks[rule.check].fn(rule, rule_groups, ctx):
            f.rule = rule.id
            f.id = finding_id(rule.id, f.claims, f.key)
            if f.group and f.group not in groups:
                groups.update({g.id: g for g in alignments[settings] if g.id == f.group})
            findings.append(f)
    return sorted(groups.values(), key=lambda g: (g.label, g.id)), sort_findings(_unique(findings))


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per id (the same rule cannot report the same claims twice)."""
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.id, f)
    return list(seen.values())


def sort_findings(findings: list[Finding]) -> list[Finding]:
    def key(f: Finding):
        first = min(((c.source, c.line, c.column) for c in f.claims), default=("", 0, 0))
        return (SEVERITY_ORDER.get(f.severity, 9), f.rule, first, f.id)
    return sorted(findings, key=key)


def _applies(rule: Rule, aliases: Aliases):
    """A predicate (claim, features) -> bool from the rule's applies_to."""
    spec = rule.applies_to
    kinds = set(spec.get("kinds") or [])
    units = {aliases.term(u) for u in spec.get("units") or []}
    units_out = {aliases.term(u) for u in spec.get("units_excluded") or []}
    required = {aliases.term(w) for w in spec.get("context_required") or []}
    excluded = {aliases.term(w) for w in spec.get("context_excluded") or []}

    def words(c: Claim, f: Features) -> set[str]:
        return set(f.terms) | set(f.events) | set(f.modifiers) | {f.predicate, f.noun} - {None, ""}

    def nouns(c: Claim, f: Features) -> set[str]:
        return {f.noun, f.family, f.role, aliases.term(c.unit or "")} - {""}

    def applies(c: Claim, f: Features) -> bool:
        if kinds and c.kind not in kinds:
            return False
        if units and not units & nouns(c, f):
            return False
        if units_out and units_out & nouns(c, f):
            return False
        if required and not required & words(c, f):
            return False
        if excluded and excluded & words(c, f):
            return False
        return True
    return applies


# ---------------------------------------------------------------- rule examples

def run_example(rule: Rule, example, aliases: Aliases) -> list[Finding]:
    """The findings `rule` alone reports on one of its examples."""
    from checker.extract import extract_text
    from dateutil import parser as dateparser

    claims: list[Claim] = []
    for name in sorted(example.sources):
        spec = example.sources[name]
        published = None
        if spec.get("published"):
            try:
                published = dateparser.isoparse(str(spec["published"]))
            except ValueError:
                raise CheckerError(f"{rule.path}:{example.line}: example {example.name!r}: "
                                   f"published {spec['published']!r} is not an ISO date") from None
        claims += extract_text(spec["text"], source=name, published=published)
    _, findings = run_rules([rule], claims, aliases)
    return findings


def example_passes(rule: Rule, example, aliases: Aliases) -> tuple[bool, list[Finding]]:
    """(as expected?, findings): `flag` wants at least one finding, `pass` none."""
    findings = run_example(rule, example, aliases)
    return (bool(findings) == (example.expect == "flag")), findings
