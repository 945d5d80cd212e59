"""Numerals and number words to values.

Hand-written because no maintained library reads English number phrases *with their
vague forms* ("dozens", "tens of thousands", "a third") and keeps the exact span.
"""
from __future__ import annotations

import math
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
                "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000}

# Vague amounts as intervals: "dozens" is more than two dozen and fewer than a hundred.
VAGUE = {
    # Orders of magnitude, as NewsQuant (CQE, EMNLP 2023) normalises them: "thousands" is a
    # number in the thousands, [1,000, 10,000]; "dozens" is [12, 120].
    "dozens": (12, 120),
    "hundreds": (100, 1_000),
    "thousands": (1_000, 10_000),
    "tens of thousands": (10_000, 100_000),
    "hundreds of thousands": (100_000, 1_000_000),
    "millions": (1_000_000, 10_000_000),
    "tens of millions": (10_000_000, 100_000_000),
    "hundreds of millions": (100_000_000, 1_000_000_000),
    "billions": (1_000_000_000, 10_000_000_000),
}

FRACTION_DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}

WORD_NUMBER = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WORD_TOKEN = re.compile(r"[a-z]+")


def parse_numeral(text: str) -> float | int | None:
    """'120,000' -> 120000, '99.9' -> 99.9, '1 500' -> 1500; None when it is not a numeral."""
    t = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    try:
        v = float(t)
    except ValueError:
        return None
    if not math.isfinite(v):
        return None
    return as_number(v)


def as_number(v: float) -> float | int:
    """Integral floats become ints so JSON shows 2000, not 2000.0; binary noise is rounded off
    at 12 significant digits (4.1 * 1e6 is 4100000, not 4099999.9999999995)."""
    if not math.isfinite(v):
        return v
    v = float(f"{v:.12g}")
    if v == int(v) and abs(v) < 1e18:
        return int(v)
    return v


def parse_words(text: str) -> int | None:
    """'two hundred and fifty thousand' -> 250000; None when the words are not a number."""
    tokens = [t for t in _WORD_TOKEN.findall(text.lower()) if t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0
        elif tok in ("a", "an"):
            current = 1
        else:
            return None
        seen = True
    return total + current if seen else None


def significant_round(value: float | int) -> bool:
    """A round figure: at least 10 with two significant digits or fewer (2,000; 120,000; 1,500)."""
    if not isinstance(value, int):
        if value != int(value):
            return False
        value = int(value)
    value = abs(value)
    if value < 10:
        return False
    digits = str(value).rstrip("0")
    return len(digits) <= 2 and value % 10 == 0
