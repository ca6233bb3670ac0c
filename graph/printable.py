"""Text from articles made safe to print: control characters shown, never obeyed.

A title may hold terminal escape sequences (ESC, CSI...) that would retitle the terminal, clear
the screen or hide text, a newline that would break a one-line-per-article listing, or Unicode
direction overrides that would show text reversed. Everything dipgraph prints as text goes
through :func:`printable` (one field) or :func:`printable_lines` (a message or a block of lines);
data formats written to a terminal go through :func:`printable_bytes`.
"""
from __future__ import annotations

import re

__all__ = ["printable", "printable_lines", "printable_bytes"]

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
# C0 and C1 controls, DEL, and the Unicode bidirectional formatting characters.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _show(m: re.Match) -> str:
    ch = m[0]
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """One field on one line: every control character (newline and tab included) shown escaped,
    e.g. ``"a\\x1b[2Jb"`` -> ``'a\\\\x1b[2Jb'``."""
    return _CONTROL.sub(_show, text)


def printable_lines(text: str) -> str:
    """A block of text: line breaks and tabs kept, every other control character shown escaped."""
    return _CONTROL_IN_LINES.sub(_show, text)


def printable_bytes(data: bytes) -> bytes:
    """UTF-8 output (CSV, Turtle...) for a terminal: line breaks and tabs kept, other control
    characters shown escaped; bytes that are not UTF-8 are shown as replacement characters."""
    text = data.decode("utf-8", "replace")
    return printable_lines(text).encode("utf-8")
