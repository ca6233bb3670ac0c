"""Which RDF dataset a SPARQL query or update reads, by the rules of SPARQL 1.1 and its protocol.

The store keeps every article in a named graph of its own and nothing in the default graph, so a
query that names no dataset reads *the union of all graphs* as its default graph (that is what
makes ``SELECT * WHERE { ?e dip:subject ?a }`` find every article's events). A query that names
its dataset, with ``FROM`` / ``FROM NAMED`` or the protocol's ``default-graph-uri`` /
``named-graph-uri``, is answered over exactly that dataset; the protocol's parameters win over the
query's clauses, and a dataset given in part is the whole dataset (only ``default-graph-uri``: no
named graphs; only ``named-graph-uri``: an empty default graph).

Updates follow the same rule: an operation's WHERE reads the union of all graphs unless the
operation names its graphs (``USING``, ``USING NAMED``, ``WITH``) or the protocol's
``using-graph-uri`` / ``using-named-graph-uri`` do (they become ``USING`` clauses). pyoxigraph's
update call has no dataset argument, so :func:`run_update` evaluates such a WHERE as a query over
the union and fills the operation's templates in itself (see there).

The text is read as tokens (strings, comments and IRIs skipped, braces counted), not fully parsed:
what is needed is the operations' boundaries, their first keywords and where their top-level
``WHERE`` stands, which SPARQL's grammar fixes at brace depth zero.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

__all__ = ["DatasetError", "Dataset", "names_dataset", "query_dataset", "rewrite_update", "run_update",
           "resolve_iri"]


class DatasetError(ValueError):
    """A dataset that cannot be given that way (for example protocol parameters and USING together)."""


@dataclass(frozen=True)
class Dataset:
    """A dataset given by the protocol: IRIs of the default graph's parts and of the named graphs.

    ``None`` for both means the protocol named no dataset; a list, even empty, is a given part.
    """

    default: tuple[str, ...] | None = None
    named: tuple[str, ...] | None = None

    @property
    def given(self) -> bool:
        return self.default is not None or self.named is not None


# -- tokens -----------------------------------------------------------------------------------------
_TOKEN = re.compile(
    r"(?P<skip>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\"|#[^\n\r]*)"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<brace>[{}])|(?P<semi>;)"
    r"|(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)"
    r"|(?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7]*)?:(?:[\w\-.:%\u00b7]|\\[^\s])*)"
    r"|(?P<bnode>_:[\w.\-]+)"
    r"|(?P<word>[A-Za-z][A-Za-z0-9_]*)"
    r"|(?P<other>\S)",
    re.DOTALL)


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int
    depth: int

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(text: str) -> list[_Tok]:
    out = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "skip":
            continue
        tok = m.group()
        if kind == "brace" and tok == "}":
            depth = max(0, depth - 1)
        out.append(_Tok(kind, tok, m.start(), m.end(), depth))
        if kind == "brace" and tok == "{":
            depth += 1
    return out


def names_dataset(query: str) -> bool:
    """True if a query gives its own dataset with ``FROM`` or ``FROM NAMED``."""
    if "from" not in query.lower():
        return False
    return any(t.keyword == "FROM" and t.depth == 0 for t in _tokens(query))


def resolve_iri(iri: str, base: str | None) -> str:
    """An IRI given by a client, made absolute against ``base`` when it is relative."""
    if base and not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri):
        return urljoin(base, iri)
    return iri


def query_dataset(query: str, dataset: Dataset | None = None) -> dict:
    """Keyword arguments for ``pyoxigraph.Store.query`` that give a query its dataset.

    The protocol's dataset wins; else the query's own ``FROM`` / ``FROM NAMED``; else the union of
    all graphs as the default graph, with every named graph available to ``GRAPH``.
    """
    import pyoxigraph as ox

    if dataset is not None and dataset.given:
        return {"default_graph": [ox.NamedNode(g) for g in dataset.default or ()],
                "named_graphs": [ox.NamedNode(g) for g in dataset.named or ()]}
    if names_dataset(query):
        return {}
    return {"use_default_graph_as_union": True}


# -- updates ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Operation:
    first: int          # index of the operation's first token (its prologue included)
    body: int           # index of its first token after the prologue
    last: int           # index of its last token
    kind: str           # "modify", "delete-where" or "other"
    where: int | None   # index of the top-level WHERE of a modify or delete-where
    named: bool         # names its dataset with USING or WITH

    @property
    def reads_union(self) -> bool:
        return self.kind != "other" and not self.named


def _operations(toks: list[_Tok]) -> list[_Operation]:
    ops: list[_Operation] = []
    start = 0
    bounds = [i for i, t in enumerate(toks) if t.kind == "semi" and t.depth == 0] + [len(toks)]
    for end in bounds:
        body = list(range(start, end))
        start = end + 1
        i = 0
        while i < len(body) and toks[body[i]].keyword in ("PREFIX", "BASE"):  # the prologue
            i += 3 if toks[body[i]].keyword == "PREFIX" else 2
        rest = body[i:]
        if not rest:
            continue
        top = [j for j in rest if toks[j].depth == 0]
        words = [toks[j].keyword for j in top]
        first = words[0] if words else ""
        second = words[1] if len(words) > 1 else ""
        kind = "other"
        if first == "WITH" or (first == "INSERT" and second != "DATA") or \
                (first == "DELETE" and second not in ("DATA", "WHERE")):
            kind = "modify"
        elif first == "DELETE" and second == "WHERE":
            kind = "delete-where"
        where = None
        if kind == "modify":
            where = next((j for j in top if toks[j].keyword == "WHERE"), None)
        elif kind == "delete-where":
            where = top[1]
        if where is not None and (where + 1 >= len(toks) or toks[where + 1].text != "{"):
            where = None
        if kind != "other" and where is None:
            kind = "other"  # not valid SPARQL: the store's parser will say why
        named = kind == "modify" and any(w in ("USING", "WITH") for w in words)
        ops.append(_Operation(body[0], rest[0], body[-1], kind, where, named))
    return ops


def _closing(toks: list[_Tok], opening: int) -> int:
    """Index of the brace closing the one at ``opening``."""
    depth = toks[opening].depth
    for j in range(opening + 1, len(toks)):
        if toks[j].kind == "brace" and toks[j].text == "}" and toks[j].depth == depth:
            return j
    raise DatasetError("an update with an unclosed brace")


def rewrite_update(update: str, *, dataset: Dataset) -> str:
    """The update text with the protocol's dataset (``using-graph-uri`` / ``using-named-graph-uri``)
    written into each WHERE as ``USING`` / ``USING NAMED`` clauses.

    Raises :class:`DatasetError` when the update names a dataset itself with USING or WITH.
    """
    toks = _tokens(update)
    ops = [op for op in _operations(toks) if op.kind != "other"]
    if not ops or not dataset.given:
        return update
    if any(op.named for op in ops):
        raise DatasetError("using-graph-uri and using-named-graph-uri cannot be given with an update "
                           "that names its own dataset with USING or WITH")
    clause = " ".join([f"USING <{g}>" for g in dataset.default or ()]
                      + [f"USING NAMED <{g}>" for g in dataset.named or ()])
    inserts: list[tuple[int, str]] = []
    for op in ops:
        where = toks[op.where]
        if op.kind == "delete-where":  # DELETE WHERE {P} is DELETE {P} WHERE {P}, which takes USING
            pattern = update[toks[op.where + 1].start:toks[_closing(toks, op.where + 1)].end]
            inserts.append((where.start, f"{pattern} {clause} "))
        else:
            inserts.append((where.start, clause + " "))
    out = []
    pos = 0
    for at, text in sorted(inserts):
        out += [update[pos:at], text]
        pos = at
    out.append(update[pos:])
    return "".join(out)


def run_update(store, update: str, *, dataset: Dataset | None = None, prefixes: Mapping[str, str] = {},
               base: str | None = None) -> None:
    """Run a SPARQL update on a ``pyoxigraph.Store`` by the dataset rules of this module.

    With the protocol's dataset, or when every operation names its graphs (or has no WHERE), the
    update runs as one transaction. Otherwise its operations run in turn: one that names its graphs
    as it is; one whose WHERE reads the default graph (the union of all graphs, then) is evaluated
    as a query over that union, and its templates are filled in with the solutions here, the
    deletions applied, then the insertions in one transaction. (Oxigraph could take a list of every
    graph in USING clauses, but a default graph made of thousands of graphs makes it minutes slow.)
    Raises :class:`DatasetError`, or ``SyntaxError`` from the store's parser.
    """
    if dataset is not None and dataset.given:
        store.update(rewrite_update(update, dataset=dataset), prefixes=dict(prefixes), base_iri=base)
        return
    toks = _tokens(update)
    ops = _operations(toks)
    if not any(op.reads_union for op in ops):
        store.update(update, prefixes=dict(prefixes), base_iri=base)
        return
    _check_syntax(update, prefixes, base)  # so that a syntax error anywhere changes nothing
    prologue = ""
    for op in ops:
        own = update[toks[op.first].start:toks[op.body].start]
        text = prologue + update[toks[op.first].start:toks[op.last].end]
        if op.reads_union:
            opening = op.where + 1
            where = update[toks[opening].start:toks[_closing(toks, opening)].end]
            _modify_over_union(store, text, prologue + own + "SELECT * WHERE " + where, prefixes, base)
        else:
            store.update(text, prefixes=dict(prefixes), base_iri=base)
        prologue += own


def _check_syntax(update: str, prefixes: Mapping[str, str], base: str | None) -> None:
    """Raise the store's own SyntaxError for a bad update, without running any of it: the text is
    given to an empty store with a stray brace after it, which never parses, so nothing runs; an
    error past the update's own last line means the update itself parsed."""
    import pyoxigraph as ox

    try:
        ox.Store().update(update + "\n;\n}", prefixes=dict(prefixes), base_iri=base)
    except SyntaxError as exc:
        at = re.search(r"at (\d+):(\d+)", str(exc))
        if at is None or int(at[1]) <= update.count("\n") + 1:
            raise


def _modify_over_union(store, text: str, where: str, prefixes: Mapping[str, str], base: str | None) -> None:
    """One DELETE/INSERT ... WHERE (or DELETE WHERE) whose WHERE reads the union of all graphs."""
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parsed = translateUpdate(parseUpdate(text), base=base, initNs=dict(prefixes)).algebra[-1]
    except Exception as exc:  # noqa: BLE001 - any failure of the second parser
        raise DatasetError(f"the templates of this update could not be read ({exc}); name the graphs its "
                           "WHERE reads with USING or WITH") from None
    # (rdflib's CompValue.get answers the key itself for a missing key: look up with `in`)
    delete = parsed if parsed.name == "DeleteWhere" else parsed["delete"] if "delete" in parsed else None
    insert = parsed["insert"] if "insert" in parsed else None
    solutions = list(store.query(where, use_default_graph_as_union=True, prefixes=dict(prefixes), base_iri=base))
    removed = _ground(delete, solutions)
    added = _ground(insert, solutions)
    for q in removed:
        store.remove(q)
    if added:
        store.extend(added)


def _ground(clause, solutions: list) -> list:
    """The quads of a DELETE or INSERT template for each solution (blank nodes fresh per solution;
    a quad with an unbound variable, or a term where it cannot stand, left out as SPARQL says)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef, Variable

    if clause is None:
        return []
    parts = [(None, t) for t in (clause["triples"] if "triples" in clause else None) or []]
    parts += [(g, t) for g, ts in ((clause["quads"] if "quads" in clause else None) or {}).items() for t in ts]
    if not parts:
        return []

    # Each template term once as ("var", name), ("bnode", label) or ("term", pyoxigraph term).
    def compile_(x):
        if isinstance(x, Variable):
            return ("var", str(x))
        if isinstance(x, BNode):
            return ("bnode", x)
        if isinstance(x, URIRef):
            return ("term", ox.NamedNode(str(x)))
        if isinstance(x, Literal):
            if x.language:
                return ("term", ox.Literal(str(x), language=x.language))
            return ("term", ox.Literal(str(x), datatype=ox.NamedNode(str(x.datatype))) if x.datatype
                    else ox.Literal(str(x)))
        return ("term", None)

    default = ("term", ox.DefaultGraph())
    compiled = [(default if g is None else compile_(g), compile_(s), compile_(p), compile_(o)) for g, (s, p, o) in parts]
    subjects, graphs = (ox.NamedNode, ox.BlankNode), (ox.NamedNode, ox.DefaultGraph)
    out = []
    for sol in solutions:
        fresh: dict = {}
        for slots in compiled:
            terms = []
            for kind, v in slots:
                if kind == "term":
                    terms.append(v)
                elif kind == "var":
                    try:
                        terms.append(sol[v])
                    except (KeyError, IndexError, TypeError):
                        terms.append(None)
                else:
                    terms.append(fresh.setdefault(v, ox.BlankNode()))
            g, s_, p_, o_ = terms
            if o_ is None or not isinstance(g, graphs) or not isinstance(s_, subjects) or \
                    not isinstance(p_, ox.NamedNode):
                continue
            out.append(ox.Quad(s_, p_, o_, g))
    return out
