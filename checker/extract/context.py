"""What a figure counts and what it is about: hedges, the counted noun, and context words.

These words are what the alignment stage compares, so they must separate "200 killed" from
"400 wounded" in one sentence: context stops at the neighbouring figure and at clause breaks.
"""
from __future__ import annotations

import bisect
import re

from checker.extract.lexicon import (
    HEDGES_AFTER, HEDGES_BEFORE, MEASURES, NOT_UNIT, PEOPLE_PREDICATES, PLURALS, STOPWORDS,
)
from checker.extract.numbers import UNITS, TENS

_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“‘'—–-]))(?P<h>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES_BEFORE, key=len, reverse=True))
    + r")\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"^(?:\s*|-)(?P<h>" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES_AFTER, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*|[.,;:!?()\"“”]")
_CLAUSE_BREAK = {";", ":", "(", ")", "?", "!"}
_APPOSITION = {"or", "including", "about", "some", "nearly", "almost", "roughly", "up", "more", "mostly"}
_SUBJECTS = {"he", "she", "they", "it", "we", "i", "you", "officials", "police", "which", "who", "where",
             "when", "while", "but", "after", "before", "as", "although", "though", "because",
             "according"}  # ", according to official results released Monday": attribution
_COORDINATORS = {"and", "or", "but", "while", "whereas"}
_NUMBER_WORDS = set(UNITS) | set(TENS) | {"hundred", "thousand", "million", "billion", "dozen",
                                          "dozens", "hundreds", "thousands", "millions", "tens"}


def hedge_before(text: str, start: int, floor: int) -> tuple[str, int] | None:
    """The hedge phrase ending right before `start` (not crossing `floor`): (phrase, its start)."""
    window_start = max(floor, start - 40)
    m = _HEDGE_BEFORE.search(text, window_start, start)
    if not m:
        return None
    return re.sub(r"\s+", " ", m.group("h").lower()), m.start("h")


def hedge_after(text: str, end: int) -> tuple[str, int] | None:
    """A hedge right after the figure ("or more", "-plus"): (phrase, its end)."""
    m = _HEDGE_AFTER.match(text[end:end + 20])
    if not m:
        return None
    return re.sub(r"\s+", " ", m.group("h").lower()), end + m.end("h")


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def counted_noun(text: str, end: int, stop: int) -> tuple[str | None, int]:
    """The noun phrase a figure counts ("armored vehicles", "tons of flour") and where it ends."""
    lead = re.match(r"[ \t]+", text[end:end + 4])
    pos = end + (lead.end() if lead else 0)
    words: list[str] = []
    last_end = end
    while len(words) < 3:
        m = _WORD.match(text, pos) if pos < stop else None
        gap = text[pos:m.start()] if m else ""
        if not m or m.end() > stop or gap.strip():
            break
        w = m.group()
        lw = w.lower().rstrip("'’")
        if lw in NOT_UNIT or lw in _NUMBER_WORDS:
            break
        if lw.endswith("ed") and lw not in MEASURES:
            nxt = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
            if not nxt or nxt.group().lower() in NOT_UNIT or nxt.group().lower().endswith("ed"):
                break  # "400 wounded in": a predicate, not an adjective ("six armored vehicles")
        words.append(lw)
        last_end = m.end()
        pos = m.end()
        if lw in PLURALS or lw.endswith("s") and not lw.endswith("ss"):
            break  # the plural head noun ends the phrase: "armored vehicles", "ethnic Armenians"
        m2 = re.match(r"\s+", text[pos:pos + 3])
        if m2:
            pos += m2.end()
        else:
            break
    if not words:
        return None, end
    # "tons of flour", "rounds of ammunition", "thousands of ethnic Armenians"
    if words[-1] in MEASURES or len(words) == 1 and words[0] in ("rounds", "cases", "lots"):
        m = re.match(r"\s+of\s+((?:[A-Za-z][\w'’-]*\s*){1,2})", text[last_end:stop])
        if m:
            tail = []
            for w in m.group(1).split()[:2]:
                if w.lower() in NOT_UNIT or w.lower().endswith("ed"):
                    break
                tail.append(w)
            if tail:
                words += ["of"] + [w.lower() for w in tail]
    return " ".join(words), last_end


def of_phrase(text: str, end: int, stop: int) -> str | None:
    """The whole after 'of' ("a third of Nagorno-Karabakh's population" -> 'population')."""
    m = re.match(r"\s+of\s+((?:[A-Za-z][\w'’-]*\s*){1,4})", text[end:stop])
    if not m:
        return None
    words = [w for w in m.group(1).split() if w.lower() not in STOPWORDS]
    nouns = [w for w in words if not re.search(r"['’]s$", w)] or [_strip_possessive(w) for w in words]
    return " ".join(n.lower() for n in nouns[:2]) if nouns else None


def implied_unit(following: list[str]) -> str | None:
    """'About 30,000 were killed' counts people."""
    for w in following[:3]:
        if w in PEOPLE_PREDICATES:
            return "people"
    return None


def tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


class SentenceTokens:
    """The tokens of one sentence, made once and sliced by offset for each of its claims."""

    def __init__(self, text: str, sentence: tuple[int, int]) -> None:
        self.toks = tokens(text, sentence[0], sentence[1])
        self.starts = [t[1] for t in self.toks]
        self.entities = [t[0] for t in self.toks[1:] if t[0][0].isupper() and len(t[0]) > 1]

    def between(self, start: int, end: int) -> list[tuple[str, int, int]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [t for t in self.toks[i:j] if t[2] <= end]


def context_words(sentence: SentenceTokens, claim_start: int, claim_end: int, right: int) -> list[str]:
    """Content words near the figure: the predicate after it first, then words before it,
    then named entities of the sentence. Lower-case, no stop words, no duplicates."""
    after = []
    toks = sentence.between(claim_end, right)
    i = 0
    while i < min(len(toks), 16) and len(after) < 8:
        tok = toks[i][0]
        if tok in _CLAUSE_BREAK or tok[0].isdigit():
            break
        if tok.lower() in ("and", "but", "while", "whereas") and i + 1 < len(toks) \
                and toks[i + 1][0].lower() not in STOPWORDS and toks[i + 1][0].lower().endswith("ed"):
            break  # "killed 64 people and displaced 210,000": the next verb is another figure's
        if tok == ",":
            nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
            if nxt.lower() in _APPOSITION:  # ", or more than a third of the population, had crossed"
                j = next((k for k in range(i + 1, len(toks)) if toks[k][0] == ","), len(toks))
                if any(t[0][0].isdigit() for t in toks[i + 1:j]):
                    break  # ", more than 800 small arms, ...": the next figure's words
                i = j + 1
                continue
            if nxt[:1].isupper() or nxt.lower() in _SUBJECTS:
                break  # ", Russia said ...": another clause with its own subject
        elif tok.lower() not in STOPWORDS and tok not in '"“”,.':
            after.append(tok)
        i += 1
    before = []
    for tok, _, _ in reversed(sentence.between(0, claim_start)):
        if tok in _CLAUSE_BREAK or tok.lower() in _COORDINATORS or tok == "," and len(before) >= 3:
            break
        if tok[0].isdigit():
            break
        before.append(tok)
        if len(before) >= 8:
            break
    before.reverse()
    out: list[str] = []
    seen = set()
    for tok in after + before + sentence.entities:
        w = tok.lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        w = w.strip("'’-")
        if len(w) < 2 or w in STOPWORDS or w in _NUMBER_WORDS or not w[0].isalpha() or w in seen:
            continue
        seen.add(w)
        out.append(w)
    return out
