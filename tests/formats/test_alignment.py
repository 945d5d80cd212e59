"""The alignment table: figures as stated, outlets as columns, flagged quantities first."""
from __future__ import annotations

import csv
import dataclasses
import io

from checker.formats.alignment import (alignment_csv, alignment_markdown, alignment_rows, figure,
                                       group_flags, source_columns)
from checker.models import Finding, Group

from .conftest import pick


def test_figure_keeps_hedge_and_adds_as_of(seed_claims):
    assert figure(pick(seed_claims, "002", "more than 2,000")) == "more than 2,000"
    assert figure(pick(seed_claims, "001", "2,000")) == "2,000"
    assert figure(pick(seed_claims, "002", "377")) == "377 (as of 2023-09-24T18:00)"


def test_figure_restores_a_hedge_word_the_text_left_out(seed_claims):
    c = dataclasses.replace(pick(seed_claims, "001", "2,000"), hedge="about", hedge_word="roughly", as_of=None)
    assert figure(c) == "roughly 2,000"


def test_columns_are_outlets_in_file_name_order(seed_sources):
    cols = source_columns(reversed(seed_sources))
    assert [name for name, _ in cols] == sorted(s.name for s in seed_sources)
    assert cols[2] == ("002_eaa1d8c9a6033192.txt", "Financial Times")


def test_columns_fall_back_to_file_name_and_tell_one_outlets_files_apart(seed_sources):
    a, b, c = (dataclasses.replace(s) for s in seed_sources[:3])
    a.outlet, b.outlet, c.outlet = "Reuters", "Reuters", None
    titles = [t for _, t in source_columns([a, b, c])]
    assert titles == [f"Reuters ({a.name})", f"Reuters ({b.name})", c.name]


def test_rows_join_one_sources_claims_and_drop_repeats(seed_sources, seed_claims):
    first = pick(seed_claims, "001", "1,050")  # "1,050 people" (line 2), undated
    second = next(c for c in seed_claims if c.source == first.source and c.text == "1,050" and c.as_of)
    dup = dataclasses.replace(first)  # the same figure twice shows once
    group = Group(id="g", label="people who crossed", kind="count", claims=[second, first, dup])
    _, rows = alignment_rows([group], seed_sources)
    assert rows[0]["cells"] == {first.source: "1,050; 1,050 (as of 2023-09-24T22:00)"}


def test_rows_put_flagged_quantities_first_then_widely_stated(evidence):
    _, rows = alignment_rows(evidence.groups, evidence.sources, evidence.findings)
    assert [(r["quantity"], r["flag"]) for r in rows] == [
        ("people killed", "error"), ("peacekeepers", "warning"), ("armenians in nagorno-karabakh", "")]
    _, unflagged = alignment_rows(evidence.groups, evidence.sources)
    assert [r["stated_by"] for r in unflagged] == [3, 3, 2]


def test_flags_follow_shared_claims_when_a_finding_names_no_group(evidence):
    keepers = evidence.groups[1]
    f = Finding(id="x", rule="r", severity="info", message="m", claims=[keepers.claims[0]])
    assert group_flags(evidence.groups, [f]) == {"g-keepers": "info"}


def test_csv_has_a_column_per_source_and_a_row_per_quantity(evidence):
    rows = list(csv.reader(io.StringIO(alignment_csv(evidence.groups, evidence.sources, evidence.findings))))
    assert rows[0] == ["group", "quantity", "kind", "flag", "The Telegraph (republished)",
                       "Reuters (republished)", "Financial Times", "Al Jazeera (republished)",
                       "Armenian Club (republished)"]
    assert rows[2] == ["g-keepers", "peacekeepers", "count", "warning", "about 2,000",
                       "2,000", "more than 2,000", "", ""]
    assert len(rows) == 4


def test_markdown_table_is_padded_with_a_dash_for_silent_sources(evidence):
    md = alignment_markdown(evidence.groups, evidence.sources, evidence.findings)
    lines = md.splitlines()
    assert lines[0].startswith("| quantity") and set(lines[1]) <= {"|", "-", ":"}
    row = next(line for line in lines if "peacekeepers" in line)
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == ["peacekeepers", "warning", "about 2,000", "2,000", "more than 2,000",
                     "—", "—"]
    assert len({len(line) for line in lines}) == 1  # padded: reads as plain text too
    assert alignment_markdown([], evidence.sources) == "No aligned quantities.\n"
