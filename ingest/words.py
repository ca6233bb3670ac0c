"""The word lists the extraction rules look for, read from ``data/words.tsv``.

Light verbs, modality cues, institutions, event nouns and the other closed sets of words the rules
need are data a user can read and extend, not Python literals. Each list is read once, at start.

>>> "hold" in WORDS.set("light_verbs")
True
"""
from __future__ import annotations

import csv
from pathlib import Path

from dipgraph.graph.vocab import data_dir

__all__ = ["WordLists", "WORDS"]


class WordLists:
    """The lists of one ``words.tsv``: plain sets, and maps from a word to a value."""

    def __init__(self, path: Path):
        self.path = path
        self._rows: dict[str, list[tuple[str, str]]] = {}
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
        except OSError as exc:
            raise RuntimeError(f"{path}: cannot read the word lists ({exc.strerror})") from None
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            self._rows.setdefault(row["list"], []).append((row["word"], row.get("value") or ""))

    def _list(self, name: str) -> list[tuple[str, str]]:
        try:
            return self._rows[name]
        except KeyError:
            raise RuntimeError(f"{self.path}: no word list named {name!r}") from None

    def set(self, name: str) -> frozenset[str]:
        return frozenset(w for w, _ in self._list(name))

    def map(self, name: str) -> dict[str, str]:
        return {w: v for w, v in self._list(name)}

    def multimap(self, name: str) -> dict[str, frozenset[str]]:
        return {w: frozenset(v.split("|")) for w, v in self._list(name)}


WORDS = WordLists(data_dir() / "words.tsv")
