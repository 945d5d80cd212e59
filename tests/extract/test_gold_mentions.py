"""Extraction measured against the editor's gold mentions (tests/data/seed_mentions.tsv).

Runs the extractor on seeds/ (read_sources + extract_claims) and scores it with
benchmarks/goldscore.py, which holds the matching rules:

* a gold mention is found when a claim overlapping its span (the gold text located on its line
  of the original file) has the right value: numbers within 1e-6 relative; `>X` / `X..inf` match
  a claim with lo == X (open or closed); `0..X` a claim with hi == X; a vague `lo..hi` any claim
  interval overlapping it, another `lo..hi` equal lo and hi; `XXXX-MM-DD` a date with that month
  and day (the claim's year, if any, is not compared); `THH:MM` a time with that hour and minute;
* recall = found gold / gold;
* precision = claims that match some gold / numeric claims.  A weekday reference ("on Sunday",
  detail "weekday"), which the extractor emits as a date anchor, states no figure and is left out
  of the precision count;
* hedge accuracy, over found mentions: gold `none` == claim `exact`, other names equal.

`pytest -s tests/extract/test_gold_mentions.py` prints the report (misses, false positives,
hedge errors).  `python benchmarks/goldscore.py` prints the same report without pytest.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RECALL_MIN = 0.95
PRECISION_MIN = 0.90
HEDGE_MIN = 0.95


def _load_goldscore():
    """Import benchmarks/goldscore.py by path (benchmarks/ is not a package)."""
    if "goldscore" in sys.modules:
        return sys.modules["goldscore"]
    spec = importlib.util.spec_from_file_location("goldscore", ROOT / "benchmarks" / "goldscore.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["goldscore"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


goldscore = _load_goldscore()


@pytest.fixture(scope="module")
def result():
    res = goldscore.run_seeds(ROOT / "seeds", ROOT / "tests" / "data" / "seed_mentions.tsv")
    print("\n" + res.report())
    return res


def test_gold_file_is_readable_and_located():
    """Every gold row names a seed file and its text is on the stated line (no extractor needed)."""
    golds = goldscore.read_gold(ROOT / "tests" / "data" / "seed_mentions.tsv")
    assert golds, "no gold rows"
    originals = {}
    for g in golds:
        if g.file not in originals:
            raw = (ROOT / "seeds" / g.file).read_bytes()
            originals[g.file] = raw.decode("utf-8")
    problems = goldscore.locate(golds, originals)
    assert not problems, "\n".join(problems)
    for g in golds:
        assert originals[g.file][g.start:g.end] == g.text
        goldscore.parse_gold_value(g.value)  # every value form parses


def test_gold_spans_match_read_sources_original(result):
    """read_sources keeps the original text the gold lines refer to."""
    assert not result.problems, "\n".join(result.problems)


def test_recall(result):
    recall = result.recall
    assert recall >= RECALL_MIN, (
        f"recall {recall:.1%} < {RECALL_MIN:.0%}; misses:\n"
        + "\n".join(f"  {result.golds[i].where} {result.golds[i].text!r}" for i in result.misses))


def test_precision(result):
    precision = result.precision
    assert precision >= PRECISION_MIN, (
        f"precision {precision:.1%} < {PRECISION_MIN:.0%}; false positives:\n"
        + "\n".join(f"  {goldscore.claim_where(c)} {c.text!r} {c.kind}"
                     for c in result.false_positives))


def test_hedge_accuracy(result):
    hedge = result.hedge_accuracy
    assert hedge >= HEDGE_MIN, f"hedge accuracy {hedge:.1%} < {HEDGE_MIN:.0%}"


# ------------------------------------------------------------------ the matching rules themselves
def _claim(text="x", value=None, lo=None, hi=None, hedge="exact", kind="count", detail=None):
    from checker.models import Claim
    return Claim(source="s.txt", line=1, column=1, start=0, end=len(text), text=text, kind=kind,
                 value=value, lo=lo, hi=hi, hedge=hedge, detail=detail)


@pytest.mark.parametrize("gold, hedge, claim, ok", [
    ("2000", "about", _claim(value=2000.0), True),
    ("2000", "about", _claim(value=2000.001), True),
    ("2000", "about", _claim(value=2001), False),
    (">200", "more_than", _claim(value=200, lo=200, hedge="more_than"), True),
    (">0.3333", "more_than", _claim(value=1 / 3, lo=1 / 3, hedge="more_than"), True),
    (">0.3333", "more_than", _claim(value=0.34, lo=0.34, hedge="more_than"), False),
    ("200..inf", "at_least", _claim(value=200, lo=200, hedge="at_least"), True),
    ("0..20", "up_to", _claim(value=20, hi=20, hedge="up_to"), True),
    ("0..20", "up_to", _claim(value=20), False),
    ("1988..1994", "range", _claim(lo=1988, hi=1994, hedge="range", kind="year"), True),
    ("1988..1994", "range", _claim(lo=1988, hi=1995, hedge="range", kind="year"), False),
    ("10000..99999", "vague", _claim(lo=20000, hi=90000, hedge="vague"), True),
    ("10000..99999", "vague", _claim(value=1000), False),
    ("24..99", "vague", _claim(lo=12, hi=None, hedge="vague"), True),
    ("XXXX-09-19", "none", _claim(value="2023-09-19", kind="date"), True),
    ("XXXX-09-19", "none", _claim(value="--09-19", kind="date"), True),
    ("XXXX-09-19", "none", _claim(value="2023-09-20", kind="date"), False),
    ("T18:00", "none", _claim(value="T18:00", kind="time"), True),
    ("T18:00Z", "none", _claim(value="2023-09-24T18:00", kind="time"), True),
    ("T22:00", "none", _claim(value="T18:00", kind="time"), False),
])
def test_value_rules(gold, hedge, claim, ok):
    assert goldscore.value_matches(goldscore.parse_gold_value(gold), claim, hedge) is ok


def test_numeric_claim_rule():
    assert not goldscore.is_numeric_claim(_claim(text="Sunday", kind="date", detail="weekday"))
    assert goldscore.is_numeric_claim(_claim(text="September 19", kind="date"))
    for text in ("2,000", "twice", "tens of thousands", "a third", "nine-month", "dozens"):
        assert goldscore.is_numeric_claim(_claim(text=text)), text


def test_hedge_rule():
    assert goldscore.hedge_matches("none", "exact")
    assert goldscore.hedge_matches("about", "about")
    assert not goldscore.hedge_matches("none", "about")
    assert not goldscore.hedge_matches("more_than", "at_least")
