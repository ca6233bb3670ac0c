"""dipgraph's pipeline reads the model's attribute ruler as a table and remembers its lemmatizer's
answers: every token must come out with the parts of speech, features, lemmas and labels the model's
own pipeline gives it."""
from pathlib import Path

import pytest
import spacy

from dipgraph.ingest.pipeline import DEFAULT_MODEL, load_nlp

ROOT = Path(__file__).resolve().parent.parent

# shapes that the ruler's rarer rules are for: two-token rules, spaces, auxiliaries, pronoun cases
ODD = [
    "We're gonna sign it, y'all, and I 'd say they ain't ready. Let's go; gotta run.",
    "There is a treaty.\n\n\n   It was signed , and there were talks .   ",
    "Did she have it? He did. They had had enough, hadn't they? I've been told it's done.",
    "Somebody said nothing; everyone knew that that was so. C'mon, 'em fellas 'll come.",
    "",
    "   ",
]


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    return spacy.load(DEFAULT_MODEL), load_nlp(DEFAULT_MODEL)


def test_pipeline_uses_the_table(pipelines):
    _, own = pipelines
    assert "attribute_ruler" in own.pipe_names
    assert type(own.get_pipe("attribute_ruler")).__name__ == "AttributeTable"
    assert type(own.get_pipe("lemmatizer")).__name__ == "LemmaTable"


def test_lemmas_stay_right_when_remembered(pipelines):
    """The second and later documents read lemmas the table has kept: the same as the model's, for
    forms whose lemma depends on the part of speech ("saw", "leaves", "meeting")."""
    stock, own = pipelines
    texts = ["She saw the saw. He leaves; the leaves fell. The meeting was meeting resistance."] * 3 + [
        "They met and are meeting again; the minister's meetings were cancelled."]
    for a, b in zip(stock.pipe(texts), own.pipe(texts)):
        assert [(t.text, t.lemma_) for t in a] == [(t.text, t.lemma_) for t in b]


def test_same_annotations_as_the_model(pipelines):
    stock, own = pipelines
    texts = list(ODD)
    for folder in ("tests/data/heldout2", "tests/data/heldout27"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("*.txt"))[:6]]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "samples").glob("*.md"))[:4]]
    compared = 0
    for a, b in zip(stock.pipe(texts), own.pipe(texts)):
        assert _annotations(a) == _annotations(b)
        compared += len(a)
    assert compared > 5000
