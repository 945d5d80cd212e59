"""Tolerant intervals, times and the consensus that disagreement checks share."""
from __future__ import annotations

import math
import random
from datetime import date

from checker.checks.common import Interval, consensus, interval, round_step, time_span
from checker.extract import extract_text


def _claim(text: str, published=date(2023, 9, 24), index=0):
    return [c for c in extract_text(text, published=published) if c.kind == "count"][index]


def test_round_figures_carry_half_their_last_digit():
    c = _claim("Russia sent 2,000 peacekeepers.")
    assert round_step(c) == 1000
    assert interval(c) == Interval(1500, 2500)
    assert interval(_claim("Officials counted 1,050 people.")) == Interval(1050, 1050)


def test_hedges_make_open_and_closed_bounds():
    more = interval(_claim("More than 200 people were killed."), {"round_figures": 0})
    least = interval(_claim("At least 200 people were killed."), {"round_figures": 0})
    assert (more.lo, more.lo_inc) == (200, False) and more.hi == float("inf")
    assert (least.lo, least.lo_inc) == (200, True)
    assert not Interval(100, 200).overlaps(more) and Interval(100, 200).overlaps(least)


def test_relative_tolerance_widens_both_sides():
    iv = interval(_claim("Officials counted 1,050 people."), {"relative": 0.1})
    assert (iv.lo, iv.hi) == (945, 1155)


def test_consensus_counts_sources_not_claims():
    items = [("a", Interval(10, 10)), ("a", Interval(10, 10)), ("a", Interval(10, 10)),
             ("b", Interval(20, 20)), ("c", Interval(18, 25))]
    value, covering = consensus(items)
    assert 18 <= value <= 20 and covering == {3, 4}


def _brute_consensus(items):
    """The definition: test every candidate point against every interval."""
    points = sorted({p for _, iv in items for p in (iv.lo, iv.hi) if math.isfinite(p)}
                    | {(iv.lo + iv.hi) / 2 for _, iv in items if math.isfinite(iv.lo + iv.hi)})
    best = None
    for x in points:
        cover = {i for i, (_, iv) in enumerate(items) if iv.covers(x)}
        key = (-len({items[i][0] for i in cover}), -len(cover), x)
        if best is None or key < best[0]:
            best = (key, x, cover)
    return best[1], best[2]


def test_consensus_sweep_matches_testing_every_point():
    rng = random.Random(7)
    for _ in range(300):
        items = []
        for _ in range(rng.randint(1, 12)):
            lo = rng.choice([1, 2, 3, 4, 5, 6])
            hi = lo + rng.choice([0, 0, 1, 2, 3])
            iv = Interval(lo, hi, rng.random() < 0.7, rng.random() < 0.7)
            items.append((rng.choice("abcd"), iv))
        if not any(iv.lo < iv.hi or (iv.lo_inc and iv.hi_inc) for _, iv in items):
            continue
        assert consensus(items) == _brute_consensus(items), items


def test_consensus_with_open_ends():
    items = [("a", Interval(-math.inf, 10, True, False)), ("b", Interval(5, math.inf, False)),
             ("c", Interval(20, 20))]
    value, covering = consensus(items)
    assert 5 < value < 10 and covering == {0, 1}


def test_time_span_prefers_the_stated_as_of_time():
    claims = extract_text("As of 22:00 on Sunday, 1,050 people had entered Armenia.", published=date(2023, 9, 24))
    count = next(c for c in claims if c.kind == "count")
    span = time_span(count)
    assert span.explicit and span.key == "2023-09-24T22:00"
    plain = time_span(_claim("Officials counted 1,050 people."))
    assert not plain.explicit and plain.key == "2023-09-24" and not plain.before(span) and not span.before(plain)
