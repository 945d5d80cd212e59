from __future__ import annotations

from checker.checks.date_disagreement import show
from checker.extract import extract_text
from tests.checks.conftest import rule

END_2022 = "Russia sent peacekeepers to enforce the ceasefire that ended the war in the summer of 2022."
END_2020 = "Peacekeepers have been deployed since the end of the war in 2020."


def test_season_is_not_another_year(check):
    found = check(rule("event-date-disagreement"), {"a.txt": (END_2022, "2023-09-27"), "b.txt": (END_2020, "2023-09-24"),
                                                    "c.txt": ("Azerbaijan won the 2020 war.", "2023-09-24")})
    assert len(found) == 1
    assert found[0].message == "a.txt dates the end of the war to summer 2022; 2 other sources say 2020"


def test_decade_and_range_contain_the_year(check):
    texts = {"a.txt": ("The region has been contested since the war of the 1990s.", "2023-09-27"),
             "b.txt": ("About 30,000 people died in the war from 1988 to 1994.", "2023-09-24"),
             "c.txt": ("Armenian forces won the war in 1994.", "2023-09-19")}
    assert check(rule("event-date-disagreement"), texts) == []


def test_different_events_and_distant_years_stay_apart(check):
    texts = {"a.txt": ("Pashinyan came to power in the 2018 revolution.", "2023-09-24"),
             "b.txt": ("Azerbaijan won the 2020 war.", "2023-09-24"),
             "c.txt": ("The war of the 1990s displaced a million people.", "2023-09-24")}
    assert check(rule("event-date-disagreement"), texts) == []


def test_a_source_naming_both_years_speaks_of_two_events(check):
    texts = {"a.txt": ("Azerbaijan won the 2020 war. The 2022 war in Ukraine changed that.", "2023-09-24"),
             "b.txt": ("Azerbaijan won the 2020 war.", "2023-09-24")}
    assert check(rule("event-date-disagreement"), texts) == []


def test_show_reads_like_an_editor():
    claims = {c.text: c for c in extract_text("In the summer of 2022, the 1990s and from 1988 to 1994.")}
    assert show(claims["the summer of 2022"]) == "summer 2022"
    assert show(claims["1990s"]) == "the 1990s"
    assert show(claims["from 1988 to 1994"]) == "1988–1994"
