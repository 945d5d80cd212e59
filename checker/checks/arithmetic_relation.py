"""arithmetic_relation: "X, or a third of the population" must fit the population stated elsewhere."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from checker.aliases import PEOPLE
from checker.checks import register
from checker.checks.common import CheckContext, Interval, finding, interval, quote, render
from checker.models import Claim, Finding, Group
from checker.rulebook import Rule

PLACEHOLDERS = ("source", "part", "share", "whole_noun", "whole_source", "whole_value",
                "ratio", "wholes")


def _share(c: Claim, tolerance: dict) -> Interval | None:
    """A fraction or percentage as a share of 1, hedges kept."""
    iv = interval(c, tolerance)
    if iv is None:
        return None
    if c.kind == "percent":
        return Interval(iv.lo / 100, iv.hi / 100, iv.lo_inc, iv.hi_inc)
    return iv


def _part(share: Claim, counts: dict[tuple[str, str], list[Claim]]) -> Claim | None:
    """The count the share describes: the nearest count of the same sentence."""
    near = counts.get((share.source, share.sentence), [])
    return min(near, key=lambda c: (abs(c.start - share.start), c.start), default=None)


def _stocks(ctx: CheckContext, tolerance: dict) -> dict[str, list[tuple[Claim, Interval, frozenset]]]:
    """Counts with no predicate of their own, by what they count ('people' for any generic
    people noun), with their intervals and entities: the wholes a share may refer to."""
    out: dict[str, list] = {}
    for c in ctx.all_claims:
        f = ctx.feat(c)
        if c.kind != "count" or not f.noun or f.predicate:
            continue
        if f.family == PEOPLE and f.role != PEOPLE:
            continue
        iv = interval(c, tolerance)
        if iv is not None and iv.lo > 0:
            out.setdefault(PEOPLE if f.family == PEOPLE else f.noun, []).append((c, iv, frozenset(f.entities)))
    return out


def _owner(share: Claim, whole_noun: str, ctx: CheckContext) -> str | None:
    """"Nagorno-Karabakh's population" -> 'nagorno-karabakh'."""
    m = re.search(r"([A-Z][\w-]*)['’]s\s+" + re.escape(whole_noun), share.sentence)
    if not m:
        m = re.search(re.escape(whole_noun) + r"\s+of\s+(?:the\s+)?([A-Z][\w-]*)", share.sentence)
    return ctx.aliases.term(m.group(1)) if m else None


class _Wholes:
    """Stocks of one kind (and entity) indexed for "does any whole fit this share?".

    The distinct intervals are sorted by their lower end with a running maximum of the upper
    end, so the wholes that can fit, those overlapping [part.lo / share.hi, part.hi / share.lo],
    are found by bisection instead of by scanning every stock for every share.
    """

    def __init__(self, stocks: list[tuple[Claim, Interval]]):
        by_iv: dict[Interval, list[Claim]] = {}
        for c, iv in stocks:
            by_iv.setdefault(iv, []).append(c)
        self.ivs = sorted(by_iv, key=lambda iv: (iv.lo, iv.hi, not iv.lo_inc, iv.hi_inc))
        self.claims = [by_iv[iv] for iv in self.ivs]
        self.los = [iv.lo for iv in self.ivs]
        self.max_hi = list(accumulate((iv.hi for iv in self.ivs), max))

    def fits(self, part: Interval, share: Interval, sentence: str) -> bool:
        if share.lo <= 0 or part.lo < 0:  # no useful bounds: test every interval
            return any(self._fit(i, part, share, sentence) for i in range(len(self.ivs)))
        low, high = part.lo / share.hi, part.hi / share.lo  # closed bounds: a superset
        for i in range(bisect_right(self.los, high) - 1, -1, -1):
            if self.max_hi[i] < low:
                return False  # nothing at or before i reaches the range
            if self._fit(i, part, share, sentence):
                return True
        return False

    def _fit(self, i: int, part: Interval, share: Interval, sentence: str) -> bool:
        wiv = self.ivs[i]
        return (any(c.sentence != sentence for c in self.claims[i])
                and Interval(part.lo / wiv.hi, part.hi / wiv.lo).overlaps(share))


def _index(stocks: list[tuple[Claim, Interval, frozenset]]) -> dict:
    """One _Wholes for every stock of the kind (key None) and one per entity named."""
    by_entity: dict = {None: []}
    for c, iv, ents in stocks:
        by_entity[None].append((c, iv))
        for e in ents:
            by_entity.setdefault(e, []).append((c, iv))
    return {k: _Wholes(v) for k, v in by_entity.items()}


@register("arithmetic_relation", placeholders=PLACEHOLDERS)
def check(rule: Rule, groups: list[Group], ctx: CheckContext) -> list[Finding]:
    """A figure stated as a share of a whole ("50,000 people, or more than a third of
    Nagorno-Karabakh's population") must agree with the whole stated elsewhere: the count of
    the same kind of thing, with no predicate of its own (a stock, not a flow), naming the
    same owner ("Nagorno-Karabakh"). part / whole, with hedges and round-figure tolerance,
    must overlap the share. Reported only when no candidate whole fits."""
    out: list[Finding] = []
    shares = [c for c in ctx.claims if c.kind in ("fraction", "percent") and c.unit and c.unit != "%"]
    if not shares:
        return out
    counts: dict[tuple[str, str], list[Claim]] = {}
    for c in ctx.all_claims:
        if c.kind == "count":
            counts.setdefault((c.source, c.sentence), []).append(c)
    stocks = _stocks(ctx, rule.tolerance)
    indexes: dict[str, dict] = {}
    for sh in shares:
        share_iv = _share(sh, rule.tolerance)
        part = _part(sh, counts)
        if share_iv is None or part is None:
            continue
        part_iv = interval(part, rule.tolerance)
        whole_term = ctx.aliases.term(sh.unit)
        family = ctx.aliases.family.get(whole_term, whole_term)
        owner = _owner(sh, sh.unit.split()[-1], ctx)
        fsh = ctx.feat(sh)
        wanted = {owner} if owner else set(fsh.entities)
        kind = PEOPLE if family == PEOPLE else whole_term
        if part_iv is None or kind not in stocks:
            continue
        if kind not in indexes:
            indexes[kind] = _index(stocks[kind])
        index = indexes[kind]
        keys = sorted(wanted) if wanted else [None]
        if any(k in index and index[k].fits(part_iv, share_iv, sh.sentence) for k in keys):
            continue
        wholes = [(c, wiv) for c, wiv, ents in stocks[kind]
                  if c.sentence != sh.sentence and (not wanted or wanted & ents)]
        if not wholes:
            continue
        wholes.sort(key=lambda w: (w[0].source, w[0].start))
        first = wholes[0][0]
        r = part.value / first.value if isinstance(part.value, (int, float)) and first.value else None
        values = {"source": sh.source, "part": quote(part), "share": quote(sh),
                  "whole_noun": sh.unit, "whole_source": first.source, "whole_value": quote(first),
                  "ratio": f"{r:.2f}" if r is not None else "?",
                  "wholes": ", ".join(f"{quote(c)} ({c.source})" for c, _ in wholes[:5])}
        out.append(finding(rule, [sh, part] + [c for c, _ in wholes[:5]], render(rule, values)))
    return out
