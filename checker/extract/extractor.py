"""Cleaned text -> claims: one regex pass, then each candidate read into a value and interval.

The pass finds candidates (patterns.MASTER); `_read` turns one into a `Mention` (value,
interval, hedge, unit); a second pass over each sentence's mentions fills what needs
neighbours: as-of times, units shared by coordination ("200 people killed and 400 wounded"),
and context words. Finally offsets are mapped back to the original file.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from checker.extract import context as ctx
from checker.extract.furniture import furniture_spans
from checker.extract.lexicon import (
    PLURALS, CURRENCY_SYMBOLS, CURRENCY_WORDS, EVENT_NOUNS, HEDGES_BEFORE, MEASURES, MONTHS, NOT_UNIT,
    TIME_UNITS, WEEKDAYS,
)
from checker.extract.numbers import (
    FRACTION_DENOMS, SCALE_ABBREV, SCALES, UNITS, VAGUE, as_number, parse_numeral, parse_words,
    significant_round,
)
from checker.extract.patterns import MASTER, NO_RANGE, TRIGGER_WORDS
from checker.extract.sentences import Sentences
from checker.extract import temporal
from checker.models import Claim, iso

_SYMBOLS = sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
_PCT = re.compile(r"%|percent|per\s?cent", re.IGNORECASE)
NUMERIC_KINDS = ("count", "percent", "fraction", "money", "duration")
_NUM_IN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_SCALE_IN = re.compile(r"\b(hundred|thousand|million|billion|trillion)\b|(?<=\d)\s?(bn|mn|mln|tn|m|k|b)\b",
                       re.IGNORECASE)
# "one" counts ("one of the people", "one man") except in idioms and pronoun uses.
_ONE_IDIOMS_AFTER = re.compile(r"^\s+(?:another|day|thing|or|by|in|out|off|on|such|and|who|which|that|is|was)\b|^['’]s\b|^\s*[,.;:!?)]", re.I)
_ONE_IDIOMS_BEFORE = re.compile(r"\b(?:no|the|this|that|any|every|each|which|same|someone|anyone|some|one|than|as)\s+$", re.I)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|as\s+on|by)\s+$", re.IGNORECASE)


@dataclass
class Mention:
    """A figure found in the cleaned text, before it is placed in the original file."""

    start: int
    end: int
    kind: str
    value: object
    lo: object = None
    hi: object = None
    lo_inclusive: bool = True
    hi_inclusive: bool = True
    hedge: str = "exact"
    hedge_word: str | None = None
    round: bool = False
    unit: str | None = None
    unit_end: int = -1
    detail: str | None = None
    as_of: str | None = None
    context: list[str] = field(default_factory=list)
    implied: str | None = None  # a context word the sentence implies: "dead" for "the death toll rose to"


def interval(value, hedge: str):
    """A hedged figure as (lo, hi, lo_inclusive, hi_inclusive); None marks an open side."""
    v = value
    if hedge == "about":
        return as_number(v * 0.9), as_number(v * 1.1), True, True
    if hedge == "nearly":
        return as_number(v * 0.9), v, True, False
    if hedge == "more_than":
        return v, None, False, True
    if hedge == "at_least":
        return v, None, True, True
    if hedge == "up_to":
        return 0, v, True, True
    if hedge == "less_than":
        return 0, v, True, False
    return v, v, True, True


def parse_number(text: str) -> float | int | None:
    """A numeral with an optional scale ('1.5 million', '$5bn', '120,000') or number words."""
    m = _NUM_IN.search(text)
    if not m:
        return parse_words(text)
    v = parse_numeral(m.group())
    if v is None:
        return None
    for sm in _SCALE_IN.finditer(text, m.end()):
        word = (sm.group(1) or sm.group(2)).lower()
        v = v * SCALES.get(word, SCALE_ABBREV.get(word, 1))
    return as_number(v)


_INDEX_NAME = re.compile(r"\b(?:S&P|S\s?P|sp|FTSE|Nasdaq|NASDAQ|Russell|Stoxx|STOXX|Nikkei|DAX|CAC|Fortune|"
                         r"Forbes|ASX|TSX|Sensex|Nifty|KOSPI|IBEX|TA|Hang Seng)[-\s]?$")


def _measured(text: str, e: int) -> bool:
    """A unit or a counted plural follows the figure: it counts, whatever stands before it."""
    m = re.match(r"[ \t]?([A-Za-z][\w/'’-]*)(?:\s+([A-Za-z][\w'’-]*))?", text[e:e + 40])
    if not m:
        return False
    first = m.group(1)
    low = first.lower()
    if low in MEASURES or low in TIME_UNITS or low in CURRENCY_WORDS or (first.isupper() and len(first) <= 4):
        return True  # "300 Hz", "35 GWh", "110 JPY", "16 inch"
    plural = lambda w: bool(w) and (w in PLURALS or w[0].islower() and w.endswith("s") and not w.endswith("ss")
                                    and len(w) > 3 and w not in NOT_UNIT)
    return plural(first) or (first[0].isupper() and plural(m.group(2)))  # "96 Liverpool fans"


def _is_identifier(text: str, s: int, e: int, sentence_start: int) -> bool:
    """Digits that name rather than count: COVID-19, F-16, A320, 9/11, No. 5, Boeing 737."""
    before = text[max(0, s - 2):s].rjust(2)
    after = text[e:e + 2].ljust(2)
    if before[1].isalpha() or (before[1] in "-‐" and before[0].isalpha()
                               and not re.search(r"(?i)\b(?:minus|sub)-$", text[max(0, s - 6):s])):
        return True
    if before[1] in "#/" or after[0] == "/" and after[1].isdigit():
        return True
    if after[0] in ("-", "‐") and text[e + 1:e + 2].isdigit():
        return True  # phone numbers, scores: handled as ranges when they are ranges
    if re.search(r"\b(?:No|Nos|Number|Art|Article|Section|Chapter|Page|Room|Flight|Route|Resolution)\.?\s+$",
                 text[max(0, s - 14):s], re.IGNORECASE):
        return True
    if _INDEX_NAME.search(text, max(0, s - 12), s):
        return True  # "the S&P 500", "FTSE 100": a name
    plain = text[s:e].isdigit() and len(text[s:e]) <= 4
    if not plain or s == sentence_start or _measured(text, e):
        return False
    prev = re.search(r"(\b[a-z]?[A-Z][\w.-]*)\s+$", text[max(sentence_start, s - 30):s])
    if prev and s - len(prev.group(0)) > sentence_start:
        word = prev.group(1).rstrip(".").lower()
        if word not in MONTHS and word not in WEEKDAYS and word not in HEDGES_BEFORE and word not in ("the", "some", "about"):
            return True  # "Boeing 737", "Section 427"
    nxt = re.match(r" ([A-Z][\w-]*)", text[e:e + 20])
    if nxt and nxt.group(1).lower() not in MONTHS and nxt.group(1).lower() not in WEEKDAYS:
        return True  # "787 Dreamliner", "575 Wilbraham Road": a name
    return False


def _year_like(text: str, s: int, e: int, value) -> bool:
    """A bare four-digit figure is a year unless a plural counted noun follows ("1500 troops").

    News style writes counts of a thousand and more with a comma ("2,000 peacekeepers"), so a
    bare 1000-2200 is a year ("the 1988 horror film", "in 2022 grew") unless it counts things.
    """
    raw = text[s:e]
    if not (isinstance(value, int) and 1000 <= value <= 2200 and raw.isdigit() and len(raw) == 4):
        return False
    m = re.match(r"[ \t-]*([A-Za-z][\w'’-]*)", text[e:e + 30])
    if not m:
        return True
    word = m.group(1)
    nxt = word.lower()
    if nxt in MEASURES:
        return False  # "1520 sq m"
    if nxt in EVENT_NOUNS or nxt in NOT_UNIT or word[0].isupper() or nxt in TIME_UNITS:
        return True
    plural = nxt.endswith("s") and not nxt.endswith(("ss", "'s", "’s")) or nxt in PLURALS
    return not plural


_UP = (r"rose|risen|rises|rising|up|gained|gains|added|adds|climbed|climbs|jumped|jumps|increased|"
       r"increases|grew|grows|grown|advanced|advances|surged|surges|soared|rallied|rallies|higher|raised")
_DOWN = (r"fell|fallen|falls|falling|down|lost|loses|dropped|drops|declined|declines|slipped|slips|"
         r"decreased|decreases|shed|sheds|plunged|plummeted|tumbled|tumbles|slumped|eased|lower|sank|"
         r"dipped|dips|shrank|shrunk|contracted|cut|lowered|reduced")
_DIR_BEFORE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:by\s+)?$", re.IGNORECASE)
_DIR_AFTER = re.compile(r"^\s*(?:(?P<up>increase|rise|gain|jump|growth|hike|rally|surge|climb|higher|more)"
                        r"|(?P<down>drop|decline|fall|decrease|cut|loss|slump|plunge|slide|dip|lower|less|fewer))\b",
                        re.IGNORECASE)


def _direction(text: str, floor: int, start: int, end: int) -> str | None:
    """'rose 7%', 'down 2.1%', 'a 3 percent drop': the figure is a change, up or down, not a level."""
    m = _DIR_BEFORE.search(text, floor, start) or _DIR_AFTER.match(text[end:end + 16])
    if not m:
        return None
    return "up" if m.group("up") else "down"


class _Reader:
    """Reads candidates of one document."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.sentences = Sentences(text)

    def read(self, m: re.Match) -> list[Mention]:
        kind = m.lastgroup
        s, e = m.span()
        sent = self.sentences.span(s)
        mention = getattr(self, f"_{kind}")(m.group(), s, e, sent)
        if mention is not None:
            return [mention]
        if kind in ("range", "yrange"):  # not a range after all: read its parts one by one
            out = []
            for sub in NO_RANGE.finditer(self.text, s, e):
                got = getattr(self, f"_{sub.lastgroup}")(sub.group(), sub.start(), sub.end(), sent)
                if got is not None:
                    out.append(got)
            return out
        return []

    # -- dates and times ---------------------------------------------------------------
    def _isodate(self, raw, s, e, sent):
        v = raw[:10]
        if len(raw) > 10:
            return Mention(s, e, "time", raw.replace(" ", "T")[:16], raw[:16].replace(" ", "T"),
                           raw[:16].replace(" ", "T"))
        return Mention(s, e, "date", v, v, v)

    def _mdy(self, raw, s, e, sent):
        v, lo, hi = temporal.parse_date(raw, self.published)
        if v is None:
            return None
        return Mention(s, e, "date", v, lo, hi, detail="month" if len(v) == 7 else None)

    _dmy = _mdy
    _my = _mdy

    def _season(self, raw, s, e, sent):
        y1, y2, part = temporal.season_years(raw)
        return Mention(s, e, "year", y1, y1, y2, detail=part)

    def _yrange(self, raw, s, e, sent):
        ys = re.findall(r"\d+", raw)
        a = int(ys[0])
        b = int(ys[1])
        if b < 100:
            b = a - a % 100 + b
        if b <= a:
            return Mention(s, s + len(ys[0]) + (raw.index(ys[0])), "year", a, a, a)
        word = raw.split()[0].lower() if raw[0].isalpha() else None
        return Mention(s, e, "year", None, a, b, hedge="range", hedge_word=word)

    def _decade(self, raw, s, e, sent):
        d = int(re.search(r"\d+", raw).group())
        if d < 100:
            d += 1900
        # "the 1990s" when preceded by "the"
        return Mention(s, e, "year", None, d, d + 9, hedge="range", detail="decade")

    def _clock(self, raw, s, e, sent):
        parsed = temporal.parse_clock(raw)
        if parsed is None:
            return None
        h, mi, tz = parsed
        return Mention(s, e, "time", f"T{h:02d}:{mi:02d}{tz or ''}", detail=tz)

    _ampm = _clock
    _mil = _clock

    def _weekday(self, raw, s, e, sent):
        v = temporal.weekday_date(raw, self.published)
        return Mention(s, e, "date", v, v, v, detail="weekday")

    # -- amounts ------------------------------------------------------------------------
    def _money(self, raw, s, e, sent):
        sym = max((c for c in CURRENCY_SYMBOLS if raw.startswith(c)), key=len, default="$")
        rest = raw[len(sym):].strip()
        v = parse_number(rest.lstrip("-"))
        if v is None:
            return None
        v = -v if rest.startswith("-") else v
        return self._amount(s, e, sent, "money", v, unit=CURRENCY_SYMBOLS[sym])

    def _money_after(self, raw, s, e, sent):
        word = raw.split()[-1].lower()
        v = parse_number(raw[: -len(word)])
        if v is None:
            return None
        return self._amount(s, e, sent, "money", v, unit=CURRENCY_WORDS.get(word, word))

    def _percent(self, raw, s, e, sent):
        sign = -1 if raw[:1] in "-−" else 1
        v = parse_number(re.sub(r"(?i)\s*(%|percent(age points?)?|per\s+cent|pct)$", "", raw.lstrip("-−")))
        if v is None:
            return None
        v = as_number(v * sign)  # "FTSE -0.6%"
        unit = "percentage points" if "point" in raw.lower() else "%"
        return self._amount(s, e, sent, "percent", v, unit=unit)

    def _duration(self, raw, s, e, sent):
        word = re.split(r"[-\s]+", raw)[-1].lower()
        num_text = raw[: len(raw) - len(word)].rstrip(" -")
        v = parse_number(num_text)
        if v is None:
            return None
        if num_text.lower() == "one" and not re.search(r"\b(?:for|in|within|after|of|than|last|past|next|first)\s+$",
                                                      self.text[max(0, s - 12):s], re.I):
            return None  # "will one day be held accountable"
        follow = self.text[e:e + 5].lower()
        if follow.startswith(("-old", " old")):
            return self._amount(s, e, sent, "count", v, unit="years old", detail="age")
        return self._amount(s, e, sent, "duration", v, unit=TIME_UNITS[word], round_ok=False)

    def _range(self, raw, s, e, sent):
        if re.match(r"\s*(?:[ap]\.?m\b|GMT|UTC)", self.text[e:e + 5], re.IGNORECASE) or re.search(r"\d[ap]m\b", raw, re.I):
            return None  # "from 1.05am to 7.05am": clock times, read one by one
        body = re.sub(r"^(?i:between|from)\s+", "", raw)
        parts = re.split(r"\s*(?:–|—|(?<=[\d\s%])-|\bto\b|\band\b|\bor\b)\s*", body.strip())
        if len(parts) != 2:
            return None
        if re.fullmatch(r"\d{1,3}-\d{1,3}", raw) and int(parts[0]) >= int(parts[1]):
            return Mention(s, e, "score", None)  # "won 2-1", "tied at 89-89": a score, not a claim
        parts[1] += " %" if _PCT.match(self.text[e:e + 9].strip()) else ""
        syms = [next((c.strip() for c in _SYMBOLS if c.strip() and p.startswith(c.strip())), None) for p in parts]
        pcts = [bool(_PCT.search(p)) for p in parts]
        if pcts[0] and not pcts[1] or syms[1] and not syms[0]:
            return None  # "rose 6.5% to 164p", "7% to $2.3 billion": a change and a level
        sym = syms[0] or syms[1]
        parts = [p[len(x):].strip() if x else p for p, x in zip(parts, syms)]
        a, b = parse_number(parts[0]), parse_number(parts[1])
        scale = _SCALE_IN.search(parts[1])
        if scale and not _SCALE_IN.search(parts[0]) and a is not None and b is not None:
            shared = parse_number(parts[0] + " " + scale.group())  # "2 to 3 million"
            if shared is not None and shared <= b:
                a = shared
        if a is None or b is None or a == b:
            return None
        change = bool(re.match(r"(?i)from\b", raw))
        if b < a and not change:
            return None  # "50 -1.3%": two figures, not a range
        final = b
        if _year_like(self.text, s, s + len(parts[0]), a) and 1000 <= b <= 2100 and not _measured(self.text, e):
            return Mention(s, e, "year", None, a, b, hedge="range")
        word = raw.split()[0].lower() if raw[0].isalpha() else None
        a, b = min(a, b), max(a, b)
        m = Mention(s, e, "count", None, a, b, hedge="range", hedge_word=word)
        if change and final == a:
            m.value, m.detail = final, "change"  # "fell from 4.8 to 4.7": it is 4.7 now
        if re.search(r"(?i)\b(?:rose|risen|rising|rises|fell|fallen|falling|falls|grew|grown|increased|decreased|"
                     r"dropped|climbed|jumped|slipped|declined|plummeted|plunged|soared|surged|slowed|cut|raised|"
                     r"lowered|up|down|changed)\s+(?:\w+\s+){0,2}$", self.text[max(sent[0], s - 40):s]):
            m.detail = "change"  # "rose from 200 to 300": two points in time, not an interval of doubt
        if sym:
            m.kind, m.unit = "money", CURRENCY_SYMBOLS.get(sym, sym)
            return m
        if re.search(r"%|percent|per cent", raw):
            m.kind, m.unit = "percent", "%"
            return m
        after = self.text[e:e + 25]
        pm = re.match(r"\s?(%|percent\b|per\s+cent\b)", after)
        tm = re.match(r"[\s-]+([a-z]+)\b", after)
        if pm:
            m.kind, m.unit, m.end = "percent", "%", e + pm.end()
        elif tm and tm.group(1) in TIME_UNITS:
            m.kind, m.unit, m.end = "duration", TIME_UNITS[tm.group(1)], e + tm.end()
        else:
            self._unit(m, sent)
        return m

    def _one_in(self, raw, s, e, sent):
        nums = re.split(r"\s+(?:in|out\s+of)\s+", raw)
        a, b = parse_number(nums[0]), parse_number(nums[1])
        if not a or not b or a >= b:
            return None
        return self._amount(s, e, sent, "fraction", as_number(a / b), unit=None)

    def _vague(self, raw, s, e, sent):
        lo, hi = VAGUE[re.sub(r"\s+", " ", raw.lower())]
        m = Mention(s, e, "count", None, lo, hi, hedge="vague", hedge_word=raw.lower())
        self._unit(m, sent, of=True)
        return m

    def _dozen(self, raw, s, e, sent):
        first = raw.split()[0].lower()
        n = 1 if first in ("a", "an") else parse_number(first)
        if n is None:
            return None
        return self._amount(s, e, sent, "count", n * 12)

    def _fraction(self, raw, s, e, sent):
        low = raw.lower()
        if low == "half" and re.search(r"(?i)\b(?:first|second|other|latter|back|front)\s+$", self.text[max(0, s - 8):s]):
            return None  # "the second half of the game": a period, not a fraction
        if low == "half":
            v, follow_ok = 0.5, re.match(r"\s+(?:of|the|its|their|a|an|his|her)\b", self.text[e:e + 8])
            hedged = ctx.hedge_before(self.text, s, sent[0])
            if not follow_ok and not hedged:
                return None
        else:
            num, den = re.split(r"[-\s]", low)
            n = 1 if num in ("a", "an") else UNITS.get(num, 1)
            v = n / FRACTION_DENOMS[den]
            if not re.match(r"\s+(?:of|the|its|their)\b", self.text[e:e + 8]) and not ctx.hedge_before(self.text, s, sent[0]):
                return None
        m = self._amount(s, e, sent, "fraction", as_number(v), unit=None)
        m.unit = ctx.of_phrase(self.text, e, sent[1])
        return m

    def _times(self, raw, s, e, sent):
        low = raw.lower()
        if re.match(r"\s+as\b", self.text[e:e + 4]):
            return None  # "twice as loud": a comparison, not a count of times
        n = {"twice": 2, "thrice": 3}.get(low) or parse_number(re.sub(r"-?fold$", "", low))
        if n is None:
            return None
        return self._amount(s, e, sent, "count", n, unit="times")

    def _slash(self, raw, s, e, sent):
        a, b = (int(x) for x in re.findall(r"\d+", raw))
        if not b or a >= b:
            return None
        return self._amount(s, e, sent, "fraction", as_number(a / b), unit=ctx.of_phrase(self.text, e, sent[1]))

    def _ordinal(self, raw, s, e, sent):
        return Mention(s, e, "ordinal", int(re.match(r"\d+", raw).group()))

    def _number(self, raw, s, e, sent):
        plus = raw.endswith("+")
        core = raw[:-1] if plus else raw
        sign = -1 if core[:1] in "-−" else 1
        core = core.lstrip("-−")
        v = parse_number(core)
        if v is None:
            return None
        v = as_number(v * sign)
        is_digits = core[:1].isdigit() or core[:1] == "."
        glued = re.match(r"[A-Za-z][A-Za-z/]*", self.text[e:e + 12]) if is_digits and not plus else None
        if glued and glued.group() == "s" and _year_like(self.text, s, e, v):
            return Mention(s, e, "year", v, v, v)  # "2018s best performing sector"
        if glued:
            word = glued.group().lower()
            if word in ("pc", "pct"):
                return self._amount(s, e + glued.end(), sent, "percent", v, unit="%")
            if is_digits and _is_identifier(self.text, s, e, sent[0]):
                return None
            m = self._amount(s, e, sent, "count", v, unit=word)
            m.unit_end = e + glued.end()
            return m
        if is_digits and _is_identifier(self.text, e - len(core) - plus, e - plus, sent[0]):
            return None
        if sign < 0 and re.search(r"\b[A-Z][A-Z0-9]+ $", self.text[max(0, s - 12):s]):
            return None  # "COVID -19", "MH -17": a name typed with a stray space, not a minus
        lead = re.search(r"(?i)\b(minus|sub)[\s-]$", self.text[max(0, s - 6):s]) if sign > 0 else None
        if lead and lead.group(1).lower() == "minus":
            v, s = as_number(-v), max(0, s - 6) + lead.start()
        elif lead:  # "sub-300 sq m": less than 300
            m = self._amount(s, e, sent, "count", v)
            m.start, m.hedge, m.hedge_word = max(0, s - 6) + lead.start(), "less_than", "sub"
            m.lo, m.hi, m.lo_inclusive, m.hi_inclusive = interval(v, "less_than")
            return m
        if not is_digits and re.match(r"-[A-Za-z]", self.text[e:e + 2]):
            return None  # "a six-speed gearbox", "four-door": a modifier, not a count
        if not is_digits:
            low = core.lower()
            if low == "one" and (_ONE_IDIOMS_AFTER.match(self.text[e:e + 10])
                                 or _ONE_IDIOMS_BEFORE.search(self.text[max(0, s - 10):s])):
                return None
        if not plus and sign > 0 and is_digits and _year_like(self.text, s, e, v) and not ctx.hedge_before(self.text, s, sent[0]):
            return Mention(s, e, "year", v, v, v)
        m = self._amount(s, e, sent, "count", v)
        if plus:
            m.hedge, m.hedge_word = "at_least", "+"
            m.lo, m.hi, m.lo_inclusive, m.hi_inclusive = interval(v, "at_least")
        if not is_digits and core.lower() == "one" and m.unit is None and not re.match(r"\s+of\b", self.text[e:e + 5]):
            return None
        return m

    # -- shared -------------------------------------------------------------------------
    def _amount(self, s, e, sent, kind, v, unit=None, detail=None, round_ok=True) -> Mention:
        m = Mention(s, e, kind, v, detail=detail, unit=unit)
        hb = ctx.hedge_before(self.text, s, sent[0])
        if hb and not (hb[0] in ("within", "in the next", "over the next", "in the coming") and kind != "duration"):
            m.hedge_word = hb[0]
            m.hedge = HEDGES_BEFORE[hb[0]]
            m.start = hb[1]
        else:
            ha = ctx.hedge_after(self.text, e)
            if ha:
                m.hedge_word, m.end = ha[0], ha[1]
                from checker.extract.lexicon import HEDGES_AFTER
                m.hedge = HEDGES_AFTER[ha[0]]
        m.lo, m.hi, m.lo_inclusive, m.hi_inclusive = interval(v, m.hedge)
        if kind in ("count", "percent", "money") and detail is None:
            m.detail = _direction(self.text, max(sent[0], m.start - 30), m.start, m.end)
        m.round = round_ok and kind in ("count", "money") and significant_round(v)
        if unit is None and kind == "count":
            self._unit(m, sent)
        return m

    def _unit(self, m: Mention, sent, of: bool = False) -> None:
        if of:
            mo = re.match(r"\s+of\s+", self.text[m.end:m.end + 6])
            if mo:
                noun, end = ctx.counted_noun(self.text, m.end + mo.end(), sent[1])
                if noun:
                    m.unit, m.unit_end = noun, end
                    return
        noun, end = ctx.counted_noun(self.text, m.end, sent[1])
        m.unit, m.unit_end = noun, end


def _link_sentence(mentions: list[Mention], text: str, published: date | None) -> None:
    """Within one sentence: times get their day, figures get their as-of time, units are shared."""
    days = [m for m in mentions if m.kind == "date" and m.value and len(str(m.value)) == 10]
    for m in mentions:
        if m.kind == "time" and not str(m.value).startswith(("1", "2")):
            near = [d for d in days if abs(d.start - m.end) < 30 or abs(m.start - d.end) < 30]
            if near:
                m.value = f"{near[0].value}{m.value}"
                m.lo = m.hi = m.value
            else:
                m.lo = m.hi = m.value
    # as of <time/day>: governs the figures of the sentence
    for i, m in enumerate(mentions):
        if m.kind not in ("time", "date") or not _AS_OF.search(text[max(0, m.start - 8):m.start]):
            continue
        phrase = [m] + [n for n in mentions[i + 1:] if n.kind in ("time", "date") and n.start - m.end < 40]
        day = next((str(n.value) for n in phrase if n.kind == "date" and n.value and len(str(n.value)) == 10), None)
        clock = next((str(n.value) for n in phrase if n.kind == "time"), None)
        if clock and "T" in clock:
            clock = clock[clock.index("T"):]
        if day is None and published is not None:
            day = published.isoformat()
        as_of = (day or "") + (clock or "") if (day or clock) else None
        for n in mentions:
            # Figures after the phrase, and those before it in the same clause ("377 refugees
            # had arrived as of 6 pm"), but not across a comma ("With 2,000 peacekeepers in
            # the region, Russia said it had delivered, as of Saturday, six armored vehicles").
            if n.kind in NUMERIC_KINDS and (n.start > m.start or "," not in text[n.end:m.start]):
                n.as_of = as_of
        break
    # "200 people were killed and 400 wounded": the second figure counts the same noun
    prev = None
    for m in mentions:
        if m.kind != "count":
            continue
        if m.unit is None:
            follow = [w.lower() for w in re.findall(r"[A-Za-z]+", text[m.end:m.end + 30])]
            if prev is not None and prev.unit and m.start - prev.end < 60 and \
                    re.search(r"\b(?:and|or|while|with)\b|,", text[prev.end:m.start]):
                m.unit = prev.unit
            elif _TOLL.search(text, max(0, m.start - 90), m.start):
                m.unit, m.implied = "people", "dead"  # "the death toll rose to 486"
            else:
                m.unit = ctx.implied_unit(follow)
        prev = m


# A toll phrase, then words without a figure or a clause break, then a verb of reaching a level,
# right before the figure: "the death toll from the earthquake in Karsen rose to 486".
_TOLL = re.compile(r"(?i)\b(?:death|casualty|fatality)\s+tolls?\b[^.;:\d]{0,60}?\b(?:rose|risen|climbed|jumped|"
                   r"reached|stood|stands|is|was|hit|increased|passed|topped|exceeded|grew|now)\b(?:\s+(?:to|at))?\s*$"
                   r"|\bnumber\s+of\s+(?:dead|deaths|victims|fatalities)\b[^.;:\d]{0,60}?\b(?:rose|climbed|reached|"
                   r"stood|stands|is|was|hit|increased|grew)\b(?:\s+(?:to|at))?\s*$")


_TRIGGER = re.compile(r"[A-Za-z]+|'?\.?\d+|[-−](?=\d)|[$€£¥₹₽₩₺]")


def candidates(text: str):
    """MASTER's matches, tried only where one can start: at a digit, a sign, a currency symbol
    or a word that can open a figure ("two", "between", "summer", "US"). An anchored match at
    those places instead of a search at every character makes the scan several times faster."""
    pos = 0
    match = MASTER.match
    for t in _TRIGGER.finditer(text):
        ts = t.start()
        if ts < pos:
            continue
        tok = t.group()
        if tok[0].isalpha() and tok.lower() not in TRIGGER_WORDS:
            continue
        m = match(text, ts)
        if m is None or m.end() == ts:
            continue
        pos = m.end()
        yield m


def extract_clean(clean, source: str, published=None) -> list[Claim]:
    """Claims of one cleaned document (`checker.textclean.CleanText`)."""
    text = clean.text
    pub = temporal.as_date(published)
    reader = _Reader(text, pub)
    furniture = furniture_spans(text)
    f_starts = [a for a, _ in furniture]
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for match in candidates(text):
        s = match.start()
        i = bisect.bisect_right(f_starts, s) - 1
        if i >= 0 and furniture[i][0] <= s < furniture[i][1]:
            continue
        for mention in reader.read(match):
            if mention.kind == "score":
                continue
            by_sentence.setdefault(reader.sentences.span(mention.start), []).append(mention)
    claims: list[Claim] = []
    published_iso = iso(published)
    for sent, mentions in by_sentence.items():
        _link_sentence(mentions, text, pub)
        sentence_text = text[sent[0]:sent[1]]
        toks = ctx.SentenceTokens(text, sent)
        for m in mentions:
            m.context = ctx.context_words(toks, m.start, max(m.end, m.unit_end), sent[1])
            if m.implied and m.implied not in m.context:
                m.context.insert(0, m.implied)
            start, end = clean.span(m.start, m.end)
            line, col = clean.line_col(start)
            claims.append(Claim(
                source=source, line=line, column=col, start=start, end=end,
                text=clean.original[start:end], kind=m.kind, value=m.value, lo=m.lo, hi=m.hi,
                lo_inclusive=m.lo_inclusive, hi_inclusive=m.hi_inclusive, hedge=m.hedge,
                hedge_word=m.hedge_word, round=m.round, unit=m.unit, context=m.context,
                as_of=m.as_of, sentence=sentence_text, published=published_iso, detail=m.detail,
            ))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
