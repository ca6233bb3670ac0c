"""CAMEO event codes and dipgraph's relations, both ways, from the one table ``data/cameo.tsv``.

A code belongs to the relation of its longest prefix in the table (``"0573"`` -> signedAgreementWith,
``"0531"`` -> cooperatedWith, ``"043"`` -> none); a relation's codes are its rows, the same codes the
ontology gives it as ``dip:cameo``.

>>> table = cameo_table()
>>> table.relation_of("1121"), table.codes_of("accused")
('accused', ('112',))
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .vocab import data_dir

__all__ = ["CameoTable", "cameo_table", "read_cameo_table"]


@dataclass(frozen=True)
class CameoTable:
    """Code prefix -> relation name, and the meaning of each code in the CAMEO codebook."""

    relations: dict[str, str]
    meanings: dict[str, str]

    def relation_of(self, code: str) -> str | None:
        """The relation a CAMEO code stands for, by its longest prefix in the table; None for none."""
        code = code.strip()
        if not code.isdigit():
            return None
        for n in range(len(code), 1, -1):
            rel = self.relations.get(code[:n])
            if rel is not None:
                return rel
        return None

    def codes_of(self, relation: str) -> tuple[str, ...]:
        """The codes (and prefixes) of a relation, sorted: ``codes_of("attacked") == ("18", "19", "20")``."""
        return tuple(sorted(c for c, r in self.relations.items() if r == relation))


def read_cameo_table(path: Path) -> CameoTable:
    """The table of a ``cameo.tsv`` file (``#`` comment lines, a header line, tab-separated rows);
    ValueError naming the file and line for a row that is not a code with a relation."""
    relations: dict[str, str] = {}
    meanings: dict[str, str] = {}
    header = None
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("\t")]
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            code, rel = row.get("cameo", ""), row.get("relation", "")
            if not code.isdigit() or not rel:
                raise ValueError(f"{path}:{n}: expected a CAMEO code and a relation, found {line.strip()!r}")
            relations[code] = rel
            meanings[code] = row.get("meaning", "")
    return CameoTable(relations, meanings)


@lru_cache(maxsize=1)
def cameo_table() -> CameoTable:
    """The project's table (``data/cameo.tsv``), read once."""
    return read_cameo_table(data_dir() / "cameo.tsv")
