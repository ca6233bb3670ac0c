"""Reading articles from files: text and Markdown (optional YAML front matter), HTML, JSON Lines,
RSS/Atom feeds, folders and standard input.

Readers yield :class:`~graph.records.Article` records, or :class:`Problem` records for input that
cannot be read, so that one bad file never stops the others.

The module is over 600 lines because every format's reader shares the same guards (regular files
only, sizes checked before reading, encodings, metadata checked field by field), and those guards
are the point: kept in one place, no format can skip one.
"""
from __future__ import annotations

import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from dipgraph.graph.records import Article

__all__ = ["Problem", "read_paths", "read_path", "read_bytes", "parse_date", "article_from_record",
           "check_length", "DEFAULT_MAX_BYTES", "MAX_CHARS", "MAX_TITLE_CHARS", "MAX_FRONT_MATTER",
           "MAX_SIDECAR_BYTES", "ARTICLE_SUFFIXES"]

# The largest input file (or JSON Lines line) read, unless --max-bytes says otherwise.
DEFAULT_MAX_BYTES = 20_000_000
# The longest article text accepted, from any reader and through the server: the cost of an article
# grows in proportion to its length, about 3.5 CPU seconds per 100 kB, and under 1 GB of memory at
# this length (benchmarks/RESULTS.md).
MAX_CHARS = 1_000_000
# A headline is a line: it is parsed too, so a longer one would escape the article's limit.
MAX_TITLE_CHARS = 2_000
# Front matter is a few lines of metadata: anything longer is not that.
MAX_FRONT_MATTER = 64_000
# A NAME.meta.json beside an article is metadata too.
MAX_SIDECAR_BYTES = 1_000_000
# The text fields of an article's metadata, and where they may come from.
TEXT_FIELDS = (("title", "title"), ("headline", "title"), ("url", "url"), ("link", "url"), ("id", "id"),
               ("source", "source"), ("publisher", "source"))
TEXT_SUFFIXES = {".txt", ".text"}
MD_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MD_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
SIDE_FILES = (".meta.json", ".gold.tsv")

# Lines that web pages leave around an article's text and that are not part of it.
FURNITURE = re.compile(
    r"^(related (articles|stories|news)|back to top( button)?|read more|share( this( article| story)?)?|"
    r"advertisement|skip to (main )?content|sign up for .*|follow us on .*|most read|"
    r"click here to .*|subscribe( now)?|print|email)$", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """Input that could not be read (``error``) or was read with a caveat (``warning``)."""

    origin: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class _Bad(Exception):
    pass


def parse_date(value) -> date | None:
    """A publication date from front matter, JSON or a feed: a day of a year, or None if not given.

    ValueError if it is impossible, or not a whole date: a number (``published: 12``), a list, or
    text without a year, a month and a day ("March 2023", "Monday") is refused rather than completed
    with made-up parts.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{_describe(value)}, not a date (write it as YYYY-MM-DD)")
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValueError(f"impossible date {text!r} ({exc})") from None
    from dateutil import parser as dparser

    try:
        # parts the text does not give come from the default: two defaults that differ in every
        # part give the same day only when the text gives all three
        day = dparser.parse(text, default=datetime(1904, 1, 1)).date()
        other = dparser.parse(text, default=datetime(1905, 2, 2)).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not a date: {text!r} ({exc})") from None
    if day != other:
        raise ValueError(f"not a whole date: {text!r} (give the year, the month and the day)")
    return day


def _describe(value) -> str:
    """What a metadata value is, for a message: "a list", "a mapping", "the number 12"."""
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (date, datetime)):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def _decode(data: bytes, origin: str, problems: list[Problem]) -> str:
    if not data.strip():
        raise _Bad("empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise _Bad("binary file (contains NUL bytes), not an article")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Bad("binary file (not valid UTF-16 text)") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "latin-1"
        problems.append(Problem(origin, f"not UTF-8 (bad byte at offset {exc.start}); read as {enc}",
                                "warning"))
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 20):
        raise _Bad("binary file (mostly control characters), not an article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean_body(text: str) -> str:
    lines = text.split("\n")
    while lines and (not lines[-1].strip() or FURNITURE.match(lines[-1].strip())):
        lines.pop()
    lines = [ln for ln in lines if not FURNITURE.match(ln.strip()) or not ln.strip()]
    return "\n".join(lines).strip("\n")


def _meta_fields(meta: dict, origin: str) -> dict:
    """The article fields of a metadata mapping (front matter, a sidecar, a JSON object).

    A field given as something other than text (a list or mapping as title or url, a number as
    url) is refused, naming the field, rather than stored as Python's text for it; a number as id,
    title or source is read as that text (``id: 1042``, ``title: 1984``)."""
    if not isinstance(meta, dict):
        raise _Bad("front matter is not a mapping of keys to values")
    out: dict = {}
    for key, field in TEXT_FIELDS:
        value = meta.get(key)
        if value in (None, "") or field in out:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field != "url":
            value = str(value)
        if not isinstance(value, str):
            raise _Bad(f"{key}: {_describe(value)}, not text")
        out[field] = value.strip()
    for key in ("published", "date", "datePublished", "pubdate"):
        if meta.get(key) not in (None, ""):
            try:
                out["published"] = parse_date(meta[key])
            except ValueError as exc:
                raise _Bad(f"{key}: {exc}") from None
            break
    return out


def _front_matter(text: str) -> dict:
    """The YAML front matter of an article, read safely: no Python objects (safe_load), no aliases
    (``*a`` repeats what ``&a`` names, and aliases of aliases grow the text exponentially: a few
    kilobytes can expand to gigabytes), and at most :data:`MAX_FRONT_MATTER` characters."""
    import yaml

    if len(text) > MAX_FRONT_MATTER:
        raise _Bad(f"front matter is {len(text):,} characters, over the limit of {MAX_FRONT_MATTER:,}")

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise _Bad(f"front matter uses a YAML alias (*{event.anchor}, line {event.start_mark.line + 1}); "
                           "aliases are not accepted in front matter, write the value out")
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        raise _Bad(f"front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:  # e.g. an impossible timestamp
        raise _Bad(f"front matter: impossible date ({exc})") from None
    except RecursionError:
        raise _Bad("front matter is nested too deeply to be metadata") from None


def _json(text: str | bytes):
    """``json.loads``, with nesting too deep for Python's parser as a ValueError like any other."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _drop_repeated_title(body: str, title: str | None) -> str:
    """The body without its first line when that line only repeats the title (a heading)."""
    first, sep, rest = body.partition("\n")
    if title and sep and rest.strip() and \
            " ".join(first.lstrip("#").split()).casefold() == " ".join(title.split()).casefold():
        return rest.lstrip("\n")
    return body


def _text_article(text: str, origin: str, *, markdown: bool, sidecar: dict | None) -> Article:
    meta: dict = {}
    body = text
    if body.startswith("---\n"):
        end = re.search(r"^(---|\.\.\.)[ \t]*$", body[4:], re.MULTILINE)
        if end is None:
            raise _Bad("front matter starts with --- but never ends")
        meta = _meta_fields(_front_matter(body[4:4 + end.start()]), origin)
        body = body[4 + end.end():].lstrip("\n")
    if sidecar:
        meta = {**_meta_fields(sidecar, origin), **meta}
    body = _clean_body(body)
    title = meta.get("title")
    if not meta.get("title") or sidecar:
        first, sep, rest = body.partition("\n")
        heading = first.lstrip("#").strip() if markdown else first.strip()
        if sep and rest.strip() and len(heading) < 300:
            title = title or heading
            body = rest.lstrip("\n")
    body = _drop_repeated_title(body, title)
    if markdown:
        body = re.sub(r"^#{1,6}\s+", "", body, flags=re.MULTILINE)
    if not body.strip():
        raise _Bad("no article text (only a title or front matter)")
    ident = meta.get("id")
    if not ident and not meta.get("url") and origin != "<stdin>":
        ident = Path(origin).stem  # a plain file is known by its name: stable, and readable in the graph
    return Article(text=body, title=title or "", id=ident, published=meta.get("published"),
                   url=meta.get("url"), source=meta.get("source"), origin=origin)


def _html_article(text: str, origin: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      favor_recall=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise _Bad("HTML page with no article text that could be extracted")
    published = None
    if getattr(doc, "date", None):
        try:
            published = parse_date(doc.date)
        except ValueError:
            published = None
    title = (doc.title or "").strip()
    return Article(text=_drop_repeated_title(_clean_body(body), title), title=title, id=None,
                   published=published, url=doc.url or None, source=doc.sitename or None,
                   origin=origin)


def _html_to_text(fragment: str) -> str:
    from lxml import html as lhtml

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lhtml.fromstring(f"<div>{fragment}</div>")
    except Exception:  # lxml raises several types on broken markup
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for block in root.xpath("//p|//br|//div|//li|//h1|//h2|//h3|//h4"):
        block.tail = "\n\n" + (block.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def _feed_articles(data: bytes, origin: str) -> Iterator[Article | Problem]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise _Bad(f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'malformed XML')})")
    source = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{i}"
        content = ""
        if entry.get("content"):
            content = entry.content[0].get("value", "")
        content = content or entry.get("summary", "") or entry.get("description", "")
        body = _html_to_text(content)
        if not body:
            yield Problem(where, "feed entry has no content or summary")
            continue
        published = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        yield Article(text=body, title=_html_to_text(entry.get("title", "")), id=entry.get("id") or None,
                      published=published, url=entry.get("link") or None, source=source, origin=where)


def _bounded_lines(fh, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a binary file; for a line longer than ``max_bytes``, its length instead, the
    line read past in pieces and never held whole (a file with no line breaks, or an endless one)."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes:
            yield line
            continue
        n = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            if not line:
                break
            n += len(line)
        yield n


def _jsonl_articles(lines: Iterable[bytes | int], origin: str, max_bytes: int) -> Iterator[Article | Problem]:
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        length = raw if isinstance(raw, int) else len(raw)
        if length > max_bytes:
            yield Problem(where, f"line is {_size(length)}, over the {_size(max_bytes)} limit")
            continue
        if not raw.strip():
            continue
        try:
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                try:
                    line, enc = raw.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    line, enc = raw.decode("latin-1"), "latin-1"
                yield Problem(where, f"not UTF-8 (bad byte at offset {exc.start}); read as {enc}", "warning")
            obj = _json(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        except ValueError as exc:
            yield Problem(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            yield Problem(where, f"expected a JSON object, got {type(obj).__name__}")
            continue
        text = next((obj[k] for k in ("text", "body", "content") if isinstance(obj.get(k), str) and obj[k].strip()), None)
        if text is None:
            yield Problem(where, "no article text (expected a 'text', 'body' or 'content' field)")
            continue
        try:
            meta = _meta_fields(obj, where)
        except _Bad as exc:
            yield Problem(where, str(exc))
            continue
        if "<" in text and re.search(r"</?(p|div|br|span|a)\b", text):
            text = _html_to_text(text)
        yield Article(text=_clean_body(text.replace("\r\n", "\n")), title=meta.get("title", ""),
                      id=meta.get("id"), published=meta.get("published"), url=meta.get("url"),
                      source=meta.get("source"), origin=where)


def _sniff(text_head: str) -> str:
    head = text_head.lstrip()[:2000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("---"):
        return "md"
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        return "html"
    return "txt"


def _size(n: int) -> str:
    """A byte count as a person reads it: 52.4 MB, 20 MB, 800 kB, 512 bytes."""
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + " " + unit
    return f"{n} bytes"


def check_length(article: Article) -> Problem | None:
    """The problem with an article longer than :data:`MAX_CHARS` or a title longer than
    :data:`MAX_TITLE_CHARS`, or None: the limits of every way in (files, standard input, the
    library, the server's /ingest)."""
    where = article.origin or "<input>"
    if len(article.text) > MAX_CHARS:
        return Problem(where, f"article text is {len(article.text):,} characters, over the limit of "
                              f"{MAX_CHARS:,} for one article")
    if len(article.title) > MAX_TITLE_CHARS:
        return Problem(where, f"title is {len(article.title):,} characters, over the limit of "
                              f"{MAX_TITLE_CHARS:,} for a title")
    return None


def article_from_record(record: dict, origin: str) -> Article | Problem:
    """An article from a JSON record as ``dipgraph ingest`` sends it to a server's /ingest (text,
    title, id, published, url, source, origin, path), with the checks of an article read from a
    file: its metadata as in :func:`_meta_fields`, its length as in :func:`check_length`."""
    where = record.get("origin") if isinstance(record.get("origin"), str) and record["origin"] else origin
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(where, "no article text (expected a 'text' field)")
    try:
        meta = _meta_fields(record, where)
    except _Bad as exc:
        return Problem(where, str(exc))
    path = record.get("path")
    article = Article(text=text, title=meta.get("title", ""), id=meta.get("id"), published=meta.get("published"),
                      url=meta.get("url"), source=meta.get("source"),
                      origin=where if where != origin else None, path=path if isinstance(path, str) and path else None)
    return check_length(article) or article


def _within_limit(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    for item in items:
        yield (check_length(item) or item) if isinstance(item, Article) else item


def read_bytes(data: bytes, origin: str, kind: str | None = None, *, sidecar: dict | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles (or problems) from the bytes of one input; ``kind`` is txt, md, html, jsonl or feed."""
    return _within_limit(_read_bytes(data, origin, kind, sidecar=sidecar, max_bytes=max_bytes))


def _read_bytes(data: bytes, origin: str, kind: str | None, *, sidecar: dict | None,
                max_bytes: int) -> Iterator[Article | Problem]:
    try:
        if len(data) > max_bytes and kind != "jsonl":
            raise _Bad(f"file is {_size(len(data))}, over the {_size(max_bytes)} limit "
                       "for one input (--max-bytes)")
        if kind == "jsonl":
            if not data.strip():
                raise _Bad("empty file")
            yield from _jsonl_articles(io.BytesIO(data), origin, max_bytes)
            return
        if kind == "feed":
            if not data.strip():
                raise _Bad("empty file")
            yield from _feed_articles(data, origin)
            return
        problems: list[Problem] = []
        text = _decode(data, origin, problems)
        yield from problems
        kind = kind or _sniff(text)
        if kind == "jsonl":
            yield from _jsonl_articles(io.BytesIO(text.encode("utf-8")), origin, max_bytes)
        elif kind == "feed":
            yield from _feed_articles(text.encode("utf-8"), origin)
        elif kind == "html":
            yield _html_article(text, origin)
        else:
            yield _text_article(text, origin, markdown=(kind == "md"), sidecar=sidecar)
    except _Bad as exc:
        yield Problem(origin, str(exc))


def _kind_of(path: Path) -> str | None:
    s = path.suffix.lower()
    if s in TEXT_SUFFIXES:
        return "txt"
    if s in MD_SUFFIXES:
        return "md"
    if s in HTML_SUFFIXES:
        return "html"
    if s in JSONL_SUFFIXES:
        return "jsonl"
    if s in FEED_SUFFIXES:
        return "feed"
    return None


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


def _open_regular(path: Path):
    """``(binary file, size)`` of ``path`` if it is a regular file; _Bad otherwise.

    The file is opened without waiting (a named pipe would block an ordinary open until someone
    writes to it) and checked on the open file itself, so that what is read is what was checked:
    a device (``/dev/zero`` never ends), a pipe or a socket is refused before any byte is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _Bad(f"cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Bad(f"not a regular file ({_file_kind(st.st_mode)}); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def _inside(path: Path, root: Path) -> bool:
    """True if ``path`` (resolved) is ``root`` or under it."""
    return path == root or root in path.parents


def _sidecar(path: Path, root: Path | None) -> tuple[dict | None, Problem | None]:
    meta = path.with_name(path.name[: -len(path.suffix)] + ".meta.json") if path.suffix else None
    if meta is None or not (meta.exists() or meta.is_symlink()):
        return None, None
    if root is not None and meta.is_symlink() and not _inside(meta.resolve(), root):
        return None, Problem(str(meta), "symbolic link to outside the folder given; not followed, the article "
                                        "is read without it", "warning")
    try:
        fh, size = _open_regular(meta)
        with fh:
            if size > MAX_SIDECAR_BYTES:
                raise _Bad(f"{_size(size)}, over the {_size(MAX_SIDECAR_BYTES)} limit for metadata")
            obj = _json(fh.read(MAX_SIDECAR_BYTES + 1).decode("utf-8"))
    except (OSError, ValueError, _Bad) as exc:
        return None, Problem(str(meta), f"unreadable metadata ({exc}); the article is read without it", "warning")
    return (obj if isinstance(obj, dict) else None), None


def _with_path(items: Iterable[Article | Problem], path: str) -> Iterator[Article | Problem]:
    for item in items:
        yield replace(item, path=path) if isinstance(item, Article) else item


def _read_file(p: Path, max_bytes: int, root: Path | None = None) -> Iterator[Article | Problem]:
    """Articles from one file, opened only if it is a regular file, its size checked first."""
    origin = str(p)
    kind = _kind_of(p)
    real = str(p.resolve())
    try:
        fh, size = _open_regular(p)
    except _Bad as exc:
        yield Problem(origin, str(exc))
        return
    with fh:
        try:
            if kind == "jsonl":
                if size == 0:
                    yield Problem(origin, "empty file")
                    return
                yield from _with_path(_within_limit(_jsonl_articles(_bounded_lines(fh, max_bytes), origin,
                                                                    max_bytes)), real)
                return
            data = fh.read(max_bytes + 1) if size <= max_bytes else b""
            size = max(size, len(data))  # a file that grew since it was looked at is still cut short
        except OSError as exc:
            yield Problem(origin, f"cannot read ({exc.strerror or exc})")
            return
    if size > max_bytes:
        yield Problem(origin, f"file is {_size(size)}, over the {_size(max_bytes)} limit "
                              "for one input (--max-bytes)")
        return
    sidecar, problem = _sidecar(p, root)
    if problem:
        yield problem
    yield from _with_path(read_bytes(data, origin, kind, sidecar=sidecar, max_bytes=max_bytes), real)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles from one file (or ``-`` for standard input); a folder is read as by :func:`read_paths`.

    A file named here is read where it points if it is a symbolic link, but only if that is a
    regular file: a device, a named pipe or a socket is refused without reading from it.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        yield from read_bytes(data, "<stdin>", None, max_bytes=max_bytes)
        return
    p = Path(path)
    origin = str(p)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        yield Problem(origin, "symbolic link to nothing (its target does not exist)" if p.is_symlink()
                      else "no such file or folder")
        return
    except OSError as exc:
        yield Problem(origin, f"cannot read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(p, max_bytes)
        return
    yield from _read_file(p, max_bytes)


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Article | Problem]:
    """Articles from the files of a folder and its subfolders that have an article suffix, hidden
    ones and side files left out. Symbolic links are not followed: one to a file or folder inside
    the folder is read under its own name anyway, and one to outside it is reported, not read (a
    folder of articles must not be a way to read other files). So is anything that is not a
    regular file."""
    root = folder.resolve()
    for child in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in child.relative_to(folder).parts) or child.name.endswith(SIDE_FILES):
            continue
        try:
            mode = child.lstat().st_mode
        except OSError:
            continue  # removed while the folder was read
        if stat.S_ISLNK(mode):
            target = child.resolve()
            if not target.exists() and _kind_of(child):
                yield Problem(str(child), "symbolic link to nothing (its target does not exist); not read", "warning")
            elif not _inside(target, root) and (target.is_dir() or _kind_of(child)):
                what = "a folder" if target.is_dir() else "a file"
                yield Problem(str(child), f"symbolic link to {what} outside the folder given; not followed "
                                          "(name it on the command line to read it)", "warning")
            continue
        if stat.S_ISDIR(mode) or not _kind_of(child):
            continue
        if not stat.S_ISREG(mode):
            yield Problem(str(child), f"not a regular file ({_file_kind(mode)}); not read", "warning")
            continue
        yield from _read_file(child, max_bytes, root)


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles from files, folders (recursively: files with an article suffix) and ``-``."""
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes)
