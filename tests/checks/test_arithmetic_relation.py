from __future__ import annotations

from tests.checks.conftest import rule

WHOLE = ("The 120,000 Armenians in Karabakh will leave for Armenia, their leaders said.", "2023-09-24")


def _share(n: str):
    return (f"As of Wednesday, {n} people, or more than a third of Karabakh's population, "
            "had crossed into Armenia.", "2023-09-27")


def test_share_that_holds_passes(check):
    assert check(rule("share-of-whole"), {"a.txt": _share("50,000"), "b.txt": WHOLE}) == []


def test_share_that_fails_names_both_figures(check):
    found = check(rule("share-of-whole"), {"a.txt": _share("30,000"), "b.txt": WHOLE})
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].message == ("a.txt says 30,000 people is more than a third of the population, "
                                "but b.txt gives 120,000 Armenians (a share of 0.25)")


def test_a_whole_of_another_place_is_not_used(check):
    other = ("The 120,000 Armenians in Georgia have not moved, their leaders said.", "2023-09-24")
    assert check(rule("share-of-whole"), {"a.txt": _share("30,000"), "b.txt": other}) == []
