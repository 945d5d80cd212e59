"""Fixtures every test folder shares: the seed articles, read and extracted once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_claims
from checker.sources import read_sources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seed_sources():
    return read_sources([str(SEEDS)], on_notice=lambda m: None)


@pytest.fixture(scope="session")
def seed_claims(seed_sources):
    return [c for s in seed_sources for c in extract_claims(s)]


@pytest.fixture(scope="session")
def seed_claim_at(seed_claims):
    """Seed claims by (first three characters of the file name, line, text): ("000", 21, "2020")."""
    return {(c.source[:3], c.line, c.text): c for c in seed_claims}
