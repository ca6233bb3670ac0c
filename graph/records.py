"""The records that flow from extraction into the graph: articles, actors, roles and events.

They are frozen dataclasses so that extraction stays a pure function and records can be hashed,
compared and sent between processes.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from datetime import date

__all__ = ["Article", "Actor", "Mention", "Role", "Event", "Extraction", "slugify", "text_hash"]

ACTOR_KINDS = ("person", "country", "former_state", "organisation")


@lru_cache(maxsize=1 << 16)
def slugify(name: str) -> str:
    """A lower-case ASCII slug of ``name`` for IRIs: ``"Choe Sun-hui" -> "choe-sun-hui"`` (kept for
    the names seen last: extraction asks for the same people's keys over and over)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if slug:
        return slug
    return "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def text_hash(text: str) -> str:
    """SHA-256 of the text, hex: the content identity of an article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about it.

    ``text`` is the body that extraction reads and that offsets point into; ``title`` is kept apart.
    Identity is ``id``, else ``url``, else the hash of the text (see :attr:`key`).
    """

    text: str
    title: str = ""
    id: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from, for messages: "a.md", "feed.xml#3", "-:12"
    path: str | None = None  # the real path of the file it was read from; only a digest is stored

    @property
    def key(self) -> str:
        return self.id or self.url or ("sha256-" + text_hash(self.text)[:32])

    @property
    def hash(self) -> str:
        return text_hash(self.title + "\n\n" + self.text)

    @property
    def source_digest(self) -> str | None:
        """A digest of :attr:`path`: the same file gives the same digest, and the path stays private."""
        return text_hash(self.path)[:32] if self.path else None


@dataclass(frozen=True)
class Actor:
    """A person, country, former state or organisation, with its canonical label."""

    kind: str
    label: str
    code: str | None = None  # ISO alpha-3 for countries, a code for former states
    wikidata: str | None = None
    org_kind: str | None = None

    @cached_property
    def key(self) -> str:
        """The actor's identity across articles: its ISO code, or its slugged canonical name."""
        if self.kind in ("country", "former_state") and self.code:
            return f"country/{self.code}"
        if self.kind == "organisation":
            return f"organisation/{slugify(self.label)}"
        return f"person/{slugify(self.label)}"


@dataclass(frozen=True)
class Mention:
    """A surface form of an actor in the article text, with character offsets."""

    actor: Actor
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Role:
    """A person acting for a country or organisation in a role ("Foreign Minister")."""

    person: Actor
    of: Actor
    role: str | None = None


@dataclass(frozen=True)
class Event:
    """One relation stated in an article, with its evidence.

    ``date`` is ISO text at the precision the article gives: ``"2023-10-19"``, ``"2023-10"`` or
    ``"2023"``. ``start``/``end`` are offsets of the sentence in the article text.
    """

    predicate: str
    subject: Actor
    object: Actor
    modality: str = "asserted"
    date: str | None = None
    place: str | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    claimed_by: Actor | None = None
    confidence: float = 1.0
    extractor: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields: its events, the roles it states and the names it uses."""

    article: Article
    events: tuple[Event, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = field(default=())
