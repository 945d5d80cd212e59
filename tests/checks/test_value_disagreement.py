from __future__ import annotations

from tests.checks.conftest import rule

KILLED_A = "At least 60 people were killed in the earthquake in the province, officials said."
KILLED_B = "The earthquake killed 12 people in the province, the governor said."


def test_same_day_contradiction_is_an_error(check):
    found = check(rule("count-disagreement"), {"a.txt": (KILLED_A, "2023-02-06"), "b.txt": (KILLED_B, "2023-02-06")})
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].message == ("people killed (earthquake): a.txt says at least 60 people on 2023-02-06; "
                                "1 other source says 12 people")
    assert {c.source for c in found[0].claims} == {"a.txt", "b.txt"}


def test_running_tallies_on_one_day_can_be_made_warnings(check):
    lenient = rule("count-disagreement", params={"running_tallies": ["dead"], "same_day_tally": "warning"})
    found = check(lenient, {"a.txt": (KILLED_A, "2023-02-06"), "b.txt": (KILLED_B, "2023-02-06")})
    assert [f.severity for f in found] == ["warning"] and "perhaps an update" in found[0].message


def test_tolls_for_the_same_stated_time_are_an_error(check):
    texts = {"a.txt": ("As of 6 pm on Monday, at least 60 people were killed in the earthquake in the province.", "2023-02-06"),
             "b.txt": ("As of 6 pm on Monday, the earthquake had killed 12 people in the province.", "2023-02-06")}
    found = check(rule("count-disagreement"), texts)
    assert [f.severity for f in found] == ["error"]
    assert "as of 2023-02-06T18:00" in found[0].message


def test_different_days_are_not_compared(check):
    assert check(rule("count-disagreement"), {"a.txt": (KILLED_A, "2023-02-07"), "b.txt": (KILLED_B, "2023-02-06")}) == []


def test_undated_figures_are_at_most_a_warning(check):
    found = check(rule("count-disagreement"), {"a.txt": (KILLED_A, None), "b.txt": (KILLED_B, None)})
    assert [f.severity for f in found] == ["warning"] and "undated" in found[0].message
    skip = rule("count-disagreement", params={"undated": "skip"})
    assert check(skip, {"a.txt": (KILLED_A, None), "b.txt": (KILLED_B, None)}) == []


def test_majority_names_the_odd_source(check):
    texts = {"a.txt": ("About 2,000 peacekeepers are stationed in the region.", "2023-09-24"),
             "b.txt": ("Russia has 2,000 peacekeepers stationed in the region.", "2023-09-24"),
             "c.txt": ("Some 5,000 peacekeepers are stationed in the region.", "2023-09-24")}
    found = check(rule("count-disagreement"), texts)
    assert len(found) == 1 and found[0].severity == "error"  # not a tally: no update excuses it
    assert "c.txt says some 5,000 peacekeepers" in found[0].message
    assert "2 other sources say" in found[0].message


def test_tolerance_is_a_rule_setting(check):
    texts = {"a.txt": ("Officials said 1,050 people had crossed the border.", "2023-09-24"),
             "b.txt": ("Officials said 1,120 people had crossed the border.", "2023-09-24")}
    assert check(rule("count-disagreement"), texts)
    assert check(rule("count-disagreement", tolerance={"relative": 0.05}), texts) == []
