from __future__ import annotations

from tests.checks.conftest import rule

SUNDAY = ("As of 6 pm on Sunday, 1,050 refugees had crossed into Armenia, the government said.", "2023-09-24")
WEDNESDAY = ("As of 11 a.m. on Wednesday, 377 refugees had crossed into Armenia, the government said.", "2023-09-27")


def test_a_falling_tally_with_stated_times_is_an_error(check):
    found = check(rule("tally-regression"), {"a.txt": SUNDAY, "b.txt": WEDNESDAY})
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].message.startswith("b.txt gives 377 refugees as of 2023-09-27T11:00, below 1,050 refugees")


def test_publication_dates_alone_make_a_warning(check):
    texts = {"a.txt": ("More than 200 people were killed in the offensive, officials said.", "2023-09-24"),
             "b.txt": ("Officials said 25 people were killed in the offensive.", "2023-09-26")}
    found = check(rule("tally-regression"), texts)
    assert [f.severity for f in found] == ["warning"]


def test_counts_that_are_not_tallies_may_fall(check):
    texts = {"a.txt": ("Russia has 2,000 peacekeepers stationed in the region.", "2023-09-20"),
             "b.txt": ("Russia has 1,000 peacekeepers stationed in the region.", "2023-09-27")}
    assert check(rule("tally-regression"), texts) == []
