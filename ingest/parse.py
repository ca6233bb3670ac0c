"""Parsing articles with spaCy at a cost that grows with the text, not faster.

spaCy parses a batch of texts at once, and the working memory of its tagger, parser and entity
recogniser for a batch grows faster than the batch: one 300 kB article takes over a gigabyte and
one of 1 MB several, and the parse itself slows down. So a long article is parsed in pieces of at
most :data:`PIECE_CHARS` characters, cut at paragraph breaks (else at a line break, a sentence end
or a space), and the pieces are joined again into one ``Doc`` whose text is the article's, with
every offset unchanged. Batches are bounded by their total length (:data:`BATCH_CHARS`) as well as
by their number of texts, so memory stays flat whatever the mix of long and short articles.

A text of at most :data:`PIECE_CHARS` characters (any news story) is parsed whole, as before.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = ["PIECE_CHARS", "BATCH_CHARS", "pieces", "parse"]

PIECE_CHARS = 20_000
BATCH_CHARS = 120_000


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece of ``text`` from ``start`` ends: after the last paragraph break in its
    second half, else after a line break, a sentence end or a space, else at the limit."""
    end = start + limit
    half = start + limit // 2
    for mark in ("\n\n", "\n", ". ", " "):
        at = text.rfind(mark, half, end)
        if at != -1:
            cut = at + len(mark)
            while cut < end and text[cut] == "\n":  # a run of blank lines stays in one piece
                cut += 1
            return cut
    return end


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters; they join into ``text``.

    >>> pieces("one.\\n\\ntwo.\\n\\nthree.", 8)
    ['one.\\n\\n', 'two.\\n\\n', 'three.']
    """
    out = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, limit)
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


@dataclass
class _Pending:
    context: object
    needed: int
    docs: list = field(default_factory=list)


def parse(nlp, items: Iterable[tuple[str, object]], batch_size: int = 32, *,
          piece_chars: int = PIECE_CHARS, batch_chars: int = BATCH_CHARS) -> Iterator[tuple[object, object]]:
    """``(Doc, context)`` for each ``(text, context)`` of ``items``, in order, like
    ``nlp.pipe(items, as_tuples=True)`` but in bounded memory (see the module's docstring)."""
    from spacy.tokens import Doc

    pending: deque[_Pending] = deque()

    def cut_up() -> Iterator[tuple[str, _Pending]]:
        for text, context in items:
            parts = pieces(text, piece_chars)
            entry = _Pending(context, len(parts))
            pending.append(entry)
            for part in parts:
                yield part, entry

    def batches() -> Iterator[list[tuple[str, _Pending]]]:
        batch: list[tuple[str, _Pending]] = []
        size = 0
        for part, entry in cut_up():
            if batch and (len(batch) >= batch_size or size + len(part) > batch_chars):
                yield batch
                batch, size = [], 0
            batch.append((part, entry))
            size += len(part)
        if batch:
            yield batch

    for batch in batches():
        for doc, entry in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            entry.docs.append(doc)
        while pending and len(pending[0].docs) == pending[0].needed:
            entry = pending.popleft()
            docs = entry.docs
            yield (docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)), entry.context
