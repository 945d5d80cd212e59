"""Rule and aliases files: valid ones load; every broken one is one line naming file and line."""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.aliases import parse_aliases
from checker.cli import cli
from checker.engine import load_rulebook
from checker.errors import CheckerError
from checker.pipeline import default_rules_dir, run_check
from checker.rulebook import load_rules

RULES = default_rules_dir()
GOOD = (RULES / "count-disagreement.yaml").read_text(encoding="utf-8")


@pytest.fixture
def rules_copy(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    return folder


def _error(folder: Path) -> str:
    with pytest.raises(CheckerError) as exc:
        load_rulebook(folder)
    return exc.value.message


def test_bundled_rules_load_sorted_by_id():
    rules, aliases = load_rulebook(RULES)
    assert [r.id for r in rules] == sorted(r.id for r in rules)
    assert {r.check for r in rules} >= {"value_disagreement", "date_disagreement", "tally_regression",
                                        "time_series", "arithmetic_relation"}
    assert aliases.term("Artsakh") == aliases.term("Nagorno-Karabakh")
    assert aliases.term("fatalities") == aliases.term("killed") != aliases.term("wounded")


@pytest.mark.parametrize("edit,marker,words", [
    (lambda t: t.replace("severity: error", "severity: error\nseverity_level: 3"), "severity_level:", "unknown key 'severity_level'"),
    (lambda t: t.replace("check: value_disagreement", "check: value_disagreemnt"), "check:", "unknown check kind 'value_disagreemnt'"),
    (lambda t: t.replace("severity: error", "severity: fatal"), "severity:", "'fatal' is not one of error, warning, info"),
    (lambda t: t.replace("  threshold: 50", "  threshold: high"), "threshold:", "align.threshold: must be a number"),
    (lambda t: t.replace("  kinds: [count, money, percent, duration]", "  kinds: [count, money, percent, duration"), "align:", "started on line"),
    (lambda t: t.replace("    expect: flag", "    expect: maybe", 1), "expect: maybe", "'maybe' is not one of flag, pass"),
    (lambda t: t.replace("{others_say}", "{other_says}"), "message:", "unknown placeholder {other_says}"),
    (lambda t: t.replace("id: count-disagreement", "id: count-mismatch"), "id:", "must match the file name"),
])
def test_broken_rule_names_file_and_line(rules_copy, edit, marker, words):
    text = edit(GOOD)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.lstrip().startswith(marker))
    (rules_copy / "count-disagreement.yaml").write_text(text, encoding="utf-8")
    msg = _error(rules_copy)
    assert msg.startswith(f"rules/count-disagreement.yaml:{line}:"), msg
    assert words in msg, msg
    assert "\n" not in msg


def test_broken_rule_file_exits_2_without_traceback(rules_copy):
    (rules_copy / "count-disagreement.yaml").write_text(GOOD.replace("severity: error", "severity: [error"),
                                                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "list", "--rules", str(rules_copy)])
    assert result.exit_code == 2
    assert "count-disagreement.yaml:" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("text,line,words", [
    ("synonyms:\n  - [killed, dead]\n  - [dead, wounded]\n", 3, "'dead' is already in the group of 'killed' (line 2)"),
    ("synonyms:\n  - [a, b]\nsynonym:\n  - [c, d]\n", 3, "unknown section 'synonym'"),
    ("synonyms:\n  - killed\n", 2, "each group must be a non-empty list"),
    ("synonyms:\n  - [killed, dead\n", 3, "YAML syntax error"),
    ("predicates:\n  - [killed]\nimplied_roles:\n  refugee: [killed]\n", 4, "'refugee' is not a role"),
])
def test_broken_aliases_name_line(tmp_path, text, line, words):
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CheckerError) as exc:
        parse_aliases(path)
    assert f"aliases.yaml:{line}:" in exc.value.message, exc.value.message
    assert words in exc.value.message


def test_broken_aliases_stop_a_check_run(rules_copy):
    (rules_copy / "aliases.yaml").write_text("synonyms:\n  - [killed, dead]\n  - [dead]\n", encoding="utf-8")
    with pytest.raises(CheckerError, match=r"aliases\.yaml:3: 'dead' is already"):
        run_check([str(RULES.parent / "seeds")], rules_dir=str(rules_copy), on_notice=lambda m: None)


def test_example_dates_are_kept_as_iso_text():
    rules = load_rules(RULES)
    published = [src["published"] for r in rules for ex in r.examples for src in ex.sources.values()]
    assert all(p is None or (isinstance(p, str) and datetime.fromisoformat(p).isoformat().startswith(p[:10]))
               for p in published)
    assert any(p and "T" in p for p in published)  # a datetime keeps its time


def test_rules_list_and_test_commands():
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules", "list"])
    assert listing.exit_code == 0 and "count-disagreement" in listing.output and "severity" in listing.output
    tested = runner.invoke(cli, ["rules", "test"])
    assert tested.exit_code == 0, tested.output
    assert "examples as expected" in tested.output


def test_rules_test_exits_1_naming_the_failing_example(rules_copy):
    path = rules_copy / "count-disagreement.yaml"
    path.write_text(GOOD.replace("    expect: pass", "    expect: flag", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "test", "--rules", str(rules_copy)])
    assert result.exit_code == 1
    assert "FAIL count-disagreement :: hedges-overlap" in result.output


def test_a_new_rule_is_a_new_file(rules_copy):
    text = GOOD.replace("id: count-disagreement", "id: troop-numbers").replace(
        "  kinds: [count, money, percent, duration]", "  kinds: [count]\n  units: [troops]")
    (rules_copy / "troop-numbers.yml").write_text(text, encoding="utf-8")
    rules, _ = load_rulebook(rules_copy)
    assert "troop-numbers" in [r.id for r in rules]
    assert next(r for r in rules if r.id == "troop-numbers").applies_to["units"] == ["troops"]
