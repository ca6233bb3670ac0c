"""`dipgraph evaluate`: precision, recall and F1 of extraction against gold files."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from dipgraph.graph.printable import printable_lines
from dipgraph.options import ModelOpt, err, fail

__all__ = ["register", "evaluate"]


def evaluate(
    articles: list[str] = typer.Argument(..., help="Article files or folders to extract from."),
    gold: list[Path] = typer.Option(..., "--gold", "-g", help="A gold file (NAME.gold.tsv) or a folder of them; "
                                    "each is paired with the article file named NAME.*"),
    details: bool = typer.Option(True, "--details/--no-details", help="List misses and false relations."),
    model: Optional[str] = ModelOpt,
):
    """Score extraction against gold relations: precision, recall and F1 overall and per relation.

    Example: dipgraph evaluate --gold data/samples data/samples
    """
    from dipgraph.ingest.evaluate import article_name, evaluate as score, gold_files, pair_with_gold
    from dipgraph.ingest.pipeline import Extractor
    from dipgraph.ingest.read import Problem, read_paths

    try:
        golds = gold_files(gold)
    except ValueError as exc:
        fail(str(exc))
    arts = []
    for item in read_paths(articles):
        if isinstance(item, Problem):
            err(f"{item.level}: {item}")
        else:
            arts.append(item)
    pairs, unpaired = pair_with_gold(arts, golds)
    if not pairs:
        fail("no article matches a gold file by name (NAME.gold.tsv goes with NAME.txt, NAME.md, ...)")
    try:
        report = score(pairs, Extractor(model))
    except (ValueError, RuntimeError) as exc:
        fail(str(exc))
    typer.echo(printable_lines(report.render(details=details)), nl=False)
    if unpaired and len(pairs) > 1:
        names = [article_name(a) for a in unpaired]
        err(f"{len(names)} article(s) without a gold file were not scored: {', '.join(names[:5])}")


def register(app: typer.Typer) -> None:
    """Add the ``evaluate`` verb to the command line."""
    app.command()(evaluate)
