"""Stable ids for findings and groups: what was said, by which source, never where.

A finding's id hashes the rule id, each claim's normalized key (kind, value/interval, hedge,
unit, a few context terms) and the source names. Line numbers and offsets are left out, so
an id survives an inserted line or a typo fixed elsewhere, and a review decision stays
attached to its finding across runs.
"""
from __future__ import annotations

import hashlib

from checker.models import Claim

CONTEXT_TERMS = 3


def digest(*parts: str) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def claim_key(c: Claim) -> str:
    """kind|value|lo|hi|bounds|hedge|unit|context: the claim as a statement, not a place."""
    bounds = ("[" if c.lo_inclusive else "(") + (("]" if c.hi_inclusive else ")"))
    unit = " ".join((c.unit or "").lower().split())
    terms = sorted(dict.fromkeys(w.lower() for w in c.context[:CONTEXT_TERMS]))
    return "|".join([c.kind, _num(c.value), _num(c.lo), _num(c.hi), bounds, c.hedge, unit,
                     " ".join(terms), c.detail or ""])


def claims_key(claims: list[Claim]) -> list[str]:
    """Each claim's key with its source, in a stable order."""
    return sorted(f"{c.source}\x1e{claim_key(c)}" for c in claims)


def finding_id(rule: str, claims: list[Claim], key: str | None = None) -> str:
    """16 hex digits from the rule and the finding's key, or else its claims' keys and sources."""
    if key is not None:
        return digest(rule, key)[:16]
    return digest(rule, *claims_key(claims))[:16]
