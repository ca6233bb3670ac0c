"""data/words.tsv, the word lists the rules read: each list is described once in the header, so one
name never holds two lists, and each described list has words."""
import re
from collections import Counter

from dipgraph.graph.vocab import data_dir
from ingest.words import WORDS

HEADER = re.compile(r"^#   ([a-z_]+): ")


def _described() -> Counter:
    lines = (data_dir() / "words.tsv").read_text(encoding="utf-8").splitlines()
    return Counter(m.group(1) for ln in lines if (m := HEADER.match(ln)))


def test_each_list_is_described_once():
    twice = sorted(name for name, n in _described().items() if n > 1)
    assert twice == [], f"described more than once (two lists under one name?): {twice}"


def test_every_list_is_described_and_every_description_has_words():
    described = set(_described())
    used = set(WORDS._rows)
    assert sorted(used - described) == []
    assert sorted(described - used) == []
