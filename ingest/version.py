"""Which extractor made an article's events: the package version and a digest of the rules.

The rules are data (the lexicon, gazetteers and word lists in the data folder) and the modules
that read the parse. When either changes, :func:`extractor_version` changes, and the next ingest
extracts again the articles stored by an earlier extractor, though their text is the same.

>>> extractor_version().startswith("dipgraph-")
True
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dipgraph.graph.vocab import data_dir

__all__ = ["extractor_version", "RULE_MODULES"]

# the modules whose code decides what is extracted
RULE_MODULES = ("actors", "dates", "extract", "gazetteer", "relations", "shapes", "text", "words")


@lru_cache(maxsize=4)
def extractor_version(folder: str | None = None) -> str:
    """ "dipgraph-0.1.0+" and twelve hex digits of the digest of the rule data and rule code."""
    digest = hashlib.sha256()
    data = Path(folder) if folder else data_dir()
    files = sorted(data.glob("*.tsv")) + [Path(__file__).with_name(f"{m}.py") for m in RULE_MODULES]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"dipgraph-{_package_version()}+{digest.hexdigest()[:12]}"


def _package_version() -> str:
    try:
        return metadata.version("dipgraph")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
