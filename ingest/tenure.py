"""Dated roles: who acted for which state or organisation when, and whom that makes a person
represent in one article.

The gazetteer holds, for people of ``data/office_terms.tsv`` and ``data/petrarch_people.tsv``, the
terms of their roles ("Sergey Lavrov: Russia, Ambassador 1994-2004; Russia, Foreign Minister from 2004"). A person
represents a state in an article only when the article's date for them (the year the text is
about where they are first named, else the publication date) falls within one of those terms;
otherwise only the text can say it ("former Nigerian President Obasanjo" never represents Nigeria).
The text giving a current title without the state ("Home Secretary Charles Clarke") says it, when
the person only ever held office for one state: the title is for that state.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dipgraph.graph.records import Actor

__all__ = ["Term", "held_at", "terms_of", "assign_dated_roles"]


@dataclass(frozen=True)
class Term:
    """A role held for a state or organisation from ``start`` to ``end`` (inclusive; None is open)."""

    of: Actor
    role: str | None = None
    start: date | None = None
    end: date | None = None

    def covers(self, when: date | int) -> bool:
        """True if the term holds on a day, or at some time in a year (an ``int``)."""
        if isinstance(when, int):
            lo, hi = date(when, 1, 1), date(when, 12, 31)
        else:
            lo = hi = when
        return (self.start is None or self.start <= hi) and (self.end is None or lo <= self.end)


def held_at(terms: tuple[Term, ...], when: date | int | None) -> Term | None:
    """The term that holds at ``when``: of several, the one begun last (the current office), a
    named role before an unnamed one. None when ``when`` is unknown or no term holds."""
    if when is None:
        return None
    hits = [t for t in terms if t.covers(when)]
    if not hits:
        return None
    return max(hits, key=lambda t: (t.start or date.min, t.role is not None))


def terms_of(gz, label: str) -> tuple[Term, ...]:
    """The dated roles of the person called ``label``, read from the gazetteer's rows the first time
    they are asked for (most of the people are never named, so their rows stay as text)."""
    cache = gz.terms_read
    if label not in cache:
        out = []
        for ref, role, start, end in gz.terms.get(label, ()):
            of = gz.by_key.get(f"country/{ref}") if len(ref) == 3 and ref.isupper() else None
            if of is None:
                entry = gz.names.get(ref)
                of = entry.actor if entry is not None and entry.actor.kind == "organisation" else None
            if of is not None:
                out.append(Term(of, role or None, date.fromisoformat(start) if start else None,
                                date.fromisoformat(end) if end else None))
        cache[label] = tuple(out)
    return cache[label]


def _before_all(terms: tuple[Term, ...], when: date | int | None) -> bool:
    """True if ``when`` comes before every term began: the person held none of them yet."""
    if when is None or not terms or any(t.start is None for t in terms):
        return False
    first = min(t.start for t in terms)
    return (when < first.year) if isinstance(when, int) else (when < first)


def only_state(idx, terms: tuple[Term, ...]) -> Actor | None:
    """The one state (or body) all of a person's terms are for, when the article names it: a
    namesake who served a state the article never names is someone else ("Conservative spokesman
    A" in a British story is not the Canadian minister of that name)."""
    states = {t.of.key: t.of for t in terms}
    if len(states) != 1:
        return None
    state = next(iter(states.values()))
    return state if any(m.actor.key == state.key for m in idx.ments) else None


def assign_dated_roles(idx, published: date | None) -> None:
    """Give each person of the article with dated roles in the gazetteer the role that holds on
    the article's date for them, where the text has not said whom they act for. A title the text
    gives without a state ("energy minister Yuval Steinitz") keeps its title and takes the state of
    the term that holds, or, when none holds (or the article has no date), the one state all the
    person's terms are for, if there is one (not for a generic "leader"). A person the text calls
    former keeps none, and so does one named at a time before their first term began."""
    terms_by_key = idx.gaz.terms
    if not terms_by_key:
        return
    first: dict[str, tuple[int, Actor]] = {}
    for m in idx.ments:
        if m.actor.kind == "person" and m.actor.label in terms_by_key:
            if m.actor.key not in first or m.start < first[m.actor.key][0]:
                first[m.actor.key] = (m.start, m.actor)
    for key, (start, actor) in first.items():
        source = idx.role_source.get(key)
        if source == "former":
            continue
        role, of = idx.roles.get(key, (None, None))
        year = idx.year_at(start)
        when: date | int | None = published
        if year is not None and (published is None or year < published.year):
            when = year  # (a year ahead, "will revert in 1999", says nothing of who holds office now)
        terms = terms_of(idx.gaz, actor.label)
        if of is not None:
            if source == "gazetteer" and _before_all(terms, when):
                del idx.roles[key]  # "union leader Lech Walesa" in 1985: not yet in office
            continue
        if _before_all(terms, when):
            continue
        term = held_at(terms, when)
        if term is None and source == "text" and only_state(idx, terms) is not None and \
                (role or "").lower() not in ("leader", "chairman", "head"):
            # the text gives a current title but no state ("Home Secretary Charles Clarke", "Elaine
            # Chao, the Secretary of Transportation" after her listed term): the title is for the
            # one state the person ever held office for
            term = Term(terms[0].of)
        if term is None:
            continue
        if source == "text" and term.of.kind == "organisation" and idx.national_title(role):
            continue  # "Foreign Secretary Sir Geoffrey Howe" while his state chaired the Community: his state's
        if source == "text":
            idx.roles[key] = (role or term.role, term.of)
        else:
            idx.set_role(actor, term.role, term.of, source="gazetteer")
        idx.people.setdefault(key, actor)
