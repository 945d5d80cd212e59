"""value_disagreement: aligned figures whose intervals cannot all be true at the same time."""
from __future__ import annotations

import re
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
    at most as a warning (params.undated: warning | info | skip). With params.changing (the
    predicates of figures that move with time: killed, fled...), a group with none of them is
    one figure whenever it was stated, and all its claims are compared."""
    undated_severity = rule.param("undated", "warning")
    tallies = {ctx.aliases.term(t) for t in rule.param("running_tallies", [])}
    same_day = rule.param("same_day_tally", "warning")
    changing = rule.param("changing", None)
    changing = None if changing is None else {ctx.aliases.term(t) for t in changing}
    out: list[Finding] = []
    for g in groups:
        if changing is not None and not any(_moving(c, ctx, changing) for c in g.claims):
            # a budget, a profit, a population: the same whenever it is reported
            items = [(c, iv) for c in g.claims if (iv := interval(c, rule.tolerance)) is not None]
            out += disagreements(rule, g, items)
            continue
        running = bool(tallies) and any(ctx.feat(c).predicate in tallies for c in g.claims)
        dated: dict[str, list] = defaultdict(list)
        undated: list = []
        for c in g.claims:
            iv = interval(c, rule.tolerance)
            if iv is None:
                continue
            ts = time_span(c)
            (undated if ts is None else dated[ts.key]).append((c, iv))
        for key in sorted(dated):
            if "T" in key:
                out += disagreements(rule, g, dated[key], extra={"when": f" as of {key}"})
            elif running:  # a toll can rise during the day: without clock times, maybe an update
                out += disagreements(rule, g, dated[key], severity=weaker(rule.severity, same_day),
                                     extra={"when": f" on {key} (same day, no time: perhaps an update)"})
            else:
                out += disagreements(rule, g, dated[key], extra={"when": f" on {key}"})
        if undated and undated_severity != "skip":
            every = undated + [x for key in sorted(dated) for x in dated[key]]
            ids = {id(c) for c, _ in undated}
            out += disagreements(
                rule, g, every, severity=weaker(rule.severity, undated_severity),
                extra={"when": " (undated: a changing figure or a contradiction)"},
                need=lambda c: id(c) in ids)
    return out


# Words that put a figure at a moment: "now at work", "so far", "to date", "currently".
_NOW = re.compile(r"(?i)\b(?:now|so far|to date|currently|latest|as of|thus far|by then|up to now)\b")


def _moving(c, ctx: CheckContext, changing: set[str]) -> bool:
    """A figure that may change from one report to the next: a count whose predicate moves
    with time (killed, fled), or any figure its sentence puts at a moment ("now")."""
    return (c.kind == "count" and ctx.feat(c).predicate in changing) or bool(_NOW.search(c.sentence))
