"""Stage 1: sources -> claims. Every numeric statement with its value, interval and place."""
from __future__ import annotations

from datetime import date, datetime

from checker.extract.extractor import extract_clean
from checker.models import Claim, Source
from checker.textclean import clean


def extract_claims(src: Source) -> list[Claim]:
    """Claims of one source, placed in its original file."""
    return extract_clean(src.clean, src.name, src.published)


def extract_text(text: str, *, source: str = "<text>", published: date | datetime | None = None) -> list[Claim]:
    """Claims of a plain string (tests, benchmarks, library use)."""
    return extract_clean(clean(text), source, published)


__all__ = ["extract_claims", "extract_text"]
