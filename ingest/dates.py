"""Resolving the dates an article gives ("Thursday", "last month", "on September 13",
"Oct. 12, 1948", "in 1948") against its publication date, at the precision the text has.

Results are ISO text: ``"2023-10-19"`` (a day), ``"2023-10"`` (a month) or ``"1948"`` (a year).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["resolve_date", "WEEKDAYS", "MONTHS"]

WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {}
for _i, _m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"], 1):
    MONTHS[_m] = _i
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9
WORD_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])}
WORD_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90})

_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _add_months(d: date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def _day_before_or_on(pub: date, month: int, day: int) -> date | None:
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= pub + timedelta(days=1) or year < pub.year:
            return d
    return None


def resolve_date(text: str, published: date | None) -> str | None:
    """The date ``text`` refers to, as ISO text, or None when it cannot be pinned down.

    Weekdays are the most recent such day on or before the publication date ("next Monday" the
    one after it); a month and day without a year is the latest such date not after the
    publication; relative expressions need the publication date.

    >>> resolve_date("Thursday", date(2023, 10, 19))
    '2023-10-19'
    >>> resolve_date("Oct. 12, 1948", None)
    '1948-10-12'
    """
    t = " ".join(text.replace("’", "'").split()).strip(" ,.;").lower()
    for _ in range(2):
        t = re.sub(r"^(on|in|since|during|by|from|of|the|early|late)\s+", "", t)
    # full dates: "oct. 12, 1948", "12 october 1948", "2023-10-19"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"([a-z]+)\.? " + _ORD + r",? (\d{4})", t)
    if m and _month(m[1]):
        return _iso(int(m[3]), _month(m[1]), int(m[2]))
    m = re.fullmatch(_ORD + r" (?:of )?([a-z]+)\.?,? (\d{4})", t)
    if m and _month(m[2]):
        return _iso(int(m[3]), _month(m[2]), int(m[1]))
    m = re.fullmatch(r"([a-z]+)\.?,? (\d{4})", t)
    if m and _month(m[1]):
        return f"{int(m[2]):04d}-{_month(m[1]):02d}"
    m = re.fullmatch(r"(?:the )?(?:year )?(\d{4})s?", t)
    if m and not t.endswith("s"):
        return m[1]
    if published is None:
        return None
    pub = published
    # weekdays: "thursday", "last thursday", "on wednesday"
    m = re.fullmatch(r"(?:last |this |next )?([a-z]+)(?: (?:morning|afternoon|evening|night))?", t)
    if m and m[1] in WEEKDAYS:
        wd = WEEKDAYS[m[1]]
        if t.startswith("next "):
            delta = (wd - pub.weekday()) % 7 or 7
            return (pub + timedelta(days=delta)).isoformat()
        delta = (pub.weekday() - wd) % 7
        if t.startswith("last ") and delta <= 1:
            delta += 7  # (on a Friday, "last Thursday" is not yesterday: "yesterday" or "on Thursday" would say so)
        return (pub - timedelta(days=delta)).isoformat()
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|"
                     r"eighty|ninety|a hundred|\d+|half a) (years?|decades?|centur(?:y|ies)) ago( today)?", t)
    if m:
        n = {"a": 1, "one": 1, "half a": 0.5, "a hundred": 100}.get(m[1]) or WORD_NUMBERS.get(m[1]) or int(m[1])
        unit = 10 if m[2].startswith("decade") else 100 if m[2].startswith("centur") else 1
        years = int(n * unit)
        if m[3]:
            try:
                return pub.replace(year=pub.year - years).isoformat()
            except ValueError:
                return None
        return str(pub.year - years)
    if t in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return pub.isoformat()
    if t in ("yesterday", "last night"):
        return (pub - timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return (pub + timedelta(days=1)).isoformat()
    m = re.fullmatch(r"([a-z]+)\.? (last|this) year", t) or re.fullmatch(r"(?:last) ([a-z]+)\.?", t)
    if m and _month(m[1]):
        year = pub.year - 1 if (len(m.groups()) > 1 and m[2] == "last") else pub.year
        if len(m.groups()) == 1 and _month(m[1]) >= pub.month:
            year = pub.year - 1
        return f"{year:04d}-{_month(m[1]):02d}"
    if t == "last month":
        y, mo = _add_months(pub, -1)
        return f"{y:04d}-{mo:02d}"
    if t == "this month":
        return f"{pub.year:04d}-{pub.month:02d}"
    if t == "next month":
        y, mo = _add_months(pub, 1)
        return f"{y:04d}-{mo:02d}"
    if t == "last year":
        return str(pub.year - 1)
    if t == "this year":
        return str(pub.year)
    if t == "next year":
        return str(pub.year + 1)
    # "september 13", "13 september", "sept. 13"
    m = re.fullmatch(r"([a-z]+)\.? " + _ORD, t) or None
    if m and _month(m[1]):
        mo, day = _month(m[1]), int(m[2])
    else:
        m = re.fullmatch(_ORD + r" (?:of )?([a-z]+)\.?", t)
        mo, day = (_month(m[2]), int(m[1])) if m and _month(m[2]) else (None, None)
    if mo and day:
        d = _day_before_or_on(pub, mo, day)
        return d.isoformat() if d else None
    # "the 13th"
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", t)
    if m:
        day = int(m[1])
        for back in (0, 1):
            y, mo = _add_months(pub, -back)
            iso = _iso(y, mo, day)
            if iso and iso <= pub.isoformat():
                return iso
        return None
    # a month name alone: the latest such month not after publication ("in March")
    if _month(t) and len(t) > 3:
        mo = _month(t)
        year = pub.year if mo <= pub.month else pub.year - 1
        return f"{year:04d}-{mo:02d}"
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
