"""`dipgraph evaluate`: precision, recall and F1 of extraction against gold files."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command()(evaluate)


def evaluate(
    articles: list[str] = typer.Argument(..., help="Article files or folders to extract from."),
    gold: list[Path] = typer.Option(..., "--gold", "-g", help="A gold file (NAME.gold.tsv) or a folder of them; "
                                    "each is paired with the article file named NAME.*"),
    details: bool = typer.Option(True, "--details/--no-details", help="List misses and false relations."),
):
    """Score extraction against gold relations: precision, recall and F1 overall and per relation.

    Example: dipgraph evaluate --gold data/samples data/samples
    """
    from dipgraph.ingest.evaluate import Report, read_gold, score_extraction
    from dipgraph.ingest.extract import gazetteer
    from dipgraph.ingest.pipeline import Extractor
    from dipgraph.ingest.read import Problem, read_paths

    from .cli import err, fail

    gold_files: dict[str, Path] = {}
    for g in gold:
        if g.is_dir():
            for f in sorted(g.rglob("*.gold.tsv")):
                gold_files[f.name[: -len(".gold.tsv")]] = f
        elif g.exists():
            gold_files[g.name.split(".gold")[0]] = g
        else:
            fail(f"{g}: no such gold file or folder")
    if not gold_files:
        fail("no *.gold.tsv files found in " + ", ".join(map(str, gold)))
    items = [a for a in read_paths(articles)]
    for p in items:
        if isinstance(p, Problem):
            err(f"{p.level}: {p}")
    arts = [a for a in items if not isinstance(a, Problem)]

    def stem(a) -> str:
        name = Path((a.origin or "").split(":")[0].split("#")[0]).name
        return name.split(".")[0]

    pairs = [(a, gold_files[stem(a)]) for a in arts if stem(a) in gold_files]
    if not pairs and len(arts) == 1 and len(gold_files) == 1:
        pairs = [(arts[0], next(iter(gold_files.values())))]
    if not pairs:
        fail("no article matches a gold file by name (NAME.gold.tsv goes with NAME.txt, NAME.md, ...)")
    gaz = gazetteer()
    report = Report()
    extractor = Extractor()
    by_key = {a.key: g for a, g in pairs}
    for ex in extractor.pipe([a for a, _ in pairs]):
        try:
            rows = read_gold(by_key[ex.article.key])
        except ValueError as exc:
            fail(str(exc))
        report.per_article[stem(ex.article)] = score_extraction(ex, rows, gaz)
    unpaired = [stem(a) for a in arts if stem(a) not in gold_files]
    typer.echo(report.render(details=details), nl=False)
    if unpaired and len(pairs) > 1:
        err(f"{len(unpaired)} article(s) without a gold file were not scored: {', '.join(unpaired[:5])}")
