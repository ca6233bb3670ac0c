"""Relations read the right way: families follow CAMEO's quad classes, and the shipped query that
lists a country's relations says who did what to whom."""
from __future__ import annotations

from pathlib import Path

from test_cli import dipgraph, ok

from dipgraph.graph.vocab import relations

ROOT = Path(__file__).resolve().parent.parent


def test_each_family_is_the_side_of_cameo_its_root_code_falls_on():
    for rel in relations():
        root = int(min(rel.cameo)[:2])  # the first root code the relation claims
        side = "cooperation" if root <= 8 else "conflict"
        assert rel.family == side, (rel.name, rel.cameo, rel.family)
        assert (rel.goldstein > 0) == (side == "cooperation"), (rel.name, rel.goldstein)


def test_urged_is_an_appeal():
    urged = next(r for r in relations() if r.name == "urged")
    assert urged.family == "cooperation" and "02" in urged.cameo and urged.goldstein > 0


def test_partners_of_russia_shows_who_acted(tmp_path):
    store = str(tmp_path / "s")
    ok(dipgraph("ingest", str(ROOT / "data/samples/russia-invades-ukraine.md"), "--store", store))
    out = ok(dipgraph("query", "-f", str(ROOT / "data/queries/03-partners-of-russia.rq"), "--store", store,
                      "--format", "csv"))
    rows = [line.split(",") for line in out.splitlines()[1:]]
    assert ["Russia", "attacked", "Ukraine"] in [r[:3] for r in rows]
    assert ["Ukraine", "attacked", "Russia"] not in [r[:3] for r in rows]
