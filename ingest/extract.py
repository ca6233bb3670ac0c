"""Extraction entry point: a parsed article in, its actors, roles and events out."""
from __future__ import annotations

from functools import lru_cache

from graph.records import Article, Extraction

__all__ = ["extract_doc", "gazetteer"]


@lru_cache(maxsize=1)
def gazetteer():
    return None


def extract_doc(doc, article: Article, gaz=None) -> Extraction:
    return Extraction(article=article)
