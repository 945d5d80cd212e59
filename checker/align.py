"""Claims -> aligned groups: which claims, across sources, state the same quantity.

Each claim is reduced to features read from what the extractor found: the counted noun
(claim.unit) and its family, the predicate ("killed", "wounded", "fled"), the event a year is
attached to, the years its sentence speaks of, and a signature of the remaining context terms,
all canonicalised through rules/aliases.yaml. Claims are blocked by kind, family, kind of
person, predicate and event, so the work grows about linearly; inside a block rapidfuzz's
cdist scores the signatures, and complete linkage forms groups: every member of a group
scores at least the threshold with every other member, so one ambiguous claim cannot chain
two unrelated quantities together.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from checker.aliases import PEOPLE, Aliases
from checker.extract.lexicon import MEASURES
from checker.models import Claim, Group

SCORERS = {
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "partial_token_set_ratio": fuzz.partial_token_set_ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
    "ratio": fuzz.ratio,
}
ALIGNED_KINDS = ("count", "money", "percent", "duration", "year", "date")


@dataclass(frozen=True)
class AlignSettings:
    """How alike two claims' contexts must be, and how far apart in time they may be."""

    scorer: str = "token_set_ratio"
    threshold: float = 50.0
    event_threshold: float = 0.0  # years and dates: the shared event and year_gap decide
    era_gap_years: float = 5  # counts whose sentences speak of years further apart never meet
    year_gap: float = 3  # years of "one event" further apart than this are different events
    date_gap_days: float = 10  # same for calendar dates

    @classmethod
    def from_rule(cls, spec: dict | None) -> AlignSettings:
        spec = spec or {}
        base = cls()
        return cls(scorer=spec.get("scorer", base.scorer),
                   threshold=float(spec.get("threshold", base.threshold)),
                   event_threshold=float(spec.get("event_threshold", base.event_threshold)),
                   era_gap_years=float(spec.get("era_gap_years", base.era_gap_years)),
                   year_gap=float(spec.get("year_gap", base.year_gap)),
                   date_gap_days=float(spec.get("date_gap_days", base.date_gap_days)))


@dataclass
class Features:
    """What alignment reads from one claim."""

    kind: str
    block: tuple | None  # None: the claim says too little to be compared
    noun: str = ""  # canonical counted noun (or role, for people)
    family: str = ""
    role: str = ""
    predicate: str | None = None
    events: list[str] = field(default_factory=list)  # nearest first
    terms: list[str] = field(default_factory=list)  # other canonical context terms
    era: tuple[int, int] | None = None  # years the claim is about
    modifiers: list[str] = field(default_factory=list)  # "armored" of "armored vehicles"
    entities: list[str] = field(default_factory=list)  # named places, bodies, people
    generic: bool = False  # a measure that says nothing of what it measures (%, $, miles, hours)
    joint: frozenset[str] = frozenset()  # entities the sentence names together: "Turkey and Syria"
    part: str = ""  # a part of the place the figure is for: "capital", "north" ("in the northern regions")
    against: bool = False  # the no side of a vote ("29% voted against")

    @property
    def keys(self) -> frozenset[str]:
        """Every content term around the figure, stemmed: two counts must share some."""
        return frozenset(_stem(t) for t in self.terms + self.modifiers + self.entities + self.events)

    @property
    def signature(self) -> str:
        """What tells two claims of one block apart: what the noun is qualified by, the events
        and the named entities around it (ordinary words vary too much with phrasing)."""
        return " ".join(sorted(set(self.modifiers + self.events + self.entities)))


_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_WORDS = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_JOINED = re.compile(r"\b[A-Z][\w'’-]*(?:\s*,\s*[A-Z][\w'’-]*)*,?\s+(?:and|&)\s+[A-Z][\w'’-]*")


def _stem(term: str) -> str:
    """A light stem so "living"/"live", "stationed"/"stationing" share a key."""
    for suffix in ("ing", "ed"):
        if term.endswith(suffix) and len(term) >= len(suffix) + 3:
            term = term[: -len(suffix)]
            break
    return term[:-1] if term.endswith("e") and len(term) > 3 else term


_YEAR = re.compile(r"^\d{4}")


def year_span(c: Claim) -> tuple[int, int] | None:
    """The years a year/date claim covers, or the year of an ISO date/time string."""
    lo, hi = (c.lo, c.hi) if c.lo is not None or c.hi is not None else (c.value, c.value)
    lo = _year_of(lo if lo is not None else hi)
    hi = _year_of(hi if hi is not None else lo)
    if lo is None or hi is None:
        return None
    return (min(lo, hi), max(lo, hi))


def _year_of(v) -> int | None:
    if isinstance(v, (int, float)) and 0 < v < 10000:
        return int(v)
    if isinstance(v, str) and _YEAR.match(v):
        return int(v[:4])
    return None


def claim_time(c: Claim) -> str | None:
    """The time a figure is stated for: its as-of time (dated by the publication day when the
    as-of time has no date of its own), else the publication time (to the minute, when the
    manifest gives one), else the publication date."""
    if c.as_of:
        if c.as_of.startswith("T") and c.published:
            return c.published[:10] + c.as_of
        if not c.as_of.startswith(("T", "--")):
            return c.as_of
    if not c.published:
        return None
    return c.published[:16] if "T" in c.published else c.published[:10]


class Featurizer:
    """Claims -> Features, with the sentence-level facts (years mentioned) gathered once."""

    def __init__(self, claims: list[Claim], aliases: Aliases) -> None:
        self.al = aliases
        self.fold = _demonym_folds(claims, aliases)
        self.common = _common_words(claims, aliases)
        self._capitals: dict[str, set[str]] = {}
        self._joined: dict[str, list[set[str]]] = {}  # sentence -> names it lists together
        self.years_in_sentence: dict[tuple[str, str], tuple[int, int]] = {}
        self.shares: dict[tuple[str, str], list[Claim]] = {}
        for c in claims:
            if c.kind in ("fraction", "percent") and c.unit and c.unit != "%":
                self.shares.setdefault((c.source, c.sentence), []).append(c)
            if c.kind == "year":
                span = year_span(c)
                if span:
                    key = (c.source, c.sentence)
                    old = self.years_in_sentence.get(key)
                    self.years_in_sentence[key] = span if old is None else (min(old[0], span[0]), max(old[1], span[1]))

    def features(self, c: Claim) -> Features:
        al = self.al
        context = al.terms(c.context)
        predicates = [t for t in context if al.is_section(t, "predicates")]
        predicate = predicates[0] if predicates else None
        f = Features(kind=c.kind, block=None, predicate=predicate)
        f.events = self._events(c, [t for t in context if al.is_section(t, "events")])
        f.entities = self._entities(c, context)
        f.joint = self._joint(c, f.entities)
        f.part = _part_of_place(c)
        f.against = _against(c)
        f.era = self._era(c)
        if c.kind in ("year", "date"):
            f.terms = [t for t in context if t not in f.events[:1]]
            if f.events:
                f.block = (c.kind, f.events[0])
            return f
        unit_terms = al.terms((c.unit or "").split())
        noun, modifiers = self._noun(c, unit_terms)
        f.noun, f.modifiers = noun, modifiers
        f.terms = [self.fold.get(t, t) for t in context if t != predicate and t != noun and t not in modifiers]
        if c.kind == "count":
            if not noun:
                return f  # "about 120,000": what is counted is unknown
            f.family = al.family.get(noun) or (PEOPLE if self._demonym(c) else noun)
            f.role = noun if self.al.is_section(noun, "role") else ""
            if f.family == PEOPLE and not f.role:
                f.role = al.implied_roles.get(predicate or "", PEOPLE)
            f.block = ("count", f.family, f.role or noun, predicate or self._part_of(c) or "-")
            head = (c.unit or "").lower().split()[:1]
            f.generic = (f.family == PEOPLE and f.role == PEOPLE and f.block[3] == "-") or \
                bool(head and head[0] in MEASURES and " of " not in f" {c.unit.lower()} ")
        elif c.kind in ("money", "percent"):
            # what the figure is of, when the sentence names it ("Turnout was 61.3%"): then it
            # is a specific quantity, not a generic measure, and its own block
            measure = next((t for t in context if al.is_section(t, "measures")), None)
            head = ("money", c.unit or "?") if c.kind == "money" else ("percent",)
            f.block = head + ((measure,) if measure else (predicate or "-",))
            f.generic = measure is None
        elif c.kind == "duration":
            f.block, f.generic = ("duration", noun or "?"), True
        if f.block and not f.keys:
            f.block = None  # nothing around the figure to tell what it is
        return f

    def _part_of(self, c: Claim) -> str | None:
        """"50,000 people, or more than a third of the population": a count its own sentence
        calls a share of a whole is a part, never the whole itself."""
        for sh in self.shares.get((c.source, c.sentence), []):
            if 0 <= sh.start - c.end <= 40:
                return f"part of {self.al.term(sh.unit)}"
        return None

    def _noun(self, c: Claim, unit_terms: list[str]) -> tuple[str, list[str]]:
        """(head noun, modifiers): 'armored vehicles' -> ('vehicle', ['armored']);
        a phrase the aliases know as a whole names the group itself."""
        if not unit_terms:
            return "", []
        whole = self.al.term(c.unit or "")
        if whole in self.al.family or self.al.section.get(whole):
            return whole, []
        raw = (c.unit or "").lower().split()
        if "of" in raw:  # "tons of flour": the measure and what is measured
            i = raw.index("of")
            measure = self.al.terms(raw[:i])
            stuff = self.al.terms(raw[i + 1:])
            return " ".join(measure[-1:] + stuff[-1:]), measure[:-1] + stuff[:-1]
        return unit_terms[-1], unit_terms[:-1]

    def _demonym(self, c: Claim) -> bool:
        """A capitalised plural counted noun names a people: "Armenians", "Israelis"."""
        head = (c.unit or "").split()[-1:] or [""]
        word = head[0]
        if not word.endswith("s") or len(word) < 4:
            return False
        m = re.search(r"\b" + re.escape(word) + r"\b", c.sentence, re.IGNORECASE)
        return bool(m and m.group()[0].isupper())

    def _entities(self, c: Claim, context: list[str]) -> list[str]:
        """Context terms the sentence writes with a capital: places, bodies, people."""
        capital = self._capitals.get(c.sentence)
        if capital is None:
            capital = {self.al.term(m.group()) for m in _WORDS.finditer(c.sentence) if m.group()[0].isupper()}
            capital -= self.common  # "the Ridgeback Fire": "fire" is written lower-case elsewhere
            self._capitals[c.sentence] = capital
        return list(dict.fromkeys(self.fold.get(t, t) for t in context if t in capital))

    def _joint(self, c: Claim, entities: list[str]) -> frozenset[str]:
        """The claim's entities that its sentence lists together ("Turkey and Syria",
        "Armenia, Georgia and Iran"): a figure for all of them at once."""
        if len(entities) < 2:
            return frozenset()
        lists = self._joined.get(c.sentence)
        if lists is None:
            lists = self._joined[c.sentence] = [
                {self.fold.get(t, t) for t in (self.al.term(w) for w in _CAPITAL_WORD.findall(m.group()))}
                for m in _JOINED.finditer(c.sentence)]
        out: set[str] = set()
        for names in lists:
            named = names & set(entities)
            if len(named) >= 2:
                out |= named
        return frozenset(out)

    def _events(self, c: Claim, events: list[str]) -> list[str]:
        """Event terms of the context, nearest to the figure in its sentence first."""
        if len(events) < 2:
            return events
        pos = c.sentence.find(c.text)
        if pos < 0:
            return events
        mid = pos + len(c.text) / 2
        dist: dict[str, float] = {}
        for m in _WORDS.finditer(c.sentence):
            t = self.al.term(m.group())
            if t in events:
                d = abs((m.start() + m.end()) / 2 - mid)
                dist[t] = min(dist.get(t, d), d)
        return sorted(events, key=lambda t: (dist.get(t, 1e9), events.index(t)))

    def _era(self, c: Claim) -> tuple[int, int] | None:
        """The years a figure is about: years named in its sentence, else its own time."""
        if c.kind in ("year", "date"):
            return year_span(c)
        span = self.years_in_sentence.get((c.source, c.sentence))
        if span:
            return span
        t = claim_time(c)
        y = _year_of(t) if t else None
        return (y, y) if y else None


# "in the capital", "in the provincial capital", "in the northern regions", "in the city of X",
# "in the south": the figure is for a part of the place the story is about, not for all of it.
_PLACE_PART = re.compile(
    r"\b[Ii]n\s+(?:the\s+)?(?:(?:provincial|regional|state|national)\s+)?(capital|city\s+of|town\s+of|"
    r"village\s+of|district\s+of)\b"
    r"|\b[Ii]n\s+the\s+((?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?)\b(?!\s+[A-Z])")


@functools.lru_cache(maxsize=1 << 14)
def _has_place_part(sentence: str) -> bool:
    return _PLACE_PART.search(sentence) is not None


def _clause(c: Claim) -> tuple[int, int] | None:
    """The figure's own clause in its sentence: between the nearest commas or clause marks."""
    at = c.sentence.find(c.text)
    if at < 0:
        return None
    left = max(c.sentence.rfind(ch, 0, at) for ch in ",;:(")
    right = min([i for i in (c.sentence.find(ch, at + len(c.text)) for ch in ",;:)") if i >= 0] or [len(c.sentence)])
    return left + 1, right


def _part_of_place(c: Claim) -> str:
    """The part-of-place phrase of the figure's own clause, normalised: 'capital', 'north',
    'city of'."""
    if not _has_place_part(c.sentence):
        return ""
    span = _clause(c)
    m = _PLACE_PART.search(c.sentence, *span) if span else None
    if m is None:  # "In the capital, Dorvan, turnout was 68%": an opening phrase governs the sentence
        m = _PLACE_PART.match(c.sentence.lstrip())
    if not m:
        return ""
    word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
    return re.sub(r"(ern|-)", "", word) if word[:1] in "nsew" and " " not in word else word


# A vote's side: "29% voted against", "opposed the deal", "voted no".
_AGAINST = re.compile(r"(?i)\b(?:against|opposed|voted\s+no|rejected)\b")
_VOTE = re.compile(r"(?i)\bvot(?:e|es|ed|ing|ers?)\b|\bballots?\b|\breferendum\b")


def _against(c: Claim) -> bool:
    """True for a figure of the no side of a vote: it never meets the yes side's figure."""
    if not _VOTE.search(c.sentence):
        return False
    span = _clause(c)
    return bool(span and _AGAINST.search(c.sentence, *span))


def _common_words(claims: list[Claim], aliases: Aliases) -> set[str]:
    """Words these sources also write in lower case inside a sentence: common nouns that a
    name may hold ("Fire" of "the Ridgeback Fire", "Ministry"), never names themselves."""
    raw: set[str] = set()
    for sentence in {c.sentence for c in claims}:
        raw.update(_LOWER_WORDS.findall(sentence, 1))
    return {aliases.term(w) for w in raw}


def _demonym_folds(claims: list[Claim], aliases: Aliases) -> dict[str, str]:
    """'armenian' -> 'armenia', 'azerbaijani' -> 'azerbaijan', 'ukrainian' -> 'ukraine' when
    both forms are written with a capital somewhere in these sources."""
    names: set[str] = set()
    for sentence in {c.sentence for c in claims}:
        names.update(aliases.term(m.group()) for m in _WORDS.finditer(sentence) if m.group()[0].isupper())
    folds = {}
    for t in names:
        for base in (t[:-1], t[:-3] + "e", t[:-2]):
            if len(base) >= 4 and base != t and base in names and t.endswith(("n", "i", "an", "ian")):
                folds[t] = base
                break
    return folds


# ---------------------------------------------------------------- grouping

def align(claims: list[Claim], aliases: Aliases, settings: AlignSettings | None = None,
          features: list[Features] | None = None) -> list[Group]:
    """Aligned groups (claims from two or more sources each), sorted by label then id."""
    settings = settings or AlignSettings()
    feats = features if features is not None else featurize(claims, aliases)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.block is not None and f.kind in ALIGNED_KINDS:
            blocks[f.block].append(i)
    groups: list[Group] = []
    for key in sorted(blocks, key=repr):
        members = sorted(blocks[key], key=lambda i: (claims[i].source, claims[i].start))
        if len(members) < 2:
            continue
        for cluster in _complete_linkage(members, claims, feats, settings):
            # one quantity across sources: a figure one source repeats is not a comparison
            if len({claims[i].source for i in cluster}) >= 2:
                cluster.sort(key=lambda i: (claims[i].source, claims[i].start))
                groups.append(_group([claims[i] for i in cluster], [feats[i] for i in cluster]))
    return _stable_ids(groups)


def featurize(claims: list[Claim], aliases: Aliases) -> list[Features]:
    fz = Featurizer(claims, aliases)
    return [fz.features(c) for c in claims]


def similarity(members: list[int], claims: list[Claim], feats: list[Features],
               settings: AlignSettings) -> np.ndarray:
    """Pairwise scores (0-100) inside one block; -1 where the claims must never meet."""
    sigs = [feats[i].signature for i in members]
    scorer = SCORERS.get(settings.scorer, fuzz.token_set_ratio)
    unique = sorted(set(sigs))  # repeated contexts are scored once
    index = {u: k for k, u in enumerate(unique)}
    at = np.array([index[s] for s in sigs])
    base = process.cdist(unique, unique, scorer=scorer, workers=-1, dtype=np.float32)
    scores = base[np.ix_(at, at)]
    empty = np.array([not s for s in sigs])
    scores[empty, :] = 100  # nothing in the context speaks against the pair
    scores[:, empty] = 100
    era = [feats[i].era for i in members]
    known = np.array([e is not None for e in era])
    lo = np.array([e[0] if e else 0 for e in era], dtype=np.float64)
    hi = np.array([e[1] if e else 0 for e in era], dtype=np.float64)
    gap = np.maximum(lo[:, None] - hi[None, :], lo[None, :] - hi[:, None])
    kind = feats[members[0]].kind
    if kind == "year":
        limit = settings.year_gap
    elif kind == "date":
        limit = None
    else:
        limit = settings.era_gap_years
    both = known[:, None] & known[None, :]
    if kind not in ("year", "date"):
        # too little in common around the figures: nothing says they are one quantity. A
        # generic measure (a percentage, a sum, a duration, miles, "people" with no predicate)
        # needs two shared terms; a count of something specific ("peacekeepers deployed") one.
        generic = any(feats[i].generic for i in members)
        shared = _shared([feats[i].keys for i in members])
        scores[shared < (2 if generic else 1)] = -1
        # "killed in the earthquake" vs "killed in the war": named events that share nothing
        scores[_disjoint([feats[i].events for i in members])] = -1
        # "1,500 killed in Syria" vs "3,500 killed in Turkey": a figure per place, not one figure
        scores[_disjoint([feats[i].entities for i in members])] = -1
        scores[_splits_a_joint([feats[i].entities for i in members], [feats[i].joint for i in members])] = -1
        # "44% in the northern regions" vs "38.7%" nationally; "1,800 in the provincial capital"
        part = np.array([feats[i].part for i in members])
        scores[part[:, None] != part[None, :]] = -1
        against = np.array([feats[i].against for i in members])
        scores[against[:, None] != against[None, :]] = -1  # the yes and the no of one vote
    if limit is not None:
        scores[both & (gap > limit)] = -1
    if kind == "date":
        days = np.array([_ordinal(claims[i]) for i in members], dtype=np.float64)
        dgap = np.abs(days[:, None] - days[None, :])
        scores[np.isnan(dgap) | (dgap > settings.date_gap_days)] = -1
    return scores


def _disjoint(lists: list[list[str]]) -> np.ndarray:
    """Pairs that both name terms of this sort and share none of them."""
    have = np.array([bool(terms) for terms in lists])
    return have[:, None] & have[None, :] & (_incidence(lists) == 0)


def _splits_a_joint(entities: list[list[str]], joints: list[frozenset[str]]) -> np.ndarray:
    """Pairs where one figure is for places named together ("in Turkey and Syria") and the
    other for only some of them ("in Syria"): a total and a part, not one figure."""
    vocab = {t: k for k, t in enumerate(sorted({t for e in entities for t in e} | {t for j in joints for t in j}))}
    ent = _rows(entities, vocab)
    joint = _rows([sorted(j) for j in joints], vocab)
    size = joint.sum(axis=1)
    inside = joint @ ent.T  # [i, j]: how many of i's joint places j names
    part = (size[:, None] > 0) & (inside > 0) & (inside < size[:, None])
    return part | part.T


def _rows(lists: list, vocab: dict[str, int]) -> np.ndarray:
    out = np.zeros((len(lists), max(1, len(vocab))), dtype=np.float32)
    for row, terms in enumerate(lists):
        out[row, [vocab[t] for t in terms]] = 1
    return out


def _incidence(lists: list) -> np.ndarray:
    """How many terms each pair of lists shares, as a matrix."""
    rows = _rows(lists, {t: k for k, t in enumerate(sorted({t for terms in lists for t in terms}))})
    return rows @ rows.T


def _shared(sets: list[frozenset[str]]) -> np.ndarray:
    """How many terms each pair of sets shares, as a matrix."""
    return _incidence([sorted(terms) for terms in sets])


def _ordinal(c: Claim) -> float:
    from datetime import date as _date
    v = c.value if isinstance(c.value, str) else c.lo
    try:
        return float(_date.fromisoformat(str(v)[:10]).toordinal())
    except ValueError:
        return float("nan")


def _complete_linkage(members: list[int], claims: list[Claim], feats: list[Features],
                      settings: AlignSettings) -> list[list[int]]:
    """Greedy complete linkage: a claim joins the group whose worst score with it is best,
    provided that worst score reaches the threshold; otherwise it starts a group."""
    # claims with identical features score 100 with each other and alike with the rest:
    # cluster one representative of each, then hand every claim its representative's group
    twins: dict[tuple, list[int]] = {}
    for i in members:
        f = feats[i]
        key = (f.signature, f.era, tuple(sorted(f.keys)), f.part, f.joint, f.against,
               _ordinal(claims[i]) if f.kind == "date" else None)
        twins.setdefault(key, []).append(i)
    reps = [v[0] for v in twins.values()]
    weight = np.array([len(v) for v in twins.values()], dtype=np.float64)
    s = similarity(reps, claims, feats, settings)
    n = len(reps)
    # the most central claims found the groups, so the result does not hang on file order
    centrality = np.clip(s, 0, None) @ weight / weight.sum()
    order = sorted(range(n), key=lambda j: (-float(centrality[j]), j))
    threshold = settings.event_threshold if feats[members[0]].kind in ("year", "date") else settings.threshold
    worst = np.empty((min(n, 16), n), dtype=np.float32)  # row g: min score of each claim with group g
    clusters: list[list[int]] = []
    for j in order:
        g_count = len(clusters)
        if g_count:
            col = worst[:g_count, j]
            g = int(np.argmax(col))
            if col[g] >= threshold and col[g] >= 0:
                clusters[g].append(j)
                np.minimum(worst[g], s[j], out=worst[g])
                continue
        if g_count == len(worst):
            worst = np.vstack([worst, np.empty_like(worst)])
        worst[g_count] = s[j]
        clusters.append([j])
    groups_of = list(twins.values())
    return [sorted(i for j in c for i in groups_of[j]) for c in clusters]


def _group(claims: list[Claim], feats: list[Features]) -> Group:
    return Group(id="", label=_label(feats, sorted((c.unit or "").lower() for c in claims)),
                 kind=feats[0].kind, claims=claims)


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es" if not noun.endswith("s") else noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _label(feats: list[Features], units: list[str]) -> str:
    """A short name: counted noun, predicate, and the context terms most members share."""
    f0 = feats[0]
    common = Counter(t for f in feats for t in dict.fromkeys(f.modifiers + f.events + f.entities))
    if f0.kind in ("year", "date"):
        del common[f0.events[0] if f0.events else ""]
    top = [t for t, n in sorted(common.items(), key=lambda kv: (-kv[1], kv[0]))
           if n >= max(2, (len(feats) + 1) // 2)][:2]
    if f0.kind in ("year", "date"):
        head = f"{f0.kind} of the {f0.events[0]}" if f0.events else f0.kind
    elif f0.kind == "count":
        if f0.family == PEOPLE:
            noun = "people" if f0.role in ("", PEOPLE) else _plural(f0.role)
        else:
            noun = Counter(" ".join(c.split()) for c in units if c).most_common(1)[0][0] if any(units) else f0.noun
        pred = f0.predicate or ""
        head = f"{noun}, {pred}" if pred.startswith("part of") else " ".join(x for x in (noun, pred) if x)
    elif f0.kind == "duration":
        head = f"duration in {_plural(f0.noun) if f0.noun else '?'}"
    elif f0.kind == "money":
        head = " ".join(x for x in ("money", f0.block[1] if f0.block else "", f0.predicate) if x)
    else:
        head = " ".join(x for x in (f0.kind, f0.predicate) if x)
    return head + (f" ({', '.join(top)})" if top else "")


def _stable_ids(groups: list[Group]) -> list[Group]:
    """Ids from label and kind (never from line numbers); twins get their members' keys too."""
    from checker.fingerprint import claim_key, digest

    by_base: dict[str, list[Group]] = defaultdict(list)
    for g in groups:
        by_base[digest(g.kind, g.label)].append(g)
    for base, twins in by_base.items():
        if len(twins) == 1:
            twins[0].id = "g" + base[:10]
            continue
        for g in twins:
            g.id = "g" + digest(base, *sorted(claim_key(c) for c in g.claims))[:10]
    return sorted(groups, key=lambda g: (g.label, g.id))
