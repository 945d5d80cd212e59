from __future__ import annotations

from tests.checks.conftest import rule

EARLY = ("A rights official in the region said 25 people had been killed in the offensive.", "2023-09-19")
LATE = ("More than 200 people were killed in the offensive, officials in the region said.", "2023-09-24")


def test_a_rising_toll_is_info_never_an_error(check):
    found = check(rule("rising-tally"), {"a.txt": EARLY, "b.txt": LATE})
    assert [f.severity for f in found] == ["info"]
    assert "rise from 25 people (a.txt, 2023-09-19) to more than 200 people (b.txt, 2023-09-24)" in found[0].message


def test_a_falling_toll_is_no_time_series(check):
    assert check(rule("rising-tally"), {"a.txt": (EARLY[0], "2023-09-25"), "b.txt": LATE}) == []


def test_undated_figures_make_no_series(check):
    assert check(rule("rising-tally"), {"a.txt": (EARLY[0], None), "b.txt": (LATE[0], None)}) == []


def test_a_new_point_keeps_the_series_id(check):
    MIDDLE = ("Officials in the region said 120 people had been killed in the offensive.", "2023-09-21")
    two = check(rule("rising-tally"), {"a.txt": EARLY, "b.txt": LATE})
    three = check(rule("rising-tally"), {"a.txt": EARLY, "b.txt": LATE, "c.txt": MIDDLE})
    assert len(three[0].claims) == 3 and three[0].id == two[0].id
