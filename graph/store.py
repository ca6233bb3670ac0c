"""The on-disk RDF store: Oxigraph, one named graph per article, the ontology always present.

Writes go through SPARQL Update so that each article is replaced in one transaction: a crash
mid-ingest leaves either the old version of an article or the new one, never half of either.
Only one process may open a store for writing at a time (Oxigraph holds a lock on the folder).
"""
from __future__ import annotations

import errno
import functools
import json
from functools import lru_cache
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .dataset import Dataset, query_dataset, run_update
from .rdf import PIPELINE_VERSION, Terms, Triple, actor_triples, article_iri, article_triples, iter_actors
from .records import Actor, Extraction
from .settings import settings
from .vocab import DIP, PREFIXES, SDO, actors_graph_iri, data_dir, ontology_iri

SNAPSHOT_DIR = "serve-snapshots"  # a served store's snapshots for long queries, inside its folder
SERVER_FILE = "server.json"  # the address of the server holding a store, written by `dipgraph serve`

__all__ = ["SERVER_FILE", "SNAPSHOT_DIR", "Store", "StoreError", "summarize", "list_articles", "ARTICLES_QUERY", "default_store_path",
           "is_private", "make_private", "RDF_FORMATS", "put_update", "remove_update", "orphans_update", "orphan_quads_pattern",
           "ontology_quads", "ontology_stamp", "article_by_url_query"]

MARKER = "dipgraph-store.json"
STORE_FORMAT = 1
# Actors whose description this process has written, and that no removal has touched since, are
# not written again (most articles name actors already stored); past this many, the memory is reset.
KNOWN_ACTORS_MAX = 100_000
# Update text written between two flushes of the store's write buffers: RocksDB otherwise keeps
# every write of a long ingest in memory (about nine times the text) until its own, late, flush.
FLUSH_BYTES = 4_000_000

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig", "nquads"}


class StoreError(RuntimeError):
    """A store that cannot be opened or used, with a message meant for the user."""


# How RocksDB (and the system) say that a write found no room: a full disk, a quota, a file-size limit.
_NO_ROOM = ("no space left", "disk quota", "file too large")


def _write_error(path: Path, exc: OSError) -> StoreError:
    """One line for a failed write to the store at ``path``: a full disk says so and what to do."""
    msg = str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or any(m in msg.lower() for m in _NO_ROOM):
        why = next((m for m in ("No space left on device", "Disk quota exceeded", "File too large")
                    if m.lower() in msg.lower()), msg)
        return StoreError(f"{path}: the store cannot be written: its disk is full ({why}). Free some space "
                          "there, or move the store to a disk with room, and run the command again; what was "
                          "stored before is still there")
    return StoreError(f"{path}: cannot write the store ({msg})")


def _writes(method):
    """A Store method whose failed writes (a full disk) become one StoreError, not a traceback."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OSError as exc:
            raise _write_error(self.path, exc) from None
    return wrapper


def default_store_path() -> Path:
    """The store of the settings: ``$DIPGRAPH_STORE`` if set, else ``./dipgraph-store``."""
    return Path(settings().store)


def _n3(term) -> str:
    if isinstance(term, URIRef):
        return "<" + str(term).replace(">", "%3E") + ">"
    if isinstance(term, BNode):
        return "_:" + str(term)
    if isinstance(term, Literal):
        return term.n3()
    raise TypeError(f"not an RDF term: {term!r}")


def _block(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{_n3(s)} {_n3(p)} {_n3(o)} ." for s, p, o in triples)


def orphan_quads_pattern(g: URIRef) -> str:
    """A graph pattern matching the actors-graph quads ``?a ?p ?o`` of the actors that no article
    but ``g`` refers to: what removing ``g`` also removes."""
    a = actors_graph_iri()
    return (
        f"  {{ SELECT DISTINCT ?a WHERE {{ GRAPH <{g}> {{ {{ ?x ?q ?a }} UNION {{ ?a ?q ?x }} }} }} }}\n"
        f"  GRAPH <{a}> {{ ?a ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?h {{ {{ ?y ?r ?a }} UNION {{ ?a ?r ?y }} }}\n"
        f"     FILTER (?h != <{g}> && ?h != <{a}>) }}\n"
    )


def article_by_url_query(url: str) -> str:
    """A SELECT of the graph ``?g`` of the article stored with this url, if any."""
    return (f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g schema:url ?u }} FILTER(STR(?u) = {_n3(Literal(url))}) }} "
            "LIMIT 1")


def orphans_update(g: URIRef) -> str:
    """SPARQL Update text deleting the actors that no article but ``g`` refers to."""
    return f"DELETE {{ GRAPH <{actors_graph_iri()}> {{ ?a ?p ?o }} }} WHERE {{\n{orphan_quads_pattern(g)}}} ;\n"


def put_update(ex: Extraction, *, version: str = PIPELINE_VERSION) -> str:
    """SPARQL Update text replacing one article's named graph (one transaction on any SPARQL 1.1 store)."""
    g = article_iri(ex.article.key)
    return orphans_update(g) + f"DROP SILENT GRAPH <{g}> ;\n" + _insert_data(ex, version)


def _insert_data(ex: Extraction, version: str) -> str:
    """The INSERT DATA part of :func:`put_update`: the article's graph and its actors."""
    g = article_iri(ex.article.key)
    actors: list[Triple] = []
    for actor in iter_actors(ex):
        actors += actor_triples(actor)
    return (
        f"INSERT DATA {{ GRAPH <{g}> {{\n{_block(article_triples(ex, version=version))}\n}}\n"
        + f"GRAPH <{actors_graph_iri()}> {{\n{_block(actors)}\n}} }}"
    )


@lru_cache(maxsize=65536)
def _ox_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


class _OxTerms(Terms):
    """The mapping's terms made directly as pyoxigraph terms, for the write path."""

    iri = staticmethod(_ox_node)

    def literal(self, lexical: str, datatype: str | None = None) -> ox.Literal:
        if datatype is None:
            return ox.Literal(lexical)
        return ox.Literal(lexical, datatype=_ox_node(datatype))


_OX_TERMS = _OxTerms()


def _quads(ex: Extraction, version: str, actors: Iterable[Actor] | None = None) -> list[ox.Quad]:
    """The quads :func:`_insert_data` writes, as pyoxigraph terms; ``actors`` (default: all the
    extraction's) are the actors whose description to write in the actors graph."""
    g = _ox_node(str(article_iri(ex.article.key)))
    a = _ox_node(str(actors_graph_iri()))
    Q = ox.Quad
    out = [Q(s, p, o, g) for s, p, o in article_triples(ex, version=version, terms=_OX_TERMS)]
    for actor in iter_actors(ex) if actors is None else actors:
        out += [Q(s, p, o, a) for s, p, o in actor_triples(actor, terms=_OX_TERMS)]
    return out


def remove_update(g: URIRef) -> str:
    """SPARQL Update text removing exactly what the article graph ``g`` contributed."""
    return orphans_update(g) + f"DROP GRAPH <{g}>"


def _ontology_bytes() -> bytes:
    return (data_dir() / "ontology.ttl").read_bytes()


def ontology_stamp() -> ox.Literal:
    """The version stamp of the ontology file, stored with it so that a changed file is reloaded."""
    text = _ontology_bytes()
    return ox.Literal(str(len(text)) + ":" + __import__("hashlib").sha1(text).hexdigest())


def ontology_quads() -> list[ox.Quad]:
    """The ontology graph's quads, its stamp included, as every store holds them."""
    g = ox.NamedNode(str(ontology_iri()))
    quads = [ox.Quad(q.subject, q.predicate, q.object, g)
             for q in ox.parse(_ontology_bytes(), format=ox.RdfFormat.TURTLE, base_iri=str(ontology_iri()))]
    quads.append(ox.Quad(g, ox.NamedNode(str(DIP.textHash)), ontology_stamp(), g))
    return quads


ARTICLES_QUERY = """SELECT ?g ?id ?title ?pub ?url (COUNT(DISTINCT ?e) AS ?events) WHERE {
    GRAPH ?g { ?g a schema:NewsArticle ; schema:identifier ?id ; schema:headline ?title .
      OPTIONAL { ?g schema:datePublished ?pub } OPTIONAL { ?g schema:url ?url }
      OPTIONAL { ?e prov:wasDerivedFrom ?g ; a dip:Event } } }
  GROUP BY ?g ?id ?title ?pub ?url ORDER BY ?pub ?id"""


def list_articles(rows) -> list[dict]:
    """The rows of :data:`ARTICLES_QUERY` as plain dicts."""
    return [{
        "id": row["id"].value, "title": row["title"].value,
        "published": row["pub"].value if row["pub"] else None,
        "url": row["url"].value if row["url"] else None,
        "events": int(row["events"].value), "graph": row["g"].value,
    } for row in rows]


def summarize(select, triples: int) -> dict:
    """The counts of ``stats``, asked through ``select`` (a function running a SELECT over the union
    of all graphs), for an embedded store and a SPARQL server alike."""
    def pairs(q: str) -> dict[str, int]:
        return {r[0].value: int(r[1].value) for r in select(q)}

    actors = pairs(f"""SELECT ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE {{
          GRAPH <{actors_graph_iri()}> {{ ?a a ?c . VALUES (?c ?kind) {{
          (dip:Person "person") (dip:Country "country") (dip:FormerState "former state")
          (dip:Organisation "organisation") }} }} }} GROUP BY ?kind""")
    if "former state" in actors:
        actors["country"] = actors.get("country", 0) - actors["former state"]
    events = pairs("""SELECT ?name (COUNT(?e) AS ?n) WHERE {
          GRAPH ?g { ?e a dip:Event ; dip:predicate ?p } BIND(STRAFTER(STR(?p), "#") AS ?name)
          } GROUP BY ?name ORDER BY DESC(?n)""")
    modality = pairs("""SELECT ?m (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a dip:Event ; dip:modality ?m } }
          GROUP BY ?m ORDER BY DESC(?n)""")
    n_articles = next(iter(select(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }")))[0]
    return {
        "articles": int(n_articles.value),
        "actors": actors,
        "events": events,
        "modality": modality,
        "triples": triples,
    }


def is_private(folder: Path) -> bool:
    """True if only the owner may enter ``folder`` (no permission bits for group or others)."""
    try:
        return folder.stat().st_mode & 0o077 == 0
    except OSError:
        return False


def make_private(folder: Path) -> None:
    """Take group and other permissions off everything below ``folder`` (folders 0700, files 0600)."""
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            _chmod(Path(root, name), 0o700)
        for name in files:
            _chmod(Path(root, name), 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.lstat().st_mode & 0o777 != mode and not path.is_symlink():
            path.chmod(mode)
    except OSError:  # gone meanwhile (RocksDB removes files as it compacts them), or not ours
        pass


class Store:
    """A dipgraph store in a folder on disk.

    >>> store = Store(folder)                 # creates the folder on first use
    >>> store.put(extraction)                 # "added", "replaced" or "unchanged"
    'added'
    >>> store.put(extraction)                 # the same text by the same pipeline: nothing to do
    'unchanged'
    >>> [row["who"].value for row in store.query("SELECT ?who WHERE { ?e dip:subject ?s . ?s rdfs:label ?who }")]
    ['Wang Yi']
    >>> store.close()

    A new store folder is made 0700 and its files 0600 (only the owner may read the articles);
    a folder created beforehand with other permissions (to share the store with a group, say)
    keeps them, and the files then follow the umask.
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True):
        self.path = Path(path)
        self._unflushed = 0
        self._known_actors: set[Actor] = set()
        marker = self.path / MARKER
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: is a file, not a store folder")
        if self.path.is_dir() and not marker.exists():
            if any(self.path.iterdir()):
                raise StoreError(
                    f"{self.path}: not a dipgraph store (the folder has other files and no {MARKER}); "
                    "choose an empty or new folder")
        if not self.path.exists() and not create:
            raise StoreError(f"{self.path}: no store here (ingest something first)")
        if not self.path.exists():
            try:
                self.path.mkdir(parents=True, mode=0o700)
                self.path.chmod(0o700)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store folder ({exc.strerror or exc})") from None
        if marker.exists():
            try:
                info = json.loads(marker.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{marker}: unreadable store marker ({exc})") from None
            if info.get("format") != STORE_FORMAT:
                raise StoreError(f"{self.path}: store format {info.get('format')!r} is not {STORE_FORMAT}")
        try:
            self._ox = ox.Store(str(self.path))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreError(
                    f"{self.path}: the store is open in another process (for example `dipgraph serve`); "
                    "stop it, or send the work to that process") from None
            if any(m in msg.lower() for m in _NO_ROOM):
                raise _write_error(self.path, exc) from None
            raise StoreError(f"{self.path}: cannot open the store ({msg})") from None
        self._init_contents(marker)

    @_writes
    def _init_contents(self, marker: Path) -> None:
        if not marker.exists():
            marker.write_text(json.dumps({"format": STORE_FORMAT, "created_by": PIPELINE_VERSION}) + "\n", "utf-8")
        self.private = is_private(self.path)
        self._remove_leftovers()
        self._ensure_ontology()
        if self.private:
            make_private(self.path)

    def _remove_leftovers(self) -> None:
        """Remove what a `dipgraph serve` that died left behind: its address and its query workers'
        snapshots (this process holds the store's lock, so no server holds it)."""

        shutil.rmtree(self.path / SNAPSHOT_DIR, ignore_errors=True)
        (self.path / SERVER_FILE).unlink(missing_ok=True)

    # -- life cycle -----------------------------------------------------------------------------
    def close(self) -> None:
        """Write what is buffered and let go of the store (StoreError if it cannot be written)."""
        ox_store, self._ox = getattr(self, "_ox", None), None
        if ox_store is not None:
            try:
                ox_store.flush()
            except OSError as exc:
                raise _write_error(self.path, exc) from None
            if getattr(self, "private", False):
                make_private(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for bulk paths. A removal or update made through it
        bypasses this object's memory of the actors it has written: call
        :meth:`forget_written_actors` (or open the store again) after one."""
        return self._ox

    def dataset(self):
        """The store as an rdflib ``Dataset`` (through oxrdflib), for notebooks and rdflib users."""
        from oxrdflib.store import OxigraphStore
        from rdflib import Dataset

        ds = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        for p, ns in PREFIXES.items():
            ds.bind(p, ns)
        return ds

    def _ensure_ontology(self) -> None:
        g = ox.NamedNode(str(ontology_iri()))
        stamp = ontology_stamp()
        marker = ox.NamedNode(str(DIP.textHash))
        if any(True for _ in self._ox.quads_for_pattern(g, marker, stamp, g)):
            return
        quads = ontology_quads()
        self._ox.update(f"DROP SILENT GRAPH <{ontology_iri()}>")
        self._ox.extend(quads)

    # -- articles ---------------------------------------------------------------------------------
    def article_hash(self, key: str) -> tuple[str, str] | None:
        """(text hash, pipeline version) stored for an article, or None if it is not stored."""
        g = ox.NamedNode(str(article_iri(key)))
        h = next(self._ox.quads_for_pattern(g, ox.NamedNode(str(DIP.textHash)), None, g), None)
        v = next(self._ox.quads_for_pattern(g, ox.NamedNode(str(DIP.extractor)), None, g), None)
        if h is None:
            return None
        return h.object.value, (v.object.value if v else "")

    def article_source(self, key: str) -> tuple[str | None, str] | None:
        """(digest of the file it was read from, or None if not known; title) of a stored article,
        or None if it is not stored."""
        g = ox.NamedNode(str(article_iri(key)))
        d = next(self._ox.quads_for_pattern(g, ox.NamedNode(str(DIP.sourceDigest)), None, g), None)
        t = next(self._ox.quads_for_pattern(g, ox.NamedNode(str(SDO.headline)), None, g), None)
        if d is None and t is None:
            return None
        return (d.object.value if d else None), (t.object.value if t else "")

    @_writes
    def put(self, ex: Extraction, *, force: bool = False, version: str = PIPELINE_VERSION) -> str:
        """Store one article's extraction in its own named graph, replacing any earlier version.

        Returns ``"added"``, ``"replaced"`` or ``"unchanged"`` (same text, same pipeline: skipped).
        """
        return self.put_many([ex], force=force, version=version)[0]

    @_writes
    def put_many(self, exs: Iterable[Extraction], *, force: bool = False,
                 version: str = PIPELINE_VERSION) -> list[str]:
        """:meth:`put` for several extractions. New articles are written together, as quads, in one
        transaction (whole articles only, so an interruption never leaves half of one); an article
        stored before is replaced by one SPARQL update of its own, which also drops the actors that
        only its old version named."""
        outcomes: list[str] = []
        pending: list[ox.Quad] = []
        pending_keys: set[str] = set()
        pending_actors: set[Actor] = set()

        def commit() -> None:
            if pending:
                self._ox.extend(pending)
                self._remember(pending_actors)
                self._unflushed += 120 * len(pending)
                pending.clear()
                pending_keys.clear()
                pending_actors.clear()

        for ex in exs:
            key = ex.article.key
            if key in pending_keys:  # the same article twice in one batch: the first goes in first
                commit()
            before = self.article_hash(key)
            if before is not None and not force and before == (ex.article.hash, version):
                outcomes.append("unchanged")
            elif before is None and self._graph_is_empty(key):
                # Nothing to drop and no actor that only this article named: its quads are the write.
                fresh = [a for a in iter_actors(ex) if a not in self._known_actors and a not in pending_actors]
                pending += _quads(ex, version, fresh)
                pending_actors.update(fresh)
                pending_keys.add(key)
                outcomes.append("added")
            else:
                commit()
                self._known_actors.clear()  # the update may delete actors that only the old version named
                text = put_update(ex, version=version)
                self._ox.update(text)
                self._unflushed += len(text)
                outcomes.append("added" if before is None else "replaced")
        commit()
        if self._unflushed >= FLUSH_BYTES:
            self._ox.flush()
            self._unflushed = 0
        return outcomes

    def _remember(self, actors: Iterable[Actor]) -> None:
        """Note actors whose description is now stored, so that later articles skip writing it."""
        actors = list(actors)
        if len(self._known_actors) + len(actors) > KNOWN_ACTORS_MAX:
            self._known_actors.clear()
        self._known_actors.update(actors)

    def _graph_is_empty(self, key: str) -> bool:
        g = ox.NamedNode(str(article_iri(key)))
        return next(self._ox.quads_for_pattern(None, None, None, g), None) is None

    def resolve_article(self, ref: str) -> URIRef | None:
        """The graph IRI of an article named by id, url or IRI, or None if not stored."""
        prefix = str(article_iri(""))
        candidates = [article_iri(ref)] + ([URIRef(ref)] if ref.startswith(prefix) else [])
        for c in candidates:
            try:
                if self._ox.contains_named_graph(ox.NamedNode(str(c))):
                    return c
            except ValueError:  # not a valid IRI, so not a stored graph
                continue
        for row in self._ox.query(article_by_url_query(ref), prefixes=PREFIXES):
            return URIRef(row["g"].value)
        return None

    @_writes
    def remove(self, ref: str) -> int:
        """Remove exactly what one article contributed; returns the number of quads removed.

        Raises KeyError if no such article is stored.
        """
        g = self.resolve_article(ref)
        if g is None:
            raise KeyError(ref)
        before = len(self._ox)
        self._known_actors.clear()
        self._ox.update(remove_update(g))
        return before - len(self._ox)

    def articles(self) -> list[dict]:
        """Every stored article: key, title, published date, url and number of events."""
        return list_articles(self._ox.query(ARTICLES_QUERY, prefixes=PREFIXES))

    # -- queries ----------------------------------------------------------------------------------
    def query(self, sparql: str, *, dataset: Dataset | None = None, **kwargs):
        """Run a SPARQL query; returns pyoxigraph's result object.

        A query that names no dataset (no ``FROM``, no ``FROM NAMED``, no ``dataset``) reads the
        union of all graphs as its default graph; one that names it reads exactly that dataset
        (``dataset``, the protocol's, wins over the query's own). The project's prefixes (dip:,
        res:, schema:, prov:, skos:, rdfs:, ...) are predeclared.
        """
        if not {"use_default_graph_as_union", "default_graph", "named_graphs"} & set(kwargs):
            kwargs.update(query_dataset(sparql, dataset))
        kwargs.setdefault("prefixes", PREFIXES)
        return self._ox.query(sparql, **kwargs)

    @_writes
    def update(self, sparql: str, *, dataset: Dataset | None = None, base_iri: str | None = None) -> None:
        """Run a SPARQL update whose WHEREs read what a query reads: the union of all graphs unless
        an operation names its dataset (``USING``, ``WITH``) or ``dataset`` (the protocol's
        ``using-graph-uri`` / ``using-named-graph-uri``) gives one. See :func:`graph.dataset.run_update`
        for when it is one transaction.

        Raises :class:`graph.dataset.DatasetError` for ``dataset`` given with USING or WITH."""
        self._known_actors.clear()
        run_update(self._ox, sparql, dataset=dataset, prefixes=PREFIXES, base=base_iri)

    def forget_written_actors(self) -> None:
        """Forget which actors' descriptions this object has written, after a write made underneath
        it (through :attr:`oxigraph`) that may have removed some: later articles write them again."""
        self._known_actors.clear()

    def __len__(self) -> int:
        return len(self._ox)

    def stats(self) -> dict:
        """Counts a user checks first: articles, actors by type, events by predicate, triples."""
        return summarize(self.query, len(self._ox))

    # -- export -----------------------------------------------------------------------------------
    def export(self, fmt: str, out: IO[bytes] | str | os.PathLike[str]) -> None:
        """Write the whole store: quads (trig, nquads) or the union of all graphs as triples."""
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
        if fmt in QUAD_FORMATS:
            self._ox.dump(out, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
            return
        triples = self._ox.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        unique = dict.fromkeys(triples)
        data = ox.serialize(unique, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
        if isinstance(out, (str, os.PathLike)):
            Path(out).write_bytes(data)
        else:
            out.write(data)

    def ontology_graph_iri(self) -> URIRef:
        return ontology_iri()
