"""date_disagreement: one event dated to different years or days by different sources."""
from __future__ import annotations

from datetime import date

from checker.checks import register
from checker.checks.common import CheckContext, disagreements, interval
from checker.models import Claim, Finding, Group
from checker.rulebook import Rule

PLACEHOLDERS = ("source", "value", "label", "event", "other_value", "other_sources",
                "others_say", "other_count", "when")
SEASONS = ("spring", "summer", "autumn", "fall", "winter")


def show(c: Claim) -> str:
    """'summer 2022', 'the 1990s', '1988–1994', '2020', '19 September 2023'."""
    lo, hi = c.lo if c.lo is not None else c.value, c.hi if c.hi is not None else c.value
    if c.kind == "date":
        try:
            d = date.fromisoformat(str(c.value)[:10])
            return f"{d.day} {d.strftime('%B')} {d.year}"
        except ValueError:
            return str(c.value)
    if c.detail == "decade" and lo is not None:
        return f"the {lo}s"
    if c.detail in SEASONS:
        return f"{c.detail} {c.value}"
    if lo is not None and hi is not None and lo != hi:
        return f"{lo}–{hi}"
    return str(c.value)


@register("date_disagreement", placeholders=PLACEHOLDERS)
def check(rule: Rule, groups: list[Group], ctx: CheckContext) -> list[Finding]:
    """Years and dates aligned on one event (the event word nearest each figure, within
    align.year_gap years or align.date_gap_days days of each other) must overlap as intervals:
    a decade ("the 1990s"), a range ("from 1988 to 1994") or a season ("summer of 2022")
    covers its whole span. A source whose date misses the one most sources give is reported;
    a source that also gives the common date is taken to speak of two events."""
    out: list[Finding] = []
    for g in groups:
        items = [(c, iv) for c in g.claims if (iv := interval(c, rule.tolerance)) is not None]
        event = next((e for c in g.claims for e in ctx.feat(c).events[:1]), g.kind)

        def phrase(odd: list[Claim], event=event) -> dict:
            phase = _phase(odd[0])  # "dates the end of the war", in the odd claim's own words
            return {"event": f"{phase} of the {event}" if phase else event}
        out += disagreements(rule, g, items, show=show, extra=phrase, with_odd=True)
    return _merge(out)


_PHASES = {"end": ("end", "ended", "ending", "ends"), "start": ("start", "started", "began", "begin",
                                                              "outbreak", "launched", "beginning")}


def _phase(c: Claim) -> str | None:
    """'end' when the words around the date speak of an ending ("the ceasefire that ended the
    war in 2022"), 'start' for a beginning."""
    words = {w.lower() for w in c.context}
    for phase, cues in _PHASES.items():
        if words & set(cues):
            return phase
    return None


def _merge(pairs: list[tuple[Finding, list[Claim]]]) -> list[Finding]:
    """The same odd claims found through two events make one finding."""
    seen: dict[frozenset, Finding] = {}
    for f, odd in pairs:
        key = frozenset(id(c) for c in odd)
        if key in seen:
            have = {id(c) for c in seen[key].claims}
            seen[key].claims = sorted(seen[key].claims + [c for c in f.claims if id(c) not in have],
                                      key=lambda c: (c.source, c.start))
        else:
            seen[key] = f
    return list(seen.values())
