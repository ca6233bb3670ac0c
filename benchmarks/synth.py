"""A realistic synthetic corpus for the benchmarks, generated from a seed so every run sees the same data.

Two shapes: extraction records (articles with events, roles and names) for the SPARQL benchmark, and
news-like article texts for the ingestion and memory benchmarks. Many actors (every ISO country,
international organisations, thousands of officials), every relation of the vocabulary, dates over
seven decades, and a skewed popularity so that a few countries (Russia, the United States, China)
take part in many events, as in real news.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from dipgraph.graph.records import Actor, Article, Event, Extraction, Mention, Role
from dipgraph.graph.vocab import relations

__all__ = ["actors", "synthetic_extractions", "synthetic_articles", "long_article", "write_nquads", "LAVROV",
           "RUSSIA"]

LAVROV = Actor("person", "Sergey Lavrov")
RUSSIA = Actor("country", "Russia", code="RUS", wikidata="Q159")

_PROMINENT = ["RUS", "USA", "CHN", "GBR", "FRA", "DEU", "IND", "JPN", "UKR", "PRK", "KOR", "IRN", "TUR",
              "ISR", "SAU", "BRA", "ZAF", "EGY", "PAK", "POL", "ITA", "CAN", "AUS", "MEX", "IDN"]
_SHORT = {"RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "PRK": "North Korea",
          "KOR": "South Korea", "IRN": "Iran", "SYR": "Syria", "VEN": "Venezuela", "BOL": "Bolivia",
          "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova", "TWN": "Taiwan"}
_ORGS = ["United Nations", "European Union", "NATO", "African Union", "ASEAN", "Arab League",
         "International Atomic Energy Agency", "World Health Organization", "ECOWAS", "G7", "G20",
         "Organization of American States", "Shanghai Cooperation Organisation", "OPEC", "OSCE",
         "International Monetary Fund", "World Bank", "Gulf Cooperation Council", "Mercosur", "BRICS"]
_FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Giulia", "Hiroshi", "Ines", "Jamal",
          "Kwame", "Lena", "Mohammed", "Nadia", "Olga", "Pedro", "Qin", "Rahul", "Sofia", "Tomas",
          "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zara", "Antony", "Bao", "Carmen", "Dilma",
          "Emmanuel", "Fumio", "Gustavo", "Hakan", "Ivan", "Jacinda", "Kamala", "Luiz", "Mette", "Narendra"]
_LAST = ["Ivanov", "Li", "Smith", "Dubois", "Schmidt", "Rossi", "Tanaka", "Kim", "Singh", "Hassan",
         "Kowalski", "Silva", "Nguyen", "Okafor", "Haddad", "Petrov", "Garcia", "Yilmaz", "Mensah", "Sato",
         "Novak", "Andersen", "Costa", "Rahman", "Fischer", "Moreau", "Popescu", "Bianchi", "Wang", "Park",
         "Khan", "Mendes", "Lopez", "Ozturk", "Sokolov", "Horvat", "Jensen", "Alvarez", "Mahmoud", "Zhou"]
_TITLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "Ambassador",
           "Trade Minister", "Deputy Foreign Minister", "Envoy"]
_PERSONISH = {"met", "phoned", "visited", "negotiatedWith"}

# how often each relation is stated, roughly as in news
_WEIGHT = {"met": 25, "visited": 10, "phoned": 6, "negotiatedWith": 5, "signedAgreementWith": 6,
           "cooperatedWith": 5, "supported": 6, "recognized": 1, "aided": 4, "suppliedArmsTo": 2,
           "urged": 7, "rejected": 3, "criticized": 8, "accused": 4, "threatened": 3, "sanctioned": 3,
           "reducedRelationsWith": 2, "attacked": 2}
_VERB = {"met": "met", "visited": "visited", "phoned": "spoke by telephone with",
         "negotiatedWith": "negotiated with", "signedAgreementWith": "signed an agreement with",
         "cooperatedWith": "agreed to deepen cooperation with", "supported": "backed",
         "recognized": "recognized", "aided": "sent aid to", "suppliedArmsTo": "delivered weapons to",
         "urged": "urged", "rejected": "rejected the proposal of", "criticized": "condemned",
         "accused": "accused", "threatened": "warned", "sanctioned": "imposed sanctions on",
         "reducedRelationsWith": "expelled diplomats of", "attacked": "attacked"}
_MODALITY = [("asserted", 75), ("reported", 10), ("hedged", 5), ("negated", 5), ("future", 5)]


@lru_cache(maxsize=1)
def actors(n_people: int = 4000, seed: int = 11) -> tuple[tuple[Actor, ...], tuple[Actor, ...],
                                                          tuple[Actor, ...], dict[str, Actor]]:
    """(countries, organisations, people, country of each person by key), the same for a seed."""
    import pycountry

    rnd = random.Random(seed)
    countries = []
    for c in pycountry.countries:
        label = _SHORT.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        countries.append(Actor("country", label.split(",")[0], code=c.alpha_3))
    countries.sort(key=lambda a: (_PROMINENT.index(a.code) if a.code in _PROMINENT else 99, a.code))
    countries[0] = RUSSIA
    orgs = [Actor("organisation", o, org_kind="intergovernmental") for o in _ORGS]
    people = [LAVROV]
    seen = {LAVROV.key}
    while len(people) < n_people:
        name = f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}"
        if rnd.random() < 0.5:
            name = f"{rnd.choice(_FIRST)} {name}"
        a = Actor("person", name)
        if a.key not in seen:
            seen.add(a.key)
            people.append(a)
    country_of = {LAVROV.key: RUSSIA}
    weights = _zipf(len(countries))
    for p in people[1:]:
        country_of[p.key] = rnd.choices(countries, weights)[0]
    return tuple(countries), tuple(orgs), tuple(people), country_of


def _zipf(n: int, s: float = 1.1) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def synthetic_extractions(n_articles: int, seed: int = 7, start_year: int = 1955,
                          end_year: int = 2024) -> Iterator[Extraction]:
    """``n_articles`` extractions of 3 to 8 events each, as the extractor would produce them."""
    rnd = random.Random(seed)
    countries, orgs, people, country_of = actors()
    cw, pw = _zipf(len(countries)), _zipf(len(people), 0.8)
    names = [r.name for r in relations()]
    rw = [_WEIGHT.get(n, 1) for n in names]
    mods, mw = zip(*_MODALITY)
    span = (date(end_year, 12, 31) - date(start_year, 1, 1)).days

    def pick(kind: str) -> Actor:
        if kind == "person":
            return rnd.choices(people, pw)[0]
        if kind == "org":
            return rnd.choice(orgs)
        return rnd.choices(countries, cw)[0]

    for i in range(n_articles):
        published = date(start_year, 1, 1) + timedelta(days=rnd.randrange(span))
        sentences: list[str] = []
        events: list[Event] = []
        cast: dict[str, Actor] = {}
        pos = 0
        for _ in range(rnd.randint(3, 8)):
            pred = rnd.choices(names, rw)[0]
            if pred in _PERSONISH and rnd.random() < 0.7:
                s = pick("person")
                o = pick("country") if pred == "visited" else pick("person")
            else:
                s = pick("org" if rnd.random() < 0.1 else "country")
                o = pick("country")
            if o.key == s.key:
                continue
            modality = rnd.choices(mods, mw)[0]
            when = published - timedelta(days=rnd.randrange(0, 10))
            r = rnd.random()
            day = None if r < 0.15 else when.isoformat() if r < 0.8 else when.isoformat()[:7] if r < 0.9 \
                else str(when.year)
            text = f"{s.label} {_VERB[pred]} {o.label}."
            events.append(Event(
                predicate=pred, subject=s, object=o, modality=modality, date=day, sentence=text,
                start=pos, end=pos + len(text), confidence=round(rnd.uniform(0.5, 1.0), 2),
                claimed_by=pick("country") if modality == "reported" else None, extractor="synthetic"))
            sentences.append(text)
            pos += len(text) + 1
            cast[s.key], cast[o.key] = s, o
        body = " ".join(sentences)
        roles = tuple(Role(a, country_of[a.key], rnd.choice(_TITLES)) for a in cast.values() if a.kind == "person")
        mentions = tuple(Mention(a, a.label.split()[-1] if a.kind == "person" else a.label, 0, 1)
                         for a in cast.values())
        yield Extraction(
            article=Article(text=body, title=f"Synthetic report {i}", id=f"synth-{seed}-{i}",
                            published=published, source="Synthetic Wire"),
            events=tuple(events), roles=roles, mentions=mentions)


_OPENINGS = ["on Monday", "on Tuesday", "on Wednesday", "last week", "on Thursday", "in the capital",
             "at the summit", "during a two-day visit"]
_FILLER = [
    "Officials described the talks as constructive and said further meetings were planned.",
    "The ministry said in a statement that both sides had discussed trade, energy and security.",
    "Analysts said the move reflected growing tensions in the region.",
    "The spokesman declined to give details of the agreement.",
    "Diplomats said the issue would be raised again at the United Nations next month.",
    "The talks lasted more than three hours, according to state media.",
]


def synthetic_articles(n: int, seed: int = 3, sentences: tuple[int, int] = (5, 9)) -> list[Article]:
    """``n`` short news-like articles (about 80 to 160 words) that the extractor can read."""
    rnd = random.Random(seed)
    countries, orgs, people, country_of = actors()
    cw, pw = _zipf(len(countries)), _zipf(len(people), 0.8)
    names = list(_VERB)
    rw = [_WEIGHT[n] for n in names]
    out = []
    for i in range(n):
        published = date(1990, 1, 1) + timedelta(days=rnd.randrange(12000))
        parts = []
        for _ in range(rnd.randint(*sentences)):
            if rnd.random() < 0.3:
                parts.append(rnd.choice(_FILLER))
                continue
            pred = rnd.choices(names, rw)[0]
            if pred in _PERSONISH:
                p = rnd.choices(people, pw)[0]
                c = country_of[p.key]
                o = rnd.choices(countries, cw)[0]
                parts.append(f"{c.label}'s {rnd.choice(_TITLES).lower()} {p.label} {_VERB[pred]} "
                             f"{o.label} {rnd.choice(_OPENINGS)}.")
            else:
                s, o = rnd.choices(countries, cw, k=2)
                parts.append(f"{s.label} {_VERB[pred]} {o.label} {rnd.choice(_OPENINGS)}, the foreign "
                             f"ministry said.")
        out.append(Article(text=" ".join(parts), title=f"Report {i}", id=f"bench-{seed}-{i}",
                           published=published, source="Synthetic Wire"))
    return out


def long_article(chars: int, seed: int = 9) -> Article:
    """One article of about ``chars`` characters: many paragraphs, each a short generated story,
    as in a long report or a digest (the paragraphs name many actors, dates and relations)."""
    paras: list[str] = []
    size = 0
    n = max(8, chars // 400)
    while size < chars:
        for a in synthetic_articles(n, seed=seed + len(paras)):
            paras.append(a.text)
            size += len(a.text) + 2
            if size >= chars:
                break
    text = "\n\n".join(paras)[:chars].rstrip()
    return Article(text=text, title=f"A digest of {chars:,} characters", id=f"long-{chars}-{seed}",
                   published=date(2020, 6, 30), source="Synthetic Wire")


def write_nquads(extractions, fh) -> None:
    """The records' quads as N-Quads, as the store holds them: one graph per article and the shared
    actors graph, each actor described once."""
    from dipgraph.graph.rdf import actor_triples, article_iri, article_triples, iter_actors
    from dipgraph.graph.vocab import actors_graph_iri

    actors_g = f"<{actors_graph_iri()}>"
    seen: set[str] = set()
    for ex in extractions:
        g = f"<{article_iri(ex.article.key)}>"
        for s, p, o in article_triples(ex):
            fh.write(f"{s.n3()} {p.n3()} {o.n3()} {g} .\n")
        for a in iter_actors(ex):
            if a.key not in seen:
                seen.add(a.key)
                for s, p, o in actor_triples(a):
                    fh.write(f"{s.n3()} {p.n3()} {o.n3()} {actors_g} .\n")
