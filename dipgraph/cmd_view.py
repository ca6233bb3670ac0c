"""``dipgraph view``: write the interactive graph page, one self-contained HTML file."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

__all__ = ["register", "view"]


def view(
    output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="The HTML file to write."),
    store: Optional[Path] = typer.Option(None, "--store", "-s", envvar="DIPGRAPH_STORE", show_envvar=False,
                                         help="Store folder (default: $DIPGRAPH_STORE, else ./dipgraph-store)."),
    level: str = typer.Option("all", "--level", help="all: actors as the articles name them; person: people "
                              "only; country: people drawn as the country they represent."),
    relation: Optional[list[str]] = typer.Option(None, "--relation", "-r", help="Keep only this relation "
                                                 "(repeat, or separate with commas): met, visited, sanctioned..."),
    actor: Optional[str] = typer.Option(None, "--actor", "-a", help="Draw only the actors around this one."),
    depth: int = typer.Option(1, "--depth", help="With --actor: how many steps away from it to go."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date "
                                        "(YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this date."),
    min_articles: int = typer.Option(1, "--min-articles", help="Only relations supported by at least N articles."),
    max_nodes: int = typer.Option(500, "--max-nodes", help="Draw at most N actors, keeping the most connected."),
    title: str = typer.Option("dipgraph", "--title", help="The page's title."),
):
    """Write the network as one interactive HTML page that works offline.

    Click an actor or a relation to read the sentences and articles behind it; search, filter by
    relation and by date in the page.

    Example: dipgraph view --level country --since 2023 -o graph.html
    """
    from dipgraph.cli import fail, open_store
    from dipgraph.graph.view import ViewError, write_page

    if depth != 1 and not actor:
        fail("--depth needs --actor")
    st = open_store(store, create=False)
    try:
        info = write_page(st, output, level=level, relations=relation, actor=actor, depth=depth,
                          since=since, until=until, min_articles=min_articles, max_nodes=max_nodes,
                          title=title)
    except ViewError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write the page ({exc.strerror or exc})")
    finally:
        st.close()
    typer.echo(f"wrote {info.path}: {info.nodes} actors, {info.edges} relations")
    if info.nodes == 0:
        typer.echo("the page is empty: no relations match these filters", err=True)
    for note in info.notes:
        typer.echo(f"left out: {note}", err=True)


def register(app: typer.Typer) -> None:
    """Add the ``view`` verb to the command line."""
    app.command("view")(view)
