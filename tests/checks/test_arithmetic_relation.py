from __future__ import annotations

import random
from types import SimpleNamespace

from checker.checks.arithmetic_relation import _Wholes
from checker.checks.common import Interval
from tests.checks.conftest import rule

WHOLE = ("The 120,000 Armenians in Karabakh will leave for Armenia, their leaders said.", "2023-09-24")


def _share(n: str):
    return (f"As of Wednesday, {n} people, or more than a third of Karabakh's population, "
            "had crossed into Armenia.", "2023-09-27")


def test_share_that_holds_passes(check):
    assert check(rule("share-of-whole"), {"a.txt": _share("50,000"), "b.txt": WHOLE}) == []


def test_share_that_fails_names_both_figures(check):
    found = check(rule("share-of-whole"), {"a.txt": _share("30,000"), "b.txt": WHOLE})
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].message == ("a.txt says 30,000 people is more than a third of the population, "
                                "but b.txt gives 120,000 Armenians (a share of 0.25)")


def test_a_whole_of_another_place_is_not_used(check):
    other = ("The 120,000 Armenians in Georgia have not moved, their leaders said.", "2023-09-24")
    assert check(rule("share-of-whole"), {"a.txt": _share("30,000"), "b.txt": other}) == []


def test_indexed_wholes_answer_as_a_scan_of_every_whole():
    rng = random.Random(11)

    def iv(lo, width):
        return Interval(lo, lo + width, rng.random() < 0.8, rng.random() < 0.8)
    for _ in range(200):
        stocks = [(SimpleNamespace(sentence=rng.choice("xyz")), iv(rng.randint(1, 60) * 1000, rng.choice([0, 500, 5000])))
                  for _ in range(rng.randint(1, 15))]
        part = iv(rng.randint(1, 40) * 1000, rng.choice([0, 1000]))
        share = iv(rng.choice([0.1, 0.25, 0.33, 0.5]), rng.choice([0, 0.05]))
        sentence = rng.choice("xyz")
        expected = any(c.sentence != sentence and Interval(part.lo / w.hi, part.hi / w.lo).overlaps(share)
                       for c, w in stocks)
        assert _Wholes(stocks).fits(part, share, sentence) == expected
