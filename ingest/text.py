"""Text as the parser should see it: hard-wrapped wire copy joined into paragraphs.

Wire stories and e-mailed texts often break lines at about 65 characters and start each paragraph
with an indent. A line break inside a paragraph can split a name ("Alan" / "Garcia") or a clause,
so before parsing, :func:`unwrap` joins such lines. It keeps every character offset: a break inside
a paragraph becomes a space, and an indented line start becomes a paragraph break, so the events'
offsets still point into the article text as it was read.

>>> unwrap("PARIS - Talks between France\\nand Iran have made progress, an official said\\non Friday, "
...        "after a week of\\nmeetings in the capital with the\\ndelegation from Tehran.\\n  Both sides "
...        "expect to meet\\nagain in April in Paris or in Tehran.")[:60]
'PARIS - Talks between France and Iran have made progress, an'
"""
from __future__ import annotations

__all__ = ["unwrap", "is_hard_wrapped"]


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
