"""The dataset rules of graph.dataset on a real Oxigraph store: which queries name their dataset, and
updates whose WHERE reads what a query reads."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from dipgraph.graph.dataset import Dataset, DatasetError, names_dataset, rewrite_update, run_update

N = ox.NamedNode


@pytest.mark.parametrize("query,named", [
    ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
    ("select * from named <urn:g> { graph ?g { ?s ?p ?o } }", True),
    ("PREFIX ex: <urn:ex:> SELECT * FROM ex:g WHERE { ?s ?p ?o }", True),
    ("SELECT ?from WHERE { ?from ?p ?o }", False),
    ("SELECT * WHERE { ?s prov:wasDerivedFrom ?o }", False),
    ("SELECT * WHERE { ?s ex:from ?o . ?o from:x ?y }", False),
    ("SELECT * WHERE { ?s ?p 'FROM <urn:g>' } # FROM <urn:g>", False),
    ("SELECT * WHERE { ?s ?p \"\"\"a\nFROM <urn:g>\"\"\" }", False),
    ("SELECT * WHERE { ?s <urn:from> _:from }", False),
])
def test_which_queries_name_their_dataset(query, named):
    assert names_dataset(query) is named


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    for g in ("urn:g1", "urn:g2"):
        s.add(ox.Quad(N("urn:s"), N("urn:p"), N(g + "-o"), N(g)))
    s.add(ox.Quad(ox.BlankNode(), N("urn:p"), N("urn:in-default")))
    return s


def run(store: ox.Store, update: str, **kw) -> None:
    run_update(store, update, **kw)


def objects(store: ox.Store, graph: str) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, None, None, N(graph))}


def test_where_reads_the_union_of_every_graph_and_the_default_graph(store):
    run(store, "INSERT { GRAPH <urn:copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }")
    assert objects(store, "urn:copy") == {"urn:g1-o", "urn:g2-o", "urn:in-default"}
    assert {g.value for g in store.named_graphs()} == {"urn:g1", "urn:g2", "urn:copy"}


def test_blank_nodes_fresh_in_a_template_and_the_stores_own_when_bound(store):
    run(store, "INSERT { GRAPH <urn:bn> { _:x <urn:from> ?s } } WHERE { ?s <urn:p> ?o }")
    made = list(store.quads_for_pattern(None, None, None, N("urn:bn")))
    assert len(made) == 3 and len({q.subject for q in made}) == 3
    default_bnode = next(store.quads_for_pattern(None, None, None, ox.DefaultGraph())).subject
    assert {q.object for q in made} == {N("urn:s"), default_bnode}


def test_delete_where_and_blank_nodes_of_the_default_graph(store):
    run(store, "DELETE WHERE { ?s <urn:p> <urn:in-default> }")
    assert list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == []
    assert objects(store, "urn:g1") == {"urn:g1-o"}  # a template without GRAPH writes the default graph only


def test_a_graph_made_earlier_in_the_request_is_read_later(store):
    run(store, """PREFIX ex: <urn:ex:>
        INSERT DATA { GRAPH ex:new { ex:doc a ex:Doc } } ;
        INSERT { GRAPH <urn:out> { ?d a ex:Seen } } WHERE { ?d a ex:Doc }""")
    assert objects(store, "urn:out") == {"urn:ex:Seen"}


def test_strings_and_braces_do_not_confuse_the_rewriting(store):
    run(store, """INSERT { GRAPH <urn:out> { ?s <urn:says> "WHERE { } ; USING <x>" } }
                  WHERE { ?s ?p ?o FILTER(?o != <urn:x>) } ; # a comment with WHERE {
                  DELETE WHERE { GRAPH <urn:g2> { ?s ?p ?o } }""")
    assert objects(store, "urn:out") == {"WHERE { } ; USING <x>"}
    assert objects(store, "urn:g2") == set()


def test_an_operation_naming_its_dataset_is_left_alone(store):
    run(store, "WITH <urn:g1> INSERT { GRAPH <urn:out> { ?s ?p ?o } } WHERE { ?s ?p ?o }")
    assert objects(store, "urn:out") == {"urn:g1-o"}
    run(store, "INSERT { GRAPH <urn:out2> { ?s ?p ?o } } USING <urn:g2> WHERE { ?s ?p ?o }")
    assert objects(store, "urn:out2") == {"urn:g2-o"}


def test_protocol_dataset_becomes_using_clauses(store):
    run(store, "INSERT { GRAPH <urn:out> { ?s ?p ?o } } WHERE { ?s ?p ?o }", dataset=Dataset(("urn:g1",), None))
    assert objects(store, "urn:out") == {"urn:g1-o"}
    run(store, "DELETE WHERE { ?s ?p ?o }", dataset=Dataset(("urn:out",), None))  # from the default graph only
    assert objects(store, "urn:out") == {"urn:g1-o"}
    run(store, "INSERT { GRAPH <urn:out2> { ?g <urn:has> ?o } } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
        dataset=Dataset(None, ("urn:g2",)))
    assert objects(store, "urn:out2") == {"urn:g2-o"}  # no default graph, one named graph
    with pytest.raises(DatasetError):
        rewrite_update("INSERT { ?s ?p ?o } USING <urn:g1> WHERE { ?s ?p ?o }", dataset=Dataset(("urn:g2",), None))
    data_only = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert rewrite_update(data_only, dataset=Dataset(("urn:g2",), None)) == data_only


def test_a_syntax_error_in_a_later_operation_changes_nothing(store):
    with pytest.raises(SyntaxError):
        run(store, "INSERT { GRAPH <urn:out> { ?s ?p ?o } } WHERE { ?s ?p ?o } ;\nDELETE WHERE { ?s ?p }")
    assert objects(store, "urn:out") == set()


def test_a_union_update_on_thousands_of_graphs_is_answered(store):
    """Thousands of graphs in USING make Oxigraph take minutes; the union read as a query does not."""
    store.extend(ox.Quad(N(f"urn:e{i}"), N("urn:kind"), N("urn:Met"), N(f"urn:article{i}")) for i in range(3000))
    run(store, "INSERT { GRAPH <urn:out> { ?e a <urn:Seen> } } WHERE { ?e <urn:kind> <urn:Met> }")
    assert len(objects(store, "urn:out")) == 1 and len(list(store.quads_for_pattern(
        None, None, None, N("urn:out")))) == 3000
