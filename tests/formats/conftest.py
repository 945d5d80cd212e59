"""Real seed claims wrapped in the groups and findings a rule would build from them.

The formatters are tested on real extracted evidence (quotes, sentences, hedges, as-of times);
only the grouping and the verdicts are set here, as the engine would set them.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from checker.models import Finding, Group


def pick(claims, source_prefix: str, text: str):
    """The first claim of the source whose name starts with `source_prefix` and whose text is `text`."""
    for c in claims:
        if c.source.startswith(source_prefix) and c.text == text:
            return c
    raise LookupError(f"no claim {text!r} in {source_prefix}*: the extractor changed")


@pytest.fixture
def evidence(seed_sources, seed_claims):
    """Two aligned quantities from the seeds and three findings about them."""
    keepers = [pick(seed_claims, "000", "about 2,000"), pick(seed_claims, "001", "2,000"),
               pick(seed_claims, "002", "more than 2,000")]
    toll = [pick(seed_claims, "001", "more than 200"), pick(seed_claims, "002", "At least 200")]
    residents = [pick(seed_claims, "001", "120,000"), pick(seed_claims, "002", "120,000"),
                 pick(seed_claims, "003", "about 120,000")]
    groups = [
        Group(id="g-toll", label="people killed", kind="count", claims=toll),
        Group(id="g-keepers", label="peacekeepers", kind="count", claims=keepers),
        Group(id="g-residents", label="armenians in nagorno-karabakh", kind="count", claims=residents),
    ]
    findings = [  # deliberately not in display order: formatters must sort
        Finding(id="f-info", rule="hedge-differs", severity="info",
                message="about 2,000 against more than 2,000", claims=[keepers[2], keepers[0]],
                group="g-keepers"),
        Finding(id="f-err", rule="count-mismatch", severity="error",
                message="more than 200 against at least 200", claims=[toll[1], toll[0]], group="g-toll"),
        Finding(id="f-warn", rule="as-of-differs", severity="warning",
                message="2,000 as of 2023-09-23 against about 2,000 | undated", claims=keepers[:2],
                group="g-keepers"),
    ]
    return SimpleNamespace(sources=seed_sources, claims=seed_claims, groups=groups, findings=findings)
