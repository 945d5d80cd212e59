"""The vocabulary of check kinds a rule may name, one module per kind.

A check is a small function `(rule, groups, ctx) -> list[Finding]`, registered with
`@register("kind_name", placeholders=...)` in its own module of this package; every module
here is imported on first use, so adding a kind means adding one file. Finding ids and the
final order are the engine's job, not the check's.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

CheckFn = Callable[..., list]


@dataclass
class CheckKind:
    name: str
    fn: CheckFn
    placeholders: frozenset[str] = field(default_factory=frozenset)
    doc: str = ""


REGISTRY: dict[str, CheckKind] = {}
_HELPERS = {"common"}
_loaded = False


def register(name: str, placeholders: tuple[str, ...] = ()) -> Callable[[CheckFn], CheckFn]:
    """Make `fn` the check kind `name`; `placeholders` are what its message templates may use."""
    def wrap(fn: CheckFn) -> CheckFn:
        REGISTRY[name] = CheckKind(name, fn, frozenset(placeholders), (fn.__doc__ or "").strip())
        return fn
    return wrap


def load_checks() -> dict[str, CheckKind]:
    """Every check kind of this package, by name."""
    global _loaded
    if not _loaded:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if info.name not in _HELPERS:
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return REGISTRY


def check_kinds() -> set[str]:
    return set(load_checks())
