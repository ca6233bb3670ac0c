"""The construction table: each sentence yields exactly the relations a careful reader finds.

``tests/data/constructions.tsv`` holds some 300 sentences written for this project, in the shapes news
is written in (passives with a "by" agent, event nouns with a possessor, light-verb phrases, compound
adjectives, datelines, titles shared over a list, coreference by role, headlines, modality, state
nouns, and sentences that must yield nothing). A sentence passes when the extraction has every listed
relation and nothing more: an extra relation fails it as surely as a missing one. Rows marked ``gap``
are constructions the rules do not yet read; they are expected to fail, strictly, so that one that
starts to pass is noticed and its mark removed.
"""
from __future__ import annotations

import csv
import datetime
from collections import Counter
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.graph.vocab import relation
from dipgraph.ingest.evaluate import GoldRow, score_extraction
from dipgraph.ingest.extract import gazetteer
from dipgraph.ingest.pipeline import Extractor

TABLE = Path(__file__).parent / "data" / "constructions.tsv"
PREDICATES = {"represents"} | {p for p in (
    "met", "visited", "phoned", "negotiatedWith", "signedAgreementWith", "cooperatedWith", "supported",
    "recognized", "aided", "suppliedArmsTo", "urged", "rejected", "criticized", "accused", "threatened",
    "sanctioned", "reducedRelationsWith", "attacked")}


def _rows() -> list[dict]:
    with TABLE.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def _gold(row: dict) -> list[GoldRow]:
    out = []
    for n, rel in enumerate(r for r in row["relations"].split(";") if r.strip()):
        subject, predicate, obj, modality = rel.split("|")
        out.append(GoldRow((subject,), predicate, (obj,), "", modality, True, "", n))
    return out


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    """Every sentence of the table extracted once, by id."""
    articles = [Article(id=r["id"], text=r["sentence"],
                        published=datetime.date.fromisoformat(r["published"]) if r["published"] else None)
                for r in ROWS]  # (an empty date: an article that carries none)
    return {ex.article.id: ex for ex in Extractor().pipe(articles)}


def test_the_table_covers_every_relation_and_the_negative_cases():
    """At least five sentences per relation, and sentences that must yield nothing."""
    per_predicate = Counter(g.predicate for r in ROWS for g in _gold(r))
    assert set(per_predicate) == PREDICATES
    assert all(per_predicate[p] >= 5 for p in PREDICATES), per_predicate
    assert sum(1 for r in ROWS if not r["relations"].strip()) >= 40
    assert all(relation(p) for p in PREDICATES - {"represents"})
    assert len({r["id"] for r in ROWS}) == len(ROWS) >= 150


def _params() -> list:
    gap = [pytest.mark.xfail(strict=True, reason="a construction the rules do not yet read")]
    return [pytest.param(r, id=f"{r['id']}-{r['construction']}", marks=gap if r["status"] == "gap" else [])
            for r in ROWS]


@pytest.mark.parametrize("row", _params())
def test_sentence_yields_exactly_its_relations(row, extractions):
    score = score_extraction(extractions[row["id"]], _gold(row), gazetteer())
    assert not score.misses and not score.false, (row["sentence"], score.misses, score.false)
