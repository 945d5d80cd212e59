"""tally_regression: a running count (killed, fled) that falls while its as-of time rises."""
from __future__ import annotations

from checker.checks import register
from checker.checks.common import CheckContext, finding, interval, quote, render, time_span, weaker
from checker.models import Finding, Group
from checker.rulebook import Rule

PLACEHOLDERS = ("source", "value", "time", "earlier_source", "earlier_value", "earlier_time", "label")


def series(group: Group, tolerance: dict) -> list[tuple]:
    """(time span, interval, claim) of the group's dated claims, earliest first."""
    rows = []
    for c in group.claims:
        ts, iv = time_span(c), interval(c, tolerance)
        if ts is not None and iv is not None:
            rows.append((ts, iv, c))
    return sorted(rows, key=lambda r: (r[0].start, r[0].end, r[2].source, r[2].start))


@register("tally_regression", placeholders=PLACEHOLDERS)
def check(rule: Rule, groups: list[Group], ctx: CheckContext) -> list[Finding]:
    """A cumulative count can only grow: a figure stated for a strictly later time (as-of
    time, else publication date; a publication day and a clock time on that day are not
    ordered) that lies wholly below an earlier one is reported. When either time is only a
    publication date the finding is at most params.publication_only (default warning)."""
    cap = rule.param("publication_only", "warning")
    out: list[Finding] = []
    for g in groups:
        rows = series(g, rule.tolerance)
        by_end = sorted(range(len(rows)), key=lambda i: rows[i][0].end)
        best = None  # the earlier row with the highest floor so far
        k = 0
        reported: set[str] = set()
        for ts, iv, c in rows:
            while k < len(by_end) and rows[by_end[k]][0].end <= ts.start:
                r = rows[by_end[k]]
                if best is None or r[1].lo > best[1].lo:
                    best = r
                k += 1
            if best is None or not iv.below(best[1]) or c.source in reported:
                continue
            e_ts, _, e = best
            severity = rule.severity if (ts.explicit and e_ts.explicit) else weaker(rule.severity, cap)
            values = {"source": c.source, "value": quote(c), "time": ts.key,
                      "earlier_source": e.source, "earlier_value": quote(e), "earlier_time": e_ts.key,
                      "label": g.label}
            out.append(finding(rule, [e, c], render(rule, values), g, severity))
            reported.add(c.source)
    return out
