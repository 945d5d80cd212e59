"""Run one bundled rule (or an edited copy) over short real texts."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from checker.engine import load_rulebook, run_rules
from checker.extract import extract_text
from checker.pipeline import default_rules_dir

RULES, ALIASES = load_rulebook(default_rules_dir())


def rule(rule_id: str, **changes):
    r = copy.deepcopy(next(r for r in RULES if r.id == rule_id))
    for key, value in changes.items():
        setattr(r, key, value)
    return r


def run(r, texts: dict[str, tuple[str, str | None]]):
    """texts: source name -> (text, published ISO date or None)."""
    claims = []
    for name, (text, published) in sorted(texts.items()):
        claims += extract_text(text, source=name,
                               published=date.fromisoformat(published) if published else None)
    return run_rules([r], claims, ALIASES)[1]


@pytest.fixture
def check():
    return run
