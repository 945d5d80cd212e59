"""What the check kinds share: the run context, tolerant intervals, times, and message text."""
from __future__ import annotations

import math
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from checker.aliases import Aliases
from checker.align import Features, claim_time
from checker.errors import CheckerError
from checker.fingerprint import claims_key
from checker.models import Claim, Finding, Group
from checker.rulebook import Rule

INF = math.inf


@dataclass
class CheckContext:
    """Everything a check may read besides its groups."""

    claims: list[Claim]  # the claims the rule applies to
    all_claims: list[Claim]
    features: dict[int, Features]  # id(claim) -> Features
    aliases: Aliases
    groups: list[Group] = field(default_factory=list)  # every aligned group, before rule filters

    def feat(self, c: Claim) -> Features:
        return self.features[id(c)]


# ---------------------------------------------------------------- intervals

@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_inc: bool = True
    hi_inc: bool = True

    def overlaps(self, other: Interval) -> bool:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        if lo < hi:
            return True
        if lo > hi:
            return False
        lo_ok = (self.lo_inc if self.lo == lo else True) and (other.lo_inc if other.lo == lo else True)
        hi_ok = (self.hi_inc if self.hi == hi else True) and (other.hi_inc if other.hi == hi else True)
        return lo_ok and hi_ok

    def covers(self, x: float) -> bool:
        return (self.lo < x or (self.lo == x and self.lo_inc)) and (x < self.hi or (x == self.hi and self.hi_inc))

    def below(self, other: Interval) -> bool:
        """Every value of self is under every value of other."""
        return self.hi < other.lo or (self.hi == other.lo and not (self.hi_inc and other.lo_inc))


def _as_float(v) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(date.fromisoformat(v[:10]).toordinal())
        except ValueError:
            return None
    return None


def round_step(c: Claim) -> float:
    """The place value of a round figure's last significant digit: 2,000 -> 1,000."""
    v = c.value if isinstance(c.value, (int, float)) else None
    if not c.round or v is None or v == 0 or not float(v).is_integer():
        return 0.0
    n, step = abs(int(v)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step) if step > 1 else 0.0


def interval(c: Claim, tolerance: dict | None = None) -> Interval | None:
    """The claim's hedge-aware interval, widened by the rule's relative tolerance and, for a
    round figure, by `round_figures` (default 0.5) of its last significant digit; a percentage
    by `percent_points` (absolute) instead of the relative tolerance, when the rule sets it."""
    tolerance = tolerance or {}
    lo, hi = _as_float(c.lo), _as_float(c.hi)
    if c.lo is None and c.hi is None:
        lo = hi = _as_float(c.value)
        if lo is None:
            return None
    lo_inc, hi_inc = c.lo_inclusive, c.hi_inclusive
    if lo is None:
        lo, lo_inc = -INF, True
    if hi is None:
        hi, hi_inc = INF, True
    rel = float(tolerance.get("relative", 0.0))
    absolute = round_step(c) * float(tolerance.get("round_figures", 0.5))
    if c.kind == "percent" and "percent_points" in tolerance:
        # a share is read to a point, not to a fraction of itself: 45.2% and 47% differ
        rel, absolute = 0.0, max(absolute, float(tolerance["percent_points"]))
    if lo > -INF:
        widen = max(absolute, abs(lo) * rel)
        if widen:
            lo, lo_inc = lo - widen, True
    if hi < INF:
        widen = max(absolute, abs(hi) * rel)
        if widen:
            hi, hi_inc = hi + widen, True
    return Interval(lo, hi, lo_inc, hi_inc)


def consensus(items: list[tuple[str, Interval]]) -> tuple[float, set[int]] | None:
    """The value the most sources agree on and the indexes of the items that cover it.

    Coverage counts sources, not claims; ties go to more claims, then to the smallest value, so
    the answer is the same whatever the order of `items`. One sweep over the sorted candidate
    points (every finite end and every midpoint) with a count of open intervals per source:
    O(n log n), where testing every point against every interval was quadratic in group size.
    """
    if not items:
        return None
    points = sorted({p for _, iv in items for p in (iv.lo, iv.hi) if math.isfinite(p)}
                    | {_mid(iv) for _, iv in items})
    at = {x: i for i, x in enumerate(points)}
    # Events at point i, in the order that makes "active" exactly the intervals covering it:
    # close the open-ended (hi exclusive), open the closed-started, evaluate, close the
    # closed-ended, open the open-started.
    close_before: list[list[str]] = [[] for _ in points]
    open_at: list[list[str]] = [[] for _ in points]
    close_after: list[list[str]] = [[] for _ in points]
    open_after: list[list[str]] = [[] for _ in points]
    per_source: Counter = Counter()
    for source, iv in items:
        if iv.lo > iv.hi or (iv.lo == iv.hi and not (iv.lo_inc and iv.hi_inc)):
            continue  # empty: covers nothing
        if iv.lo == -INF:
            per_source[source] += 1
        else:
            (open_at if iv.lo_inc else open_after)[at[iv.lo]].append(source)
        if iv.hi != INF:
            (close_after if iv.hi_inc else close_before)[at[iv.hi]].append(source)
    active, sources = sum(per_source.values()), sum(1 for n in per_source.values() if n)

    def move(names: list[str], step: int) -> None:
        nonlocal active, sources
        for s in names:
            sources += (per_source[s] == 0) - (per_source[s] == -step)
            per_source[s] += step
            active += step

    best: tuple | None = None
    for i, x in enumerate(points):
        move(close_before[i], -1)
        move(open_at[i], 1)
        key = (-sources, -active)
        if best is None or key < best[0]:
            best = (key, x)
        move(close_after[i], -1)
        move(open_after[i], 1)
    x = best[1]
    return x, {i for i, (_, iv) in enumerate(items) if iv.covers(x)}


def _mid(iv: Interval) -> float:
    if math.isfinite(iv.lo) and math.isfinite(iv.hi):
        return (iv.lo + iv.hi) / 2
    if math.isfinite(iv.lo):
        return iv.lo + max(1.0, abs(iv.lo)) * 1e-6
    if math.isfinite(iv.hi):
        return iv.hi - max(1.0, abs(iv.hi)) * 1e-6
    return 0.0


# ---------------------------------------------------------------- times

@dataclass(frozen=True)
class TimeSpan:
    """The stretch of time a figure is stated for: a day, or a minute when a clock time is known."""

    key: str
    start: datetime
    end: datetime
    explicit: bool  # an as-of time in the text, not just the publication date

    def before(self, other: TimeSpan) -> bool:
        return self.end <= other.start


def time_span(c: Claim) -> TimeSpan | None:
    key = claim_time(c)
    if not key:
        return None
    try:
        if "T" in key:
            start = datetime.fromisoformat(key.replace("Z", "+00:00")).replace(tzinfo=None)
            return TimeSpan(key, start, start + timedelta(minutes=1), c.as_of is not None)
        d = date.fromisoformat(key[:10])
    except ValueError:
        return None
    start = datetime(d.year, d.month, d.day)
    return TimeSpan(key, start, start + timedelta(days=1), c.as_of is not None)


# ---------------------------------------------------------------- messages

def quote(c: Claim) -> str:
    """The claim as an editor reads it: its words plus the counted noun, as the sentence
    writes them ("120,000 Armenians"), a leading hedge in lower case ("more than 200")."""
    text = " ".join(c.text.split())
    if c.unit and c.kind == "count" and c.unit.lower() not in text.lower():
        unit = c.unit
        at = c.sentence.find(c.text)
        if at >= 0:
            tail = c.sentence[at + len(c.text):].lstrip()
            if tail[:len(unit)].lower() == unit.lower():
                unit = tail[:len(unit)]
        text += f" {unit}"
    if c.kind in ("count", "money", "percent", "duration", "fraction") and text[:2].istitle():
        text = text[0].lower() + text[1:]
    if c.detail in ("spring", "summer", "autumn", "fall", "winter"):
        text = text.removeprefix("the ").removeprefix("The ")
    return text


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def render(rule: Rule, values: dict) -> str:
    """The rule's message with its placeholders filled; an unknown one is the rule's mistake."""
    try:
        return rule.message.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        raise CheckerError(f"{rule.path}:{rule.line('message')}: message template: {exc!r} is not a placeholder of "
                           f"{rule.check} (known: {', '.join(sorted(values))})") from None


def template_fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def finding(rule: Rule, claims: list[Claim], message: str, group: Group | None = None,
            severity: str | None = None) -> Finding:
    return Finding(id="", rule=rule.id, severity=severity or rule.severity, message=message,
                   claims=sorted(claims, key=lambda c: (c.source, c.start)),
                   group=group.id if group else None)


def weaker(severity: str, cap: str) -> str:
    order = {"error": 0, "warning": 1, "info": 2}
    return severity if order[severity] >= order[cap] else cap


# ---------------------------------------------------------------- disagreement around a consensus

def disagreements(rule: Rule, group: Group, items: list[tuple[Claim, Interval]], *,
                  show=quote, severity: str | None = None, evidence: int = 10,
                  extra=None, need=None, with_odd: bool = False) -> list:
    """One finding per source whose figure misses the value most sources agree on.

    `items` are claims with their intervals; `show` renders a claim's value for the message;
    `extra` adds placeholders: a dict, or a function of the odd claims returning one;
    `need(claim)`, when given, keeps only findings with at least one such claim among the odd
    claims and those backing the common value (e.g. an undated one);
    `with_odd` returns (finding, odd claims) pairs.
    """
    pairs = [(c.source, iv) for c, iv in items]
    if len({s for s, _ in pairs}) < 2:
        return []
    found = consensus(pairs)
    if found is None:
        return []
    _, covering = found
    if not covering or len(covering) == len(items):
        return []
    majority = sorted((items[i][0] for i in covering), key=lambda c: (c.source, c.start))
    outliers: dict[str, list[Claim]] = {}
    for i, (c, _) in enumerate(items):
        if i not in covering:
            outliers.setdefault(c.source, []).append(c)
    # A source that also gives the common value is skipped below, so every reported source is
    # backed by the whole majority: what it says is worked out once, not once per outlier.
    names = sorted({c.source for c in majority})
    shown = Counter(show(c) for c in majority)
    other_value = sorted(shown.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    n = len(names)
    backed = {"label": group.label, "other_value": other_value, "other_sources": ", ".join(names),
              "others_say": f"{n} other source says" if n == 1 else f"{n} other sources say",
              "other_count": n, "when": ""}
    majority_needed = need is None or any(need(c) for c in majority)
    out = []
    agreeing = set(names)
    for source in sorted(outliers):
        if source in agreeing:
            continue  # it also gives the common value: two quantities or a correction, not a clash
        odd = sorted(outliers[source], key=lambda c: c.start)
        if not (majority_needed or any(need(c) for c in odd)):
            continue
        values = {"source": source, "value": show(odd[0]), **backed}
        values.update((extra(odd) if callable(extra) else extra) or {})
        f = finding(rule, odd + majority[:evidence], render(rule, values), group, severity)
        # Keyed by the odd claims and the common value, not by who backs it: a new source that
        # agrees with the others leaves the finding (and its review decision) where it was.
        f.key = "\x1d".join(claims_key(odd) + [f"others:{other_value}"])
        out.append((f, odd) if with_odd else f)
    return out
