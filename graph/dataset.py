"""Which RDF dataset a SPARQL query or update reads, by the rules of SPARQL 1.1 and its protocol.

The store keeps every article in a named graph of its own and nothing in the default graph, so a
query that names no dataset reads *the union of all graphs* as its default graph (that is what
makes ``SELECT * WHERE { ?e dip:subject ?a }`` find every article's events). A query that names
its dataset, with ``FROM`` / ``FROM NAMED`` or the protocol's ``default-graph-uri`` /
``named-graph-uri``, is answered over exactly that dataset; the protocol's parameters win over the
query's clauses, and a dataset given in part is the whole dataset (only ``default-graph-uri``: no
named graphs; only ``named-graph-uri``: an empty default graph).

Updates follow the same rule. pyoxigraph's update call has no dataset argument, so the update text
is rewritten before it runs: each ``DELETE/INSERT ... WHERE`` (and ``DELETE WHERE``) that names no
dataset with ``USING`` or ``WITH`` gets ``USING`` clauses for every named graph, plus a copy of the
default graph made in the same transaction, and ``USING NAMED`` for every named graph, so its
WHERE reads what a query reads. The protocol's ``using-graph-uri`` / ``using-named-graph-uri``
become ``USING`` / ``USING NAMED`` clauses the same way.

The rewriting works on the text's tokens (strings, comments and IRIs skipped, braces counted), not
on a full parse: it only needs the operations' boundaries, their first keywords and where their
top-level ``WHERE`` stands, which SPARQL's grammar fixes at brace depth zero.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

__all__ = ["DatasetError", "Dataset", "names_dataset", "query_dataset", "rewrite_update", "resolve_iri",
           "graph_names"]


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
    last: int           # index of its last token
    kind: str           # "modify", "delete-where" or "other"
    where: int | None   # index of the top-level WHERE of a modify or delete-where
    named: bool         # names its dataset with USING or WITH


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
        named = kind == "modify" and any(w in ("USING", "WITH") for w in words)
        ops.append(_Operation(body[0], body[-1], kind, where, named))
    return ops


def _closing(toks: list[_Tok], opening: int) -> int:
    """Index of the brace closing the one at ``opening``."""
    depth = toks[opening].depth
    for j in range(opening + 1, len(toks)):
        if toks[j].kind == "brace" and toks[j].text == "}" and toks[j].depth == depth:
            return j
    raise DatasetError("an update with an unclosed brace")


def _prefixes(toks: list[_Tok], predeclared: Mapping[str, str]) -> dict[str, str]:
    out = dict(predeclared)
    for i, t in enumerate(toks[:-2]):
        if t.keyword == "PREFIX" and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri":
            out[toks[i + 1].text.rstrip(":")] = toks[i + 2].text[1:-1]
    return out


def _iri_of(tok: _Tok, prefixes: Mapping[str, str], base: str | None) -> str | None:
    if tok.kind == "iri":
        return resolve_iri(tok.text[1:-1], base)
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def graph_names(update: str, *, prefixes: Mapping[str, str] = {}, base: str | None = None) -> set[str]:
    """IRIs that an update names as graphs (after GRAPH, WITH, INTO or TO): the graphs it may create,
    which a later operation of the same request reads as part of the union."""
    toks = _tokens(update)
    known = _prefixes(toks, prefixes)
    for i, t in enumerate(toks[:-1]):
        if t.keyword == "BASE" and t.depth == 0 and toks[i + 1].kind == "iri":
            base = resolve_iri(toks[i + 1].text[1:-1], base)
    out = set()
    for i, t in enumerate(toks):
        if t.keyword in ("GRAPH", "WITH", "INTO", "TO") and i + 1 < len(toks):
            j = i + 1
            if toks[j].keyword == "GRAPH":
                j += 1
            if j < len(toks):
                iri = _iri_of(toks[j], known, base)
                if iri:
                    out.add(iri)
    return out


def rewrite_update(update: str, *, dataset: Dataset | None = None,
                   graphs: Iterable[str] | Callable[[], Iterable[str]] = (),
                   prefixes: Mapping[str, str] = {}, base: str | None = None) -> str:
    """The update text with each WHERE given its dataset, as the module docstring says.

    ``dataset`` is the protocol's (``using-graph-uri`` / ``using-named-graph-uri``); without it an
    operation that names no dataset reads the union of ``graphs`` (the store's named graphs, or a
    function giving them, called only when an operation needs them) and of the graphs the update
    itself names, and the default graph.
    Raises :class:`DatasetError` when the protocol gives a dataset and the update names one too.
    """
    toks = _tokens(update)
    ops = [op for op in _operations(toks) if op.kind != "other"]
    if not ops:
        return update
    if dataset is not None and dataset.given:
        if any(op.named for op in ops):
            raise DatasetError("using-graph-uri and using-named-graph-uri cannot be given with an update "
                               "that names its own dataset with USING or WITH")
        clause = " ".join([f"USING <{g}>" for g in dataset.default or ()]
                          + [f"USING NAMED <{g}>" for g in dataset.named or ()])
        copy = None
    else:
        ops = [op for op in ops if not op.named]
        if not ops:
            return update
        names = sorted(set(graphs() if callable(graphs) else graphs) | graph_names(update, prefixes=prefixes, base=base))
        copy = f"urn:uuid:{uuid.uuid4()}"  # the default graph's copy, for the time of one operation
        clause = " ".join([f"USING <{g}>" for g in names] + [f"USING <{copy}>"]
                          + [f"USING NAMED <{g}>" for g in names])
    inserts: list[tuple[int, str]] = []
    for op in ops:
        if op.where is None:
            continue  # not valid SPARQL: the store's parser will say why
        where = toks[op.where]
        if op.kind == "delete-where":
            opening = op.where + 1
            if opening >= len(toks) or toks[opening].text != "{":
                continue  # not valid SPARQL: the store's parser will say why
            pattern = update[toks[opening].start:toks[_closing(toks, opening)].end]
            inserts.append((where.start, f"{pattern} {clause} "))
        else:
            inserts.append((where.start, clause + " "))
        if copy is not None:
            inserts.append((toks[op.first].start, f"DROP SILENT GRAPH <{copy}> ; ADD SILENT DEFAULT TO <{copy}> ;\n"))
            inserts.append((toks[op.last].end, f"\n; DROP SILENT GRAPH <{copy}>"))
    out = []
    pos = 0
    for at, text in sorted(inserts, key=lambda x: x[0]):
        out.append(update[pos:at])
        out.append(text)
        pos = at
    out.append(update[pos:])
    return "".join(out)
