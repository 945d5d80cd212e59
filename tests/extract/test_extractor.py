"""The extractor on real news sentences: values, intervals, hedges, units, time, furniture."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from checker.extract import extract_claims, extract_text
from checker.sources import read_sources

ROOT = Path(__file__).resolve().parents[2]


def one(text: str, **kw):
    claims = [c for c in extract_text(text, **kw) if c.kind != "date" or c.detail != "weekday"]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


@pytest.mark.parametrize("sentence, text, lo, hi, lo_inc, hi_inc, hedge", [
    ("Russia sent about 2,000 peacekeepers.", "about 2,000", 1800, 2200, True, True, "about"),
    ("Armenia says more than 200 people were killed.", "more than 200", 200, None, False, True, "more_than"),
    ("At least 200 people were killed.", "At least 200", 200, None, True, True, "at_least"),
    ("Forces destroyed up to 20 military vehicles.", "up to 20", 0, 20, True, True, "up_to"),
    ("Nearly 300 homes were lost.", "Nearly 300", 270, 300, True, False, "nearly"),
    ("Fewer than 50 people came.", "Fewer than 50", 0, 50, True, False, "less_than"),
    ("Between 30 and 40 people were hurt.", "Between 30 and 40", 30, 40, True, True, "range"),
    ("200+ people signed the letter.", "200+", 200, None, True, True, "at_least"),
    ("Some 5,000 troops were deployed.", "Some 5,000", 4500, 5500, True, True, "about"),
    ("Police said 25 people had been killed.", "25", 25, 25, True, True, "exact"),
])
def test_hedges_become_intervals(sentence, text, lo, hi, lo_inc, hi_inc, hedge):
    c = one(sentence)
    assert (c.text, c.lo, c.hi, c.lo_inclusive, c.hi_inclusive, c.hedge) == (text, lo, hi, lo_inc, hi_inc, hedge)


@pytest.mark.parametrize("sentence, value, unit", [
    ("With 2,000 peacekeepers in the region, Russia waited.", 2000, "peacekeepers"),
    ("Russia delivered six armored vehicles, officials said.", 6, "armored vehicles"),
    ("The Red Cross shipped 65 tons of flour to the region.", 65, "tons of flour"),
    ("About 30,000 were killed in the war.", 30000, "people"),
    ("The plant produces 64GB chips.", 64, "gb"),
    ("Prices rose 1.38pc in May.", 1.38, "%"),
])
def test_what_is_counted(sentence, value, unit):
    c = one(sentence)
    assert (c.value, c.unit) == (value, unit)


def test_coordinated_figures_share_the_noun_but_not_the_predicate():
    claims = extract_text("Armenia says more than 200 people were killed and 400 wounded in the operation.")
    killed, wounded = claims
    assert (killed.unit, wounded.unit) == ("people", "people")
    assert "killed" in killed.context and "wounded" in wounded.context
    assert "killed" not in wounded.context


@pytest.mark.parametrize("sentence, kind, value, lo, hi", [
    ("The ceasefire ended the war in the summer of 2022.", "year", 2022, 2022, 2022),
    ("Control was lost for the first time since the war of the 1990s.", "year", None, 1990, 1999),
    ("The war lasted from 1988 to 1994.", "year", None, 1988, 1994),
    ("Peacekeepers came under a 2020 agreement.", "year", 2020, 2020, 2020),
    ("The blockade lasted nine months.", "duration", 9, 9, 9),
    ("It was a 44-day war.", "duration", 44, 44, 44),
    ("The army won within 24 hours.", "duration", 24, 0, 24),
    ("He said 99.9 percent prefer to leave.", "percent", 99.9, 99.9, 99.9),
    ("The fine was $1.5 billion.", "money", 1_500_000_000, 1_500_000_000, 1_500_000_000),
    ("Tens of thousands of people fled.", "count", None, 10_000, 100_000),
    ("Thousands fled.", "count", None, 1_000, 10_000),
    ("Dozens of cars left the capital.", "count", None, 12, 120),
])
def test_kinds(sentence, kind, value, lo, hi):
    c = one(sentence)
    assert (c.kind, c.value, c.lo, c.hi) == (kind, value, lo, hi)


def test_fraction_of_a_whole():
    claims = extract_text("50,000 people, or more than a third of Nagorno-Karabakh's population, had crossed.")
    part, frac = claims
    assert part.value == 50000
    assert frac.kind == "fraction" and frac.hedge == "more_than"
    assert frac.lo == pytest.approx(1 / 3) and frac.unit == "population"


def test_dates_and_weekdays_resolve_against_publication():
    pub = date(2023, 5, 29)
    claims = extract_text("Lachin has been blockaded since December 12, Aliyev said on Sunday.", published=pub)
    dec, sun = claims
    assert dec.value == "2022-12-12"  # the nearest December 12 is in the past year
    assert sun.value == "2023-05-28" and sun.detail == "weekday"
    assert extract_text("On September 19, the army attacked.")[0].value == "--09-19"  # no year known


def test_as_of_governs_the_figures_of_its_sentence():
    pub = date(2023, 9, 24)
    claims = extract_text("A total of 377 refugees had arrived as of 6 pm local time on Sunday.", published=pub)
    count = next(c for c in claims if c.kind == "count")
    assert count.as_of == "2023-09-24T18:00"
    gmt = extract_text("As of 22:00 (1800 GMT), 1,050 people had entered Armenia.", published=pub)
    assert [c.text for c in gmt] == ["22:00", "1800 GMT", "1,050"]
    assert gmt[1].kind == "time" and gmt[1].value == "T18:00Z"  # a time, not a count of 1800
    assert gmt[2].as_of == "2023-09-24T22:00"


@pytest.mark.parametrize("sentence", [
    "Refugees travel to the border. Photo: IRAKLIY GEDENIDZE/Reuters 2023",
    "#Armenians #exodus #Karabakh #2023",
    "2023-09-24 23:46:11",
    "The COVID-19 pandemic hit the Boeing 737 fleet.",
    "The COVID -19 pandemic and the MH -17 crash.",
    "It was the First Karabakh War.",
    "He said the conflict will one day end, and no one knows when.",
])
def test_not_claims(sentence):
    assert [c.text for c in extract_text(sentence) if c.kind not in ("date", "year")] == []


def test_every_claim_points_into_the_original_file():
    for src in read_sources([str(ROOT / "seeds")], on_notice=lambda m: None):
        claims = extract_claims(src)
        assert claims
        lines = src.original.split("\n")
        for c in claims:
            assert src.original[c.start:c.end] == c.text
            assert lines[c.line - 1][c.column - 1:].startswith(c.text.split("\n")[0])


def test_mojibake_does_not_swallow_the_claim():
    src = next(s for s in read_sources([str(ROOT / "seeds")], on_notice=lambda m: None) if s.name.startswith("003"))
    c = next(c for c in extract_claims(src) if c.value == 120000)
    assert (c.text, c.line, c.hedge) == ("about 120,000", 9, "about")


def test_same_input_same_claims():
    text = (ROOT / "seeds" / "001_371c06971a596525.txt").read_text(encoding="utf-8")
    assert [c.to_dict() for c in extract_text(text)] == [c.to_dict() for c in extract_text(text)]


def test_never_crashes_on_odd_text():
    rng = random.Random(7)
    alphabet = ("0123456789,.-–%$€ +abcdefAPM:/\n\t\u200b\u00a0\u202e\ud800\ufeff🙂Ω東"
                "about more than up to between and from to million dozens of September Sunday 2020s")
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        for c in extract_text(text):
            assert 0 <= c.start <= c.end <= len(text)
    extract_text("9" * 10_000)
    extract_text("one " * 5_000)


def test_signed_percentages_and_temperatures_keep_their_sign():
    claims = extract_text("GDP fell -3 percent. The FTSE -0.6% and DAX -1.6%. It was -5 degrees.")
    assert [(c.kind, c.value) for c in claims] == [("percent", -3), ("percent", -0.6), ("percent", -1.6),
                                                   ("count", -5)]


def test_a_death_toll_counts_dead_people():
    claims = extract_text("The death toll from the earthquake in Karsen rose to 486, the agency said. "
                          "The number of deaths stood at about 120 on Monday.")
    counts = [c for c in claims if c.kind == "count"]
    assert [(c.value, c.unit, c.context[0]) for c in counts] == [(486, "people", "dead"), (120, "people", "dead")]


def test_the_next_verb_after_and_belongs_to_the_next_figure():
    (killed, displaced) = [c for c in extract_text("Floods have killed 64 people and displaced about 210,000.")
                           if c.kind == "count"]
    assert "displaced" not in killed.context and "killed" in killed.context
    assert "displaced" in displaced.context


def test_values_carry_no_binary_noise():
    (c,) = [c for c in extract_text("The state has 4.1 million residents.") if c.kind == "count"]
    assert c.value == 4100000 and isinstance(c.value, int)
