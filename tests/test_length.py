"""Long articles cost in proportion to their length: extraction makes a number of calls that grows
with the text, not with its square, and spaCy is given pieces of a long article, joined again into
one document with the article's own text and offsets. (Seconds and memory by length are measured in
benchmarks/bench_length.py, not here.)"""
from __future__ import annotations

import sys
from datetime import date

import pytest

from dipgraph.graph.records import Article
from dipgraph.ingest.extract import extract_doc, gazetteer
from dipgraph.ingest.parse import BATCH_CHARS, PIECE_CHARS, parse, pieces
from dipgraph.ingest.pipeline import Extractor, load_nlp

PEOPLE = [("Anna Petrova", "Russia", "Russian"), ("Kenji Sato", "Japan", "Japanese"),
          ("Maria Costa", "Brazil", "Brazilian"), ("Ahmed Haddad", "Egypt", "Egyptian"),
          ("Lena Fischer", "Germany", "German"), ("Tomas Novak", "Czech Republic", "Czech")]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def paragraph(i: int) -> str:
    """A paragraph with the references extraction resolves: titles, pronouns, the two sides, dates,
    an act named again ("the launch"), a group ("both countries")."""
    (p, c, d), (q, e, f) = PEOPLE[i % 6], PEOPLE[(i + 1 + i // 6) % 6]
    if e == c:
        (q, e, f) = PEOPLE[(i + 2) % 6]
    month, year = MONTHS[i % 6], 1990 + i % 30
    return (f"{d} Foreign Minister {p} met {f} Foreign Minister {q} in the capital on {month} {i % 27 + 1}, "
            f"{year}. He said the talks were useful. The {d} foreign minister later urged {e} to sign the treaty. "
            f"{c} launched a satellite on Monday. {e} condemned the launch. "
            f"The two sides agreed to meet again, and both countries signed an agreement in {month}. "
            f"It criticized {e} in a statement, officials said.")


def article(paragraphs: int) -> Article:
    return Article(text="\n\n".join(paragraph(i) for i in range(paragraphs)), title="Digest",
                   id=f"digest-{paragraphs}", published=date(2020, 12, 31))


def calls(fn) -> int:
    """How many Python and C-level calls ``fn()`` makes (a count, not a time: the same every run)."""
    n = 0

    def count(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n


@pytest.mark.slow
def test_extraction_work_grows_in_proportion_to_the_article():
    """Before, every sentence rebuilt all the entities of the document and every reference read all
    the mentions before it: three times the text made about nine times the calls."""
    nlp, gaz = load_nlp(), gazetteer()
    counted = {}
    for n in (100, 300):
        a = article(n)
        [(doc, _)] = list(parse(nlp, [(a.text, a)]))
        ex = None

        def run():
            nonlocal ex
            ex = extract_doc(doc, a, gaz)

        counted[n] = calls(run)
        # the references were resolved: the title, the act named again, the two sides
        assert len(ex.events) >= 5 * n
        assert {e.predicate for e in ex.events} == {"met", "urged", "criticized", "signedAgreementWith"}
    ratio = counted[300] / counted[100]
    assert ratio < 3.6, f"three times the text made {ratio:.1f} times the calls"


class Spy:
    """The real spaCy pipeline, noting the texts it is given at a time."""

    def __init__(self, nlp):
        self.nlp, self.batches = nlp, []

    def pipe(self, items, **kwargs):
        items = list(items)
        self.batches.append([len(t) for t, _ in items])
        return self.nlp.pipe(items, **kwargs)


def test_a_long_article_is_parsed_in_pieces_and_joined_into_its_own_text():
    nlp = load_nlp()
    long, short = article(160), article(3)
    assert len(long.text) > 3 * PIECE_CHARS
    spy = Spy(nlp)

    class Spied(Extractor):
        @property
        def nlp(self):
            return spy

    exs = list(Spied(batch_size=4).pipe([short, long, short]))
    assert [e.article.id for e in exs] == ["digest-3", "digest-160", "digest-3"]
    sizes = [n for batch in spy.batches for n in batch]
    # every text given (the bodies and the headlines, which are parsed too), in pieces of at most the limit
    assert max(sizes) <= PIECE_CHARS
    assert sum(sizes) == sum(len(a.text) + len(a.title) for a in (short, long, short))
    # a batch holds at most batch_size articles, each a body and its headline
    assert all(sum(batch) <= BATCH_CHARS and len(batch) <= 2 * 4 for batch in spy.batches)
    # the pieces join into the article's text, with the tokens of a parse in one piece
    [(joined, _)] = list(parse(nlp, [(long.text, None)]))
    whole = nlp(long.text)
    assert joined.text == long.text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    # and the events point at the same sentences
    ev = exs[1].events
    assert ev and all(long.text[e.start:e.end] == e.sentence for e in ev)


@pytest.mark.parametrize("text, limit, expected", [
    ("one.\n\ntwo.\n\nthree.", 8, ["one.\n\n", "two.\n\n", "three."]),
    ("one two three four five six", 10, ["one two ", "three ", "four five ", "six"]),
    ("a.\n\n\n\nb. c", 6, ["a.\n\n\n\n", "b. c"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("short", 100, ["short"]),
])
def test_pieces_cut_at_the_best_break_and_join_into_the_text(text, limit, expected):
    got = pieces(text, limit)
    assert got == expected and "".join(got) == text and all(len(p) <= limit for p in got)
