"""Formula neutralising: nothing that starts a formula is stored raw; everything comes back."""
from __future__ import annotations

import pytest

from checker.review.cells import is_neutral, neutralise, restore

RISKY = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", RISKY + ["'tis", "''", "'", "'=1", "plain", "", "1 = 1", "–1 (en dash)"])
def test_round_trip_is_exact(text):
    stored = neutralise(text)
    assert is_neutral(stored)
    assert restore(stored) == text


@pytest.mark.parametrize("text", RISKY)
def test_risky_text_gets_the_marker(text):
    assert neutralise(text) == "'" + text


def test_harmless_text_is_unchanged():
    assert neutralise("about 2,000 peacekeepers") == "about 2,000 peacekeepers"
