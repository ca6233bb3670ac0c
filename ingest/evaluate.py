"""Scoring extraction against gold files (the ``*.gold.tsv`` format of the seed article).

Matching follows what a person checking by hand would accept: a name matches an actor's
canonical label or any name the article used for it; symmetric relations match either way
round; a negated or future event matches only a gold row with that same modality; rows marked
``optional`` are neither missed when absent nor false when found.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.graph.records import Actor, Article, Extraction, slugify
from dipgraph.graph.vocab import relation

from .gazetteer import Gazetteer

__all__ = ["GoldRow", "read_gold", "Score", "score_extraction", "Report", "gold_files", "article_name",
           "pair_with_gold", "evaluate"]

FACTUAL = {"asserted", "reported", "hedged", ""}


@dataclass(frozen=True)
class GoldRow:
    subject: tuple[str, ...]
    predicate: str
    object: tuple[str, ...]
    date: str
    modality: str
    required: bool
    evidence: str
    line: int


def read_gold(path: Path) -> list[GoldRow]:
    """Rows of a gold file; ValueError naming the line for a malformed row."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [(n, ln.rstrip("\n")) for n, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ValueError(f"{path}: no rows")
    header = lines[0][1].split("\t")
    for n, ln in lines[1:]:
        cells = ln.split("\t")
        if len(cells) < 6:
            raise ValueError(f"{path}:{n}: expected 7 tab-separated cells, found {len(cells)}")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        rows.append(GoldRow(
            subject=tuple(s.strip() for s in row["subject"].split("|")),
            predicate=row["predicate"].strip(),
            object=tuple(s.strip() for s in row["object"].split("|")),
            date=row.get("date", "").strip(),
            modality=row.get("modality", "").strip(),
            required=row.get("need", "required").strip() != "optional",
            evidence=row.get("evidence", "").strip(),
            line=n,
        ))
    return rows


@dataclass(frozen=True)
class Pred:
    predicate: str
    subject: Actor
    object: Actor
    modality: str
    date: str | None
    sentence: str


@dataclass
class Score:
    """Matches, misses and false relations for one article (or a sum of several)."""

    tp: Counter = field(default_factory=Counter)  # per predicate: matched predictions
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    found_required: Counter = field(default_factory=Counter)
    required: Counter = field(default_factory=Counter)
    dates_right: int = 0
    dates_checked: int = 0
    modality_right: int = 0
    modality_checked: int = 0
    required_by_modality: Counter = field(default_factory=Counter)
    found_by_modality: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", "found_required", "required"):
            getattr(self, name).update(getattr(other, name))
        self.dates_right += other.dates_right
        self.dates_checked += other.dates_checked
        self.modality_right += other.modality_right
        self.modality_checked += other.modality_checked
        self.required_by_modality.update(other.required_by_modality)
        self.found_by_modality.update(other.found_by_modality)
        self.misses += other.misses
        self.false += other.false

    def prf(self, predicate: str | None = None, *, among: set[str] | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one predicate, of the predicates ``among``, or of all."""
        keys = {predicate} if predicate else among
        tp = sum(v for k, v in self.tp.items() if keys is None or k in keys)
        fp = sum(v for k, v in self.fp.items() if keys is None or k in keys)
        found = sum(v for k, v in self.found_required.items() if keys is None or k in keys)
        req = sum(v for k, v in self.required.items() if keys is None or k in keys)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = found / req if req else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


class _Names:
    def __init__(self, gaz: Gazetteer, ex: Extraction):
        self.gaz = gaz
        self.surfaces: dict[str, set[str]] = defaultdict(set)
        self.represents: dict[str, Actor] = {}
        for m in ex.mentions:
            self.surfaces[m.actor.key].add(slugify(m.text))
        for r in ex.roles:
            self.represents.setdefault(r.person.key, r.of)

    def matches(self, names: tuple[str, ...], actor: Actor, *, as_country: bool = True) -> bool:
        """True if one of ``names`` is this actor, or (for a person) the state the article says
        the person acts for, as people count for their country ("Brandt and Cyrankiewicz signed"
        is "West Germany signed with Poland")."""
        if as_country and actor.kind == "person" and actor.key in self.represents:
            if self.matches(names, self.represents[actor.key], as_country=False):
                return True
        forms = {slugify(actor.label)} | self.surfaces.get(actor.key, set())
        for name in names:
            entry = self.gaz.lookup(name)
            if entry is not None and entry.actor.key == actor.key:
                return True
            if slugify(name) in forms:
                return True
        return False


def _modality_ok(gold: str, pred: str) -> bool:
    if gold in ("negated", "future"):
        return pred == gold
    return pred in FACTUAL


def score_extraction(ex: Extraction, gold: list[GoldRow], gaz: Gazetteer) -> Score:
    """Score one article's extraction against its gold rows."""
    names = _Names(gaz, ex)
    s = Score()
    preds: dict[tuple, Pred] = {}
    dates: dict[tuple, set] = {}
    for e in ex.events:
        sym = relation(e.predicate).symmetric
        ends = tuple(sorted((e.subject.key, e.object.key))) if sym else (e.subject.key, e.object.key)
        cls = e.modality if e.modality in ("negated", "future") else "factual"
        key = (e.predicate, ends, cls)
        preds.setdefault(key, Pred(e.predicate, e.subject, e.object, e.modality, e.date, e.sentence))
        dates.setdefault(key, set()).add(e.date)  # the same relation told of several occasions
    for r in ex.roles:
        preds.setdefault(("represents", (r.person.key, r.of.key), "factual"),
                         Pred("represents", r.person, r.of, "asserted", None, ""))

    def row_matches(row: GoldRow, p: Pred) -> bool:
        if row.predicate != p.predicate or not _modality_ok(row.modality, p.modality):
            return False
        if p.predicate == "represents":
            return names.matches(row.subject, p.subject, as_country=False) and names.matches(row.object, p.object)
        if names.matches(row.subject, p.subject) and names.matches(row.object, p.object):
            return True
        sym = p.predicate != "represents" and relation(p.predicate).symmetric
        return sym and names.matches(row.subject, p.object) and names.matches(row.object, p.subject)

    matched_preds: set[tuple] = set()
    for row in gold:
        hits = [k for k, p in preds.items() if row_matches(row, p)]
        if row.required:
            s.required[row.predicate] += 1
            mod = row.modality or "asserted"
            if row.predicate != "represents":
                s.required_by_modality[mod] += 1
            if hits:
                s.found_required[row.predicate] += 1
                if row.predicate != "represents":
                    s.found_by_modality[mod] += 1
                    s.modality_checked += 1
                    if any(preds[k].modality == mod for k in hits):
                        s.modality_right += 1
                    else:
                        got = ", ".join(sorted({preds[k].modality for k in hits}))
                        s.misses.append(f"modality {mod} (got {got}): {row.subject[0]} {row.predicate} {row.object[0]}")
                if row.date:
                    s.dates_checked += 1
                    if any(row.date in dates.get(k, {preds[k].date}) for k in hits):
                        s.dates_right += 1
                    else:
                        got = ", ".join(sorted({d or "none" for k in hits for d in dates.get(k, {preds[k].date})}))
                        s.misses.append(f"date {row.date} (got {got}): {row.subject[0]} {row.predicate} {row.object[0]}")
            else:
                s.fn[row.predicate] += 1
                s.misses.append(f"{row.subject[0]} {row.predicate} {row.object[0]}"
                                f" [{row.modality or 'asserted'}] — {row.evidence}")
        matched_preds.update(hits)
    for k, p in preds.items():
        if k in matched_preds:
            # a prediction matching only optional rows is neither right nor wrong
            if any(row.required and row_matches(row, p) for row in gold):
                s.tp[p.predicate] += 1
        else:
            s.fp[p.predicate] += 1
            s.false.append(f"{p.subject.label} {p.predicate} {p.object.label} [{p.modality}] — {p.sentence[:120]}")
    return s


@dataclass
class Report:
    """Scores per article and overall."""

    per_article: dict[str, Score] = field(default_factory=dict)

    @property
    def total(self) -> Score:
        t = Score()
        for s in self.per_article.values():
            t.add(s)
        return t

    def render(self, *, details: bool = True) -> str:
        t = self.total
        lines = []
        p, r, f = t.prf()
        lines.append(f"overall: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
                     f"({sum(t.tp.values())} right, {sum(t.fp.values())} false, "
                     f"{sum(t.found_required.values())}/{sum(t.required.values())} required found)")
        between = set(t.required) | set(t.tp) | set(t.fp)
        between.discard("represents")
        for label, among in (("between actors", between), ("represents", {"represents"})):
            p, r, f = t.prf(among=among)
            found = sum(t.found_required[k] for k in among)
            req = sum(t.required[k] for k in among)
            lines.append(f"{label + ':':16} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  ({found}/{req} required found)")
        if t.dates_checked:
            lines.append(f"dates: {t.dates_right}/{t.dates_checked} found relations have the gold date")
        if t.modality_checked:
            per = ", ".join(f"{m} {t.found_by_modality[m]}/{t.required_by_modality[m]}"
                            for m in ("asserted", "reported", "hedged", "negated", "future")
                            if t.required_by_modality[m])
            lines.append(f"modality: {t.modality_right}/{t.modality_checked} found relations have the gold "
                         f"modality; required found by gold modality: {per}")
        lines.append("")
        lines.append(f"{'predicate':22} {'prec':>6} {'recall':>6} {'F1':>6} {'right':>6} {'false':>6} {'found':>9}")
        preds = sorted(set(t.tp) | set(t.fp) | set(t.required))
        for pr in preds:
            p, r, f = t.prf(pr)
            lines.append(f"{pr:22} {p:6.2f} {r:6.2f} {f:6.2f} {t.tp[pr]:6d} {t.fp[pr]:6d} "
                         f"{t.found_required[pr]:>4}/{t.required[pr]:<4}")
        if details:
            for name, s in self.per_article.items():
                if s.misses or s.false:
                    lines.append("")
                    lines.append(f"== {name}")
                    lines += [f"  missed: {m}" for m in s.misses]
                    lines += [f"  false:  {m}" for m in s.false]
        return "\n".join(lines) + "\n"



# -- pairing articles with their gold files ---------------------------------------------------------

GOLD_SUFFIX = ".gold.tsv"


def gold_files(paths: Iterable[str | Path]) -> dict[str, Path]:
    """Gold files by the name of the article they score: ``NAME.gold.tsv`` goes with ``NAME.*``.

    Each path is a gold file or a folder searched recursively; ValueError for a path that does not
    exist, or when none is found.
    """
    found: dict[str, Path] = {}
    paths = [Path(p) for p in paths]
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*" + GOLD_SUFFIX)):
                found[f.name[: -len(GOLD_SUFFIX)]] = f
        elif p.exists():
            found[p.name.split(".gold")[0]] = p
        else:
            raise ValueError(f"{p}: no such gold file or folder")
    if not found:
        raise ValueError("no *.gold.tsv files found in " + ", ".join(map(str, paths)))
    return found


def article_name(article: Article) -> str:
    """The name an article is paired by: its file's name up to the first dot (``NAME`` of
    ``NAME.txt``, ``NAME.md``, ``NAME.jsonl:3``)."""
    return Path((article.origin or "").split(":")[0].split("#")[0]).name.split(".")[0]


def pair_with_gold(articles: Iterable[Article], gold: dict[str, Path]) -> tuple[list[tuple[Article, Path]], list[Article]]:
    """Each article with its gold file, and the articles that have none. One article and one gold
    file go together whatever their names."""
    articles = list(articles)
    pairs = [(a, gold[article_name(a)]) for a in articles if article_name(a) in gold]
    if not pairs and len(articles) == 1 and len(gold) == 1:
        return [(articles[0], next(iter(gold.values())))], []
    return pairs, [a for a in articles if article_name(a) not in gold]


def evaluate(pairs: list[tuple[Article, Path]], extractor, gaz: Gazetteer | None = None) -> Report:
    """Extract each paired article with ``extractor`` (an :class:`ingest.pipeline.Extractor`) and
    score it against its gold file; ValueError naming the line of a malformed gold file."""
    if gaz is None:
        from .extract import gazetteer

        gaz = gazetteer()
    report = Report()
    gold_of = {a.key: g for a, g in pairs}
    for ex in extractor.pipe([a for a, _ in pairs]):
        if not isinstance(ex, Extraction):
            raise RuntimeError(str(ex))  # an article that could not be extracted cannot be scored
        report.per_article[article_name(ex.article)] = score_extraction(ex, read_gold(gold_of[ex.article.key]), gaz)
    return report
