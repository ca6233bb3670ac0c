"""The dipgraph command line: a thin layer over ``ingest`` and ``graph``.

Each verb parses its arguments, opens the store, calls one library function and prints.
Errors in the input or the store become one clear message and a non-zero exit status.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Optional

import typer

from dipgraph import __version__, cmd_analyze, cmd_evaluate, cmd_serve, cmd_view
from dipgraph.graph.printable import printable
from dipgraph.graph.store import StoreError
from dipgraph.options import (JsonOpt, ModelOpt, StoreOpt, check_output, close_store, err, fail, give_up, open_store,
                              os_problem, progress_enabled, say, store_location, write_data)

app = typer.Typer(
    name="dipgraph",
    help="Turn news articles into a knowledge graph of diplomatic relations, query it with SPARQL "
         "and browse it in the browser.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: options without type tags such as <bool> after flags
)

MAX_QUERY_FILE = 1_000_000  # bytes of a query file: the server takes queries up to the same size


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dipgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Turn news articles into a knowledge graph of diplomatic relations, query it with SPARQL
    and browse it in the browser."""


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for standard input."),
    store: Optional[str] = StoreOpt,
    processes: int = typer.Option(1, "--processes", "-p", min=1, help="Worker processes that parse and extract; this process writes the store."),
    batch_size: int = typer.Option(32, help="Articles per spaCy batch."),
    force: bool = typer.Option(False, "--force", help="Re-extract articles even if unchanged."),
    replace: bool = typer.Option(False, "--replace", help="Replace a stored article that has the id of one "
                                 "read now even if it was read from another file (else that is reported as a "
                                 "clash and the stored one is kept)."),
    max_bytes: int = typer.Option(20_000_000, help="Largest input file (or JSONL line) accepted, in bytes."),
    model: Optional[str] = ModelOpt,
    dask: Optional[str] = typer.Option(None, "--dask", help="Run extraction on a Dask cluster: "
                                       "a scheduler address, or local:N for N local workers."),
):
    """Read articles, extract their relations and store each article in its own named graph.

    Reads .txt and .md (optional YAML front matter; a NAME.meta.json beside a file also gives its
    metadata), .html, .jsonl (one article per line), RSS/Atom feeds (.xml, .rss, .atom).

    Example: dipgraph ingest data/samples --store my-store
    """
    from dipgraph.ingest.handover import HandoverError, forward, running_server
    from dipgraph.ingest.pipeline import Extractor, ingest as run_ingest
    from dipgraph.graph.settings import settings
    from dipgraph.ingest.read import Problem, read_paths
    from dipgraph.progress import ingest_progress, loading_model

    items = read_paths(paths, max_bytes=max_bytes)
    server = running_server(store_location(store))
    if server:  # a running `dipgraph serve` holds the store: it does the writing
        try:
            sent = forward(server, items, force=force, replace=replace, on_problem=err)
        except HandoverError as exc:
            fail(str(exc))
        typer.echo(f"{sent.added} added, {sent.replaced} replaced, {sent.unchanged} unchanged; "
                   f"{sent.events} events; sent to the server at {sent.url}")
        if sent.problems:
            fail(f"{sent.problems} input(s) could not be read; see above", 1)
        return
    st = open_store(store)
    extractor = Extractor(model, batch_size=batch_size)

    def on_problem(p):
        err(f"{p.level}: {p}")

    terminal = progress_enabled()
    every = settings().progress_every
    # the total: a first, cheap pass over the inputs (standard input can be read only once)
    total = None if "-" in paths or not (terminal or every) else \
        sum(1 for x in read_paths(paths, max_bytes=max_bytes) if not isinstance(x, Problem))
    try:
        if not dask:  # on a cluster the workers load the model
            with loading_model(extractor.model, terminal=terminal):
                extractor.nlp
        with ingest_progress(total, terminal=terminal, every=every) as on_article:
            if dask:
                from dipgraph.ingest.distributed import ingest_dask

                report = ingest_dask(st, items, dask, extractor=extractor, force=force, replace=replace,
                                     on_problem=on_problem, on_article=on_article)
            else:
                report = run_ingest(st, items, extractor=extractor, n_process=processes, force=force,
                                    replace=replace, on_problem=on_problem, on_article=on_article)
    except RuntimeError as exc:  # StoreError (a full disk) included
        give_up(st, str(exc))
    close_store(st)
    typer.echo(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged; "
               f"{report.events} events; store {st.path}")
    if report.reextracted:
        typer.echo(f"{report.reextracted} of the replaced had the same text and were extracted again: "
                   f"they were stored by an earlier extractor")
    if report.undated:
        typer.echo(f"{report.undated} article(s) had no publication date: dates they give relative to it "
                   f"(\"on Tuesday\", \"last year\") stay unresolved; give one in front matter or NAME.meta.json")
    if report.problems:
        n_err = len(report.errors)
        n_warn = len(report.problems) - n_err
        fail(f"{n_err} input(s) could not be read, {n_warn} warning(s); see above", 1)


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="The SPARQL query (or use -f)."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from this file."),
    store: Optional[str] = StoreOpt,
    fmt: str = typer.Option("table", "--format", help="table|json|csv|tsv|xml for SELECT/ASK; "
                            "turtle|ntriples|jsonld for CONSTRUCT/DESCRIBE."),
):
    """Run a SPARQL query over all articles (prefixes dip:, res:, schema:, prov:, skos:, rdfs: ... are predeclared).

    Example: dipgraph query 'SELECT ?a ?b WHERE { ?a dip:met ?b }' --format csv
    """
    from dipgraph.graph.query import QueryError, format_result, run_query

    if (sparql is None) == (file is None):
        fail("give the query as an argument or with -f FILE (one of the two)")
    if file is not None:
        try:
            with file.open("rb") as fh:  # a pipe is fine (-f <(...)); an endless device is cut short
                data = fh.read(MAX_QUERY_FILE + 1)
            if len(data) > MAX_QUERY_FILE:
                fail(f"{file}: over {MAX_QUERY_FILE:,} bytes, too long for a query")
            sparql = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{file}: cannot read the query: "
                 f"{os_problem(exc, file, reading=True) if isinstance(exc, OSError) else 'not UTF-8 text'}")
    st = open_store(store, create=False)
    try:
        out = format_result(run_query(st, sparql), fmt)
    except QueryError as exc:
        st.close()
        fail(str(exc), 1)
    st.close()
    if fmt == "table":
        sys.stdout.buffer.write(out)  # already printable: each cell escaped
        sys.stdout.flush()
    else:
        write_data(out)


@app.command()
def export(
    fmt: str = typer.Option("trig", "--format", help="trig|nquads (with graphs), turtle|ntriples|jsonld "
                            "(all graphs merged), or graphml|gexf|csv (the actor network)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output."),
    store: Optional[str] = StoreOpt,
):
    """Export the store as RDF (or the actor network for Gephi and spreadsheets).

    Example: dipgraph export --format trig -o graph.trig
    """
    from dipgraph.graph.network import export_network
    from dipgraph.graph.store import RDF_FORMATS

    if output is not None:
        check_output(output, "the export")
    st = open_store(store, create=False)
    try:
        if fmt in RDF_FORMATS:
            try:
                if output is None and sys.stdout.isatty():
                    buf = io.BytesIO()
                    st.export(fmt, buf)
                    write_data(buf.getvalue())
                else:
                    st.export(fmt, output if output else sys.stdout.buffer)
            except OSError as exc:
                fail(f"{output or 'standard output'}: cannot write the export: {os_problem(exc, output)}")
        else:
            try:
                if output is None and sys.stdout.isatty():
                    buf = io.BytesIO()
                    export_network(st, fmt, buf)
                    write_data(buf.getvalue())
                else:
                    export_network(st, fmt, output if output else sys.stdout.buffer)
            except ValueError as exc:
                fail(str(exc))
            except OSError as exc:
                fail(f"{output or 'standard output'}: cannot write the export: {os_problem(exc, output)}")
    finally:
        st.close()
    if output:
        err(f"wrote {output}")


@app.command()
def stats(store: Optional[str] = StoreOpt, as_json: bool = JsonOpt):
    """Count articles, actors by type, events by predicate and modality, and triples.

    Example: dipgraph stats --store my-store
    """
    import json

    st = open_store(store, create=False)
    s = st.stats()
    st.close()
    if as_json:
        typer.echo(json.dumps(s, indent=2))
        return
    say(f"articles: {s['articles']}")
    say("actors:   " + (", ".join(f"{v} {printable(k)}" for k, v in sorted(s["actors"].items())) or "none"))
    say(f"events:   {sum(s['events'].values())}" + (
        " (" + ", ".join(f"{printable(k)} {v}" for k, v in s["modality"].items()) + ")" if s["modality"] else ""))
    for k, v in s["events"].items():
        say(f"  {printable(k):22} {v}")
    say(f"triples:  {s['triples']}")


@app.command()
def articles(store: Optional[str] = StoreOpt):
    """List the stored articles: id, date, events, title.

    Example: dipgraph articles --store my-store
    """
    st = open_store(store, create=False)
    rows = st.articles()
    st.close()
    for r in rows:  # one line per article, tab-separated: newlines and tabs in a field are shown escaped
        say("\t".join([printable(r["id"]), printable(r["published"] or "-"), f"{r['events']} events",
                       printable(r["title"])]))
    err(f"{len(rows)} article(s)")


@app.command()
def remove(ids: list[str] = typer.Argument(..., help="Article ids (or urls) to remove."),
           store: Optional[str] = StoreOpt):
    """Remove articles and exactly what they contributed to the graph.

    Example: dipgraph remove efe-2023-10-19-lavrov-choe
    """
    st = open_store(store, create=False)
    missing = []
    for ref in ids:
        try:
            n = st.remove(ref)
            say(f"removed {printable(ref)} ({n} triples)")
        except KeyError:
            missing.append(ref)
            err(f"dipgraph: no article {printable(ref)!r} in {st.path}")
        except StoreError as exc:
            give_up(st, str(exc))
    close_store(st)
    if missing:
        raise typer.Exit(1)


for _verbs in (cmd_evaluate, cmd_view, cmd_serve, cmd_analyze):  # verbs with modules of their own
    _verbs.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
