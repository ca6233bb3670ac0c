"""SPARQL latency: dipgraph's on-disk Oxigraph store against rdflib's default Memory store, same triples.

The corpus is synthetic (benchmarks/synth.py) and sized in triples. rdflib runs in a child process
so that its memory does not count against the rest of the run, with a time bound per query (rdflib
is pure Python, so an alarm stops a query that runs past its bound; the figure is then a lower bound).
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dipgraph.graph.rdf import actor_triples, article_triples, iter_actors
from dipgraph.graph.vocab import PREFIXES, ontology_graph

from .synth import LAVROV, RUSSIA, synthetic_extractions, write_nquads

__all__ = ["QUERIES", "run", "articles_for"]

_P = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
LAV = f"<https://w3id.org/dipgraph/resource/{LAVROV.key}>"
RUS = f"<https://w3id.org/dipgraph/resource/{RUSSIA.key}>"

QUERIES = {
    "meetings of one person, with dates": f"""
        SELECT ?other ?date ?article WHERE {{
          {{ ?e dip:subject {LAV} ; dip:object ?other ; dip:predicate dip:met ; dip:date ?date ;
                prov:wasDerivedFrom ?article }}
          UNION
          {{ ?e dip:object {LAV} ; dip:subject ?other ; dip:predicate dip:met ; dip:date ?date ;
                prov:wasDerivedFrom ?article }}
        }} ORDER BY ?date""",
    "events per country pair and predicate": """
        SELECT ?s ?o ?p (COUNT(?e) AS ?n) WHERE {
          ?e dip:subject ?s ; dip:object ?o ; dip:predicate ?p .
          ?s a dip:Country . ?o a dip:Country .
        } GROUP BY ?s ?o ?p ORDER BY DESC(?n)""",
    "partners of Russia, with counts": f"""
        SELECT ?partner (COUNT(?e) AS ?n) WHERE {{
          {{ ?e dip:subject {RUS} ; dip:predicate ?p . ?p dip:family dip:cooperation . ?e dip:object ?partner }}
          UNION
          {{ ?e dip:object {RUS} ; dip:predicate ?p . ?p dip:family dip:cooperation . ?e dip:subject ?partner }}
        }} GROUP BY ?partner ORDER BY DESC(?n)""",
    "two hops: who met those Lavrov met": f"""
        SELECT ?c (COUNT(DISTINCT ?b) AS ?via) WHERE {{
          {LAV} (dip:met|^dip:met) ?b . ?b (dip:met|^dip:met) ?c . FILTER(?c != {LAV})
        }} GROUP BY ?c ORDER BY DESC(?via)""",
}

TRIPLES_PER_ARTICLE = 111  # measured on the generator; used only to size a corpus


def articles_for(triples: int) -> int:
    return max(10, round(triples / TRIPLES_PER_ARTICLE))


def _nquads(n_articles: int, path: Path) -> None:
    """The corpus as N-Quads, as the store would hold it (one graph per article, one actors graph)."""
    with open(path, "w", encoding="utf-8") as fh:
        write_nquads(synthetic_extractions(n_articles), fh)


def _time_oxigraph(store_dir: Path, repeat: int) -> dict:
    from dipgraph.graph.store import Store

    out = {}
    with Store(store_dir) as st:
        out["triples"] = len(st)
        for name, q in QUERIES.items():
            rows = len(list(st.query(q)))  # warm-up, and the row count
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                list(st.query(q))
                times.append(time.perf_counter() - t)
            out[name] = {"seconds": statistics.median(times), "rows": rows}
    return out


class _Stop(Exception):
    pass


def _rdflib_child(n_articles: int, budget: float) -> dict:
    """Runs in a child process: the same corpus, its union of graphs in rdflib's Memory store, timed."""
    from rdflib import Graph

    def alarm(signum, frame):
        raise _Stop()

    signal.signal(signal.SIGALRM, alarm)
    t = time.perf_counter()
    g = Graph()  # rdflib's default store: Memory
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    seen: set[str] = set()
    for ex in synthetic_extractions(n_articles):
        for triple in article_triples(ex):
            g.add(triple)
        for a in iter_actors(ex):
            if a.key not in seen:
                seen.add(a.key)
                for triple in actor_triples(a):
                    g.add(triple)
    for triple in ontology_graph():
        g.add(triple)
    out: dict = {"load_seconds": time.perf_counter() - t, "triples": len(g)}
    # rdflib builds its query parser on first use: warm it up on a query that is not measured
    list(g.query(_P + "SELECT ?x WHERE { ?x a dip:NoSuchClass } LIMIT 1"))
    for name, q in QUERIES.items():
        times: list[float] = []
        while True:
            signal.setitimer(signal.ITIMER_REAL, budget)
            t = time.perf_counter()
            try:
                rows = len(list(g.query(_P + q)))
                times.append(time.perf_counter() - t)
            except _Stop:
                out[name] = {"seconds": time.perf_counter() - t, "rows": None, "stopped": True}
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            # a query quick enough runs three times, as on the Oxigraph side it runs several
            if len(times) == 3 or sum(times) > budget / 8:
                out[name] = {"seconds": statistics.median(times), "rows": rows, "runs": len(times)}
                break
    return out


def _rdflib(n_articles: int, budget: float, wall: float) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.bench_sparql", "--rdflib-child", str(n_articles), str(budget)]
    root = Path(__file__).resolve().parent.parent
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=root, timeout=wall,
                           env={**os.environ, "PYTHONPATH": str(root)})
    except subprocess.TimeoutExpired:
        return {"error": f"rdflib did not load and answer within {wall:.0f} s"}
    if r.returncode != 0:
        return {"error": (r.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def run(sizes=(100_000, 1_000_000), *, repeat: int = 5, budget: float = 60.0, wall: float = 420.0,
        log=print) -> list[dict]:
    """One result per store size: load times, and per query the Oxigraph and rdflib latencies."""
    from dipgraph.graph.store import Store

    results = []
    for size in sizes:
        n = articles_for(size)
        with tempfile.TemporaryDirectory(prefix="dipgraph-bench-") as tmp:
            nq = Path(tmp) / "corpus.nq"
            t = time.perf_counter()
            _nquads(n, nq)
            gen = time.perf_counter() - t
            t = time.perf_counter()
            with Store(Path(tmp) / "store") as st:
                st.oxigraph.bulk_load(path=str(nq), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
                st.oxigraph.optimize()
            ox_load = time.perf_counter() - t
            log(f"  sparql {size:,}: {n} articles generated in {gen:.1f}s, Oxigraph bulk load {ox_load:.1f}s")
            ox = _time_oxigraph(Path(tmp) / "store", repeat)
            log(f"  sparql {size:,}: Oxigraph queries done ({ox['triples']:,} quads); rdflib loading...")
            rd = _rdflib(n, budget, wall)
            log(f"  sparql {size:,}: rdflib " + ("done" if "error" not in rd else rd["error"]))
        results.append({"target": size, "articles": n, "quads": ox["triples"], "generate_seconds": gen,
                        "oxigraph_load_seconds": ox_load, "oxigraph": ox, "rdflib": rd})
    return results


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--rdflib-child":
        print(json.dumps(_rdflib_child(int(sys.argv[2]), float(sys.argv[3]))))
    else:
        sizes = tuple(int(a) for a in sys.argv[1:]) or (100_000,)
        print(json.dumps(run(sizes), indent=2))
