"""Alignment on real extracted claims: what meets, what must never meet, no chaining."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.aliases import load_aliases
from checker.align import AlignSettings, align, featurize
from checker.extract import extract_claims, extract_text
from checker.pipeline import default_rules_dir
from checker.sources import read_sources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ALIASES = load_aliases(default_rules_dir())


@pytest.fixture(scope="module")
def seed_groups():
    sources = read_sources([str(SEEDS)], on_notice=lambda m: None)
    claims = [c for s in sources for c in extract_claims(s)]
    return claims, align(claims, ALIASES)


def _where(groups, source_prefix, line, text):
    """Labels of the groups holding the claim quoted by `text` on that line."""
    return {g.label for g in groups for c in g.claims
            if c.source.startswith(source_prefix) and c.line == line and c.text == text}


def _claims(texts: dict[str, str], published=date(2024, 1, 8)):
    return [c for name, t in texts.items() for c in extract_text(t, source=name, published=published)]


def test_same_toll_in_two_sources_meets(seed_groups):
    _, groups = seed_groups
    killed = _where(groups, "001", 21, "more than 200")
    assert killed and killed == _where(groups, "002", 5, "At least 200")


def test_killed_and_wounded_never_meet(seed_groups):
    _, groups = seed_groups
    assert not _where(groups, "001", 21, "more than 200") & _where(groups, "001", 21, "400")
    assert _where(groups, "001", 21, "400") == _where(groups, "002", 5, "more than 400")


def test_other_war_other_role_other_event_stay_apart(seed_groups):
    _, groups = seed_groups
    toll = _where(groups, "001", 21, "more than 200")
    assert not toll & _where(groups, "001", 24, "About 30,000")  # First Karabakh War, 1988-1994
    assert not toll & _where(groups, "002", 13, "five")  # five peacekeepers
    assert not toll & _where(groups, "003", 11, "four")  # soldiers killed by landmines


def test_years_meet_on_their_event_only(seed_groups):
    _, groups = seed_groups
    war_end = _where(groups, "000", 21, "the summer of 2022")
    assert war_end and war_end == _where(groups, "004", 4, "2020") == _where(groups, "003", 31, "2020")
    assert not _where(groups, "000", 19, "2022")  # a person's move is no dated event
    assert not _where(groups, "002", 12, "2018") & war_end  # the Velvet revolution
    assert not _where(groups, "000", 7, "1990s") & war_end  # the war of the 1990s


def test_group_ids_and_order_are_stable(seed_groups):
    claims, groups = seed_groups
    again = align(list(reversed(claims)), ALIASES)
    assert [(g.id, g.label, [(c.source, c.start) for c in g.claims]) for g in groups] == \
           [(g.id, g.label, [(c.source, c.start) for c in g.claims]) for g in again]
    assert len({g.id for g in groups}) == len(groups)
    assert groups == sorted(groups, key=lambda g: (g.label, g.id))


def test_complete_linkage_does_not_chain():
    claims = _claims({
        "a.txt": "Officials in Gaza and Rafah said 40 people were killed on Monday.",
        "b.txt": "Officials in Rafah and Khan Younis said 45 people were killed on Monday.",
        "c.txt": "Officials in Khan Younis and Jabalia said 90 people were killed on Monday.",
    })
    groups = align(claims, ALIASES)
    for g in groups:
        assert not {"a.txt", "c.txt"} <= {c.source for c in g.claims}, g.label


def test_figures_for_different_places_stay_apart():
    claims = _claims({
        "a.txt": "More than 5,000 people were killed in Turkey and Syria after the earthquake, officials said.",
        "b.txt": "In Syria, 1,500 people were killed in the earthquake, the health ministry said.",
        "c.txt": "In Turkey, 3,500 people were killed in the earthquake, the disaster agency said.",
        "d.txt": "The earthquake killed 5,200 people in Syria and Turkey, officials said.",
    })
    groups = [sorted(c.source for c in g.claims) for g in align(claims, ALIASES) if g.kind == "count"]
    assert groups == [["a.txt", "d.txt"]]  # the totals meet; no part meets a total or another part


def test_a_figure_for_part_of_a_place_stays_apart_from_the_whole():
    claims = _claims({
        "a.txt": "Officials said 18,000 people were left homeless by the earthquake in Karsen.",
        "b.txt": "Officials said 1,800 people were left homeless by the earthquake in the provincial capital.",
        "c.txt": "Officials said about 18,000 people were left homeless by the earthquake in Karsen.",
        "d.txt": "Some 380 refugees had arrived in southern Armenia by Sunday, officials said.",
        "e.txt": "Officials said 400 refugees had arrived in Armenia by Sunday.",
    })
    groups = sorted(sorted(c.source for c in g.claims) for g in align(claims, ALIASES) if g.kind == "count")
    assert groups == [["a.txt", "c.txt"], ["d.txt", "e.txt"]]  # "southern Armenia" names a place


def test_a_common_noun_inside_a_name_is_not_a_shared_name():
    claims = _claims({
        "a.txt": "The Ridgeback Fire has burned 48,000 acres, officials said.",
        "b.txt": "The fire is the largest since the Dixie Fire, which burned 963,000 acres.",
        "c.txt": "The Ridgeback Fire had burned about 48,000 acres by Wednesday.",
    })
    groups = [sorted(c.source for c in g.claims) for g in align(claims, ALIASES) if g.kind == "count"]
    assert groups == [["a.txt", "c.txt"]]  # "fire" is written lower-case, so "Fire" names nothing


def test_the_yes_and_the_no_of_a_vote_stay_apart():
    claims = _claims({
        "a.txt": "Union leader Marta Koenig said 92% of members voted in favour of the strike.",
        "b.txt": "In the strike ballot, 29% of members voted against the strike, the union said.",
        "c.txt": "Some 92 percent of members voted for the strike in the ballot.",
        "d.txt": "In the ballot, 8% of members voted against the strike.",
    })
    groups = sorted(sorted(c.source for c in g.claims) for g in align(claims, ALIASES))
    assert groups == [["a.txt", "c.txt"], ["b.txt", "d.txt"]]


def test_a_named_measure_makes_a_percentage_specific():
    claims = _claims({
        "a.txt": "Turnout was 61.3%, the electoral commission said.",
        "b.txt": "Turnout was 16.3%, officials said.",
        "c.txt": "Unemployment was 16.3%, officials said.",
        "d.txt": "In the capital, Dorvan, turnout was higher at 68%.",
    })
    groups = [sorted(c.source for c in g.claims) for g in align(claims, ALIASES)]
    assert groups == [["a.txt", "b.txt"]]  # not unemployment; not the capital's turnout


def test_people_nouns_meet_across_demonyms_and_aliases():
    claims = _claims({
        "a.txt": "There are 120,000 Armenians living in Karabakh, officials say.",
        "b.txt": "About 120,000 people live in Nagorno-Karabakh, officials said.",
    })
    groups = align(claims, ALIASES)
    assert [sorted(c.source for c in g.claims) for g in groups] == [["a.txt", "b.txt"]]


def test_threshold_is_a_setting():
    claims = _claims({
        "a.txt": "Officials in Khan Younis said 45 people were killed near Rafah on Monday.",
        "b.txt": "Officials in Khan Younis said 90 people were killed near Jabalia on Monday.",
    })
    assert align(claims, ALIASES, AlignSettings(threshold=50))
    assert not align(claims, ALIASES, AlignSettings(threshold=95))


def test_features_block_by_role_and_predicate():
    claims = _claims({"a.txt": "Five peacekeepers were killed in the attack and 300 refugees crossed the border."})
    feats = {c.text: f for c, f in zip(claims, featurize(claims, ALIASES))}
    assert feats["Five"].block == ("count", "people", "peacekeeper", "killed")
    assert feats["300"].block[2:] == ("refugee", "fled")


def test_a_part_of_the_population_is_not_the_population(seed_groups):
    _, groups = seed_groups
    population = _where(groups, "001", 4, "120,000")
    assert population and population == _where(groups, "002", 4, "120,000")
    assert not _where(groups, "000", 17, "50,000") & population  # "50,000 people, or a third of ..."
