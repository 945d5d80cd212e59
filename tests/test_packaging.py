"""An installed checker (not a checkout) has every module, its rules and its rule schema."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    listed = set(config["packages"]) - {"checker.builtin_rules"}
    assert on_disk == listed
    assert config["package-dir"]["checker.builtin_rules"] == "rules"
    assert "rule_schema.json" in config["package-data"]["checker"]
