"""Text as the parser should see it: hard-wrapped wire copy joined into paragraphs.

Wire stories and e-mailed texts often break lines at about 65 characters and start each paragraph
with an indent. A line break inside a paragraph can split a name ("Ana" / "Lima") or a clause,
so before parsing, :func:`unwrap` joins such lines. It keeps every character offset: a break inside
a paragraph becomes a space, and an indented line start becomes a paragraph break, so the events'
offsets still point into the article text as it was read.

>>> unwrap("QUITO - Talks between Ecuador\\nand Colombia have made progress, an official said\\non Friday, "
...        "after a week of\\nmeetings in the capital with the\\ndelegation from Bogota.\\n  Both sides "
...        "expect to meet\\nagain in April in Quito or in Bogota.")[:57]
'QUITO - Talks between Ecuador and Colombia have made prog'
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

__all__ = ["unwrap", "is_hard_wrapped", "truecase", "is_shouting", "is_title_case", "headline_case",
           "separate_dateline", "spaced_dashes", "for_parser", "fold_accents"]


@lru_cache(maxsize=8192)
def fold_accents(text: str) -> str:
    """The text without accents, for comparing spellings of one name ("Perez" and "Pérez")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))

_DATELINE = re.compile(r"\s*[^\W\d_](?:[^\W\d_]|[.'\- ]){1,40}(?:,(?:[^\n\-—–.]|\.(?= ?\d)){0,40})?\s*(?:\([^)\n]{1,30}\)\s*)?(?P<dash>[-—–]{1,2})(?P<space>\s)")


def separate_dateline(text: str) -> str:
    """``text`` with the dateline of a wire story ("WASHINGTON, April 18 - ") ended as a sentence
    of its own, of the same length, so the parser does not read the place into the first clause.

    >>> separate_dateline("LIMA, May 2 - Peru and Chile signed a pact.")
    'LIMA, May 2 .\\nPeru and Chile signed a pact.'
    >>> separate_dateline("QUITO, Aug. 9 (AP) — Peru and Chile signed a pact.")
    'QUITO, Aug. 9 (AP) .\\nPeru and Chile signed a pact.'
    """
    m = _DATELINE.match(text)
    if m is None or not re.split(r"[,(]", text[:m.start("dash")])[0].strip().isupper():
        return text
    dash, space = m.span("dash"), m.span("space")
    return text[:dash[0]] + "." + " " * (dash[1] - dash[0] - 1) + "\n" + text[space[1]:]


def spaced_dashes(text: str) -> str:
    """``text`` with each hyphen set between spaces written as the dash it stands for (same length):
    the parser reads "A and B - X and Y -" as a compound word, "A and B – X and Y –" as an aside.

    >>> spaced_dashes("the ministers of Peru and Chile - Ana Lima and Luis Soto - met")
    'the ministers of Peru and Chile – Ana Lima and Luis Soto – met'
    """
    return text.replace(" - ", " – ")


def for_parser(text: str, cased: Mapping[str, str]) -> str:
    """The text as the parser reads it: unwrapped, truecased, its dateline apart, its spaced hyphens
    dashes (same length)."""
    return spaced_dashes(separate_dateline(truecase(unwrap(text), cased)))


def is_hard_wrapped(text: str) -> bool:
    """True if most lines end near one width, well before a paragraph would end."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 4:
        return False
    widths = sorted(len(ln.rstrip()) for ln in lines)
    width = widths[int(len(widths) * 0.8)]  # most lines are at most this wide
    if not 30 <= width <= 100:
        return False
    # lines that end mid-sentence (no closing punctuation) show the wrapping
    open_ends = sum(1 for ln in lines if ln.rstrip()[-1:] not in ".!?:\"'”’)")
    return open_ends >= len(lines) * 0.4 and max(widths) <= width + 40


def unwrap(text: str) -> str:
    """``text`` with hard-wrapped paragraphs joined, of the same length (see the module's docstring)."""
    if "\n" not in text or not is_hard_wrapped(text):
        return text
    chars = list(text)
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch != "\n":
            continue
        prev_nl = i > 0 and text[i - 1] == "\n"
        next_ch = text[i + 1] if i + 1 < n else "\n"
        if prev_nl or next_ch == "\n":
            continue  # a blank line already separates paragraphs
        if next_ch in " \t":
            chars[i + 1] = "\n"  # an indented line starts a paragraph
        else:
            chars[i] = " "
    return "".join(chars)


def is_shouting(line: str) -> bool:
    """True if a line is set in capitals ("CHINA, BRAZIL SIGN TRADE PACT")."""
    letters = sum(map(str.isalpha, line))  # (counted without a Python step per character)
    if letters < 8 or sum(map(str.isupper, line)) < 0.85 * letters:
        return False  # (most lines; a few capitals, such as "Ⅳ", are no letters, so count again)
    return sum(ch.isupper() for ch in line if ch.isalpha()) >= 0.85 * letters


def truecase(text: str, cased: Mapping[str, str]) -> str:
    """``text`` with each line set in capitals written as news prints it, of the same length: a run
    of words that ``cased`` knows (lower case name -> usual form: "north korea" -> "North Korea",
    "eu" -> "EU") takes its usual form, any other word is lower case, and a line starts with a
    capital. The parser reads words in capitals as names.

    >>> truecase("RUSSIA, NORTH KOREA SIGN TRADE PACT", {"russia": "Russia", "north korea": "North Korea"})
    'Russia, North Korea sign trade pact'
    >>> truecase("U.S. BOMBS LIBYA", {"u.s.": "U.S.", "libya": "Libya"})
    'U.S. bombs Libya'
    """
    if not any(is_shouting(line) for line in text.split("\n")):
        return text
    out = []
    for line in text.split("\n"):
        if is_shouting(line):
            line = _case_line(line, cased)
            first = next((i for i, ch in enumerate(line) if ch.isalpha()), None)
            if first is not None:
                line = line[:first] + line[first].upper() + line[first + 1:]
        out.append(line)
    return "\n".join(out)


def is_title_case(line: str) -> bool:
    """True if a line capitalises its words as some outlets set headlines ("Turkey Shoots Down
    Russian Warplane Near Syrian Border"): three or more of its longer words after the first, and
    three in four of them, begin with a capital."""
    words = [w.group() for w in _WORD.finditer(line)][1:]
    longer = [w for w in words if len(w) >= 4]
    capped = sum(w[0].isupper() for w in longer)
    return capped >= 3 and capped >= 0.75 * len(longer) and not is_shouting(line)


def headline_case(title: str, body: str, cased: Mapping[str, str], common: frozenset[str] = frozenset()) -> str:
    """``title`` cased as a sentence, for the parser, and of the same length: a headline in capitals
    is truecased (see :func:`truecase`); in one in title case, each capitalised word that ``cased``
    does not know as a name is set in lower case where the article's body writes it so, or where it,
    or its stem, is one of the ``common`` words of English ("EU Sanctions Belarusian Officials" ->
    "EU sanctions Belarusian officials"). The parser reads a capitalised word as a name, and a
    headline's verb read as a name leaves it without one.

    >>> headline_case("Turkey Shoots Down Russian Warplane", "Turkey shot down a warplane.",
    ...               {"turkey": "Turkey", "russian": "Russian"}, frozenset({"shoot"}))
    'Turkey shoots down Russian warplane'
    """
    if not is_title_case(title):
        return _names_from_body(truecase(title, cased), title, body)
    lower_in_body = {w.group() for w in _WORD.finditer(body) if w.group()[0].islower()}
    chars = list(title)
    words = list(_WORD.finditer(title))
    named = set()  # words of names of several words ("United States", "Solomon Islands")
    for i in range(len(words)):
        for n in range(min(5, len(words) - i), 1, -1):
            run = words[i:i + n]
            if all(title[a.end():b.start()] == " " for a, b in zip(run, run[1:])) and \
                    title[run[0].start():run[-1].end()].lower() in cased:
                named.update(range(i, i + n))
                break
    for n, w in enumerate(words):
        word = w.group()
        if n == 0 or n in named or not word[0].isupper() or not word[1:].islower() and len(word) > 1:
            continue
        low = word.lower()
        known = cased.get(low)
        if known is not None and known[0].isupper():
            continue  # a name ("Turkey", "Prague"), whatever the body does with the word
        if low in lower_in_body or low in _HEADLINE_SMALL_WORDS or any(f in common for f in _stems(low)):
            chars[w.start()] = word[0].lower()
    return "".join(chars)


def _names_from_body(cased_title: str, title: str, body: str) -> str:
    """A truecased headline with the names the gazetteer does not know capitalised as the body writes
    them inside its sentences, and never in lower case.

    >>> _names_from_body("Mozambique's chissano signs treaty", "MOZAMBIQUE'S CHISSANO SIGNS TREATY",
    ...                  "Officials said President Joaquim Chissano signed it.")
    "Mozambique's Chissano signs treaty"
    """
    if cased_title == title:
        return cased_title
    inside = re.compile(r"(?<=[\w,] )[^\W\d_]+")  # a word after a word or comma: not a sentence's first
    capital = {w.group().lower() for w in inside.finditer(body) if w.group()[0].isupper()}
    lower = {w.group() for w in _WORD.finditer(body) if w.group()[0].islower()}
    chars = list(cased_title)
    for w in _WORD.finditer(cased_title):
        word = w.group()
        if word.islower() and word in capital and word not in lower and word not in _HEADLINE_SMALL_WORDS:
            chars[w.start()] = word[0].upper()
    return "".join(chars)


def _stems(word: str) -> list[str]:
    """``word`` and the forms it may be inflected from ("visits" visit, "launches" launch, "killed"
    kill, "talks" talk, "agreeing" agree, "carries" carry)."""
    out = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[:-len(suffix)] + repl)
    return out


# words a title-case headline capitalises that are never names in it
_HEADLINE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "as", "at", "by", "for", "from", "in",
                                   "into", "of", "on", "over", "to", "with", "near", "after", "amid", "against"})


def _case_line(line: str, cased: Mapping[str, str]) -> str:
    words = list(_WORD.finditer(line))
    chars = list(line.lower())
    i = 0
    while i < len(words):
        for n in range(min(5, len(words) - i), 0, -1):
            run = words[i:i + n]
            if any(line[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            start, end = run[0].start(), run[-1].end()
            form = cased.get(line[start:end].lower())
            if "." in line[start:end] and line[end:end + 1] == "." and (dotted := cased.get(line[start:end + 1].lower())):
                form, end = dotted, end + 1  # "U.S." and "U.N.", whose last period the word pattern leaves
            if form is not None and len(form) == end - start:
                chars[start:end] = form
                i += n
                break
        else:
            i += 1
    new = "".join(chars)
    return new if len(new) == len(line) else line


_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")
