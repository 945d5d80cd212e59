"""value_disagreement: aligned figures whose intervals cannot all be true at the same time."""
from __future__ import annotations

from collections import defaultdict

from checker.checks import register
from checker.checks.common import CheckContext, disagreements, interval, time_span, weaker
from checker.models import Finding, Group
from checker.rulebook import Rule

PLACEHOLDERS = ("source", "value", "label", "other_value", "other_sources", "others_say",
                "other_count", "when")


@register("value_disagreement", placeholders=PLACEHOLDERS)
def check(rule: Rule, groups: list[Group], ctx: CheckContext) -> list[Finding]:
    """Within each aligned group, figures stated for the same time (as-of time, else the
    publication date) must have overlapping hedge-aware intervals, after the rule's relative
    tolerance and the implicit tolerance of round figures. A source that misses the value most
    sources agree on is reported. Figures with no date at all are compared with everything,
    at most as a warning (params.undated: warning | info | skip)."""
    undated_severity = rule.param("undated", "warning")
    out: list[Finding] = []
    for g in groups:
        dated: dict[str, list] = defaultdict(list)
        undated: list = []
        for c in g.claims:
            iv = interval(c, rule.tolerance)
            if iv is None:
                continue
            ts = time_span(c)
            (undated if ts is None else dated[ts.key]).append((c, iv))
        for key in sorted(dated):
            when = f" as of {key}" if "T" in key else f" on {key}"
            out += disagreements(rule, g, dated[key], extra={"when": when})
        if undated and undated_severity != "skip":
            every = undated + [x for key in sorted(dated) for x in dated[key]]
            ids = {id(c) for c, _ in undated}
            out += disagreements(
                rule, g, every, severity=weaker(rule.severity, undated_severity),
                extra={"when": " (undated: a changing figure or a contradiction)"},
                keep=lambda odd, backing: any(id(c) in ids for c in odd + backing))
    return out
