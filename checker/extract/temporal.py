"""Calendar values for dates, weekdays, seasons and clock times.

A news date rarely carries its year and a weekday never does: both are resolved against the
source's publication date, the way a reader resolves them. dateutil is not used for the
phrases themselves because it reads "may" and "we" as dates; only well-formed ISO text goes to it.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from checker.extract.lexicon import MONTHS, SEASONS, WEEKDAYS

_MONTH_RE = re.compile(r"[A-Za-z]+")
_DAY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR_RE = re.compile(r"\b(1\d{3}|20\d\d|2100)\b")


def month_of(text: str) -> int | None:
    for word in _MONTH_RE.findall(text):
        m = MONTHS.get(word.lower().rstrip("."))
        if m:
            return m
    return None


def resolve_year(month: int, day: int, published: date | None) -> int | None:
    """The year that puts month/day nearest the publication date (past preferred on a tie)."""
    if published is None:
        return None
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        # A date after publication is less likely than one before it: weigh the future double.
        delta = (d - published).days
        score = delta * 2 if delta > 0 else -delta
        if best is None or score < best[0]:
            best = (score, year)
    return best[1] if best else None


def parse_date(text: str, published: date | None) -> tuple[str | None, str | None, str | None]:
    """'September 19' -> ('2023-09-19', lo, hi); month precision gives a month-long interval."""
    month = month_of(text)
    years = _YEAR_RE.findall(text)
    day_text = _YEAR_RE.sub(" ", text)
    days = _DAY_RE.findall(day_text)
    if month is None:
        return None, None, None
    if not days:  # "September 2023"
        if not years:
            return None, None, None
        y = int(years[0])
        last = (date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        return f"{y:04d}-{month:02d}", f"{y:04d}-{month:02d}-01", f"{y:04d}-{month:02d}-{last:02d}"
    day = int(days[0])
    last = int(days[1]) if len(days) > 1 and int(days[1]) > day else day  # "Sept. 20-24"
    year = int(years[0]) if years else resolve_year(month, day, published)
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: accepts Feb 29
        date(year or 2000, month, last)
    except ValueError:
        return None, None, None
    if year is None:
        return f"--{month:02d}-{day:02d}", f"--{month:02d}-{day:02d}", f"--{month:02d}-{last:02d}"
    v = date(year, month, day).isoformat()
    return v, v, date(year, month, last).isoformat()


def weekday_date(name: str, published: date | None) -> str | None:
    """'Sunday' -> the latest Sunday on or before publication."""
    wd = WEEKDAYS.get(name.lower())
    if wd is None or published is None:
        return None
    back = (published.weekday() - wd) % 7
    return (published - timedelta(days=back)).isoformat()


def season_years(text: str) -> tuple[int, int, str | None] | None:
    """'the summer of 2022' -> (2022, 2022, 'summer'); winter spans the year's end."""
    years = _YEAR_RE.findall(text)
    if not years:
        return None
    y = int(years[0])
    low = text.lower()
    for season, (m1, m2) in SEASONS.items():
        if season in low:
            return (y, y + 1, season) if m1 > m2 else (y, y, season)
    for part in ("early", "mid", "late"):
        if part in low:
            return y, y, part
    return y, y, None


_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?\.?\s*(?:m\b\.?)?", re.IGNORECASE)


def parse_clock(text: str) -> tuple[int, int, str | None] | None:
    """'6 pm' -> (18, 0, None); '1800 GMT' -> (18, 0, 'Z'); '11 a.m.' -> (11, 0, None)."""
    t = text.strip()
    tz = None
    upper = t.upper()
    if "GMT" in upper or "UTC" in upper or re.search(r"\bZ\b", t):
        tz = "Z"
    m = re.match(r"(\d\d)(\d\d)\b", t)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
    else:
        m = _CLOCK.match(t)
        if not m:
            return None
        h = int(m.group(1))
        mi = int(m.group(2) or 0)
        ap = (m.group(3) or "").lower()
        if ap == "p" and h < 12:
            h += 12
        elif ap == "a" and h == 12:
            h = 0
    if h > 23 or mi > 59:
        return None
    return h, mi, tz


def clock_iso(h: int, mi: int, tz: str | None, day: str | None) -> str:
    """ISO time, with the day when known: '2023-09-24T22:00' or 'T22:00'."""
    t = f"T{h:02d}:{mi:02d}{tz or ''}"
    return f"{day}{t}" if day and len(day) == 10 else t


def as_date(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value
