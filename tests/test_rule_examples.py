"""Every rule's own examples, one test each, and the rule that every rule has both kinds."""
from __future__ import annotations

import pytest

from checker.engine import example_passes, load_rulebook
from checker.pipeline import default_rules_dir

RULES, ALIASES = load_rulebook(default_rules_dir())
CASES = [(r, ex) for r in RULES for ex in r.examples]


@pytest.mark.parametrize("rule,example", CASES, ids=[f"{r.id}::{ex.name}" for r, ex in CASES])
def test_rule_example(rule, example):
    ok, findings = example_passes(rule, example, ALIASES)
    got = [f"{f.severity}: {f.message}" for f in findings]
    assert ok, f"{rule.path}:{example.line}: {example.name} expects {example.expect}, got {got or 'nothing'}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_flag_and_pass_examples(rule):
    expects = {ex.expect for ex in rule.examples}
    assert expects == {"flag", "pass"}, f"{rule.path}: needs at least one flag and one pass example"


def test_flag_examples_report_at_the_rule_severity_or_milder():
    for rule, ex in CASES:
        if ex.expect == "flag":
            _, findings = example_passes(rule, ex, ALIASES)
            assert all(f.rule == rule.id and f.id and f.message for f in findings)
