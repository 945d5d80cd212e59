"""time_series: one quantity reported at several times, rising: consistent, noted as info."""
from __future__ import annotations

from checker.checks import register
from checker.checks.common import CheckContext, finding, quote, render
from checker.checks.tally_regression import series
from checker.models import Finding, Group
from checker.rulebook import Rule

PLACEHOLDERS = ("label", "first_value", "first_source", "first_time", "last_value",
                "last_source", "last_time", "count", "sources")


@register("time_series", placeholders=PLACEHOLDERS)
def check(rule: Rule, groups: list[Group], ctx: CheckContext) -> list[Finding]:
    """An aligned group whose figures, ordered by their times, rise and never fall (a fall
    is tally_regression's business) is reported once, as a consistent time series, so an
    editor sees why different figures are not flagged. Needs two sources and two ordered
    times."""
    out: list[Finding] = []
    for g in groups:
        rows = series(g, rule.tolerance)
        if len({r[2].source for r in rows}) < 2:
            continue
        rising = falling = False
        by_end = sorted(range(len(rows)), key=lambda i: rows[i][0].end)
        low = high = None  # among rows wholly earlier: the lowest ceiling, the highest floor
        k = 0
        for ts, iv, _ in rows:
            while k < len(by_end) and rows[by_end[k]][0].end <= ts.start:
                earlier = rows[by_end[k]][1]
                low = earlier if low is None or earlier.hi < low.hi else low
                high = earlier if high is None or earlier.lo > high.lo else high
                k += 1
            rising |= low is not None and low.below(iv)
            falling |= high is not None and iv.below(high)
        if not rising or falling:
            continue
        first = min(rows, key=lambda r: (r[0].end, r[1].lo))
        last = max(rows, key=lambda r: (r[0].start, r[1].hi))
        values = {"label": g.label, "first_value": quote(first[2]), "first_source": first[2].source,
                  "first_time": first[0].key, "last_value": quote(last[2]),
                  "last_source": last[2].source, "last_time": last[0].key, "count": len(rows),
                  "sources": len({r[2].source for r in rows})}
        f = finding(rule, [r[2] for r in rows], render(rule, values), g)
        f.key = f"series:{g.id}"  # the quantity, not its points: a new report keeps the id (and its review)
        out.append(f)
    return out
