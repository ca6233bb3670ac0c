"""``dipgraph view``: write the interactive graph page, one self-contained HTML file."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dipgraph.options import (LevelOpt, RelationOpt, SinceOpt, StoreOpt, UntilOpt, check_output, err, fail, open_store,
                              os_problem, say)

__all__ = ["register", "view"]


def view(
    output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="The HTML file to write."),
    store: Optional[str] = StoreOpt,
    level: str = LevelOpt,
    relation: Optional[list[str]] = RelationOpt,
    actor: Optional[str] = typer.Option(None, "--actor", "-a", help="Draw only the actors around this one."),
    depth: int = typer.Option(1, "--depth", help="With --actor: how many steps away from it to go."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    min_articles: int = typer.Option(1, "--min-articles", help="Only relations supported by at least N articles."),
    max_nodes: int = typer.Option(500, "--max-nodes", help="Draw at most N actors, keeping the most connected."),
    title: str = typer.Option("dipgraph", "--title", help="The page's title."),
):
    """Write the network as one interactive HTML page that works offline.

    Click an actor or a relation to read the sentences and articles behind it; search, filter by
    relation and by date in the page. Every event the articles do not deny is drawn: reported ones
    dashed, hedged and future ones dotted.

    Example: dipgraph view --level country --since 2023 -o graph.html
    """
    from dipgraph.graph.view import ViewError, write_page

    if depth != 1 and not actor:
        fail("--depth needs --actor")
    check_output(output, "the page")
    st = open_store(store, create=False)
    try:
        info = write_page(st, output, level=level, relations=relation, actor=actor, depth=depth,
                          since=since, until=until, min_articles=min_articles, max_nodes=max_nodes,
                          title=title)
    except ViewError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot write the page: {os_problem(exc, output)}")
    finally:
        st.close()
    say(f"wrote {info.path}: {info.nodes} actors, {info.edges} relations")
    if info.nodes == 0:
        err("the page is empty: no relations match these filters")
    for note in info.notes:
        err(f"left out: {note}")


def register(app: typer.Typer) -> None:
    """Add the ``view`` verb to the command line."""
    app.command("view")(view)
