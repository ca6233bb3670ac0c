"""Finding the actors of an article: gazetteer names, people, titles, roles and references.

:func:`find_actors` reads a parsed ``Doc`` and returns an :class:`ActorIndex` that answers
"which actor does this token stand for?" for the relation rules, resolving capitals and seats of
government to their state, surnames to full names, "the foreign minister" and "his counterpart"
to the person holding that role, and pronouns to the nearest fitting actor.

The module is long on purpose: finding names, titles and references are passes over one
:class:`ActorIndex` that each depend on what the earlier ones found (a role needs the names, a
reference needs the roles), so they live beside the index they fill, each pass a short function.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from dipgraph.graph.records import Actor, Mention, Role

from .shapes import JUDGING, VENUES, kids
from .text import fold_accents
from .words import WORDS
from .gazetteer import SHARED_SHORT_NAMES, Gazetteer
from .tenure import assign_dated_roles, only_state, terms_of

__all__ = ["ActorIndex", "Ment", "find_actors", "clean_person_name"]

HONORIFICS = WORDS.set("honorifics")
RANKS = WORDS.set("military_ranks")  # "Major General A, the navy's commander,": a rank, no office
# names of things the entity recogniser may take for a person ("announced it on Twitter")
NOT_PEOPLE = WORDS.set("not_people")
SPEAKERS = WORDS.set("speakers")
REALMS = {"kingdom", "emirate", "sultanate", "monarchy"}
REALM_STATES = WORDS.multimap("realm_states")
# the kinds of actor that are states, present or former
STATE_KINDS = ("country", "former_state")
# "the country", "the island nation": the state named just before (see ActorIndex._the_country)
STATE_NOUNS = WORDS.set("state_nouns")
ISLAND_STATES = REALM_STATES.get("island", frozenset())
# words that make a region of the name after them ("Latin America", "Central Africa")
REGION_WORDS = WORDS.set("region_words")
# words of a state's formal name, never of a person's ("Democratic Republic", "Federation")
STATE_FORMS = WORDS.set("state_forms")
PLACE_NOUNS = WORDS.set("place_nouns")
BODY_HEADS = WORDS.set("body_heads")  # "the National Security Agency": no person
SAYING = WORDS.set("reporting_verbs")
TELLING = WORDS.set("addressing_verbs")  # "A told B it must ..."
PARTY_STATES = WORDS.map("party_states")
FORCE_OWNERS = WORDS.set("force_owners")  # "Yemeni government jets": the government's
BACKED = frozenset(WORDS.map("backing"))  # "a UN-backed court": the court is not the UN
# words of parties' names that many states have ("Conservative leader A"): a party politician's title
PARTY_WORDS = WORDS.set("party_words")
POLITICIANS = WORDS.set("politician_nouns")
# prefixes of warships' names and the state whose navy they serve ("HMS Dauntless")
SHIP_PREFIXES = {"USS": "USA", "HMS": "GBR", "HMAS": "AUS", "HMCS": "CAN", "HMNZS": "NZL", "RFS": "RUS"}
VESSELS = frozenset({"ship", "vessel", "tanker", "frigate", "destroyer", "carrier", "cruiser", "warship",
                     "submarine", "freighter", "ferry", "boat", "trawler", "corvette"})
# words before a title that say its holder does not act for the state ("former", "jailed nationalist leader")
OUT_OF_OFFICE = frozenset({"former", "ex", "late", "shadow", "opposition", "jailed", "imprisoned", "detained",
                           "exiled", "dissident", "rebel", "nationalist"})
# what one does to a text that makes it one's own ("a resolution drafted by X")
DRAFTING = WORDS.set("drafting")
# those who fight or oppose a state ("the Afghan rebels" are not Afghanistan)
OPPONENTS = WORDS.set("opponents")
# words for the fighters of an armed group ("the rebels" after the one group a story names)
_FIGHTER_WORDS = WORDS.set("fighter_words")
# verbs of demanding a thing of another: "A demanded that he disarm" is not A
_DEMANDING = WORDS.set("demanding_verbs")
FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves"}
QUOTING_VERBS = WORDS.set("quoting_verbs")
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
GENDERED_TITLES = WORDS.map("gendered_titles")
GROUP_PRONOUNS = {"it", "its", "itself", "they", "them", "their"}
COUNTERPART = WORDS.set("counterpart")
SETTING_APART = WORDS.set("setting_apart")
# nouns that name another actor by its tie to the owner ("its neighbour" is not "it")
RELATIONAL = WORDS.set("relational")
# nouns that stand for the state or organisation that owns them
INSTITUTIONS = WORDS.set("institutions")
RULINGS = WORDS.set("rulings")  # "rejected the ruling": the court that gave it
# what a leader heads that stands for the state ("the Aquino government", "the Bush administration")
GOVERNING_BODIES = WORDS.set("governing_bodies")
# what a person decides or says, which stays theirs ("backed A's account" backs A, not A's state)
PERSONAL_ACTS = WORDS.set("personal_acts")
# what one does that makes a measure or a plan one's own ("the zone X declared")
MAKING = WORDS.set("making")
# acts done to someone: "the invasion of X", "the murder of Y's envoy" name who suffered them
HARM_NOUNS = WORDS.set("harm_nouns")
# heads a capital before them only places: "a Lima hotel", "the Moscow bombing", "the London meeting"
# (where it was held), "the Paris agreement" (where it was signed)
PLACED_HEADS = VENUES | HARM_NOUNS | WORDS.set("named_for_venue")
# groups of states that act as the one leading them ("a coalition led by B", "the B-led force")
LED_GROUPS = WORDS.set("state_led_groups")
_LED_TEAMS = WORDS.set("led_groups")  # "a delegation led by A"
TAKING_OFFICE = WORDS.set("taking_office")  # "was sworn in as president of X"
PUBLIC_ROLES = WORDS.set("public_roles")


# Tokens either side of a title ("the foreign minister") within which the person it names is sought:
# far more than a news story, and a bound on the work per title in a very long text.
NEAR = 5000


def clean_person_name(text: str) -> str:
    """A person's name without brackets, honorifics and possessive: "[Vladimir] Putin's" -> "Vladimir Putin"."""
    text = re.sub(r"[\[\]()]", "", text)
    text = re.sub(r"['’]s$", "", text.strip())
    words = text.split()
    while words and words[0].lower().strip(",") in HONORIFICS:
        words.pop(0)
    if len(words) > 1 and words[-1].endswith(".") and len(words[-1]) > 3 and words[-1][:-1].isalpha() and \
            words[-1].lower() not in ("jr.", "sr."):
        # "met Hun Sen.": the tokenizer keeps a sentence's stop on a surname that is also an
        # abbreviation ("Sen." for senator)
        words[-1] = words[-1][:-1]
    return " ".join(w.strip(",") for w in words)


@dataclass
class Ment:
    """A mention: tokens ``start`` to ``end`` (exclusive) stand for ``actor``."""

    start: int
    end: int
    actor: Actor
    how: str  # name, metonym, demonym, person, surname


@dataclass
class ActorIndex:
    """The actors of one parsed article and the means to resolve a token to one of them."""

    doc: object
    gaz: Gazetteer
    ments: list[Ment] = field(default_factory=list)
    by_token: dict[int, Ment] = field(default_factory=dict)
    roles: dict[str, tuple[str | None, Actor | None]] = field(default_factory=dict)
    # person key -> the organisations they chair beside the post they hold ("OAU chairman A of Zambia")
    chairs: dict[str, list[tuple[str, Actor]]] = field(default_factory=dict)
    role_source: dict[str, str] = field(default_factory=dict)  # person key -> "text" | "gazetteer"
    # person key -> the state of a party politician ("Tory leader A"), who does not act for it
    nationality: dict[str, Actor] = field(default_factory=dict)
    # people an article calls opposition politicians: of some state, acting for none
    opposition: set = field(default_factory=set)
    people: dict[str, Actor] = field(default_factory=dict)
    pending_singles: list = field(default_factory=list)
    sentence_years: dict[int, int] = field(default_factory=dict)
    published_year: int | None = None
    _sents: list | None = None
    _text: str | None = None
    _ents: list | None = None
    _texts: list | None = None
    _sexes: tuple[int, dict[str, str]] | None = None  # (mentions counted, sex by person key)
    _tokens: list | None = None
    _starts: list | None = None
    _ent_starts: list | None = None
    # the mentions in text order, with their starts, kept as they are added: looking near a token
    # then costs the same however long the article is
    _by_start: list = field(default_factory=list)
    _resolving: set = field(default_factory=set)  # tokens being resolved now (a guard against asking one again)
    _ment_starts: list = field(default_factory=list)
    _ment_seqs: list = field(default_factory=list)
    _focal: tuple | None = None
    _chain: int = 0  # how many pronouns back a "he" is being followed
    _version: int = 0  # counts changes to the mentions, so what is built from them is built again
    _org_words_at: tuple = (-1, {})
    _kinds_at: tuple = (-1, {})
    # what ``resolve`` answered, once the mentions and roles are all found (``settle``): the rules
    # ask it of the same words many times
    _answers: dict | None = None
    # the state a wire story was filed from ("HANOI, May 4 - "), where "arrived here" arrived
    filed_from: Actor | None = None

    @property
    def text(self) -> str:
        """The document's text, built once (spaCy joins every token for ``doc.text``)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def ents(self) -> list:
        """The named entities of the document, computed once."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
        return self._ents

    def ent_at(self, i: int):
        """The named entity holding token ``i``, if any."""
        if self._ent_starts is None:
            self._ent_starts = [e.start for e in self.ents]
        k = bisect_right(self._ent_starts, i) - 1
        return self.ents[k] if k >= 0 and i < self.ents[k].end else None

    @property
    def tokens(self) -> list:
        """The document's tokens, made once (iterating a spaCy doc makes every token object again)."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    @property
    def texts(self) -> list[str]:
        """Each token's text, read once."""
        if self._texts is None:
            self._texts = [t.text for t in self.tokens]
        return self._texts

    @property
    def sents(self) -> list:
        """The sentences of the document, computed once (spaCy walks every token for ``doc.sents``)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._starts = [s.start for s in self._sents]
        return self._sents

    def sent_of(self, i: int):
        """The sentence holding token ``i``."""
        return self.sents[self.sent_number(i)]

    def sent_number(self, i: int) -> int:
        """The number of the sentence holding token ``i`` (the first is 0)."""
        self.sents  # (computes the sentence starts once)
        return bisect_right(self._starts, i) - 1

    def sents_upto(self, i: int, n: int) -> list:
        """The last ``n`` sentences up to and including the one holding token ``i``."""
        sents = self.sents
        k = bisect_right(self._starts, i)
        return sents[max(0, k - n):k]

    def ments_between(self, lo: int, hi: int) -> list[Ment]:
        """The mentions starting at tokens ``lo`` to ``hi`` (exclusive), in text order."""
        return self._by_start[bisect_left(self._ment_starts, lo):bisect_left(self._ment_starts, hi)]

    def ments_near(self, i: int) -> list[tuple[int, Ment]]:
        """(order found, mention) of the mentions within :data:`NEAR` tokens of token ``i``: where
        a title or "his counterpart" looks for the person meant, so that its work does not grow
        with the length of the article (a news story is shorter than the window)."""
        lo = bisect_left(self._ment_starts, i - NEAR)
        hi = bisect_left(self._ment_starts, i + NEAR)
        return list(zip(self._ment_seqs[lo:hi], self._by_start[lo:hi]))

    def ments_back(self, hi: int, lo: int = 0) -> Iterator[Ment]:
        """The mentions starting at tokens ``hi`` (exclusive) down to ``lo``, nearest first."""
        k = bisect_left(self._ment_starts, hi)
        by_start, starts = self._by_start, self._ment_starts
        while k > 0 and starts[k - 1] >= lo:
            k -= 1
            yield by_start[k]

    def year_at(self, i: int) -> int | None:
        """The year the text is about at token ``i``: a year its sentence names, else the last one
        named earlier in its paragraph; None when the text does not say."""
        return self.sentence_years.get(self.sent_of(i).start)

    def era_year(self, i: int) -> int | None:
        """The year a capital at token ``i`` speaks in: the year the text is about there, else the
        year the article was published ("Moscow said" in 1987 is the Soviet Union)."""
        year = self.year_at(i)
        return year if year is not None else self.published_year

    # -- building -------------------------------------------------------------------------------
    def add(self, m: Ment) -> None:
        if any(i in self.by_token for i in range(m.start, m.end)):
            return
        if m.actor.kind == "person" and " " in m.actor.label and m.actor.label.split()[-1].lower() in BODY_HEADS:
            return  # "the National Security Agency": a body the entity recogniser took for a person
        self.ments.append(m)
        self._version += 1
        k = bisect_right(self._ment_starts, m.start)
        self._ment_starts.insert(k, m.start)
        self._by_start.insert(k, m)
        self._ment_seqs.insert(k, len(self.ments) - 1)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def keep(self, ments: list[Ment]) -> None:
        """Keep only ``ments`` (in the order they were found) of the mentions."""
        if len(ments) == len(self.ments):
            return
        self.ments[:] = ments
        self._version += 1
        order = sorted(range(len(ments)), key=lambda k: ments[k].start)
        self._by_start[:] = [ments[k] for k in order]
        self._ment_starts[:] = [ments[k].start for k in order]
        self._ment_seqs[:] = order
        self.by_token.clear()
        for m in ments:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    def relabel(self, k: int, actor: Actor) -> None:
        """Mention ``k`` stands for ``actor`` after all."""
        old = self.ments[k]
        m = Ment(old.start, old.end, actor, old.how)
        self.ments[k] = m
        self._version += 1
        self._by_start[self._by_start.index(old)] = m
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def set_role(self, person: Actor, role: str | None, of: Actor | None, source: str = "text") -> None:
        if of is not None and of.kind == "person":
            return
        old_role, old_of = self.roles.get(person.key, (None, None))
        if self.role_source.get(person.key) in ("text", "former") and source != "text":
            return
        if source == "text" and of is None and old_of is not None and old_of.kind == "organisation" and \
                self.role_source.get(person.key) == "gazetteer" and self.national_title(role):
            old_of = None  # "Prime Minister A", known for a later post at a body of states: not that body's
        if self.role_source.get(person.key) != "text" or old_of is None:
            self.roles[person.key] = (role or old_role, of or old_of)
        else:
            self.roles[person.key] = (old_role or role, old_of)
        self.role_source[person.key] = source if self.role_source.get(person.key) != "text" else "text"

    def set_known_role(self, person: Actor, entry) -> None:
        """The role the gazetteer gives a known person, as it stood in the year the article was
        published. (Not the year the sentence names, which is often another event's: "Foreign
        Secretary A said the 1997 treaty ..." A title the text gives settles it: see _listed_titles.)"""
        role, of = entry.of_year(self.published_year)
        if of is not None:
            self.set_role(person, role, of, source="gazetteer")

    def known_entry(self, key: str):
        """The gazetteer's entry of the person with ``key`` (their listed post and years), if any."""
        actor = self.people.get(key)
        entry = self.gaz.names.get(actor.label) if actor is not None else None
        return entry if entry is not None and entry.how == "person" and entry.actor.key == key else None

    def national_title(self, role: str | None) -> bool:
        """A title only a state's officers bear: a head of government, a minister, a monarch."""
        if not role:
            return False
        ranks = self.gaz.role_ranks.get(role.lower(), frozenset())
        return bool(ranks) and ranks <= {"head_of_government", "minister"} or \
            role.lower() in ("king", "queen", "emir", "sultan", "crown prince")

    # -- questions --------------------------------------------------------------------------------
    def mention_at(self, i: int) -> Ment | None:
        return self.by_token.get(i)

    def country_of(self, actor: Actor) -> Actor | None:
        """The country or organisation a person acts for, if known."""
        if actor.kind != "person":
            return actor
        return self.roles.get(actor.key, (None, None))[1]

    def role_of(self, actor: Actor) -> str | None:
        return self.roles.get(actor.key, (None, None))[0]

    def resolve(self, tok, *, allow_demonym: bool = False, loose: bool = False) -> Actor | None:
        """The actor that token ``tok`` stands for, or None.

        ``loose`` also accepts any noun owned by an actor ("Russia's invasion" for Russia), as the
        object of criticism, support or attack names its owner."""
        answers = self._answers
        if answers is not None and not self._resolving and not self._chain:
            key = (tok.i, allow_demonym, loose, self._version)
            if key not in answers:
                answers[key] = self._resolve_once(tok, allow_demonym=allow_demonym, loose=loose)
            return answers[key]
        return self._resolve_once(tok, allow_demonym=allow_demonym, loose=loose)

    def settle(self) -> None:
        """Note that every mention and role is found: from now on ``resolve`` remembers its answers
        (an answer asked while another word is being resolved is not kept, as it may depend on it)."""
        self._answers = {}

    def _resolve_once(self, tok, *, allow_demonym: bool, loose: bool) -> Actor | None:
        m = self.by_token.get(tok.i)
        if m is None:
            # a pronoun inside the phrase that owns it ("his aide", "his" read through the subject
            # that holds it) would be asked of itself again: it stands for no one that way
            if tok.i in self._resolving:
                return None
            self._resolving.add(tok.i)
            try:
                return self._resolve(tok, allow_demonym=allow_demonym, loose=loose)
            finally:
                self._resolving.discard(tok.i)
        return self._resolve(tok, allow_demonym=allow_demonym, loose=loose)

    def _resolve(self, tok, *, allow_demonym: bool, loose: bool) -> Actor | None:
        m = self.by_token.get(tok.i)
        if m is not None:
            if m.how == "demonym" and not allow_demonym and not (
                    tok.tag_ in ("NNS", "NNPS") and any(c.lower_ == "the" for c in kids(tok))):
                return None  # "Iranian" is no actor, but "the Iranians" stand for their state
            return m.actor
        low = tok.lower_
        if low in ("who", "which") and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and \
                tok.head.head.dep_ == "relcl" and tok.head.head.i < tok.head.i and tok.i < tok.head.head.i:
            return self.resolve(tok.head.head.head, allow_demonym=allow_demonym)  # "A, which officials say sent B"
        if low == "whose" and tok.head.head.dep_ == "relcl" or low in ("who", "which") and tok.head.dep_ == "relcl":
            rel = tok.head.head if low == "whose" else tok.head
            return self.resolve(rel.head, allow_demonym=allow_demonym)  # "Modi, whose government"
        if low in ("who", "which") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "conj" and \
                tok.head.head.dep_ == "relcl":
            # "B, which A ruled until 1962 and which remains A's main aid recipient": the same antecedent
            return self.resolve(tok.head.head.head, allow_demonym=allow_demonym)
        if low in FIRST_PERSON and tok.pos_ == "PRON":
            return self.quoted_speaker(tok)
        if low in PERSON_PRONOUNS:
            return self._pronoun_person(tok)
        if low in GROUP_PRONOUNS:
            return self._pronoun_group(tok)
        # a noun whose apposition or compound names an actor: "his counterpart Choe Sun-hui"
        for child in kids(tok):
            if child.dep_ in ("appos", "compound") and child.i > tok.i and \
                    not any(w.pos_ == "VERB" for w in tok.doc[tok.i + 1:child.i]):  # (not a list the parser hung across a verb)
                m = self.by_token.get(child.i)
                if m is not None and m.how != "demonym":
                    return m.actor
        if tok.tag_ == "NN" and low in ("country", "nation"):
            # "his country": the state of the person "his" stands for
            for c in kids(tok):
                if c.dep_ == "poss" and c.lower_ in ("his", "her"):
                    person = self.resolve(c)
                    home = self.country_of(person) if person is not None and person.kind == "person" else None
                    if home is not None:
                        return home
                if c.dep_ == "poss" and c.lower_ == "their" and tok.dep_ in ("nsubj", "nsubjpass") and \
                        tok.head.dep_ == "ccomp" and tok.head.head.lemma_.lower() in SAYING:
                    # "Iranian officials said their country would ...": the speakers' state
                    home = self.speakers_side(tok.head.head, tok.i, True)
                    if home is not None and home.kind in STATE_KINDS:
                        return home
        if tok.tag_ == "NN" and low in STATE_NOUNS | {"republic", "kingdom"} and low != "capital":
            # "the island nation of Nauru", "the Republic of Korea" (its name read as words): the state named
            named = [a for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c)
                     if p.dep_ == "pobj" and p.i in self.by_token and (a := self.by_token[p.i].actor).kind in STATE_KINDS]
            if named:
                return named[0]
        if tok.tag_ == "NN" and low in STATE_NOUNS and any(c.lower_ == "the" for c in kids(tok)):
            found = self._the_country(tok)
            if found is not None:
                return found
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("government", "ministry", "administration") and \
                _bare_definite(tok) and not any(c.dep_ in ("nmod", "appos") or c.dep_ == "prep" and c.lower_ == "of"
                                                for c in kids(tok)):  # (not "the government of B")
            named = self._institution_named_before(tok)
            if named is not None:
                return named
        if loose and tok.lemma_.lower() in RULINGS and _bare_definite(tok):
            # "rejected the ruling", after the court that gave it: the court
            courts = {m.actor.key: m.actor for m in self._named_of_kind("court") if m.start < tok.i}
            if len(courts) == 1:
                return next(iter(courts.values()))
        if tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in kids(tok)):
            org = self._definite_org(tok) if low not in REALMS else self._realm(tok)
            if org is not None:
                return org
        if tok.pos_ in ("NOUN", "PROPN"):
            found = self._nominal(tok)
            if found is None and (loose or tok.lemma_.lower() in INSTITUTIONS or tok.lower_ in INSTITUTIONS or
                                  tok.lemma_.lower() in ("group", *_FIGHTER_WORDS) and any(
                                      c.dep_ == "compound" and c.i in self.by_token and
                                      self.by_token[c.i].actor.kind == "organisation" for c in kids(tok))):
                found = self._owner(tok)  # ("the G8 group of rich nations": the G8; not "the rebel group")
            if found is None and tok.lower_ in ("countries", "nations"):
                # "the countries of the Arab League": the league (but "the two countries" are two)
                found = next((a for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of"
                              for p in kids(c) if p.dep_ == "pobj" and (a := self.resolve(p)) is not None
                              and a.kind == "organisation"), None)
            return found
        return None

    def _name_holders_state(self, name: str) -> Actor | None:
        """The state every known person of that name acted for ("Aquino", "Bush"), or None when
        they acted for several or none is known."""
        states = {e.of.key: e.of for e in self.gaz.people_by_part().get(name, [])
                  if e.of is not None and e.of.kind in ("country", "former_state")}
        return next(iter(states.values())) if len(states) == 1 else None

    def quoted_speaker(self, tok) -> Actor | None:
        """ "I" or "we" in a quotation: whoever the quotation is attributed to, in its own sentence
        or in the one just before or after within the paragraph ('"...," he said. "I applaud ..."');
        "we" is the speaker's state or organisation."""
        sent = self.sent_of(tok.i)
        text = self.text
        order = [sent]
        before = self.sents_upto(sent.start - 1, 1) if sent.start > 0 else []
        if before and "\n\n" not in text[before[0].end_char:sent.start_char + 1]:
            order.append(before[0])
        if sent.end < len(self.doc):
            after = self.sent_of(sent.end)
            if "\n\n" not in text[sent.end_char:after.start_char + 1]:
                order.append(after)
        for s in order:
            if not any(t.text in ('"', "“", "”", "'", "‘", "’") or t.tag_ in ("``", "''") for t in s):
                continue
            for t in s:
                if t.lemma_.lower() in QUOTING_VERBS:
                    subj = [c for c in kids(t) if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON]
                    speaker = self.resolve(subj[0]) if subj else None
                    if speaker is not None:
                        if tok.lower_ in ("we", "us", "our", "ours", "ourselves"):
                            return self.country_of(speaker) or speaker
                        return speaker if speaker.kind == "person" else None
        # 'X defended the decision, "... I will ..."': a quotation opened after the sentence's own
        # verb is the words of that verb's subject
        opened = [t.i for t in sent if t.i < tok.i and t.tag_ == "``"]
        root = sent.root
        if opened and root.i < opened[-1] and not any(t.tag_ == "''" and opened[-1] < t.i < tok.i for t in sent):
            subj = [c for c in kids(root) if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON]
            speaker = self.resolve(subj[0]) if subj else None
            if speaker is not None and speaker.kind == "person":
                if tok.lower_ in ("we", "us", "our", "ours", "ourselves"):
                    return self.country_of(speaker) or speaker
                return speaker
        return None

    def _institution_named_before(self, tok) -> Actor | None:
        """ "The ministry" after "India's foreign ministry", "the government" after "the Kenyan
        government": the state whose institution of that kind the last few sentences named."""
        word = tok.lemma_.lower()
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        for j in range(tok.i - 1, lo - 1, -1):
            w = self.doc[j]
            if w.pos_ in ("NOUN", "PROPN") and w.lemma_.lower() == word and not _bare_definite(w):
                owner = self._owner(w)
                if owner is not None and owner.kind in STATE_KINDS:
                    return owner
        return None

    def _definite_org(self, tok) -> Actor | None:
        """ "the court" after the International Criminal Court, "the Community", "the bloc"."""
        word = tok.lemma_.lower()
        if len(word) < 4 or any((c.dep_ in ("compound", "poss") or c.dep_ == "amod" and c.i in self.by_token)
                                and not _backer(c) for c in kids(tok)):
            return None  # ("the regional body" is still the body named before; "the Russian body" is not)
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        for m in self.ments_back(tok.i, lo):
            if lo <= m.start < tok.i and m.actor.kind == "organisation":
                words = {w.lower() for w in m.actor.label.split()}
                if word in words or word in ("bloc", "grouping", "organisation", "organization", "body", "alliance") and \
                        m.actor.org_kind in ("intergovernmental", "alliance") or \
                        word == "judge" and tok.tag_ == "NNS" and m.actor.org_kind == "court" or \
                        word == "ally" and tok.tag_ == "NNS" and m.actor.org_kind == "alliance":
                    # ("the judges ruled", "the allies stood with B" after NATO)
                    return m.actor
        if word in _FIGHTER_WORDS and tok.tag_ == "NNS" and any(c.lower_ == "the" for c in kids(tok)):
            # "the rebels" after the one armed group the story has named, a few sentences back at most
            groups = [m for m in self._named_of_kind("non-state-armed") if m.start < tok.i]
            if len({m.actor.key for m in groups}) == 1 and groups[-1].start >= self.sents_upto(tok.i, 6)[0].start:
                return groups[-1].actor
        named = {a.key: a for start, a in self._org_words().get(word, ()) if start < lo}
        if len(named) == 1:
            return next(iter(named.values()))  # "the court" long after the one court the story named
        if tok.text == "Community" and self.published_year is not None and self.published_year <= 1993:
            entry = self.gaz.lookup("European Community")  # "the Community" of wire copy before 1993
            return entry.actor if entry is not None else None
        return None

    def _named_of_kind(self, org_kind: str) -> list[Ment]:
        """The mentions of organisations of one kind (courts, armed groups), in text order, built
        again only when the mentions have changed."""
        if self._kinds_at[0] != self._version:
            kinds: dict[str, list[Ment]] = {}
            for m in self._by_start:
                if m.actor.org_kind:
                    kinds.setdefault(m.actor.org_kind, []).append(m)
            self._kinds_at = (self._version, kinds)
        return self._kinds_at[1].get(org_kind, [])

    def _org_words(self) -> dict[str, list[tuple[int, Actor]]]:
        """Each word of an organisation's name, with where and which organisation it was named,
        built again only when the mentions have changed (not once per question)."""
        if self._org_words_at[0] != self._version:
            words: dict[str, list[tuple[int, Actor]]] = {}
            for m in self.ments:
                if m.actor.kind == "organisation":
                    for w in {w.lower() for w in m.actor.label.split()}:
                        words.setdefault(w, []).append((m.start, m.actor))
            self._org_words_at = (self._version, words)
        return self._org_words_at[1]

    def _realm(self, tok) -> Actor | None:
        """ "the kingdom" after Crown Prince A of Saudi Arabia, "the emirate" after the Emir of
        Qatar: the state of the monarch named last, in this or the few sentences before."""
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        for m in self.ments_back(tok.i, lo):
            if m.actor.kind != "person" or not lo <= m.start < tok.i:
                continue
            role = (self.role_of(m.actor) or "").lower()
            home = self.country_of(m.actor)
            if home is not None and any(w in role for w in ("king", "queen", "prince", "emir", "sultan", "monarch")):
                return home
        # "recalled its envoy from Kuwait, saying the emirate had ...": the state of that kind named last
        kind = REALM_STATES.get(tok.lower_, frozenset())
        for m in self.ments_back(tok.i, lo):
            if lo <= m.start < tok.i and m.actor.kind == "country" and m.actor.code in kind:
                return m.actor
        return None

    def _the_country(self, tok) -> Actor | None:
        """ "the country", "the nation", "the island (nation)": the state named last before it, in
        its sentence or the two before, that is not the one acting on it ("Vietnamese troops
        invaded the country", "Israel's invasion of the country" are about another state). A word
        that sets it apart ("the neighbouring country", "the host nation") names no one here, and
        "the island" is only ever an island state."""
        newborn = any(c.dep_ == "amod" and c.lower_ in ("new", "newest", "fledgling") for c in kids(tok))
        if any(c.dep_ in ("poss", "nummod") or c.dep_ == "compound" and c.lower_ != "island"
               or c.dep_ == "amod" and (c.lower_ in SETTING_APART or c.i in self.by_token or c.ent_type_ == "NORP"
                                        or c.tag_ in ("JJR", "JJS")) and not (newborn and c.lower_ in ("new", "newest"))
               or c.dep_ == "prep" and c.lower_ == "of" for c in kids(tok)):
            return None  # (but "the landlocked country", "the small island nation" only describe it)
        island = tok.lower_ == "island" or any(c.dep_ == "compound" and c.lower_ == "island" for c in kids(tok))
        if tok.lower_ == "state" and not island and not newborn:
            return None  # ("the state" alone is as often a government or a province)
        if tok.lower_ == "capital" and not (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into")):
            return None  # "visited the capital", "flew to the capital"; but "met B in the capital" says not whose
        own: set[int] = set()
        head = tok.head
        while True:  # the doers of the verb or event noun it hangs on, up to its clause
            for c in kids(head):
                if c.dep_ in ("nsubj", "nsubjpass", "poss", "agent") and c.i != tok.i and tok.i not in \
                        {w.i for w in c.subtree}:
                    own |= {w.i for w in c.subtree}
            if head.pos_ in ("VERB", "AUX"):
                if head.dep_ == "xcomp" and head.head.i != head.i:  # "prompting A to cut ties with the country": A
                    ctrl = [c for c in kids(head.head) if c.dep_ == "dobj"] or \
                        [c for c in kids(head.head) if c.dep_ in ("nsubj", "nsubjpass")]
                    own |= {w.i for c in ctrl for w in c.subtree}
                break
            if head.head.i == head.i:
                break
            head = head.head
        doers = {self.by_token[i].actor.key for i in own if i in self.by_token}
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        fits = [m for m in self.ments_back(tok.i, lo) if m.start not in own and m.actor.key not in doers and
                m.actor.kind in STATE_KINDS and m.how != "demonym"]
        if island:
            fits = [m for m in fits if m.actor.code in ISLAND_STATES]
        if newborn:  # "recognised the new state": one told to have become independent
            fits = [m for m in fits if "independen" in self.sent_of(m.start).text.lower()]
        if tok.lower_ == "capital":
            # "flew to Port-au-Prince ... visited the capital": the capital last named as a place,
            # a few sentences back, before whichever state was named last ("the Kremlin said" is a speaker)
            wide = self.sents_upto(tok.i, 6)
            named = next((m for m in self.ments_back(tok.i, wide[0].start if wide else 0)
                          if m.how == "metonym" and m.start not in own and m.actor.key not in doers and
                          m.actor.kind in STATE_KINDS and (r := self.doc[m.start:m.end].root).dep_ == "pobj" and
                          r.head.lower_ in ("in", "to", "into", "at", "from")), None)
            if named is not None:
                return named.actor
        if not fits:
            return None
        # the state a clause is about before the nearest one named: "A recognised B, and C broke with
        # the island nation" is A
        subjects = [m for m in fits if _is_subject(self.doc[m.start:m.end].root)]
        return (subjects or fits)[0].actor

    def _owner(self, tok) -> Actor | None:
        """The state or organisation a noun belongs to: "the Israeli government", "its foreign
        ministry", "member states of the European Community", "the German move". A relational noun
        ("its neighbour", "Russia's allies") names someone else, so it has no owner here."""
        if tok.lemma_.lower() in OPPONENTS or tok.lower_ in OPPONENTS:
            for c in kids(tok):  # but "Polisario rebels", "the Front's guerrillas": the armed group's own
                m = self.by_token.get(c.i)
                if c.dep_ in ("compound", "poss", "nmod") and m is not None and m.actor.org_kind == "non-state-armed":
                    return m.actor
            return None  # "arms for the Afghan rebels": not for Afghanistan
        if tok.tag_ == "NNS" and tok.lemma_.lower() in _MEMBER_NOUNS and _some_of(tok):
            return None  # "most EU members", "five NATO states": some members, not the body
        for a in kids(tok):  # "a text tabled by Britain": the drafter's, not the council's
            if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in DRAFTING:
                for p in (p for g in kids(a) if g.dep_ == "agent" for p in kids(g) if p.dep_ == "pobj"):
                    who = self.resolve(p)
                    if who is not None:
                        return self.country_of(who) or who
        if tok.lemma_.lower() in RELATIONAL:
            for c in kids(tok):  # but "NATO allies" are the alliance's members: NATO
                m = self.by_token.get(c.i)
                if c.dep_ == "compound" and m is not None and m.actor.org_kind == "alliance":
                    return m.actor
            if tok.tag_ == "NNS":  # and "his partners in the G8", "its allies in NATO": the body
                for p in (p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in"
                          for p in kids(c) if p.dep_ == "pobj"):
                    m = self.by_token.get(p.i)
                    if m is not None and m.actor.kind == "organisation":
                        return m.actor
            return None
        for c in kids(tok):
            if c.dep_ == "poss":
                a = self.resolve(c)
                if a is not None and a.kind == "person" and tok.pos_ == "NOUN" and \
                        (tok.lemma_.lower() in PERSONAL_ACTS or tok.lower_ in PERSONAL_ACTS):
                    return a  # "praised A's decision": A, the one who made it
                if a is not None and a.kind == "person" and tok.lemma_.lower() in PUBLIC_ROLES - SPEAKERS:
                    # "A's aides met B": A's state if known, never A (but "A's spokesman" speaks for A)
                    return self.country_of(a)
                if a is not None:
                    return self.country_of(a) or a
        # ("G8 finance ministers": the parser may hang the body on the compound before the noun)
        mods = list(kids(tok))
        if tok.lemma_.lower() in self.gaz.office_words():
            mods += [g for c in mods if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.by_token
                     for g in kids(c) if g.dep_ == "compound" and g.i < c.i]
        for c in sorted(mods, key=lambda c: -c.i):
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and not _backer(c):
                m = self.by_token.get(c.i)
                if m is not None and m.how == "metonym" and tok.lemma_.lower() in PLACED_HEADS:
                    continue  # "a Lima hotel" is a building in Lima, not Peru; "the Moscow bombing" was there
                governed = tok.lemma_.lower() in GOVERNING_BODIES
                if m is not None:
                    home = self.country_of(m.actor)
                    if home is None and m.actor.kind == "person" and governed:
                        home = self._name_holders_state(c.text)  # "the Bush administration"
                    return home or m.actor  # "the Trump administration"
                if m is None and c.dep_ == "compound" and c.lemma_.lower() == "administration" and \
                        tok.lemma_.lower() in SPEAKERS | {"official"}:
                    return self._administration(tok.i)  # "Administration officials said"
                if m is None and c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and \
                        c.lemma_.lower() in FORCE_OWNERS:
                    # "Ivorian government jets", "Syrian army tanks", "U.S. Navy helicopters": whose government
                    home = self._owner(c)
                    if home is not None and home.kind in STATE_KINDS:
                        return home
                if governed and c.dep_ == "compound" and c.text.istitle():
                    home = self._name_holders_state(c.text)  # "the Aquino government", her name told no other way
                    if home is not None:
                        return home
                if c.dep_ == "amod" and c.lemma_.lower() in ("lead", "command", "head", "draft", "propose", "sponsor",
                                                              "author", "write", "table", "draw"):
                    for w in kids(c):  # "Saudi-led coalition aircraft": the leader's
                        m = self.by_token.get(w.i)
                        if w.i < c.i and m is not None:
                            return self.country_of(m.actor) or m.actor
        if tok.lemma_.lower() in ("official", "authority") and tok.tag_ == "NNS" and \
                not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in kids(tok)):
            for p in (p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in" for p in kids(c) if p.dep_ == "pobj"):
                m = self.by_token.get(p.i)
                if m is not None and m.how == "metonym" and m.actor.kind in STATE_KINDS:
                    return m.actor  # "officials in Tokyo": the state governed from there (not "diplomats in Moscow")
        for c in kids(tok):  # "the zone Britain declared", "the measures X imposed": the doer's
            if c.dep_ == "relcl" and c.lemma_.lower() in MAKING and \
                    not any(d.dep_ in ("dobj", "nsubjpass") for d in kids(c)):
                for d in kids(c):
                    m = self.by_token.get(d.i) if d.dep_ == "nsubj" and d.i > tok.i else None
                    if m is not None and m.how != "demonym":
                        return self.country_of(m.actor) or m.actor
        for c in kids(tok):  # "oil fields belonging to X"
            if c.dep_ == "acl" and c.lemma_.lower() == "belong":
                for p in (p for to in kids(c) if to.dep_ == "prep" and to.lower_ == "to"
                          for p in kids(to) if p.dep_ == "pobj"):
                    a = self.resolve(p, loose=True)
                    if a is not None:
                        return self.country_of(a) or a
        # "positions held by the rebels", "a resolution drafted by France", "a coalition (of Arab states) led by B"
        led = [c for of in kids(tok) if of.dep_ == "prep" and of.lower_ == "of" for o in kids(of)
               if o.dep_ == "pobj" and o.lemma_.lower() in ("state", "country", "nation", "ally")
               for c in kids(o)] if tok.lemma_.lower() in LED_GROUPS else []
        for c in [*kids(tok), *led]:
            if c.dep_ == "acl" and c.tag_ == "VBN" and (c.lemma_.lower() in (
                    "hold", "control", "occupy", "run", "draft", "propose", "sponsor", "operate", "own") or
                    c.lemma_.lower() in ("lead", "head", "command") and tok.lemma_.lower() in LED_GROUPS):
                for ag in kids(c):
                    if ag.dep_ == "agent":
                        for p in kids(ag):
                            a = self.resolve(p) if p.dep_ == "pobj" else None
                            if a is not None:
                                return self.country_of(a) or a
        for c in kids(tok):
            # "members of the League", "a spokesman for the rebels"
            if c.dep_ == "prep" and (c.lower_ == "from" or c.lower_ == "of" and tok.lemma_.lower() not in HARM_NOUNS or
                                     c.lower_ == "for" and tok.lemma_.lower() in SPEAKERS):
                for p in kids(c):
                    if p.dep_ == "pobj":
                        a = self.resolve(p)
                        if a is not None and (a.kind != "person" or c.lower_ == "from" and
                                              tok.lemma_.lower() in ("request", "offer", "invitation", "proposal",
                                                                     "demand", "appeal", "plea", "call")):
                            return a  # "a request from Chancellor A": A's
                        if a is not None and c.lower_ == "for":
                            return self.country_of(a) or a  # "a spokesman for President A": as "A's spokesman"
        if tok.lemma_.lower() in ("junta", "regime", "government", "authorities", "authority", "leadership", "rulers",
                                  "military", "ministry", "administration", "cabinet"):
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            joined = [c.i for c in kids(tok) if c.dep_ == "conj"]
            for c in list(kids(tok)) + ([nxt] if nxt is not None and nxt.lower_ == "in" and nxt.head.i != tok.i
                                           else []):  # "the junta in Niger" (the parser may hang "in" on the verb)
                if c.dep_ == "prep" and c.lower_ == "in" and not any(j < c.i for j in joined):
                    # (not "talks between the government and the rebels in Havana": where they talked)
                    for p in kids(c):
                        m = self.by_token.get(p.i)
                        if p.dep_ == "pobj" and m is not None and m.actor.kind in STATE_KINDS:
                            return m.actor
        if (tok.lemma_.lower() in ("junta", "regime", "putschist") or tok.lower_ in ("generals", "authorities") or
                tok.lower_ == "government" and tok.dep_ in ("nsubj", "dobj", "pobj", "conj") and
                not (tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp") and  # (not "A said the government should")
                not any(c.dep_ == "prep" for c in kids(tok)) or  # (nor "the government of President A")
                tok.lemma_.lower() == "leader" and any(c.lower_ == "coup" for c in kids(tok))) and \
                any(c.lower_ == "the" for c in kids(tok)):
            return self._named_junta(tok) or self.focal_state()  # "the junta" in a story about Niger
        return None

    def _named_junta(self, tok) -> Actor | None:
        """The state of the junta (or coup) named before with its state: "the Niger junta", "Mali's
        junta", "the coup in Guinea", "took power in Mali"; "the junta" later in the story is that one."""
        kin = {tok.lemma_.lower(), "coup", "putsch", "takeover", "power"}  # "soldiers who took power in Mali"
        for j in range(tok.i - 1, -1, -1):
            w = self.doc[j]
            if w.lemma_.lower() not in kin:
                continue
            for c in list(kids(w)) + ([x for x in kids(w.head) if x.dep_ == "prep"] if w.dep_ == "dobj" else []):
                m = self.by_token.get(c.i) if c.dep_ in ("compound", "amod", "poss", "nmod") else None
                if c.dep_ == "prep" and c.lower_ == "in":
                    m = next((self.by_token.get(p.i) for p in kids(c) if p.dep_ == "pobj"), None)
                if m is not None and m.actor.kind in STATE_KINDS:
                    return m.actor
        return None

    def is_leader(self, actor: Actor) -> bool:
        """Whether ``actor`` is a person whose role heads a state or its government."""
        office = self.gaz.offices.get((self.role_of(actor) or "").lower()) if actor.kind == "person" else None
        return office is not None and office.rank in ("head_of_state", "head_of_government")

    def _administration(self, i: int) -> Actor | None:
        """The state whose "administration" a bare mention means: that of the head of state or
        government named last before token ``i``, else the state the story is about."""
        for m in self.ments_back(i):
            if self.is_leader(m.actor):
                return self.country_of(m.actor) or self.focal_state()
        return self.focal_state()

    def focal_state(self) -> Actor | None:
        """The state an article is about, when one is named far more often than any other."""
        if self._focal is not None and self._focal[0] == len(self.ments):
            return self._focal[1]  # mentions are only ever added: the same count, the same answer
        self._focal = (len(self.ments), self._focal_state())
        return self._focal[1]

    def _focal_state(self) -> Actor | None:
        counts: dict[str, int] = {}
        actors: dict[str, Actor] = {}
        for m in self.ments:
            if m.actor.kind in STATE_KINDS:
                counts[m.actor.key] = counts.get(m.actor.key, 0) + 1
                actors[m.actor.key] = m.actor
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
            return actors[ranked[0][0]]
        return None

    def _sex_of(self, actor: Actor) -> str | None:
        """ "m" or "f" where the article addresses the person so ("Mr A", "Queen B"), else None."""
        if self._sexes is None or self._sexes[0] != len(self.ments):  # (mentions may still be added)
            sexes: dict[str, str] = {}
            for m in self.ments:
                if m.actor.kind == "person" and m.start > 0:
                    sex = GENDERED_TITLES.get(self.texts[m.start - 1].lower())
                    if sex is not None:
                        sexes.setdefault(m.actor.key, sex)
            self._sexes = (len(self.ments), sexes)
        return self._sexes[1].get(actor.key)

    def _pronoun_person(self, tok) -> Actor | None:
        """The person "he", "she" or "his" stands for (never one addressed as the other sex)."""
        a = self._pronoun_person_any(tok)
        sex = _PRONOUN_SEX.get(tok.lower_)
        if a is None or sex is None or self._sex_of(a) in (None, sex):
            return a
        # "Mr A met Dr B in Paris. She then flew to Berlin": the nearest person of the pronoun's sex
        lo = self.sents_upto(tok.i, 3)[0].start
        return next((m.actor for m in self.ments_back(tok.i, lo)
                     if m.actor.kind == "person" and self._sex_of(m.actor) in (None, sex)), None)

    def _pronoun_person_any(self, tok) -> Actor | None:
        sent = self.sent_of(tok.i)
        if tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her"):
            # "A phoned B and urged him to ...": not A, who would be "himself"
            return self._object_pronoun(tok, sent)
        if tok.dep_ == "nsubj" and tok.lower_ in ("he", "she") and tok.head.dep_ == "ccomp" and \
                tok.head.head.lemma_.lower() in _DEMANDING and \
                any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(tok.head)):
            # "A demanded that he disarm": what one demands is of another, the nearest person before
            # who is not the one demanding
            asker = {a.key for c in kids(tok.head.head) if c.dep_ == "nsubj" and c.lower_ not in PERSON_PRONOUNS
                     and (a := self.resolve(c)) is not None}
            if asker:
                lo = self.sents_upto(tok.i, 3)[0].start
                return next((m.actor for m in self.ments_back(tok.i, lo)
                             if m.actor.kind == "person" and m.actor.key not in asker), None)
        if tok.lower_ in ("his", "her") and tok.dep_ == "poss":
            # "During his stay in Moscow, A met B": a phrase put before the subject speaks of the subject
            head = tok.head
            while head.head.i != head.i and head.head.i != sent.root.i:
                head = head.head
            if (head.dep_ == "prep" or head.dep_ == "advmod" and any(c.dep_ == "prep" for c in kids(head))) and \
                    head.head.i == sent.root.i:
                # (and "Ahead of his trip, A ordered ...")
                later = [c for c in kids(sent.root) if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
                a = self.resolve(later[0]) if later and later[0].lower_ not in PERSON_PRONOUNS else None
                if a is not None and a.kind == "person":
                    return a
        root_subj = [c for c in kids(sent.root) if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if tok.dep_ == "poss" and tok.head.dep_ == "dobj" and tok.head.head.i == sent.root.i and \
                (tok.head.lemma_.lower() in PERSONAL_ACTS or tok.head.lower_ in PERSONAL_ACTS) and \
                sent.root.lemma_.lower() in JUDGING and root_subj:
            # "A rejected her remarks": another's words, not A's own: the person named last before A
            own = {a.key for s in root_subj if (a := self.resolve(s)) is not None}
            lo = self.sents_upto(tok.i, 3)[0].start
            return next((m.actor for m in self.ments_back(min(s.i for s in root_subj), lo)
                         if m.actor.kind == "person" and m.actor.key not in own), None)
        for s in root_subj:
            a = self.resolve(s) if s.lower_ not in PERSON_PRONOUNS else None
            if a is not None and a.kind == "person":
                return a
        if tok.dep_ in ("nsubj", "nsubjpass") and sent.start > 0 and tok.i - sent.start <= 1 and \
                self.text[:sent.start_char].rstrip().endswith(('"', "”")):
            # 'A said: "B has turned the vote into a farce." He warned ...': the one who spoke, not
            # the one he spoke of
            a = self.quoted_speaker(self.tokens[sent.start - 1])
            if a is not None and a.kind == "person":
                return a
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == sent.root.i and sent.start > 0:
            # "A told reporters that B had been expelled. He accused ...": the last sentence's main
            # subject goes on, before a subject inside its clauses
            prev = self.sent_of(sent.start - 1)
            for s in (c for c in kids(prev.root) if c.dep_ in ("nsubj", "nsubjpass")):
                # (a name, or a title with the name beside it; never another pronoun, which would
                # send the question back sentence by sentence)
                m = self.by_token.get(s.i) or next((self.by_token[c.i] for c in kids(s)
                                                    if c.dep_ == "appos" and c.i in self.by_token), None)
                if m is not None and m.actor.kind == "person":
                    return m.actor
                if m is None and s.pos_ == "NOUN" and any(c.lower_ == "the" for c in kids(s)) and \
                        (a := self.resolve(s)) is not None and a.kind == "person":
                    return a  # "The minister, who also met B, said ... He then flew on": the minister
                if m is None and s.lower_ == tok.lower_ and self._chain < 3:
                    # "He spoke with A and B. He called on X to ...": the same "he" goes on, a few
                    # sentences back at most
                    self._chain += 1
                    try:
                        a = self._pronoun_person_any(s)
                    finally:
                        self._chain -= 1
                    if a is not None:
                        return a
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == sent.root.i and sent.start > 0 and \
                not any(m.actor.kind == "person" for m in self.ments_back(tok.i, sent.start)):
            # "Diplomats said the meeting was a coup for A. In June he held talks with B": the one
            # person the sentence before speaks of, though not as its subject
            prev = self.sent_of(sent.start - 1)
            named = {m.actor.key: m for m in self.ments_back(sent.start, prev.start) if m.actor.kind == "person"}
            if len(named) == 1 and not any(tok.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                                           for m in named.values()) and \
                    not any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PERSON_PRONOUNS for t in prev):
                # (but "Then he met B. He had met C the day before": the same "he" goes on)
                return next(iter(named.values())).actor
        # else the most recent person who was the subject of a clause, in this or the last sentences
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        recent = (m for m in self.ments_back(tok.i) if m.actor.kind == "person")
        first = None
        for m in recent:
            first = first or m
            if m.start < lo:
                break
            if m.start < sent.start and first.start >= sent.start and not any(
                    t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in PERSON_PRONOUNS
                    for t in tok.doc[sent.start:first.start]):
                # "The arrest was announced by B during a visit to C, where she urged ...": the person
                # this sentence names, before the subject of the last one (but "He spent an hour with B
                # before a dinner at which he called for ...": the "he" who leads the sentence)
                return first.actor
            if tok.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass"):
                return m.actor
        return first.actor if first else None

    def _object_pronoun(self, tok, sent) -> Actor | None:
        """The person "him" or "her" stands for: the nearest person named before, in this sentence
        or the one before, who is not the subject of the verb it is the object of."""
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb)):
            verb = verb.head
        doers = set()
        for c in kids(verb):
            if c.dep_ in ("nsubj", "nsubjpass"):
                m = self.by_token.get(c.i)
                doer = m.actor if m is not None else \
                    self._pronoun_person(c) if c.lower_ in ("he", "she") else None
                if doer is not None:
                    doers.add(doer.key)
        prev = self.sents_upto(sent.start - 1, 1) if sent.start > 0 else []
        lo = prev[0].start if prev else sent.start
        here = [m for m in self.ments_back(tok.i, sent.start)
                if m.actor.kind == "person" and m.actor.key not in doers and m.start < tok.i]
        if not here and prev:
            # "The Soviet leader arrived after talks with B in Dublin. Castro greeted him": the one the
            # sentence before was about, before a person named inside it
            for s in (c for c in kids(prev[0].root) if c.dep_ in ("nsubj", "nsubjpass")):
                a = self.resolve(s) if s.lower_ not in PERSON_PRONOUNS else None
                if a is not None and a.kind == "person" and a.key not in doers:
                    return a
        for m in self.ments_back(tok.i, lo):
            if m.actor.kind == "person" and m.actor.key not in doers and lo <= m.start < tok.i:
                return m.actor
        return None

    def speakers_side(self, saying, before: int, plural: bool) -> Actor | None:
        """The state or body that the common-noun subject of ``saying`` speaks for, if it names one
        ("the Chinese foreign ministry said", with ``plural`` "Iranian officials said"): whom "it",
        "they" or "their country" in what was said stands for."""
        for c in kids(saying):
            if c.dep_ == "nsubj" and c.i < before and c.i not in self.by_token and (
                    c.tag_ == "NNS" if plural else c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() in INSTITUTIONS):
                found = self.resolve(c, loose=not plural)
                return found if found is not None and found.kind != "person" else None
        return None

    def _pronoun_group(self, tok) -> Actor | None:
        """ "it"/"its": the nearest state or organisation before it in the sentence, else the
        subject of the sentence before."""
        if tok.lower_ in ("they", "them", "their"):
            return None
        if tok.lower_ == "its" and tok.dep_ == "poss" and tok.head.dep_ == "conj":
            # "the Cuban government's repression and its support for B": the owner of the first
            # (or the parser joined it to a word inside the first: "repression of protesters and its ...")
            owner = next((a for h in list(tok.head.ancestors)[:3] for c in kids(h) if c.dep_ == "poss" and c.i < tok.i
                          and (a := self.resolve(c, loose=True)) is not None and a.kind != "person"), None)
            if owner is not None:
                return owner
        sent = self.sent_of(tok.i)
        # not a name inside the subject's own phrase ("U.N. Secretary-General Guterres welcomed it"),
        # nor that subject for a possessive in the object ("Russia remains its largest supplier")
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if tok.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in TELLING and \
                any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in kids(verb)):
            # "A told B it must ...", "warned B it should ...": the one told (its demand is of them)
            for c in kids(verb.head):
                told = self.by_token.get(c.i) if c.dep_ in ("dobj", "dative") and c.i < tok.i else None
                if told is not None and told.actor.kind != "person" and told.how != "demonym":
                    return told.actor
        if tok.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAYING:
            # "Chile, which ... Peru, said it would ...": the one speaking, not the nearest name
            sayer = verb.head
            if sayer.dep_ in ("advcl", "conj") and sayer.head.i < sayer.i and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(sayer)):
                sayer = sayer.head  # "A rejected the charge from B, saying it ...": A says it
            for c in kids(sayer):
                speaker = self.by_token.get(c.i) if c.dep_ == "nsubj" and c.i < tok.i else None
                if speaker is not None and speaker.actor.kind in ("country", "former_state", "organisation") \
                        and speaker.how != "demonym":
                    return speaker.actor
                if speaker is None and c.dep_ == "nsubj" and (found := self.speakers_side(sayer, tok.i, False)) is not None:
                    return found  # "the Chinese foreign ministry said it had ...": the state it speaks for
                if c.dep_ == "nsubj" and c.i < tok.i and (speaker is None or speaker.actor.kind == "person"):
                    # "Lavrov said it would respond", "he repeated that it would not": the speaker's side
                    person = speaker.actor if speaker is not None else \
                        (self._pronoun_person(c) if c.lower_ in ("he", "she") else None)
                    side = self.country_of(person) if person is not None else None
                    if side is not None:
                        return side
        own = set()
        for c in list(kids(tok.head)) + list(kids(verb)):
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                own |= {w.i for w in c.subtree}
                subject = self.by_token.get(c.i)
                held = tok.head.dep_ == "dobj" and tok.head.head.i == verb.i or \
                    tok.head.dep_ == "pobj" and tok.head.head.lower_ == "by" and tok.head.head.head.i == verb.i
                if tok.lower_ == "its" and held and \
                        verb.lemma_ not in ("be", "remain", "become") and subject is not None and \
                        subject.actor.kind != "person" and subject.how != "demonym":
                    return subject.actor  # "Pakistan reaffirmed its backing", "stood by its pledge": the subject's own
        if tok.dep_ == "nsubj" and verb.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("since", "after", "when", "because", "as", "before", "until")
                for m in kids(verb)):
            # "X has kept an embassy there since it recognised Y": the main clause's subject
            for c in kids(verb.head):
                first = self.by_token.get(c.i) if c.dep_ in ("nsubj", "nsubjpass") else None
                if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") and verb.head.dep_ == "relcl":
                    first = self.by_token.get(verb.head.head.i)  # "Iraq, which ... since it invaded Kuwait"
                if first is not None and first.actor.kind != "person" and first.how != "demonym":
                    return first.actor
                if first is None and c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i < tok.i:
                    found = self.resolve(c, loose=True)  # "the island nation of Nauru ... after it": Nauru
                    if found is not None and found.kind != "person":
                        return found
        if verb.dep_ in ("relcl", "acl", "ccomp") and verb.head.pos_ == "NOUN" and \
                any(m.lower_ == "that" and m.dep_ == "mark" for m in kids(verb)):
            # "the charge from X that it spied": the one charged is not the one charging
            for c in kids(verb.head):
                if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    own |= {w.i for w in c.subtree}
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
            # "X blocked a General Assembly text that deplored its occupation": not the assembly
            for c in kids(verb.head):
                if c.dep_ in ("compound", "nmod", "amod") and c.i < verb.head.i:
                    own |= {w.i for w in c.subtree}
        if verb.dep_ == "relcl" and tok.dep_ == "nsubj" and verb.head.i < tok.i:
            # "blamed A, which it says encouraged B": not the clause's own antecedent
            own |= set(range(verb.head.left_edge.i, verb.head.i + 1))
        if verb.dep_ == "conj":  # "India has not condemned Russia, and Russia remains its supplier"
            for c in kids(verb.head):
                if c.dep_ in ("nsubj", "nsubjpass") and c.i not in own:
                    first = self.by_token.get(c.i)
                    if first is not None and first.actor.kind != "person" and first.how != "demonym":
                        return first.actor
                    if first is None and c.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
                        # "the junta closed the border, and it has blamed Paris": the junta's state
                        found = self.resolve(c)
                        if found is not None and found.kind != "person":
                            return found
        doer = None
        if tok.lower_ == "it" and (tok.dep_ == "dative" or tok.dep_ == "dobj" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in kids(tok.head))):
            # "A, which officials say provides it with aid": a receiver, not the giver ("itself")
            doer = next((self.resolve(c) for c in kids(tok.head) if c.dep_ == "nsubj" and c.i < tok.i), None)
        best: tuple[int, Actor] | None = None
        for m in self.ments_back(tok.i, sent.start):
            if sent.start <= m.start < tok.i and m.actor.kind != "person" and m.how != "demonym" \
                    and m.start not in own and (doer is None or m.actor.key != doer.key):
                best = (m.start, m.actor)
                break
        for j in range(tok.i - 1, best[0] if best else sent.start - 1, -1):
            w = tok.doc[j]  # "support for his country, months after Russia invaded it": Zelensky's
            if w.lemma_.lower() in ("country", "nation", "homeland") and j not in own and \
                    any(c.dep_ == "poss" and c.lower_ in PERSON_PRONOUNS for c in kids(w)):
                home = self._owner(w)
                if home is not None and home.kind != "person":
                    return home
        if best is not None and tok.lower_ == "it" and tok.dep_ == "dobj" and doer is None and any(
                w.tag_ == "NN" and w.dep_ in ("dobj", "nsubj", "nsubjpass") and w.i not in self.by_token and
                w.lemma_.lower() not in STATE_NOUNS for w in tok.doc[best[0] + 1:tok.i]):
            return None  # "A welcomed the plan and B backed it": the plan, a thing named since A
        if best is not None:
            return best[1]
        prev = self.sents_upto(sent.start - 1, 1) if sent.start > 0 else []
        for m in self.ments_between(prev[0].start, prev[0].end) if prev else ():
            if prev and prev[0].start <= m.start < prev[0].end and m.actor.kind != "person" \
                    and m.how != "demonym" and tok.doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass"):
                return m.actor
        if prev and tok.dep_ in ("nsubj", "nsubjpass"):
            # "The kingdom has reacted strongly before. It recalled ...": a state named by a noun
            for c in kids(prev[0].root):
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.i not in self.by_token and \
                        (found := self.resolve(c)) is not None and found.kind != "person":
                    return found
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return self.focal_state()  # "On Aug. 3 it recalled its ambassadors": the story's state
        return None

    def title_of(self, tok) -> tuple[str | None, Actor | None, bool]:
        """(role, country, is_counterpart) described by a noun phrase headed by ``tok``."""
        left = [c for c in tok.subtree if c.i <= tok.i and c.i >= tok.left_edge.i]
        words = [t for t in left if t.dep_ not in ("det", "poss", "case", "punct") or t.i == tok.i]  # ("the king's")
        country = None
        for t in left:
            m = self.by_token.get(t.i)
            if m is not None and m.actor.kind != "person":
                country = m.actor
        for t in kids(tok):
            if t.dep_ == "prep" and t.lower_ == "of":
                for p in kids(t):
                    m = self.by_token.get(p.i)
                    if m is not None and m.actor.kind != "person":
                        country = m.actor
        role = None
        lowered = [t.lower_ for t in words]
        for n in range(min(4, len(lowered)), 0, -1):
            cand = " ".join(lowered[-n:])
            if cand in self.gaz.offices:
                role = self.gaz.offices[cand].role
                break
        is_counterpart = tok.lower_ in COUNTERPART
        return role, country, is_counterpart

    def _nominal(self, tok) -> Actor | None:
        role, country, counterpart = self.title_of(tok)
        if counterpart:
            return self._counterpart(tok, country)
        if role is None:
            return None
        # in the order the mentions were found: the first such person if named after the title,
        # else the last found of those named before it; "a spokesman" is someone not named before
        fresh = tok.left_edge.lower_ in ("a", "an", "another") and tok.left_edge.tag_ == "DT"
        first = last = None
        sent = self.sent_of(tok.i)
        # "The prime minister telephoned Mr Howard": another person than Howard (but "the prime
        # minister, John Howard," is Howard)
        others = self._named_apart(tok, sent)
        for seq, m in self.ments_near(tok.i):
            if m.actor.kind != "person" or fresh and m.start < tok.i or m.actor.key in others:
                continue
            r, of = self.roles.get(m.actor.key, (None, None))
            if r == role and (country is None or (of is not None and of.key == country.key)):
                if first is None or seq < first[0]:
                    first = (seq, m)
                if m.start <= tok.i and (last is None or seq > last[0]):
                    last = (seq, m)
        best = (first if first[1].start > tok.i else last)[1].actor if first is not None else None
        if best is None and tok.tag_ in ("NN", "NNP") and any(c.lower_ in ("the", "this") for c in kids(tok)):
            best = self._by_rank(tok, role, country, others)
        if best is not None:
            return best
        # "the Russian president said": the state; but "the last leader of the G7" is not the G7
        return country if country is not None and country.kind in STATE_KINDS else None

    def _named_apart(self, tok, sent) -> set[str]:
        """The people named later in ``tok``'s sentence, past a verb, whom the title ``tok`` cannot
        name: "The prime minister telephoned Mr Howard" is not Howard ("the ambassador in Tehran, A,"
        is A)."""
        doc = tok.doc
        return {m.actor.key for m in self.ments_between(tok.i + 1, sent.end) if m.actor.kind == "person" and
                any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1:m.start])}

    def _by_rank(self, tok, role: str, country: Actor | None, named_here: set[str]) -> Actor | None:
        """ "The Jordanian monarch" after King A of Jordan, "the minister" after Foreign Minister B,
        "the Turkish leader" after President C of Turkey: the most recent person named before, in
        the last few sentences, whose title is of the same rank (a generic word takes any fitting
        rank), and of the same state when one is said; not one of ``named_here``, the people the
        title's sentence names past a verb ("The prime minister telephoned Mr Howard": not Howard)."""
        offices = self.gaz.offices
        want = offices.get(role.lower())
        ranks = {want.rank} if want is not None else set()
        word = tok.lemma_.lower()
        if word == "leader":
            ranks |= {"head_of_state", "head_of_government"}
        sents = self.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        for m in self.ments_back(tok.i, lo):
            if not lo <= m.start < tok.i or m.actor.kind != "person" or m.actor.key in named_here:
                continue
            r, of = self.roles.get(m.actor.key, (None, None))
            if r is None or country is not None and (of is None or of.key != country.key):
                continue
            office = offices.get(r.lower())
            if office is not None and office.rank in ranks or word == "minister" and "minister" in r.lower():
                return m.actor
        return None

    def _counterpart(self, tok, country: Actor | None) -> Actor | None:
        if country is None:
            return None
        for _, m in sorted(self.ments_near(tok.i), key=lambda sm: sm[0]):
            if m.actor.kind == "person" and self.country_of(m.actor) is not None \
                    and self.country_of(m.actor).key == country.key:
                return m.actor
        return country


def _gazetteer_mentions(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """Longest gazetteer names in the text, with an optional "the" before them."""
    longest = gaz.longest_by_first_word()
    texts = [t.text_with_ws for t in idx.tokens]
    words = idx.texts
    n = len(doc)
    i = 0
    while i < n:
        word = words[i]
        the = word in ("the", "The", "THE") and i + 1 < n and words[i + 1] in longest
        if word not in longest and not the:
            i += 1
            continue
        first = i + 1 if the else i
        limit = longest[words[first]]
        found = None
        text = ""
        for j in range(first + 1, min(n, first + 12) + 1):
            text += texts[j - 1]
            name = text.rstrip()
            if len(name) > limit:
                break
            entry = gaz.names.get(name)
            if entry is not None:
                found = (j, entry)
        if found is None and the:
            i += 1
            continue
        if found:
            j, entry = found
            start = first
            how = entry.how
            if how == "metonym":
                era_actor = gaz.in_era(entry, doc[start:j].text, idx.era_year(start))
                if era_actor is not entry.actor:
                    entry = type(entry)(era_actor, how)
            if how == "person":
                entry = _namesake_in_office(gaz, doc[start:j].text, idx.era_year(start), entry)
                idx.people[entry.actor.key] = entry.actor
                idx.set_known_role(entry.actor, entry)
            # a name inside a longer one: "Security Council" in "Supreme National Security Council"
            if doc[start].ent_iob_ == "I" and doc[start].ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW") \
                    and start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ != "DET" \
                    and doc[start - 1].i not in idx.by_token \
                    and entry.actor.kind == "organisation":
                i = j
                continue
            # "Latin America", "Central Asia": a region whose last word is a state's name
            if start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in REGION_WORDS and j == start + 1 and \
                    doc[start - 1].i not in idx.by_token:
                i = j
                continue
            # a known name inside a longer one the NER found: "Pedro Pires" in "Pedro Pires de Miranda"
            if how == "person" and j < n and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I" and \
                    doc[start].ent_type_ == "PERSON" and gaz.lookup(doc[doc[start].i:j].text) is not None and \
                    _ent_end(doc, start) > j:
                i = j
                continue
            # "Pakistan's Foreign Office", "the Pakistani Foreign Office": another state's ministry
            before = start - 2 if start > 1 and doc[start - 1].tag_ == "POS" else start - 1
            if how == "metonym" and before >= 0 and (prev := idx.by_token.get(before)) is not None and \
                    prev.actor.kind in STATE_KINDS and prev.actor.key != entry.actor.key and len(doc[start:j]) > 1:
                i = j
                continue
            # "Georgia"-style collisions with a person's first name, or a capital used as a surname
            if how == "metonym" and j < n and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I" and \
                    doc[j].tag_ != "POS":
                i = j
                continue
            idx.add(Ment(start, j, entry.actor, how))
            i = j
        else:
            i += 1


def _half_names(doc, idx: ActorIndex) -> None:
    """ "the North" and "the South" for the one North or South state the article names in full
    (North Korea, South Sudan)."""
    named = {}
    for m in idx.ments:
        first = m.actor.label.split()[0]
        if first in ("North", "South") and m.actor.kind == "country" and len(m.actor.label.split()) == 2:
            named.setdefault(first, {})[m.actor.key] = m.actor
    for tok in idx.tokens:
        if tok.text in named and len(named[tok.text]) == 1 and tok.i not in idx.by_token and tok.i > 0 \
                and doc[tok.i - 1].lower_ == "the" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            idx.add(Ment(tok.i, tok.i + 1, next(iter(named[tok.text].values())), "name"))


def _warships(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """ "near the USS Halsey", "HMS Kent": a navy's ship, however the NER read it, stands for its state."""
    for i in [i for i, w in enumerate(idx.texts) if w in SHIP_PREFIXES]:
        tok = doc[i]
        code = SHIP_PREFIXES[tok.text]
        if tok.i in idx.by_token or tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].is_title and end not in idx.by_token:
            end += 1
        navy = gaz.by_key.get(f"country/{code}")
        if navy is not None and not any(i in idx.by_token for i in range(tok.i, end)):
            idx.add(Ment(tok.i, end, navy, "metonym"))


def _title_only(name: str, gaz: Gazetteer) -> bool:
    """True for a "name" made only of title words ("Assistant Secretary", "Deputy Minister")."""
    words = gaz.office_words()
    return all(w.lower() in words or w.lower() in HONORIFICS or w.lower() in ("assistant", "deputy", "under",
                                                                               "vice", "acting", "senior")
               for w in name.split())


_QUOTES = ('"', "\u201c", "\u201d", "'", "\u2018", "\u2019")


def _nicknamed(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """A name with a nickname in quotes inside it ('Roelof "Pik" Botha') is the person's name without
    the nickname; the NER tends to cut it at the quotes."""
    n = len(doc)
    for i in range(1, n - 3):
        t = doc[i]
        if t.text not in _QUOTES or doc[i + 2].text not in _QUOTES or not doc[i + 1].is_title or \
                not doc[i + 1].is_alpha or not doc[i - 1].is_title or not doc[i - 1].is_alpha or \
                not doc[i + 3].is_title or not doc[i + 3].is_alpha:
            continue
        start = i - 1
        while start - 1 >= 0 and start - 1 > i - 3 and doc[start - 1].is_title and doc[start - 1].is_alpha and \
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ not in HONORIFICS:
            start -= 1
        if doc[start].lower_ in HONORIFICS:
            continue
        end = i + 4
        while end < n and end < i + 6 and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN" and \
                doc[end].ent_type_ in ("", "PERSON"):
            end += 1
        if any(k in idx.by_token for k in range(start, end)) or _title_only(doc[start:i].text, gaz):
            continue
        name = " ".join([doc[start:i].text, doc[i + 3:end].text])
        entry = gaz.lookup(name) or gaz.person_variant(name)
        if entry is not None and entry.how != "person":
            continue
        actor = entry.actor if entry is not None else Actor(kind="person", label=name)
        idx.people[actor.key] = actor
        if entry is not None:
            idx.set_known_role(actor, entry)
        idx.add(Ment(start, end, actor, "person"))


def _person_mentions(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """People named in full by the NER (or known to the gazetteer); single names wait for later."""
    singles = []
    people = [e for e in idx.ents if e.label_ == "PERSON"]
    merged = []
    for ent in people:  # "Juan Pablo" + "Ramírez Ortega": the NER may cut one name in two
        if merged and merged[-1].end == ent.start and doc[ent.start - 1].whitespace_ and \
                not doc[ent.start - 1].is_punct:
            merged[-1] = doc[merged[-1].start:ent.end]
        else:
            merged.append(ent)
    for ent in merged:
        if "\n" in ent.text:
            continue
        if any(i in idx.by_token for i in range(ent.start, ent.end)):
            continue
        start = ent.start
        while start < ent.end and (doc[start].lower_.strip("[]") in HONORIFICS or doc[start].text in "[]("):
            start += 1
        if start >= ent.end:
            continue
        if start == ent.start and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and \
                doc[start - 1].ent_type_ == "" and doc[start - 1].dep_ == "compound" and \
                start <= doc[start - 1].head.i < ent.end and doc[start - 1].whitespace_ and \
                start - 1 not in idx.by_token and doc[start - 1].lower_ not in HONORIFICS and \
                not _is_title_word(doc[start - 1], idx) and doc[start - 1].is_alpha:
            start -= 1  # "General Ashfaq Parvez Kayani": the NER may leave out the first of three names
        end = ent.end
        if doc[end - 1].text == "-" and end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha and \
                end not in idx.by_token:
            end += 1  # "Gholam-reza": the NER stops after the hyphen
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                not doc[end].whitespace_ and doc[end + 1].is_alpha and end + 1 not in idx.by_token:
            end += 2  # "Abdul-karim": the NER stops at the hyphen of a name
        while end < len(doc) and doc[end - 1].dep_ == "compound" and (
                doc[end - 1].head.i == end or doc[end - 1].head.i == end + 1 and doc[end].dep_ == "compound" and
                doc[end].head.i == end + 1) and \
                doc[end].pos_ == "PROPN" and doc[end].is_title and (doc[end].ent_type_ in ("", "PERSON") or (
                    doc[end].ent_type_ == "GPE" and gaz.city_country(doc[end].text) is None and
                    gaz.lookup(doc[end].text) is None)) and \
                end not in idx.by_token and doc[end - 1].whitespace_ and not _is_title_word(doc[end], idx) and \
                doc[end].lower_ not in gaz.office_words():
            end += 1  # "Enrique Pena | Nieto", "Luiz Alberto | Figueiredo" (taken for a place), "Roch Marc |
            # Christian Kabore": the NER stops short of the surname the name hangs on
        name = clean_person_name(doc[start:end].text)
        if name.lower() in NOT_PEOPLE:
            continue
        if not name or not any(ch.isupper() for ch in name) or _title_only(name, gaz):
            continue  # ("the Deputy Foreign Minister": a title the NER took for a name)
        if name.split()[0] in SHIP_PREFIXES or start > 0 and doc[start - 1].lower_ in VESSELS:
            continue  # a ship, no person ("the tanker A"; a navy's, "USS A", is read by _warships)
        if any(w.lower() in STATE_FORMS for w in name.split()) or \
                len(name.split()) > 1 and name.split()[-1].lower() in PLACE_NOUNS:
            continue  # "the Sahrawi Arab Democratic Republic", "Kachin State": places the NER took for people
        root = doc[start:end].root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS or \
                gaz.territory_state(name) is not None:
            continue  # "the region of Ajaria", "the island of Bougainville", a region the gazetteer knows: a place
        entry = gaz.lookup(name) or gaz.person_variant(name)
        if entry is not None and entry.how == "person":
            entry = _namesake_in_office(gaz, name, idx.era_year(start), entry)
        if entry is not None:
            if entry.how == "person":
                idx.people[entry.actor.key] = entry.actor
                idx.set_known_role(entry.actor, entry)
                idx.add(Ment(start, end, entry.actor, "person"))
            continue
        if len(name.split()) >= 2 and gaz.city_country(name) is not None:
            continue  # "Banda Aceh", "Port Moresby": a city the NER took for a person
        if len(name.split()) >= 2:
            actor = Actor(kind="person", label=name)
            idx.people[actor.key] = actor
            idx.add(Ment(start, end, actor, "person"))
        elif not (end - start == 1 and doc[start].dep_ in ("amod", "compound", "nmod") and
                  doc[start].head.tag_ == "NNS" and doc[start].head.i == end):
            singles.append((start, end, name))  # ("Sikh militants": a people's name, no person's)
    idx.pending_singles = singles


def _namesake_in_office(gaz: Gazetteer, name: str, year: int | None, entry):
    """Of the people a name may mean ("George Bush"), the one of them in office in ``year`` if just
    one is, else ``entry`` (the one the gazetteer gives the name to)."""
    if year is None or name not in gaz.namesakes:
        return entry

    def in_office(e) -> bool:
        if e.of is not None and (e.since is not None or e.until is not None):
            return (e.since is None or e.since <= year) and (e.until is None or year <= e.until)
        return any(t.covers(year) for t in terms_of(gaz, e.actor.label))
    holding = [e for e in gaz.namesakes[name] if in_office(e)]
    return holding[0] if len(holding) == 1 else entry


def _shortened_names(idx: ActorIndex) -> None:
    """A name of two or more words that begins or ends the one longer name of a person in the
    article is that person ("Cavaco Silva" for Anibal Cavaco Silva, "Pena Nieto" for Enrique Pena
    Nieto), however the names were found."""
    people = {m.actor.key: m.actor for m in idx.ments if m.actor.kind == "person"}
    folded = {key: fold_accents(a.label).split() for key, a in people.items()}  # ("Perez" for "Pérez")
    for k, m in enumerate(idx.ments):
        words = fold_accents(m.actor.label).split()
        n = len(words)
        if m.actor.kind != "person" or n < 2:
            continue
        longer = [a for a in people.values() if len(folded[a.key]) > n and
                  (folded[a.key][-n:] == words or folded[a.key][:n] == words)]
        if len(longer) == 1:
            idx.relabel(k, longer[0])
            idx.people.pop(m.actor.key, None)


_MONARCHS = WORDS.set("monarch_titles")
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][\w'’.\-]*$")
# words that may follow a title but are no part of a name
_NOT_NAME = {"of", "for", "to", "and", "the", "said", "says", "on", "in", "at", "who", "has", "had", "was", "is"}





def _titled_names(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """A run of two to four capitalised words right after a title is a person's name, though the
    NER missed it or called it something else: "Presidents Anna Kovac of ... and ...",
    "Ambassador Lena Ostrova"."""
    heads = gaz.title_heads
    n = len(doc)

    def name_word(i: int, j: int) -> bool:
        if doc[j].text == "-":  # "King Willem-Alexander": a hyphen joins the halves of a name
            return j > i and j + 1 < n and _hyphen_tail(doc, doc[j + 1])
        if j > i and doc[j - 1].text == "-" and doc[j].is_alpha and _hyphen_tail(doc, doc[j]):
            return True  # "Gholam-reza": the half after the hyphen may be written small
        return bool(_NAME_WORD.match(doc[j].text))

    def run_from(i: int, royal: bool = False) -> int:
        j = i

        def words(j: int) -> int:  # (a hyphen joins the halves of one name: "Terje Roed-Larsen" is two)
            return sum(doc[k].text != "-" and not (k > i and doc[k - 1].text == "-") for k in range(i, j))
        while j < n and words(j) < 4 and name_word(i, j) and doc[j].lower_ not in _NOT_NAME \
                and doc[j].lower_ not in heads and j not in idx.by_token and doc[j].ent_type_ not in ("DATE", "TIME") \
                and not doc[j].is_sent_start:
            j += 1
        one = royal and words(j) == 1 and j + 1 < n and doc[j].lower_ == "of" and (
            j + 1 in idx.by_token or doc[j + 1].lower_ == "the" and j + 2 in idx.by_token)
        # ("King Harald of Norway": a monarch goes by one name, with the realm after it)
        if not (2 <= words(j) <= 3 or one) or (j < n and (doc[j].text[:1].isupper() and doc[j].is_alpha)):
            return i
        name = clean_person_name(doc[i:j].text)
        if name and len(name.split()) < 2 and not one and doc[i].lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr"):
            return i  # "host Mr Yusuf's ...": a surname after "Mr" is left to the pass for single names ("Lord A" is a name)
        entry = (gaz.lookup(name) or gaz.person_variant(name)) if name else None
        if not name or entry is not None and entry.how != "person" or any(w.lower() in STATE_FORMS for w in name.split()):
            return i
        actor = entry.actor if entry is not None else Actor(kind="person", label=name)
        idx.people[actor.key] = actor
        if entry is not None:
            idx.set_known_role(actor, entry)
        idx.add(Ment(i, j, actor, "person"))
        return j

    lowered = [w.lower() for w in idx.texts]
    for i in [k for k, w in enumerate(lowered) if w in heads or w in COUNTERPART]:
        t = doc[i]
        if t.i + 2 >= n:
            continue
        if doc[t.i + 1].text == "," and t.i + 3 < n:
            run_from(t.i + 2)  # "a State Department spokesperson, Ana Ruiz, said": the name in apposition
            continue
        if doc[t.i + 1].lower_ in ("in", "to", "at", "for"):
            # "Japan's ambassador in Beijing, Ken Sato, said": the post's place, then the name
            comma = next((k for k in range(t.i + 3, min(t.i + 7, n - 1)) if doc[k].text == ","), None)
            if comma is not None and all(w.pos_ in ("PROPN", "DET") or w.text in ("-", ".") for w in doc[t.i + 2:comma]):
                run_from(comma + 1)
            continue
        j = run_from(t.i + 1, royal=t.lower_ in _MONARCHS)
        # a plural title names several: "Presidents A B of X and C D of Y"
        while t.lower_.endswith("s") and j > t.i + 1 and j < n:
            k = j
            if doc[k].lower_ == "of" and k + 1 in idx.by_token:
                k = idx.by_token[k + 1].end
            if k < n and doc[k].text in ("and", ","):
                k += 1
            if k == j or k >= n:
                break
            j2 = run_from(k)
            if j2 == k:
                break
            j = j2


_DATELINE = re.compile(r"\s*[^\W\d_a-z](?:[^\W\d_a-z]|[.'\- ]){2,40}(?:,[^\n\-—–]{0,40})?\s*(?:\([^)\n]{1,30}\)\s*)?[-—–]{1,2}\s")


def _bracketed_first_names(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """ "Prime Minister (Ana) Ruiz": a wire story's first name in brackets belongs to the name."""
    text = idx.text
    if "(" not in text:
        return
    for at in (k for k, ch in enumerate(text) if ch == "("):  # only the brackets, not every word
        span = doc.char_span(at, at + 1)
        if span is None or span[0].i + 3 >= len(doc):
            continue
        i = span[0].i
        first, close, last = doc[i + 1], doc[i + 2], doc[i + 3]
        if close.text != ")" or not (_NAME_WORD.match(first.text) and _NAME_WORD.match(last.text)):
            continue
        if any(k in idx.by_token for k in range(i, i + 4)) or not first.is_alpha or not last.is_alpha:
            continue
        name = f"{first.text} {last.text}"
        entry = gaz.lookup(name)
        if entry is not None and entry.how != "person":
            continue
        actor = entry.actor if entry is not None else Actor(kind="person", label=name)
        idx.people[actor.key] = actor
        idx.add(Ment(i, i + 4, actor, "person"))


def _listed_names(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """A capitalised two- or three-word name listed with people ("A B, C D and E F") is a person
    too, though the NER missed it."""
    # from each person named, to the names listed with it (a list grows as names are found)
    todo = [doc[m.end - 1] for m in idx.ments if m.actor.kind == "person"]
    while todo:
        head = todo.pop()
        for t in kids(head):
            if t.pos_ == "PROPN" and t.dep_ in ("conj", "appos") and t.i not in idx.by_token and \
                    _listed_name(doc, gaz, idx, t):
                todo.append(t)


def _listed_name(doc, gaz: Gazetteer, idx: ActorIndex, t) -> bool:
    """Add the name ending at ``t``, listed with a person, if it is one."""
    start = t.i
    while start - 1 >= 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= t.i and \
            _NAME_WORD.match(doc[start - 1].text) and start - 1 not in idx.by_token:
        start -= 1
    if not 2 <= t.i + 1 - start <= 3 or not all(_NAME_WORD.match(w.text) for w in doc[start:t.i + 1]):
        return False
    if t.lower_ in INSTITUTIONS or (start > 0 and doc[start - 1].text == "(") or \
            t.lower_ in ("ministry", "committee", "bank", "commission", "agency", "union", "party"):
        return False
    if any(c.dep_ == "det" for c in kids(t)):
        return False  # "A, the Liberal Democrat MEP": a description of A, no second name
    name = clean_person_name(doc[start:t.i + 1].text)
    entry = (gaz.lookup(name) or gaz.person_variant(name)) if name else None
    if not name or entry is not None and entry.how != "person" or _title_only(name, gaz):
        return False
    actor = entry.actor if entry is not None else Actor(kind="person", label=name)
    idx.people[actor.key] = actor
    idx.add(Ment(start, t.i + 1, actor, "person"))
    return True


def _listed_under_title(doc, idx: ActorIndex) -> None:
    """ "Brazilian ministers present were A (Economy), B and C", "the French negotiators, A and B":
    people listed after a plural title with a nationality hold it for that state."""
    plural_titles = {"ministers", "officials", "diplomats", "negotiators", "envoys", "ambassadors", "leaders",
                     "presidents", "delegates", "representatives"}
    for i in [k for k, w in enumerate(idx.texts) if w.lower() in plural_titles]:
        tok = doc[i]
        states = [idx.by_token[c.i].actor for c in kids(tok)
                  if c.dep_ in ("amod", "compound", "poss") and c.i in idx.by_token
                  and idx.by_token[c.i].actor.kind in ("country", "former_state", "organisation")]
        if len(states) != 1:
            continue
        sent = idx.sent_of(tok.i)
        people = [m for m in idx.ments_between(tok.i + 1, sent.end)
                  if tok.i < m.start < sent.end and m.actor.kind == "person"]
        if len(people) < 2:
            continue
        between = doc[tok.i + 1:people[0].start]
        if len(between) > 8 or any(t.i in idx.by_token for t in between) or \
                not any(t.text in (":", ",") or t.lemma_ in ("be", "include") for t in between):
            continue
        office = idx.gaz.offices.get(tok.lemma_.lower())
        for m in people:
            if idx.role_source.get(m.actor.key) != "text":
                idx.set_role(m.actor, office.role if office is not None else None, states[0], source="text")


def _respectively(doc, idx: ActorIndex) -> None:
    """ "her Greek and French counterparts, A and B, respectively" (or without "respectively", the
    names in apposition to the title): the n-th name holds the title for the n-th state."""
    anchors = [idx.tokens[i] for i, w in enumerate(idx.texts) if w.lower() == "respectively"]
    for t in idx.tokens:  # "her Dutch and Belgian counterparts, A and B": the end of the apposition
        if t.tag_ in ("NNS", "NNPS") and sum(1 for c in kids(t) if c.i in idx.by_token and
                                             idx.by_token[c.i].how == "demonym") + sum(
                1 for c in kids(t) for g in kids(c) if g.dep_ == "conj" and g.i in idx.by_token and
                idx.by_token[g.i].how == "demonym" and c.i in idx.by_token) >= 2:
            appos = [c for c in kids(t) if c.dep_ == "appos" and c.i > t.i]
            if appos:
                anchors.append(doc[min(appos[0].right_edge.i + 1, len(doc) - 1)])
            elif t.i + 2 < len(doc) and doc[t.i + 1].text == ",":  # the parser may hang the names elsewhere
                k = t.i + 2
                while k < len(doc) and (k in idx.by_token and idx.by_token[k].actor.kind == "person" or
                                        doc[k].lower_ in ("and", ",") and k + 1 in idx.by_token):
                    k = idx.by_token[k].end if k in idx.by_token else k + 1
                if k > t.i + 2:
                    anchors.append(doc[min(k, len(doc) - 1)])
    for tok in anchors:
        sent = idx.sent_of(tok.i)
        states = [idx.by_token[t.i].actor for t in sent if t.i in idx.by_token and t.i < tok.i
                  and idx.by_token[t.i].how == "demonym" and t.head.tag_ in ("NNS", "NNPS")
                  or t.i in idx.by_token and idx.by_token[t.i].how == "demonym" and t.dep_ == "conj"
                  and t.i < tok.i]
        title = next((t for t in sent if t.tag_ in ("NNS", "NNPS") and t.i < tok.i and
                      any(c.i in idx.by_token and idx.by_token[c.i].how == "demonym" for c in kids(t))), None)
        if title is None:
            continue
        people = []
        for m in idx.ments_between(title.i + 1, tok.i):
            if title.i < m.start < tok.i and m.actor.kind == "person" and all(p.key != m.actor.key for p in people):
                people.append(m.actor)
        states = [a for i, a in enumerate(states) if all(a.key != b.key for b in states[:i])]
        if len(people) != len(states) or len(people) < 2:
            continue
        role = None
        if title.lemma_.lower() in ("counterpart",):
            owner = next((m.actor for m in idx.ments if m.start < title.i and m.actor.kind == "person"
                          and sent.start <= m.start), None)
            role = idx.role_of(owner) if owner is not None else None
        else:
            office = idx.gaz.offices.get(title.lemma_.lower())
            role = office.role if office is not None else None
        for person, state in zip(people, states):
            idx.roles[person.key] = (role, state)
            idx.role_source[person.key] = "text"


def _titles_of_listed(doc, idx: ActorIndex) -> None:
    """ "the prime ministers of A, B and C, X, Y and Z": the n-th name holds the title for the
    n-th state."""
    offices = idx.gaz.offices
    for t in idx.tokens:
        if t.tag_ not in ("NNS", "NNPS") or not _is_title_word(t, idx):
            continue
        states = [idx.by_token[x.i].actor for c in kids(t) if c.dep_ == "prep" and c.lower_ == "of"
                  for p in kids(c) if p.dep_ == "pobj" for x in [p, *p.conjuncts]
                  if x.i in idx.by_token and idx.by_token[x.i].actor.kind in STATE_KINDS]
        if len(states) < 2:
            continue
        k = max(idx.by_token[x].end for x in range(t.i, t.right_edge.i + 1) if x in idx.by_token and
                idx.by_token[x].actor.kind in STATE_KINDS)
        people: list[Actor] = []
        # (the names may follow a comma, a dash or a colon: "the foreign ministers of A and B - X and Y -")
        while k < len(doc) and doc[k].text in ((",", "and") if people else (",", "-", "–", "—", ":")) and \
                k + 1 < len(doc):
            m = idx.by_token.get(k + 1)
            if m is None or m.actor.kind != "person":
                break
            people.append(m.actor)
            k = m.end
        if len(people) == len(states):
            role = _title_in([w for w in doc[t.left_edge.i:t.i + 1] if w.dep_ != "det"], idx, offices)[0]
            for person, state in zip(people, states):
                if idx.country_of(person) is None:
                    idx.set_role(person, role, state)


def _listed_of_states(doc, idx: ActorIndex) -> None:
    """ "the two foreign ministers, A of X and B of Y": each name after a plural title and a comma
    holds the title for the state named after it."""
    n = len(doc)
    for t in idx.tokens:
        if t.tag_ not in ("NNS", "NNPS") or t.i + 2 >= n or doc[t.i + 1].text != "," or \
                not _is_title_word(t, idx):
            continue
        role = None
        k = t.i + 2
        while k < n:
            m = idx.by_token.get(k)
            if m is None or m.actor.kind != "person":
                break
            k = m.end
            state = idx.by_token.get(k + 1) if k + 1 < n and doc[k].lower_ == "of" else None
            if state is not None and state.actor.kind in STATE_KINDS:
                if role is None:
                    role = _title_in([w for w in doc[t.left_edge.i:t.i + 1] if w.dep_ != "det"], idx,
                                     idx.gaz.offices)[0]
                if idx.role_source.get(m.actor.key) != "text":
                    idx.set_role(m.actor, role, state.actor, source="text")
                k = state.end
            if k < n and doc[k].text == ",":
                k += 1
            if k < n and doc[k].lower_ == "and":
                k += 1


def _possessed_names(idx: ActorIndex) -> None:
    """ "A's President X, B's Y and C's Z": in a sentence that lists leaders so, each name acts for
    the state before it (but not "Russia's X" alone, who may be anyone of that state)."""
    owned: dict[int, list] = {}  # by sentence: (person, state) for each "State's Name"
    tokens = idx.tokens
    for m in idx.ments:
        if m.actor.kind == "person" and m.start >= 2 and tokens[m.start - 1].tag_ == "POS" and \
                (s := idx.by_token.get(m.start - 2)) is not None and s.actor.kind in STATE_KINDS:
            owned.setdefault(idx.sent_of(m.start).start, []).append((m.actor, s.actor))
    for pairs in owned.values():
        if len(pairs) >= 2:
            for person, state in pairs:
                if idx.country_of(person) is None:
                    idx.set_role(person, None, state)


# the place of a wire story's dateline, as the parser reads it ("HANOI, May 4 .")
_FILED_FROM = re.compile(r"\s*([^\W\d_a-z](?:[^\W\d_a-z]|[.'\- ]){1,40}),[^\n]{1,40}?(?:\([^)\n]{1,30}\)\s*)?[.\-—–]{1,2}\s")


def _drop_non_actors(doc, idx: ActorIndex) -> None:
    """ "MOSCOW, April 13 - A and B met": the place a story was filed from is no actor of it; nor
    is the one a "non-" denies ("a key non-NATO partner")."""
    filed = _FILED_FROM.match(idx.text)
    if filed is not None and filed.group(1).strip().isupper():
        idx.filed_from = _dateline_state(filed.group(1).strip(), idx)
    m = _DATELINE.match(idx.text)
    if m is None and "non-" not in idx.text:
        return
    end = m.end() if m is not None else 0
    idx.keep([x for x in idx.ments if doc[x.start].idx >= end and not (
        x.start > 1 and doc[x.start - 1].text == "-" and doc[x.start - 2].lower_ == "non")])


def _capitals_in_names(doc, idx: ActorIndex) -> None:
    """ "the Minsk Group", "the Paris Club", "Kabul Bank": a capital that begins the name of something
    else (the parser's entity runs on over a capitalised word that is no title) stands for no state."""
    drop = set()
    for m in idx.ments:
        if m.how not in ("metonym", "name") or m.end >= len(doc):
            continue
        nxt = doc[m.end]
        if m.how == "name":
            if m.end - m.start == 1 and _addressed(doc, doc[m.start]):
                drop.add(m.start)
            continue
        if nxt.is_title and nxt.ent_iob_ == "I" and nxt.ent_type_ in ("ORG", "FAC", "EVENT", "WORK_OF_ART") and \
                nxt.i not in idx.by_token and not _is_title_word(nxt, idx) and \
                doc[_ent_end(doc, m.end) - 1].lemma_.lower() not in INSTITUTIONS:
            drop.add(m.start)  # (but "White House National Security Council" is an organ of the state)
        elif m.end - m.start == 1 and _addressed(doc, doc[m.start]):
            drop.add(m.start)  # "Mr Hague", "Dr Paris": a person's name, though a place bears it
    if drop:
        idx.keep([m for m in idx.ments if m.start not in drop])


_ADDRESS = WORDS.set("address_forms")


def _addressed(doc, tok) -> bool:
    """True if a form of address stands before the word ("Mr Hague"): it is a person's name."""
    return tok.i > 0 and doc[tok.i - 1].lower_ in _ADDRESS


def _state_forms(doc, idx: ActorIndex) -> None:
    """ "the Mongolian People's Republic": a state's form after a nationality is that nation's state,
    not the state that form alone names ("the People's Republic" is China)."""
    for k, m in enumerate(idx.ments):
        if m.how == "name" and m.start > 0 and any(t.lower_ in STATE_FORMS or t.lower_ + "'s" in STATE_FORMS
                                                   for t in doc[m.start:m.end]):
            before = idx.by_token.get(m.start - 1)
            if before is not None and before.how == "demonym" and before.end == m.start and \
                    before.actor.key != m.actor.key and before.actor.kind in STATE_KINDS:
                idx.relabel(k, before.actor)


def _shared_short_names(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """ "Brazil supports Korea's bid", "Rwandan troops crossed into Congo": a short name two states
    share is the one of them the story names more often, or the first where it names neither ("Korea
    and Japan" today is South Korea, "Congo" the Democratic Republic), of those that went by that
    name in the story's year."""
    named: dict[str, int] | None = None
    for tok in [doc[i] for i, w in enumerate(idx.texts) if w.lower() in SHARED_SHORT_NAMES]:
        if not tok.is_title or tok.i in idx.by_token or \
                tok.pos_ != "PROPN" or tok.ent_type_ not in ("GPE", "") or \
                tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # (not "Korea Electric", a company)
        choices = [e.actor for name in SHARED_SHORT_NAMES[tok.lower_] if (e := gaz.lookup(name)) is not None]
        # (not a state that went by another name in the story's year: "Congo" in 1985 is Brazzaville's,
        # Kinshasa's being Zaire then)
        year = idx.published_year
        choices = [a for a in choices if gaz.state_of_year(a, year).key == a.key] or choices
        if not choices:
            continue
        if named is None:  # (counted once, before any of these is added)
            named = {}
            for m in idx.ments:
                named[m.actor.key] = named.get(m.actor.key, 0) + 1
        counts = [named.get(a.key, 0) for a in choices]
        idx.add(Ment(tok.i, tok.i + 1, choices[counts.index(max(counts))], "name"))


def _bare_definite(tok) -> bool:
    """ "the ministry", with nothing of its own to say whose: no possessor, compound or adjective."""
    return any(c.lower_ == "the" and c.dep_ == "det" for c in kids(tok)) and \
        not any(c.dep_ in ("poss", "compound", "amod") for c in kids(tok))


def _backer(tok) -> bool:
    """Whether ``tok`` names who backs the noun it modifies, as "UN" in "the UN-backed court"."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].tag_ == "VBN" and \
        doc[tok.i + 2].lemma_.lower() in BACKED


def _ent_end(doc, i: int) -> int:
    """The end of the named entity that token ``i`` is part of."""
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def _is_subject(tok) -> bool:
    """A clause's subject, or the name in one: "the Pacific kingdom of Tonga cut its ties"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _dateline_state(place: str, idx: ActorIndex) -> Actor | None:
    """The state of a dateline's place: a capital in the gazetteer (in the story's year: MOSCOW in
    1987 is the Soviet Union), else a city of at least 50,000 people."""
    if not place or len(place) > 40:
        return None
    name = " ".join(w.capitalize() for w in place.split()) if place.isupper() else place
    entry = idx.gaz.lookup(name)
    if entry is not None and entry.how == "metonym":
        actor = idx.gaz.in_era(entry, name, idx.published_year)
    elif entry is not None and entry.how == "name" and entry.actor.kind == "country":
        actor = entry.actor  # a city that bears its state's name: LUXEMBOURG, SINGAPORE, KUWAIT
    else:
        actor = idx.gaz.city_country(name) if entry is None else None
    return actor if actor is not None and actor.kind in STATE_KINDS else None


_MEMBER_NOUNS = frozenset({"member", "state", "country", "nation", "government", "ally"})
_SOME = frozenset({"most", "some", "several", "few", "many", "certain", "various"})


def _some_of(tok) -> bool:
    """Whether a plural noun names part of a group: "most EU members", "several member states",
    "other EU states", "five EU states" (a count with no "the", "all" or possessive before it)."""
    below = kids(tok)
    if any(c.lower_ in _SOME and c.dep_ in ("amod", "det", "quantmod", "nummod") for c in below):
        return True
    if any(c.lower_ == "other" for c in below) and not any(c.dep_ in ("det", "poss") for c in below):
        return True  # "a group of other EU states" (but "the other G7 nations" are all the rest)
    return any(c.dep_ == "nummod" for c in below) and not any(
        c.dep_ in ("det", "poss", "predet") or c.lower_ in ("all", "both") for c in below)


def _single_name_mentions(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """Surnames and other single names: the full name of the article they belong to (the one the
    name stood for the last time it was used alone, unless a title before it says otherwise; else
    the one with the title written before the name, then one with a stated role, then the most
    mentioned, then the nearest before), else a known person's, else the name itself."""
    singles = list(idx.pending_singles)
    full: list[tuple[int, Actor]] = []
    written: list[tuple[int, Actor, str]] = []  # "Emomali Rahmon" for the known "Emomali Rahmonov"
    for m in idx.ments:
        if m.actor.kind == "person" and len(m.actor.label.split()) >= 2:
            full.append((m.start, m.actor))
            text = doc[m.start:m.end].text
            if text != m.actor.label and len(text.split()) >= 2:  # (and "Rodríguez" of "Bruno Rodríguez
                written += [(m.start, m.actor, w) for w in text.split()]  # Parrilla", known without accents)
    full.sort(key=lambda x: x[0])
    counts: dict[str, int] = {}
    for _, a in full:
        counts[a.key] = counts.get(a.key, 0) + 1
    # single names: surnames of full names in the article, else of known people, else themselves
    parts: dict[str, list[tuple[int, Actor]]] = {}
    for pos, actor in full:
        for part in actor.label.split():
            parts.setdefault(part, []).append((pos, actor))
            head, dash, rest = part.partition("-")
            if dash and head.lower() in ("al", "el", "as", "ad", "ash", "an", "ar", "az") and len(rest) > 2:
                parts.setdefault(rest[:1].upper() + rest[1:], []).append((pos, actor))  # "el-Sisi": "Sisi"
    for pos, actor, last in written:
        if last.istitle() and last not in actor.label.split() and \
                all(a.key != actor.key for _, a in parts.get(last, [])):
            parts.setdefault(last, []).append((pos, actor))
    known_parts = gaz.people_by_part()
    surnames: dict[str, set[str]] = {}  # by their first three letters, so each word is held against few
    for _, a in full:
        last = a.label.split()[-1]
        if len(last) >= 5:
            surnames.setdefault(last[:3], set()).add(last)
    # "Garcia-Margallo" again after "Jose Manuel Garcia-Margallo": a hyphenated surname is three tokens
    joined = set()
    for tok in idx.tokens:
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ and \
                not doc[tok.i + 1].whitespace_ and tok.is_title and \
                (name := doc[tok.i:tok.i + 3].text) in parts and tok.i not in idx.by_token:
            singles.append((tok.i, tok.i + 3, name))
            joined.update((tok.i, tok.i + 2))
    for tok in idx.tokens:
        if tok.i in joined:
            continue
        if tok.text not in parts and tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and \
                tok.head.lower_ in _PLACE_PREPOSITIONS:
            continue  # "a summit in Bali": a place, though a person somewhere bears its name
        if tok.i not in idx.by_token and tok.pos_ == "PROPN" and tok.text not in parts and surnames and \
                tok.ent_type_ in ("", "PERSON", "ORG") and len(tok.text) >= 5 and tok.text.istitle() and \
                (variant := _spelling_variant(tok.text, surnames.get(tok.text[:3], ()))) is not None and \
                gaz.lookup(tok.text) is None:
            singles.append((tok.i, tok.i + 1, variant))  # "Kovalenko" written "Kovalenka" further down
            continue
        if tok.i not in idx.by_token and tok.pos_ == "PROPN" and tok.text not in parts and len(tok.text) > 3 \
                and len({e.actor.key for e in known_parts.get(tok.text, [])}) == 1 \
                and (tok.ent_type_ in ("", "PERSON", "ORG", "NORP") or _addressed(doc, tok) or
                     tok.ent_type_ == "GPE" and gaz.city_country(tok.text) is None) \
                and not doc[tok.i + 1:tok.i + 2].text.istitle() \
                and not _other_first_name(doc, tok, known_parts[tok.text][0], gaz, idx):
            singles.append((tok.i, tok.i + 1, tok.text))  # "the Trump administration"
            continue
        if tok.i not in idx.by_token and tok.pos_ == "PROPN" and tok.text not in parts and tok.text.istitle() \
                and (tok.ent_type_ in ("", "PERSON", "ORG", "NORP") or
                     tok.ent_type_ == "GPE" and gaz.city_country(tok.text) is None) \
                and not doc[tok.i + 1:tok.i + 2].text.istitle() and not doc[tok.i - 1:tok.i].text.istitle() \
                and not (tok.i > 0 and (doc[tok.i - 1].pos_ in ("PROPN", "DET") or doc[tok.i - 1].lower_ in _NAME_PARTICLES)) \
                and tok.lower_ not in gaz.office_words() and tok.lower_ not in HONORIFICS | _TITLE_NAMES \
                and not _hyphen_tail(doc, tok) \
                and _in_office_by_surname(gaz, tok.text, idx.published_year) is not None:
            singles.append((tok.i, tok.i + 1, tok.text))  # "Museveni said": the president of the day
            continue
        if tok.i in idx.by_token or tok.text not in parts or not (tok.pos_ == "PROPN" or tok.is_title):
            continue
        # "Biden, Johnson and Scholz", "Yoon has not spoken": NER may take a name for a place
        surname = tok.ent_type_ == "GPE" and (gaz.city_country(tok.text) is None or _addressed(doc, tok))
        if tok.ent_type_ == "DATE" or tok.ent_type_ == "NORP" and gaz.lookup(tok.text) is not None or \
                tok.ent_type_ == "GPE" and not surname or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"
                                                     and doc[tok.i + 1].i not in idx.by_token and
                                                     doc[tok.i + 1].ent_type_ == "PERSON"):
            continue
        singles.append((tok.i, tok.i + 1, tok.text))
    seen_single = set()
    said_last: dict[str, Actor] = {}  # single name -> the person it stood for last
    for start, end, name in sorted(singles):
        if (start, end) in seen_single or any(i in idx.by_token for i in range(start, end)):
            continue
        seen_single.add((start, end))
        cands = parts.get(name, [])
        if start > 0 and doc[start - 1].lower_.rstrip(".") in ("mr", "mrs", "ms", "miss") and \
                len({a.key for _, a in cands}) > 1:
            # "Mr Blair" is not Sir Ian Blair: a knight or a peer keeps the title
            plain = [(pos, a) for pos, a in cands if not any(
                doc[k].lower_ in ("sir", "lord", "dame", "lady", "baroness", "baron")
                for k in range(max(0, pos - 3), pos))]
            cands = plain or cands
        actor = None
        # "Chen" again after "President Chen": the one the name stood for last, unless a title says
        title = doc[start - 1].lower_ if start > 0 and doc[start - 1].lower_ in gaz.office_words() else None
        if title is None and name in said_last and any(a.key == said_last[name].key for _, a in cands):
            cands = [(pos, a) for pos, a in cands if a.key == said_last[name].key]
        if cands:
            # "President Chen" after foreign minister Chen A and President Chen B: the one of that title
            def rank(pa, start=start, title=title):
                pos, a = pa
                return (title is not None and title in (idx.role_of(a) or "").lower().split(),
                        idx.role_source.get(a.key) == "text", counts.get(a.key, 0), pos < start, pos)
            actor = max(cands, key=rank)[1]
        royal = start > 0 and doc[start - 1].lower_ in ("king", "queen", "prince", "princess", "emir", "sheikh", "sultan")
        kin = start > 0 and doc[start - 1].lower_ in _KIN  # "his son Viktor": a relative, by a first name
        if actor is None and not royal and not kin:
            known = gaz.people_by_part().get(name, [])  # "Putin", and "Xi" for Xi Jinping
            keys = {e.actor.key for e in known}
            if len(keys) > 1 and idx.published_year is not None:
                # "Kirchner" in 2005: the one of that name in office in the article's year
                known = [e for e in known if _in_office(e, idx.published_year)]
                keys = {e.actor.key for e in known}
            if len(keys) == 1:
                e = known[0]
                actor = e.actor
                idx.people[actor.key] = actor
                idx.set_known_role(actor, e)
        if actor is None and not royal and not kin and " " not in name:
            actor = _in_office_by_surname(gaz, name, idx.published_year)
            if actor is not None:
                idx.people[actor.key] = actor
        if actor is None and kin and start > 1 and doc[start - 2].tag_ == "PRP$" and \
                doc[start - 1].lower_ in ("wife", "husband"):
            continue  # "Mr Blair and his wife Cherie": a spouse along, no party to what states do (a son
            # may hold a post, or be sanctioned with his father)
        if actor is None:
            if " " not in name and gaz.city_country(name) is not None and not _addressed(doc, doc[start]):
                continue  # "the Vladivostok offer": a city the NER took for a person named once
            actor = Actor(kind="person", label=name)
        idx.add(Ment(start, end, actor, "surname"))
        said_last[name] = actor


_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "outside"})
_KIN = WORDS.set("kin")  # "his son Viktor": a relative, named by a first name


def _hyphen_tail(doc, tok) -> bool:
    """ "Willem-Alexander": the second half of a hyphenated name, no surname of its own."""
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "‐") and not doc[tok.i - 1].whitespace_ and \
        not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].is_title


def _other_first_name(doc, tok, known, gaz: Gazetteer, idx: ActorIndex) -> bool:
    """ "Ana Lopez" is not the known Andres Manuel Lopez Obrador: a capitalised word before the
    surname that is no title and no part of the known person's names is someone else's first name."""
    if tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    if _hyphen_tail(doc, tok):
        return True
    return prev.is_alpha and prev.is_title and prev.i not in idx.by_token and prev.pos_ == "PROPN" and \
        prev.lower_ not in gaz.office_words() and prev.lower_ not in HONORIFICS | _TITLE_NAMES and \
        fold_accents(prev.text) not in fold_accents(known.actor.label).split() and \
        prev.ent_type_ not in ("GPE", "NORP", "ORG")

# words inside a name before its last part ("Marcel de Souza"): a surname after them is no name of its own
_NAME_PARTICLES = WORDS.set("name_particles")
_TITLE_NAMES = WORDS.set("name_titles")


def _in_office_by_surname(gaz: Gazetteer, word: str, year: int | None) -> Actor | None:
    """The one person of the converted dictionaries called ``word`` who held office in ``year``
    ("Museveni" in 1987: Yoweri Museveni, not Janet Museveni, minister from 2009)."""
    if year is None or gaz.lookup(word) is not None:
        return None
    held = {label for label in gaz.converted_surnames.get(word, ()) if any(t.covers(year) for t in terms_of(gaz, label))
            or _in_office(gaz.names.get(label), year)}
    if len(held) != 1:
        return None
    entry = gaz.names.get(next(iter(held)))
    return entry.actor if entry is not None else None


def _in_office(entry, year: int) -> bool:
    """Whether the gazetteer's own row of a person gives an office held in ``year``."""
    return entry is not None and not entry.source and entry.since is not None and \
        entry.since <= year <= (entry.until if entry.until is not None else 9999)


def _spelling_variant(word: str, surnames) -> str | None:
    """The one surname among ``surnames`` (the article's, sharing the word's first three letters) that
    ``word`` spells another way, by one letter changed, added or left out ("Kovalenko", "Kovalenka")."""
    found = [s for s in surnames if _one_edit(word, s)]
    return found[0] if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _roles_from_titles(doc, idx: ActorIndex, *, counterparts: bool = True) -> None:
    """Roles stated next to a name: "Russian Foreign Minister Sergey Lavrov", "Wang Yi, China's
    foreign minister", "Foreign Minister Wang Yi of China", "his North Korean counterpart Choe"."""
    offices = idx.gaz.offices
    persons = [m for m in idx.ments if m.actor.kind == "person"]
    titled: dict[int, tuple[str | None, Actor | None, bool, bool]] = {}  # end of a titled name -> its title,
    # its state, whether the title is plural, whether the state came before it
    for m in sorted(persons, key=lambda m: m.start):
        sent = idx.sent_of(m.start)
        # left window: contiguous title words before the name
        j = m.start - 1
        window = []
        while j > sent.start and doc[j].lower_ in HONORIFICS and doc[j].is_title:
            window.insert(0, doc[j])  # ", Senior General Min Aung Hlaing"
            j -= 1
        if j > sent.start and doc[j].text == "," and _title_in(window, idx, offices)[0] is None and \
                not _subject_after_phrase(doc[j - 1], doc[m.start:m.end].root) and (
                doc[j - 1].lower_ in idx.gaz.offices or (
                doc[j - 1].pos_ == "NOUN" and any(c.dep_ == "poss" for c in kids(doc[j - 1])) or
                _is_title_word(doc[j - 1], idx) and any(c.dep_ == "poss" for c in doc[j - 1].subtree) or
                j - 3 > sent.start and doc[j - 1].pos_ == "PROPN" and doc[j - 2].lower_ in TARGET_PREPS and
                _is_title_word(doc[j - 3], idx))):
            j -= 1  # "the Japanese ambassador, Hideo Tarumi", "Pakistan's military ruler, Yahya Khan",
            # "its ambassador to Somalia, Ana Lima"
        while j >= sent.start and j >= m.start - 8:
            t = doc[j]
            if t.pos_ == "ADP" and t.lower_ in TARGET_PREPS and j > sent.start and \
                    _is_title_word(doc[j - 1], idx) and window and \
                    _title_in(window, idx, offices)[0] is None:
                # (but "adviser to Prime Minister A": the title before "to" is someone else's)
                window.insert(0, t)  # "US envoy for Syria Jane Doe": Syria is the brief
                j -= 1
                continue
            if t.text == ")" and j - 2 >= sent.start and doc[j - 2].text == "(" and doc[j - 1].is_upper:
                j -= 3  # "the United Nations (UN) relief coordinator A": the short name in brackets
                continue
            if t.lower_ == "of" and j > sent.start and not _is_title_word(doc[j - 1], idx) and \
                    doc[j - 1].lemma_.lower() not in INSTITUTIONS and (doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower or
                                                                       j - 1 > sent.start and doc[j - 2].pos_ == "ADP"):
                # "B's expulsion of US Ambassador A", "the visit to India of Chinese Premier A": the
                # title ends at the act it is the object of
                break
            if t.pos_ == "CCONJ" and window and window[0].pos_ == "NOUN" and j - 1 >= sent.start and \
                    doc[j - 1].pos_ == "NOUN" and doc[j - 1].is_lower:
                window.insert(0, t)  # "AU trade and industry commissioner A"
                j -= 1
                continue
            if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.is_lower and t.head.i < t.i and t.head.lower_ != "of" and \
                    not _is_title_word(t, idx) and t.lemma_.lower() not in INSTITUTIONS | COUNTERPART and \
                    not (t.head.i > sent.start and _is_title_word(doc[t.head.i - 1], idx)):
                break  # "At the G20 summit French President A": where the scene is, no part of the title
            if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "ADV") and \
                    t.lower_ not in ("acting", "outgoing", "incoming", "shadow") and \
                    not (t.dep_ == "amod" and t.tag_ == "VBN" or t.dep_ == "advmod" and t.head.dep_ == "amod") \
                    or t.text in (",", ";", ":", "(", ")", "“", "\"") \
                    or (t.pos_ == "ADP" and t.lower_ != "of") or (t.pos_ == "PRON" and t.dep_ != "poss") \
                    or (t.i in idx.by_token and idx.by_token[t.i].actor.kind == "person"):
                break
            window.insert(0, t)
            j -= 1
        if m.end - m.start > 1 and doc[m.start].lower_ in offices and doc[m.start].is_title:
            window.append(doc[m.start])  # "King Hussein": a name the gazetteer knows with its title in it
        if _party_politician(m.actor, window, idx):
            continue
        if any(t.lower_ in OUT_OF_OFFICE for t in window):
            # "former Nigerian President Obasanjo" no longer acts for Nigeria, whatever the gazetteer says
            if idx.role_source.get(m.actor.key) != "text":
                idx.roles.pop(m.actor.key, None)
                idx.role_source[m.actor.key] = "former"
            continue
        # right apposition: ", Russia's foreign minister," / "of China" / ", adviser to Prime Minister Abiy"
        right = []
        k = m.end
        if k < sent.end and doc[k].text == "," and not (k + 1 < sent.end and doc[k + 1].lower_ in ("and", "or", "but")):
            # (", and Vietnamese Foreign Minister B": the next name of a list, with its own title)
            k += 1
            while k < sent.end and k < m.end + 14 and doc[k].text not in (",", ";", ".", "said", "says"):
                if doc[k].pos_ in ("VERB", "AUX") and doc[k].lower_ not in ("acting", "outgoing", "incoming"):
                    # (", Kyrgyzstan's acting president,": the parser may read "acting" as a verb)
                    right = []
                    break
                if k in idx.by_token and idx.by_token[k].actor.kind == "person":
                    boss = idx.by_token[k].actor
                    b = k - 1
                    while b > m.end and (doc[b].pos_ == "PROPN" or _is_title_word(doc[b], idx)) and \
                            doc[b].lower_ not in ("to", "of"):
                        b -= 1  # "adviser to Prime Minister A": back over A's own title
                    right = [t for t in right if t.i <= b]  # (not the boss's own title: "half-brother of leader A")
                    if doc[b].lower_ in ("to", "of"):
                        home = idx.country_of(boss)
                        if home is not None:
                            right.append(_Stand(home))  # the state of the person served
                    break
                right.append(doc[k])
                k += 1
            if _party_politician(m.actor, [t for t in right if not isinstance(t, _Stand)], idx):
                continue
            if any(getattr(t, "lower_", "") in OUT_OF_OFFICE - {"late"} for t in right) and \
                    _title_in(window, idx, offices)[0] is not None:
                right = []  # "Secretary-General A, a former Korean foreign minister,": the title held now
            elif any(getattr(t, "lower_", "") in OUT_OF_OFFICE - {"late"} for t in right):
                right = []
                if idx.role_source.get(m.actor.key) != "text":  # ", the former US secretary of state,"
                    idx.roles.pop(m.actor.key, None)
                    idx.role_source[m.actor.key] = "former"
                continue
        elif k + 1 < sent.end and doc[k].lower_ == "of" and (k + 1) in idx.by_token:
            right = [doc[k], doc[k + 1]]
        elif k + 2 < sent.end and doc[k].lower_ == "of" and doc[k + 1].lower_ == "the" and (k + 2) in idx.by_token \
                and idx.by_token[k + 2].actor.kind in STATE_KINDS:
            right = [doc[k], doc[k + 2]]  # "King A of the Netherlands"
        # (a rank alone, "Admiral A", says nothing of whom the person serves)
        lead = window[0].i if window and all(t.lower_ in HONORIFICS for t in window) and \
            _title_in(window, idx, offices)[1] is None else m.start
        if (not window or lead < m.start) and lead > sent.start + 1 and doc[lead - 1].text == ",":
            # "the President of Brazil, Ana Lima", "NATO's commander in the south, Admiral B": the
            # name is in apposition to its title
            root = doc[m.start:m.end].root
            head = root.head
            if root.dep_ == "appos" and head.i < lead and head.dep_ == "pobj" and head.head.lower_ == "of" and \
                    _is_title_word(head.head.head, idx) and head.head.head.i < head.i:
                head = head.head.head  # "the head of US Central Command, General A": the parser hangs A on the body
            if root.dep_ == "appos" and head.i < lead and _is_title_word(head, idx):
                window = [t for t in doc[max(head.left_edge.i, sent.start):lead - 1]
                          if not t.is_punct and t.lower_ not in ("a", "an", "the")]
            elif lead - 2 in idx.by_token and idx.by_token[lead - 2].actor.kind != "person":
                of = idx.by_token[lead - 2]  # the same when the parser missed the apposition
                if of.start - 2 > sent.start and doc[of.start - 1].lower_ == "of" and \
                        _is_title_word(doc[of.start - 2], idx):
                    window = list(doc[of.start - 2:of.end])
                elif (at := of.start - (2 if doc[of.start - 1].lower_ == "the" else 1)) - 1 > sent.start and \
                        doc[at].lower_ in ("to", "in") and _is_title_word(doc[at - 1], idx):
                    # "X's ambassador to (or in) Lima, A", "X's ambassador to the United Nations, A": the
                    # title before the place it is held in
                    window = [t for t in doc[max(doc[at - 1].left_edge.i, sent.start):at]
                              if not t.is_punct and t.lower_ not in ("a", "an", "the")]
            if any(t.lower_ in OUT_OF_OFFICE for t in window):
                continue  # "the country's former army chief, Colonel A,"
        role, country, counterpart = _title_in(window, idx, offices)
        if role is not None and country is None and right and all(t.lower_ in RANKS for t in window):
            role = None  # "Major General A, the Peruvian army's southern commander,": a rank, the office after it
        if country is not None and role is not None and not any(
                isinstance(t, _Stand) or (w := idx.by_token.get(t.i)) is not None and w.actor.kind != "person" or
                t.dep_ == "poss" and t.lower_ in ("its", "his", "her") for t in window):
            # a title only one state uses ("Defence Secretary") said of a known person who never held
            # office there: wire copy spells the American title the British way
            served = _served(m.actor, idx)
            if served and country.key not in served:
                states = [a for k in served if (a := idx.gaz.by_key.get(k)) is not None and a.kind in STATE_KINDS]
                country = states[0] if len(states) == 1 else None
        # a title shared over a list: "Israeli prime minister A and energy minister B" (B is
        # Israeli too), "Presidents A of X and B of Y" (B is a president too)
        prev = titled.get(_joined_to(doc, j, sent, idx))
        shared = False
        if prev is not None:
            if country is None and role is not None and prev[1] is not None and not (
                    (served := _served(m.actor, idx)) and prev[1].key not in served):
                country = prev[1]  # (not "Soviet leader A and President Reagan": Reagan was never Soviet)
            elif role is None and prev[0] is not None and (prev[2] and (window or right) or not window and right and
                                                          getattr(right[0], "lower_", "") == "of"):
                role = prev[0]  # (and "President A of X, B of Y and C of Z": B and C are presidents too)
            elif role is None and country is None and not window and prev[2]:
                # "Presidents A of X and B": B is a president, of a state unknown; "U.S. senators A
                # and B": the nationality before a plural title is B's too
                role, country = prev[0], prev[1] if prev[3] and not right and not (
                    (served := _served(m.actor, idx)) and prev[1] is not None and prev[1].key not in served) else None
                shared = country is not None
        if role is None and right:
            r2, c2, cp2 = _title_in(right, idx, offices)
            role, counterpart = r2, cp2
            if r2 is not None or len(right) <= 3 or any(
                    isinstance(t, _Stand) or t.pos_ == "NOUN" and (_is_title_word(t, idx) or t.lemma_.lower() in
                                                                  INSTITUTIONS | SPEAKERS | PUBLIC_ROLES | {"member"})
                    for t in right):
                country = country or c2  # (not "A, one of the strongest supporters of Ankara's hopes,")
        elif right and right[0].lower_ == "of":
            # "President A of X": the state right after the name goes with the title next to it
            country = _title_in(right, idx, offices)[1] or country
        if counterpart and role is None:
            if not counterparts:
                continue  # decided once surnames are linked: "his" may be a surname's person
            role = _counterpart_role(m, window, idx)
        if role is None and country is not None and right and any(
                getattr(t, "pos_", "") == "NOUN" and (_is_title_word(t, idx) or t.lemma_.lower() in
                                                     INSTITUTIONS | SPEAKERS | PUBLIC_ROLES) for t in right):
            role = None  # "Ali Shamkhani, the secretary of Iran's security council": acts for Iran
            idx.set_role(m.actor, None, country, source="text")
            continue
        listed_of = prev is not None and not window and right and getattr(right[0], "lower_", "") == "of"
        if role or (country is not None and (counterpart or listed_of or shared or window and window[-1].pos_ in ("NOUN", "PROPN", "ADJ") and (
                _is_title_word(window[-1], idx) or window[-1].pos_ == "PROPN" or
                window[-1].lemma_.lower() in INSTITUTIONS | SPEAKERS | PUBLIC_ROLES))):
            # (a nationality with a public role acts for the state; "American grandmaster A" does not)
            if country is None and role is None:
                continue
            idx.set_role(m.actor, role, country, source="text")
            plural = any(t.tag_ in ("NNS", "NNPS") and (_is_title_word(t, idx) or t.pos_ == "PROPN" and t.is_title and
                                                             t.i not in idx.by_token)
                         for t in window)
            end = m.end + (2 if right and getattr(right[0], "lower_", "") == "of" and len(right) == 2 else 0)
            if right and getattr(right[0], "lower_", "") == "of" and len(right) == 2:
                end = idx.by_token[right[1].i].end if right[1].i in idx.by_token else end
            before = {w.actor.key for t in window if (w := idx.by_token.get(getattr(t, "i", -1))) is not None
                      and w.actor.kind in STATE_KINDS}  # ("Soviet and American negotiators A and B": no one state)
            titled[end] = (role, country, plural, before == {getattr(country, "key", None)})


def _subject_after_phrase(title, name) -> bool:
    """Whether ``name`` after a comma is the subject of its clause and ``title`` before the comma ends
    a phrase of a preposition: "According to a Japanese spokesman, Li told B": Li is no spokesman."""
    return title.dep_ == "pobj" and name.dep_ in ("nsubj", "nsubjpass") and not title.is_ancestor(name)


def _joined_to(doc, j: int, sent, idx: ActorIndex) -> int | None:
    """The end of the titled name that the word at ``j`` ("and", a comma) joins a new name to."""
    if j <= sent.start or doc[j].lower_ not in ("and", ","):
        return None
    return j


def _is_title_word(tok, idx: ActorIndex) -> bool:
    w = tok.lower_
    heads = idx.gaz.office_heads
    return w in heads or w[:-1] in heads or w in ("representative", "envoy", "ambassador", "commissioner",
                                                  "coordinator")


@dataclass(frozen=True)
class _Stand:
    """A state standing in a title window for a person named there ("adviser to Abiy Ahmed")."""

    actor: Actor
    i: int = -1
    lower_: str = ""
    pos_: str = "X"


def _leaders(doc, idx: ActorIndex) -> None:
    """ "The junta, led by General Abdourahamane Tiani": the person leads what the noun stands for."""
    for m in [m for m in idx.ments if m.actor.kind == "person"]:
        tok = doc[m.end - 1]
        by = tok.head
        if tok.dep_ != "pobj" or by.lower_ != "by" or by.head.lemma_.lower() not in ("lead", "head", "chair", "run"):
            continue
        verb = by.head
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            led = idx.resolve(verb.head, allow_demonym=True)
            if led is None and verb.head.dep_ == "appos" and verb.head.head.pos_ == "PROPN":
                led = idx.resolve(verb.head.head)  # "UNITA, the movement led by A": what the noun stands beside
            _lead(m.actor, led, idx)
    for m in [m for m in idx.ments if m.actor.kind == "person"]:
        # "A, who led the US delegation,": the person leads what the clause's object stands for
        for rel in (c for c in kids(doc[m.end - 1]) if c.dep_ == "relcl" and c.lemma_.lower() in ("lead", "head")
                    and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in kids(c))):
            for o in (o for o in kids(rel) if o.dep_ == "dobj" and o.lemma_.lower() in _LED_TEAMS):
                _lead(m.actor, idx.resolve(o, allow_demonym=True), idx)


def _lead(person: Actor, led: Actor | None, idx: ActorIndex) -> None:
    """Record that ``person`` leads ``led`` (a state's team, a movement), unless the text gave them another role."""
    role, of = idx.roles.get(person.key, (None, None))
    if led is not None and led.kind != "person" and (idx.role_source.get(person.key) != "text" or of is None):
        # ("a Chilean team led by Trade Minister A": A is Chile's trade minister)
        idx.roles[person.key] = (role or "Leader", led)
        idx.role_source[person.key] = "text"


# a state named after these in a title is where the person is posted or what they deal with,
# not whom they act for: "ambassador to Japan", "special envoy for Syria", "head of the mission in Mali"
TARGET_PREPS = {"to", "for", "in", "at", "on", "with", "towards", "toward"}


def _party_politician(person: Actor, words, idx: ActorIndex) -> bool:
    """ "Tory leader A", ", the Liberal Democrat spokesman,": a party's politician, of a known state
    but acting for no state (relations with their own government are domestic politics)."""
    text = " " + " ".join(t.lower_ for t in words) + " "
    if " opposition " in text or " shadow " in text:
        # "opposition leader A", "the shadow foreign secretary": a politician who speaks for no state
        idx.opposition.add(person.key)
        if idx.role_source.get(person.key) != "text":
            idx.roles.pop(person.key, None)
            idx.role_source[person.key] = "former"
    code = next((c for phrase, c in PARTY_STATES.items() if f" {phrase} " in text or f" {phrase}s " in text), None)
    state = idx.gaz.by_key.get(f"country/{code}") if code else None
    if state is None and any(w.text[:1].isupper() and w.lower_ in PARTY_WORDS and w.i not in idx.by_token and
                             w.i + 1 < len(w.doc) and w.doc[w.i + 1].lower_ in POLITICIANS for w in words):
        # "Conservative leader A", "Republican senator B": a party politician of some state, who holds
        # no office in it that the gazetteer knows of, whatever post it lists for later years
        if idx.role_source.get(person.key) != "text":
            idx.roles.pop(person.key, None)
            idx.role_source[person.key] = "former"
        return True
    if state is None:
        return False
    idx.nationality[person.key] = state
    if idx.role_source.get(person.key) != "text":
        idx.roles.pop(person.key, None)
        idx.role_source[person.key] = "former"
    return True


def _served(person: Actor, idx: ActorIndex) -> set[str]:
    """The states and bodies a known person ever held office for."""
    served = {t.of.key for t in terms_of(idx.gaz, person.label)}
    entry = idx.gaz.lookup(person.label)
    if entry is not None and entry.how == "person" and entry.of is not None:
        served.add(entry.of.key)
    return served


def _mention_span(idx: ActorIndex, i: int) -> range:
    """The tokens of the mention at token ``i`` (none where there is no mention)."""
    m = idx.by_token.get(i)
    return range(m.start, m.end) if m is not None else range(0)


def _title_in(tokens, idx: ActorIndex, offices) -> tuple[str | None, Actor | None, bool]:
    country = None
    target = False
    for t in tokens:
        if isinstance(t, _Stand):
            country = country or t.actor
            continue
        if t.pos_ == "ADP" and t.lower_ in TARGET_PREPS:
            target = True
        elif t.lower_ in ("and", ",") or t.pos_ == "ADP":
            target = False
        mm = idx.by_token.get(t.i)
        if t.lower_ == "whose":  # "Kuwait, whose Finance Minister A ...": the clause's antecedent
            clause = t
            for _ in range(4):
                if clause.dep_ == "relcl" or clause.head.i == clause.i:
                    break
                clause = clause.head
            mm = idx.by_token.get(clause.head.i) if clause.dep_ == "relcl" else \
                idx.by_token.get(t.i - 2) if t.i >= 2 and t.doc[t.i - 1].text == "," else None
        if mm is not None and mm.how == "demonym" and (
                mm.end - 1 == t.i and mm.end < len(t.doc) and t.doc[mm.end].ent_type_ == "NORP" or
                mm.start == t.i and t.i > 0 and t.doc[t.i - 1].ent_type_ == "NORP" and t.i - 1 not in _mention_span(idx, t.i)):
            continue  # "the Bosnian Serb commander": a people within a state, whom neither state names
        if mm is not None and mm.actor.kind != "person" and not target:
            country = country or mm.actor if t.pos_ != "ADP" else country
        elif mm is None and t.lower_ == "its" and t.dep_ == "poss" and not target and country is None:
            owner = idx.resolve(t)  # "Kenya said its foreign minister, A, ...": the state "its" stands for
            if owner is not None and owner.kind != "person":
                country = owner
        elif mm is None and t.lower_ in ("his", "her") and t.dep_ == "poss" and not target and country is None and \
                t.head.lower_ not in COUNTERPART:
            # "Chancellor A rejected it. Her spokesman, B, said ...": the state the owner acts for
            # (only where "his" is the person named last: "A and his army commander, B" is A's man)
            owner = idx.resolve(t)
            last = next((m for m in idx.ments_back(t.i) if m.end <= t.i and m.actor.kind == "person"), None)
            if owner is not None and last is not None and owner.key == last.actor.key and \
                    idx.country_of(owner) is not None and \
                    not any(t.doc[k].pos_ == "PROPN" and k not in idx.by_token for k in range(last.end, t.i)):
                # (a name between not yet linked to its person may be the one "his" stands for)
                country = idx.country_of(owner)
    tokens = [t for t in tokens if not isinstance(t, _Stand)]
    words = [t.lower_ for t in tokens]
    role = None
    for a in range(len(words)):
        for b in range(len(words), a, -1):
            cand = " ".join(words[a:b]).replace(" - ", "-")
            if cand in offices or (cand.endswith("s") and cand[:-1] in offices):
                office = offices.get(cand) or offices[cand[:-1]]
                role = office.role
                # "Secretary of State for Trade": a brief's title in other states, not the one state's office
                if country is None and office.state and (words[b:b + 1] != ["for"] or
                                                         words[a - 1:a] in (["assistant"], ["under"], ["deputy"])):
                    country = idx.gaz.by_key.get(f"country/{office.state}")  # "Home Secretary A": British
                break
        if role:
            break
    counterpart = any(w in COUNTERPART for w in words)
    return role, country, counterpart


def _counterpart_role(m: Ment, window, idx: ActorIndex) -> str | None:
    """ "his counterpart": the role of whoever "his" is, else of the sentence's subject, else of
    the nearest person before with a role."""
    for t in window:
        if t.dep_ == "poss":
            owner = idx.resolve(t)
            if owner is not None and idx.role_of(owner):
                return idx.role_of(owner)
    root = idx.sent_of(m.start).root
    for c in kids(root):
        if c.dep_ == "nsubj":
            owner = idx.resolve(c)
            if owner is not None and owner.key != m.actor.key and idx.role_of(owner):
                return idx.role_of(owner)
    for other in idx.ments_back(m.start):
        if other.start < m.start and other.actor.kind == "person" and other.actor.key != m.actor.key:
            r = idx.role_of(other.actor)
            if r:
                return r
    return None


def _sentence_years(sents, doc, text: str) -> dict[int, int]:
    ents = list(doc.ents)  # ``sent.ents`` would build every entity of the document again per sentence
    k = 0
    years: dict[int, int] = {}
    carried = None
    for sent in sents:
        found = None
        while k < len(ents) and ents[k].start < sent.start:
            k += 1
        for ent in ents[k:]:
            if ent.end > sent.end:
                break
            if ent.label_ == "DATE":
                m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b(?!s)", ent.text)
                if m:
                    found = int(m[1])
                    break
        if found is not None:
            years[sent.start] = found
        elif carried is not None and not _starts_line(text, sent.start_char):
            years[sent.start] = carried  # (a new paragraph starts afresh)
        carried = found if found is not None else (carried if sent.start in years else None)
    return years


def _starts_line(text: str, at: int) -> bool:
    """Whether only spaces stand between the line's start and offset ``at`` (a paragraph's first
    sentence, indented or not, in text whose wrapped lines are joined)."""
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _former_capitals_set_the_era(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """A sentence naming a capital only a former state had ("East Berlin", "Bonn", "Saigon") and no
    year of its own is about that state's time: "the Kremlin pressed East Berlin" is Soviet."""
    firsts = gaz.former_metonym_first_words()
    texts = idx.texts
    for sent in idx.sents:
        if sent.start in idx.sentence_years:
            continue
        for i in range(sent.start, sent.end):
            if texts[i] not in firsts:
                continue
            for j in (i + 2, i + 1):
                entry = gaz.names.get(doc[i:j].text) if j <= sent.end else None
                if entry is not None and entry.how == "metonym" and entry.actor.kind == "former_state" \
                        and entry.actor.code in gaz.years:
                    idx.sentence_years[sent.start] = gaz.years[entry.actor.code][1]
                    break
            if sent.start in idx.sentence_years:
                break


def find_actors(doc, gaz: Gazetteer, published=None) -> ActorIndex:
    """Every actor mention of a parsed article, with the roles the text states."""
    idx = ActorIndex(doc=doc, gaz=gaz)
    idx.published_year = published.year if published is not None else None
    idx.sentence_years = _sentence_years(idx.sents, doc, idx.text)
    _former_capitals_set_the_era(doc, gaz, idx)
    _gazetteer_mentions(doc, gaz, idx)
    _half_names(doc, idx)
    _nicknamed(doc, gaz, idx)
    _person_mentions(doc, gaz, idx)
    _warships(doc, gaz, idx)
    _titled_names(doc, gaz, idx)
    _bracketed_first_names(doc, gaz, idx)
    _listed_names(doc, gaz, idx)
    _shortened_names(idx)
    _drop_non_actors(doc, idx)
    _capitals_in_names(doc, idx)
    _state_forms(doc, idx)
    _shared_short_names(doc, gaz, idx)
    _roles_from_titles(doc, idx, counterparts=False)
    _single_name_mentions(doc, gaz, idx)
    _the_queen(doc, gaz, idx)
    _roles_from_titles(doc, idx)
    _respectively(doc, idx)
    _titles_of_listed(doc, idx)
    _listed_of_states(doc, idx)
    _possessed_names(idx)
    _listed_under_title(doc, idx)
    _leaders(doc, idx)
    _chairs(doc, idx)
    _chaired_by(doc, idx)
    _represented_by(doc, idx)
    _named_of(doc, idx)
    _took_office(doc, idx)
    _speaking_for(doc, idx)
    _envoys_named_after(doc, idx)
    assign_dated_roles(idx, published)
    _listed_titles(idx)
    _home_titles(doc, idx)
    _speaking_for_institution(doc, idx)
    _dated_by_office_holders(idx)
    _bodies_of_their_day(idx)
    idx.settle()
    return idx


def _the_queen(doc, gaz: Gazetteer, idx: ActorIndex) -> None:
    """ "The Queen began a state visit to Germany": in a story that names Britain and no queen, the
    British monarch of its day (Elizabeth II, 1952-2022)."""
    queens = [t for t in idx.tokens if t.text == "Queen" and t.i not in idx.by_token and t.i > 0 and
              doc[t.i - 1].lower_ == "the" and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")]
    entry = gaz.lookup("Elizabeth II")
    year = idx.published_year
    if not queens or entry is None or entry.how != "person" or year is not None and not _in_office(entry, year) or \
            not any(m.actor.key == "country/GBR" for m in idx.ments) or \
            any(m.actor.kind == "person" and (idx.role_of(m.actor) or "") == "Queen" for m in idx.ments):
        return  # (her years in office are the gazetteer's)
    idx.people[entry.actor.key] = entry.actor
    idx.set_known_role(entry.actor, entry)
    for t in queens:
        idx.add(Ment(t.i, t.i + 1, entry.actor, "person"))


def _speaking_for_institution(doc, idx: ActorIndex) -> None:
    """ "China's foreign ministry rejected the charge. Spokesman A said ...", "The White House
    reacted cautiously. Spokesman B said": a spokesperson with no state named speaks for the one
    state whose institution the sentence before, or the sentence itself before the name, tells of."""
    done: set[str] = set()
    for m in sorted(idx.ments, key=lambda x: x.start):
        key = m.actor.key
        role, of = idx.roles.get(key, (None, None))
        if m.actor.kind != "person" or of is not None or not role or key in done or \
                idx.role_source.get(key) != "text" or terms_of(idx.gaz, m.actor.label):
            continue
        done.add(key)
        if "spokesperson" not in idx.gaz.role_ranks.get(role.lower(), ()):
            continue
        sent = idx.sent_of(m.start)
        before = idx.sent_of(sent.start - 1) if sent.start > 0 else sent
        states = set()
        found = None
        for x in idx.ments_between(before.start, m.start):
            if x.actor.kind not in STATE_KINDS or x.how == "demonym" and x.start >= sent.start:
                continue
            head = doc[x.start:x.end].root
            while head.dep_ == "conj" and head.head.i < head.i:
                head = head.head  # "Chinese and Japanese officials": both
            if x.how == "metonym" and head.ent_type_ != "GPE" or \
                    head.head.lemma_.lower() in INSTITUTIONS and head.dep_ in ("poss", "amod", "compound"):
                states.add(x.actor.key)  # "the White House", "China's foreign ministry"
                found = x.actor
        if len(states) == 1:
            idx.roles[key] = (role, found)


def _listed_titles(idx: ActorIndex) -> None:
    """A known person the text gives their listed title without a state ("Premier Zhou Enlai" in a
    passage on 1972, "Foreign Secretary Jack Straw") holds that post for its state then, whatever
    year the article was written."""
    for key, (role, of) in list(idx.roles.items()):
        if of is not None or not role or idx.role_source.get(key) != "text":
            continue
        entry = idx.known_entry(key)
        if entry is not None and entry.of is not None and entry.role and entry.role.lower() == role.lower():
            idx.roles[key] = (role, entry.of)


def _dated_by_office_holders(idx: ActorIndex) -> None:
    """An article without a date is dated by the known people it names with their listed title:
    "Prime Minister Tony Blair" and "Foreign Secretary Jack Straw" put it between 2001 and 2006, so
    David Cameron, named there without a title, is not yet prime minister, and John Major no longer."""
    if idx.published_year is not None:
        return
    lo = hi = None
    known = {}
    for key, (role, of) in idx.roles.items():
        entry = idx.known_entry(key)
        if entry is None:
            continue
        known[key] = entry
        if idx.role_source.get(key) == "text" and role and entry.role and role.lower() == entry.role.lower() and \
                entry.since is not None and (of is None or entry.of is None or of.key == entry.of.key):
            lo = entry.since if lo is None else max(lo, entry.since)
            if entry.until is not None:
                hi = entry.until if hi is None else min(hi, entry.until)
    if lo is None or hi is None or lo > hi:
        return
    for key, entry in known.items():
        if idx.role_source.get(key) != "gazetteer":
            continue
        if entry.since is not None and entry.since > hi:
            role, of = entry.of_year(hi)
        elif entry.until is not None and entry.until < lo:
            role, of = None, None
        else:
            continue
        if of is None:
            del idx.roles[key]
        else:
            idx.roles[key] = (role, of)


def _bodies_of_their_day(idx: ActorIndex) -> None:
    """An officer of the African Union Commission acts for the African Union; and what an article
    of 1987 says of the European Union it says of the European Community ("Commission President
    Jacques Delors" in 1987): each body as it was when the article was written."""
    gaz, year = idx.gaz, idx.published_year
    first: dict[str, int] = {}  # where each actor is first named
    for m in idx.ments:
        first.setdefault(m.actor.key, m.start)
    for key, (role, of) in list(idx.roles.items()):
        if of is not None and (day := gaz.body_of_year(of, year)) is not of:
            idx.roles[key] = (role, day)
        elif of is not None and (idx.role_source.get(key) == "gazetteer" or of.code == "DEU") and \
                (day := gaz.state_of_year(of, (key in first and idx.year_at(first[key])) or year)) is not of:
            # "Helmut Kohl" in 1987 acts for West Germany, whatever calls him German; a Russian known
            # from the gazetteer acted for the Soviet Union then (but "Russian President A" in 1991
            # is the text's word for the republic)
            idx.roles[key] = (role, day)
    for k, m in enumerate(idx.ments):
        if m.actor.label in gaz.earlier_names and (day := gaz.body_of_year(m.actor, year)) is not m.actor:
            idx.relabel(k, day)  # (a mention of the African Union Commission stays the Commission)


# titles that name the post but not whom its holder serves at home ("Ambassador A" in a story
# filed from Tokyo is as likely a foreign envoy as a Japanese one)
_POSTED = WORDS.set("posted_titles")


def _chaired_by(doc, idx: ActorIndex) -> None:
    """ "ECOWAS, then chaired by Ghana's president, A": A chairs the body too."""
    for m in list(idx.ments):
        if m.actor.kind != "organisation" or m.actor.org_kind not in _BODIES:
            continue
        root = doc[m.start:m.end].root
        for acl in (c for c in kids(root) if c.dep_ == "acl" and c.lemma_.lower() in ("chair", "preside")):
            for p in (p for a in kids(acl) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj"):
                person = idx.mention_at(p.i)
                if person is None or person.actor.kind != "person":
                    continue
                have = idx.chairs.setdefault(person.actor.key, [])
                _, of = idx.roles.get(person.actor.key, (None, None))
                if (of is None or of.key != m.actor.key) and all(b.key != m.actor.key for _, b in have):
                    have.append(("Chair", m.actor))


def _represented_by(doc, idx: ActorIndex) -> None:
    """ "Peru was represented at the summit by Trade Minister A", "Chile sent B, its deputy foreign
    minister, and was represented by him": who represents a state or body at an event acts for it."""
    for tok in idx.tokens:
        if tok.lemma_.lower() != "represent" or tok.tag_ != "VBN" or \
                not any(c.dep_ == "auxpass" for c in kids(tok)):
            continue
        whom = [idx.resolve(c) for c in kids(tok) if c.dep_ == "nsubjpass"]
        whom = [a for a in whom if a is not None and a.kind != "person"]
        if not whom:
            continue
        for by in (c for c in kids(tok) if c.dep_ == "agent"):
            for p in (p for p in kids(by) if p.dep_ == "pobj"):
                for x in [p] + list(p.conjuncts):
                    m = idx.mention_at(x.i)
                    title = None
                    if m is None or m.actor.kind != "person":
                        # "its foreign minister, A": the person in apposition, the noun phrase the title
                        ap = next((a for a in kids(x) if a.dep_ == "appos"), None)
                        m = idx.mention_at(ap.i) if ap is not None else None
                        title = " ".join(w.text for w in x.subtree if w.i < x.i + 1 and w.dep_ in ("amod", "compound")
                                         or w.i == x.i).title() if m is not None else None
                    if m is None or m.actor.kind != "person":
                        continue
                    role, of = idx.roles.get(m.actor.key, (None, None))
                    if of is None:
                        idx.set_role(m.actor, role or title, whom[0], source="text")


def _named_of(doc, idx: ActorIndex) -> None:
    """ "the talks between A of Bangladesh and B of Myanmar", "C of the self-declared Donetsk People's
    Republic": a person named in full with "of" and a state or body after the name acts for it."""
    for m in idx.ments:
        if m.actor.kind != "person" or m.end - m.start < 2 or m.end >= len(doc) or doc[m.end].lower_ != "of" or \
                doc[m.end].head.i != m.end - 1:
            continue
        of = next((idx.resolve(p) for p in doc[m.end].children if p.dep_ == "pobj"), None)
        if of is None or of.kind not in STATE_KINDS and of.kind != "organisation":
            continue
        named = [m.actor]
        last = doc[m.end - 1]
        if last.dep_ == "conj" and (first := idx.mention_at(last.head.i)) is not None and first.actor.kind == "person" and \
                idx.country_of(first.actor) in (None, of) and \
                not any(doc[k].lower_ == "of" for k in range(first.end, m.start)):
            named.append(first.actor)  # "A and B of the United States": both (not "C and B of X", C known for Y)
        for person in named:
            role, had = idx.roles.get(person.key, (None, None))
            if had is None or idx.role_source.get(person.key) != "text":
                idx.set_role(person, role, of, source="text")


def _speaking_for(doc, idx: ActorIndex) -> None:
    """ "Speaking for Ghana, the deputy trade minister, A, said", "On behalf of Norway, B signed",
    "C, speaking on behalf of the African Union, said": who speaks or acts on a state's or a body's
    behalf acts for it (not one who signs "on behalf of" a group in a sentence's middle, which
    needs a speaker it hangs on)."""
    for tok in idx.tokens:
        if tok.lower_ == "speaking" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "for":
            at = tok.i + 2
        elif tok.lower_ == "behalf" and tok.i > 0 and doc[tok.i - 1].lower_ == "on" and \
                tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            at = tok.i + 2
        else:
            continue
        while at < len(doc) and doc[at].lower_ == "the":
            at += 1
        m = idx.mention_at(at)
        if m is None or m.actor.kind not in STATE_KINDS and m.actor.kind != "organisation" or m.how == "demonym":
            continue
        sent = idx.sent_of(tok.i)
        lead = tok if tok.lower_ == "speaking" else doc[tok.i - 2] if tok.i >= 2 and \
            doc[tok.i - 2].lower_ in ("speaking", "acting") else doc[tok.i - 1]
        opener = lead.i <= sent.start + 1
        if opener:  # the phrase opens the sentence: the first person after it, before the verb
            if m.end >= sent.end or doc[m.end].text != ",":
                continue
            verb = sent.root
            person = next((x for x in idx.ments_between(m.end, verb.i)
                           if x.actor.kind == "person" and x.start > m.end), None)
        else:  # "C, speaking for the AU, said": the subject of the verb the phrase hangs on
            clause = lead.head
            if lead.lower_ not in ("speaking", "acting") or lead.dep_ not in ("advcl", "acl"):
                continue
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                if lead.dep_ == "advcl" else clause
            person = idx.mention_at(subj.i) if subj is not None else None
        if person is None or person.actor.kind != "person":
            continue
        role, had = idx.roles.get(person.actor.key, (None, None))
        if had is None:
            idx.set_role(person.actor, role, m.actor, source="text")


ENVOY_TITLES = ("ambassador", "envoy")


def _envoys_named_after(doc, idx: ActorIndex) -> None:
    """ "Chile recalled its ambassador to Peru. The ambassador, A, returns home on Friday", "the
    foreign minister said Ambassador B had been called home": an envoy named with no state is the
    one whose state was told with that title just before, or, called home, the speaker's."""
    for tok in idx.tokens:
        if tok.lemma_.lower() not in ENVOY_TITLES:
            continue
        if tok.dep_ == "compound" and (m := idx.mention_at(tok.head.i)) is not None:
            titled = tok.i  # "Ambassador B"
        elif any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
                (ap := next((c for c in tok.children if c.dep_ == "appos"), None)) is not None and \
                (m := idx.mention_at(ap.i)) is not None:
            titled = None  # "the ambassador, A,"
        else:
            continue
        if m.actor.kind != "person" or idx.country_of(m.actor) is not None or \
                any((x := idx.mention_at(c.i)) is not None and x.actor.kind in STATE_KINDS
                    for c in tok.head.subtree if c.i < tok.i or c.i in (titled,)):
            continue
        home = None
        verb = tok.head if titled is not None else tok
        while verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        own = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advmod")]
        # (in the envoy's own clause: "had been ordered home", "is to return home")
        if any(w.lemma_.lower() == "recall" or
               any(c.lower_ == "home" and c.dep_ in ("advmod", "oprd", "npadvmod") for c in w.children) for w in own):
            saying = verb.head if verb.dep_ == "ccomp" else None
            while saying is not None and saying.dep_ == "conj" and saying.head.i != saying.i:
                saying = saying.head
            speaker = next((idx.resolve(c) for c in (saying.children if saying is not None else ())
                            if c.dep_ == "nsubj"), None)
            if speaker is not None:
                home = speaker if speaker.kind in STATE_KINDS else idx.country_of(speaker)
        if home is None:
            home = _envoys_state_before(doc, idx, tok)
        if home is not None and home.kind in STATE_KINDS:
            role, _ = idx.roles.get(m.actor.key, (None, None))
            idx.set_role(m.actor, role or "Ambassador", home, source="text")


def _envoys_state_before(doc, idx: ActorIndex, tok) -> Actor | None:
    """The state of the envoys told with a state within the three sentences before ``tok``, when
    they are all of one state: "Chile recalled its ambassador", "Peru's envoy" (not in a story of
    two envoys sent home, one each way)."""
    window = idx.sents_upto(tok.i, 3)
    lo = window[0].start if window else 0
    found: dict[str, Actor] = {}
    for w in doc[lo:tok.i]:
        if w.lemma_.lower() not in ENVOY_TITLES or w.dep_ == "compound":
            continue
        for c in w.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                verb = w.head if w.dep_ == "dobj" else None
                owner = next((idx.resolve(s) for s in (verb.children if verb is not None else ())
                              if s.dep_ == "nsubj"), None)
            elif c.dep_ in ("poss", "amod", "compound"):
                owner = idx.resolve(c, allow_demonym=True)
            else:
                continue
            if owner is not None and owner.kind in STATE_KINDS:
                found[owner.key] = owner
    return next(iter(found.values())) if len(found) == 1 else None


def _took_office(doc, idx: ActorIndex) -> None:
    """ "A was sworn in as president of Liberia", "B became Germany's chancellor", "Moscow appointed C
    as defence minister": a person who takes an office holds it for the state it names, or for the
    state that gave it. (Not an office taken years before the text's own time.)"""
    for m in [m for m in idx.ments if m.actor.kind == "person"]:
        tok = doc[m.end - 1]
        verb = tok.head
        if verb.pos_ == "AUX" and verb.dep_ in ("aux", "auxpass"):
            verb = verb.head  # "A was re-elected as ...", split where the parser breaks the hyphen
        if verb.lemma_.lower() not in TAKING_OFFICE or any(c.dep_ == "neg" for c in kids(verb)):
            continue
        if tok.dep_ == "dobj" and verb.lemma_.lower() in ("appoint", "name", "install", "elect"):
            giver = next((c for c in kids(verb) if c.dep_ == "nsubj"), None)
        elif tok.dep_ in ("nsubj", "nsubjpass"):
            giver = None
        else:
            continue
        if verb.lemma_.lower() == "take" and not any(c.dep_ == "dobj" and c.lower_ == "office" for c in kids(verb)):
            continue  # "took office as president", not "took the post"
        year = idx.year_at(verb.i)
        if year is not None and idx.published_year is not None and year < idx.published_year - 5:
            continue
        heads = [c for c in kids(verb) if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN")]
        heads += [p for a in kids(verb) for x in [a] + [c for c in kids(a) if c.dep_ == "prep"]
                  if x.dep_ == "prep" and x.lower_ == "as" for p in kids(x) if p.dep_ == "pobj"]
        for noun in heads:
            if noun.i in idx.by_token or any(c.lower_ in OUT_OF_OFFICE for c in kids(noun)):
                continue
            role, country, _ = idx.title_of(noun)
            if role is None:
                continue
            if country is None:
                owner = next((c for c in kids(noun) if c.dep_ == "poss"), None) or giver
                owner = idx.resolve(owner) if owner is not None else None
                country = idx.country_of(owner) if owner is not None and owner.kind == "person" else owner
            if country is not None and (country.kind in STATE_KINDS or country.kind == "organisation") and \
                    idx.role_source.get(m.actor.key) != "former":
                idx.set_role(m.actor, role, country, source="text")
            break


def _home_titles(doc, idx: ActorIndex) -> None:
    """ "Defence Minister A said" with no state named: the title is for the one state the person
    ever held office for, or, in a sentence that opens "In Moscow,", for that state, or for the
    state of the party the person heads or goes with, else for the
    state of a wire story's dateline: "NAIROBI - Foreign Minister A said" is Kenya's minister, since
    wire copy names a visitor's state with the title ("the Indian foreign minister, B, said in Lagos")."""
    asked: set[str] = set()
    told: set[str] = set()
    home = idx.filed_from
    named = sum(x.actor.key == home.key for x in idx.ments) if home is not None else 0
    for m in sorted(idx.ments, key=lambda x: x.start):
        role, of = idx.roles.get(m.actor.key, (None, None))
        if m.actor.kind != "person" or role is None or of is not None or role.lower() in _POSTED \
                or idx.role_source.get(m.actor.key) != "text":
            continue
        terms = terms_of(idx.gaz, m.actor.label)
        year = idx.published_year
        # (offices the person took only after the story's year say nothing of it)
        states = {t.of.key for t in terms if year is None or t.start is None or t.start.year <= year}
        if (only := only_state(idx, terms)) is not None:  # whatever the year, the one state the person
            idx.roles[m.actor.key] = (role, only)  # ever held office for
            continue
        sent = idx.sent_of(m.start)
        here = None
        first = next((t for t in sent if not t.is_space), doc[sent.start])
        if first.lower_ == "in" and first.i + 1 in idx.by_token:
            place = idx.by_token[first.i + 1]
            if place.actor.kind in STATE_KINDS and place.end < sent.end and \
                    doc[place.end].text == ",":
                here = place.actor  # "In Cairo, Deputy Minister A told reporters"
        if here is None and not states:
            here = _party_of(m, idx) or _came_from(m, idx)
        if here is None and (not states or idx.filed_from is not None and idx.filed_from.key in states) and \
                m.actor.key not in asked:
            # (a dateline of a state the person is known to have served, in another year, too)
            asked.add(m.actor.key)
            if _home_of_dateline(m, idx, named):
                here = idx.filed_from
        if here is None and not states and m.actor.key not in told:
            here = _state_said_before(m, idx)  # (asked of the mention that introduces the person)
        told.add(m.actor.key)
        if here is not None:
            idx.roles[m.actor.key] = (role, here)


def _state_said_before(m: Ment, idx: ActorIndex) -> Actor | None:
    """The state a story has just told of, for a title with no state that opens the next sentence:
    "Chile recalled its envoy on Monday. Foreign Minister A called the raid an insult" (Chile's
    minister). Only the subject of the sentence before counts, and only a state named by name."""
    doc = idx.doc
    sent = idx.sent_of(m.start)
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or sent.start == 0 or first.i >= m.start:
        return None
    if any(not (t.is_title or _is_title_word(t, idx) or t.is_space or t.text == "-") for t in doc[first.i:m.start]):
        return None  # (the titled name opens the sentence)
    if not _is_subject(doc[m.start:m.end].root):
        return None
    verb = doc[m.start:m.end].root.head
    for c in kids(idx.sent_of(sent.start - 1).root):
        a = idx.by_token.get(c.i) if c.dep_ in ("nsubj", "nsubjpass") else None
        if a is None or a.actor.kind not in STATE_KINDS or a.how not in ("name", "metonym"):
            continue
        if not any(x.actor.key == a.actor.key and ((r := doc[x.start:x.end].root).head.i == verb.i or
                                                   r.dep_ == "pobj" and r.head.head.i == verb.i)
                   for x in idx.ments_between(m.end, sent.end)):
            return a.actor  # (not "Minister A accused Lima of ...": one who acts on that state is of another)
    return None


def _came_from(m: Ment, idx: ActorIndex) -> Actor | None:
    """The state of the capital a titled person came from: "Minister A, who flew in from Kampala
    on Sunday," is Uganda's minister, not the dateline's."""
    root = idx.doc[m.start:m.end].root
    for clause in (c for c in kids(root) if c.dep_ == "relcl"):
        for w in clause.subtree:
            if w.dep_ == "pobj" and w.head.lower_ == "from" and w.i in idx.by_token:
                place = idx.by_token[w.i]
                if place.how == "metonym" and place.actor.kind in STATE_KINDS:
                    return place.actor
    return None


def _party_of(m: Ment, idx: ActorIndex) -> Actor | None:
    """The state of the party a titled person heads or goes with: "a Peruvian mission led by
    Trade Minister A", "B landed in Rome, accompanied by Finance Minister C" (B's state)."""
    doc = idx.doc
    k = m.start - 1
    while k > 0 and m.start - k <= 5 and (doc[k].is_title or _is_title_word(doc[k], idx)):
        k -= 1  # (read along the words: the parser may take the name for the clause's subject)
    if k < 1 or doc[k].lower_ != "by" or doc[k - 1].lemma_.lower() not in ("lead", "head", "accompany"):
        return None
    verb = doc[k - 1]
    if verb.lemma_.lower() in ("lead", "head") and verb.dep_ == "acl":
        for c in kids(verb.head):
            if c.dep_ in ("amod", "compound", "poss") and c.i < verb.head.i:
                a = idx.resolve(c, allow_demonym=True)
                if a is not None and a.kind in STATE_KINDS:
                    return a
    if verb.lemma_.lower() == "accompany":
        clause = verb
        while clause.head.i != clause.i and not any(c.dep_ == "nsubj" for c in kids(clause)):
            clause = clause.head
        for c in kids(clause):
            if c.dep_ == "nsubj":
                a = idx.resolve(c)
                if a is not None and a.kind == "person":
                    return idx.roles.get(a.key, (None, None))[1]
    return None


def _home_of_dateline(m: Ment, idx: ActorIndex, named: int) -> bool:
    """Whether a title with no state is for the state of a wire story's dateline: that state is
    one the story is about (``named`` at least twice), no other state is named more often in the
    sentence that introduces the person and the one before, no other owns the title ("the
    Community's commissioner, A"), and the person does not act on it ("Minister A accused Lima")."""
    home = idx.filed_from
    if home is None or named < 2:
        return False
    first = m  # the mentions are asked in text order: the first one asked introduces the person
    sent = idx.sent_of(first.start)
    before = idx.sent_of(sent.start - 1) if sent.start > 0 else sent
    doc = sent.doc
    counts: dict[str, int] = {home.key: 0}
    for x in idx.ments_between(before.start, sent.end):
        if x.start == first.start or \
                not (x.actor.kind in STATE_KINDS or x.actor.org_kind in _BODIES):
            continue
        k = x.end
        while k < sent.end and _is_title_word(doc[k], idx):
            k += 1
        other = idx.by_token.get(k)
        if k > x.end and other is not None and other.actor.kind == "person" and k != first.start:
            continue  # the state of another titled person ("Soviet leader A") is no matter
        if x.actor.key == home.key and x.start >= first.end:
            head = doc[x.start:x.end].root
            if head.dep_ in ("dobj", "dative") and any(
                    c.dep_ == "nsubj" and first.start <= c.i < first.end for c in kids(head.head)):
                return False
        if x.how == "demonym" and x.start > first.start:
            continue  # what the person speaks of ("flew in from a South African base") is no rival
        # the home state as a subject ("Zambia accused B ... B's claim") outweighs the one it acts on
        weight = 2 if x.actor.key == home.key and doc[x.start:x.end].root.dep_ in ("nsubj", "nsubjpass") else 1
        counts[x.actor.key] = counts.get(x.actor.key, 0) + weight
    for t in doc[sent.start:first.start]:
        if t.dep_ == "poss" and t.i not in idx.by_token:
            owner = idx.resolve(t)
            if owner is not None and owner.kind != "person" and owner.key != home.key:
                return False
    return counts[home.key] > 0 and counts[home.key] >= max(counts.values())


_BODIES = ("intergovernmental", "un-body", "alliance")


# words for the one who presides over a body of states for a term
_CHAIR_WORDS = WORDS.set("chair_words")
_CHAIR_POSTS = WORDS.set("chair_posts")
_TAKING_POSTS = WORDS.set("taking_posts")
_CHOOSING = WORDS.set("choosing")
AHEAD_WORDS = WORDS.set("ahead_titles")


_CHAIRED_BODIES = ("intergovernmental", "alliance")  # bodies of states a member's leader chairs in turn


def _bodies_in(idx: ActorIndex, toks) -> list[Actor]:
    """The bodies of states chaired in turn that the tokens name."""
    return [m.actor for o in toks if (m := idx.by_token.get(o.i)) is not None and
            m.actor.kind == "organisation" and m.actor.org_kind in _CHAIRED_BODIES]


def _chairs(doc, idx: ActorIndex) -> None:
    """A body of states a person chairs beside their own post: "OAU chairman A of Zambia", "AU
    chairperson President B of Egypt", "C, the current ECOWAS chairman,", "D, who currently chairs
    the AU". The person acts for the body too."""
    for m in idx.ments:
        if m.actor.kind != "person":
            continue
        sent = idx.sent_of(m.start)
        found: list[Actor] = []
        # to the left: the body's name, a chair word, then any further title words, then the name
        k = m.start - 1
        while k >= sent.start and (_is_title_word(doc[k], idx) or doc[k].lower_ in _CHAIR_WORDS) and \
                k not in idx.by_token:
            k -= 1
        if k >= sent.start and k + 1 < m.start and doc[k + 1].lower_ in _CHAIR_WORDS:
            found += _bodies_in(idx, [doc[k]])
        # to the right: ", the current ECOWAS chairman," or ", chairman of the OSCE,"
        if m.end < sent.end and doc[m.end].text == ",":
            words = []
            for t in doc[m.end + 1:min(sent.end, m.end + 12)]:
                if t.text in (",", ";", ".") or t.pos_ in ("VERB", "AUX"):
                    break
                if t.i in idx.by_token and idx.by_token[t.i].actor.kind == "person":
                    words = []  # (", European Council President B": the title is the next person's)
                    break
                words.append(t)
            if any(t.lower_ in _CHAIR_WORDS for t in words) and not any(t.lower_ in AHEAD_WORDS for t in words):
                # (", due to become the next chairman of the bloc": not yet)
                found += _bodies_in(idx, words)
        # a clause: "who currently chairs the AU"
        head = doc[m.end - 1]
        for rel in (c for c in kids(head) if c.dep_ == "relcl"):
            if rel.lemma_.lower() == "chair":
                found += _bodies_in(idx, [o for o in kids(rel) if o.dep_ == "dobj"])
            elif rel.lemma_.lower() in _TAKING_POSTS and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in kids(rel)):
                # "who holds the rotating presidency of Unasur" (not "whose country held": the state's)
                found += _bodies_in(idx, [p for o in kids(rel) if o.dep_ == "dobj" and o.lemma_.lower() in _CHAIR_POSTS
                                    for b in kids(o) if b.dep_ == "prep" and b.lower_ == "of" for p in kids(b)])
        if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in _CHOOSING:
            # "A was elected chairman of the OAU"
            found += _bodies_in(idx, [p for o in kids(head.head) if o.dep_ in ("oprd", "attr", "xcomp", "dobj") and
                                o.lower_ in _CHAIR_WORDS for b in kids(o) if b.dep_ == "prep" and b.lower_ == "of"
                                for p in kids(b)])
        for body in found:
            have = idx.chairs.setdefault(m.actor.key, [])
            _, of = idx.roles.get(m.actor.key, (None, None))
            if (of is None or of.key != body.key) and all(b.key != body.key for _, b in have):
                have.append(("Chair", body))


def _named_with_state(idx: ActorIndex, key: str, of: Actor) -> bool:
    """Whether the text puts a person's state right before their name ("France's Jacques Chirac",
    "Cuban leader Miguel Diaz-Canel" aside): a known role the article itself states."""
    doc = idx.doc
    for m in idx.ments:
        if m.actor.key != key or m.start < 1:
            continue
        j = m.start - 1
        if doc[j].text in ("'s", "’s") and j >= 1:
            j -= 1
        before = idx.by_token.get(j)
        if before is not None and before.actor.key == of.key:
            return True
    return False


def _named_by_title(idx: ActorIndex) -> set[str]:
    """The people the text calls by their own title ("the prime minister said", after Tony Blair):
    the article states the role they hold."""
    keys = set()
    for tok in idx.tokens:
        if tok.pos_ != "NOUN" or tok.i in idx.by_token or not any(c.lower_ == "the" for c in kids(tok)) or \
                tok.lower_ not in idx.gaz.office_heads or any(c.lower_ in OUT_OF_OFFICE for c in kids(tok)):
            continue  # (not "the former Argentine president")
        role = idx.title_of(tok)[0]
        person = idx.resolve(tok) if role is not None else None
        if person is not None and person.kind == "person" and idx.role_of(person) == role:
            keys.add(person.key)
    return keys


def mentions_and_roles(idx: ActorIndex, used: set[str]) -> tuple[list[Mention], list[Role]]:
    """Mentions of the actors in ``used`` and of the people given a role (with their surface
    forms, so a person's every name in the article is kept), and the roles."""
    doc = idx.doc
    roles = []
    by_key = {m.actor.key: m.actor for m in idx.ments}
    titled = _named_by_title(idx)
    for key, (role, of) in idx.roles.items():
        actor = idx.people.get(key) or by_key.get(key)
        if actor is None or of is None:
            continue
        if key in used or idx.role_source.get(key) == "text" or _named_with_state(idx, key, of) or \
                key in titled:
            roles.append(Role(actor, of, role))
    for key, chaired in idx.chairs.items():
        actor = idx.people.get(key) or by_key.get(key)
        if actor is not None:
            roles += [Role(actor, body, role) for role, body in chaired]
    named = used | {r.person.key for r in roles} | {r.of.key for r in roles}
    mentions = []
    for m in idx.ments:
        if m.actor.key in named and m.how != "demonym":
            span = doc[m.start:m.end]
            mentions.append(Mention(m.actor, span.text, span.start_char, span.end_char))
    return mentions, roles


__all__ += ["mentions_and_roles"]
