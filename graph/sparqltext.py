"""SPARQL text read lexically, before any parsing: code point escapes and the spans (strings,
IRIs, comments) in which a keyword is no keyword. The server's SERVICE check and the LOAD check
share them."""
from __future__ import annotations

import re

__all__ = ["LEXICAL", "unescape"]

ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
LEXICAL = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n\r]*", re.DOTALL)


def unescape(text: str) -> str:
    """Apply SPARQL's code point escapes, which parsers process before anything else."""
    def one(m: re.Match) -> str:
        try:
            return chr(int(m[1] or m[2], 16))
        except ValueError:
            return m[0]
    return ESCAPE.sub(one, text)
