"""Reading articles from files: text and Markdown (optional YAML front matter), HTML, JSON Lines,
RSS/Atom feeds, folders and standard input.

Readers yield :class:`~graph.records.Article` records, or :class:`Problem` records for input that
cannot be read, so that one bad file never stops the others.
"""
from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dipgraph.graph.records import Article

__all__ = ["Problem", "read_paths", "read_path", "read_bytes", "parse_date", "DEFAULT_MAX_BYTES",
           "MAX_CHARS", "ARTICLE_SUFFIXES"]

DEFAULT_MAX_BYTES = 20_000_000
# The longest article text accepted: what the language pipeline parses in one piece.
MAX_CHARS = 1_000_000
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
    """A publication date from front matter, JSON or a feed; ValueError if it is impossible."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValueError(f"impossible date {text!r} ({exc})") from None
    from dateutil import parser as dparser

    try:
        return dparser.parse(text, default=datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not a date: {text!r} ({exc})") from None


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
    if not isinstance(meta, dict):
        raise _Bad("front matter is not a mapping of keys to values")
    out: dict = {}
    for key in ("title", "headline"):
        if meta.get(key) not in (None, ""):
            out["title"] = str(meta[key]).strip()
            break
    for key in ("published", "date", "datePublished", "pubdate"):
        if meta.get(key) not in (None, ""):
            try:
                out["published"] = parse_date(meta[key])
            except ValueError as exc:
                raise _Bad(f"{key}: {exc}") from None
            break
    for key, field in (("url", "url"), ("link", "url"), ("id", "id"), ("source", "source"),
                       ("publisher", "source")):
        if meta.get(key) not in (None, "") and field not in out:
            out[field] = str(meta[key]).strip()
    return out


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
        import yaml

        try:
            raw = yaml.safe_load(body[4:4 + end.start()]) or {}
        except yaml.YAMLError as exc:
            raise _Bad(f"front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
        except ValueError as exc:  # e.g. an impossible timestamp
            raise _Bad(f"front matter: impossible date ({exc})") from None
        meta = _meta_fields(raw, origin)
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
    return Article(text=body, title=title or "", id=meta.get("id"), published=meta.get("published"),
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


def _jsonl_articles(lines: Iterable[bytes], origin: str, max_bytes: int) -> Iterator[Article | Problem]:
    for n, raw in enumerate(lines, 1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield Problem(where, f"line is {_size(len(raw))}, over the {_size(max_bytes)} limit")
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
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
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


def _within_limit(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    for item in items:
        if isinstance(item, Article) and len(item.text) > MAX_CHARS:
            yield Problem(item.origin or "<input>", f"article text is {len(item.text):,} characters, over the "
                                                    f"limit of {MAX_CHARS:,} for one article")
        else:
            yield item


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


def _sidecar(path: Path) -> tuple[dict | None, Problem | None]:
    meta = path.with_name(path.name[: -len(path.suffix)] + ".meta.json") if path.suffix else None
    if meta is None or not meta.exists():
        return None, None
    try:
        obj = json.loads(meta.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return None, Problem(str(meta), f"unreadable metadata ({exc}); the article is read without it", "warning")
    return (obj if isinstance(obj, dict) else None), None


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles from one file (or ``-`` for standard input)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        yield from read_bytes(data, "<stdin>", None, max_bytes=max_bytes)
        return
    p = Path(path)
    origin = str(p)
    if not p.exists():
        yield Problem(origin, "no such file or folder")
        return
    if p.is_dir():
        yield from read_paths([p], max_bytes=max_bytes)
        return
    kind = _kind_of(p)
    try:
        size = p.stat().st_size
        if kind == "jsonl":
            if size == 0:
                yield Problem(origin, "empty file")
                return
            with p.open("rb") as fh:
                yield from _within_limit(_jsonl_articles(fh, origin, max_bytes))
            return
        if size > max_bytes:
            yield Problem(origin, f"file is {_size(size)}, over the {_size(max_bytes)} limit "
                                  "for one input (--max-bytes)")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Problem(origin, f"cannot read ({exc.strerror or exc})")
        return
    sidecar, problem = _sidecar(p)
    if problem:
        yield problem
    yield from read_bytes(data, origin, kind, sidecar=sidecar, max_bytes=max_bytes)


def read_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Articles from files, folders (recursively: files with an article suffix) and ``-``."""
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and _kind_of(child) and not child.name.endswith(SIDE_FILES) \
                        and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield from read_path(child, max_bytes=max_bytes)
        else:
            yield from read_path(path, max_bytes=max_bytes)
