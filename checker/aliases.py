"""rules/aliases.yaml -> one vocabulary: every word or phrase to its group's canonical name.

Alignment compares canonical terms, so "dead", "deaths" and "killed" meet, "Artsakh" meets
"Nagorno-Karabakh", and a predicate, event or kind of person is recognised by the section its
group came from. A broken file is reported as `rules/aliases.yaml:LINE: ...`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from checker.errors import CheckerError
from checker.rulebook import ALIASES_FILE, display_path, line_of, read_yaml

PEOPLE = "people"
SECTIONS = ("synonyms", "predicates", "events", "measures", "people", "implied_roles", "families", "ignore")

# Function words never worth comparing (a short list: the extractor already drops most).
STOPWORDS = frozenset("""a an the and or but of in on at to for from by with as is are was were be been
being has have had it its this that these those their them they he she his her we our you your i my
me us who whom which what when where while than then there here so if into onto about around more
most less least over under up down out off not no nor also only just very any all each every both
either neither such will would could should may might can must shall do does did done after before
since until during per via s t another other own same many much few several because although though
whether how why now yet still even already ago again including against between among within without
through across toward towards upon like""".split())

_PLURAL_KEEP = ("ss", "us", "is", "ous", "news", "series", "species")


def singular(word: str) -> str:
    """A plain English singular: casualties -> casualty, peacekeepers -> peacekeeper."""
    w = word.lower()
    if len(w) <= 3 or w.endswith(_PLURAL_KEEP) or not w.endswith("s"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    return w[:-1]


@lru_cache(maxsize=65536)
def _norm(phrase: str) -> tuple[str, ...]:
    words = re.findall(r"[\w.'’-]+", str(phrase).lower().replace("’", "'"))
    words = [re.sub(r"'s$", "", w).strip("'.-") for w in words]
    return tuple(singular(w) for w in words if w)


@dataclass
class Aliases:
    """The vocabulary the aligner and the rules speak."""

    canon: dict[tuple[str, ...], str] = field(default_factory=dict)  # phrase -> canonical name
    section: dict[str, str] = field(default_factory=dict)  # canonical name -> section it came from
    family: dict[str, str] = field(default_factory=dict)  # canonical noun -> family ("people", "vehicle")
    implied_roles: dict[str, str] = field(default_factory=dict)  # predicate -> role
    ignore: frozenset[str] = frozenset()
    longest: int = 1

    def term(self, word: str) -> str:
        """One word's canonical name (the singular word itself when no group has it)."""
        key = _norm(word)
        return self.canon.get(key, " ".join(key))

    def terms(self, words: list[str]) -> list[str]:
        """Canonical terms of a word sequence, phrases first ("death toll"); no stop words,
        no ignored words, no duplicates, in order."""
        toks = [t for w in words for t in _norm(w)]
        out: list[str] = []
        i = 0
        while i < len(toks):
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                key = tuple(toks[i:i + n])
                if n > 1 and key not in self.canon:
                    continue
                name = self.canon.get(key, key[0] if n == 1 else None)
                if name is None:
                    continue
                if n == 1 and (name in STOPWORDS or name in self.ignore or len(name) < 2
                               or not name[0].isalpha()):
                    break
                if name not in out:
                    out.append(name)
                break
            i += n
        return out

    def is_section(self, term: str, section: str) -> bool:
        return self.section.get(term) == section


def load_aliases(rules_dir: Path | str) -> Aliases:
    """The aliases file of `rules_dir`; an empty vocabulary when there is none."""
    path = Path(rules_dir) / ALIASES_FILE
    if not path.is_file():
        return Aliases()
    return parse_aliases(path)


def parse_aliases(path: Path | str) -> Aliases:
    where = display_path(path)
    data, lines = read_yaml(path)
    if data is None:
        return Aliases()
    if not isinstance(data, dict):
        raise CheckerError(f"{where}:1: the aliases file must be a mapping of sections "
                           f"({', '.join(SECTIONS)})")
    for key in data:
        if key not in SECTIONS:
            raise CheckerError(f"{where}:{line_of(lines, (key,))}: unknown section {key!r} "
                               f"(allowed: {', '.join(SECTIONS)})")
    al = Aliases()
    origin: dict[tuple[str, ...], tuple[str, int]] = {}  # phrase -> (canonical, line), for clashes

    def fail(at: tuple, what: str) -> None:
        raise CheckerError(f"{where}:{line_of(lines, at)}: {what}")

    def group(at: tuple, items, section: str, name: str | None = None) -> str:
        if not isinstance(items, list) or not items:
            fail(at, "each group must be a non-empty list of words, e.g. [killed, dead, died]")
        for i, it in enumerate(items):
            if not isinstance(it, (str, int, float)) or isinstance(it, bool) or not _norm(str(it)):
                fail(at + (i,), f"group entries must be words, not {it!r}")
        canonical = name or " ".join(str(items[0]).lower().split())
        for i, it in enumerate(items):
            key = _norm(str(it))
            if key in origin and origin[key][0] != canonical:
                fail(at + (i,), f"{it!r} is already in the group of {origin[key][0]!r} "
                                f"(line {origin[key][1]})")
            origin[key] = (canonical, line_of(lines, at + (i,)))
            al.canon[key] = canonical
            al.longest = max(al.longest, len(key))
        if al.section.get(canonical, section) != section:
            fail(at, f"{canonical!r} names groups in two sections")
        al.section[canonical] = section
        return canonical

    def groups(section: str) -> list:
        value = data.get(section) or []
        if not isinstance(value, list):
            fail((section,), f"{section} must be a list of groups, e.g. - [killed, dead, died]")
        return value

    for section in ("synonyms", "predicates", "events", "measures"):
        for i, items in enumerate(groups(section)):
            group((section, i), items, section)

    people = data.get("people") or {}
    if not isinstance(people, dict):
        fail(("people",), "people must be a mapping with `generic` and `roles`")
    for key in people:
        if key not in ("generic", "roles"):
            fail(("people", key), f"unknown key {key!r} under people (allowed: generic, roles)")
    if people.get("generic"):
        group(("people", "generic"), people["generic"], "people", PEOPLE)
        al.family[PEOPLE] = PEOPLE
    roles = people.get("roles") or []
    if not isinstance(roles, list):
        fail(("people", "roles"), "people.roles must be a list of groups")
    for i, items in enumerate(roles):
        al.family[group(("people", "roles", i), items, "role")] = PEOPLE

    families = data.get("families") or {}
    if not isinstance(families, dict):
        fail(("families",), "families must be a mapping: family name -> list of nouns")
    for name, items in families.items():
        canonical = group(("families", name), items, "family", " ".join(str(name).lower().split()))
        al.family[canonical] = canonical

    implied = data.get("implied_roles") or {}
    if not isinstance(implied, dict):
        fail(("implied_roles",), "implied_roles must be a mapping: role -> list of predicates")
    for role, preds in implied.items():
        role_name = al.term(str(role))
        if al.section.get(role_name) != "role":
            fail(("implied_roles", role), f"{role!r} is not a role listed under people.roles")
        if not isinstance(preds, list):
            fail(("implied_roles", role), "implied_roles values must be lists of predicates")
        for i, p in enumerate(preds):
            pred = al.term(str(p))
            if al.section.get(pred) != "predicates":
                fail(("implied_roles", role, i), f"{p!r} is not a predicate listed under predicates")
            al.implied_roles[pred] = role_name

    ignore = data.get("ignore") or []
    if not isinstance(ignore, list):
        fail(("ignore",), "ignore must be a list of words")
    al.ignore = frozenset(x for w in ignore for x in (" ".join(_norm(str(w))), str(w).lower()))
    return al
