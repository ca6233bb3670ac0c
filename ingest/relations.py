"""Relation rules over the dependency parse: verbs and their nominal forms, with the lexicon of
``data/lexicon.tsv`` saying which words state which relation and where their object is.

:func:`find_relations` yields :class:`Candidate` records (subject, relation, object, the trigger
token and the rule that fired); :mod:`ingest.extract` adds modality, dates and evidence.

The module is long on purpose: its rules are one finder's methods that share the same view of the
sentence (its actors, the groups named so far, what was already found), and each is short and
named for the construction it reads. Split across files they would pass that state back and forth.
Where a clause's subject and objects sit in the parse is :mod:`ingest.shapes`, which holds no state.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from dataclasses import dataclass, replace

from dipgraph.graph.records import Actor
from dipgraph.graph.vocab import relation as relation_info

from .actors import BACKED, COUNTERPART, HARM_NOUNS, INSTITUTIONS, PLACE_NOUNS, PLACED_HEADS, SPEAKERS, STATE_KINDS, VESSELS, ActorIndex
from .words import WORDS
from .gazetteer import LexEntry, Lexicon, fitting_particles
from .tenure import terms_of
from .shapes import (ACCUSING, APPEALS, DOCUMENTS, NOUNS_TAKEN_FOR_VERBS, PREVENTING, QUANTITY_NOUNS, SAYING_VERBS, TRIP_BOUNDS, UNDOING, UNDOING_NOUNS, attack_lemmas, between, clause_verb, conditional_harm, conjuncts, coordinated_with, goods_bound, goods_origin, is_question, kids, listed,
                     not_yet_done, object_tokens, object_verb, of_chain, passive, prep_objects, reduced_passive, regular_lemma, scope_words, second_addressees, subject_tokens, undone,
                     trip_places, word_set)

__all__ = ["Candidate", "find_relations"]

LIGHT_VERBS = WORDS.set("light_verbs")
WITHHOLDING = WORDS.set("withholding")  # "barred aid to B": none given (aid cut or frozen was given before)
# words of a subject phrase that make it not the actor itself ("a spokesman for the EU")
TIES_VERBS = WORDS.set("ties_verbs")
TIES_NOUNS = WORDS.set("ties_nouns")
TIES_HEIGHTS = WORDS.set("ties_heights")  # what ties that grow reach: "a new level", "new heights"
COMMUNICATIVE = {"supported", "criticized", "rejected", "urged", "threatened", "accused", "attacked",
                 "sanctioned", "met", "suppliedArmsTo", "aided", "recognized"}


def _shares_determiner(noun) -> bool:
    """Whether a noun joined to another takes its determiner or possessor ("B's creditor and
    supplier", not "B's creditor and a supplier of C")."""
    return noun.dep_ == "conj" and not any(c.dep_ in ("det", "poss") for c in kids(noun))


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence, before modality and date are decided."""

    predicate: str
    subject: Actor
    object: Actor
    trigger: int  # token index of the word that states it
    rule: str
    confidence: float


# saying someone does harm is criticizing them
BLAMING_SPEECH = WORDS.set("blaming_speech")
# what a state claims, which others may recognise without recognising the state ("its sovereignty over")
CLAIM_NOUNS = WORDS.set("claim_nouns")
HARM_VERBS = WORDS.set("harm_verbs")
# what a state refuses to do with someone, which rejects them
REFUSED_ACTS = WORDS.set("refused_acts")
# nouns that name again an act told before, and the words that told it
EVENT_NOUNS = WORDS.multimap("event_nouns")
# "the two agreed to keep in touch", "agreed to deepen ties": an understanding, no agreement signed
KEEPING_UP = WORDS.set("keeping_up") | WORDS.set("widening_verbs")
# meetings and calls, which one has with people
CONTACT_ACTS = frozenset({"met", "phoned", "negotiatedWith"})
# verbs of reaching someone, whose purpose ("to offer support") is done to the one reached
CONTACT_VERBS = frozenset({"telephone", "phone", "call", "ring", "visit", "meet", "fly", "travel", "write"})
# dealings one side may refuse to have with another ("refused talks with A")
DEALINGS = WORDS.set("dealings")
# being somewhere, and what is said there: "told reporters in Ankara", "gave the speech in Kiev"
SPEAKING = WORDS.set("present_in")
# verbs that report what someone said ("said", "told"), whose clause is the saying
REPORTING_VERBS = WORDS.set("reporting_verbs")
# what an act is said to do to a law or a pact ("the raid violated the Charter")
BREACHING = WORDS.set("breaching")
# what one tries to do, which settles nothing yet: "efforts to settle the dispute"
ATTEMPTS = WORDS.set("attempts")
# how many sentences, the answer's own included, an answer looks back for the charge or protest it
# answers: a story may tell of the protest, then of its cause, then of the answer
ANSWER_LOOKBACK = 6
# verbs that hand a thing to someone named before it: "gave B his backing", "offered B aid"
GIVING_VERBS = WORDS.set("giving_verbs")
# the nouns of a call answered in a later sentence ("rejected those calls"), and the verbs that make one
CALLS_ANSWERED = WORDS.set("calls_answered")
CALLING_VERBS = WORDS.set("calling_verbs")
# acts another state can be said to follow in a sentence of its own ("C followed weeks later")
FOLLOWED_ACTS = frozenset({"recognized", "reducedRelationsWith", "sanctioned"})
# what one does with one's recognition of a state ("announced their recognition")
RECOGNITION_GIVING = WORDS.set("recognition_giving")
# people who act for whoever speaks of them ("the ministry said officials had met ...")
STAFF = WORDS.set("staff")
# the words of a protest, told by a verb or named by a noun
PROTEST_WORDS = WORDS.set("protest_words")
# what one does to another side, never to one's own state
OUTWARD = frozenset({"urged", "criticized", "accused", "threatened", "rejected", "sanctioned", "attacked"})
# the determiners with which a noun names again something told before ("the attack", "those raids")
NAMED_AGAIN = ("the", "this", "that", "these", "those")
# the acts of leaving a place ("demanded a pullout from B": B is the place left)
WITHDRAWALS = EVENT_NOUNS["withdrawal"]
# places that lie inside one state, which a nationality before them names ("the Syrian port")
SETTLED_PLACES = PLACE_NOUNS - {"area", "border", "part", "parts", "state", "territory", "outskirts"} | {"country"}
ENTERING_FOR = WORDS.set("entering_for")
SEEKING = WORDS.set("seeking")
PRIVATE_PEOPLE = WORDS.set("private_people")
PHONE_PREPS = WORDS.set("phone_preps")
# a call's own words ("a call", "a conversation") say nothing of the line it is held on
SPOKEN_EXCHANGES = frozenset({"call", "conversation"})
SPOKEN_THINGS = WORDS.set("spoken_things")
# journeys that take someone somewhere ("the tour has taken A to Senegal")
TRIP_NOUNS = WORDS.set("trip_nouns")
# someone's coming or staying somewhere, whose "of" names who came ("the arrival in Lima of A")
COMING_NOUNS = WORDS.set("coming_nouns")
# verbs of putting one's name to a pact ("the deal was brokered by A and signed by B and C")
SIGNING_VERBS = WORDS.set("signing_verbs")
# a game's score ("won 7-1") and the words of sport: beating a side there is no attack
_SCORE = re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b")
SPORTS_WORDS = WORDS.set("sports_words")
# a government overthrown by its own soldiers ("condemned the coup": the state it happened in)
COUP_NOUNS = WORDS.set("coup_nouns")
# cities that seat a body of states, and the body (with the years it bore that name)
SEATS = WORDS.map("seats")
# acts one side may ask of another ("called for the withdrawal of X's troops")
WANTED_ACTS = WORDS.set("wanted_acts")
# what one side claims or asks, which another may reject ("a charge B rejects")
CLAIMS = WORDS.set("charge_nouns") | WORDS.set("claims")
NEWS_NOUNS = WORDS.set("news_nouns")  # "reports that B planned ..."
# verbs that praise what two sides did ("praised both leaders for their courage")
COMMENDING = WORDS.set("commending")
# what one may turn down that another did to one, and the relations that tell of it
ANSWERED = WORDS.multimap("answered")
TURNING_DOWN = WORDS.set("turning_down")
TALKS_FATES = WORDS.set("talks_fates")
STRIKING_BACK = WORDS.set("striking_back")
REPRISALS = WORDS.set("reprisals")
REFUSING = WORDS.set("refusing")
BEARING_VERBS = WORDS.set("bearing_verbs")
RELYING_VERBS = WORDS.set("relying_verbs")
CALL_ANSWERS = WORDS.set("call_answers")
YIELDING = WORDS.set("yielding")
# the words each rule of find_relations is tried on (data/words.tsv), by the rule's name
VERB_TRIGGERS = WORDS.multimap("verb_triggers")
NOUN_TRIGGERS = WORDS.multimap("noun_triggers")
TELLING_ACTS = WORDS.set("telling_acts")
# "the two presidents": a group named by the title its members hold
TITLED_GROUPS = WORDS.set("titled_groups")
# armed forces, whose arriving somewhere is no visit
MILITARY = WORDS.set("armed_forces")
PENALTY_LIST_WORDS = WORDS.set("penalty_lists")  # "its list of state sponsors of terrorism": a sanction
# verbs that end or cut ties ("relations were severed")
REDUCING = WORDS.set("cutting_ties")


THREATENING = frozenset({"threaten", "vow"})
PLEDGING = WORDS.set("pledging")  # "agreed not to attack B": a pledge, no act
TAKEOVER_NOUNS = WORDS.set("takeover_nouns")  # "never recognised the incorporation of B"
THREAT_NOUNS = WORDS.set("threat_nouns")  # "threats by A to attack B"
RECEIVING = WORDS.set("receiving_verbs")  # "was received in Budapest"
THREATENED_HARMS = frozenset({"attacked", "sanctioned", "reducedRelationsWith"})
THREAT_WORDS = frozenset({"threaten", "warn"})  # whose harm or condition names the threatened
ASKED_FOR = frozenset({"request", "demand", "plea", "appeal", "call", "proposal", "offer", "bid", "pressure"})
JOINT_THINGS = frozenset({"centre", "center", "patrol", "patrols", "exercise", "exercises", "drill", "drills",
                          "venture", "project", "programme", "program", "force", "operation", "operations",
                          "commission", "committee", "mission", "base", "facility", "statement", "declaration"})
URGING = frozenset({"urge", "call", "ask", "press", "appeal", "encourage", "implore", "demand", "tell"})
HARMFUL = frozenset({"sanctioned", "attacked", "reducedRelationsWith", "criticized", "rejected", "accused"})
# verbs that tell an attack was met and held off: the one who did so was attacked
REPELLING = WORDS.set("repelling")
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
PERSON_GROUP = WORDS.set("person_group")
GATHERINGS = WORDS.set("gatherings")
# those a speaker addresses, and the occasions of a speech ("spoke to reporters", "at a rally")
AUDIENCES = WORDS.set("audiences")
STAKES = WORDS.set("stakes")
# what one plays or makes in a matter, whose maker is praised with it ("praised the role played by B")
PARTS_PLAYED = WORDS.set("parts_played")
AID_TAKERS = WORDS.set("aid_takers")
HOME_CONDUCT = WORDS.set("home_conduct")
ANSWERING = WORDS.set("answering")  # "refused to comply" answers any request made just before
ASKING_NOUNS = WORDS.set("asking_nouns")  # what one side asks of another ("refused the request")
# verbs of having something one was given: "A has (won, enjoys) the backing of B"
HAVING = WORDS.set("having")
FORCEFUL = WORDS.set("forceful_means")  # what a side resorts to against another
HANDING_OVER = WORDS.set("handing_over")  # a fugitive's handover: to the state wanting them
JOINING_IN = WORDS.set("joining_in")  # "took part in the US-led invasion"
GOING_FOR = WORDS.set("going_for")  # verbs after which "for talks" tells what the doer came or met for
FACE_TO_FACE = WORDS.set("face_to_face_verbs")  # "pressed B to act during talks": the talks were with B
MEETINGS = {w for w, v in WORDS.multimap("gatherings").items() if "meeting" in v}
OUTCOME_NOUNS = WORDS.set("outcome_nouns")
STATE_GROUP = WORDS.set("state_group")
# more sides than this, agreeing, negotiating or speaking at one meeting, are a round table: no pairs
ROUND_TABLE = 3


SUPPORTER_NOUNS = WORDS.set("supporter_nouns")
CRITIC_NOUNS = WORDS.set("critic_nouns")
CHARGE_NOUNS = WORDS.set("charge_nouns")
PARTNER_NOUNS = WORDS.set("partner_nouns")
JOINT_NOUNS = WORDS.map("joint_nouns")
FUTURE_WORDS = WORDS.set("future_words")
COOPERATIVE = WORDS.set("cooperative")
HOSTILE = WORDS.set("hostile")
# the acts that set two states at odds ("urged both sides to show restraint"), and with criticism
# those that make the two no "allies"
HOSTILE_ACTS = ("attacked", "threatened", "accused", "reducedRelationsWith", "sanctioned")
FOES = HOSTILE_ACTS + ("criticized",)
ECONOMIC = WORDS.set("economic")
NEGATIVE_EVAL = WORDS.set("negative_eval")
ISSUING = WORDS.set("issuing_verbs")  # "issued a statement critical of B": the issuer speaks
POSITIVE_EVAL = WORDS.set("positive_eval")
SCHEMES = WORDS.set("schemes")
FULFILLED = WORDS.set("fulfilled")  # "met the bloc's conditions": no one met
CRIME_EVAL = WORDS.set("crime_eval")
PACT_NOUNS = WORDS.set("pact_nouns")
THREAT_VERBS = WORDS.set("threat_verbs")
COALITION_NOUNS = WORDS.set("coalition_nouns")
DISMISSED = WORDS.set("dismissed")
# what a side can be said to be behind ("said X was behind the attack")
CULPRIT_ACTS = WORDS.set("culprit_acts")
# nouns that name an act told just before ("..., a move Moscow criticised")
ACT_NOUNS = WORDS.set("act_nouns")
# what asks for a meeting or a pact that has not happened ("a proposal for talks")
PROPOSALS = WORDS.set("proposals")
# verbs with which one makes a charge of one's own ("repeated the charge that ...")
CHARGE_MAKING = WORDS.set("charge_making")
# what a side says it will do for itself: the one it warns is someone else
SELF_DEFENCE = WORDS.set("self_defence")
# "X-backed Y": what the first part does to the noun
BACKING = WORDS.map("backing")
EVALUATING = frozenset({"call", "describe", "characterize", "characterise", "label", "term", "brand", "denounce",
                        "dismiss", "condemn", "deem", "consider", "regard", "view", "see"})
# what a person holds, whose recognition is the person's ("recognised Maduro's second term")
HELD_OFFICES = frozenset({"term", "presidency", "government", "rule", "leadership", "mandate", "election", "victory"})
TERRITORY_GROUP = WORDS.set("territory_group")
EXCHANGED_BLOWS = WORDS.set("exchanged_blows")
GO_BETWEENS = WORDS.set("go_betweens")  # "a deal brokered by X": X is no side of it
BASE_VERBS = WORDS.set("base_verbs")  # "Russia has military bases in B"
CRITICAL_ADJECTIVES = WORDS.set("critical_adjectives")  # "A is critical of B"
CONCERNED_ADJECTIVES = WORDS.set("concerned_adjectives")  # "A was alarmed by B's build-up"
DISPLEASED = CRITICAL_ADJECTIVES | CONCERNED_ADJECTIVES
RUEING = WORDS.set("rueing_verbs")  # "B would regret it"
NOT_TOLERATING = WORDS.set("not_tolerating")  # "A will not tolerate B's troops at the border"
NATIONALS = WORDS.set("nationals")  # "threatened to deport Georgian migrants": Georgia threatened
WARNING_VERBS = WORDS.set("warning_verbs")  # "warned that it would impose sanctions on B"
CASUALTY_VERBS = WORDS.set("casualty_verbs")  # "were killed in a strike"
STATE_PERSONNEL = WORDS.set("state_personnel")  # "two Syrian soldiers"
SPEECH_REPLIES = frozenset({"reply", "respond", "add", "insist", "counter", "retort"})
SUPPLIER_NOUNS = frozenset({"supplier", "source", "provider", "seller", "exporter", "donor"})


def _or_face(words: list[str]) -> bool:
    """Whether the words name a penalty for not complying: "... or face sanctions", "or risk ..."."""
    return any(a == "or" and b in ("face", "risk") for a, b in zip(words, words[1:]))


def named_aside(tok) -> bool:
    """ "will hold talks on Thursday, with Iran and the EU budget on the agenda": a topic named in
    an absolute "with" phrase, no party to the talks; "with the help of A": a helper, no party."""
    w = tok
    for _ in range(6):
        if w.dep_ == "pobj" and w.head.lower_ == "with":
            return any(x.lemma_.lower() in ("agenda", "table") for x in w.head.subtree) or \
                w.lemma_.lower() in ("help", "support", "assistance", "mediation", "backing", "aid")
        if w.head.i == w.i:
            return False
        w = w.head
    return False


def _together(verb) -> bool:
    """ "worked together", "jointly", "side by side", "hand in hand", "in tandem": done as one."""
    words = [c.lower_ for c in kids(verb)] + [p.lower_ for c in kids(verb) if c.dep_ == "prep" for p in kids(c)]
    return any(w in ("together", "jointly", "tandem") for w in words) or \
        any(w in ("side", "hand") for w in words) and any(c.dep_ == "prep" and c.lower_ in ("by", "in") for c in kids(verb))


def _spoke_to_others(verb) -> bool:
    """ "A and B spoke to reporters", "spoke at a news conference", "talked to students": each
    addressed an audience, which is no talk between them."""
    if verb.lemma_.lower() not in ("speak", "talk", "chat"):
        return False
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ in ("to", "before", "at", "with", "in"):
            for o in kids(c):
                if o.dep_ == "pobj" and (o.lemma_.lower() in AUDIENCES or
                                         c.lower_ in ("to", "before") and o.pos_ == "NOUN"):
                    return True
    return False


def _place_words(toks) -> list:
    """The words of ``toks`` that may name a place: each conjunct, its compounds, and the noun of
    its "of" phrase with that noun's compounds ("parts of Aceh province")."""
    out = []
    for c in (c for t in toks for c in conjuncts(t)):
        for n in [c, *of_chain(c, 1)]:
            out += [n, *(x for x in kids(n) if x.dep_ == "compound")]
    return out


def _in_topic(tok, verb) -> bool:
    """Whether ``tok`` lies inside an "over" or "about" phrase under ``verb``: what the act is about."""
    w = tok
    while w.i != verb.i and w.head.i != w.i:
        if w.dep_ == "pobj" and w.head.lower_ in ("over", "about"):
            return True
        w = w.head
    return False


BEARING_BLAME = ("bear", "carry", "share")  # "X bore (carried, shared) the blame"
BLAME_LYING = ("lie", "rest")  # "the blame lay (rested) with X"
# the verbs of a clause that can tell harm or blame after "said" ("was behind", "bore the blame")
BLAMING_CLAUSES = HARM_VERBS | {"be", *BEARING_BLAME, *BLAME_LYING}


class _Finder:
    def __init__(self, doc, idx: ActorIndex, lex: Lexicon):
        self.doc, self.idx, self.lex = doc, idx, lex
        # the words of goods one state gives another (arms and aid), whose owner or maker is the giver
        self.goods = lex.classes.get("arms", frozenset()) | lex.classes.get("aid", frozenset())
        self._placing = False  # (reading the place of a visit: a seat of bodies is its state there)
        self.out: list[Candidate] = []
        self.seen: set[tuple] = set()
        self.groups: list[tuple[int, list[Actor]]] = []
        self.met_pairs: list[tuple[int, list[Actor]]] = []  # "A met B": a pair for "they" and "the two leaders"
        self._merged: tuple[int, list] | None = None
        self.parties: list[Actor] = []
        self.pairs: list[tuple[int, list[Actor]]] = []
        self.hostile = False  # whether the relation being read is one of criticism or refusal
        self._lemma_at: dict[str, list[int]] | None = None
        self._state_counts: tuple[int, dict, dict] = (0, {}, {})  # mentions of states counted so far

    def group(self, toks) -> list[tuple[Actor, bool]]:
        """The actors of "between A and B", from the conjuncts, else from every name in the phrase
        (the parser often attaches one side to the other: "between Kim and Russian President Putin")."""
        found = self.actors(toks)
        if len(found) < 2:
            for t in toks:
                for w in t.subtree:
                    m = self.idx.mention_at(w.i)
                    if m is not None and m.how != "demonym" and all(m.actor.key != a.key for a, _ in found):
                        found.append((m.actor, False))
        return found

    def sides(self, toks, noun) -> list[list[tuple[Actor, bool]]]:
        """The sides of "between A and B" when each is a phrase of its own: "Iranian negotiators",
        "envoys from the two Nordic states" (empty sides are left out; the parser may hang
        the last side's "from" on the noun)."""
        out = []
        sent = self.idx.sent_of(toks[0].i)
        plural = next((t for t in toks[1:] if t.i not in self.idx.by_token and t.tag_ == "NNS"), None)
        colon = next((w for w in self.doc[plural.i + 1:sent.end] if w.text in (":", ";", "(", ")")), None) \
            if plural is not None else None
        if colon is not None and colon.text == ":" and all(t.i <= plural.i or t.i > colon.i for t in toks):
            # "talks between A, B and the ministers of the four states: C, D, E and F": the list after
            # the colon names the last side
            end = next((w.i for w in self.doc[colon.i + 1:sent.end] if w.pos_ in ("VERB", "AUX") or w.text == "."),
                       sent.end)  # (the list ends where a clause begins)
            named = [m.actor for m in self.idx.ments_between(colon.i + 1, end) if m.how != "demonym"]
            people = list({a.key: a for a in named if a.kind == "person"}.values())
            after = {a.key for a in people}
            # (the parser may hang the list on a name before the colon: only names before it count there)
            first = [(m.actor, False) for m in self.idx.ments_between(toks[0].left_edge.i, colon.i)
                     if m.actor.kind == "person" and m.actor.key not in after]
            first = list({a.key: (a, i) for a, i in first}.values())
            if len(people) > 1 and first:
                return [first, [(a, False) for a in people]]
        if len(toks) > 2 and [w.lower_ for w in self.doc[toks[0].i + 1:toks[1].left_edge.i]] == ["and"] and \
                [w.text for w in self.doc[toks[1].i + 1:toks[2].left_edge.i]] == [","]:
            # "talks between A and B, C and D": A on one side, the list on the other
            first, rest = self.actors(toks[:1], demonym=True), self.actors(toks[1:2], demonym=True)
            if first and len(rest) == len(toks) - 1:
                return [first[:1], rest]
        # (names in apposition to a side, "the Quint - A, B and C", belong to that side)
        toks = [t for t in toks if not any(o.i not in (t.i, toks[0].i) and t in o.subtree for o in toks)]
        for k, t in enumerate(toks):
            side = self.actors([t], demonym=True) if t.i not in self.idx.by_token else \
                [(self.idx.by_token[t.i].actor, False)]
            heads = [t] + ([noun] if k == len(toks) - 1 else [])
            if not side:
                side = self.actors([p for h in heads for c in kids(h) if c.dep_ == "prep" and
                                    c.lower_ in ("from", "of") and c.i > t.i
                                    for p in kids(c) if p.dep_ == "pobj"], demonym=True)
            listed = [a for c in kids(t) if c.dep_ == "appos" and c.i > t.i for a in self.actors([c])]
            if t.i not in self.idx.by_token and len(listed) > 1:
                side = listed  # "between A and the group of six - B, C, D ...": the six are one side
            if side:
                out.append(side)
        return out

    def lively_sentences(self) -> set[int]:
        """The numbers of the sentences that can state a relation: those naming an actor, or
        referring to one by a pronoun, a role ("the minister") or a group ("the two sides").
        The rules read only these; the rest of a story (background, quotes about prices) is
        skipped, which saves about a tenth of the finder's time."""
        idx = self.idx
        lively = {idx.sent_number(i) for i in idx.by_token}
        for k, sent in enumerate(idx.sents):
            if k not in lively and any(
                    t.pos_ == "PRON" or t.pos_ in ("NOUN", "PROPN") and (
                        idx.resolve(t) is not None or self.group_members(t))
                    for t in idx.tokens[sent.start:sent.end]):
                lively.add(k)
        return lively

    def record_groups(self) -> None:
        """Actors named together as the subject of a clause ("Japan, South Korea and the United
        States agreed"), which "they" and "the leaders" may refer to later."""
        # and states named together anywhere ("the decision by A and B"), which "both countries"
        # and "the two neighbours" may refer to later; kept apart from the subjects "they" refers to
        self.pairs: list[tuple[int, list[Actor]]] = []
        # the parser sometimes gives a verb two subjects where the text joins them with "and"
        subjects: dict[tuple[int, str], list] = {}
        named = []  # the one pass over the words: subjects, and names that may head a list
        for tok in self.idx.tokens:
            dep = tok.dep_
            if dep in ("nsubj", "nsubjpass"):
                subjects.setdefault((tok.head.i, dep), []).append(tok)
                named.append(tok)
            elif dep in ("pobj", "dobj", "appos") and tok.i in self.idx.by_token or \
                    dep in ("amod", "compound", "nmod") and tok.i in self.idx.by_token and \
                    any(c.dep_ == "conj" for c in kids(tok)):  # "the Chilean and Peruvian consuls"
                named.append(tok)
        twice = {sibs[0].i: sibs for sibs in subjects.values() if len(sibs) > 1}
        # "A met B": the pair "they" and "the two leaders" may stand for next
        for (head, dep), sibs in subjects.items():
            verb = self.doc[head]
            if dep == "nsubj" and verb.lemma_ == "meet" and len(sibs) == 1:
                pair = [a for a, _ in self.actors(sibs + [c for c in kids(verb) if c.dep_ == "dobj"] +
                                                  prep_objects(verb, ("with",)))]
                if len(pair) == 2 and all(a.kind == "person" for a in pair):
                    self.met_pairs.append((sibs[0].i, pair))
        self.met_pairs.sort(key=lambda g: g[0])
        for tok in named:
            dep = tok.dep_
            if dep in ("nsubj", "nsubjpass"):
                sibs = twice.get(tok.i)
                if sibs is not None and tok.lower_ not in ("they", "them"):
                    members = [a for a, _ in self.actors(sibs)]
                    if len(members) > 1:
                        self.groups.append((tok.i, members))
                    continue
                if tok.lower_ in ("they", "them") or not (
                        tok.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("conj", "appos") for c in kids(tok))):
                    continue  # one actor, or none
                members = [a for a, _ in self.actors([tok])]
                if len(members) > 1:
                    self.groups.append((tok.i, members))
            elif (dep in ("pobj", "dobj", "appos") and tok.pos_ == "PROPN" or dep in ("amod", "compound", "nmod")) \
                    and tok.i in self.idx.by_token and any(c.dep_ == "conj" or c.dep_ == "appos" and c.pos_ == "PROPN"
                                                           for c in kids(tok)):  # ("A, B, C and D": B an apposition)
                members = [self.idx.by_token[c.i].actor for c in conjuncts(tok) if c.i in self.idx.by_token]
                members = [a for i, a in enumerate(members) if all(a.key != b.key for b in members[:i])]
                if len(members) > 1 and all(a.kind in STATE_KINDS for a in members):
                    self.pairs.append((tok.i, members))

    def _with_met_pairs(self) -> list[tuple[int, list[Actor]]]:
        """The groups and the met pairs in text order, merged again only when a group was added."""
        if self._merged is None or self._merged[0] != len(self.groups):
            self._merged = (len(self.groups), sorted(self.groups + self.met_pairs, key=lambda g: g[0]))
        return self._merged[1]

    def recent_group(self, tok, size: int | None, want: set[str] | None, within: int = 3,
                     region: frozenset[str] | None = None, met: bool = False) -> list[Actor]:
        lo = self.idx.sents_upto(tok.i, within)[0].start
        groups = self._with_met_pairs() if met and self.met_pairs else self.groups
        for k in range(bisect_left(groups, tok.i, key=lambda g: g[0]) - 1, -1, -1):
            i, members = groups[k]  # groups are recorded in text order
            if i < lo:
                break
            if lo <= i < tok.i and (size is None or len(members) == size) and \
                    (want is None or all(a.kind in want or self.idx.country_of(a) is not None and
                                         "country" in want for a in members)) and \
                    all(self._in_region(a, region) for a in members):
                return members
        return []

    def _they_chain(self, tok) -> list[Actor]:
        """The group a "they" stands for when the sentences between only go on calling it "they"."""
        sents = self.idx.sents_upto(tok.i, 8)
        for k in range(len(sents) - 2, -1, -1):
            s = sents[k]
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in ("they",) and
                   self.idx.mention_at(t.i) is not None for t in s) and not any(
                       i >= s.start and i < s.end for i, _ in self.groups):
                return []  # someone else became the subject since
            members = [m for i, m in self.groups if s.start <= i < s.end]
            if members:
                return members[-1]
        return []

    def group_members(self, tok) -> list[Actor]:
        """ "the two leaders", "both countries", "the three men", "they": the actors just named
        together, else the most recent actors of that kind; never two at odds for "the two allies"."""
        found = self._group_members(tok)
        if len(found) == 2 and tok.lemma_.lower() == "ally" and self._at_odds(tok, found, FOES):
            return []  # (the two the story is about may be foes: "the two allies" are others)
        return found

    def _group_members(self, tok) -> list[Actor]:
        if self._each_other(tok):
            # "each side blamed the other": the two the story is about, each way
            return self._dominant_pair(tok) or self.recent_group(tok, 2, {"country", "former_state"}) or \
                self._recent_kind(tok, 2, {"country", "former_state"})
        size = None
        for c in kids(tok):
            if c.lower_ in GROUP_SIZES and c.dep_ in ("nummod", "det", "predet", "amod", "quantmod"):
                size = GROUP_SIZES[c.lower_]
        if size is not None and tok.tag_ == "NNS":
            # "two officials, A and B": the group is named right there
            named = [m.actor for c in kids(tok) if c.dep_ == "appos" and c.i > tok.i for x in conjuncts(c)
                     if (m := self.idx.mention_at(x.i)) is not None]
            if len(named) == size:
                return named
        lemma = tok.lemma_.lower()
        if lemma in GATHERINGS or lemma in OUTCOME_NOUNS:
            return self.gathering(tok)
        if tok.tag_ == "NNS" and lemma in STATE_GROUP:  # "seven countries, including A, B and C"
            listed = [a for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("including", "like")
                      for p in kids(c) if p.dep_ == "pobj" for a, _ in self.actors([p])]
            for w in tok.doc[tok.i + 1:min(tok.i + 8, self.idx.sent_of(tok.i).end)] if not listed else ():
                # "toured several countries in 2016, including A": the parser hangs the list on the date
                if w.lower_ == "including" and (w.head.ent_type_ in ("DATE", "TIME") or w.head.i == tok.head.i):
                    listed = [a for p in kids(w) if p.dep_ == "pobj" for a, _ in self.actors([p])]
                    break
                if w.lower_ == "among" and w.i + 2 < len(tok.doc) and tok.doc[w.i + 1].lower_ == "them" and \
                        (first := self.idx.mention_at(w.i + 2)) is not None:
                    # "sold jets to several states, among them A and B" (wherever the parser hangs them)
                    listed = [a for a, _ in self.actors(conjuncts(tok.doc[first.end - 1]))]
                    break
                if w.pos_ in ("NOUN", "PROPN", "VERB") and w.ent_type_ not in ("DATE", "TIME"):
                    break
            if listed:
                return listed
        if tok.lower_ == "both" and tok.dep_ in ("dobj", "pobj") and tok.pos_ in ("PRON", "DET", "NOUN"):
            # "spoke with A and B and urged both to": the two named last in the sentence, not the doer
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            doers = {a.key for a, _ in self.actors(subject_tokens(verb))}
            sent = self.idx.sent_of(tok.i)
            named: dict[bool, list[Actor]] = {True: [], False: []}  # people, and the others
            for m in self.idx.ments_back(tok.i, sent.start):
                kind = named[m.actor.kind == "person"]
                if m.actor.key not in doers and m.how != "demonym" and all(a.key != m.actor.key for a in kind):
                    kind.append(m.actor)
            two = named[True] if len(named[True]) >= 2 else named[False]
            return two[:2][::-1] if len(two) >= 2 else []
        if tok.lower_ in GROUP_SIZES and tok.lower_ != "both" and any(c.lower_ == "the" for c in kids(tok)):
            # "the two could hold a video call": the last two people or the pair just named together
            return self.recent_group(tok, GROUP_SIZES[tok.lower_], None) or \
                self._recent_kind(tok, GROUP_SIZES[tok.lower_], {"person"})
        if tok.lower_ == "them" and self._nearer_plural(tok):
            return []  # "recruiting judges from X by threatening them": the judges
        if tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp" and \
                tok.head.head.lemma_.lower() in SAYING_VERBS:
            # "Iranian officials said they would never ...": the speakers, and the state they speak for
            side = self.idx.speakers_side(tok.head.head, tok.i, True)
            if side is not None:
                return [side]
        if tok.lower_ in ("they", "them", "their"):
            # a group goes on being "they" over a few sentences: "A and B met. They agreed ... They urged"
            found = self.recent_group(tok, None, None, within=3, met=True) or \
                (self._they_chain(tok) if tok.lower_ == "they" and tok.dep_ == "nsubj" else [])
            if tok.lower_ == "them" and found and tok.dep_ in ("dobj", "pobj", "dative"):
                # "A and B called on them to stop": "them" is never the clause's own subject
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                subj = subject_tokens(verb) if verb.pos_ in ("VERB", "AUX") else []
                doers = {a.key for a, _ in self.actors(subj)}
                if any(a.key in doers for a in found):
                    # "A and B said Iran's leaders had failed ... and called on them to stop": the
                    # people of a state told of between the subject and "them"
                    owned = self._owned_plural(tok, max(t.i for t in subj), doers)
                    if owned:
                        return owned
                    # else the group named before the subject, if any
                    found = self.recent_group(self.doc[min(t.left_edge.i for t in subj)], None, None, within=3, met=True)
                    if any(a.key in doers for a in found):
                        return []
            return found
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        if lemma in ("side", "party") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in URGING and \
                any(c.lower_ in ("both", "two") for c in kids(tok)) and any(
                    d.dep_ == "dobj" and d.lemma_.lower() in self.lex.classes.get("agreement", frozenset()) and
                    any(x.lower_ in ("the", "this", "their") for x in kids(d))
                    for x in kids(tok.head) if x.dep_ == "xcomp" for d in kids(x)) and \
                (made := self._pair_agreed(tok, False, back=40, talks=False)):
            return made  # "urged both parties to honour the truce": the two who made it, however far back
        if (lemma == "side" or lemma in STATE_GROUP and tok.dep_ == "dobj" and tok.head.lemma_.lower() in URGING) and \
                tok.dep_ in ("dobj", "pobj", "dative") and any(c.lower_ in ("both", "two") for c in kids(tok)) and \
                (at_odds := self._at_odds(tok)):
            return at_odds  # "urged both sides (both countries) to show restraint": the two in the fight told before
        if (lemma in STATE_GROUP or lemma in PERSON_GROUP) and tok.dep_ == "dobj" and \
                tok.head.lemma_.lower() in COMMENDING and any(c.lower_ in ("both", "two") for c in kids(tok)) and \
                (made := self._pair_agreed(tok, lemma in PERSON_GROUP)):
            return made  # "praised both leaders for their courage": the two who just signed or met
        if any(c.dep_ in ("compound", "amod", "nmod") and c.i in self.idx.by_token and
               self.idx.by_token[c.i].actor.kind == "organisation" for c in kids(tok)) or \
                size is None and any(p.i in self.idx.by_token for p in prep_objects(tok, ("of",))):
            # "the EU ministers", "the leaders of the Arab League": the body's, not the last states
            # named together
            return []
        if lemma in PERSON_GROUP:
            want = {"person"}
        elif lemma in STATE_GROUP:
            want = {"organisation"} if lemma == "bloc" else \
                {"country", "former_state", "organisation"} if lemma in ("side", "party") else \
                {"country", "former_state"}  # ("the two blocs" are bodies of states, not two of their members)
        else:
            return []
        # "the leaders" of states just named together are those states
        group_kinds = None if want == {"person"} else want
        region = self.region_of(tok)
        if region is None and lemma in TERRITORY_GROUP:
            region = self.idx.gaz.few_recognise()  # "the two regions": not the states that recognised them
        if size is None:  # "the leaders condemned": only a group just named together
            if not any(c.lower_ == "the" for c in kids(tok)):
                if want == {"person"} and any(c.lower_ in ("several", "some", "various") for c in kids(tok)):
                    return self.named_next(tok)  # "several ministers met ...": named in what follows
                return []
            found = self.recent_group(tok, None, group_kinds, region=region)
            return found if group_kinds is None else self._as_states(found)
        if size == 2 and tok.dep_ in ("nsubj", "nsubjpass") and (pair := self._pair_just_told(tok, group_kinds)):
            return pair  # "A held talks with B, and the two leaders signed": the two of that clause
        # "the two leaders" or "both leaders": the people named together, even some sentences back,
        # before states named together just now
        together = (self.recent_group(tok, size, {"person"}, within=25, region=region, met=True) if group_kinds is None
                    else []) or self.recent_group(tok, size, group_kinds, region=region)
        if group_kinds is None and lemma in TITLED_GROUPS and size == 2:
            # "the two presidents": people who hold that title, not whoever was named last
            def other_title(a: Actor) -> bool:
                role = (self.idx.role_of(a) or "").lower()
                return a.kind == "person" and bool(role) and lemma not in role
            if not together or any(other_title(a) for a in together):
                titled: list[Actor] = []
                for m in self.idx.ments_back(tok.i, self.idx.sents_upto(tok.i, 8)[0].start):
                    if m.actor.kind == "person" and lemma in (self.idx.role_of(m.actor) or "").lower() and \
                            self._in_region(m.actor, region) and all(m.actor.key != a.key for a in titled):
                        titled.append(m.actor)
                    if len(titled) == size:
                        return titled
                if together:
                    return []  # (better no group than the wrong people)
        if not together and group_kinds is not None and size is not None and region is None:
            lo = self.idx.sents_upto(tok.i, 6)[0].start
            together = next((m for i, m in reversed(self.pairs) if lo <= i < tok.i and len(m) == size), [])
        if group_kinds is not None and size == 2 and region is None:
            # "both countries" named together sentences ago, or not at all, in a story about two states:
            # the two the story is about
            pair = self._dominant_pair(tok)
            if pair and not (together and self._named_just_now(together, tok)):
                return pair
        if together:
            return together if group_kinds is None else self._as_states(together)
        if want == {"country", "former_state"} and size == 2 and region is None:
            # "A accused B of flouting the accord the two states drew up": the two states of its own
            # sentence, when it has named just two
            sent = self.idx.sent_of(tok.i)
            states: dict[str, Actor] = {}
            for m in self.idx.ments_between(sent.start, tok.i):
                a = self._side_of(m.actor)
                if a is not None and a.kind in want:
                    states.setdefault(a.key, a)
            if len(states) == 2:
                return list(states.values())
        found = self._recent_kind(tok, size, want, region=region)
        if size == 2 and len({a.kind == "organisation" and a.org_kind != "non-state-armed" for a in found}) > 1:
            # "the two sides" guessed from a state and a body of states named last apart: too weak a
            # guess (a state and an armed group are the two sides of a war)
            return []
        return found

    def _pair_just_told(self, tok, kinds) -> list[Actor]:
        """The two sides of the last meeting, talks or call told earlier in the sentence of
        ``tok``: people, or (for ``kinds`` of states) the states they act for."""
        lo = self.idx.sent_of(tok.i).start
        for c in reversed(self.out):
            if c.trigger >= tok.i:
                continue
            if c.trigger < lo:
                break
            if c.predicate not in ("met", "negotiatedWith", "phoned"):
                continue
            pair = [c.subject, c.object]
            if kinds is None:
                if all(a.kind == "person" for a in pair):
                    return pair
                continue
            pair = [self.idx.country_of(a) for a in pair]
            if all(a is not None and a.kind in kinds for a in pair) and pair[0].key != pair[1].key:
                return pair
        return []

    def _pair_agreed(self, tok, people: bool, back: int = 4, talks: bool = True) -> list[Actor]:
        """The two sides of the last accord (or else talks or meeting, if ``talks``) told in the
        ``back`` sentences before ``tok``: people, or the states they act for."""
        lo = self.idx.sents_upto(tok.i, back)[0].start
        for kinds in (("signedAgreementWith",), ("met", "negotiatedWith"))[:2 if talks else 1]:  # an accord first
            for c in reversed(self.out):
                if not lo <= c.trigger < tok.i or c.predicate not in kinds or self.doc[c.trigger].dep_ == "relcl":
                    continue  # (not "B, which signed a treaty with C in 1977,": background)
                pair = [c.subject, c.object] if people else \
                    [self._side_of(a) for a in (c.subject, c.object)]
                if all(a is not None and (a.kind == "person") == people for a in pair) and pair[0].key != pair[1].key:
                    return pair
        return []

    def _each_other(self, tok) -> bool:
        """Whether ``tok`` is "each (side)" or "the other" of a sentence that has both."""
        each = tok.lower_ == "each" and tok.dep_ in ("nsubj", "nsubjpass") or \
            tok.lemma_.lower() in STATE_GROUP and any(c.lower_ == "each" and c.dep_ == "det" for c in kids(tok))
        other = tok.lower_ == "other" and tok.pos_ in ("ADJ", "NOUN", "PRON") and \
            any(c.lower_ == "the" for c in kids(tok)) and tok.dep_ in ("dobj", "pobj")
        if not (each or other):
            return False
        sent = self.idx.sent_of(tok.i)
        return any(w.lower_ == "each" for w in sent) and any(
            w.lower_ == "other" and w.dep_ in ("dobj", "pobj") and any(c.lower_ == "the" for c in kids(w))
            for w in sent)  # (not "each vowed not to back the other's foes")

    def _named_just_now(self, members: list, tok) -> bool:
        """Whether ``members`` were named together in the sentence of ``tok`` or the one before."""
        lo = self.idx.sents_upto(tok.i, 2)[0].start
        keys = {a.key for a in members}
        for seq in (self.groups, self.pairs):  # both in text order: only the stretch before tok
            k = bisect_left(seq, lo, key=lambda g: g[0])
            while k < len(seq) and seq[k][0] < tok.i:
                if {a.key for a in seq[k][1]} == keys:
                    return True
                k += 1
        return False

    def _at_odds(self, tok, pair: list[Actor] | None = None, hostile: tuple[str, ...] = HOSTILE_ACTS) -> list[Actor]:
        """The two states of the last ``hostile`` act told in the sentences before ``tok`` (of the two
        of ``pair``, if given)."""
        lo = self.idx.sents_upto(tok.i, 10)[0].start
        want = None if pair is None else {a.key for a in (self._side_of(x) for x in pair) if a is not None}
        for c in reversed(self.out):
            if lo <= c.trigger < tok.i and c.predicate in hostile:
                sides = [self._side_of(a) for a in (c.subject, c.object)]
                if all(a is not None and a.kind in STATE_KINDS for a in sides) and sides[0].key != sides[1].key and \
                        (want is None or {a.key for a in sides} == want):
                    return sides
        return []

    def _dominant_pair(self, tok) -> list[Actor]:
        """The two states an article has named far more than any other before ``tok`` (three times
        each at least, and twice as often as the next), else none. The counts are kept as the
        reading moves on, so that each question costs only the mentions since the last."""
        upto, counts, actors = self._state_counts
        if upto > tok.i:
            upto, counts, actors = 0, {}, {}
        for m in self.idx.ments_between(upto, tok.i):
            a = self._side_of(m.actor)
            if a is not None and a.kind in STATE_KINDS:
                counts[a.key] = counts.get(a.key, 0) + 1
                actors[a.key] = a
        self._state_counts = (tok.i, counts, actors)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) >= 2 and ranked[1][1] >= 3 and (len(ranked) == 2 or ranked[2][1] * 2 <= ranked[1][1]):
            return [actors[ranked[0][0]], actors[ranked[1][0]]]
        return []

    def _nearer_plural(self, tok) -> bool:
        """Whether a plural noun naming no actor stands between ``tok`` and the last actor named in
        its sentence: what "them" more likely stands for."""
        sent = self.idx.sent_of(tok.i)
        for j in range(tok.i - 1, sent.start - 1, -1):
            w = self.doc[j]
            if j in self.idx.by_token:
                # (but "judges from X ... them": X only says where the judges come from)
                m = self.idx.by_token[j]
                root = self.doc[m.start:m.end].root
                owner = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
                return owner is not None and self._plain_plural(owner)
            elif self._plain_plural(w):
                return True
        return False

    def _owned_plural(self, tok, after: int, doers: set[str]) -> list[Actor]:
        """The state of the last people named by a plural noun with that state's name on it ("Iran's
        leaders", "the Serbian authorities") between ``after`` and ``tok``, if not one of ``doers``."""
        for w in reversed(self.doc[after + 1:tok.i]):
            if w.tag_ != "NNS" or w.lemma_.lower() not in PERSON_GROUP | INSTITUTIONS:
                continue
            owners = [a for c in kids(w) if c.dep_ in ("poss", "amod", "compound") and
                      (m := self.idx.mention_at(c.i)) is not None and (a := self._side_of(m.actor)) is not None]
            return owners[:1] if owners and owners[0].key not in doers else []
        return []

    def _plain_plural(self, w) -> bool:
        return w.tag_ == "NNS" and w.ent_type_ == "" and w.i not in self.idx.by_token and \
            w.lemma_.lower() not in STATE_GROUP | PERSON_GROUP and self.idx.resolve(w) is None

    def _side_of(self, a: Actor) -> Actor | None:
        """A state or body as itself; a person as the state they act for (none if the text tells none)."""
        return a if a.kind != "person" else self.idx.country_of(a)

    def _as_states(self, members: list[Actor]) -> list[Actor]:
        """ "the three nations" after three leaders named together: the leaders' states."""
        out: list[Actor] = []
        for a in members:
            a = self.idx.country_of(a) or a
            if all(a.key != b.key for b in out):
                out.append(a)
        return out

    def named_next(self, tok, within: int = 3) -> list[Actor]:
        """People first called "several ministers" or "a group of leaders" and named together as a
        subject in the next few sentences."""
        sents = self.idx.sents_upto(tok.i, 1)
        end = sents[-1].end if sents else tok.i
        for _ in range(within):
            if end >= len(self.doc):
                break
            end = self.idx.sent_of(end).end
        for i, members in self.groups[bisect_left(self.groups, tok.i + 1, key=lambda g: g[0]):]:
            if i >= end:
                break
            if all(a.kind == "person" for a in members):
                return members
        return []

    def gathering(self, tok) -> list[Actor]:
        """Who a gathering stands for: "a meeting of Gulf ministers" are the ministers it gathers;
        "the summit" and "the outcome of the summit" are the parties to the meeting
        told last, as people when the gathering acts, as their states when its outcome is meant."""
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in kids(c):
                    if p.dep_ != "pobj":
                        continue
                    if p.tag_ in ("NNS", "NNPS") and p.lemma_.lower() in PERSON_GROUP:
                        if any(d.lower_ == "the" for d in kids(p)):
                            return self.group_members(p)
                        return self.named_next(p)  # "a meeting of several trade ministers"
                    if tok.lemma_.lower() in OUTCOME_NOUNS and p.lemma_.lower() in GATHERINGS:
                        return self._as_states(self.gathering(p))
        if tok.lemma_.lower() not in MEETINGS or tok.tag_ != "NN" or \
                not any(c.lower_ == "the" for c in kids(tok)) or \
                any(c.dep_ in ("poss", "compound", "amod", "prep") for c in kids(tok)):
            return []
        return self.last_meeting(tok)

    def last_meeting(self, tok) -> list[Actor]:
        """The parties to the meeting told last before ``tok``, in the sentences not long before:
        those met together in one sentence (not who joined them later as observers or guests)."""
        lo = self.idx.sents_upto(tok.i, 8)[0].start
        here = self.idx.sent_of(tok.i).start
        found: list[Actor] = []
        at = None
        for cand in reversed(self.out):
            if cand.trigger >= here or cand.predicate != "met" or cand.rule.startswith("verb:join"):
                continue
            if cand.trigger < lo:
                break
            start = self.idx.sent_of(cand.trigger).start
            if at is not None and start != at:
                break
            at = start
            for a in (cand.subject, cand.object):
                if all(a.key != b.key for b in found):
                    found.append(a)
        return found

    def region_of(self, tok) -> frozenset[str] | None:
        """The states of a region word before a group noun: "the two Gulf states" (data/regions.tsv)."""
        mods = [c for c in kids(tok) if c.dep_ in ("compound", "amod") and c.i < tok.i]
        for c in mods:
            for name in (self.doc[c.left_edge.i:c.i + 1].text, c.text):
                if name in self.idx.gaz.regions:
                    return self.idx.gaz.regions[name]
        return None

    def _in_region(self, a: Actor, region: frozenset[str] | None) -> bool:
        if region is None:
            return True
        home = self.idx.country_of(a)
        return home is not None and home.code in region

    def _recent_kind(self, tok, size: int, want: set[str], region: frozenset[str] | None = None) -> list[Actor]:
        """The ``size`` most recent distinct actors of kinds ``want`` before ``tok``."""
        # a region narrows the choice enough to look back over the whole story
        sents = self.idx.sents_upto(tok.i, 3)
        lo = sents[0].start if sents and region is None else 0
        # "praised the African Union and urged both parties": states and parties named in the same
        # sentence are rarely the ones meant
        hi = tok.i if want == {"person"} else self.idx.sent_of(tok.i).start
        named = list(self.idx.ments_back(hi, lo))
        found = self._recent_of([m for m in named if m.how != "demonym"], size, want, region)
        if found or size < 2:
            return found
        # else a demonym counts where it stands for its state: "Russian tanks entered B ... urged both
        # countries", "the Georgian government"
        forces = self.lex.classes.get("forces", frozenset())
        return self._recent_of([m for m in named if m.how != "demonym" or (
            (h := self.doc[m.start:m.end].root.head).lemma_.lower() in INSTITUTIONS or h.lower_ in forces or
            h.lemma_.lower() in forces)], size, want, region)

    def _recent_of(self, ments: list, size: int, want: set[str], region: frozenset[str] | None) -> list[Actor]:
        for by_people in (False, True):
            # states named as such first; else "talks between Kissinger and Zhou ... the two sides":
            # the states the people named act for
            if by_people and "person" in want:
                break
            found: list[Actor] = []
            for m in ments:
                actor = m.actor
                if by_people and actor.kind == "person":
                    actor = self.idx.country_of(actor) or actor
                if actor.kind in want and self._in_region(actor, region) and all(a.key != actor.key for a in found):
                    found.append(actor)
                if len(found) == size:
                    return found
        return []

    def _seated_body(self, tok, actor: Actor) -> Actor:
        """ "pressed Brussels to act", "accused Brussels": a city that seats a body of states and
        acts or is acted on is the body, not its host (a visit to Brussels is still to Belgium)."""
        m = self.idx.by_token[tok.i]
        if m.how != "metonym":
            return actor
        seat = SEATS.get(self.doc[m.start:m.end].text)
        entry = self.idx.gaz.lookup(seat) if seat else None
        if entry is None:
            return actor
        return self.idx.gaz.body_of_year(entry.actor, self.idx.era_year(tok.i))

    def places(self, toks) -> list[tuple[Actor, bool]]:
        """The countries of places a visit went to: actors (capitals stand for their state) or
        cities ("flew into Hiroshima": Japan)."""
        self._placing = True
        try:
            res = self.actors(toks)
        finally:
            self._placing = False
        if res:
            return res
        # "toured Chile's largest copper mine": the state the place belongs to
        res = [(a, True) for a, _ in self.actors([t for t in toks if any(
            c.dep_ == "poss" and c.i in self.idx.by_token for c in kids(t))], possessor=True)
            if a.kind in STATE_KINDS]
        if res:
            return res
        for t in toks:  # "struck targets in Indian-administered Kashmir": the state that holds it
            for a in kids(t):
                if a.dep_ == "amod" and a.lemma_.lower() in ("administer", "control", "hold", "occupy", "run"):
                    res += [(m.actor, True) for w in kids(a) if w.i < a.i and (m := self.idx.mention_at(w.i))
                            is not None and m.actor.kind in STATE_KINDS]
        if res:
            return res
        for t in toks:  # "arrived in the Indian capital", "the Libyan cities of A and B": the demonym's state
            if t.lemma_.lower() in SETTLED_PLACES and any(c.lower_ == "the" for c in kids(t)):
                for c in kids(t):
                    m = self.idx.mention_at(c.i)  # ("the Brazilian Federal District": a compound too)
                    if c.dep_ in ("amod", "compound") and m is not None and m.actor.kind in STATE_KINDS:
                        res.append((m.actor, True))
        if res:
            return res
        for c in _place_words(toks):
            ent = self.idx.ent_at(c.i)
            country = None
            if c.pos_ == "PROPN" and c.i not in self.idx.by_token:
                # a region, whatever entity type the NER gives it ("Crimea" may come as an organisation)
                country = self.idx.gaz.territory_state(ent.text if ent is not None else c.text) or \
                    self.idx.gaz.territory_state(c.text)
            if country is None and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.ent_type_ == "PERSON" and
                                    c.i not in self.idx.by_token and ent is not None and len(ent) > 1):
                # a city (of two words or more where the NER took it for a person's name: "Banda Aceh")
                name = ent.text if ent is not None else c.text
                country = self.idx.gaz.city_country(name[4:] if name.lower().startswith("the ") else name)
            if country is not None and all(country.key != a.key for a, _ in res):
                res.append((country, True))
        if res:
            return res
        for t in toks:  # "flew on to Metz, in north-eastern France": a town the text places in a state
            if t.pos_ != "PROPN" or t.i in self.idx.by_token:
                continue
            k = t.i + 1
            while k < len(self.doc) and self.doc[k].pos_ == "PROPN" and self.doc[k].head.i == t.i:
                k += 1  # (the end of the town's name)
            if k + 1 < len(self.doc) and self.doc[k].text == "," and self.doc[k + 1].lower_ == "in":
                res += [(a, True) for a, _ in self.actors(
                    [p for p in kids(self.doc[k + 1]) if p.dep_ == "pobj"]) if a.kind in STATE_KINDS]
        return res

    def actors(self, toks, *, possessor: bool = False, demonym: bool = False) -> list[tuple[Actor, bool]]:
        """Actors named by ``toks`` and their conjuncts; the flag says a reference was resolved."""
        res = []
        # "sanctioned seven officials, including A and B": A and B too
        toks = [*toks, *(p for t in toks if t.tag_ in ("NNS", "NNPS") for c in kids(t)
                         if c.dep_ == "prep" and c.lower_ == "including" for p in kids(c) if p.dep_ == "pobj")]
        for t in toks:
            if t.tag_ in ("WP", "WDT") and t.dep_ in ("dobj", "pobj") and t.head.dep_ == "relcl":
                t = t.head.head  # "Saeed, whom India blames": Saeed
            if t.lower_ in ("each", "both", "all", "together") and t.dep_ == "nsubj":
                t = next((c for c in kids(t.head) if c.dep_ == "nsubj" and c.i != t.i), t)
            if t.lower_ in ("one", "some", "several", "many", "most", "none", "dozens", "hundreds", "thousands",
                            "scores", "number", "group") and t.pos_ in ("NUM", "PRON", "DET", "ADJ", "NOUN") and \
                    not any(c.dep_ == "compound" and c.i in self.idx.by_token for c in kids(t)) or \
                    t.pos_ == "NUM" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and any(
                        p.lemma_.lower() in STATE_GROUP | {"ally", "member", "neighbour", "neighbor"}
                        for c in kids(t) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c)):
                # "one of the coup leaders asked", "four of its allies invaded": who the part belongs to
                t = next((p for c in kids(t) if c.dep_ == "prep" and c.lower_ == "of"
                          for p in kids(c) if p.dep_ == "pobj"), t)
            listed_states = [x for x in conjuncts(t)[1:] if (m := self.idx.mention_at(x.i)) is not None and
                             m.actor.kind in STATE_KINDS] if t.tag_ == "NNS" and t.i not in self.idx.by_token and \
                self.idx.sent_of(t.i).end > t.i + 1 and self.doc[t.i + 1].text == "," else []
            if len(listed_states) > 1:  # "its Warsaw Pact allies, Poland, Hungary and Bulgaria, invaded": the states named
                res += [(a, False) for a, _ in self.actors(listed_states) if all(a.key != x.key for x, _ in res)]
                continue
            members = self.group_members(t)
            if not members and t.tag_ == "NNS" and t.dep_ == "nsubj" and t.i not in self.idx.by_token and \
                    t.lemma_.lower() in SPEAKERS | PERSON_GROUP | {"delegation"} and \
                    not any(c.dep_ == "appos" for c in kids(t)):  # ("the ministers of the two, A and B")
                # "envoys of both states signed": both states
                members = [a for c in kids(t) if c.dep_ == "prep" and c.lower_ == "of"
                           for p in kids(c) if p.dep_ == "pobj" for a in self.group_members(p)]
            if members and t.tag_ == "NNS" and t.i + 2 < len(self.doc) and self.doc[t.i + 1].text == ",":
                # "the two foreign ministers, A of X and B of Y": the people named
                members = self._named_after(t) or members
            if members:
                res += [(a, True) for a in members if all(a.key != x.key for x, _ in res)]
                continue
            for c in conjuncts(t):
                if c is not t and c.pos_ == "NUM" and (part := [p for x in kids(c) if x.dep_ == "prep" and x.lower_ == "of"
                                                                for p in kids(x) if p.dep_ == "pobj"]):
                    # "the Soviet Union and four of its allies, A, B, C and D, invaded": the part, read as a subject
                    res += [(a, i) for a, i in self.actors(part) if all(a.key != x.key for x, _ in res)]
                    continue
                a = self._adopter(c) if c.lemma_.lower() == "resolution" and c.dep_ == "nsubj" else None
                if c.tag_ == "NN" and c.i not in self.idx.by_token and c.lemma_.lower() in self.idx.gaz.office_words() and \
                        (prep_objects(c, ("of", "to")) or any(x.dep_ == "poss" for x in kids(c))) and \
                        (named := self._name_after_phrase(c)) is not None:
                    # "A and the commander of the FARC, B, signed": B, who acts for the FARC (and "A and
                    # X's ambassador to the UN, B,": B)
                    a = named
                if a is None and c.tag_ == "NN" and c.lemma_.lower() in COUNTERPART and c.i not in self.idx.by_token:
                    # "talks with his host, President A": A (wherever the parser hangs the name)
                    named = [x for x in kids(c) if x.dep_ == "appos" and x.i in self.idx.by_token]
                    a = self.idx.resolve(named[0]) if named else next(iter(self._named_after(c)), None)
                a = a or self.idx.resolve(c, allow_demonym=demonym, loose=possessor)
                if a is not None and not self._placing and c.i in self.idx.by_token:
                    a = self._seated_body(c, a)
                self.parties = []
                if a is None and (possessor or c.lemma_.lower() == "resolution"):
                    a = self.event_agent(c)  # ("the resolution calls on X": those who adopted it)
                if a is None and c.dep_ == "nsubj" and c.lemma_.lower() in STAFF and not any(
                        d.i in self.idx.by_token or d.dep_ in ("poss", "prep") for d in kids(c)) and \
                        c.head.dep_ == "ccomp" and c.head.head.lemma_.lower() in REPORTING_VERBS:
                    # "the Foreign Office said consular staff had asked B": the speaker's own staff
                    told = [x for x, _ in self.actors(subject_tokens(c.head.head)) if x.kind != "person"]
                    a = told[0] if len(told) == 1 else None
                indirect = c.i not in self.idx.by_token
                found = [a] if a is not None else []
                if a is None and c.tag_ == "NNS" and indirect:
                    # "big economies such as A and B": the ones named as examples
                    found = [x for p in prep_objects(c, ("as",)) if any(w.lower_ == "such" for w in kids(p.head))
                             for w in conjuncts(p) if (x := self.idx.resolve(w)) is not None]
                if not found and c.tag_ == "NNS" and (c.lemma_.lower() in COUNTERPART or (
                        c.lemma_.lower() in self.idx.gaz.offices and c.i + 2 < len(self.doc) and
                        self.doc[c.i + 1].text == ",")):
                    # "phoned his counterparts, A of X and B of Y,", "signed by the two foreign
                    # ministers, A of X and B of Y"
                    found = self._named_after(c)
                if c.lemma_.lower() in ("delegation", "team", "mission"):
                    # "a team led by Energy Minister A toured X": A too (and "a delegation of presidents
                    # led by A", where the parser hangs the leading on the presidents)
                    members = of_chain(c, 1)
                    found += [m.actor for v in [*kids(c), *(kids(members[0]) if members else ())]
                              if v.dep_ == "acl" and v.lemma_.lower() in ("lead", "head")
                              for ag in kids(v) if ag.dep_ == "agent" for o in kids(ag)
                              for p in [o, *(x for x in kids(o) if x.dep_ == "appos")]  # ("led by its
                              # foreign minister, A")
                              if (m := self.idx.mention_at(p.i)) is not None and m.actor.kind == "person"]
                found += [p for p in self.parties if all(p.key != x.key for x in found)]
                if indirect and c.pos_ in ("NOUN", "PROPN") and (a is not None or possessor or (
                        c.tag_ in ("NNS", "NNPS") and c.lemma_.lower() in self.idx.gaz.offices)):
                    # "the presidents of A and B" stand for A and B
                    more = self.owners(c)
                    if a is None or any(o.key == a.key for o in more):
                        found += more
                if a is not None and a.kind == "person" and c.i not in self.idx.by_token and c.tag_ == "NNS":
                    # "their counterparts, A and B": every person of the apposition (and "the two
                    # ministers, A of X and B of Y", where the parser hangs B on X)
                    found += [p for p in self._named_after(c) if all(p.key != x.key for x in found)]
                    for ch in kids(c):
                        if ch.dep_ == "appos" and ch.i > c.i:
                            found += [m.actor for x in conjuncts(ch)[1:] if (m := self.idx.mention_at(x.i)) is not None
                                      and m.actor.kind == "person"]
                if a is not None and a.kind == "person":
                    # "Minister A and Minister B met": the parser may hang A on B's name, with the "and"
                    # (or on a date phrase before it: "In March 1979 President A and Prime Minister B signed")
                    for ch in kids(c):
                        if ch.dep_ not in ("nmod", "compound", "prep", "nsubj", "appos") or ch.i > c.i:
                            continue
                        for w in ch.subtree:
                            m = self.idx.mention_at(w.i)
                            if m is not None and m.actor.kind == "person" and m.actor.key != a.key and \
                                    w.i == m.end - 1 and any(x.dep_ == "cc" and x.lower_ == "and" for x in kids(w)):
                                found.insert(0, m.actor)
                if c.tag_ == "NNS" and c.lemma_.lower() in self.idx.gaz.offices and \
                        sum(f.kind == "person" for f in found) > 1:
                    # "the foreign ministers of A and B, X and Y, met C": the named ministers, not their states
                    found = [f for f in found if f.kind == "person"]
                for a in found:
                    if all(a.key != x.key for x, _ in res):
                        res.append((a, indirect))
        return res

    def _met_with_others(self, tok, entry) -> bool:
        """ "A and B met with a delegation (with officials of C)": they met those, not each other."""
        return "with" in entry.objects and any(
            o.dep_ == "pobj" and (o.i in self.idx.by_token or o.lemma_.lower() in GATHERINGS or
                                  o.lower_ in INSTITUTIONS or o.lemma_.lower() in self.idx.gaz.offices)
            for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "with" for o in kids(c))

    def _name_after_phrase(self, tok) -> Actor | None:
        """The person named right after a title's whole phrase and a comma ("the commander of the
        FARC, B,"), wherever the parser hangs the name."""
        j = tok.right_edge.i + 1
        if j + 1 < len(self.doc) and self.doc[j].text == ",":
            m = self.idx.mention_at(j + 1)
            if m is not None and m.start == j + 1 and m.actor.kind == "person":
                return m.actor
        return None

    def _named_after(self, tok) -> list[Actor]:
        """The people listed right after a plural noun and a comma, read along the words (the
        parser may hang them anywhere): "his counterparts, A of X and B of Y"."""
        doc, out = self.doc, []
        k = tok.i + 1
        first = self.idx.mention_at(k) if k < len(doc) else None
        if first is not None and first.start == k and first.actor.kind == "person":
            out.append(first.actor)  # ("his counterparts A of X and B of Y", with no comma)
            k = first.end
            if k + 1 < len(doc) and doc[k].lower_ == "of" and (s := self.idx.mention_at(k + 1)) is not None:
                k = s.end
        while k + 1 < len(doc) and doc[k].text in (",", "and") and not (doc[k].text == "and" and not out):
            m = self.idx.mention_at(k + 1)
            if m is None or m.how == "demonym":  # ("his host, (Argentine) President A": past the title)
                j = k + 1 if m is None else m.end
                while j < min(k + 5, len(doc) - 1) and doc[j].pos_ == "PROPN" and self.idx.mention_at(j) is None:
                    j += 1
                m = self.idx.mention_at(j)
            if m is None or m.actor.kind != "person":
                break
            out.append(m.actor)
            k = m.end
            if k + 1 < len(doc) and doc[k].lower_ == "of" and (s := self.idx.mention_at(k + 1)) is not None:
                k = s.end  # ("A of Armenia")
        return out

    def _adopter(self, tok) -> Actor | None:
        """ "Resolution 999, written by A and B, urges X": the body of states that adopted a
        resolution speaks through it, not its drafters; the one named in it ("a Security Council
        resolution") or last named in this or the two sentences before."""
        sents = self.idx.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        for m in self.idx.ments_back(tok.i + 1, lo):
            if lo <= m.start <= tok.i and m.actor.kind == "organisation" and \
                    m.actor.org_kind in ("un-body", "intergovernmental", "alliance"):
                return m.actor
        return None

    def owners(self, tok) -> list[Actor]:
        """All the actors a noun belongs to when it names several: "the proposals of both A and B",
        "the navies of A, B and C", "the accord between A and B", "the A-B border agreement"."""
        out: list[Actor] = []
        harm = tok.lemma_.lower() in HARM_NOUNS
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ in ("of", "between", "among", "from") and not (harm and c.lower_ == "of"):
                # (but "the killing of A's envoy", "the invasion of B": A and B suffered it)
                for p in kids(c):  # ("negotiators from A, B and C")
                    if p.dep_ == "pobj":
                        out += [a for x in conjuncts(p) if (a := self.idx.resolve(x)) is not None and
                                tok.lemma_.lower() not in PLACE_NOUNS]
                        if c.lower_ == "of" and p.i not in self.idx.by_token and p.pos_ == "NOUN":
                            # "the memorandum of understanding between A and B": the parser hangs
                            # the parties on the last noun of the name
                            out += [a for b in kids(p) if b.dep_ == "prep" and b.lower_ in ("between", "among")
                                    for x in kids(b) if x.dep_ == "pobj"
                                    for y in conjuncts(x) if (a := self.idx.resolve(y)) is not None]
        # (not the backer in "Iran-backed Houthi fighters": the fighters are not Iran's as well)
        mods = [c for c in kids(tok) if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and
                not (c.tag_ == "VBN" and c.lemma_.lower() in BACKED)]
        named = [m.actor for c in mods for w in c.subtree if (m := self.idx.mention_at(w.i)) is not None]
        if len(named) > 1:
            out += named
        uniq: list[Actor] = []
        for a in out:
            if all(a.key != u.key for u in uniq):
                uniq.append(a)
        return uniq

    def event_agent(self, tok) -> Actor | None:
        """ "condemned the launch" after "North Korea launched a missile": who did the act that a
        definite noun names again, as the article told it before."""
        if tok.pos_ == "NOUN":  # "condemned the attack by Russia", "the measures taken by Y": an act's agent
            bys = [c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "by"]
            if not bys and self.hostile and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and not passive(tok.head):
                # "turned down the proposal by B": the parser may hang "by B" on the verb
                bys = [c for c in kids(tok.head)
                       if c.dep_ == "prep" and c.lower_ == "by" and c.i == tok.right_edge.i + 1]
            if self.hostile:  # judged harshly: whoever took the measures
                bys += [g for a in kids(tok) if a.dep_ == "acl" and a.tag_ == "VBN" for g in kids(a)
                        if g.dep_ == "agent"]
                # "denounced the embargo the United States has maintained": who keeps it
                found = self.actors([c for r in self._light_relatives(tok) for c in kids(r) if c.dep_ == "nsubj"])
                if found:
                    return found[0][0]
            for c in bys:
                found = self.actors([p for p in kids(c) if p.dep_ == "pobj"], demonym=True)
                if len(found) > 1:
                    self.parties = [a for a, _ in found]  # "the bids by A and B": both
                if found:
                    return found[0][0]
        if tok.lemma_.lower() in OUTCOME_NOUNS | {"finding"}:
            # "rejected the findings of Malaysia's investigation", "the conclusions of the Dutch inquiry":
            # whose inquiry it was
            found = self.actors([w for p in prep_objects(tok, ("of",)) if p.i not in self.idx.by_token
                                 for w in [p, *(c for c in kids(p) if c.dep_ in ("poss", "amod", "compound"))]],
                                demonym=True)
            if len(found) == 1:
                return found[0][0]
        if tok.lemma_.lower() in COUP_NOUNS:
            return self._coup_state(tok)
        verbs = EVENT_NOUNS.get(tok.lemma_.lower())
        if not verbs or not any(c.lower_ in NAMED_AGAIN for c in kids(tok)) or \
                any(c.dep_ in ("poss", "compound", "amod") and c.i in self.idx.by_token for c in kids(tok)):
            return None
        tellings: Iterable[int] = self._told_before(verbs, tok.i)
        if tok.lemma_.lower() in EVENT_NOUNS["attack"]:
            # "condemned the attack": an attack told with its sides first, before a nearer bare
            # mention ("said the other side had fired first")
            near = list(islice(tellings, 20))
            told = {c.trigger for c in self.out if c.predicate == "attacked"}
            tellings = chain([j for j in near if j in told], near, tellings)
        for j in tellings:  # the most recent telling, back to the lead if need be
            w = self.doc[j]
            if w.pos_ == "VERB" and any(c.dep_ == "neg" or c.lower_ in ("neither", "nor")
                                        for c in [*kids(w), *(kids(w.head) if w.dep_ == "conj" else ())]):
                continue  # "X neither accepts nor recognizes it": no act of X's to name again
            if not_yet_done(w):
                continue  # "warned it would not hesitate to strike again": no act done yet
            if w.pos_ == "VERB" and w.lemma_.lower() == "vote" and tok.lemma_.lower() == "vote" and \
                    any(c.dep_ == "prep" and c.lower_ in ("for", "against") for c in kids(w)):
                continue  # "welcomed the vote": the body's, not that of one member who voted against it
            if w.tag_ == "NNS" and tok.tag_ == "NN" and w.lemma_ == tok.lemma_ and tok.lemma_.lower() == "statement":
                continue  # "the statement" is none of "hostile statements from B" (where "the decision" may
                # name again "the bloc's decisions")
            if w.pos_ == "VERB":
                found = self.actors(subject_tokens(w))
            else:
                found = self.actors([c for c in kids(w) if c.dep_ in ("poss", "compound", "amod")], demonym=True)
                if len(found) < 2 and tok.lemma_.lower() in PACT_NOUNS and len(makers := self.owners(w)) > 1:
                    found = [(a, True) for a in makers]  # "the A-B border agreement", "the pact between A and B"
                if not found:  # "the pullout of French troops": whose troops
                    found = [(a, True) for p in (p for c in kids(w) if c.dep_ == "prep" and c.lower_ == "of"
                                                 for p in kids(c) if p.dep_ == "pobj"
                                                 and (p.lemma_.lower() in INSTITUTIONS or p.lower_ in INSTITUTIONS))
                             for a, _ in self.actors([p], possessor=True)]
                if not found:  # "an arrest warrant from the International Criminal Court"
                    found = self.actors([p for c in kids(w) if c.dep_ == "prep" and c.lower_ in ("from", "by")
                                         for p in kids(c) if p.dep_ == "pobj"])
                if not found and w.dep_ == "dobj" and w.head.pos_ == "VERB" and w.head.i < w.i and \
                        w.head.lemma_.lower() in LIGHT_VERBS - {"announce", "attend", "join", "call", "agree"}:
                    found = self.actors(subject_tokens(w.head))  # "A ordered the expulsion of B's envoys"
                if not found and w.dep_ == "pobj" and w.head.lower_ == "in" and w.head.head.pos_ == "VERB" and \
                        w.head.head.lemma_.lower() in REPORTING_VERBS:
                    found = self.actors(subject_tokens(w.head.head))  # "In a statement, A said ...": A's
            if len(found) == 1:
                return found[0][0]
            if len(found) > 1 and self.hostile and (tok.lemma_.lower() in PACT_NOUNS or tok.lemma_.lower() in CLAIMS
                                                    or tok.lemma_.lower() in ("measure", "decision")):
                # "the agreement" after "A and B agreed", "rejected the criticism" of A and B, "condemned
                # the decision" after four states cut ties: each of them
                self.parties = [a for a, _ in found]
                return found[0][0]
        return None

    def _coup_state(self, tok) -> Actor | None:
        """ "condemned the coup": the state whose government was overthrown, where its soldiers took
        power (named with the coup, where it was told, else the state the story is about)."""
        def state_in(w) -> Actor | None:
            for c in [c for d in [w] + [d for d in kids(w) if d.dep_ == "dobj"] for c in kids(d)]:
                if c.dep_ == "prep" and c.lower_ in ("in", "of"):  # ("seized power in Mali")
                    found = [a for a, _ in self.actors([p for p in kids(c) if p.dep_ == "pobj"])
                             if a.kind in STATE_KINDS]
                    if found:
                        return found[0]
            return None
        here = state_in(tok)
        if here is not None:
            return here
        if not any(c.lower_ in NAMED_AGAIN for c in kids(tok)):
            return None
        lo = self.idx.sents_upto(tok.i, 4)[0].start
        for j in self._told_before(COUP_NOUNS | {"seize", "oust", "topple", "overthrow", "depose"}, tok.i):
            if j < lo:
                break
            here = state_in(self.doc[j])
            if here is not None:
                return here
        return self.idx.focal_state()

    def _told_before(self, lemmas, i: int) -> Iterator[int]:
        """The tokens before token ``i`` whose lemma is one of ``lemmas``, nearest first, found
        through an index of the lemmas, built once, rather than by reading the article back."""
        if self._lemma_at is None:
            self._lemma_at = {}
            for t in self.idx.tokens:
                self._lemma_at.setdefault(t.lemma_.lower(), []).append(t.i)
        runs = [self._lemma_at.get(lemma, []) for lemma in lemmas]
        return heapq.merge(*(reversed(at[:bisect_left(at, i)]) for at in runs), reverse=True)

    def emit(self, pred: str, subj: list, obj: list, trigger, rule: str, conf: float) -> None:
        sym = relation_info(pred).symmetric
        for s, s_ind in subj:
            if pred == "visited" and s.kind != "person" and not s_ind:
                continue  # a state named as such does not travel; its people do ("the Greek minister flew")
            if self._campaigner(s) or s.key in self.idx.opposition or self._party_only(s):
                continue  # a campaign group's, an opposition or a party politician's words are no diplomacy
            for o, o_ind in obj:
                if s.key == o.key or self.idx.gaz.same_party(s, o) or self._campaigner(o) or \
                        o.key in self.idx.opposition or self._party_only(o):
                    continue
                home_s, home_o = self.idx.country_of(s), self.idx.country_of(o)
                if (home_s is not None and self.idx.gaz.same_party(home_s, o)) or \
                        (home_o is not None and self.idx.gaz.same_party(home_o, s)):
                    continue  # "Guterres welcomed it (the U.N.)": a person and the body they act for
                party_s, party_o = self.idx.nationality.get(s.key), self.idx.nationality.get(o.key)
                if (party_s or party_o) and (party_s or home_s or s).key == (party_o or home_o or o).key:
                    continue  # "Tory leader A accused the prime minister": domestic politics
                if sym and home_s is not None and home_o is not None and home_s.key == home_o.key and \
                        s.kind == o.kind == "person" and (rule.endswith(("/plural", "/between")) or listed(trigger)):
                    continue  # two of one delegation named together did not meet each other
                if pred in OUTWARD and home_s is not None and home_s.key == o.key and s.kind == "person":
                    continue  # "Blair insisted the British people will have their say": his own state, no diplomacy
                if pred == "visited":
                    if o.kind == "person":
                        continue
                    home = self.idx.country_of(s)
                    if home is not None and home.key == o.key or home is None and s.kind == "person" and \
                            self._served(s, o):
                        continue  # (nor a state one held office for at another time: "former prime minister A")
                key = (pred, frozenset((s.key, o.key)) if sym else (s.key, o.key), self.idx.sent_of(trigger.i).start)
                if key in self.seen:
                    continue
                self.seen.add(key)
                c = conf * (0.85 if s_ind else 1.0) * (0.85 if o_ind else 1.0)
                self.out.append(Candidate(pred, s, o, trigger.i, rule, round(c, 3)))

    def _served(self, person: Actor, state: Actor) -> bool:
        """Whether the gazetteer knows ``person`` to have acted for ``state`` at some time."""
        entry = self.idx.gaz.lookup(person.label)
        return entry is not None and entry.of is not None and entry.of.key == state.key or \
            any(t.of.key == state.key for t in terms_of(self.idx.gaz, person.label))

    @staticmethod
    def _each_alone(verb) -> bool:
        """ "A and B are both negotiating to join C", "A and B each signed", "A and B signed their own
        accords", "separate deals": each on its own, not with the other."""
        subj = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.lower_ in ("both", "each") and c.dep_ in ("dep", "advmod", "npadvmod", "appos")
                   for c in [*kids(verb), *(w for s in subj for w in kids(s))]) or any(
            c.dep_ == "dobj" and _Finder._apart(c) for c in kids(verb))

    @staticmethod
    def _apart(noun) -> bool:
        """ "their own accords", "separate deals": one for each, none between them."""
        return noun.tag_ == "NNS" and any(m.dep_ == "amod" and m.lower_ in ("own", "separate", "respective", "individual")
                                          for m in kids(noun))

    def _campaigner(self, a: Actor) -> bool:
        """A campaign group, or one who speaks for it ("Amnesty's secretary general A")."""
        home = self.idx.country_of(a)
        return a.org_kind == "ngo" or (home is not None and home.org_kind == "ngo")

    def _party_only(self, a: Actor) -> bool:
        """A party's politician who holds no office of state ("Tory leader A"): acts for no state."""
        return a.key in self.idx.nationality and self.idx.roles.get(a.key, (None, None))[1] is None

    def _others(self, objs: list, subj: list) -> list:
        """The objects that are neither a subject nor a subject's own state."""
        own = self._side_keys(subj)
        return [(a, i) for a, i in objs if a.key not in own]

    def needs_ok(self, entry: LexEntry, words: set[str]) -> bool:
        if not entry.needs:
            return True
        return bool(words & self.lex.classes.get(entry.needs, frozenset()))

    def _greeted_in_person(self, tok, subj: list, objs: list, obj_toks: list) -> bool:
        """Whether welcoming or greeting ``objs`` is a meeting in person, not a word of support:
        "welcomed A to the palace", "A welcomed B", "the Saudi crown prince was welcomed in Paris by
        Macron", "welcomed the Australian prime minister to Jakarta" (but "welcomed Sweden to NATO"
        and "welcomed the decision" are support)."""
        if not objs:
            return False
        preps = [c for c in kids(tok) if c.dep_ == "prep" and (c.lower_ in ("to", "in", "at") or c.lower_ == "on" and any(
            p.lemma_.lower() in ("arrival", "landing") for p in kids(c)))]  # ("welcomed on his arrival by A")
        by_people = bool(subj) and all(a.kind == "person" for a, _ in subj)
        named_beside = {m.actor.key for t in obj_toks for c in kids(t) if c.dep_ == "appos" and
                        (m := self.idx.mention_at(c.i)) is not None}  # "the Turkish foreign minister, A,"
        if (preps or by_people) and all(a.kind == "person" and (not indirect or a.key in named_beside or any(
                t.lower_ in ("he", "she", "him", "her") for t in obj_toks)) for a, indirect in objs):
            return True
        if passive(tok) and by_people and any(c.lower_ in ("in", "at", "on") for c in preps):
            return True
        officials = [d for d in kids(tok) if d.dep_ == "dobj" and (
            d.lemma_.lower() in self.idx.gaz.offices or
            (n := self.idx.mention_at(d.i)) is not None and n.actor.kind == "person")]
        return any(d.i < c.i for c in preps for d in officials if any(
            p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC") and
            ((m := self.idx.mention_at(p.i)) is None or m.how == "metonym") for p in kids(c)))

    def _authors_by(self, objs: list, verb) -> list[tuple[Actor, bool]]:
        """Who did the acts ``objs`` as their "by" phrase tells: "the remarks by A", "the comments
        made by A", and "described the killings by A as", where the parser hangs "by A" on the
        active verb."""
        agents = []
        for o in (o for o in objs if o.pos_ == "NOUN"):
            for c in kids(o):
                if c.dep_ == "prep" and c.lower_ == "by":
                    agents += [p for p in kids(c) if p.dep_ == "pobj"]
                elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in GO_BETWEENS:
                    agents += [p for a in kids(c) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj"]
        if objs and not passive(verb):
            agents += [p for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "by" and c.i > objs[0].i
                       for p in kids(c) if p.dep_ == "pobj"]
        return self.actors(agents)

    def _summoner(self, toks) -> list[tuple[Actor, bool]]:
        """Whose office an envoy was called in to: the ministry itself, or the state of the place it is in
        ("the foreign ministry in Lima")."""
        return self.actors(toks) or [(a, True) for a, _ in self.places(
            [p for t in toks for p in prep_objects(t, ("in",))]) if a.kind in STATE_KINDS]

    # -- verbs ------------------------------------------------------------------------------------
    def verb(self, tok) -> None:
        entries = self.lex.verbs.get(tok.lemma_.lower()) or self.lex.verbs.get(tok.lower_) or \
            self.lex.verbs.get(regular_lemma(tok)) or \
            self.lex.verbs.get(tok.lower_[:-1] if tok.tag_ in ("VBD", "VBN") and tok.lower_.endswith("ed") else "")  # "dined"
        if entries:
            entries = fitting_particles(entries, tok)
        if entries and tok.lemma_.lower() == "enter" and any(
                c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in ENTERING_FOR for c in kids(tok)):
            # "troops entered B to fight the rebels": the fight is with whom the clause names, not B
            entries = [e for e in entries if e.predicate != "attacked"]
        if not entries:
            return
        if tok.dep_ == "relcl" and any(c.lower_ == "never" for c in kids(tok)) and \
                any(c.lower_ == "before" for c in kids(tok)):
            return  # "the two leaders, who had never met before, shook hands": a first meeting, told by the clause's head
        if tok.lemma_.lower() == "meet" and any(c.dep_ == "dobj" and c.lemma_.lower() in FULFILLED for c in kids(tok)):
            return  # "met the Community's conditions", "met the deadline": no meeting
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in ATTEMPTS and any(c.lower_ == "to" for c in kids(tok)):
            entries = [e for e in entries if e.predicate != "signedAgreementWith"]  # "efforts to settle the dispute"
            if not entries:
                return
        words = scope_words(tok)
        if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and not any(
                c.dep_ == "dobj" and c.lower_ not in ("which", "that") for c in kids(tok)):
            # "the military aid B receives from A": the clause's object is the noun it tells of
            words = words | word_set([tok.head, *of_chain(tok.head)])  # ("the amounts of aid B receives")
        if any(e.needs in ("talks", "call") for e in entries):
            # "raised the case with B during talks (or a call)": where it was said
            words = words | word_set(p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "during"
                                     for p in kids(c) if p.dep_ == "pobj")
        if any(e.needs == "forces" for e in entries) and (not any(c.dep_ == "dobj" for c in kids(tok)) or
                                                          tok.lemma_.lower() == "enter"):
            # "troops poured into X", "tanks entered X": a move is armed when its movers are
            words = words | {w for w in word_set(subject_tokens(tok)) if w in self.lex.classes.get("forces", ())}
        has_object = passive(tok) or any(c.dep_ in ("dobj", "dative") for c in kids(tok))
        # (a sense whose only object is a direct one is out of reach without one: "trained alongside
        # Philippine troops" is no training of troops)
        reachable = [e for e in entries if has_object or e.objects != ("dobj",)]
        specific = [e for e in reachable if e.needs and self.needs_ok(e, words)]
        if specific:
            chosen = specific
        else:
            used = set().union(*(self.lex.classes.get(e.needs, frozenset()) for e in reachable if e.needs)) \
                if any(e.needs for e in reachable) else set()
            chosen = [e for e in entries if not e.needs and not (words & used)]
        if tok.lemma_ in ("speak", "talk") and not specific and (any(
                c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "on") and
                any(p.ent_type_ in ("GPE", "LOC", "FAC", "EVENT") or p.lower_ in ("sidelines", "summit", "meeting")
                    or p.lower_ in ("private", "person") for p in kids(c)) for c in kids(tok)) or any(
                c.dep_ == "advmod" and c.lower_ in ("privately", "face-to-face", "where") for c in kids(tok))):
            # "spoke with Xi in Bali", "the two spoke on the sidelines", "spoke to him in private", "the
            # summit, where he spoke with B": no call, a meeting in person
            chosen = [replace(e, predicate="met") for e in chosen if e.predicate == "phoned"]
        if any(e.needs == "talks" for e in chosen):  # "held phone talks with": a call, told by the noun
            calls = self.lex.classes.get("call", frozenset())
            if any(word_set(c for c in kids(d) if c.dep_ in ("compound", "amod")) & calls
                   for d in kids(tok) if d.dep_ == "dobj"):
                chosen = [e for e in chosen if e.needs != "talks"]

        if tok.lemma_.lower() in ("begin", "start", "resume", "conclude") and not any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get("talks", ()) for c in kids(tok)):
            chosen = [e for e in chosen if e.needs != "talks"]  # ("began their talks"; not "talks which began with ...")
        if any(e.needs == "union" for e in chosen) and tok.dep_ in ("advcl", "xcomp", "acl") and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)) and
                tok.head.lemma_.lower() not in ("agree", "decide", "vote") or
                tok.tag_ == "VBG" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get(
                    "agreement", frozenset()) for h in (tok.head, tok.head.head) for c in kids(h))):
            # "signed a treaty to set up a common market", "signed a treaty, creating a trading bloc",
            # "pull back to create a buffer zone": what the act is for (the treaty is the act), no union made
            chosen = [e for e in chosen if e.needs != "union"]
        if tok.lemma_.lower() == "boycott" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get(
                "talks", frozenset()) for c in kids(tok)):
            chosen = [e for e in chosen if e.predicate != "sanctioned"]  # "boycotted the summit": stayed away, no sanction
        if tok.lemma_.lower() == "insist" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in kids(tok)):
            chosen = []  # ("insisted that B be offered a deal", "insist the poll will go ahead"; a demand is said_must's)
        if tok.lemma_.lower() == "challenge" and not any(c.dep_ in ("xcomp", "ccomp") for c in kids(tok)):
            chosen = [e for e in chosen if e.predicate != "urged"]  # ("challenged B to open the gate"; not "challenged the result")
        if tok.lemma_.lower() == "agree" and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                          for m in kids(c)) for c in kids(tok)):
            chosen = [e for e in chosen if e.predicate != "signedAgreementWith"]  # "agreed with B that ...": a view shared
        if any(c.dep_ == "dobj" and c.lemma_.lower() in UNDOING_NOUNS for c in kids(tok)):
            # "announced the suspension of its treaty with B": no pact made
            chosen = [e for e in chosen if e.predicate not in ("signedAgreementWith", "cooperatedWith")]
        if any(e.predicate == "suppliedArmsTo" for e in chosen):
            chosen = [e for e in chosen if e.predicate != "aided"]  # "lethal assistance" is arms
        if tok.lemma_ == "call":
            if any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and (not all(
                    p.ent_type_ in ("DATE", "TIME") for p in kids(c) if p.dep_ == "pobj") or
                    not any(p.dep_ == "pobj" for p in kids(c))) for c in kids(tok)):
                # ("will call on A to open ...": the parser may leave "on" bare and take A for the object)
                chosen = [e for e in chosen if e.predicate == "urged"]  # (not "called X on Monday")
            elif any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and not (
                    c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)))
                     for c in kids(tok)) or \
                    any(c.dep_ == "dobj" and c.pos_ == "PRON" and c.lower_ != "other" for c in kids(tok)) or \
                    sum(c.dep_ == "dobj" for c in kids(tok)) > 1 or \
                    any(a.dep_ in ("appos", "amod") and a.i > c.i and
                        (self.doc[a.left_edge.i - 1].is_quote or self.doc[a.left_edge.i].is_quote)
                        for c in kids(tok) if c.dep_ == "dobj" for a in kids(c)):
                chosen = []  # "calling it baseless", "called the move a mistake", 'called B "a terrorist"'
                # (but "called his counterpart to demand X" is a call, made for that)
                named = [w for c in kids(tok) if c.dep_ == "oprd" for w in conjuncts(c)]
                if any(w.lemma_.lower() in PARTNER_NOUNS | SUPPORTER_NOUNS for w in named):
                    # "called B a vital partner", "calls B a true friend": praise of B
                    praised = self.actors([c for c in kids(tok) if c.dep_ == "dobj"])
                    if (subj := self.actors(subject_tokens(tok))) and praised:
                        self.emit("supported", subj, self._others(praised, subj), tok, "verb:call+partner", 0.7)
            elif any(c.dep_ in ("advmod", "prt") and c.lower_ in ("home", "back", "in") for c in kids(tok)):
                chosen = [e for e in chosen if e.predicate != "phoned"]  # "calling home its ambassador": a recall
        if tok.lemma_.lower() == "ask" and not any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for"
                                                   for c in kids(tok)) and any(is_question(c) for c in kids(tok)):
            chosen = [e for e in chosen if e.predicate != "urged"]  # "asked B what it meant to do": a question
        subj = self.actors(subject_tokens(tok))
        if tok.lemma_.lower() == "thank" and chosen:
            # "A thanked B for its support": B supported A (thanks are no praise of their own here)
            reasons = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "for"
                       for p in kids(c) if p.dep_ == "pobj"]
            kinds = {w for p in reasons for w in (p.lemma_.lower(), p.lower_)}
            pred = "supported" if kinds & self.lex.classes.get("support", frozenset()) else \
                "aided" if kinds & (self.lex.classes.get("aid", frozenset()) | {"help"}) else None
            if pred is not None:
                givers = self.actors([c for c in kids(tok) if c.dep_ == "dobj"])
                self.emit(pred, givers, subj, tok, "verb:thank+for", 0.8)
                return
        for entry in chosen:
            if entry.objects and entry.objects[0].startswith("rev:"):
                # the object of the preposition does the act to the grammatical subject
                sellers = self.actors(prep_objects(tok, tuple(x[4:] for x in entry.objects)))
                for d in [c for c in kids(tok) if c.dep_ == "dobj"] + [  # "relies on money from X"
                        p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("on", "upon", "in")
                        for p in kids(c) if p.dep_ == "pobj"]:  # ("received $3bn in aid from X")
                    for n in [d] + of_chain(d):  # "receives most of its arms from X"
                        sellers += self.actors(prep_objects(n, tuple(x[4:] for x in entry.objects)))
                if not sellers:  # "receives $1.3 billion a year in US military assistance": whose aid
                    need = self.lex.classes.get(entry.needs or "", frozenset())
                    sellers = [(m.actor, True) for w in tok.subtree if w.lemma_.lower() in need and w.pos_ == "NOUN"
                               for c in kids(w) if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < w.i
                               and (m := self.idx.mention_at(c.i)) is not None and m.actor.kind != "person"]
                if sellers and subj:
                    self.emit(entry.predicate, sellers, subj, tok, f"verb:{entry.lemma}+{entry.needs}/reverse", 0.8)
                continue
            if entry.predicate == "attacked" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ECONOMIC
                                                     for c in kids(tok)):
                continue  # "will hit the economy of X hard" is no attack
            if entry.needs == "trade" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get("talks", frozenset())
                                              | self.lex.classes.get("agreement", frozenset()) for c in kids(tok)):
                continue  # "suspended trade talks with X": the talks, not the trade
            if entry.predicate == "attacked" and conditional_harm(tok):
                continue  # "if X moves, we will strike and destroy X": a threat, read by its own rule
            rule = f"verb:{entry.lemma}" + (f"+{entry.needs}" if entry.needs else "")
            if not subj and passive(tok) and entry.objects == ("with",):
                # "A is allied with B", "A was paired with B": the passive says what the active does
                subj = self.actors([c for c in kids(tok) if c.dep_ == "nsubjpass"])
            if not subj and passive(tok) and entry.predicate in ("criticized", "supported") and \
                    not any(c.dep_ == "agent" for c in kids(tok)):
                # "the move was welcomed in Washington and condemned in Moscow": the capital stands for its state
                subj = [(m.actor, True) for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in"
                        for p in kids(c) if p.dep_ == "pobj" and (m := self.idx.mention_at(p.i)) is not None
                        and m.how == "metonym" and m.actor.kind in STATE_KINDS]
            if tok.lemma_ == "oppose" and any(c.dep_ == "prep" and c.lower_ == "to" for c in kids(tok)) and (
                    passive(tok) or tok.dep_ == "acomp"):
                # "A is opposed to B's bid": a stand of A's (whoever the parser makes the subject)
                subj = self.actors([c for c in kids(tok) if c.dep_ == "nsubjpass"] or
                                   ([c for c in kids(tok.head) if c.dep_ == "nsubj"] if tok.dep_ == "acomp" else []))
            obj_toks = object_tokens(tok, entry, verb=True,
                                      needs_words=self.lex.classes.get(entry.needs or "", frozenset()))
            obj_toks = [o for o in obj_toks if not named_aside(o)]
            if tok.lemma_ == "protest" and any(o.head.lower_ in ("to", "against") or o.dep_ == "dobj" for o in obj_toks):
                obj_toks = [o for o in obj_toks if o.head.lower_ != "over"]  # "protested to B over C's ruling": to B
            if entry.predicate == "criticized" and any(not _in_topic(o, tok) for o in obj_toks):
                # "lodged a protest with B over the arms sale to C": with B, not C
                obj_toks = [o for o in obj_toks if not _in_topic(o, tok)]
            if entry.needs == "protest":
                obj_toks = self._complained_of(obj_toks, [tok, *(c for c in kids(tok) if c.dep_ == "dobj")])
            if entry.predicate == "recognized" and any(c.dep_ == "dobj" and c.lemma_.lower() in TAKEOVER_NOUNS
                                                       for c in kids(tok)):
                continue  # "never recognised the incorporation of B into C": a seizure not accepted, no state
            if tok.lemma_ == "oppose":  # opposing B's plan criticizes B; "opposes the court" is a stance, no act
                obj_toks = [o for o in obj_toks if o.i not in self.idx.by_token]
                if tok.tag_ in ("VBZ", "VBP") and tok.dep_ != "ccomp":
                    continue  # "A, which opposes B's bid": a standing position told in passing; "said it opposes" is said now
            if any(c.dep_ == "dobj" and c.lemma_.lower() in WITHDRAWALS for c in kids(tok)):
                # "demanded a pullout from B": the place left, not the one asked
                obj_toks = [o for o in obj_toks if o.head.lower_ != "from" or
                            not (o.head.head is tok or o.head.head.lemma_.lower() in WITHDRAWALS)]
            if tok.lemma_.lower() == "blame" and any(c.dep_ == "dobj" and self.actors([c], demonym=True)
                                                      for c in kids(tok)):
                # "blamed Iranian aircraft for attacks this month on a Kuwaiti tanker": the parser may
                # hang the attack's target on the verb; one blamed by name is not blamed "on" anyone
                obj_toks = [o for o in obj_toks if o.head.lower_ != "on"]
            if entry.predicate == "sanctioned":
                obj_toks += goods_bound(obj_toks)
            if entry.needs == "debt":  # "wrote off the debts of A and B", "cancelled the debt A owes them"
                debts = self.lex.classes.get("debt", frozenset())
                obj_toks += [x for o in obj_toks if o.lemma_.lower() in debts or o.lower_ in debts
                             for x in [*prep_objects(o, ("of",)), *(w for rc in kids(o) if rc.dep_ in ("relcl", "acl")
                                                                   and rc.lemma_.lower() == "owe"
                                                                   for w in kids(rc) if w.dep_ == "nsubj")]]
            if entry.predicate == "aided":  # "sent tents to flood victims in B": B (wherever "in B" hangs)
                obj_toks += [p for o in obj_toks if (o.lemma_.lower() in AID_TAKERS or o.lower_ in AID_TAKERS)
                             and o.i not in self.idx.by_token
                             for c in [*kids(o), *(c for n in of_chain(o, 1) for c in kids(n)),
                                       *(c for c in kids(tok) if c.i > o.i)]
                             if c.dep_ == "prep" and c.lower_ == "in"
                             for x in kids(c) if x.dep_ == "pobj" for p in conjuncts(x)]
            if entry.predicate == "criticized":  # "condemned the crackdown in B": the state that treats its people so
                obj_toks += [p for o in obj_toks if o.lemma_.lower() in HOME_CONDUCT and o.i not in self.idx.by_token
                             and not any(c.dep_ == "poss" for c in kids(o))  # ("Beijing's crackdown in B": its doer is named)
                             for n in (o, *prep_objects(o, ("on", "against")),
                                       *(c for c in kids(tok) if c.dep_ == "prep" and c.i == o.i + 1))
                             for p in (prep_objects(n, ("in",)) if n.dep_ != "prep" else
                                       [x for x in kids(n) if n.lower_ == "in" and x.dep_ == "pobj"])]
                # "objected to reports that B planned to station troops": the one the report tells of
                obj_toks += [x for o in obj_toks if o.lemma_.lower() in NEWS_NOUNS and o.i not in self.idx.by_token
                             for c in kids(o) if c.dep_ in ("acl", "ccomp") and
                             any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))
                             for x in kids(c) if x.dep_ in ("nsubj", "nsubjpass")]
            if entry.predicate == "urged":  # "urged A to open the border and B to free the prisoners": B too
                obj_toks += second_addressees(tok)
                # "demanded guarantees that B would stop expanding": the one the pledge is asked of
                pledges = self.lex.classes.get("assurance", frozenset())
                obj_toks += [w for d in kids(tok) if d.dep_ == "dobj" and d.lemma_.lower() in pledges
                             for c in kids(d) if c.dep_ in ("acl", "ccomp") and any(
                                 m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))
                             for w in kids(c) if w.dep_ in ("nsubj", "nsubjpass")]
            if entry.predicate == "supported" and "dobj" in entry.objects:
                # "praised the role played by B", "the efforts made by B": the one who played it
                obj_toks += [p for o in obj_toks if o.lemma_.lower() in PARTS_PLAYED and o.i not in self.idx.by_token
                             for c in kids(o) if c.dep_ == "acl" and c.tag_ == "VBN" and c.i != tok.i
                             for a in kids(c) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj"]
            if entry.predicate in ("supported", "rejected", "criticized") and "dobj" in entry.objects:
                # "backed a permanent seat for B", "opposes membership for B": the side it is for
                obj_toks += [p for o in obj_toks if o.lemma_.lower() in STAKES and o.i not in self.idx.by_token
                             for c in kids(o) if c.dep_ == "prep" and c.lower_ == "for"
                             for x in kids(c) if x.dep_ == "pobj" for p in conjuncts(x)]
            if entry.needs == "imports":  # "banned imports of Georgian wine": the state whose goods
                objs = [(m.actor, True) for d in kids(tok) if d.dep_ == "dobj" for w in d.subtree
                        if (m := self.idx.mention_at(w.i)) is not None and m.actor.kind in STATE_KINDS]
                if subj and objs:
                    self.emit(entry.predicate, subj, objs, tok, f"verb:{entry.lemma}+imports", 0.8)
                continue
            if entry.predicate == "visited" and (any(t.lemma_.lower() in MILITARY for t in subject_tokens(tok)) or
                                                 tok.lemma_.lower() == "fly" and
                                                 any(c.dep_ == "dobj" and all(c.i < p.i for p in obj_toks)
                                                     for c in kids(tok))):
                continue  # "troops landed in X", "flew a battalion to X": a deployment, not a visit
            if entry.predicate == "visited":
                # a visit is to a state ("the dispute may go to the General Assembly" is none; "toured
                # the Russian destroyer" is a visit to a ship, not to Russia)
                obj_toks = [o for o in obj_toks if o.lemma_.lower() not in VESSELS and o.lower_ not in VESSELS]
                objs = [(a, i) for a, i in self.places(obj_toks) if a.kind in ("country", "former_state", "person")]
                hosts = [(a, i) for a, i in self.actors(obj_toks) if a.kind == "person"]
                if hosts and all(a.kind == "person" for a, _ in objs) and tok.lemma_.lower() == "visit":
                    # "the senator visited Mr Blair": a visit to a person is a meeting with them
                    self.emit("met", subj, hosts, tok, f"verb:{tok.lemma_.lower()}/person", 0.8)
                    continue
                if not objs and any(t.lemma_.lower() in ("city", "capital") and
                                    any(c.lower_ == "the" for c in kids(t)) for t in obj_toks):
                    # "visited the city": the capital named last
                    sents = self.idx.sents_upto(tok.i, 5)
                    lo = sents[0].start if sents else 0
                    objs = next(([(m.actor, True)] for m in self.idx.ments_back(tok.i, lo)
                                 if m.how == "metonym" and m.actor.kind in STATE_KINDS), [])
                if tok.lemma_.lower() in ("travel", "fly", "go", "come", "arrive"):
                    # "A flew to Oslo with B and C": they went too
                    subj = subj + [(a, True) for a, _ in self.actors(prep_objects(tok, ("with",)))
                                   if a.kind == "person"]
            else:
                # criticizing "the agreement" the article told of criticizes all who made it
                self.hostile = entry.predicate in ("criticized", "rejected", "accused", "threatened")
                # "expelled Soviet advisers", "suspended Egypt's membership": whose they are
                if entry.predicate == "recognized" and any(t.lemma_.lower() in CLAIMS for t in obj_toks):
                    continue  # "won't recognise the Thai claim": a claim, no state or government
                if entry.predicate == "recognized" or entry.needs == "hand":
                    obj_toks = [self._holder(t) for t in obj_toks]  # (and "shook Correa's hand": Correa)
                objs = self.actors(obj_toks, possessor=entry.predicate in COMMUNICATIVE or
                                   entry.needs in ("envoy", "membership", "hand", "forces") or
                                   entry.predicate == "cooperatedWith",  # ("worked with a US inquiry")
                                   demonym=entry.needs in ("border", "forces"))  # "closed its ports to Maltese ships"
                if not objs and (entry.predicate == "aided" and entry.needs or entry.predicate == "attacked" and
                                 subj and all(a.kind in STATE_KINDS or self.idx.country_of(a) is not None
                                              for a, _ in subj)):
                    # "sent tents to a port city", "dropped food into a province", "annexed Crimea": the
                    # state it lies in (an armed group's raids on villages of a region are no war on its state)
                    objs = [(a, True) for a, _ in self.places(obj_toks) if a.kind in STATE_KINDS]
                self.hostile = False
            if objs and all(indirect for _, indirect in objs) and relation_info(entry.predicate).symmetric:
                homes = {h.key for a, _ in subj for h in (a, self.idx.country_of(a)) if h is not None}
                if all(a.key in homes for a, _ in objs):
                    objs = []  # "A of X and B of Y will meet the parties": not X and Y, the doers' own
            if entry.predicate in ("met",) and tok.lemma_ in ("receive", "host", "embrace", "shake", "greet"):
                # people, or a state's office holder left unnamed ("received the Iraqi prime minister")
                titled = any(t.pos_ == "NOUN" and t.lower_ in self.idx.gaz.office_words() for t in obj_toks)
                objs = [(a, i) for a, i in objs if a.kind == "person" or titled]
            if not self._others(objs, subj) and entry.predicate in ("suppliedArmsTo", "aided") and entry.needs \
                    and not passive(tok):
                # "X, which provides nearly all its arms": whose the goods are is who receives them
                goods = self.lex.classes.get(entry.needs, frozenset())
                goods_toks = [d for d in kids(tok) if d.dep_ == "dobj"] + [  # ("wrote off A's debt")
                    o for r in kids(tok) if r.dep_ == "prt" for o in kids(r) if o.dep_ == "pobj"]
                owners = [p for d in goods_toks for n in [d] + of_chain(d)
                          if n.lemma_.lower() in goods or n.lower_ in goods for p in kids(n) if p.dep_ == "poss"]
                objs = self._others(self.actors(owners), subj)
                if owners and not objs and owners[0].lower_ == "its" and tok.dep_ == "relcl":
                    # "A relies on B, which provides nearly all its arms": one does not arm oneself, so A
                    verb = tok.head
                    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                        verb = verb.head
                    objs = self._others(self.actors(subject_tokens(verb)), subj) if verb.pos_ in ("VERB", "AUX") else []
            if entry.predicate in ("visited", "met") and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "invite":
                continue  # "A invited B to visit C": an invitation, not yet a planned visit
            if entry.needs == "forces":
                # "sent troops into X": a state's territory, not a region's armed group ("would not send
                # troops into X" tells of no deployment at all)
                if any(c.dep_ == "neg" for c in kids(tok)):
                    continue
                if entry.predicate == "reducedRelationsWith" and word_set(subject_tokens(tok)) & \
                        self.lex.classes.get("forces", frozenset()):
                    continue  # "troops expelled the invaders' forces from the town": a battle, told by its own words
                objs = [(a, i) for a, i in objs if a.kind in STATE_KINDS and
                        a.code not in self.idx.gaz.few_recognise()]
            if entry.needs == "envoy" and not subj and passive(tok):
                # "the French ambassador to Mali was expelled": by the state he was posted to; "was
                # called to the ministry in Lima": by the ministry's state
                subj = self.actors([p for t in obj_toks for p in prep_objects(t, ("to", "in"))]) or \
                    (self._summoner(prep_objects(tok, ("to",))) if tok.lemma_.lower() == "summon" else [])
            conf = 0.9 if not entry.needs else 0.85
            if entry.needs == "letter":  # "handed a letter from A to B": in person, so only to a person
                objs = [(a, i) for a, i in objs if a.kind == "person"]
            if entry.needs == "envoy":  # "summoned the Japanese ambassador, Hideo Tarumi": Japan
                objs = [(h, i) for a, i in objs
                        if (h := self.idx.country_of(a)) is not None]  # (an envoy of no known state: none)
            if entry.needs == "envoy" and entry.predicate == "reducedRelationsWith" and subj and \
                    not self._others(objs, subj) and not passive(tok):
                # "A recalled its ambassador in Oslo": from the state where the envoy is posted
                envoys = self.lex.classes.get("envoy", frozenset())
                posts = [p for t in [*obj_toks, *(c for c in kids(tok) if c.dep_ == "dobj")]
                         if t.lemma_.lower() in envoys for p in prep_objects(t, ("in",))]
                objs = [(a, True) for a, _ in self.places(posts) if a.kind in STATE_KINDS] or objs
                if not self._others(objs, subj):  # "A expelled its Soviet advisers": whose nationals they are
                    objs = self._others([(a, i) for a, i in self.actors(
                        [c for t in obj_toks if t.lemma_.lower() in envoys for c in kids(t) if c.dep_ == "amod"],
                        demonym=True) if a.kind in STATE_KINDS], subj) or objs
            if entry.needs == "envoy" and entry.predicate == "reducedRelationsWith" and not objs and subj and \
                    not passive(tok) and not obj_toks:
                objs = self._recalled_from(tok, subj)  # "Canada also recalled its ambassador": from whom others did
            if entry.predicate == "supported" and tok.lemma_ in ("welcome", "hail") and objs and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get("talks", frozenset())
                    for c in kids(tok)):
                objs = []  # "welcomed the talks between A and B": a hope for the talks, no side taken
            if entry.predicate == "supported" and tok.lemma_ in ("welcome", "greet") and \
                    self._greeted_in_person(tok, subj, objs, obj_toks):
                entry = LexEntry("met", "verb", tok.lemma_, ("dobj",), None)
                rule = f"verb:{tok.lemma_}/in-person"
            if entry.predicate == "urged" and tok.lemma_ == "call" and objs and \
                    all(a.kind == "person" for a, _ in objs) and \
                    not any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in kids(tok)) and \
                    any(c.lower_ == "on" and c.dep_ in ("prep", "prt") for c in kids(tok)):
                # "the visiting premier called on King A": a courtesy call, a meeting in person
                entry = LexEntry("met", "verb", tok.lemma_, ("dobj",), None)
                rule = "verb:call-on/in-person"
            if entry.predicate == "met" and tok.lemma_ == "see":
                objs = [(a, i) for a, i in objs if a.kind == "person"]
            if not objs and entry.predicate == "attacked" and not passive(tok) and obj_toks:
                # "struck military targets in Iran": the state where the targets are
                where = [p for t in [tok] + [c for c in kids(tok) if c.dep_ == "dobj"] + [
                             o for o in obj_toks if o.dep_ == "pobj"]  # ("struck at bases inside B")
                         for p in prep_objects(t, ("in", "inside", "across", "into", "near", "around", "outside"))]
                objs = [(a, True) for a, _ in self.places(where) if a.kind in STATE_KINDS and
                        not (entry.needs == "forces" and a.code in self.idx.gaz.few_recognise())]
                # "shelled Kharkiv": the city's state (whatever entity type the recogniser gives the name)
                cities = [self.idx.gaz.city_country(" ".join(w.text for w in o.subtree if w.pos_ == "PROPN"))
                          for o in obj_toks if o.pos_ == "PROPN" and o.i not in self.idx.by_token and
                          o.ent_type_ not in ("NORP", "ORG")]
                objs = objs or [(a, True) for a in cities if a is not None]
                conf = 0.7
            if not objs and entry.predicate == "threatened" and not passive(tok):
                # "warned of consequences for X", "warned that there would be consequences for X"
                outcome = [w for c in kids(tok) if c.dep_ in ("ccomp", "prep") for w in c.subtree
                           if w.lemma_.lower() in ("consequence", "repercussion", "retaliation", "response", "price")]
                aims = [p for w in outcome for c in kids(w) if c.dep_ == "prep" and
                        c.lower_ in ("for", "against") for p in kids(c) if p.dep_ == "pobj"]
                # ("consequences for relations with B": for B)
                aims = [w for a in aims for w in (prep_objects(a, ("with",)) if a.lemma_.lower() in TIES_NOUNS else [a])]
                objs = self._others(self.actors(aims, possessor=True), subj)  # not "consequences for our security"
            if not objs and entry.predicate in ("threatened", "urged") and not passive(tok):
                # "warned that Sweden's entry would have consequences": the clause's subject
                for c in kids(tok):
                    if c.dep_ == "ccomp":
                        # "warned that Venezuela would defend its territory": the speaker's side acts (but
                        # "would respond with force if B crossed the line": B, on whom it depends, is read below)
                        defending = c.lemma_.lower() in SELF_DEFENCE
                        # (not "warned that B would attack": B is the one who would strike, not the one warned)
                        striking = "nsubj" if any(e.predicate in ("attacked", "threatened") for e in
                                                          self.lex.verbs.get(c.lemma_.lower(), [])) else ""
                        for w in ([] if defending else kids(c)):
                            if w.dep_ in ("nsubj", "nsubjpass") and w.dep_ != striking and (w.lower_ not in ("it", "this", "that") or any(
                                    e.predicate in ("attacked", "sanctioned") for x in c.subtree
                                    for e in self.lex.verbs.get(x.lemma_.lower(), []))):
                                # (not "warned that it could upset the balance": "it" is the act warned of)
                                objs = self.actors([w], possessor=True)
                        if not objs and not defending and entry.predicate == "threatened" and any(
                                e.predicate in ("attacked", "sanctioned") for e in self.lex.verbs.get(c.lemma_.lower(), [])):
                            # "warned that they might strike China's nuclear installations" (but "could upset
                            # the balance between China and Taiwan" threatens neither)
                            objs = self.actors([w for w in kids(c) if w.dep_ == "dobj"], possessor=True)
                        if not objs and entry.predicate == "threatened":
                            # "warned that the duties would return if Korea broke its promise"
                            objs = self.actors([w for a in kids(c) if a.dep_ == "advcl" and any(
                                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(a))
                                for w in kids(a) if w.dep_ in ("nsubj", "nsubjpass")], possessor=True)
                if not objs and entry.predicate == "threatened" and any(
                        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in kids(c)) for c in kids(tok)):
                    # "threatened to veto the deal unless B dropped its demand": B, on whom it depends
                    objs = self.actors([w for h in [tok, *(c for c in kids(tok) if c.dep_ == "xcomp")]
                                        for a in kids(h) if a.dep_ == "advcl" and any(
                        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(a))
                        for w in kids(a) if w.dep_ in ("nsubj", "nsubjpass")], possessor=True)
                objs = self._others(objs, subj)  # "A and B warned that they would ...": not each other
                conf = 0.6
            if entry.predicate == "aided" and obj_toks and all(t.lemma_.lower() in PRIVATE_PEOPLE for t in obj_toks):
                objs = []  # "helped British travellers", "aided Syrian refugees": people, not their state
            if not objs and subj and entry.predicate == "signedAgreementWith" and entry.needs and tok.dep_ == "conj" \
                    and not passive(tok) and not any(c.dep_ == "nsubj" for c in kids(tok)):
                # "held talks with B and signed an agreement on trade": signed with the one met
                first = coordinated_with(tok)
                partners = prep_objects(first, ("with",)) + \
                    [p for d in kids(first) if d.dep_ == "dobj" for p in prep_objects(d, ("with",))] + \
                    [c for c in kids(first)
                     if c.dep_ == "dobj" and first.lemma_.lower() in ("meet", "receive", "host")]
                objs = self._others(self.actors(partners), subj)
                rule += "/shared"
            if subj and objs and entry.predicate in CONTACT_ACTS | {"signedAgreementWith"}:
                # "held talks with B alongside C", "Alongside C, A met B": C sat on A's side of the table
                beside = [p for h in [tok, *(d for d in kids(tok) if d.dep_ == "dobj")] for c in kids(h)
                          if c.dep_ == "prep" and c.lower_ == "alongside" for p in kids(c) if p.dep_ == "pobj"]
                subj = subj + [a for a in self._others(self.actors(beside), objs) if all(a[0].key != b[0].key for b in subj)]
            if len(subj) > 1 and any(t.lower_ in ("other", "another") or
                                     any(c.dep_ == "poss" and c.lower_ in ("other", "another") for c in kids(t))
                                     for t in obj_toks + [c for c in kids(tok) if c.dep_ == "dobj"
                                                          and "dobj" in entry.objects]):
                # "A and B accused each other": each did it to the other
                for a in subj:
                    self.emit(entry.predicate, [a], [b for b in subj if b[0].key != a[0].key], tok,
                              rule + "/each-other", conf * 0.95)
            elif subj and objs:
                self.emit(entry.predicate, subj, objs, tok, rule, conf)
            elif entry.needs == "ties" and entry.predicate == "reducedRelationsWith" and len(subj) > 1 and \
                    not passive(tok):
                # "A and B broke off relations": each with the other
                for a in subj:
                    self.emit(entry.predicate, [a], [b for b in subj if b[0].key != a[0].key], tok,
                              rule + "/each-other", conf * 0.95)
            elif relation_info(entry.predicate).symmetric and len(subj) > 1 and not objs and \
                    (not passive(tok) or entry.needs) \
                    and tok.lemma_ not in ("host", "receive", "welcome", "see", "embrace", "attend", "greet") and \
                    tok.lemma_.lower() not in GO_BETWEENS and \
                    (tok.lemma_ not in ("work", "train", "exercise") or _together(tok)) and \
                    not any(c.dep_ == "dobj" and c.lemma_.lower() in EXCHANGED_BLOWS for c in kids(tok)) and \
                    not self._each_alone(tok) and \
                    not self._met_with_others(tok, entry) and not _spoke_to_others(tok) and \
                    not (not entry.needs and entry.objects and
                         all(o in ("to", "from", "into", "for", "dative") for o in entry.objects)) and \
                    not (tok.lemma_ == "agree" and any(
                        c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.lemma_.lower() in KEEPING_UP
                        for c in kids(tok))) and \
                    not any(c.dep_ == "prep" and c.lower_ == "alongside" or tok.lemma_ == "call" and (
                            c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "off") or
                            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c)))
                            for c in kids(tok)):
                # ("A and B called for a ban" is no call between them; "negotiated alongside B": on one side)
                # "Putin and Xi met": every pair of a plural subject ("A and B traded fire" is no trade)
                if len(subj) > 2 and any(c.dep_ == "advmod" and c.lower_ == "also" for c in kids(tok)):
                    continue  # "A, B, C and D also signed the final act": beside the others, not with each other
                if (tok.lemma_ in ("agree", "announce", "negotiate") or
                        tok.dep_ == "xcomp" and tok.head.lemma_ == "agree") and \
                        len(self._as_states([a for a, _ in subj])) > ROUND_TABLE:
                    continue  # "the leaders of A, B, C and D agreed to ...", "... negotiated a pact": a round table, no pairs
                for i, a in enumerate(subj):
                    self.emit(entry.predicate, [a], subj[i + 1:], tok, rule + "/plural", conf * 0.95)
            if "between" in entry.objects:
                for d in [c for c in kids(tok) if c.dep_ == "dobj"] + [tok]:
                    for group in between(d):
                        if len(subj) > 1 and all(a.kind == "person" for a, _ in subj) and any(
                                w.dep_ == "poss" and w.lower_ == "their" for g in group for w in kids(g)):
                            continue  # "A and B signed a treaty between their two countries": A and B's, told above
                        sides = self.sides(group, tok)
                        if len(sides) == 2 and max(len(x) for x in sides) > 1:  # two sides, one a list
                            self.emit(entry.predicate, sides[0], sides[1], tok, rule + "/between", conf)
                            continue
                        pair = self.group(group)
                        for i, a in enumerate(pair):
                            self.emit(entry.predicate, [a], pair[i + 1:], tok, rule + "/between", conf)

    def same_again(self, tok) -> None:
        """ "A recognised B. C did so a year later", "D followed suit", "E followed A's lead": the new
        subjects did what was told last, to the same objects."""
        lemma = tok.lemma_.lower()
        if lemma == "do" and not any(c.lower_ == "so" and c.dep_ in ("advmod", "dobj") or
                                     c.lower_ == "same" and c.dep_ == "dobj" for c in kids(tok)):
            return  # ("C did so", "D has since done the same")
        lead = [c for c in kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() in ("suit", "lead", "example")]
        lead = lead or [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "with" for p in kids(c)
                        if p.dep_ == "pobj" and any(a.lower_ == "own" for a in kids(p))]  # "followed with its own"
        if lemma == "follow" and not lead and not self._followed_in_time(tok):
            return
        leaders = {a.key for a, _ in self.actors([c for c in kids(lead[0]) if c.dep_ == "poss"])} \
            if lead and lead[0].lemma_.lower() in ("lead", "example") else set()  # "followed Moscow's lead"
        sent = self.idx.sent_of(tok.i)
        floor = self.idx.sent_of(sent.start - 1).start if sent.start > 0 else 0
        floor = self.idx.sent_of(floor - 1).start if floor > 0 else floor
        told = [c for c in self.out if floor <= c.trigger < tok.i and (
                    self.doc[c.trigger].pos_ == "VERB" or  # (or "announced their recognition, and C had done so")
                    self.doc[c.trigger].dep_ == "dobj" and c.trigger >= sent.start) and
                (not leaders or c.subject.key in leaders) and
                c.predicate not in ("accused", "criticized", "urged", "threatened")]
        # (words are followed by words of one's own: "C followed suit" after a charge copies an act
        # told before it more often than the charge)
        if lemma == "follow" and not lead and tok.dep_ == "ROOT":
            # "A recognised B in August. C followed a few weeks later": the act told just before
            told = [c for c in told if c.trigger < sent.start and c.predicate in FOLLOWED_ACTS]
        elif lemma == "follow" and not lead:  # "A recognised B in 1973 and C followed in 1974": that verb's act
            told = [c for c in told if c.trigger == tok.head.i and tok.dep_ in ("conj", "advcl", "acl")]
        if not told:
            return
        last = max(told, key=lambda c: c.trigger)  # what a verb told last, not an act a noun named
        if last.predicate not in FOLLOWED_ACTS:
            return  # only acts that others take up one after another (recognition, cut ties, sanctions):
            # "C did the same" after a visit or a strike tells of another visit or strike, to others
        objs = [(c.object, True) for c in told if c.trigger == last.trigger and c.predicate == last.predicate]
        agents = [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
        subj = self.actors(agents or subject_tokens(tok))  # (", followed in May by C")
        if subj:
            self.emit(last.predicate, subj, self._others(objs, subj), tok, f"verb:{lemma}+same", 0.6)

    @staticmethod
    def _followed_in_time(tok) -> bool:
        """ "A recognised B in 1973 and C followed in 1974", "..., followed a year later by D":
        following with no object, told with a time, is doing the same."""
        if any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in kids(tok)) or tok.tag_ == "VBG":
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("in", "on") and any(p.ent_type_ == "DATE" for p in kids(c)) or
                   c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("later", "soon", "shortly", "months", "weeks", "days",
                                                                      "years", "year", "month", "week")
                   for c in kids(tok))

    def _makers(self, tok) -> list[tuple[Actor, bool]]:
        """Whose the protest a noun names is: "Chinese objections", "Britain's protest", "protests
        from A", "the objections of B", "criticism by C"."""
        return self.actors([c for c in kids(tok) if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < tok.i] +
                           prep_objects(tok, ("from", "of", "by")), possessor=True, demonym=True)

    def despite_protests(self, tok) -> None:
        """ "A flew them out despite protests from B", "A went ahead over the objections of B": B
        protested what A did (and opposition is a refusal); "A pulled out despite appeals from B to
        stay": B urged A."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("despite", "over", "overcoming"):
            return
        verb = tok.head.head
        for _ in range(2):  # ("went ahead with the test despite B's opposition": hung on the test)
            if verb.pos_ == "NOUN" and verb.dep_ in ("pobj", "dobj"):
                verb = verb.head.head if verb.dep_ == "pobj" else verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        doers = self.actors(subject_tokens(verb))
        makers = self._others(self._makers(tok), doers)
        pred = "rejected" if tok.lemma_.lower() == "opposition" else \
            "urged" if tok.lemma_.lower() in APPEALS else "criticized"
        if doers and makers:
            self.emit(pred, makers, doers, tok, f"noun:{tok.lemma_.lower()}+despite", 0.65)

    def at_request(self, tok) -> None:
        """ "Troops from X moved in at the request of Y", "at Y's request", "following a request from
        Y": Y asked X to do it."""
        if tok.lemma_.lower() != "request" or tok.dep_ != "pobj" or \
                tok.head.lower_ not in ("at", "on", "upon", "after", "following"):
            return
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        askers = self.actors([c for c in kids(tok) if c.dep_ == "poss"] + prep_objects(tok, ("of", "from")))
        doers = self.actors(subject_tokens(verb))
        if askers and doers:
            self.emit("urged", askers, doers, tok, "noun:request/at", 0.7)
            if verb.lemma_.lower() in ("send", "dispatch", "deploy") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.lex.classes.get("forces", frozenset())
                    for c in kids(verb)):
                # "sent troops to A at the request of its government": help sent to the one who asked
                self.emit("aided", doers, askers, tok, "noun:request/at+forces", 0.7)

    def demand_that(self, tok) -> None:
        """ "a demand from Spain and Italy that Malta reopen its ports", "X's call for Y to
        withdraw": whoever makes the demand urges whoever is to act."""
        clauses = [c for c in kids(tok) if c.dep_ in ("acl", "relcl", "ccomp") and
                   any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))]
        if tok.dep_ == "dobj" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "that":
            # the parser may hang the clause on the verb: "repeated the demand that Minsk release A"
            clauses += [c for c in kids(tok.head) if c.dep_ == "advcl" and c.i > tok.i and
                        any(m.i == tok.i + 1 and m.dep_ == "mark" for m in kids(c))]
        doers = [w for c in clauses for w in kids(c) if w.dep_ in ("nsubj", "nsubjpass")]
        if not doers:
            return
        makers = [c for c in kids(tok) if c.dep_ == "poss"] + \
            [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("from", "by")
             for p in kids(c) if p.dep_ == "pobj"]
        subj = self.actors(makers) or self.actors(  # "Polish demands that Bonn recognise the border"
            [c for c in kids(tok) if c.dep_ == "amod" and c.i < tok.i], demonym=True)
        objs = self.actors(doers)
        if subj and objs:
            self.emit("urged", subj, self._others(objs, subj), tok, f"noun:{tok.lemma_.lower()}+that", 0.7)

    def call_answered(self, tok) -> None:
        """ "B rejected A's calls for an inquiry", "B ignored appeals from A to stand firm", "B bowed
        to American demands": a call that B answers (turns down, heeds) was made to B."""
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in YIELDING:
            verb = verb.head  # ("bowed to demands from A")
        elif tok.dep_ != "dobj" or verb.lemma_.lower() not in CALL_ANSWERS:
            return
        if verb.pos_ != "VERB" or passive(verb):
            return
        if tok.lemma_.lower() == "call" and not (tok.tag_ in ("NNS", "VBZ") or any(
                c.dep_ == "prep" and c.lower_ == "for" or c.dep_ in ("acl", "relcl") for c in kids(tok))):
            return  # ("ignored the call from A": a telephone call, perhaps)
        owner = [c for c in kids(verb) if tok.tag_ == "VBZ" and c.dep_ == "dobj" and c.right_edge.i == tok.i - 1]
        makers = self.actors([c for c in kids(tok) if c.dep_ == "poss" or
                              c.dep_ in ("amod", "compound") and c.i < tok.i] + owner +
                             prep_objects(tok, ("from", "by")), possessor=True, demonym=True)
        addressed = self.actors(subject_tokens(verb))
        if makers and addressed:
            self.emit("urged", makers, self._others(addressed, makers), tok, f"noun:{tok.lemma_.lower()}+answered", 0.65)

    def cannot_accept(self, tok) -> None:
        """ "Y could not accept the outcome of X's referendum": a refusal of what X did or claims."""
        objs = [c for c in kids(tok) if c.dep_ == "dobj"]
        # "did not accept", "would never accept", "will accept no terms set by B"
        if not any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in kids(tok)) and \
                not any(d.dep_ == "det" and d.lower_ == "no" for o in objs for d in kids(o)):
            return
        found = [(self._seated_body(w, m.actor), True) for o in objs for w in o.subtree
                 if (m := self.idx.mention_at(w.i)) is not None and
                 (m.actor.kind in STATE_KINDS or m.actor.kind == "organisation" and m.how != "demonym") and
                 not any(a.dep_ == "prep" and a.lower_ in ("on", "about", "over", "with", "for", "regarding")
                         for a in w.ancestors if o.i != a.i and o.is_ancestor(a))][:1]  # (not what it is about)
        subj = self.actors(subject_tokens(tok))
        if subj and found:
            self.emit("rejected", subj, self._others(found, subj), tok, "verb:accept+cannot", 0.7)

    def persona_non_grata(self, tok) -> None:
        """ "Ghana declared the Nigerian envoy persona non grata": an expulsion, which the parser
        seldom reads whole."""
        words = [w for w in tok.subtree]
        text = " ".join(w.lower_ for w in words)
        if "persona non grata" not in text:
            return
        envoys = self.lex.classes.get("envoy", frozenset())
        posted = [w for w in words if w.lemma_.lower() in envoys or w.lower_ in envoys]
        senders = self._envoys_states(posted)
        if not senders:  # "declared Alvarez persona non grata", the ambassador named before
            named = {m.actor.key: m.actor for w in words if (m := self.idx.mention_at(w.i)) is not None}
            senders = [(home, True) for a in named.values()
                       if a.kind == "person" and self._posted(a) and (home := self.idx.country_of(a)) is not None]
            posted = posted or senders
        hosts = self.actors(subject_tokens(tok))
        if posted and senders and hosts:
            self.emit("reducedRelationsWith", hosts, self._others(senders, hosts), tok, "verb:declare+png", 0.75)

    def _envoys_states(self, posted) -> list[tuple[Actor, bool]]:
        """The states whose envoys ``posted`` are ("the Nigerian envoy", "Iran's diplomats")."""
        return [(self.idx.country_of(a) or a, i) for a, i in self.actors(posted, possessor=True, demonym=True)]

    def sent_out(self, tok) -> None:
        """ "Ten American diplomats were ordered out of Russia", "two Iranian envoys were expelled from
        Britain", "British diplomats were told to leave Iran": the state they must leave expels the
        state whose envoys they are."""
        if not passive(tok):
            return
        envoys = self.lex.classes.get("envoy", frozenset())
        posted = [c for c in kids(tok) if c.dep_ in ("nsubjpass",) and
                  (c.lemma_.lower() in envoys or c.lower_ in envoys)]
        if not posted:
            return
        lemma = tok.lemma_.lower()
        if lemma in ("tell", "ask", "order") and not any(c.dep_ in ("prt", "prep") and c.lower_ == "out"
                                                         for c in kids(tok)):
            left = [c for c in kids(tok) if c.dep_ == "xcomp" and c.lemma_.lower() == "leave"]
            places = [d for x in left for d in kids(x) if d.dep_ == "dobj"]
        else:
            places = [p for c in kids(tok) if c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out")
                      for x in [c, *(d for d in kids(c) if d.dep_ == "prep" and d.lower_ == "of")]
                      for p in kids(x) if p.dep_ == "pobj"]
        hosts = [(a, i) for a, i in self.places(places) if a.kind in STATE_KINDS] or \
            self.actors([p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"])
        senders = self._envoys_states(posted)
        if hosts and senders:
            self.emit("reducedRelationsWith", hosts, self._others(senders, hosts), tok, f"verb:{lemma}+envoys-out", 0.75)

    def expelled_from(self, tok) -> None:
        """ "after the expulsion of a British envoy from Tehran": the state the envoy had to leave
        expels the state whose envoy it is (whoever the noun's owner, read by the noun rule)."""
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in kids(tok)):
            return  # ("Iran's expulsion of B's envoy", "the expulsion by Iran of ...": the noun rule's)
        envoys = self.lex.classes.get("envoy", frozenset())
        posted = [o for o in prep_objects(tok, ("of",)) if o.lemma_.lower() in envoys or o.lower_ in envoys]
        places = [p for n in (tok, *posted) for p in prep_objects(n, ("from",))]
        hosts = [(a, i) for a, i in self.places(places) if a.kind in STATE_KINDS]
        senders = self._envoys_states(posted)
        if posted and hosts and senders:
            self.emit("reducedRelationsWith", hosts, self._others(senders, hosts), tok,
                      f"noun:{tok.lemma_.lower()}+envoys-out", 0.7)

    def _recalled_from(self, tok, senders: list) -> list:
        """ "B broke with C. D was also calling home its ambassador": a recall that names no post is
        from the state that relations were cut with just before (in this or the two sentences before)."""
        sents = self.idx.sents_upto(tok.i, 3)
        lo = sents[0].start if sents else 0
        cut = [c for c in self.out if c.predicate == "reducedRelationsWith" and lo <= c.trigger < tok.i]
        if not cut:
            return []
        return self._others([(cut[-1].object, True)], senders)

    def called_in(self, tok) -> None:
        """ "Pakistan called in the Indian envoy", "the Indian High Commissioner in Islamabad was called in
        to receive a protest": the envoy was summoned, a protest to the envoy's state."""
        envoys = self.lex.classes.get("envoy", frozenset())
        if any(c.dep_ in ("advmod", "prt", "oprd") and c.lower_ in ("home", "back") for c in kids(tok)):
            # "called their ambassadors home from Kathmandu": a recall, relations reduced with the host
            posted = [c for c in kids(tok) if c.dep_ in ("dobj", "oprd") and (c.lemma_.lower() in envoys or c.lower_ in envoys)]
            back = [c for c in kids(tok) if c.dep_ in ("advmod", "prt", "oprd") and c.lower_ in ("home", "back")]
            hosts = [(a, i) for a, i in self.places(prep_objects(tok, ("from",)) + prep_objects(back[0], ("from",)) +
                                                    [p for d in posted for p in prep_objects(d, ("to", "in"))])
                     if a.kind in STATE_KINDS]
            senders = self.actors(subject_tokens(tok))
            if posted and senders and not hosts:
                hosts = self._recalled_from(tok, senders)
            if posted and hosts and senders:
                self.emit("reducedRelationsWith", senders, self._others(hosts, senders), tok, "verb:call-home+envoy", 0.75)
            return
        right_after = [c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in" and c.i == tok.i + 1]
        if not right_after and not any(c.dep_ == "prt" and c.lower_ == "in" for c in kids(tok)):
            return
        posted = [c for c in kids(tok) if c.dep_ in ("dobj", "nsubjpass") and
                  (c.lemma_.lower() in envoys or c.lower_ in envoys)]
        posted += [p for c in right_after for p in kids(c) if p.dep_ == "pobj" and
                   (p.lemma_.lower() in envoys or p.lower_ in envoys)]  # (the parser may read "in" as a preposition)
        if not posted:
            return
        senders = [(self.idx.country_of(a) or a, i) for a, i in self.actors(posted, possessor=True)]
        hosts = self.actors(subject_tokens(tok)) if not passive(tok) else \
            [(a, i) for a, i in self.places(prep_objects(posted[0], ("in", "to"))) if a.kind in STATE_KINDS]
        if hosts and senders:
            self.emit("criticized", hosts, self._others(senders, hosts), tok, "verb:call-in+envoy", 0.75)
        # "the envoy, A, was called in by Minister B": B received A in person
        summoners = self.actors(prep_objects(tok, ("by",)) if passive(tok) else subject_tokens(tok))
        envoy_people = [(m.actor, False) for e in posted for w in e.subtree
                        if (m := self.idx.mention_at(w.i)) is not None and m.actor.kind == "person" and w.i == m.end - 1]
        people = [(a, i) for a, i in summoners if a.kind == "person"]
        if people and envoy_people:
            self.emit("met", people, self._others(envoy_people, people), tok, "verb:call-in+envoy", 0.7)

    def drew_criticism(self, tok) -> None:
        """ "A fired missiles, drawing condemnation from B and C", "the move sparked protests from B":
        B and C criticized A."""
        if tok.lemma_.lower() not in NOUN_TRIGGERS["drew_criticism"] or \
                tok.dep_ != "dobj" or tok.head.lemma_.lower() not in ("draw", "prompt", "spark", "provoke", "trigger",
                                                                     "attract", "earn", "bring"):
            return
        verb = tok.head
        # ("drew criticism from B", where the parser may hang "from B" on the verb)
        critics = self.actors(prep_objects(tok, ("from", "by")) or prep_objects(verb, ("from",)))
        if not critics:  # "drew US criticism", "sparked Chinese protests"
            critics = self.actors([c for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                                   and c.i in self.idx.by_token], demonym=True)
        self.hostile = True  # ("the decision by A drew criticism": A's)
        targets = self.actors(subject_tokens(verb), possessor=True)
        if not targets and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            targets = self.actors(subject_tokens(verb.head))  # "A fired missiles, drawing ...": A
        self.hostile = False
        if critics and targets:
            self.emit("criticized", critics, self._others(targets, critics), tok, "noun:criticism+drawn", 0.7)

    def fought_war(self, tok) -> None:
        """ "A and B, which fought a war in 1982", "A fought a border war with B", "A and B went to war
        in 1982": an attack each way."""
        went = tok.lemma_.lower() == "go" and any(p.lower_ == "war" and not any(kids(p))
                                                   for p in prep_objects(tok, ("to",)))
        if not went and not any(c.dep_ == "dobj" and c.lemma_.lower() in ("war", "battle") for c in kids(tok)):
            return
        sides = [(a, i) for a, i in self.actors(subject_tokens(tok)) if a.kind in STATE_KINDS]
        others = [(a, i) for a, i in self.actors(prep_objects(tok, ("with", "against")) +
                                                [p for d in kids(tok) if d.dep_ == "dobj"
                                                 for p in prep_objects(d, ("with", "against"))])
                  if a.kind in STATE_KINDS]
        sides += [o for o in others if all(o[0].key != a.key for a, _ in sides)]
        if len(sides) == 2:
            (a, i), (b, j) = sides
            self.emit("attacked", [(a, i)], [(b, j)], tok, "verb:fight+war", 0.7)
            self.emit("attacked", [(b, j)], [(a, i)], tok, "verb:fight+war", 0.7)

    def flanked(self, tok) -> None:
        """ "A told a news conference, flanked by B and C", "A, flanked by B, said": A appeared beside
        B and C, so met each (not B with C)."""
        if tok.tag_ != "VBN" or tok.dep_ not in ("acl", "advcl"):
            return
        beside = self.actors([p for a in kids(tok) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj"])
        head = tok.head
        if head.pos_ == "NOUN" and head.dep_ == "dobj":
            head = head.head  # ("told a news conference, flanked by ...": the teller)
        centre = self.actors(subject_tokens(head) if head.pos_ in ("VERB", "AUX") else [head])
        if centre and beside:
            self.emit("met", centre, self._others(beside, centre), tok, "verb:flank", 0.7)

    def left_after_visit(self, tok) -> None:
        """ "A left Tokyo at the end of a five-day visit": A visited the place left."""
        ends = [p for p in prep_objects(tok, ("at",)) if p.lemma_.lower() == "end"]
        trips = [v for e in ends for v in prep_objects(e, ("of",)) if v.lemma_.lower() in TRIP_NOUNS | {"visit"}
                 and not prep_objects(v, ("to",))]
        if not trips:
            return
        places = [c for c in kids(tok) if c.dep_ == "dobj"] + prep_objects(tok, ("from",))
        hosts = [(a, i) for a, i in self.places(places) if a.kind in STATE_KINDS]
        people = [(a, i) for a, i in self.actors(subject_tokens(tok)) if a.kind == "person"]
        if hosts and people:
            self.emit("visited", people, hosts, tok, "visit:left-after", 0.7)

    def recognition_told(self, tok) -> None:
        """ "B declared independence. A recognised B. C and D also announced their recognition": the
        state or government recognised last in the sentences before."""
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("win", "gain", "receive", "obtain", "secure", "earn"):
            givers = self.actors(prep_objects(tok, ("from",)) or prep_objects(tok.head, ("from",)))
            won = self.actors(subject_tokens(tok.head))  # "B won recognition from A": A recognised B
            if givers and won:
                self.emit("recognized", givers, self._others(won, givers), tok, "noun:recognition+from", 0.7)
            return
        if tok.dep_ != "dobj" or prep_objects(tok, ("of", "to")) or tok.head.lemma_.lower() not in RECOGNITION_GIVING:
            return
        lo = self.idx.sents_upto(tok.i, 6)[0].start
        told = next((c for c in reversed(self.out) if c.predicate == "recognized" and lo <= c.trigger < tok.i), None)
        subj = self.actors(subject_tokens(tok.head))
        if told is not None and subj:
            self.emit("recognized", subj, self._others([(told.object, True)], subj), tok, "noun:recognition+told", 0.65)

    def goodwill_message(self, tok) -> None:
        """ "A sent B a message of congratulations", "A conveyed a letter of support to B": A supported B."""
        if tok.dep_ != "dobj" or tok.head.pos_ != "VERB" or \
                tok.head.lemma_.lower() not in NOUN_TRIGGERS["goodwill_sending"]:
            return
        kinds = [o for o in prep_objects(tok, ("of",))
                 if o.lemma_.lower() in NOUN_TRIGGERS["goodwill"] or o.lower_ in NOUN_TRIGGERS["goodwill"]]
        if not kinds:
            return
        verb = tok.head
        # ("a message of congratulations to B": the parser hangs "to B" on the kind of message)
        to = self.actors([c for c in kids(verb) if c.dep_ == "dative" and c.pos_ != "ADP"] +
                         prep_objects(verb, ("to",)) + prep_objects(tok, ("to",)) +
                         [p for o in kinds for p in prep_objects(o, ("to",))])
        senders = self.actors(subject_tokens(verb))
        if senders and to:
            self.emit("supported", senders, self._others(to, senders), tok, "noun:message+goodwill", 0.7)

    def broke_the_law(self, tok) -> None:
        """ "A said the invasion breached the UN Charter", "B protested that the arrest was illegal":
        saying someone's act broke a law or a pact, or was wrong, criticizes whoever did it."""
        for clause in [c for c in kids(tok) if c.dep_ == "ccomp" and not any(n.dep_ == "neg" for n in kids(c))]:
            if clause.lemma_.lower() not in BREACHING and not (clause.lemma_ == "be" and any(
                    a.dep_ in ("acomp", "attr") and (a.lower_ in NEGATIVE_EVAL or a.lemma_.lower() in NEGATIVE_EVAL)
                    for a in kids(clause))) and not any(
                    # "said B's meddling had soured ties": the wrong is named whatever it did
                    c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in NEGATIVE_EVAL and
                    any(m.dep_ in ("poss", "amod", "compound") and m.i in self.idx.by_token for m in kids(c))
                    for c in kids(clause)):
                continue
            acts = [c for c in kids(clause) if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i not in self.idx.by_token
                    and c.lemma_.lower() not in CLAIMS]  # ("said the accusations were lies": a dismissal)
            doers = [(a, True) for c in acts if (a := self.event_agent(c)) is not None] or \
                self.actors([m for c in acts for m in kids(c) if m.dep_ in ("poss", "amod", "compound")], demonym=True)
            broken = {m.actor.key for d in kids(clause) if d.dep_ == "dobj" for w in d.subtree
                      if (m := self.idx.mention_at(w.i)) is not None}  # ("breached GATT rules": not GATT's act)
            doers = [(a, i) for a, i in doers if a.key not in broken]
            speakers = self.actors(subject_tokens(tok))
            if speakers and doers:
                self.emit("criticized", speakers, self._others(doers, speakers), clause, "speech:act+breach", 0.7)

    def hit_back(self, tok) -> None:
        """ "South Korean forces returned fire", "A retaliated", "B hit back": an attack on whoever
        attacked them in the sentences just before."""
        lemma = tok.lemma_.lower()
        if lemma == "return":
            if not any(c.dep_ == "dobj" and c.lower_ == "fire" for c in kids(tok)):
                return
        elif lemma != "retaliate" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in kids(tok)):
            return
        if prep_objects(tok, ("on", "against", "at")) or any(c.dep_ == "dobj" and c.lower_ != "fire" for c in kids(tok)):
            return  # a target named: the verb's own rules read it
        sides = [(a, i) for a, i in self.actors(subject_tokens(tok)) if a.kind in STATE_KINDS]
        if not sides or not_yet_done(tok):
            return  # "would hit back": no act done yet
        lo = self.idx.sents_upto(tok.i, 3)[0].start
        for c in reversed(self.out):
            if c.predicate == "attacked" and lo <= c.trigger < tok.i and any(c.object.key == a.key for a, _ in sides):
                self.emit("attacked", sides, [(c.subject, True)], tok, "verb:hit+back", 0.7)
                return

    def clash(self, tok) -> None:
        """ "Indian and Chinese troops clashed", "Armenian forces clashed with Azerbaijani troops":
        armed forces fighting each other, an attack each way (a clash of words is no attack)."""
        forces = self.lex.classes.get("forces", frozenset())
        sides = [t for t in subject_tokens(tok) + prep_objects(tok, ("with",))
                 if t.lemma_.lower() in forces or t.lower_ in forces]
        states = []
        for t in sides:
            for m in (self.idx.mention_at(w.i) for w in t.subtree if w.i < t.i):
                if m is not None and m.actor.kind in STATE_KINDS and \
                        all(m.actor.key != a.key for a in states):
                    states.append(m.actor)
        if len(states) == 2:
            a, b = states
            self.emit("attacked", [(a, True)], [(b, True)], tok, "verb:clash/forces", 0.7)
            self.emit("attacked", [(b, True)], [(a, True)], tok, "verb:clash/forces", 0.7)

    def rejected_claim(self, tok) -> None:
        """ "A called it an occupation, a term B rejects", "a claim Lima dismissed as invented": the
        relative clause rejects whoever made the claim the clause hangs on."""
        if tok.dep_ != "relcl":
            self._claim_by_shape(tok)
            return
        if tok.head.lemma_.lower() not in CLAIMS or \
                any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") and c.lower_ != "that" for c in kids(tok)):
            return
        if tok.lemma_.lower() == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(tok)):
            return
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("appos", "npadvmod", "attr", "dobj", "conj", "pobj",
                                                                 "prep") and verb.head.i != verb.i:
            verb = verb.head
        while verb.dep_ in ("pcomp", "xcomp", "ccomp") and verb.head.i != verb.i:
            # "accused A of backing B", "said that A had given B money, a claim ...": the one who claims it
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        refusers = self.actors(subject_tokens(tok))
        makers = [(a, i) for a, i in self._others(self.actors(subject_tokens(verb)), refusers)
                  if a.kind != "person" or self.idx.country_of(a) is not None]  # (a police chief's claim: whose?)
        if refusers and makers:
            self.emit("rejected", refusers, makers, tok, "verb:reject+claim", 0.7)

    def _claim_by_shape(self, tok) -> None:
        """ "A accused B of X, charges both governments rejected": where the small parser makes no
        relative clause of the words after the comma, their order tells it: a comma, a claim noun, the
        subject of the refusal, the refusal with no object of its own."""
        if any(c.dep_ in ("dobj", "ccomp") and c.i > tok.i for c in kids(tok)) or \
                tok.lemma_.lower() == "turn" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(tok)):
            return
        subj = [c for c in kids(tok) if c.dep_ == "nsubj" and c.i < tok.i][-1:]
        if not subj:
            return
        if subj[0].lemma_.lower() in CLAIMS:  # "a charge Lima denies", with the refuser hung on the claim
            k = subj[0].i
            subj = [c for c in kids(subj[0]) if c.dep_ in ("appos", "compound") and c.i > k][:1]
        else:
            k = subj[0].left_edge.i - 1
        refusers = self.actors(subj)
        if not refusers or k < 2 or self.doc[k].lemma_.lower() not in CLAIMS:
            return
        k -= 1
        if self.doc[k].lower_ in ("a", "the", "these", "those", "such"):
            k -= 1
        if self.doc[k].text != ",":
            return
        sent = self.idx.sent_of(tok.i)
        for verb in self.doc[sent.start:k]:
            if verb.pos_ == "VERB" and (makers := self._others(self.actors(subject_tokens(verb)), refusers)):
                self.emit("rejected", refusers, makers, tok, "verb:reject+claim", 0.7)
                return

    def claims_by(self, tok) -> None:
        """ "Moscow dismissed the accusations by Kiev", "A played down claims by B that ...", "denied
        Ugandan charges": turning
        down what another claimed rejects the one who claimed it (the parser may hang "by B" on the
        verb, as if it were passive)."""
        lemma = tok.lemma_.lower()
        if lemma == "play" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(tok)) or passive(tok):
            return
        if lemma == "brush" and not any(c.dep_ in ("prt", "advmod") and c.lower_ in ("aside", "off") for c in kids(tok)):
            return  # ("brushed aside the complaints from B")
        claims = [c for c in kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() in CLAIMS | CHARGE_NOUNS]
        if not claims:
            return
        makers = self._claim_makers(claims, tok)
        refusers = self.actors(subject_tokens(tok))
        if refusers and makers:
            self.emit("rejected", refusers, self._others(makers, refusers), tok, "verb:reject+claims-by", 0.7)

    def _claim_makers(self, claims: list, tok) -> list[tuple[Actor, bool]]:
        """Who made the ``claims`` a verb ``tok`` turns down: "the charges by B", "claims from B",
        "B's accusations", "Ugandan charges"."""
        makers = self.actors(prep_objects(tok, ("by", "from")) +
                             [p for c in claims for p in prep_objects(c, ("by", "from"))] +
                             [p for c in claims for a in kids(c) if a.dep_ == "acl" and a.tag_ == "VBN"
                              for p in prep_objects(a, ("by",))])  # ("the allegations made by B")
        return makers + [m for m in self.actors([w for c in claims for w in kids(c)
                                                 if w.dep_ in ("amod", "poss", "compound") and w.i < c.i],
                                                demonym=True) if m not in makers]

    def _accuser_before(self, deniers: list, tok, acts: frozenset[str] = frozenset({"accused"})) -> list[tuple[Actor, bool]]:
        """The one who accused ``deniers`` (or did another of ``acts`` to them) last, in the
        ``ANSWER_LOOKBACK`` sentences up to ``tok``."""
        keys = self._side_keys(deniers)
        lo = self.idx.sents_upto(tok.i, ANSWER_LOOKBACK)[0].start
        for cand in reversed(self.out):
            if cand.predicate in acts and lo <= cand.trigger < tok.i and \
                    (cand.object.key in keys or getattr(self.idx.country_of(cand.object), "key", None) in keys):
                said = self.doc[cand.trigger]
                if any(c.dep_ == "neg" for c in kids(said)) or said.head.lemma_.lower() in ("avoid", "refrain", "stop"):
                    continue  # "has avoided accusing B": no charge to deny
                # ("A and B urged C to ... C rejected the demands": all who made them together)
                return [(c.subject, True) for c in self.out if c.trigger == cand.trigger and c.predicate == cand.predicate
                        and c.object.key == cand.object.key]
        return []

    def _side_keys(self, actors: list) -> set[str]:
        """The keys of ``actors`` and of the states or bodies the people among them act for."""
        return {a.key for a, _ in actors} | {h.key for a, _ in actors if (h := self.idx.country_of(a))}

    def _asked_of(self, verb, keys: set) -> bool:
        """Whether a verb of calling asks those with ``keys`` ("urged B to", "called on B to") or no one
        named ("called for talks")."""
        asked = self.actors([c for c in kids(verb) if c.dep_ == "dobj"] + prep_objects(verb, ("on", "upon", "to")))
        return not asked or any(a.key in keys or getattr(self.idx.country_of(a), "key", None) in keys for a, _ in asked)

    def denied_charge(self, tok) -> None:
        """ "A accused B of meddling. B denied the accusation": B rejects the one who accused it, the
        accusation told last against B in the few sentences before."""
        charge = [c for c in kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() in CLAIMS | CHARGE_NOUNS | ANSWERED.keys() and
                  any(d.lower_ in ("the", "these", "those", "such") for d in kids(c)) and
                  not any(d.dep_ in ("poss", "prep", "acl", "relcl") for d in kids(c))]
        if not charge and tok.lemma_.lower() == "deny":  # "B denies any involvement": the charge told before
            charge = [c for c in kids(tok) if c.dep_ == "dobj" and c.lemma_.lower() in
                      ("involvement", "role", "responsibility", "wrongdoing", "complicity")]
        if not charge:
            return
        deniers = self.actors(subject_tokens(tok))
        # "rejected the criticism", "dismissed the sanctions", "turned down the demand": the one who
        # did that to them last
        acts = ANSWERED.get(charge[0].lemma_.lower(), frozenset({"accused"}))
        accuser = []
        if deniers and charge[0].lemma_.lower() in CALLS_ANSWERED:
            # "B has called for talks. A rejected those calls": the calls told last, an object or not
            lo = self.idx.sents_upto(tok.i, ANSWER_LOOKBACK)[0].start
            keys = self._side_keys(deniers)
            said = next((self.doc[j] for j in self._told_before(CALLING_VERBS, tok.i) if j >= lo
                         and self.doc[j].pos_ == "VERB" and self._asked_of(self.doc[j], keys)), None)
            accuser = self._others(self.actors(subject_tokens(said)), deniers) if said is not None else []
        accuser = accuser or (self._accuser_before(deniers, tok, acts) if deniers else [])
        if not accuser and deniers and charge[0].lemma_.lower() in PROTEST_WORDS:
            # "A protested against the drills. B dismissed the protest": whoever protested last, as far back
            lo = self.idx.sents_upto(tok.i, ANSWER_LOOKBACK)[0].start
            said = next((self.doc[j] for j in self._told_before(PROTEST_WORDS, tok.i) if j >= lo
                         and self.doc[j].pos_ == "VERB"), None)
            accuser = self._others(self.actors(subject_tokens(said)), deniers) if said is not None else []
        if accuser:
            self.emit("rejected", deniers, accuser, tok, "verb:deny+charge", 0.7)

    def called_for(self, tok) -> None:
        """ "called for the withdrawal of Vietnamese troops", "demanded the release of X's prisoners",
        "asked for British help": asking for an act of X's is urging X."""
        lemma = tok.lemma_.lower()
        if lemma not in ("demand", "seek", "request"):  # (the others ask "for" it: "called for", "pressed for")
            wanted = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "for" for p in kids(c)
                      if p.dep_ == "pobj"]
        else:
            wanted = [c for c in kids(tok) if c.dep_ == "dobj"]
        wanted = [w for w in wanted if w.lemma_.lower() in WANTED_ACTS]
        # "called for American troops to be withdrawn": the troops' state is asked to take them out
        moved = [s for c in kids(tok) if c.dep_ == "advcl" and c.lemma_.lower() in WITHDRAWALS | {"pull", "remove"}
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c))
                 for s in kids(c) if s.dep_ == "nsubjpass" and s.lemma_.lower() in MILITARY]
        # "called for B to halt the violence": B is asked
        asked = [s for c in kids(tok) if c.dep_ == "advcl" and lemma not in ("demand", "seek", "request") and
                 any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c)) and
                 any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c))
                 for s in kids(c) if s.dep_ == "nsubj"]
        if asked and (subj := self.actors(subject_tokens(tok))):
            if objs := self._others(self.actors(asked, demonym=True), subj):
                self.emit("urged", subj, objs, tok, f"verb:{lemma}+for-to", 0.7)
        if not wanted and not moved:
            return
        owners = self.actors([c for w in wanted + moved for c in kids(w) if c.dep_ == "poss" or
                              c.dep_ == "amod" and c.i < w.i and c.i in self.idx.by_token] +  # "a Vietnamese withdrawal"
                             [p for w in wanted for p in of_chain(w, 1)], possessor=True, demonym=True)
        # "demanded an end to the attacks": whoever made them, as told before
        owners += [(a, True) for w in wanted if w.lemma_.lower() in ("end", "halt", "cessation")
                   for p in prep_objects(w, ("to",)) if p.lemma_.lower() in EVENT_NOUNS["attack"]
                   and (a := self.event_agent(p)) is not None]
        owners = [(a, i) for a, i in owners if a.kind in STATE_KINDS]
        if any(w.lemma_.lower() in ("help", "assistance", "aid") for w in wanted):
            # "asked for help from B": B is asked (not "the withdrawal of troops from B", a place)
            owners += self.actors(prep_objects(tok, ("from",)) + [p for w in wanted for p in prep_objects(w, ("from",))])
        for w in wanted:  # "demanded a ceasefire between A and B": both are asked (a state or an armed group)
            for group in between(w):
                owners += [x for x in self.group(group) if all(x[0].key != o.key for o, _ in owners)]
        subj = self.actors(subject_tokens(tok))
        owners = self._others(owners, subj)
        if subj and owners:
            self.emit("urged", subj, owners, tok, f"verb:{lemma}+act", 0.7)

    def attended(self, tok) -> None:
        """ "A and B attended a meeting in London", "a conference in London, attended by A": whoever
        came from elsewhere visited the host's state; "C opened a conference ... attended by A": the host
        met each guest."""
        by = [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
        if tok.tag_ == "VBN" and by and tok.dep_ in ("acl", "advcl"):
            # (", attended by A" may hang on the verb whose object the meeting is)
            meeting = tok.head if tok.dep_ == "acl" else \
                next((c for c in kids(tok.head) if c.dep_ == "dobj"), tok.head)
            if tok.dep_ == "advcl" and meeting.lemma_.lower() not in GATHERINGS:
                # "A announced it at a news conference in Taipei, attended by B": the gathering told last
                meeting = next((p for h in [tok.head, meeting] for c in kids(h) if c.dep_ == "prep" and
                                c.lower_ in ("at", "during") and c.i < tok.i for p in kids(c) if p.dep_ == "pobj"),
                               meeting)
            guests = self.actors(by)
        elif not passive(tok) and not by:
            meeting = next((c for c in kids(tok) if c.dep_ == "dobj"), None)
            if tok.lemma_.lower() != "attend":  # "joined the other leaders at a ceremony in Dublin": the gathering
                meeting = next((p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "at"
                                for p in kids(c) if p.dep_ == "pobj"), None)
            guests = self.actors(subject_tokens(tok))
        elif by:  # "the talks were hosted by A and attended by B", "the summit, hosted by C, was attended by B"
            said = [c for h in ([tok, tok.head] if tok.dep_ == "conj" else [tok]) for c in kids(h)
                    if c.dep_ == "nsubjpass"]
            meeting = said[0] if said else None
            guests = self.actors(by)
        else:
            return
        if meeting is None or meeting.lemma_.lower() not in GATHERINGS | {"talks", "talk", "ceremony", "funeral"}:
            return
        guests = [(a, i) for a, i in guests if a.kind == "person" and self.idx.country_of(a) is not None]
        if not guests:
            return
        places = prep_objects(meeting, ("in",)) or prep_objects(tok, ("in",))
        hosts = [a for a, _ in self.places(places) if a.kind in STATE_KINDS]
        hosting = [h for h in [tok.head] if tok.dep_ == "conj" and passive(h)] + \
            [h for h in kids(meeting) if h.dep_ == "acl" and h.tag_ == "VBN"]
        hosted_by = [a for h in hosting if h.lemma_.lower() in ("host", "chair", "organise", "organize", "open")
                     for a, _ in self.actors([p for c in kids(h) if c.dep_ == "agent"
                                              for p in kids(c) if p.dep_ == "pobj"])]
        if by and not hosted_by and tok.lemma_.lower() == "attend" and meeting.lemma_.lower() in ("meeting", "talks", "talk"):
            self._sides_attending(tok)  # (guests of a host met the host, not, as told, each other)
        if by and hosted_by:
            if not hosts:  # the host's state, where the place goes unnamed
                hosts = list({h.key: h for a in hosted_by if (h := self.idx.country_of(a)) is not None}.values())
            people = [(a, False) for a in hosted_by if a.kind == "person"]
            if people:
                self.emit("met", people, self._others(guests, people), tok, "verb:attend+host", 0.7)
        rule = "verb:attend+in"
        if not hosts and not places and self.idx.filed_from is not None and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in kids(meeting)):
            # "ASTANA - ... B attended the summit as a guest": the gathering the wire story was filed from
            hosts, rule = [self.idx.filed_from], "verb:attend+dateline"
        if len(hosts) == 1:
            visitors = [(a, i) for a, i in guests if self.idx.country_of(a).key != hosts[0].key]
            if visitors:
                self.emit("visited", visitors, [(hosts[0], True)], tok, rule, 0.7)
        if by and meeting.dep_ == "dobj" and meeting.head.lemma_.lower() in ("open", "host", "chair"):
            host = [(a, i) for a, i in self.actors(subject_tokens(meeting.head)) if a.kind == "person"]
            if host:
                self.emit("met", host, self._others(guests, host), tok, "verb:attend+host", 0.7)

    def _sides_attending(self, tok) -> None:
        """ "The meeting was attended by A and B of one state and C and D of another": each of one
        side met each of the other (the parser may hang the second pair anywhere in the list)."""
        people: list[Actor] = []
        for w in (w for c in kids(tok) if c.dep_ == "agent" for w in c.subtree):
            m = self.idx.mention_at(w.i)
            if m is not None and w.i == m.end - 1 and m.actor.kind == "person" and \
                    all(m.actor.key != p.key for p in people):
                people.append(m.actor)
        homes: dict[str, list[Actor]] = {}
        for p in people:
            home = self.idx.country_of(p)
            if home is None or home.kind not in STATE_KINDS:
                return  # (a side the text does not tell; "joined by the heads of the EU's Commission and Council")
            homes.setdefault(home.key, []).append(p)
        if len(homes) != 2:
            return
        one, other = homes.values()
        self.emit("met", [(a, False) for a in one], [(a, False) for a in other], tok, "verb:attend/sides", 0.7)

    def told_must(self, tok) -> None:
        """ "A told B that B's government must stop the raids": a demand; "... or face action":
        a threat too."""
        told = [c for c in kids(tok) if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")]
        clauses = [c for c in kids(tok) if c.dep_ == "ccomp" and c.i > tok.i]
        if told and tok.lemma_.lower() == "order" and (
                told[0].lemma_.lower() in self.lex.classes.get("envoy", frozenset()) or
                any(c.dep_ in ("xcomp", "advcl", "ccomp") and
                    c.lemma_.lower() in ("leave", "quit", "vacate", "exit", "close", "shut") for c in kids(tok))):
            # "ordered the French ambassador (B's forces) to leave", "ordered B to close its office": an
            # expulsion, read by the rules of expelling
            return
        if told and any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" and
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c)) for c in kids(tok)):
            # "told Ethiopia and Egypt to settle their dispute", "the court ordered B to lift the
            # blockade": an order, which urges
            subj = self.actors(subject_tokens(tok))
            objs = self.actors(told[:1])
            if subj and objs:
                self.emit("urged", subj, self._others(objs, subj), tok, f"verb:{tok.lemma_.lower()}+to", 0.7)
            return
        if not told or not any(a.lower_ in ("must", "should") or a.lower_ in ("have", "has", "had") and
                               a.nbor(1).lower_ == "to" for c in clauses for a in kids(c) if a.dep_ == "aux") \
                and not any(c.lemma_.lower() in ("have", "need") and
                            any(x.dep_ == "xcomp" for x in kids(c)) for c in clauses):
            return
        subj = self.actors(subject_tokens(tok))
        objs = self.actors(told[:1])
        if not subj or not objs:
            return
        self.emit("urged", subj, self._others(objs, subj), tok, "verb:tell+must", 0.7)
        words = [w.lower_ for c in clauses for w in c.subtree]
        if _or_face(words):
            self.emit("threatened", subj, self._others(objs, subj), tok, "verb:tell+or-face", 0.65)

    def said_must(self, tok) -> None:
        """ "A said B must withdraw its troops", "A insisted that B should pay": a demand made in
        public urges B (not the speaker's own side: "A said his country must act")."""
        if tok.lemma_.lower() not in ("say", "insist", "declare", "state", "stress", "warn", "demand", "ask",
                                      "request") or any(c.dep_ in ("dobj", "dative") for c in kids(tok)):
            return  # (one told is the "told" rule's)
        clauses = [c for c in kids(tok) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and (any(
            a.dep_ == "aux" and (a.lower_ in ("must", "should") or a.lower_ in ("has", "have", "had") and
                                 a.nbor(1).lower_ == "to") for a in kids(c)) or c.lemma_ == "have" and
            tok.lemma_.lower() in ("insist", "demand") and any(
            x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(x))
            for x in kids(c)))]  # ("B must go", "B has to go", where the parser makes "has" the verb)
        if tok.lemma_.lower() in ("demand", "ask", "request", "insist"):
            # "demanded that Uganda apologise": the bare verb of a demand (a singular name before a
            # plural form says the same: "insisted that Bonn pay")
            clauses += [c for c in kids(tok) if c.dep_ == "ccomp" and (c.tag_ == "VB" or c.tag_ == "VBP" and any(
                        s.dep_ == "nsubj" and s.tag_ == "NNP" for s in kids(c))) and
                        any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c)) and
                        not any(a.dep_ in ("aux", "auxpass") for a in kids(c))]
        if not clauses or any(c.dep_ == "neg" for cl in clauses for c in kids(cl)):
            return
        subj = self.actors(subject_tokens(tok))
        objs = self.actors([c for cl in clauses for c in kids(cl) if c.dep_ in ("nsubj", "nsubjpass")
                            and c.pos_ != "PRON"])
        if len(self._others(objs, subj)) < len(objs):
            return  # "A said: 'Germany and France must lead'": the speaker's own side among them, a resolve
        if subj and objs:
            self.emit("urged", subj, objs, tok, "speech:say+must", 0.65)

    def refused_to(self, tok) -> None:
        """ "A refused to back a loan for B", "refused to apologise to B": refusing to do something
        to another rejects it (refusing to sell B arms is a standing policy, no answer to B)."""
        if tok.lemma_.lower() not in REFUSING:
            return
        # (not refusing to tell, to judge or to join in a hostile act: "declined to blame B" rejects no one)
        acts = [c for c in kids(tok) if c.dep_ == "xcomp" and c.pos_ == "VERB" and
                any(a.lower_ == "to" for a in kids(c)) and
                c.lemma_.lower() not in TELLING_ACTS | EVALUATING | {"join"} and
                not any(e.predicate in ("criticized", "accused", "sanctioned", "attacked", "threatened", "rejected",
                                        "recognized", "suppliedArmsTo") for e in self.lex.verbs.get(c.lemma_.lower(), ()))]
        subj = self.actors(subject_tokens(tok)) if acts else []
        if not subj:
            return
        # whom the act is done to: its object or receiver, "to/for B" on it or on its object, the
        # one let or made to act ("let the envoy speak"); not what its object is about
        heads = acts + [o for a in acts for o in kids(a) if o.dep_ == "dobj"]
        named = [c for a in acts for c in kids(a) if c.dep_ in ("dobj", "dative")] + \
            [c for a in acts for x in kids(a) if x.dep_ == "ccomp" for c in kids(x) if c.dep_ == "nsubj"] + \
            [p for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ in ("to", "for") for p in kids(c)
             if p.dep_ == "pobj"]
        if any(a.lemma_.lower() in HANDING_OVER for a in acts):
            # "refused to extradite A, wanted in London": the one refused is the state that wants A, not A
            wanted = [p for n in named if n.dep_ == "dobj" and n.pos_ == "PROPN"
                      for c in kids(n) if c.dep_ in ("acl", "appos", "relcl")
                      for w in c.subtree if w.lemma_.lower() == "want"
                      for x in kids(w) if x.dep_ in ("prep", "agent") and x.lower_ in ("in", "by")
                      for p in kids(x) if p.dep_ == "pobj"]
            named = [n for n in named if n.dep_ == "pobj" and n.head.lower_ == "to"] + wanted
            objs = self._others([(a, i) for a, i in self.places(named) if a.kind in STATE_KINDS], subj)
        else:
            objs = self._others(self.actors(named, possessor=True, demonym=True), subj)
        if objs:
            self.emit("rejected", subj, objs, tok, "verb:refuse+act", 0.65)

    def said_would(self, tok) -> None:
        """ "A warned that its forces would respond", "vowed its army will take revenge on B", "said B
        would bear the consequences": the speaker's side pledging to strike back at B, or B told what
        it will bear, is a threat to B."""
        clauses = [c for c in kids(tok) if c.dep_ == "ccomp" and c.pos_ == "VERB" and
                   any(a.dep_ == "aux" and a.lower_ in ("would", "will", "'ll", "wo", "could") for a in kids(c))
                   and not any(a.dep_ == "neg" for a in kids(c))]
        refusals = [c for c in kids(tok) if c.dep_ == "ccomp" and c.lemma_.lower() in NOT_TOLERATING and
                    any(a.dep_ == "aux" and a.lower_ in ("would", "will", "'ll", "wo") for a in kids(c)) and
                    any(a.dep_ == "neg" or a.lower_ == "never" for a in kids(c))]
        speakers = self.actors(subject_tokens(tok)) if clauses or refusals else []
        if not speakers:
            return
        sides = self._side_keys(speakers)
        for cl in refusals:
            # "A warned that it would not tolerate B's troops at its border", "would never countenance
            # B's bases": the speaker's side drawing a line for B
            doers = self.actors([c for c in kids(cl) if c.dep_ == "nsubj"], possessor=True)
            if not doers or not all(a.key in sides or getattr(self.idx.country_of(a), "key", None) in sides
                                    for a, _ in doers):
                continue
            named = [c for c in kids(cl) if c.dep_ == "dobj"] + \
                [s for c in kids(cl) if c.dep_ in ("ccomp", "xcomp") for s in kids(c) if s.dep_ == "nsubj"]
            targets = self._others(self.actors(named, possessor=True, demonym=True), speakers + doers)
            if targets:
                self.emit("threatened", speakers, targets, tok, "speech:would-not-tolerate", 0.65)
        for cl in clauses:
            lemma = cl.lemma_.lower()
            doers = self.actors([c for c in kids(cl) if c.dep_ == "nsubj"], possessor=True)
            taken = {c.lemma_.lower() for c in kids(cl) if c.dep_ == "dobj"}
            if lemma == "resort":  # "would resort to force (to effective action) against B"
                means = {p.lemma_.lower() for c in kids(cl) if c.dep_ == "prep" and c.lower_ == "to"
                         for p in kids(c) if p.dep_ == "pobj"}
                taken = set(REPRISALS) if means & FORCEFUL else set()  # (a reprisal, as "take action" is)
            if lemma in BEARING_VERBS and taken & REPRISALS or lemma in RUEING:
                targets = self._others(doers, speakers)  # "B would bear the consequences", "B would regret it"
            elif (lemma in STRIKING_BACK or lemma in ("take", "resort") and taken & REPRISALS) and doers and (all(
                    a.key in sides or getattr(self.idx.country_of(a), "key", None) in sides for a, _ in doers) or
                    len(sides) == len(speakers) and all(a.kind in STATE_KINDS for a, _ in doers)):
                # (a speaker of no known state speaks for the state that strikes back)
                # the speaker's own side strikes back: at whom the clause or its "if" names
                named = [p for c in kids(cl) if c.dep_ in ("prep", "advcl") for p in c.subtree
                         if p.dep_ in ("pobj", "nsubj", "dobj") and p.pos_ in ("NOUN", "PROPN")]
                targets = self._others(self.actors(named, possessor=True, demonym=True), speakers)
            else:
                continue
            if targets:
                self.emit("threatened", speakers, targets, tok, "speech:would-strike-back", 0.65)

    def ultimatum(self, tok) -> None:
        """ "gave the regime until Friday to release X or face sanctions", "gave Y 48 hours to
        leave": a deadline with a penalty threatens whoever is given it; without one ("gave B until
        midnight to apologise") it urges B."""
        words = [w.lower_ for w in tok.subtree]
        envoys = [c for c in kids(tok) if c.dep_ in ("dobj", "dative") and
                  c.lemma_.lower() in self.lex.classes.get("envoy", frozenset())]
        if envoys and any(c.dep_ in ("advcl", "xcomp", "relcl", "acl") and c.lemma_.lower() == "leave"
                          for w in [tok] + envoys + [c for c in kids(tok) if c.dep_ == "dobj"] for c in kids(w)):
            # "gave the US ambassador 72 hours to leave": an expulsion
            subj = self.actors(subject_tokens(tok), possessor=True)
            states = self.actors([c for c in kids(envoys[0]) if c.dep_ in ("poss", "compound", "amod", "nmod")],
                                 demonym=True)
            if subj and states:
                self.emit("reducedRelationsWith", subj, self._others(states, subj), tok, "verb:give+envoy-leave", 0.75)
            return
        if _or_face(words):
            pred = "threatened"
        elif any(c.dep_ == "prep" and c.lower_ == "until" for c in kids(tok)) and any(
                c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c))
                for c in kids(tok)):
            pred = "urged"
        else:
            return
        given = [c for c in kids(tok) if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")]
        subj = self.actors(subject_tokens(tok), possessor=True)
        objs = self.actors(given[:1])
        if subj and objs:
            self.emit(pred, subj, self._others(objs, subj), tok, "verb:give+deadline", 0.7)

    def leaving(self, tok) -> None:
        """ "Gambia left the Commonwealth", "withdrew from the alliance": a member leaving a body
        of states reduces its relations with it (leaving a capital is only a departure)."""
        lemma = tok.lemma_.lower()
        objs = [c for c in kids(tok) if c.dep_ == "dobj"] if lemma in ("leave", "quit", "exit") else []
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in kids(tok)):
            objs = [o for o in objs if o.lower_ != "it"]  # "left it to each state to decide": no leaving
        if lemma in ("withdraw", "pull"):
            preps = [c for c in kids(tok) if c.dep_ == "prep"]
            preps += [c for p in preps if p.lower_ == "out" for c in kids(p) if c.dep_ == "prep"]
            objs += [p for c in preps if c.lower_ in ("from", "of") for p in kids(c) if p.dep_ == "pobj"]
        # "withdrew from a Commonwealth summit": a meeting missed, the membership kept
        objs = [o for o in objs if o.i in self.idx.by_token or o.lemma_.lower() not in GATHERINGS | {"talks", "talk"}]
        bodies = [(a, i) for a, i in self.actors(objs, possessor=True)
                  if a.kind == "organisation" and a.org_kind in ("intergovernmental", "alliance")]
        subj = self.actors(subject_tokens(tok))
        if bodies and subj:
            self.emit("reducedRelationsWith", subj, bodies, tok, f"verb:{lemma}+body", 0.75)

    def refusal(self, tok) -> None:
        """ "refused to receive a delegation from ECOWAS", "declined to recognise Kosovo", "A's
        refusal to recognise B": the subject (the refusal's owner) rejects those it would not deal
        with (the refused act itself is a negated event)."""
        if tok.pos_ == "NOUN":
            owners = [c for c in kids(tok) if c.dep_ == "poss"] or prep_objects(tok, ("by",))
            acts = [c for c in kids(tok) if c.dep_ == "acl" and c.pos_ == "VERB" and
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(c))]
            subj = self.actors(owners) if acts else []
            if subj:
                self._refused_acts(tok, acts, subj)
            return
        if tok.lemma_.lower() not in ("refuse", "decline", "reject"):
            return
        before = len(self.out)
        # "refused any dealings with A", "rejected talks with B": those it will not deal with
        dealt = [p for d in kids(tok) if d.dep_ == "dobj" and d.lemma_.lower() in DEALINGS
                 for p in prep_objects(d, ("with",))]
        subj = self.actors(subject_tokens(tok)) if dealt else []
        objs = self._others(self.actors(dealt), subj) if subj else []
        if objs:
            self.emit("rejected", subj, objs, tok, f"verb:{tok.lemma_.lower()}+dealings", 0.7)
        acts = [x for x in kids(tok) if x.dep_ == "xcomp"]
        if any(x.lemma_.lower() in REFUSED_ACTS for x in acts):
            self._refused_acts(tok, acts, self.actors(subject_tokens(tok)))
        if len(self.out) == before and tok.lemma_.lower() in ("refuse", "decline") and not any(
                c.dep_ == "dobj" and c.lemma_.lower() not in ASKING_NOUNS for c in kids(tok)):
            # "A asked B to free them. B refused.", "demanded an apology from B, which B refused to
            # give": the refusal answers the request made of B just before
            subj = self.actors(subject_tokens(tok))
            keys = {a.key for a, _ in subj}
            sents = self.idx.sents_upto(tok.i, 3)
            lo = sents[0].start if sents else 0
            doing = {x.lemma_.lower() for x in kids(tok) if x.dep_ == "xcomp"}
            askers = [(c.subject, False) for c in self.out
                      if c.predicate == "urged" and c.object.key in keys and lo <= c.trigger < tok.i and (
                          not doing or doing <= ANSWERING | {x.lemma_.lower() for x in self.doc[c.trigger].subtree
                                                             if x.pos_ == "VERB"})]
            # (refusing to do what was asked, or to comply: "refused to sign the treaty" after a
            # request for something else answers no one)
            if subj and askers:
                self.emit("rejected", subj, askers, tok, f"verb:{tok.lemma_.lower()}/after-request", 0.6)

    def _refused_acts(self, tok, acts, subj) -> None:
        """Those ``subj`` rejects by refusing ``acts`` (verbs of what one refuses to do with another)."""
        for x in acts:
            if x.lemma_.lower() not in REFUSED_ACTS:
                continue
            targets = [c for c in kids(x) if c.dep_ in ("dobj", "dative")]
            if x.lemma_.lower() in ("let", "allow"):  # "refused to let him meet Suu Kyi"
                targets += [w for c in kids(x) if c.dep_ in ("ccomp", "xcomp")
                            for w in kids(c) if w.dep_ == "nsubj"]
            targets += prep_objects(x, ("to", "from", "with"))
            for d in [c for c in kids(x) if c.dep_ == "dobj"] if x.lemma_.lower() != "join" else []:
                targets += prep_objects(d, ("from", "of", "for"))  # ("to back membership for X": X)
            if x.lemma_.lower() in ("hand", "extradite", "surrender", "return"):
                targets = prep_objects(x, ("to",))  # "refused to extradite A to B": B, not A
            if x.lemma_.lower() == "join":  # "refused to join NATO", not "refused to join protests against X"
                targets = [t for t in targets if t.i in self.idx.by_token or t.lemma_.lower() in COALITION_NOUNS]
            objs = self.actors([self._holder(t) for t in targets], possessor=True)
            if subj and objs:
                self.emit("rejected", subj, objs, tok, f"{'noun' if tok.pos_ == 'NOUN' else 'verb'}:"
                                                       f"{tok.lemma_.lower()}+{x.lemma_.lower()}", 0.7)

    def _holder(self, tok):
        """ "Maduro's second term", "Guaido's presidency": the person who holds the office, not
        their state; other words stay as they are."""
        if tok.lemma_.lower() in HELD_OFFICES or tok.lemma_.lower() == "hand":
            for c in kids(tok):
                a = self.idx.resolve(c) if c.dep_ == "poss" else None  # ("his government": his)
                if a is not None and a.kind == "person":
                    return c
        return tok

    def blame(self, tok) -> None:
        """ "Zhao said Washington, London and Canberra were damaging regional peace": a speaker who
        says others do harm criticizes them."""
        if tok.lemma_.lower() not in BLAMING_SPEECH:
            return
        # (only clauses that can tell harm or blame: the speaker is looked for when one does)
        clauses = [c for c in kids(tok) if c.dep_ == "ccomp" and (c.lemma_.lower() in BLAMING_CLAUSES or any(
            a.dep_ in ("acomp", "xcomp") and a.lemma_.lower() in HARM_VERBS for a in kids(c)))]
        if not clauses:
            return
        speaker = self.actors(subject_tokens(tok))
        for c in clauses:
            harm = c if c.lemma_.lower() in HARM_VERBS else next(
                (a for a in kids(c) if a.dep_ in ("acomp", "xcomp") and a.lemma_.lower() in HARM_VERBS), None)
            if harm is None or any(n.dep_ == "neg" for n in list(kids(c)) + list(kids(harm))):
                continue
            targets = self.actors([w for w in kids(c) if w.dep_ == "nsubj"])
            if speaker and targets:
                self.emit("criticized", speaker, targets, c, f"speech:{harm.lemma_.lower()}", 0.6)
        for c in clauses:  # "said X was behind the attack": an accusation
            if c.lemma_ == "be" and not any(n.dep_ == "neg" for n in kids(c)) and any(
                    p.dep_ == "prep" and p.lower_ == "behind" and any(
                        o.dep_ == "pobj" and o.lemma_.lower() in CULPRIT_ACTS for o in kids(p)) for p in kids(c)):
                targets = self.actors([w for w in kids(c) if w.dep_ == "nsubj"])
                if speaker and targets:
                    self.emit("accused", speaker, self._others(targets, speaker), c, "speech:behind", 0.65)
            # "said X was responsible for the attack"
            if c.lemma_ == "be" and not any(n.dep_ == "neg" for n in kids(c)) and any(
                    a.dep_ == "acomp" and a.lower_ in ("responsible", "to blame") and any(
                        p.dep_ == "prep" and p.lower_ == "for" and any(
                            o.dep_ == "pobj" and o.lemma_.lower() in CULPRIT_ACTS for o in kids(p))
                        for p in kids(a)) for a in kids(c)):
                targets = self.actors([w for w in kids(c) if w.dep_ == "nsubj"])
                if speaker and targets:
                    self.emit("accused", speaker, self._others(targets, speaker), c, "speech:responsible", 0.65)

            # "said X bore responsibility for the crisis", "said the blame lay with X": an accusation
            if not any(n.dep_ == "neg" for n in kids(c)):
                blamed = []
                if c.lemma_.lower() in BEARING_BLAME and any(
                        o.dep_ == "dobj" and o.lemma_.lower() in ("responsibility", "blame") and
                        not any(d.lower_ == "no" for d in kids(o)) for o in kids(c)):
                    blamed = [w for w in kids(c) if w.dep_ == "nsubj"]
                elif c.lemma_.lower() in BLAME_LYING and any(
                        o.dep_ == "nsubj" and o.lemma_.lower() in ("responsibility", "blame") for o in kids(c)):
                    blamed = [p for a in [c, *(a for a in kids(c) if a.dep_ == "advmod")]
                              for p in prep_objects(a, ("with", "on"))]
                targets = self.actors(blamed, possessor=True)
                if speaker and targets:
                    self.emit("accused", speaker, self._others(targets, speaker), c, "speech:responsibility", 0.65)

    def barred_entry(self, tok) -> None:
        """ "Eight US officials were barred from entering Russia", "A is banned from travelling to the
        European Union": the state or union that keeps them out sanctions them (or their state)."""
        if not passive(tok) or any(c.dep_ == "neg" for c in kids(tok)):
            return
        going = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "from" for p in kids(c)
                 if p.dep_ == "pcomp" and p.lemma_.lower() in ("enter", "travel", "visit", "come", "go")]
        places = [d for g in going for d in kids(g) if d.dep_ == "dobj"] + \
            [p for g in going for p in prep_objects(g, ("to", "into"))]
        barred_toks = [c for c in kids(tok) if c.dep_ == "nsubjpass"]
        # (no one keeps out their own: "US officials were barred from entering the country" is not the US)
        own = {k for a, _ in self.actors(barred_toks, demonym=True)
               for k in (a.key, getattr(self.idx.country_of(a), "key", None))}
        keepers = self.actors(prep_objects(tok, ("by",))) or \
            [(a, i) for a, i in self.places(places) + self.actors(places)
             if (a.kind in STATE_KINDS or a.org_kind == "intergovernmental") and a.key not in own]
        if not keepers and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS:
            # "the minister said B's officials had been barred from entering the country": the speaker's state
            keepers = [(h, i) for a, i in self.actors(subject_tokens(tok.head))
                       if (h := self.idx.country_of(a)) is not None
                       and h.kind in STATE_KINDS and h.key not in own]
        barred = self._others(self.actors(barred_toks, demonym=True), keepers)
        if keepers and barred:
            self.emit("sanctioned", keepers, barred, tok, f"verb:{tok.lemma_.lower()}+entry", 0.7)

    def blacklisted(self, tok) -> None:
        """ "A put B on its list of state sponsors of terrorism", "A added B's firms to its
        sanctions list": a penalty list is a sanction."""
        if any(c.dep_ == "neg" for c in kids(tok)):
            return
        lists = [p for p in prep_objects(tok, ("on", "onto", "to")) if p.lemma_.lower() in ("list", "blacklist")]
        if not any(p.lemma_.lower() == "blacklist" or
                   word_set(w for w in p.subtree if w.i != p.i) & PENALTY_LIST_WORDS for p in lists):
            return
        subj = self.actors(subject_tokens(tok))
        objs = self._others(self.actors([c for c in kids(tok) if c.dep_ in ("dobj", "nsubjpass")],
                                        possessor=True, demonym=True), subj)
        if subj and objs:
            self.emit("sanctioned", subj, objs, tok, f"verb:{tok.lemma_.lower()}+list", 0.75)

    def held_responsible(self, tok) -> None:
        """ "Seoul held Pyongyang responsible for the sinking": an accusation."""
        near = list(kids(tok)) + [g for c in kids(tok) for g in kids(c)]
        if not any(w.lower_ in ("responsible", "accountable") for w in near):
            return
        held = [c for c in kids(tok) if c.dep_ == "dobj"] or \
            [w for c in kids(tok) if c.dep_ in ("ccomp", "oprd", "xcomp") for w in kids(c) if w.dep_ == "nsubj"]
        accusers = self.actors(subject_tokens(tok))
        targets = self._others(self.actors(held, possessor=True), accusers)
        if accusers and targets:
            self.emit("accused", accusers, targets, tok, "verb:hold+responsible", 0.75)

    # -- nouns ------------------------------------------------------------------------------------
    @staticmethod
    def _light_relatives(tok) -> list:
        """The relative clauses of a light verb that tell the act a noun names, with no object of
        their own: "drills that A and B began", "the embargo the United States has maintained"."""
        return [r for r in kids(tok) if r.dep_ == "relcl" and r.i > tok.i and r.lemma_.lower() in LIGHT_VERBS and
                not any(d.dep_ in ("dobj", "nsubjpass") and d.tag_ not in ("WDT", "WP") for d in kids(r))]

    def noun_subjects(self, tok) -> tuple[list, str, float]:
        # (not a time: "last week's shelling by A": A's; a gathering keeps its own reading)
        poss = [c for c in kids(tok) if c.dep_ == "poss" and (
            c.ent_type_ not in ("DATE", "TIME") or tok.lemma_.lower() in MEETINGS)]
        if not poss and tok.dep_ == "conj" and tok.head.dep_ == "dobj":
            poss = [c for c in kids(tok.head) if c.dep_ == "poss"]  # "offered Britain's sympathy and support"
        if poss:
            owners = self.actors(poss)
            verb = object_verb(tok)
            if owners and tok.dep_ in ("dobj", "conj") and verb.pos_ == "VERB" and verb.lemma_.lower() in LIGHT_VERBS:
                # "A offered Britain's support": A, who speaks for Britain, gives it
                doers = [(a, i) for a, i in self.actors(subject_tokens(verb)) if a.kind == "person" and
                         (h := self.idx.country_of(a)) is not None and any(h.key == o.key for o, _ in owners)]
                if doers:
                    return doers, "poss", 0.85
            return owners, "poss", 0.85
        # "the invasion of Kuwait by Iraq", "the sanctions adopted by Switzerland"
        by = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "by" for p in kids(c) if p.dep_ == "pobj"]
        by += [p for a in kids(tok) if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() not in GO_BETWEENS
               for c in kids(a) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
        # "the invasion of B, in which A took part": A, one of those who did it
        by += [p for r in kids(tok) if r.dep_ == "relcl" and not any(c.dep_ == "neg" for c in kids(r)) and (
                   r.lemma_.lower() == "participate" or r.lemma_.lower() == "take" and
                   any(d.dep_ == "dobj" and d.lower_ == "part" for d in kids(r))) and
               any(c.dep_ == "prep" and c.lower_ == "in" and any(w.lower_ == "which" for w in kids(c)) for c in kids(r))
               for p in kids(r) if p.dep_ == "nsubj"]
        if not by:  # "the expulsion of two diplomats by X", "a visit to Paris by X": the parser hangs
            # "by X" on what comes before it
            by = [p for of in kids(tok) if of.dep_ == "prep" and of.lower_ in ("of", "to")
                  for o in kids(of) if o.dep_ == "pobj" and (o.pos_ == "NOUN" or of.lower_ == "to")
                  for c in kids(o) if c.dep_ == "prep" and c.lower_ == "by" for p in kids(c) if p.dep_ == "pobj"]
        if not by and tok.dep_ == "dobj" and not passive(tok.head) and \
                tok.head.lemma_.lower() not in VERB_TRIGGERS["joining"]:  # (one joins an act as its doer)
            # "follows a visit to B two years ago by A": the parser takes "by A" for the agent of the
            # active verb, past the date
            by = [p for c in kids(tok.head) if c.dep_ in ("agent", "prep") and c.lower_ == "by" and c.i > tok.i
                  for p in kids(c) if p.dep_ == "pobj"]
        if by and all(any(d.lower_ in ("a", "an") for d in kids(p)) for p in by):
            return [], "", 0.0  # "the first visit by a Korean leader in 12 years": nobody in particular
        if by:
            found = self.actors(by, demonym=True)
            if found:
                return found, "by", 0.8
        if tok.lemma_.lower() in TRIP_NOUNS | COMING_NOUNS:
            # "the visit of Chinese Premier A to India", "the arrival in Lima of A": the one who came
            # (the parser may hang "of A" on the place: "the visit to India of A")
            of = prep_objects(tok, ("of",)) or [p for o in prep_objects(tok, ("to", "in")) for p in prep_objects(o, ("of",))]
            found = [(a, i) for a, i in self.actors(of) if a.kind == "person"]
            if found:
                return found, "of", 0.8
            # "a three-day visit to Italy, during which A held talks with B": the one the clause is about
            during = [rc for rc in kids(tok) if rc.dep_ == "relcl" and any(
                c.dep_ == "prep" and c.lower_ in ("during", "on", "in") and any(w.lower_ == "which" for w in kids(c))
                for c in kids(rc))]
            found = [(a, i) for rc in during for a, i in self.actors(
                [c for c in kids(rc) if c.dep_ in ("nsubj", "nsubjpass")]) if a.kind == "person"]
            if found:
                return found, "during-which", 0.75
        mods = [c for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and not (
            tok.lemma_.lower() in PLACED_HEADS and (m := self.idx.mention_at(c.i)) is not None and m.how == "metonym")]
        # ("the Doha talks with B": held in Doha, not by Qatar)
        # "the US-led invasion": the state that led it
        mods += [a for c in mods if c.lemma_.lower() == "lead" and c.tag_ == "VBN"
                 for a in kids(c) if a.dep_ in ("npadvmod", "compound", "nmod") and a.i < c.i]
        mod_actors = self.actors(mods, demonym=True)
        if not mod_actors:  # "Russian weapons shipments": the parser hangs the state on the goods
            goods = [c for c in mods if c.dep_ == "compound" and
                     (c.lemma_.lower() in self.goods or c.lower_ in self.goods)]
            # "the supply of US weapons to B": the goods after "of"
            goods += [o for o in of_chain(tok, 1) if (o.lemma_.lower() in self.goods or o.lower_ in self.goods)
                      and o.ent_type_ != "MONEY"]  # (not "a loan of 1.5 billion US dollars": a currency)
            mod_actors = self.actors([a for c in goods for a in kids(c) if a.dep_ in ("amod", "compound") and a.i < c.i],
                                     demonym=True)
        if mod_actors:
            # "A took part in the US-led invasion of B": those who join in act too
            joiner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "in" else None
            if joiner is not None and joiner.lower_ == "part" and joiner.dep_ == "dobj":
                joiner = joiner.head
            sent_to = joiner is not None and joiner.tag_ == "VB" and joiner.dep_ in ("advcl", "xcomp") and \
                joiner.head.lemma_.lower() in ("send", "deploy", "dispatch", "commit") and joiner.head.tag_ == "VBD"
            if joiner is not None and joiner.pos_ == "VERB" and joiner.lemma_.lower() in JOINING_IN \
                    and (joiner.tag_ in ("VBD", "VBN") or sent_to) and not any(c.dep_ == "neg" for c in kids(joiner)) \
                    and not undone(joiner):  # (told as done, or troops sent to do it: not "refused to take part in")
                mod_actors = mod_actors + [a for a in self.actors(subject_tokens(joiner))
                                           if all(a[0].key != b.key for b, _ in mod_actors)]
            return mod_actors, "modifier", 0.8
        for rel in self._light_relatives(tok):
            found = self.actors([c for c in kids(rel) if c.dep_ == "nsubj"])
            if found:
                return found, "light:" + rel.lemma_.lower(), 0.8
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for") and tok.head.head.lemma_.lower() in ACCUSING and \
                not any(c.dep_ == "neg" for c in kids(tok.head.head)):
            # "blamed Iran for the attacks on a Kuwaiti tanker", "accused B of raids on C": the accused did
            # it (but "did not blame B for the killing" says B did not)
            found = self.actors([c for c in kids(tok.head.head) if c.dep_ == "dobj"], demonym=True)
            if found:
                return found, "accused", 0.75
        # governed by a light verb: "held talks with", "paid a visit to", "imposed sanctions on"
        head = tok.head
        carrier = tok
        while carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and carrier.head.head.pos_ == "NOUN":
            carrier = carrier.head.head  # "hours of talks", "a round of negotiations"
        if carrier.i != tok.i:
            head = carrier.head
        if carrier.dep_ == "nsubjpass":
            # "the deal was brokered by Qatar and signed by A and B": the signers are its parties
            head = next((c for c in kids(head) if c.dep_ == "conj" and c.tag_ == "VBN" and
                         c.lemma_.lower() in SIGNING_VERBS and
                         any(a.dep_ == "agent" for a in kids(c))), head)
        if carrier.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in LIGHT_VERBS or
                                                       head.lemma_.lower() in TIES_VERBS and tok.lemma_.lower() in TIES_NOUNS or
                                                       head.lemma_.lower() in ("end", "finish", "wrap", "complete", "conclude",
                                                                               "cut", "interrupt") and
                                                       (tok.lemma_.lower() in self.lex.classes.get("talks", frozenset()) or
                                                        tok.lemma_.lower() in ("visit", "trip", "tour"))):
            return self.actors(subject_tokens(head)), f"light:{head.lemma_.lower()}", 0.85
        if carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and carrier.head.head.lower_ == "ahead" and \
                carrier.head.head.head.pos_ in ("VERB", "AUX"):
            # "ahead of talks with B, A said": the talks are A's, still to come
            return self.actors(subject_tokens(carrier.head.head.head)), "frame", 0.6
        if carrier.dep_ == "pobj" and carrier.head.lower_ in ("to", "toward", "towards"):
            # "pledged $5m to the relief effort in B", "gave troops to the mission in B": the giver's
            giver = carrier.head.head
            if giver.pos_ == "NOUN" and giver.dep_ == "dobj":
                giver = giver.head
            if giver.pos_ == "VERB" and any(e.predicate == "aided" and "to" in e.objects
                                            for e in self.lex.verbs.get(giver.lemma_.lower(), [])):
                return self.actors(subject_tokens(giver)), f"light:{giver.lemma_.lower()}", 0.75
        # "at a meeting with X, Y said", "spent two days in talks with X", "went into hours of talks":
        # the subject of the verb the phrase hangs on
        if carrier.dep_ in ("dobj", "pobj") and head.lower_ == "following" and head.dep_ in ("prep", "advcl", "acl"):
            # "announced the deal following talks in Oslo": the parser reads "following" as a verb (of
            # the clause, or of its object: "issued a statement following talks")
            verb = head.head
            if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                return self.actors(subject_tokens(verb)), "frame", 0.6
        if carrier.dep_ == "pobj" and carrier.head.lower_ == "from" and tok.lemma_.lower() in TRIP_NOUNS:
            # "returned from a visit to B", "A, back from a trip to B,": the one who came back went there
            back = carrier.head.head
            if back.pos_ == "VERB" and back.lemma_.lower() in ("return", "come", "fly", "get", "arrive") and (
                    back.lemma_.lower() == "return" or any(c.lower_ in ("back", "home") for c in kids(back))):
                return self.actors(subject_tokens(back)), "frame", 0.6
            if back.lower_ == "back" and back.head.pos_ in ("PROPN", "NOUN", "VERB"):  # (or "came back from")
                return self.actors(subject_tokens(back.head) if back.head.pos_ == "VERB" else [back.head]), "frame", 0.6
        if carrier.dep_ == "pobj" and carrier.head.dep_ == "prep" and (carrier.head.lower_ in (
                "at", "during", "after", "before", "on", "in", "into", "for", "over", "following") or
                carrier.head.lower_ == "with" and carrier.head.head.lemma_.lower() in ("answer", "respond", "reply")
                or carrier.head.lower_ == "with" and carrier.head.head.lemma_.lower() in TRIP_BOUNDS and
                (tok.lemma_.lower() in self.lex.classes.get("talks", frozenset()) | TRIP_NOUNS | {"stop", "stopover"} or
                 tok.lemma_.lower() in APPEALS - {"call"})):  # (a "call" may be a phone call or an appeal)
            # ("opened his tour with a meeting with B", "ended the day with talks with B")
            head = carrier.head
            verb = head.head
            if head.lower_ == "at" and head.i > 1:
                k = head.i - 1
                while k > 1 and self.doc[k].lower_ in ("then", "still", "now", "already"):
                    k -= 1
                named = self.idx.mention_at(k - 1) if self.doc[k].text == "," else None
                if named is not None and named.actor.kind != "person":
                    # "in support of B, then at war with C": set off after a name, the phrase tells of that name
                    return self.actors([self.doc[k - 1]]), "frame", 0.6
            for _ in range(2):  # "announced it after talks with B during a visit to C": the announcer's
                if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.dep_ == "prep" and \
                        verb.head.lower_ in ("after", "during", "at", "following", "before"):
                    verb = verb.head.head
            if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "npadvmod") and verb.head.pos_ == "VERB" or \
                    verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head  # ("urged B to be patient during talks": the parser hangs them on "patient")
            elif verb.pos_ == "PROPN" and verb.dep_ == "nsubj" and verb.head.pos_ == "VERB" and verb.i in self.idx.by_token:
                verb = verb.head  # "A and B, after talks in Rome, said": the parser hangs the phrase on A
            elif verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "nsubj" and verb.head.pos_ in ("VERB", "AUX") and \
                    head.lower_ == "on" and any(p.dep_ == "punct" for p in kids(verb) if p.i == head.i - 1):
                verb = verb.head  # "A's prime minister, on a visit to B, said": the phrase set off by commas
            if head.lower_ == "on" and tok.lemma_.lower() in self.lex.classes.get("talks", frozenset()) and \
                    tok.lemma_.lower() not in TRIP_NOUNS | COMING_NOUNS:
                return [], "", 0.0  # "worked closely with A on talks with B": the talks are the topic
            if head.lower_ == "over" and tok.lemma_.lower() not in ("dinner", "lunch", "breakfast", "talk", "talks", "meal"):
                # "protested to B over the arms sale to C", "a row over the visit": what it is about,
                # not the doer's own act (but "met over dinner")
                return [], "", 0.0
            if head.lower_ == "for" and (head.head.pos_ == "NOUN" or verb.lemma_.lower() not in GOING_FOR):
                # "resisted pressure for sanctions on B", "pressed for an embargo": asked for, not done
                # ("flew to Oslo for talks", "met in Geneva for talks": the talks are the doer's)
                return [], "", 0.0
            if verb.dep_ == "xcomp" and head.lower_ in ("during", "at") and verb.head.pos_ == "VERB" and \
                    any(c.dep_ == "dobj" for c in kids(verb.head)):
                verb = verb.head  # "A urged B to act during talks with C": where A did the urging
            if verb.pos_ in ("VERB", "AUX"):
                if passive(verb) and tok.lemma_.lower() in ("visit", "trip", "tour", "stay"):
                    # "A was received by B during a visit to C": A is the visitor
                    return self.actors([c for c in kids(verb) if c.dep_ == "nsubjpass"]), "frame", 0.6
                return self.actors(subject_tokens(verb)), "frame", 0.6
        return [], "", 0.0

    def _complained_of(self, obj_toks: list, heads: list) -> list:
        """ "filed a complaint with the WTO against B('s curbs)": B is the one complained of, and the
        body it is lodged with only hears it."""
        if not any(o.head.lower_ == "with" for o in obj_toks):
            return obj_toks
        against = [p for h in (*heads, *obj_toks) for c in kids(h)
                   if c.dep_ == "prep" and c.lower_ == "against" for p in kids(c) if p.dep_ == "pobj"]
        if not self.actors(against, possessor=True):
            return obj_toks
        return [o for o in obj_toks if o.head.lower_ != "with"] + [p for p in against if p not in obj_toks]

    def noun(self, tok) -> None:
        entries = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        if not entries:
            return
        # the noun's own modifiers and "of" phrase ("phone talks", "delivery of tanks"), not its clauses
        words = word_set([c for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod", "nummod")])
        words |= word_set(w for of in of_chain(tok, 1) for w in of.subtree)
        specific = [e for e in entries if e.needs and self.needs_ok(e, words)]
        for entry in specific or [e for e in entries if not e.needs]:
            banned = None
            if entry.predicate == "urged" and words & self.lex.classes.get("call", frozenset()) - {"call"}:
                continue  # "held a phone call on Ukraine": a call about B, no appeal to B
            if entry.predicate == "recognized" and (undone(tok) or tok.dep_ == "dobj" and tok.head.lemma_.lower() in
                                                    ("end", "drop", "switch", "shift", "move", "transfer", "lose")):
                continue  # "ending its recognition of Taiwan", "withdrew its recognition": none given
            if entry.predicate in ("aided", "suppliedArmsTo") and tok.dep_ in ("dobj", "nsubjpass") and \
                    tok.head.lemma_.lower() in WITHHOLDING:
                continue  # "barred military aid to B", "blocked arms deliveries to B": none given
            if entry.predicate == "suppliedArmsTo" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and \
                    tok.head.head.lemma_.lower() in ("ban", "embargo", "moratorium"):
                # "imposed an embargo on arms sales to B": a sanction on B, no arms
                entry = LexEntry("sanctioned", "noun", entry.lemma, entry.objects, None)
                banned = tok.head.head
            if entry.predicate in ("signedAgreementWith", "cooperatedWith") and undone(tok):
                if entry.predicate != "cooperatedWith" or tok.head.head.pos_ != "NOUN":
                    continue  # "scrapped its accord with X", "halted exercises with X": the verb tells what happened to it
                # "ordered the suspension of military cooperation with X": cooperation cut
                entry = LexEntry("reducedRelationsWith", "noun", entry.lemma, entry.objects, None)
            rule = f"noun:{entry.lemma}"
            if entry.predicate == "urged" and tok.lemma_.lower() == "call" and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() == "pay":
                # "paid a (courtesy) call on B": a visit in person, not an appeal
                entry = LexEntry("met", "noun", entry.lemma, ("on",), None)
                rule = "noun:call+pay"
            if entry.predicate == "signedAgreementWith" and _asked_for(tok):
                continue  # "demanded a ceasefire between A and B": asked for, not agreed
            if entry.predicate == "signedAgreementWith" and tok.dep_ == "pobj" and \
                    tok.head.lower_ in ("on", "over", "about", "for", "toward", "towards") and (
                        tok.head.head.lemma_.lower() in self.lex.classes.get("talks", frozenset()) or
                        tok.head.head.lemma_.lower() in ("negotiation", "negotiate", "bargaining")):
                # "talks on a free trade agreement between A and B": bargained for, not signed
                entry = LexEntry("negotiatedWith", "noun", entry.lemma, entry.objects, None)
                rule = f"noun:{entry.lemma}+talks-on"
            if entry.predicate == "met" and tok.lemma_.lower() in ("talk", "talks") and self.bargaining(tok) and \
                    not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "have")):
                # ("held talks with B on trade": a meeting, whatever its topic; "held rounds of talks"
                # and "opened trade talks with B" are a negotiation)
                entry = LexEntry("negotiatedWith", "noun", entry.lemma, entry.objects, None)
                rule = f"noun:{entry.lemma}+deal"
            if "between" in entry.objects:
                # "talks between A and B", "talks were going on between A and B"
                groups = between(tok) + (between(tok.head) if tok.dep_ in ("nsubj", "nsubjpass") else [])
                # "talks held in Paris last week between A and B": on the participle
                groups += [g for a in kids(tok) if a.dep_ == "acl" and a.tag_ == "VBN" for g in between(a)]
                for group in groups:
                    if tok.dep_ == "dobj" and any(w.dep_ == "poss" and w.lower_ == "their" for g in group
                                                  for w in kids(g)) and \
                            len(doers := self.actors(subject_tokens(tok.head))) > 1 and \
                            all(a.kind == "person" for a, _ in doers):
                        continue  # "A and B signed a treaty between their two countries": the signers' (verb rule)
                    sides = self.sides(group, tok)
                    if len(sides) == 2 and max(len(x) for x in sides) > 1:
                        # "between Turkish negotiators and envoys from the two Nordic states":
                        # each of one side with each of the other
                        self.emit(entry.predicate, sides[0], sides[1], tok, rule + "/between", 0.8)
                        continue
                    pair = self.group(group)
                    pred = entry.predicate
                    if pred == "negotiatedWith" and len(pair) == 2 and all(self.idx.is_leader(a) for a, _ in pair):
                        pred = "met"  # "the deal came after talks between President A and King B": leaders meet
                    for i, a in enumerate(pair):
                        self.emit(pred, [a], pair[i + 1:], tok, rule + "/between", 0.85)
                if not groups and entry.predicate in ("met", "negotiatedWith", "phoned"):
                    # "a meeting of the foreign ministers of both countries"
                    members = [a for of in of_chain(tok, 2) for a, _ in self.actors([of])]
                    members = [a for i, a in enumerate(members) if all(a.key != b.key for b in members[:i])]
                    if len(members) > 1 and all(a.kind in ("country", "former_state", "organisation") for a in members):
                        for i, a in enumerate(members):
                            self.emit(entry.predicate, [(a, True)], [(b, True) for b in members[i + 1:]], tok,
                                      rule + "/of", 0.75)
            slots = tuple(s for s in entry.objects if s != "between")
            if entry.predicate == "supported" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
                    not any(c.dep_ in ("poss", "amod", "compound") for c in kids(tok)) and \
                    not any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids(tok.head.head)) and \
                    not any(c.dep_ == "poss" for o in prep_objects(tok, ("of",)) for c in kids(o)):
                # "spoke in support of B" (where "the support of B" would be B's; "in support of its
                # budget" backs a cause, not B)
                slots += ("of",)
            obj_toks = [o for o in prep_objects(tok, slots) if not named_aside(o)] if slots else []
            if entry.predicate == "sanctioned":
                obj_toks += goods_bound(obj_toks)
                if banned is not None and not obj_toks and banned.dep_ == "dobj":
                    obj_toks = prep_objects(banned.head, ("to",))  # (the parser may hang "to B" on the verb)
            if entry.predicate in ("supported", "aided") and not obj_toks and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() in GIVING_VERBS:
                # "gave B his backing", "offered B its support": the one given it
                obj_toks = [c for c in kids(tok.head) if c.dep_ == "dative"]
            if entry.predicate == "visited" and not (obj_toks and self.places(obj_toks)):
                obj_toks = obj_toks + trip_places(tok)  # ("began a tour of Asia in X": X)
                if not obj_toks and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "amid") and \
                        prep_objects(tok, ("by",)):
                    # "a bomb exploded in Rangoon during a visit by A": the city the clause is in
                    obj_toks = self._seat_spots(prep_objects(tok.head.head, ("in",)))
            if entry.predicate == "criticized":
                obj_toks = self._complained_of(obj_toks, [tok])
            if slots and not obj_toks:  # "the condemnation by X of Y": the parser hangs "of Y" on X
                obj_toks = [o for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "by"
                            for p in kids(c) if p.dep_ == "pobj" for o in prep_objects(p, slots)]
            if slots and not obj_toks:
                for a in kids(tok):
                    if a.dep_ == "acl" and a.tag_ == "VBN":
                        # ("sanctions imposed by A on B": the parser may hang "on B" on A)
                        obj_toks += prep_objects(a, slots) or [o for p in prep_objects(a, ("by",))
                                                                for o in prep_objects(p, slots)]
            objs = self.places(obj_toks) if entry.predicate == "visited" else \
                self.actors(obj_toks, possessor=entry.predicate in COMMUNICATIVE)
            if slots and not objs and entry.predicate in ("aided", "suppliedArmsTo"):
                # "A's aid went to B", "most of A's aid to the region has gone to B": where the help went
                holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
                if holder.dep_ == "nsubj" and holder.head.lemma_.lower() in ("go", "flow"):
                    objs = self.actors([o for o in prep_objects(holder.head, ("to",)) if not named_aside(o)])
            if entry.predicate == "attacked" and not objs and obj_toks:
                # "the raid on Livingstone", "air strikes on the town of B": the state the place is in
                objs = [(a, True) for a, _ in self.places(obj_toks + [p for o in obj_toks for p in prep_objects(
                    o, ("of", "in", "inside", "near"))]) if a.kind in STATE_KINDS]
            if entry.predicate == "sanctioned" and not objs:
                objs = self.actors(goods_origin(obj_toks), demonym=True)
            if entry.predicate == "supported" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in HAVING:
                # "A has (won, enjoys) the backing of B", "A secured B's support": B backs A
                givers = self.actors([p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("of", "from")
                                      for p in kids(c) if p.dep_ == "pobj"], possessor=True) or \
                    self.actors([c for c in kids(tok) if c.dep_ == "poss"])
                holders = self._others(self.actors(subject_tokens(tok.head), possessor=True), givers)
                if givers and holders:
                    self.emit("supported", givers, holders, tok, f"{rule}/had", 0.75)
                    continue
                if not (givers and prep_objects(tok, ("for", "to"))):
                    continue  # (but "A kept up its support for B": A's own, given to B, read below)
            if entry.predicate == "supported" and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() in ("seek", "request", "solicit", "want", "need", "lobby"):
                continue  # "A sought the backing of B": none given yet, and none by A
            subj, how, conf = self.noun_subjects(tok)
            if not subj and entry.predicate == "reducedRelationsWith" and entry.needs == "envoy" and \
                    tok.lemma_.lower() in ("recall", "withdrawal"):
                # "the recall of the Dutch ambassador from Ankara": the envoy's own state calls them
                # home from where the envoy served (wherever the parser hangs "from Ankara")
                envoys = prep_objects(tok, ("of",))
                subj, how, conf = self.actors([w for e in envoys for w in kids(e) if w.dep_ in ("amod", "poss", "compound")
                                               and w.i < e.i], demonym=True), "envoy", 0.75
                objs = self._others(self.actors(prep_objects(tok, ("from",)) +
                                                [p for e in envoys for p in prep_objects(e, ("from", "to", "in"))]), subj)
            if entry.predicate == "supported" and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "under") and \
                    not prep_objects(tok, ("for", "to")) and not any(c.dep_ == "poss" for c in kids(tok)) and \
                    (backers := self.actors(prep_objects(tok, ("of",)), possessor=True)):
                subj, how, conf, objs = backers, "of", 0.7, []  # "with the backing (support) of B": B backs the doer
            if entry.predicate == "supported" and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "under") and \
                    subj and not objs and not prep_objects(tok, ("for", "to")):
                # "rebels who took the town with foreign backing", "seized the port with
                # Rwanda's support": the backer backs the one who acts
                clause = clause_verb(tok.head.head)
                if clause.pos_ in ("VERB", "AUX"):
                    objs = self._others(self.actors(subject_tokens(clause)), subj)
            if tok.lemma_.lower() == "solidarity" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
                    not (subj and objs):
                # "said he acted in solidarity with B", "postponed it, in solidarity with B": the doer backs B
                clause = clause_verb(tok.head.head)
                subj, how, conf = subj or self.actors(subject_tokens(clause)), "in", 0.7
                objs = objs or self.actors([p for c in kids(clause) if c.dep_ == "prep" and c.lower_ == "with"
                                            for p in kids(c) if p.dep_ == "pobj"])  # (the parser may hang "with B" there)
            if objs and (not subj or how == "poss" and all(a.kind not in STATE_KINDS for a, _ in subj)) and \
                    entry.predicate == "signedAgreementWith" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
                # "A's boats fish under a 1990 accord with B", "A hosts troops under its pact with B"
                clause = clause_verb(tok.head.head)
                subj, how, conf = self.actors(subject_tokens(clause), possessor=True), "under", 0.75
            if not objs and slots and (how.startswith("light:") or tok.dep_ == "dobj" and (
                    tok.head.lemma_.lower() in LIGHT_VERBS or
                    "to" in slots and entry.predicate in ("suppliedArmsTo", "aided"))):
                places = [p for n in (tok, tok.head) for c in kids(n) if c.dep_ == "prep" and c.lower_ == "in"
                          for p in kids(c) if p.lower_ == "place"]  # "keeps sanctions in place on X"
                # "held talks on Monday with X", "an offensive into X's region"
                carriers = [tok.head] + [r for r in self._light_relatives(tok) if how == "light:" + r.lemma_.lower()]
                # ("maintained against X")
                objs = self.actors([o for n in carriers + places for o in prep_objects(n, slots)
                                    if not named_aside(o)], possessor=entry.predicate in COMMUNICATIVE)
            if not objs and subj and how.startswith("light:") and entry.predicate == "sanctioned" and \
                    tok.head.dep_ == "conj" and tok.head.head.pos_ == "VERB":
                # "condemned X and imposed an arms embargo": on X
                objs = [(a, i) for a, i in self.actors([c for c in kids(tok.head.head) if c.dep_ == "dobj"])
                        if a.kind in STATE_KINDS]
            if not objs and subj and entry.predicate in ("supported", "aided"):
                # "phoned A to offer his support", "flew to B to pledge aid": the one phoned or visited
                light = object_verb(tok)
                main = light.head
                if tok.dep_ in ("dobj", "conj") and light.pos_ == "VERB" and light.dep_ in ("advcl", "xcomp") and \
                        any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(light)) and \
                        main.lemma_.lower() in CONTACT_VERBS:
                    objs = self._others(self.actors([c for c in kids(main) if c.dep_ == "dobj"]), subj) or \
                        self._others([(a, i) for a, i in self.places(prep_objects(main, ("to",)) + [
                            c for c in kids(main) if c.dep_ == "dobj"]) if a.kind in STATE_KINDS], subj)
            if not objs and subj and how == "poss" and entry.predicate == "supported" and tok.dep_ == "pobj" and \
                    tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in RELYING_VERBS:
                # "A can rely on our support": the one whose support it is backs A
                objs = self.actors(subject_tokens(tok.head.head))
            if not objs and subj and how == "frame" and entry.predicate in ("met", "negotiatedWith") and \
                    tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.lemma_.lower() in ("talk", "talks") and \
                    tok.head.head.lemma_.lower() in ("travel", "fly", "go", "head", "arrive", "come"):
                # "A will travel to Tehran next week for talks": talks with the hosts
                objs = [(a, i) for a, i in self.places(prep_objects(tok.head.head, ("to", "in")))
                        if a.kind in STATE_KINDS]
                how = "frame-host"
            if not objs and subj and how == "frame" and entry.predicate in ("met", "negotiatedWith") and \
                    tok.dep_ == "pobj" and tok.head.lower_ in ("during", "at", "in") and \
                    tok.lemma_.lower() in ("talk", "talks", "meeting", "dinner", "lunch", "breakfast"):
                # "A pressed B to act during talks in Ankara": talks with no partner named are with the
                # one A spoke to
                verb = tok.head.head  # (the parser may hang the talks on what B is asked to do or keep)
                for _ in range(3):
                    if verb.lemma_.lower() in FACE_TO_FACE or verb.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acomp"):
                        break
                    verb = verb.head
                if verb.pos_ == "VERB" and verb.lemma_.lower() in FACE_TO_FACE:
                    objs = self._others(self.actors([c for c in kids(verb) if c.dep_ == "dobj"]), subj)
                    how = "frame-told"
            if not objs and subj and entry.predicate == "attacked" and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() in REPELLING and not (
                        tok.head.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.head.lemma_.lower() in ("help", "assist")) \
                    and not (tok.head.lemma_.lower() in ("halt", "stop") and
                             any(c.dep_ == "poss" and c.pos_ == "PRON" for c in kids(tok))):
                # ("to halt its offensive": one's own, ended)
                # "A's forces repelled an Iraqi attack", "A beat back B's offensive": B attacked A (but
                # "sent troops to help repel B's invasion": the ones helped were attacked)
                objs = self._others(self.actors(subject_tokens(tok.head), possessor=True), subj)
                how = "repelled"
            if not subj and entry.predicate == "attacked" and tok.dep_ == "pobj" and \
                    tok.head.lower_ in ("of", "under"):
                # "the target of attacks from B", "came under attack from B": B the attacker
                subj, how, conf = self.actors(prep_objects(tok, ("from",)), demonym=True), "from", 0.75
            if not objs and subj and entry.predicate == "attacked" and tok.dep_ == "pobj" and \
                    tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("target", "victim") and \
                    tok.head.head.dep_ in ("attr", "oprd"):
                # "A has been the target of drone attacks by B", "A became the victim of B's raids"
                objs = self._others(self.actors([c for c in kids(tok.head.head.head)
                                                 if c.dep_ in ("nsubj", "nsubjpass")], possessor=True), subj)
                how = "target"
            if not objs and subj and entry.predicate == "attacked":
                objs = self._struck(tok, subj)
            if subj and objs:
                kept = [r for r in self._light_relatives(tok) if how == "light:" + r.lemma_.lower()]
                # "the embargo the United States has maintained": told by the clause, whatever is said of the noun
                pred = entry.predicate
                if how == "light:lead" and pred == "met":
                    pred = "negotiatedWith"  # "A, who leads the talks with B": a negotiator's part, no one meeting
                self.emit(pred, subj, objs, kept[0] if kept else tok, f"{rule}/{how}", conf)
            elif len(subj) > 1 and how in ("light:trade", "light:exchange") and not objs:
                # "A and B traded strikes", "traded accusations": each did it to the other
                for a in subj:
                    self.emit(entry.predicate, [a], [b for b in subj if b[0].key != a[0].key], tok,
                              f"{rule}/each-other", conf * 0.95)
            elif len(subj) > 1 and relation_info(entry.predicate).symmetric and not self._apart(tok) and \
                    (how == "by" or how.startswith("light:") or len(self._as_states([a for a, _ in subj])) <= ROUND_TABLE) and \
                    not (how in ("light:attend", "light:send") and tok.dep_ in ("dobj", "pobj") and
                         tok.lemma_.lower() in GATHERINGS) and (  # ("A and B attended a summit": each there, with others)
                    how.startswith("light:") or how == "by" or
                    how == "poss" and any(c.dep_ == "poss" and c.lower_ == "their" for c in kids(tok)) and (
                        tok.head.lower_ in ("after", "following", "during") or
                        any(c.lower_ in ("joint", "combined") for c in kids(tok))) or  # "launched their joint drills"
                    how == "frame" and (any(
                        c.lower_ in ("joint", "combined", "bilateral", "trilateral", "mutual") for c in kids(tok))
                        or tok.lemma_.lower() in ("talk", "talks", "meeting", "summit") and (
                            tok.head.lower_ in ("after", "following", "during") or
                            # "signed it after an hour of talks", "after two days of talks"
                            tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj" and
                            tok.head.head.lemma_.lower() in QUANTITY_NOUNS and
                            tok.head.head.head.lower_ in ("after", "following", "during")) or
                        tok.lemma_.lower() in ("talk", "talks", "meeting") and tok.head.lower_ == "at" and
                        all(a.kind == "person" for a, _ in subj))):
                # ("A and B, after talks in Rome, said", "at a meeting in Oslo, A and B agreed": they met;
                # "at a meeting, A, B, C and D said": a round table's setting, no pairs)
                # "Steinmeier and Duda held a video call"
                for i, a in enumerate(subj):
                    self.emit(entry.predicate, [a], subj[i + 1:], tok, f"{rule}/plural", conf * 0.95)
            elif not objs and subj and tok.dep_ == "pobj" and tok.head.lower_ == "under" and \
                    entry.predicate in ("sanctioned", "attacked"):
                # "Iran, which is under US sanctions", "the town came under Russian attack"
                clause = tok.head.head
                targets = [c for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass")]
                if clause.dep_ == "relcl" and (not targets or targets[0].tag_ in ("WDT", "WP")):
                    targets = [clause.head]
                objs = self.actors(targets, possessor=True)
                if objs:
                    self.emit(entry.predicate, subj, objs, tok, f"{rule}/under", conf * 0.9)
            elif entry.predicate == "visited" and subj and how == "poss" and not objs:
                # "since Mike Pompeo's visit in 2018", in a story about China: a visit there (in a wire
                # story about no one state, the state it was filed from: "the second day of A's state visit")
                focal = self.idx.focal_state()
                if focal is None and not any(c.predicate == "visited" and c.subject.key == a.key
                                             for c in self.out for a, _ in subj):
                    focal = self.idx.filed_from  # (not where a trip told before went: "A's trip made him ...")
                if focal is not None:
                    self.emit("visited", subj, [(focal, True)], tok, f"{rule}/focal", 0.55)

    def _struck(self, tok, attackers) -> list[tuple[Actor, bool]]:
        """Whom an attack told as a noun struck when it names no target: the state near whose place it
        fell ("an Israeli strike near Damascus"), or the state whose soldiers, police or guards it killed
        ("two Syrian soldiers were killed in an Israeli strike", "a Russian strike killed three Ukrainian
        border guards")."""
        near = [(a, True) for a, _ in self.places(prep_objects(tok, ("near", "outside"))) if a.kind in STATE_KINDS]
        if near:
            return self._others(near, attackers)
        harm = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by") else \
            tok.head if tok.dep_ == "nsubj" else None
        if harm is None or harm.pos_ != "VERB" or harm.lemma_.lower() not in CASUALTY_VERBS:
            return []
        # (its soldiers, police, guards: a state's own people on duty; civilians may be foreigners)
        victims = [c for c in kids(harm) if c.dep_ in (("nsubjpass", "nsubj") if harm.i < tok.i else ("dobj",))
                   and c.lemma_.lower() in STATE_PERSONNEL]
        hit = [(a, True) for a, _ in self.actors(victims, demonym=True, possessor=True) if a.kind in STATE_KINDS]
        return self._others(hit, attackers)

    def joint_with(self, tok) -> None:
        """ "X runs a joint training centre with Y", "held joint patrols with Y": X cooperates with Y."""
        if not any(c.dep_ == "amod" and c.lower_ == "joint" for c in kids(tok)):
            return
        partners = self.actors([p for n in (tok, tok.head) for c in kids(n)
                                if c.dep_ == "prep" and c.lower_ == "with" for p in kids(c) if p.dep_ == "pobj"],
                               possessor=True)
        verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else None
        subj = self.actors(subject_tokens(verb)) if verb is not None else []
        if subj and partners and verb.lemma_.lower() not in UNDOING | {"sign", "conclude", "ink", "initial", "seal"}:
            # ("signed a joint communique with Y" is the signing, told by its own rule)
            # ("suspended joint exercises with Y" tells of their end: the verb's own rule)
            self.emit("cooperatedWith", subj, partners, tok, "noun:joint+with", 0.75)

    def made_during(self, tok) -> None:
        """ "the deals signed during A's visit to B": A's state signed them with B."""
        if tok.pos_ != "NOUN":
            return
        for acl in kids(tok):
            if acl.dep_ != "acl" or acl.tag_ != "VBN" or \
                    acl.lemma_.lower() not in ("make", "sign", "reach", "conclude", "seal", "strike", "ink"):
                continue
            for visit in (p for c in kids(acl) if c.dep_ == "prep" and c.lower_ in ("during", "on", "at")
                          for p in kids(c) if p.dep_ == "pobj" and p.lemma_.lower() in ("visit", "trip", "tour")):
                guests = [(self.idx.country_of(a) or a, i) for a, i in self.actors(
                    [c for c in kids(visit) if c.dep_ == "poss"])]
                hosts = self.places(prep_objects(visit, ("to",)))
                if guests and hosts:
                    self.emit("signedAgreementWith", guests, hosts, tok, "noun:agreement+during-visit", 0.7)

    def armed_with(self, tok) -> None:
        """ "A drove the invaders out with the help of Soviet arms", "A struck B with Iranian drones":
        the state whose weapons A fought with armed A."""
        carrier = tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("help", "aid", "support") \
                and tok.head.head.dep_ == "pobj":
            carrier = tok.head.head  # ("with the help of Soviet arms")
        if carrier.dep_ != "pobj" or carrier.head.lower_ != "with" or carrier.head.head.pos_ != "VERB":
            return  # (not "with" on a noun: "clashed with Russian warplanes over B", "a deal with US jets")
        verb = carrier.head.head
        if undone(verb) or passive(verb):
            return
        makers = [c for t in [tok, *tok.conjuncts] for c in kids(t) if c.dep_ in ("amod", "compound", "npadvmod")
                  and c.i < t.i]
        makers += [g for c in makers if c.lemma_.lower() in ("make", "build", "supply", "design", "manufacture")
                   for g in kids(c) if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < c.i]  # ("US-made bombs")
        sellers = [(a, i) for a, i in self.actors(makers, demonym=True) if a.kind in STATE_KINDS]
        users = self.actors(subject_tokens(verb))
        if sellers and users:
            self.emit("suppliedArmsTo", sellers, self._others(users, sellers), tok, "noun:arms+used", 0.65)

    def purchase(self, tok) -> None:
        """ "X's purchase of Russian air defence systems", "X took delivery of Chinese-built jets": the
        maker's state armed the buyer."""
        taken = tok.lemma_.lower() in ("delivery", "deliveries")
        if taken and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("take", "receive", "accept", "await")):
            return  # ("A's delivery of tanks": A may be the one who delivers)
        arms = self.lex.classes.get("arms", frozenset())
        goods = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of"
                 for p in kids(c) if p.dep_ == "pobj"]
        if not goods or not any(w.lower_ in arms or w.lemma_.lower() in arms for g in goods for w in g.subtree):
            return
        buyers = self.actors(subject_tokens(tok.head) if taken else [c for c in kids(tok) if c.dep_ == "poss"])
        sellers = [(m.actor, True) for g in goods for w in g.subtree if w.i < g.i and w.dep_ in ("amod", "compound", "npadvmod")
                   and (m := self.idx.mention_at(w.i)) is not None and m.actor.kind in STATE_KINDS]
        sellers += self.actors([p for n in goods + [tok] for c in kids(n) if c.dep_ == "prep" and c.lower_ == "from"
                                for p in kids(c) if p.dep_ == "pobj"])
        if buyers and sellers:
            self.emit("suppliedArmsTo", sellers, buyers, tok, "noun:purchase", 0.75)

    def supplier(self, tok) -> None:
        """ "Russia remains India's largest supplier of weapons", "the junta's main source of arms"."""
        if tok.lemma_.lower() not in SUPPLIER_NOUNS:
            return
        words = word_set(w for of in of_chain(tok, 1) for w in of.subtree)
        words |= word_set(c for c in kids(tok) if c.dep_ == "compound")  # "the largest weapons supplier of B"
        if tok.lemma_.lower() == "donor":
            words |= word_set(tok.subtree)
        if words & self.lex.classes.get("arms", frozenset()):
            pred = "suppliedArmsTo"
        elif words & self.lex.classes.get("aid", frozenset()) or tok.lemma_.lower() == "donor":
            pred = "aided"  # (a donor gives aid, named or not: "one of B's biggest donors")
        else:
            return
        subj = self._described(tok)  # ("A is one of B's largest aid donors")
        if subj is None:
            return
        objs = self.actors(self._possessors(tok)) + self.actors(prep_objects(tok, ("to", "for")))
        if not objs:  # "the main source of its tanks": whose the goods are
            objs = self.actors([c for of in of_chain(tok, 1) if of.lemma_.lower() in self.goods or
                                of.lower_ in self.goods for c in kids(of) if c.dep_ == "poss"])
        if not objs and any(c.dep_ == "compound" for c in kids(tok)):  # "the largest weapons supplier OF B"
            objs = self.actors([of for of in of_chain(tok, 1) if of.pos_ == "PROPN"])
        objs = self._others(objs, subj)
        if subj and objs:
            self.emit(pred, subj, objs, tok, f"noun:{tok.lemma_.lower()}/copula", 0.75)

    def ties(self, tok) -> None:
        """ "Relations between Moscow and Pyongyang have reached a new, strategic level",
        "North Korean-Russian relations are developing": stated cooperation."""
        if tok.lemma_.lower() not in ("relation", "tie", "relationship", "partnership", "friendship",
                                      "cooperation", "co-operation", "alliance"):
            return
        head = tok.head
        if tok.dep_ == "nsubjpass" and head.lemma_.lower() in REDUCING:
            # "Ties between A and B were severed in 1979": A cut them with B
            for group in between(tok):
                pair = self.group(group)
                if len(pair) == 2:
                    self.emit("reducedRelationsWith", pair[:1], pair[1:], tok, "ties:cut/between", 0.75)
            return
        if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in TIES_VERBS):
            # "ties reach", "boost ties"
            return
        if head.lemma_.lower() == "reach" and not any(d.dep_ == "dobj" and d.lemma_.lower() in TIES_HEIGHTS
                                                       for d in kids(head)):
            return  # "relations reached a new level"; not "reached a decisive moment", "their lowest point"
        if tok.dep_ == "dobj" and (head.lemma_.lower() in SEEKING or head.dep_ in ("xcomp", "acl") and
                                   head.head.lemma_.lower() in SEEKING):
            return  # "sought better relations with B", "efforts to improve ties with B": wanted, not yet had
        pairs = []
        for group in between(tok):
            pairs = self.group(group)
        if len(pairs) < 2:
            mods = [c for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
            pairs = self.actors(mods, demonym=True)
        if len(pairs) < 2 and tok.dep_ == "dobj":
            subj = self.actors(subject_tokens(head))
            objs = self.actors(prep_objects(tok, ("with",)) or prep_objects(head, ("with",)))
            mods = [c.lower_ for c in kids(tok) if c.dep_ in ("amod", "compound", "nmod")]
            established = head.lemma_.lower() in ("establish", "re-establish", "reestablish", "open") and (
                "diplomatic" in mods or tok.lemma_.lower() in ("relation", "tie") and
                all(m in ("full", "formal", "official", "normal") for m in mods))
            if head.lemma_.lower() in ("restore", "resume") and tok.lemma_.lower() in ("relation", "tie") and (
                    "diplomatic" in mods or "full" in mods):
                established = True  # "restored (full) diplomatic relations with B": recognition again
            if (head.dep_ in ("xcomp", "ccomp", "acl") or head.dep_ == "advcl" and head.head.lemma_.lower() in (
                    "sign", "initial", "ink")) and (established or "diplomatic" in mods or head.lemma_.lower() in (
                    "normalise", "normalize")) and head.lemma_.lower() in (
                    "establish", "re-establish", "reestablish", "restore", "resume", "normalise", "normalize"):
                # "agreed to establish (restore) diplomatic relations", "a communique establishing
                # relations": the pact, read as such; "A agreed to normalise relations with B" is one
                # with B
                if head.dep_ == "xcomp" and head.head.lemma_.lower() == "agree" and subj and objs and \
                        not prep_objects(head.head, ("with",)):
                    self.emit("signedAgreementWith", subj, self._others(objs, subj), head.head, "ties:agreed-with", 0.7)
                return
            if established and not objs and len(subj) > 1 and head.dep_ not in ("xcomp", "ccomp") and \
                    all(a.kind in STATE_KINDS and not indirect for a, indirect in subj):
                # "A and B established diplomatic relations": the first named recognises the other (not
                # "agreed to establish", a pact; nor "the two countries established", told after the fact)
                self.emit("recognized", subj[:1], subj[1:], tok, "ties:establish/listed", 0.7)
                return
            if subj and objs and established:
                # "established (diplomatic) relations with X": the first step of one state's recognition
                # (but "established close trade ties with X" is cooperation)
                self.emit("recognized", subj, objs, tok, "ties:establish/with", 0.75)
            elif subj and objs:  # "established relations with X", "boosted ties on Monday with X"
                self.emit("cooperatedWith", subj, objs, tok, "ties:improve/with", 0.75)
            elif len(subj) > 1:  # "Russia and North Korea agreed to deepen cooperation"
                if established:
                    return  # "the two countries established diplomatic relations in 1973": who first, untold
                for i, a in enumerate(subj):
                    self.emit("cooperatedWith", [a], subj[i + 1:], tok, "ties:improve/plural", 0.7)
            return
        # "the ministers agreed to strengthen their security cooperation": ties are their states'
        states: dict[str, tuple[Actor, bool]] = {}
        for a, ind in pairs:
            b = self._as_states([a])[0]
            states.setdefault(b.key, (b, ind))
        pairs = list(states.values())
        if len(pairs) > 2 and not between(tok):
            return  # "the three ministers agreed to deepen their cooperation": a bloc's, no pairs told
        for i, a in enumerate(pairs):
            self.emit("cooperatedWith", [a], pairs[i + 1:], tok, "ties:improve", 0.8)


    def _hosts(self, toks) -> list[tuple[Actor, bool]]:
        """The states of the places ``toks`` name, for a visit."""
        return [(a, True) for a, _ in self.places(toks) if a.kind in STATE_KINDS]

    def _from_elsewhere(self, people: list, hosts: list) -> list:
        """Those of ``people`` who do not act for any of the ``hosts`` (a visitor, not a host)."""
        return [(a, i) for a, i in people if all((home := self.idx.country_of(a)) is None or home.key != h.key
                                                 for h, _ in hosts)]

    def _seat_spots(self, toks) -> list:
        """Of ``toks``, the names of capitals and cities (not of countries: "in Syria" may be a topic)."""
        return [p for p in toks if p.pos_ == "PROPN" and (
            (m := self.idx.mention_at(p.i)) is not None and m.how == "metonym" or m is None and p.ent_type_ == "GPE")]

    def _state_people(self, toks) -> list:
        """The people ``toks`` name who act for a state."""
        return [(a, i) for a, i in self.actors(toks) if a.kind == "person" and
                (home := self.idx.country_of(a)) is not None and home.kind in STATE_KINDS]

    def _posted(self, person: Actor) -> bool:
        """Whether a person's post is abroad (an ambassador is where he serves, not visiting)."""
        role = (self.idx.role_of(person) or "").lower()
        if "special" in role:
            return False  # a special envoy or representative travels to the parties
        return any(w in role for w in ("ambassador", "envoy", "charg", "consul", "high commissioner"))

    def being_in(self, tok) -> None:
        """ "Minister A was in Lima on Tuesday": a person of one state in another's territory is
        visiting it."""
        subj = subject_tokens(tok) or [c for c in kids(tok) if c.dep_ == "nsubjpass"]
        # (", who was in Oslo for a conference,": the one the clause is about; "A is due in Havana on
        # Sunday", "A is expected in Moscow": a visit ahead)
        heads = [tok] + [c for c in kids(tok) if c.dep_ == "acomp" and c.lower_ in ("due", "expected")]
        places = [p for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ == "in"
                  for p in kids(c) if p.dep_ == "pobj"]
        if not subj or not places:
            return
        people = [(a, i) for a, i in self.actors(subj) if a.kind == "person" and self.idx.country_of(a) is not None]
        hosts = self._hosts(places)
        people = self._from_elsewhere(people, hosts)
        if people and len(hosts) == 1:
            self.emit("visited", people, hosts, tok, "copula:be-in", 0.7)

    def arrived_here(self, tok) -> None:
        """ "MANILA, June 2 - Minister A arrived here today", "A, who flew in on Monday": in a wire
        story, an arrival with no other destination is in the place the story was filed from."""
        here = self.idx.filed_from
        if here is None:
            return
        says_here = any(c.dep_ == "advmod" and c.lower_ == "here" for c in kids(tok))
        if not says_here:
            if tok.lemma_.lower() != "arrive" and not (tok.lemma_.lower() in ("fly", "come") and any(
                    c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "in" and not any(kids(c)) for c in kids(tok))):
                return  # ("flew in": the parser may call "in" an adverb, or a preposition with nothing after it)
            if any(c.dep_ == "advmod" and c.lower_ in ("home", "back", "there") or
                   c.dep_ == "prep" and c.lower_ in ("in", "at", "to", "into") and any(kids(c)) or c.dep_ == "dobj"
                   for c in kids(tok)):
                return  # "arrived in Lima", "arrived back home": somewhere else
        if any(t.lemma_.lower() in MILITARY for t in subject_tokens(tok)):
            return  # (troops arriving are a deployment)
        people = [(a, i) for a, i in self.actors(subject_tokens(tok)) if a.kind == "person" and
                  (home := self.idx.country_of(a)) is not None and home.key != here.key]
        if people:
            self.emit("visited", people, [(here, True)], tok, "visit:arrived-here", 0.7)

    def received_in(self, tok) -> None:
        """ "A was received with full honours in Budapest", "B was welcomed in Hanoi by cheering crowds": a
        person of one state received in another's capital is there, on a visit."""
        if tok.lemma_.lower() not in RECEIVING or not (passive(tok) or reduced_passive(tok)) or \
                any(c.dep_ == "agent" and any(self.idx.mention_at(p.i) for p in kids(c)) for c in kids(tok)):
            return  # (received by B: the meeting tells the visit)
        places = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in" for p in kids(c) if p.dep_ == "pobj"]
        # ("received with full honours in Pyongyang": the parser may hang the place on the honours)
        places += [q for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "with" for p in kids(c)
                   for d in kids(p) if d.dep_ == "prep" and d.lower_ == "in" for q in kids(d) if q.dep_ == "pobj"]
        hosts = [a for a, _ in self.places(places) if a.kind in STATE_KINDS]
        if len(hosts) != 1:
            return
        guests = [c for c in kids(tok) if c.dep_ == "nsubjpass"] or \
            ([tok.head] if tok.dep_ == "acl" else [])  # ("A, received in Hanoi with honours,")
        people = [(a, i) for a, i in self.actors(guests) if a.kind == "person" and
                  (home := self.idx.country_of(a)) is not None and home.key != hosts[0].key and not self._posted(a)]
        if people:
            self.emit("visited", people, [(hosts[0], True)], tok, "visit:received-in", 0.7)

    def visiting_guest(self, tok) -> None:
        """ "A told visiting Nepali Prime Minister B that ...", "A thanked the visiting minister": the
        guest is in the host's state (or in the place the verb names), and a person who speaks to the
        guest there meets them."""
        guest = tok.head
        if tok.dep_ != "amod" or guest.pos_ not in ("PROPN", "NOUN"):
            return
        verb = guest.head
        if guest.dep_ == "pobj" and verb.lower_ in ("with", "to", "for") and verb.dep_ == "prep":
            verb = verb.head
        elif guest.dep_ not in ("dobj", "dative"):
            return
        if verb.pos_ != "VERB" or passive(verb) or undone(verb):
            return
        guests = [(a, i) for a, i in self.actors([guest]) if a.kind == "person" and not self._posted(a)]
        hosts = self.actors(subject_tokens(verb))
        if not guests or not hosts:
            return
        spots = self._seat_spots(prep_objects(verb, ("in",)))
        states = self._hosts(spots) if spots else [
            (s, True) for a, _ in hosts if (s := a if a.kind in STATE_KINDS else self.idx.country_of(a)) is not None]
        if len(states) == 1:
            people = self._from_elsewhere(guests, states)
            if people:
                self.emit("visited", people, states, verb, "visit:visiting", 0.6)
        people = [(a, i) for a, i in hosts if a.kind == "person"]
        if people and (verb.lemma_.lower() in self.lex.verbs or verb.lemma_.lower() in FACE_TO_FACE):
            self.emit("met", people, guests, verb, "visit:visiting/met", 0.6)

    def spoke_in(self, tok) -> None:
        """ "A gave the speech in Kiev", "Speaking in Nairobi, B said": a person
        of one state who speaks or spends time in another's capital or city is there, on a visit (not
        its envoy)."""
        lemma = tok.lemma_.lower()
        said = [d for d in kids(tok) if d.dep_ == "dobj" and d.lemma_.lower() in SPOKEN_THINGS]
        if lemma not in SPEAKING and not said:
            return  # (a meeting, a signing or a talk elsewhere is told by the rules for those)
        spots = self._seat_spots([p for h in [tok] + said for c in kids(h)
                                  if c.dep_ == "prep" and c.lower_ == "in" for p in kids(c) if p.dep_ == "pobj"])
        if not spots:
            return
        subj = subject_tokens(tok)
        if not subj and tok.dep_ == "advcl" and tok.tag_ == "VBG":
            subj = subject_tokens(tok.head)  # "Speaking in Cairo, A said"
        hosts = self._hosts(spots)
        people = [(a, i) for a, i in self._from_elsewhere(self._state_people(subj), hosts) if not self._posted(a)]
        if people and len(hosts) == 1:
            self.emit("visited", people, hosts, tok, "visit:spoke-in", 0.6)

    def by_phone(self, tok) -> None:
        """ "A told B in a telephone call", "A assured B by phone": whatever was said, A and B spoke on
        the telephone."""
        media = [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in PHONE_PREPS
                 for p in kids(c) if p.dep_ == "pobj" and self._phone_medium(p)]
        if not media:
            return
        heard = [c for c in kids(tok) if c.dep_ in ("dobj", "dative")] + \
            prep_objects(tok, ("to", "with"))
        subj = self.actors(subject_tokens(tok))
        if subj and heard:
            self.emit("phoned", subj, self._others(self.actors(heard), subj), tok, "phone:medium", 0.7)

    def _phone_medium(self, p) -> bool:
        """ "telephone", "a phone call", "a video conference": a call (the lexicon's class of calls);
        a plain "conversation" is not."""
        lemma = p.lemma_.lower()
        calls = self.lex.classes.get("call", frozenset())
        lines = calls - SPOKEN_EXCHANGES
        mods = [c for c in kids(p) if c.dep_ in ("compound", "amod") and c.ent_type_ not in ("TIME", "DATE")]
        if lemma == "call" and any(c.dep_ == "compound" and c.pos_ in ("NOUN", "ADJ") and c.lower_ not in lines
                                   for c in mods) and not any(c.lower_ in lines for c in mods):
            return False  # "a death call", "a ceasefire call": a call for something, no telephone (but "a
            # 90-minute telephone call" is one)
        return lemma in lines or lemma == "call" or lemma in calls and any(
            c.dep_ in ("compound", "amod") and c.lower_ in lines for c in kids(p))

    def came_from(self, tok) -> None:
        """ "A arrived here from Amman", "flew in from Paris after the summit", "returned from Moscow":
        a person of another state who comes from a capital was there."""
        spots = self._seat_spots(prep_objects(tok, ("from",)) + [
            p for a in kids(tok) if a.dep_ == "advmod" and a.lower_ in ("here", "back", "home", "in")
            for p in prep_objects(a, ("from",))])
        if not spots or any(t.lemma_.lower() in MILITARY for t in subject_tokens(tok)):
            return
        hosts = self._hosts(spots)
        people = self._from_elsewhere(self._state_people(subject_tokens(tok)), hosts)
        if people and len(hosts) == 1:
            self.emit("visited", people, hosts, tok, "visit:came-from", 0.6)

    def sent_envoy(self, tok) -> None:
        """ "A sent his special envoy, B, to Zimbabwe", "A dispatched Foreign Minister B to Cairo", "the
        tour has taken A to Senegal and Kenya": the person sent or taken visited the place (troops or
        aid sent are no visit)."""
        if tok.lemma_.lower() == "take" and not any(t.lemma_.lower() in TRIP_NOUNS for t in subject_tokens(tok)):
            return
        people = [(a, i) for a, i in self.actors([c for c in kids(tok) if c.dep_ == "dobj"])
                  if a.kind == "person"]
        places = [(a, i) for a, i in self.places(prep_objects(tok, ("to",))) if a.kind in STATE_KINDS]
        places = [(a, i) for a, i in places if all(self.idx.country_of(p) is None or
                                                   self.idx.country_of(p).key != a.key for p, _ in people)]
        if people and places:
            self.emit("visited", people, places, tok, "visit:sent", 0.7)

    def brought_together(self, tok) -> None:
        """ "The talks brought together A and B with C and D", "Present at the meeting were A and B
        for one side and C and D for the other": all of them met (save two of one delegation)."""
        if tok.lemma_ == "bring":
            near = [*kids(tok), *(g for c in kids(tok) if c.dep_ == "prep" for g in kids(c))]
            face_to_face = "face to face" in tok.doc[tok.i:tok.right_edge.i + 1].text  # (a phrase the parser breaks up)
            if not (any(c.lower_ == "together" for c in near) or face_to_face) or \
                    tok.tag_ in ("VBP", "VBZ") and tok.dep_ == "relcl":
                # ("brought A together with B", where the parser hangs "together" on "with"; "face to face")
                return  # ("the talks, which bring together A and B,": what the forum is, no meeting)
            toks = [c for c in kids(tok) if c.dep_ == "dobj"] + prep_objects(tok, ("with",))
            one, other = self.actors([c for c in kids(tok) if c.dep_ == "dobj"]), self.actors(prep_objects(tok, ("with",)))
            if one and other and not face_to_face:
                # "brought A together with B, C and D": A met each of them, not they each other
                self.emit("met", one, self._others(other, one), tok, "verb:bring+together/with", 0.75)
                return
            if face_to_face:
                toks = [w for w in tok.subtree if w.i > tok.i and (m := self.idx.mention_at(w.i)) is not None and
                        w.i == m.end - 1 and m.actor.kind == "person"]
        elif tok.lemma_ == "be" and any(c.lower_ in ("present", "attending") and c.i < tok.i and any(
                p.dep_ == "prep" and p.lower_ in ("at", "for") for p in kids(c)) for c in kids(tok)):
            toks = [c for c in kids(tok) if c.dep_ in ("nsubj", "conj", "attr") and c.pos_ == "PROPN"]
        else:
            return
        parties: list[tuple[Actor, bool]] = []
        for a, ind in self.actors(toks):
            if all(a.key != b.key for b, _ in parties):
                parties.append((a, ind))
        homes = {(self.idx.country_of(a) or a).key for a, _ in parties}
        if tok.lemma_ == "bring" and len(homes) > 2:
            return  # "the summit brought together the leaders of A, B, C and D": a forum, no pairs told
        for i, a in enumerate(parties):
            rule = "verb:present-at/plural" if tok.lemma_ == "be" else "verb:bring+together/plural"
            self.emit("met", [a], parties[i + 1:], tok, rule, 0.75)

    def warned_of_acts(self) -> None:
        """ "A warned that it would impose sanctions on B", "vowed its army would strike B": a harm the
        speaker's own side says it will do to another, told under a warning, threatens that other."""
        for cand in list(self.out):
            if cand.predicate not in ("attacked", "sanctioned", "reducedRelationsWith"):
                continue
            act = self.doc[cand.trigger]
            while act.pos_ != "VERB" and act.head.i != act.i:
                act = act.head  # ("would impose sanctions on B": the verb the noun is the object of)
            if act.dep_ != "ccomp" or act.head.lemma_.lower() not in WARNING_VERBS or \
                    not any(a.dep_ == "aux" and a.lower_ in ("would", "will", "could", "'ll", "might") for a in kids(act)) \
                    or any(a.dep_ == "neg" for a in kids(act)):
                continue
            speakers = self.actors(subject_tokens(act.head))
            sides = self._side_keys(speakers)
            doer = cand.subject.key if cand.subject.kind != "person" else getattr(self.idx.country_of(cand.subject), "key", None)
            if speakers and doer in sides and all(cand.object.key != k for k in sides):
                self.emit("threatened", speakers, [(cand.object, False)], act.head, "speech:warned-of-act", 0.65)

    def verbless(self) -> None:
        """Headline-ese the parser reads without a verb ("Russia, North Korea sign treaty"): the
        actors named before a word the lexicon knows as a verb act, on the actors named after it
        or, for an act of both sides, with each other."""
        for sent in self.idx.sents:
            if len(sent) > 16 or any(t.pos_ == "VERB" for t in self.idx.tokens[sent.start:sent.end]) or \
                    sent.root.pos_ in ("VERB", "AUX") or sent.text.rstrip()[-1:] in (".", "!", "?", '"', "”"):
                continue  # (a headline has no full stop)
            for t in sent:
                entries = self.lex.verbs.get(t.lower_) or \
                    self.lex.verbs.get(t.lower_[:-1] if t.lower_.endswith("s") else "")
                before = [m.actor for m in self.idx.ments_between(sent.start, t.i) if m.how != "demonym"]
                if not entries or not before or t.i in self.idx.by_token:
                    continue
                rest = sent[t.i - sent.start + 1:]
                words = {w.lower_ for w in rest} | {w.lemma_.lower() for w in rest}
                stop = next((w.i for w in sent if w.i > t.i and w.pos_ == "ADP"), sent.end)
                after = [m.actor for m in self.idx.ments_between(t.i + 1, stop) if m.how != "demonym"]
                subj = [(a, False) for i, a in enumerate(before) if all(a.key != b.key for b in before[:i])]
                for entry in entries:
                    if entry.needs and not self.needs_ok(entry, words):
                        continue
                    rule = f"headline:{entry.lemma}"
                    if after and (not entry.needs or "dobj" in entry.objects):
                        self.emit(entry.predicate, subj, [(a, False) for a in after], t, rule, 0.7)
                    elif not after and len(subj) > 1 and relation_info(entry.predicate).symmetric:
                        for i, a in enumerate(subj):
                            self.emit(entry.predicate, [a], subj[i + 1:], t, rule + "/plural", 0.7)
                    break
                break

    def governed_acts(self) -> None:
        """Acts that a condition, a threat or an appeal only names: "if A invaded B" tells of no
        invasion; "threatened to impose sanctions on X" is a threat to X, not sanctions; "called on
        A to recognise B" urges A and says nothing of A and B."""
        kept: list[Candidate] = []
        for cand in self.out:
            t = self.doc[cand.trigger]
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass") and \
                    t.head.lemma_.lower() in LIGHT_VERBS:
                t = t.head
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids(t)):
                continue  # "if China invaded Taiwan, ...": a condition, not an event
            subj_at = [c.i for c in kids(t) if c.dep_ in ("nsubj", "nsubjpass")]
            if subj_at and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were") and
                               c.i < subj_at[0] for c in kids(t)) and t.dep_ in ("advcl", "ccomp", "acl"):
                continue  # "the costs should Minsk send troops": a condition too
            if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in URGING | {"push"}:
                continue  # "calling for negotiations between A and B": asked for, not held
            if t.dep_ == "acl" and t.tag_ == "VB" and t.head.lemma_.lower() in ASKED_FOR:
                continue  # "a request from A to send arms to B": asked, not sent
            hindered = t
            while hindered.dep_ in ("advcl", "xcomp", "conj") and hindered.head.i != hindered.i and hindered.head.pos_ == "VERB":
                hindered = hindered.head  # ("stop fighters from crossing the border to attack B")
            if hindered.dep_ == "pcomp" and hindered.head.lower_ == "from" and hindered.head.head.lemma_.lower() in PREVENTING:
                continue  # "has prevented the two countries from signing a treaty": kept from it, not done
            if t.dep_ in ("xcomp", "acl", "advcl") and any(c.dep_ == "neg" for c in kids(t)) and \
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(t)) and \
                    t.head.lemma_.lower() in PLEDGING:
                continue  # "agreed not to attack each other's nuclear plants": a pledge (told as such), no act
            if t.dep_ == "acl" and t.head.lemma_.lower() in THREAT_NOUNS and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t)):
                continue  # "threats by A to attack B": a harm to come (the threat itself is told apart)
            if t.dep_ == "acl" and t.head.dep_ == "dobj" and t.head.lemma_.lower() in DOCUMENTS:
                t = t.head.head  # "wanted the board to pass a text condemning X": as the passing
            governor = None
            for _ in range(4):
                if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i or \
                        t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(t)):
                    break  # ("A urged restraint, and B called on C": B's own act)
                if t.dep_ == "conj" and coordinated_with(t).i != t.head.i:
                    break  # ("asked X to send a team and called on Y": the calling is done, not asked for)
                step, t = t.dep_, t.head
                if t.lemma_.lower() in THREATENING | URGING:
                    # ("called the shooting a crime and blamed B": a verb joined to the appeal is an act)
                    governor = t if step == "xcomp" else None
                    break
            if governor is None or governor.i == cand.trigger:
                kept.append(cand)
                continue
            if governor.lemma_.lower() in THREATENING and cand.predicate == "rejected" and \
                    self.doc[cand.trigger].lemma_.lower() in ("veto", "block") and cand.object.kind not in STATE_KINDS:
                continue  # "threatened to veto a UN resolution": a vote to come, no threat to the UN (but
                # "threatened to veto B's admission" is one to B)
            if governor.lemma_.lower() in THREATENING and cand.predicate in HARMFUL:
                kept.append(Candidate("threatened", cand.subject, cand.object, governor.i,
                                      f"verb:{governor.lemma_.lower()}+to", round(cand.confidence * 0.9, 3)))
            elif governor.lemma_.lower() == "vow" and cand.predicate == "supported":
                kept.append(cand)  # "vowed to back B's bid": a pledge of support
        self.out = kept

    def words_not_blows(self) -> None:
        """ "Blair attacked Chirac's budget plan", "A clashed with B over farm subsidies", "used his
        speech to attack the IMF": a person attacking another, or a body that has no forces, attacks
        with words, a criticism."""
        out = []
        for cand in self.out:
            if cand.predicate == "attacked" and cand.subject.kind == "person" and (
                    cand.object.kind == "person" or cand.object.kind == "organisation" and
                    cand.object.org_kind in ("intergovernmental", "un-body", "court", "bank")) and \
                    self.doc[cand.trigger].lemma_.lower() in ("attack", "clash", "assail", "savage", "lambast"):
                cand = replace(cand, predicate="criticized")
            elif cand.predicate == "attacked" and cand.subject.kind == "person" and \
                    self.doc[cand.trigger].lemma_.lower() in ("attack", "assail", "savage", "lambast") and \
                    any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and
                        (c.lemma_.lower() in REPORTING_VERBS | BLAMING_SPEECH or c.lemma_.lower() in ("accuse", "call", "brand", "describe"))
                        for c in kids(self.doc[cand.trigger])):
                cand = replace(cand, predicate="criticized")  # "A attacked Washington, accusing it of ...": in words
            out.append(cand)
        self.out = out

    def games_not_wars(self) -> None:
        """ "Germany crushed Brazil 7-1 in the World Cup semi-final": a score and a game in the
        sentence make its beating and crushing sport, not war."""
        out = []
        for cand in self.out:
            if cand.predicate == "attacked":
                sent = self.idx.sent_of(cand.trigger)
                text = sent.text.lower()
                if _SCORE.search(text) and any(w.lower_ in SPORTS_WORDS or w.lemma_.lower() in SPORTS_WORDS for w in sent):
                    continue
            out.append(cand)
        self.out = out

    def strikes_for_the_host(self) -> None:
        """ "began air strikes in Syria in support of the government of President A", "strikes in Mali
        at the request of the Malian government": force used in a state for its government is no
        attack on it; given in its support, it supports it."""
        out = []
        for cand in self.out:
            if cand.predicate == "attacked":
                t = self.doc[cand.trigger]
                holders = [t] + [h for h in (t.head, t.head.head) if h.pos_ in ("VERB", "AUX")][:1]
                sides = {}
                for h in holders:
                    for c in kids(h):
                        if c.dep_ != "prep" or c.lower_ not in ("in", "at", "on"):
                            continue
                        for n in (p for p in kids(c) if p.dep_ == "pobj"):
                            if n.lemma_.lower() not in ("support", "request", "behalf", "invitation"):
                                continue
                            whose = [p for o in kids(n) if o.dep_ == "prep" and o.lower_ == "of"
                                     for p in kids(o) if p.dep_ == "pobj"] + \
                                [o for o in kids(n) if o.dep_ == "poss"]
                            for a, _ in self.actors(whose, possessor=True, demonym=True):
                                a = self.idx.country_of(a) or a
                                sides[a.key] = n.lemma_.lower()
                            for w in whose:  # "the government of President A": A's state
                                for a, _ in self.actors(prep_objects(w, ("of",))):
                                    home = self.idx.country_of(a)
                                    if home is not None:
                                        sides[home.key] = n.lemma_.lower()
                if cand.object.key in sides:
                    if sides[cand.object.key] == "support":
                        out.append(replace(cand, predicate="supported", rule=cand.rule + "/in-support"))
                    continue
            out.append(cand)
        self.out = out

    def claims_not_states(self) -> None:
        """ "recognised Moroccan sovereignty over the territory": a state's claim recognised is support
        for that state, not its recognition; "recognised Libya's rebel council": the council is
        recognised (a body of its own, named), not Libya; "opposition to the Iraq war" rejects no state."""
        out = []
        for cand in self.out:
            if cand.predicate == "recognized":
                t = self.doc[cand.trigger]
                what = [c for c in kids(t) if c.dep_ == "dobj"] if t.pos_ == "VERB" else []
                if t.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in kids(t)):
                    what = [c for c in kids(t) if c.dep_ == "nsubjpass"]
                if any(w.lemma_.lower() in CLAIM_NOUNS for w in what):
                    out.append(replace(cand, predicate="supported", rule=cand.rule + "/claim"))
                    continue
                if any(w.pos_ == "PROPN" and w.i not in self.idx.by_token and
                       any(c.dep_ == "poss" for c in kids(w)) for w in what):
                    continue
            if cand.predicate == "rejected" and cand.rule.startswith("noun:opposition") and (any(
                    p.lemma_.lower() in HARM_NOUNS | self.lex.classes.get("war", frozenset()) | {"campaign", "intervention"}
                    for p in prep_objects(self.doc[cand.trigger], ("to",))) or any(
                    c.predicate == "criticized" and c.subject.key == cand.subject.key and
                    c.object.key == cand.object.key for c in self.out)):
                # "his opposition to the Iraq war": to a war, not to the state it was fought in;
                # "voiced opposition to B's plan" is criticism, read as such
                continue
            out.append(cand)
        self.out = out

    def envoys_for_states(self) -> None:
        """ "B's expulsion of US Ambassador A": relations are cut with the state an expelled or
        recalled envoy serves, as "expelled US Ambassador A" reads."""
        out = []
        for cand in self.out:
            if cand.predicate == "reducedRelationsWith" and cand.object.kind == "person":
                home = self.idx.country_of(cand.object)
                if home is not None and home.key != (self.idx.country_of(cand.subject) or cand.subject).key:
                    cand = replace(cand, object=home, rule=cand.rule + "/envoy")
            out.append(cand)
        self.out = out

    def calls_not_meetings(self) -> None:
        """ "held talks by telephone", "talked over a video link": talks held that way are a call."""
        calls = self.lex.classes.get("call", frozenset())
        kept = []
        for cand in self.out:
            if cand.predicate == "met":
                t = self.doc[cand.trigger]
                heads = [t] + ([t.head] if t.pos_ == "NOUN" and t.head.i != t.i else []) + \
                    [d for d in kids(t) if d.dep_ == "dobj"]
                if any(c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and
                       word_set(w for p in kids(c) if p.dep_ == "pobj" for w in p.subtree) & calls
                       for h in heads for c in kids(h)) or \
                        t.lemma_.lower() == "receive" and any(d.dep_ == "dobj" and d.lemma_.lower() in calls
                                                              for d in kids(t)):  # ("received a call from B")
                    cand = replace(cand, predicate="phoned")
                    if any(k.predicate == "phoned" and {k.subject.key, k.object.key} == {cand.subject.key, cand.object.key}
                           for k in kept):
                        continue
                elif t.lemma_.lower() in ("discuss", "talk") and not prep_objects(t, ("in", "at")) and any(
                        k.predicate == "phoned" and {k.subject.key, k.object.key} == {cand.subject.key, cand.object.key}
                        and self.idx.sents_upto(cand.trigger, 3)[0].start <= k.trigger < cand.trigger for k in kept):
                    continue  # "A phoned B. ... the two men had discussed X": on that call
            kept.append(cand)
        self.out = kept

    def talks_between_states(self) -> None:
        """ "talks between London and Tirana", "secret talks with the US": talks of one state with
        another are negotiations; people hold talks in a meeting."""
        talks = {"talk", "talks"}  # (a summit or a meeting of states is still a meeting)
        kept = []
        for cand in self.out:
            if cand.predicate == "met" and cand.subject.kind != "person" and cand.object.kind != "person":
                t = self.doc[cand.trigger]
                if t.lemma_.lower() in talks or t.lower_ in talks or \
                        any(d.dep_ == "dobj" and (d.lemma_.lower() in talks or d.lower_ in talks) for d in kids(t)) or \
                        cand.rule.startswith("headline:") and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ in talks:
                    # (a headline's "A and B resume talks", however the parser reads it)
                    cand = replace(cand, predicate="negotiatedWith", rule=cand.rule + "/states")
                    if any(k.predicate == "negotiatedWith" and {k.subject.key, k.object.key} ==
                           {cand.subject.key, cand.object.key} and k.trigger == cand.trigger for k in kept):
                        continue
            kept.append(cand)
        self.out = kept

    def people_over_states(self) -> None:
        """ "talks with the presidents of A and B, C and D": one met the people; the
        states they lead are not met a second time by the same words."""
        people = {(c.trigger, c.predicate, c.subject.key, home.key) for c in self.out
                  if c.predicate in CONTACT_ACTS and c.object.kind == "person" and
                  (home := self.idx.country_of(c.object)) is not None}
        if people:
            self.out = [c for c in self.out if (c.trigger, c.predicate, c.subject.key, c.object.key) not in people]

    def visits_by_meeting(self) -> None:
        """ "A and B met in Cairo": whoever came from another state visited the host's state."""
        for cand in list(self.out):
            if cand.predicate not in ("met", "signedAgreementWith"):
                continue  # ("signed the treaty in Astana": the signers were there)
            trigger = self.doc[cand.trigger]
            if trigger.lemma_.lower() == "discuss":
                continue  # ("discussed the war in Mozambique" says what, not where)
            met = [c for h in [trigger, *(d for d in kids(trigger) if d.dep_ == "dobj")] for c in kids(h)
                   if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "with"]
            if cand.predicate == "met" and any(w.lemma_.lower() == "host" and w.tag_ == "NN" and
                                               any(c.dep_ == "poss" for c in kids(w))
                                               for m in met for w in [m, *(p for p in kids(m) if p.dep_ == "pobj")]):
                # "A held talks with his host, President B": A came to B's state
                there, home = self.idx.country_of(cand.object), self.idx.country_of(cand.subject)
                if there is not None and cand.subject.kind == "person" and (home is None or home.key != there.key):
                    self.emit("visited", [(cand.subject, False)], [(there, True)], trigger, "visit:host", 0.7)
                continue
            # "met in Cairo", "held talks with B at the Kremlin": a seat of government is its state
            heads = [trigger] + [c for c in kids(trigger) if c.dep_ == "dobj"]
            # "held talks with A in Libya": the parser may hang the place on the one met
            withs = [w for h in heads for w in kids(h) if w.dep_ == "prep" and w.lower_ == "with"]
            # ("talks with A in Riga one day and with B in Vilnius the next": the second "with" a conjunct)
            withs += [w for w in trigger.subtree if w.dep_ == "conj" and w.pos_ == "ADP" and w.lower_ == "with"]
            heads += [p for w in withs for p in kids(w) if p.dep_ == "pobj" and (
                p.i in self.idx.by_token or p.lemma_.lower() in COUNTERPART)]  # ("with his counterpart in Doha")
            # "hosted his counterpart, B, in Nairobi": or on the name set beside the one met
            heads += [a for h in heads[1:] for a in kids(h) if a.dep_ == "appos" and a.i in self.idx.by_token]
            # "met B for a round of talks in Agra": or on the talks the meeting was for
            talks = self.lex.classes.get("talks", frozenset())
            heads += [n for c in kids(trigger) if c.dep_ == "prep" and c.lower_ == "for" for p in kids(c)
                      if p.dep_ == "pobj" for n in [p, *of_chain(p, 1)] if n.lemma_.lower() in talks]
            # ("welcomed B to Nairobi": where the guest came)
            into = ("in", "at", "to") if trigger.lemma_.lower() == "welcome" else ("in", "at")
            places = [p for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ in into
                      for p in kids(c) if p.dep_ == "pobj" and (c.lower_ in ("in", "to") or
                                                                   getattr(self.idx.mention_at(p.i), "how", "") == "metonym")]
            # "signed it at the palace in Astana", "met at a base near the Brazilian port of X": where the building is
            places += [q for h in heads for c in kids(h) if c.dep_ == "prep" and c.lower_ == "at"
                       for p in kids(c) if p.dep_ == "pobj" and p.i not in self.idx.by_token
                       for d in kids(p) if d.dep_ == "prep" and d.lower_ in ("in", "near", "outside")
                       for q in kids(d) if q.dep_ == "pobj"]
            # "met in a tent outside Tripoli", "at a resort near Sochi": the place the place is in or by
            places += [q for p in places if p.i not in self.idx.by_token for c in kids(p)
                       if c.dep_ == "prep" and c.lower_ in ("outside", "near", "in") for q in kids(c) if q.dep_ == "pobj"]
            homes = {h.key for p in (cand.subject, cand.object) if (h := self.idx.country_of(p)) is not None}
            hosts = [a for a, _ in self.places(places) if a.kind in STATE_KINDS]
            if len(hosts) > 1:  # several places told: the one that is home to one of the two
                hosts = list({a.key: a for a in hosts if a.key in homes}.values())
            if len(hosts) != 1 or hosts[0].key not in homes:
                continue  # a summit in a third state says nothing of who went where
            for person in (cand.subject, cand.object):
                home = self.idx.country_of(person)
                if self._posted(person):
                    continue  # a state's envoy in the host's capital is posted there, not visiting
                if person.kind == "person" and home is not None and home.key != hosts[0].key:
                    self.emit("visited", [(person, False)], [(hosts[0], True)], trigger, "visit:met-in", 0.7)

    def compound_adjective(self, tok) -> None:
        """ "Iranian-backed militias", "Moscow-armed separatists": the first part does to the noun
        what the participle says (a compound of a name and a past participle)."""
        if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.lemma_.lower() not in BACKING:
            return
        agents = self.actors([c for c in kids(tok) if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < tok.i],
                             demonym=True)
        head = tok.head
        objs = self.actors([head])
        if agents and objs:
            pred = BACKING[tok.lemma_.lower()]
            self.emit(pred, agents, objs, tok, f"compound:{tok.lemma_.lower()}", 0.8)


    def bargaining(self, tok) -> bool:
        """True if talks are about a deal: "talks on a loan repayment", "talks on trade relations"."""
        topics = self.lex.classes.get("deal", frozenset())
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
                tok.head.head.lemma_.lower() in ("week", "month", "year") or
                tok.head.head.lower_ == "rounds"):
            return True  # "weeks of talks", "months of talks", "rounds of talks": a negotiation
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ in ("on", "over", "about", "for", "concerning", "regarding"):
                if word_set(c.subtree) & topics:
                    return True
            if c.dep_ in ("compound", "amod") and (c.lemma_.lower() in topics or c.lower_ in topics or
                                                   c.lower_ in ("indirect", "proximity")):
                return True  # "trade talks", "loan talks", "indirect talks" (no meeting face to face)
        head = tok.head
        if tok.dep_ in ("nsubj", "dobj") and head.lemma_.lower() in TALKS_FATES and \
                (head.lemma_.lower() != "break" or any(c.lower_ in ("down", "off") for c in kids(head))):
            return True  # "the talks broke down", "agreed to open talks": only a negotiation does that
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ == "VERB":
            # "ended talks, having made progress on trade relations"
            return bool(word_set(w for c in kids(head) if c.dep_ in ("advcl", "prep", "xcomp")
                               for w in c.subtree) & topics)
        carrier = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "weeks of talks"
        if carrier.dep_ == "pobj" and carrier.head.lower_ in ("after", "following", "in") and \
                carrier.head.head.pos_ in ("VERB", "AUX") and carrier.lemma_.lower() != "hour":
            # (not "signed it after an hour of talks": a sitting, face to face)
            # "the accord was sealed after a year of talks", "the pact came out of talks held in
            # Lusaka": the talks were bargaining over it
            verb = carrier.head.head
            return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in topics for c in kids(verb))
        return False

    def evaluation(self, tok) -> None:
        """ "X called the treaty illegal", "X described the raid as a violation of its
        sovereignty": judging someone's act in harsh words criticizes whoever did it."""
        if tok.lemma_.lower() not in EVALUATING:
            return
        if any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon", "for") and
               not any(p.ent_type_ in ("DATE", "TIME") for p in kids(c)) for c in kids(tok)):
            return  # "called on Belgrade to hand over the suspects to the war crimes tribunal": an appeal
        objs = [c for c in kids(tok) if c.dep_ == "dobj"]
        if any(o.lower_ in ("it", "this", "that") for o in objs):
            return  # "called it a mistake": an act told before, not a state
        judged = [c for c in kids(tok) if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl") or
                  c.dep_ == "prep" and c.lower_ == "as"]
        if not objs:  # "called India's decision regrettable": the parser may hang the act on the verdict
            objs = [w for c in judged if c.dep_ == "oprd" for w in kids(c)
                    if (w.dep_ in ("compound", "nmod", "nsubj") or w.dep_ == "poss" and
                        any(q.dep_ == "case" and q.text in ("'", "‘") for q in kids(w))) and w.pos_ == "NOUN" and w.i < c.i]
            # ("called B's remarks 'grotesque'": the parser takes the opening quote for a possessive)
            # (and the act's owner beside it: "called Reagan's speech provocative")
            objs += [w for c in judged if c.dep_ == "oprd" and objs for w in kids(c) if w.dep_ == "poss" and w.i < c.i]
        judgement = [w for c in judged for w in c.subtree]
        judgement += [w for o in objs for x in o.subtree if x.dep_ == "oprd" for w in x.subtree]  # (under a clause)
        judgement += [w for o in objs for c in kids(o) if c.dep_ == "prep" and c.lower_ == "as" for w in c.subtree]
        judgement += [w for o in objs for c in kids(o) if c.dep_ in ("amod", "appos") and c.pos_ in ("ADJ", "NOUN") and
                      c.i > o.i for w in c.subtree]  # ('called the remarks "grotesque"': set off by quotes)
        for o in objs:  # "called X's decision to buy the islands a provocation": the parser makes it a 2nd object
            for w in o.subtree:
                second = [c for c in kids(w) if c.dep_ == "dobj"][0 if w.i == o.i and w.pos_ == "NOUN" else 1:]
                judgement += [x for c in second for x in c.subtree]  # ("called the vote a blunder": on the noun)
        schemers = [m for c in judged for w in c.subtree if w.lemma_.lower() in SCHEMES or w.lower_ in SCHEMES
                    for m in kids(w) if m.dep_ in ("amod", "compound", "poss", "nmod") and m.i < w.i]
        if schemers:
            # "described the case as an Israeli plot", "called the charges American propaganda": its author is accused
            speaker = self.actors(subject_tokens(tok))
            authors = self._others(self.actors(schemers, demonym=True), speaker)
            if speaker and authors:
                self.emit("accused", speaker, authors, tok, f"speech:{tok.lemma_.lower()}+plot", 0.7)
                return
        if objs and any(o.lemma_.lower() in CLAIMS | CHARGE_NOUNS for o in objs):
            # "called the accusations by B baseless": a dismissal of B's charge
            speaker = self.actors(subject_tokens(tok)) if word_set(judgement) & DISMISSED else []
            accusers = speaker and (self._claim_makers(objs, tok) or self._accuser_before(speaker, tok))
            if accusers:
                self.emit("rejected", speaker, self._others(accusers, speaker), tok, f"speech:{tok.lemma_.lower()}+as", 0.7)
            return
        if objs and word_set(judgement) & POSITIVE_EVAL and not word_set(judgement) & NEGATIVE_EVAL and \
                not any(c.dep_ == "neg" for c in kids(tok)):
            # "called the British action courageous": praise of an act supports whoever did it
            speaker = self.actors(subject_tokens(tok))
            targets = self.actors(objs, possessor=True) or self._authors_by(objs, tok)
            if speaker and targets:
                self.emit("supported", speaker, targets, tok, f"speech:{tok.lemma_.lower()}+praise", 0.7)
            return
        if not objs or not word_set(judgement) & NEGATIVE_EVAL:
            return
        speaker = self.actors(subject_tokens(tok))
        self.hostile = True
        targets = self._others(self.actors(objs, possessor=True), speaker)
        if not targets:  # "described the remarks by A as", "called the comments made by A": their author
            # (also past the speaker's own side: "called the downing of the Russian jet by B a stab")
            targets = self._authors_by(objs, tok)
        self.hostile = False
        # naming a crime ("described the arrests as state terrorism", "the killings as genocide") accuses
        pred = "accused" if word_set(judgement) & CRIME_EVAL else "criticized"
        if speaker and targets:
            self.emit(pred, speaker, targets, tok, f"speech:{tok.lemma_.lower()}+as", 0.7)

    def threat(self, tok) -> None:
        """ "If X crosses the line, we will destroy X's economy": harm promised on a condition is a
        threat, not an attack."""
        if tok.lemma_.lower() not in THREAT_VERBS or not any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in kids(tok)):
            return
        if not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(c))
                   for c in kids(tok)):
            return
        subj = self.actors(subject_tokens(tok))
        objs = self.actors([c for c in kids(tok) if c.dep_ == "dobj"] +
                           [d for c in kids(tok) if c.dep_ == "conj" for d in kids(c) if d.dep_ == "dobj"] +
                           prep_objects(tok, ("against", "on")), possessor=True)
        if not objs:  # "would retaliate if Tokyo failed to open its markets": whoever the condition is on
            objs = self.actors([w for c in kids(tok) if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(c))
                for w in kids(c) if w.dep_ in ("nsubj", "nsubjpass")], possessor=True)
        objs = self._others(objs, subj)
        if subj and objs:
            self.emit("threatened", subj, objs, tok, "verb:threat+if", 0.7)

    def threatened_harm(self, tok) -> None:
        """ "threatened to turn Seoul into a sea of fire" (a harm no lexicon row names), "warned of a
        merciless response if Seoul went on": the threat is for whom the harm or the condition names."""
        if tok.lemma_.lower() not in THREAT_WORDS or any(c.dep_ == "neg" for c in kids(tok)):
            return
        harms = [c for c in kids(tok) if c.dep_ == "dobj"]
        if harms:  # "threatened a nuclear strike on B", "threatened war against B": the harm's target
            subj = self.actors(subject_tokens(tok))
            objs = self._others(self.actors([p for h in harms for e in self.lex.nouns.get(h.lemma_.lower(), [])
                                             if e.predicate in ("attacked", "sanctioned") and not e.needs
                                             for p in prep_objects(h, ("on", "against"))]), subj)
            if subj and objs:
                self.emit("threatened", subj, objs, tok, f"verb:{tok.lemma_.lower()}+harm", 0.7)
            return
        harmed = [d for x in kids(tok) if x.dep_ == "xcomp" and
                  not any(self.needs_ok(e, scope_words(x))
                          for e in fitting_particles(self.lex.verbs.get(x.lemma_.lower(), []), x))
                  for d in kids(x) if d.dep_ == "dobj"]
        # "threatened to deport Georgian migrants": their state is threatened
        objs = self.actors([c for d in harmed if d.lemma_.lower() in NATIONALS for c in kids(d)
                            if c.dep_ in ("amod", "compound", "poss") and c.i < d.i], demonym=True)
        objs += self.actors([d for d in harmed if d.lemma_.lower() not in NATIONALS] +
                            [w for x in kids(tok) if x.dep_ == "advcl" and any(
                                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(x))
                             for w in kids(x) if w.dep_ in ("nsubj", "nsubjpass")])
        subj = self.actors(subject_tokens(tok))
        objs = self._others(objs, subj)
        if subj and objs:
            self.emit("threatened", subj, objs, tok, f"verb:{tok.lemma_.lower()}+harm", 0.7)

    def threat_to_act(self, tok) -> None:
        """ "defied threats by A to attack B", "A's ultimatum to bomb B's airfields": a harm a threat
        names to come is a threat to its target by whoever made the threat, not the harm."""
        acts = [v for v in kids(tok) if v.dep_ == "acl" and v.pos_ == "VERB" and
                any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(v)) and not any(c.dep_ == "neg" for c in kids(v))]
        if not acts:
            return
        subj = self.actors([p for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("by", "from")
                            for p in kids(c) if p.dep_ == "pobj"] +
                           [c for c in kids(tok) if c.dep_ in ("poss", "compound", "amod") and c.i < tok.i],
                           demonym=True)
        for v in acts:
            harms = [e for e in fitting_particles(self.lex.verbs.get(v.lemma_.lower(), []), v)
                     if e.predicate in THREATENED_HARMS and self.needs_ok(e, scope_words(v))]
            if not harms and v.lemma_.lower() not in THREAT_VERBS:
                continue
            objs = self._others(self.actors([o for o in [*(c for c in kids(v) if c.dep_ == "dobj"),
                                                         *(o for e in harms for o in object_tokens(v, e, verb=True)),
                                                         *prep_objects(v, ("on", "against", "into"))]
                                             if o.pos_ != "PRON"], possessor=True), subj)  # (not "to attack it")
            if subj and objs:
                self.emit("threatened", subj, objs, tok, "noun:threat+to", 0.7)

    def claimed(self, tok) -> None:
        """ "X claimed responsibility for the attack", "the attack was claimed by X": X attacked
        whoever the attack was on."""
        if tok.lemma_.lower() != "claim":
            return
        if passive(tok):
            acts = [c for c in kids(tok) if c.dep_ == "nsubjpass"]
        elif any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in kids(tok)):
            acts = [p for d in kids(tok) if d.dep_ == "dobj" for c in kids(d)
                    if c.dep_ == "prep" and c.lower_ == "for" for p in kids(c) if p.dep_ == "pobj"]
            acts += [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "for" for p in kids(c)
                     if p.dep_ == "pobj"]
        else:
            return
        acts = [a for a in acts if a.lemma_.lower() in EVENT_NOUNS.get("attack", ()) | {"attack", "bombing", "strike"}]
        attackers = self.actors(subject_tokens(tok))
        if not acts or not attackers:
            return
        targets = self.actors(prep_objects(acts[0], ("on", "against")), possessor=True)
        lo = self.idx.sents_upto(tok.i, 4)[0].start  # the attack is looked for in the sentences just before
        if not targets:  # the attack told before: its target
            for c in reversed(self.out):
                if c.predicate == "attacked" and lo <= c.trigger < tok.i:
                    targets = [(c.object, True)]
                    break
        if not targets:
            for j in range(tok.i - 1, lo - 1, -1):
                w = self.doc[j]
                if w.lemma_.lower() == "attack" and w.pos_ == "NOUN":
                    where = [p for c in kids(w) if c.dep_ == "prep" and c.lower_ in ("on", "against")
                             for o in kids(c) for p in [o] + [x for q in kids(o) if q.dep_ == "prep"
                                                                  and q.lower_ == "in" for x in kids(q)]]
                    if where:  # "an attack on oil plants in X": the parser may hang "in X" on the attack
                        where += [p for c in kids(w) if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                                  for p in kids(c) if p.dep_ == "pobj"]
                    targets = [(a, True) for a, _ in self.places(where) if a.kind in STATE_KINDS]
                    if targets:
                        break
        if not targets:  # "depots owned by X were struck at night. Y claimed the strikes"
            attack_verbs = attack_lemmas(self.lex)
            for j in range(tok.i - 1, lo - 1, -1):
                w = self.doc[j]
                if w.pos_ == "VERB" and passive(w) and w.lemma_.lower() in attack_verbs:
                    hit = [c for c in kids(w) if c.dep_ == "nsubjpass"]
                    targets = self.actors(hit, possessor=True) or \
                        [(a, True) for a, _ in self.places(hit) if a.kind in STATE_KINDS]
                    if targets:
                        break
        if targets:
            self.emit("attacked", attackers, targets, tok, "verb:claim+attack", 0.7)

    def dismissal(self, tok) -> None:
        """ "X replied that the charges by Y were unfounded": X rejects Y."""
        if tok.lemma_.lower() not in BLAMING_SPEECH | SPEECH_REPLIES:
            return
        clauses = [c for c in kids(tok) if c.dep_ == "ccomp"]
        # "replied in the debate that ...": the parser may hang the clause on the debate
        clauses += [r for p in kids(tok) if p.dep_ == "prep" for o in kids(p) if o.dep_ == "pobj"
                    for r in kids(o) if r.dep_ == "relcl" and any(m.lower_ == "that" and m.i < r.i and
                                                                     m.dep_ in ("mark", "pobj", "nsubj")
                                                                     for m in kids(r))]
        for c in clauses:
            charges = CHARGE_NOUNS | {"accusation", "allegation", "claim", "report"}
            subj = [w for w in kids(c) if w.dep_ in ("nsubj", "nsubjpass") and
                    (w.lemma_.lower() in charges or w.lower_.rstrip("s") in charges)]
            verdict = word_set(w for x in kids(c) if x.dep_ in ("acomp", "attr", "oprd") for w in x.subtree)
            if not subj or not verdict & DISMISSED or any(x.dep_ == "neg" for x in kids(c)):
                continue
            accusers = self.actors(subj, possessor=True, demonym=True)
            speakers = self.actors(subject_tokens(tok))
            if accusers and speakers:
                self.emit("rejected", speakers, accusers, tok, "speech:dismiss", 0.7)
        for c in clauses:
            # "X said Zimbabwe's election was flawed", "... the measures taken by Y were unjustified":
            # judging someone's act in harsh words criticizes whoever did it
            subj = [w for w in kids(c) if w.dep_ in ("nsubj", "nsubjpass") and w.pos_ == "NOUN"
                    and w.i not in self.idx.by_token and w.lemma_.lower() not in CHARGE_NOUNS]
            verdict = word_set(w for x in kids(c) if x.dep_ in ("acomp", "attr", "oprd") for w in x.subtree)
            if not subj or not verdict & NEGATIVE_EVAL or any(x.dep_ == "neg" for x in kids(c)):
                continue
            self.hostile = True
            authors = self.actors(subj, possessor=True, demonym=True)
            self.hostile = False
            speakers = self.actors(subject_tokens(tok))
            if authors and speakers:
                self.emit("criticized", speakers, self._others(authors, speakers), tok, "speech:verdict", 0.65)
        for c in clauses:
            # "X said B had been reckless", "... that B had made a grave mistake": the judgement
            # itself a harsh word, said of another side (not "said Iraq was Britain's worst blunder",
            # a war told by its place, and someone else's blunder)
            if any(x.dep_ == "neg" for x in kids(c)):
                continue
            judged = [x for x in kids(c) if x.dep_ in ("acomp", "attr") and (x.lemma_.lower() in NEGATIVE_EVAL or any(
                a.dep_ == "amod" and a.lemma_.lower() in NEGATIVE_EVAL for a in kids(x))) and
                not any(a.dep_ == "poss" for a in kids(x))] or \
                [x for x in kids(c) if x.dep_ == "dobj" and c.lemma_.lower() in ("make", "commit") and
                 x.lemma_.lower() in NEGATIVE_EVAL]
            subj = [w for w in kids(c) if w.dep_ == "nsubj" and w.i in self.idx.by_token]
            if not judged or not subj:
                continue
            judged_ones = [(a, i) for a, i in self.actors(subj) if a.kind in ("person", *STATE_KINDS)]
            speakers = self.actors(subject_tokens(tok))
            if judged_ones and speakers:
                self.emit("criticized", speakers, self._others(judged_ones, speakers), tok, "speech:verdict/actor", 0.65)

    def joining(self, tok) -> None:
        """ "a coalition X announced, which A and B joined": the joiners cooperate with its founder;
        "C joined the talks": C met those talking."""
        if tok.lemma_.lower() != "join":
            return
        if passive(tok):
            joined = [c for c in kids(tok) if c.dep_ == "nsubjpass"]
            if tok.dep_ == "relcl" and (not joined or joined[0].tag_ in ("WDT", "WP")):
                joined = [tok.head]
        else:
            joined = [c for c in kids(tok) if c.dep_ == "dobj"]
        joiners = self.actors(subject_tokens(tok))
        if not joined or not joiners:
            return
        thing = joined[0]
        up = thing
        for _ in range(4):  # "a coalition to patrol the strait, which X joined": the parser hung it low
            if up.lemma_.lower() in COALITION_NOUNS or up.head.i == up.i:
                break
            up = up.head
        if up.lemma_.lower() in COALITION_NOUNS and tok.dep_ == "relcl":
            thing = up
        word = thing.lemma_.lower()
        if word in COALITION_NOUNS:
            founders = self.actors([c for c in kids(thing) if c.dep_ == "poss"], possessor=True)
            told = [thing]
            if any(c.lower_ == "the" for c in kids(thing)):  # "the coalition" told before as "the Saudi-led coalition"
                told += [self.doc[j] for j in islice(self._told_before({word}, thing.i), 3)]
            for w in told if not founders else ():  # "joined the Saudi-led coalition": its leader
                founders = self.actors([n for a in kids(w) if a.dep_ == "amod" and a.lemma_.lower() == "lead"
                                        for n in kids(a) if n.dep_ in ("npadvmod", "compound", "nmod") and n.i < a.i],
                                       demonym=True)
                if founders:
                    break
            if not founders and thing.dep_ in ("dobj", "nsubjpass") and thing.head.lemma_.lower() in (
                    "announce", "form", "launch", "lead", "create", "build", "found", "establish", "propose"):
                founders = self.actors(subject_tokens(thing.head))
            if founders:
                self.emit("cooperatedWith", joiners, founders, tok, "verb:join+coalition", 0.7)
        elif word in self.lex.classes.get("talks", frozenset()) and any(c.lower_ == "the" for c in kids(thing)):
            lo = self.idx.sents_upto(tok.i, 3)[0].start
            met = [c for c in self.out if c.predicate in ("met", "negotiatedWith") and lo <= c.trigger < tok.i]
            others = {a.key: a for c in met for a in (c.subject, c.object)}
            if others:
                self.emit(met[-1].predicate, joiners, [(a, True) for a in others.values()], tok, "verb:join+talks", 0.65)

    def supporter(self, tok) -> None:
        """ "X has been a staunch supporter of Y", "X is a champion of Y's claims": stated support;
        "X is among the sharpest critics of Y's plan": stated criticism."""
        lemma = tok.lemma_.lower()
        pred = "supported" if lemma in SUPPORTER_NOUNS else "criticized" if lemma in CRITIC_NOUNS else None
        if pred is None:
            return
        subj = self._described(tok)
        if subj is None:
            return
        self.hostile = pred == "criticized"
        objs = self.actors(prep_objects(tok, ("of", "for")) + self._possessors(tok), possessor=True)
        self.hostile = False
        if pred == "supported" and any(c.dep_ == "amod" and c.lower_ in ("financial", "economic") for c in kids(tok)):
            pred = "aided"  # "one of Iraq's main financial backers": money given
        if subj and objs:
            self.emit(pred, subj, self._others(objs, subj), tok, f"copula:{lemma}", 0.75)

    def _possessors(self, tok) -> list:
        """The possessors of a describing noun, shared with the noun it is joined to ("B's main
        creditor and arms supplier": B's supplier too)."""
        if _shares_determiner(tok):
            tok = tok.head
        return [c for c in kids(tok) if c.dep_ == "poss"]

    def _described(self, tok) -> list | None:
        """Whom a describing noun is said of: "A is a supporter of B", "A, a supporter of B,", "A is
        among the critics of B", "A, one of B's strongest backers" (None when it describes no one)."""
        noun = tok  # "A, one of B's strongest backers": the "one" stands where the noun would
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
            noun = tok.head.head
        if _shares_determiner(noun) and noun.head.pos_ == "NOUN":
            noun = noun.head  # "A, B's main creditor and arms supplier,": said of A as the first noun is
        named = [c for c in kids(noun) if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i]
        if named and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
                c.dep_ == "poss" and c.pos_ == "PROPN" for c in kids(noun)):
            return self.actors(named)  # "B's main arms supplier, A, objected" (whose "its" is, is left open)
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else noun.head
        if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
            # "A, a staunch supporter of B, said" (and "X and A, one of B's allies,": A alone)
            k = noun.left_edge.i - 1
            m = self.idx.mention_at(k - 1) if k > 0 and self.doc[k].text == "," else None
            if m is not None and any(c.dep_ == "conj" for c in kids(noun.head)):
                return [(m.actor, False)]
            return self.actors([noun.head])
        if (noun.dep_ == "attr" or verb.i != noun.head.i) and verb.lemma_ in ("be", "remain", "become"):
            return self.actors([c for c in kids(verb) if c.dep_ == "nsubj"])
        return None

    def act_judged(self, tok) -> None:
        """ "A recognised B, a decision C condemned", "A offered B talks, (in) a move welcomed by C": the
        act a clause tells, named again by a noun in apposition, is judged in a relative clause or
        a participle; the judgement is of the clause's doer (of a proposal, of the one who made it:
        "A insisted that B stay neutral, a proposal rejected by C")."""
        by_agent = tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ != "relcl" and not by_agent or tok.head.lemma_.lower() not in ACT_NOUNS or \
                any(c.dep_ in ("dobj", "ccomp") and c.tag_ not in ("WDT", "WP") for c in kids(tok)):
            return
        noun = tok.head
        # ("A expelled B's envoy, in a move C condemned": the noun under "in", set off the same way)
        set_off = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" and \
            noun.head.head.pos_ in ("VERB", "AUX") else noun
        if not any(c.lower_ in ("a", "an") for c in kids(noun)) or set_off.left_edge.i == 0 or \
                self.doc[set_off.left_edge.i - 1].text != ",":
            return
        clause = clause_verb(set_off.head)
        if clause.dep_ == "ccomp" and noun.lemma_.lower() in PROPOSALS:
            clause = clause.head
        entries = [e for e in self.lex.verbs.get(tok.lemma_.lower(), []) if not e.needs and
                   e.predicate in ("criticized", "supported", "rejected")]
        if clause.pos_ not in ("VERB", "AUX") or not entries:
            return
        judges = self.actors([p for a in kids(tok) if a.dep_ == "agent" for p in kids(a) if p.dep_ == "pobj"]
                             if by_agent else [c for c in kids(tok) if c.dep_ == "nsubj"])
        doers = self.actors(subject_tokens(clause))
        if judges and doers:
            self.emit(entries[0].predicate, judges, self._others(doers, judges), tok,
                      f"verb:{tok.lemma_.lower()}+act", 0.7)

    def recipient(self, tok) -> None:
        """ "A ranks among the biggest recipients of US aid", "A, the main beneficiary of Japanese
        loans,": the giver named on the aid aided A (armed it, when the aid is arms)."""
        if tok.lemma_.lower() not in ("recipient", "beneficiary"):
            return
        receivers = self._described(tok)
        arms = self.lex.classes.get("arms", frozenset())
        aid = self.lex.classes.get("aid", frozenset()) | arms | {"assistance", "help"}
        for goods in prep_objects(tok, ("of",)):
            if goods.lemma_.lower() not in aid and goods.lower_ not in aid:
                continue
            givers = self.actors([c for c in kids(goods) if c.dep_ in ("amod", "compound", "poss", "nmod")
                                  and c.i < goods.i] + prep_objects(goods, ("from",)) + prep_objects(tok, ("from",)),
                                 demonym=True)
            pred = "suppliedArmsTo" if goods.lemma_.lower() in arms or goods.lower_ in arms else "aided"
            if receivers and givers:
                self.emit(pred, givers, self._others(receivers, givers), tok, f"noun:{tok.lemma_.lower()}+of", 0.75)

    def charge(self, tok) -> None:
        """ "the charge from X that Y armed the rebels", "X's allegation that Y meddled": X accused Y."""
        if tok.lemma_.lower() not in CHARGE_NOUNS:
            return
        clause = next((c for c in kids(tok) if c.dep_ in ("acl", "ccomp", "relcl") and
                       any(w.lower_ == "that" and w.dep_ == "mark" for w in kids(c))), None)
        if clause is None:
            return
        accusers = self.actors([c for c in kids(tok) if c.dep_ == "poss"] +
                               prep_objects(tok, ("from", "by", "of")), demonym=True)
        if not accusers and tok.dep_ == "dobj" and tok.head.lemma_.lower() in CHARGE_MAKING:
            accusers = self.actors(subject_tokens(tok.head))  # "X repeated the charge that Y armed Z"
        subj = [c for c in kids(clause) if c.dep_ in ("nsubj", "nsubjpass")]
        accused = self.actors(subj, possessor=True)
        if subj and (subj[0].pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in kids(subj[0]))) \
                and accusers and all(
                any(a.key == b.key for b, _ in accusers) for a, _ in accused):
            # "X rejected the charge from Y that it spied": "it" is the one charged, not the accuser
            verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            accused = self.actors(subject_tokens(verb)) if verb is not None and verb.pos_ == "VERB" else []
        if accusers and accused:
            self.emit("accused", accusers, accused, tok, f"noun:{tok.lemma_.lower()}+that", 0.75)

    def claim_turned_down(self, tok) -> None:
        """ "A has called the killings genocide, a charge (that) B rejects", "A asked B for money, a
        request B turned down": the one the clause before tells of making the claim is rejected."""
        if not any(d.lower_ == "a" for d in kids(tok)):
            return
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in TURNING_DOWN - {"turn"}:
            # ("A accused B of X, a charge B denies": the parser may hang the accusation on the denial)
            told = [c for c in kids(head) if c.dep_ == "ccomp" and c.i < tok.i]
            self._turned_down(head, subject_tokens(told[0]) if told else [])
            return
        if tok.dep_ not in ("appos", "npadvmod", "dobj") or tok.left_edge.i == 0 or \
                self.doc[tok.left_edge.i - 1].text != ",":
            return  # (", a request B turned down": set off by a comma, whatever the parser made of it)
        for rel in (c for c in kids(tok) if c.dep_ in ("relcl", "acl")):
            lemma = rel.lemma_.lower()
            if lemma not in TURNING_DOWN or lemma == "turn" and not any(c.lower_ == "down" for c in kids(rel)):
                continue
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            self._turned_down(rel, subject_tokens(verb) if verb.pos_ in ("VERB", "AUX") else [])

    def _turned_down(self, verb, makers: list) -> None:
        """The subject of ``verb`` rejects the ``makers`` of the claim it turns down."""
        refusers = self.actors([c for c in kids(verb) if c.dep_ == "nsubj"], demonym=True)
        found = self.actors(makers) if refusers else []
        if refusers and found:
            self.emit("rejected", refusers, self._others(found, refusers), verb, "noun:claim+turned-down", 0.7)

    def partner(self, tok) -> None:
        """ "Y is a strategic partner of X", "Y is X's closest ally", and, said by X's leader, "Y is
        a strategic partner": cooperation stated with a copula."""
        if tok.lemma_.lower() not in PARTNER_NOUNS:
            return
        if word_set(c for c in kids(tok) if c.dep_ in ("amod", "compound")) & {"trade", "trading", "business", "commercial"}:
            return  # a trading partner buys and sells; that is no stated cooperation
        subj = self._described(tok)  # ("A is one of B's closest allies", "A, B's main ally,")
        if subj is None:
            return
        verb = tok.head.head.head if tok.head.lower_ == "of" and tok.head.head.lower_ == "one" else tok.head
        others = self.actors(self._possessors(tok))
        others += self.actors(prep_objects(tok, ("of", "for", "to", "with")))
        if not others:  # "a close US ally", "a key Chinese partner"
            others = [(m.actor, False) for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                      and (m := self.idx.mention_at(c.i)) is not None and m.actor.kind != "person"]
        if not others and verb.dep_ in ("ccomp",) and verb.head.lemma_.lower() in ("say", "call", "describe", "tell", "add"):
            speaker = self.actors(subject_tokens(verb.head))
            others = [(self.idx.country_of(a) or a, True) for a, _ in speaker]
        if not others and len(subj) > 1 and tok.tag_ == "NNS" and tok.dep_ == "attr":
            others = subj  # "A and B have long been close allies": each with the other
        if subj and others:
            self.emit("cooperatedWith", subj, others, tok, f"copula:{tok.lemma_.lower()}", 0.75)

    def joint_noun(self, tok) -> None:
        """ "a Chilean-Argentine project", "the Franco-German brigade", "US-Japan talks": a noun
        whose modifiers name two or more states states what they do together."""
        lemma = tok.lemma_.lower()
        pred = JOINT_NOUNS.get(lemma)
        if pred is None and lemma in self.lex.classes.get("agreement", frozenset()):
            pred = "signedAgreementWith"
        if pred is None:
            return
        mods = [c for c in kids(tok) if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        named: list = []
        for c in mods:
            if c.tag_ == "VBN" and c.lemma_.lower() in GO_BETWEENS:
                continue  # "Chinese-brokered talks": the broker is no side of them
            for w in c.subtree:
                m = self.idx.mention_at(w.i)
                if m is not None and m.actor.kind in ("country", "former_state", "organisation") and \
                        all(m.actor.key != a.key for a, _ in named):
                    named.append((m.actor, False))
        if len(named) < 2 or not any(self.doc[k].text in ("-", "–") for k in range(min(c.left_edge.i for c in mods), tok.i)):
            return  # only the hyphenated compound says they act together
        if any(c.lower_ in FUTURE_WORDS or c.dep_ == "det" and c.lower_ in ("any", "no") for c in kids(tok)):
            return  # "any A-B agreement", "a proposed A-B pact" states none
        if pred == "signedAgreementWith" and _asked_for(tok):
            return  # "demanded an immediate A-B ceasefire": asked for, not agreed
        for i, a in enumerate(named):
            self.emit(pred, [a], named[i + 1:], tok, f"joint:{lemma}", 0.75)

    def displeased(self, tok) -> None:
        """ "A has been sharply critical of B", "A is furious with B over the drilling": displeasure
        said of one side criticizes the other (or its act: "angry at B's decision"; "A was disappointed
        by B's decision", which the parser reads as a passive)."""
        head = tok.head
        if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in kids(tok)):
            head = tok
        elif tok.dep_ == "amod" and tok.i > head.i and head.lemma_.lower() in DOCUMENTS and \
                head.dep_ == "dobj" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in ISSUING:
            head = head.head  # "issued a statement critical of B": the issuers are (not "vetoed a resolution ...")
        elif tok.dep_ not in ("acomp", "oprd") or head.lemma_.lower() not in ("be", "remain", "become", "grow", "seem",
                                                                            "appear", "sound"):
            return
        if any(c.dep_ == "neg" for c in [*kids(tok), *kids(head)]):
            return
        if head is tok:  # "A was disappointed by B's decision": A, who is displeased, and B's act
            subj = self.actors([c for c in kids(tok) if c.dep_ == "nsubjpass"])
            causes = [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
        else:
            subj = self.actors(subject_tokens(head))
            causes = []
        told = causes + prep_objects(tok, ("of", "with", "at", "over", "about", "towards", "toward", "by"))
        if tok.lower_ in CONCERNED_ADJECTIVES:  # ("concerned by B's move", not "concerned about Chinese firms")
            told = [t for t in told if t.i in self.idx.by_token or any(c.dep_ == "poss" for c in kids(t))]
        objs = self._others(self.actors(told, possessor=True), subj)
        if not objs and tok.lower_ not in CONCERNED_ADJECTIVES:
            # "A is angry that B has given asylum to ...": whoever did what angers A (but "concerned
            # that B may ..." fears what has not been done)
            objs = self._others(self.actors([s for c in kids(tok) if c.dep_ == "ccomp" and
                                             any(m.dep_ == "mark" and m.lower_ == "that" for m in kids(c))
                                             for v in conjuncts(c) for s in kids(v) if s.dep_ == "nsubj"]), subj)
        if subj and objs:
            self.emit("criticized", subj, objs, tok, f"adjective:{tok.lemma_.lower()}", 0.75)

    def in_protest(self, tok) -> None:
        """ "A recalled its envoy in protest at B's remarks": the parser hangs what is protested at on
        the verb, beside "in protest"; whoever did the act told there is criticized."""
        below = kids(tok)
        for k, c in enumerate(below):
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() == "protest" and not any(kids(p)) for p in kids(c)):
                at = [p for d in below[k + 1:k + 2] if d.dep_ == "prep" and d.lower_ in ("at", "against", "over")
                      for p in kids(d) if p.dep_ == "pobj"]
                subj = self.actors(subject_tokens(tok))
                objs = self._others(self.actors(at, possessor=True), subj)
                if subj and objs:
                    self.emit("criticized", subj, objs, c, "noun:protest/in-protest-at", 0.7)

    def military_base(self, tok) -> None:
        """ "A has military bases in B", "A, which uses an air base in B", "B hosts a Russian military
        base": a state keeps forces in another with its leave, which is cooperation."""
        verb = tok.head
        # ("B hosts US troops", "B hosts American warplanes": the forces themselves)
        hosted = verb.lemma_.lower() == "host" and (tok.lemma_.lower() in MILITARY or
                                                    tok.lower_ in ("aircraft", "warplanes"))
        if tok.lower_ not in ("base", "bases") and not hosted or tok.dep_ != "dobj" or \
                verb.lemma_.lower() not in BASE_VERBS or any(c.dep_ == "neg" for c in kids(verb)):
            return
        mods = [c for c in kids(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
        if not hosted and not word_set(mods) & {"military", "air", "naval", "army", "navy", "airbase"} and \
                not (len(mods) == 1 and mods[0].i in self.idx.by_token):  # ("a customer base")
            return
        subj = [(self.idx.country_of(a) or a, i) for a, i in self.actors(subject_tokens(verb))]
        subj = [(a, i) for a, i in subj if a.kind in STATE_KINDS]
        if verb.lemma_.lower() == "host":  # "B hosts a Russian base": the base's owner
            others = [(m.actor, True) for c in mods if (m := self.idx.mention_at(c.i)) is not None and
                      m.actor.kind in STATE_KINDS]
        else:
            others = self.places(prep_objects(tok, ("in", "on", "at")) or prep_objects(verb, ("in", "on")))
            others = [(a, i) for a, i in others if a.kind in STATE_KINDS]
        others = self._others(others, subj)
        if subj and others:
            self.emit("cooperatedWith", subj, others, tok, "base:in", 0.7)

    def relationship(self, tok) -> None:
        """ "the close economic and security relationship between A and B": cooperation, when a
        word says the ties are close or of substance (bare "relations between" says nothing)."""
        if tok.lemma_.lower() not in TIES_NOUNS:
            return
        words = word_set(w for c in kids(tok) if c.dep_ in ("amod", "compound", "nmod") for w in c.subtree)
        if tok.dep_ == "nsubj" and tok.head.lemma_ in ("be", "remain", "grow", "become", "stay"):
            # "ties between A and B have been close"
            words |= word_set(w for c in kids(tok.head) if c.dep_ in ("acomp", "attr") for w in c.subtree)
        if not words & COOPERATIVE or words & HOSTILE or any(c.dep_ == "neg" for c in kids(tok.head)):
            return
        for group in between(tok):
            pair = self.group(group)
            for i, a in enumerate(pair):
                self.emit("cooperatedWith", [a], pair[i + 1:], tok, "ties:between", 0.75)


def _asked_for(tok) -> bool:
    """Whether an act the noun names is only called for: "demanded a ceasefire", "called for a truce"."""
    return tok.lemma_.lower() in WANTED_ACTS and (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in VERB_TRIGGERS["called_for"] or
        tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in VERB_TRIGGERS["called_for"])


def find_relations(doc, idx: ActorIndex, lex: Lexicon) -> list[Candidate]:
    """Every relation candidate of a parsed article."""
    f = _Finder(doc, idx, lex)
    f.record_groups()
    # the rules beyond the lexicon's verbs and nouns, each asked only of the words it reads
    verb_rules = [(EVALUATING, f.evaluation), (BLAMING_SPEECH | SPEECH_REPLIES, f.dismissal),
                  (VERB_TRIGGERS["joining"], f.joining), (VERB_TRIGGERS["claimed"], f.claimed),
                  (THREAT_VERBS, f.threat), (VERB_TRIGGERS["refusal"], f.refusal), (BLAMING_SPEECH, f.blame),
                  (THREAT_WORDS, f.threatened_harm),
                  (VERB_TRIGGERS["brought_together"], f.brought_together),
                  (VERB_TRIGGERS["same_again"], f.same_again), (VERB_TRIGGERS["leaving"], f.leaving),
                  (VERB_TRIGGERS["ultimatum"], f.ultimatum), (VERB_TRIGGERS["told_must"], f.told_must),
                  (VERB_TRIGGERS["said_must"], f.said_must), (VERB_TRIGGERS["said_would"], f.said_would),
                  (REFUSING, f.refused_to), (VERB_TRIGGERS["attended"], f.attended),
                  (VERB_TRIGGERS["arrived_here"], f.arrived_here), (VERB_TRIGGERS["claims_by"], f.claims_by),
                  (VERB_TRIGGERS["sent_envoy"], f.sent_envoy), (VERB_TRIGGERS["came_from"], f.came_from),
                  (VERB_TRIGGERS["being_in"], f.being_in), (VERB_TRIGGERS["called_for"], f.called_for),
                  (VERB_TRIGGERS["rejected_claim"], f.rejected_claim), (VERB_TRIGGERS["clash"], f.clash),
                  (VERB_TRIGGERS["held_responsible"], f.held_responsible), (VERB_TRIGGERS["blacklisted"], f.blacklisted),
                  (VERB_TRIGGERS["barred_entry"], f.barred_entry),
                  (VERB_TRIGGERS["persona_non_grata"], f.persona_non_grata), (VERB_TRIGGERS["sent_out"], f.sent_out),
                  (VERB_TRIGGERS["denied_charge"], f.denied_charge), (VERB_TRIGGERS["act_judged"], f.act_judged),
                  (VERB_TRIGGERS["fought_war"], f.fought_war), (VERB_TRIGGERS["flanked"], f.flanked), (VERB_TRIGGERS["hit_back"], f.hit_back), (VERB_TRIGGERS["broke_the_law"], f.broke_the_law),
                  (VERB_TRIGGERS["left_after_visit"], f.left_after_visit),
                  (VERB_TRIGGERS["called_in"], f.called_in),
                  (VERB_TRIGGERS["cannot_accept"], f.cannot_accept)]
    noun_rules = [(NOUN_TRIGGERS["purchase"], f.purchase), (NOUN_TRIGGERS["expelled_from"], f.expelled_from),
                  (NOUN_TRIGGERS["demand_that"], f.demand_that),
                  (NOUN_TRIGGERS["call_answered"], f.call_answered),
                  (NOUN_TRIGGERS["at_request"], f.at_request), (JOINT_THINGS, f.joint_with),
                  (NOUN_TRIGGERS["despite_protests"], f.despite_protests),
                  (lex.classes.get("agreement", frozenset()), f.made_during), (TIES_NOUNS, f.ties),
                  (TIES_NOUNS, f.relationship), (NOUN_TRIGGERS["drew_criticism"], f.drew_criticism),
                  (PARTNER_NOUNS, f.partner), (NOUN_TRIGGERS["recognition_told"], f.recognition_told), (NOUN_TRIGGERS["refusal"], f.refusal), (SUPPORTER_NOUNS | CRITIC_NOUNS, f.supporter),
                  (NOUN_TRIGGERS["recipient"], f.recipient), (NOUN_TRIGGERS["goodwill_message"], f.goodwill_message), (CHARGE_NOUNS, f.charge),
                  (NOUN_TRIGGERS["military_base"], f.military_base), (THREAT_NOUNS, f.threat_to_act),
                  (CHARGE_NOUNS | CLAIMS, f.claim_turned_down), (SUPPLIER_NOUNS, f.supplier),
                  (set(JOINT_NOUNS) | lex.classes.get("agreement", frozenset()), f.joint_noun)]
    arms = lex.classes.get("arms", frozenset())
    sents, tokens = idx.sents, idx.tokens
    for tok in (t for k in sorted(f.lively_sentences()) for t in tokens[sents[k].start:sents[k].end]):
        pos = tok.pos_
        if pos == "AUX" and tok.lemma_ == "be" and tok.dep_ in ("ROOT", "relcl", "advcl", "ccomp", "conj"):
            f.being_in(tok)
            if tok.dep_ == "ROOT":
                f.brought_together(tok)
        if pos == "VERB" or (pos == "AUX" and tok.lemma_ == "have"):
            f.verb(tok)
            if tok.dep_ == "amod":
                f.compound_adjective(tok)
            f.spoke_in(tok)
            f.received_in(tok)
            f.by_phone(tok)
            lemma = tok.lemma_.lower()
            for words, rule in verb_rules:
                if lemma in words:
                    rule(tok)
            if tok.lower_ in DISPLEASED:
                f.displeased(tok)  # ("was disappointed by")
            if tok.lower_ == "expected" and passive(tok) and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s")
                                                                for c in kids(tok)):
                f.being_in(tok)  # ("A is expected in Moscow"; not "had been expected in Bonn yesterday")
            f.in_protest(tok)
            if tok.tag_ == "VBZ" and tok.dep_ in ("dobj", "pobj") and tok.lower_ in NOUNS_TAKEN_FOR_VERBS:
                lemma = tok.lemma_.lower()  # ("rejected EU calls for an inquiry": a plural noun read as a verb)
                for words, rule in noun_rules:
                    if lemma in words:
                        rule(tok)
        elif pos == "ADJ" and tok.lemma_.lower() in DISPLEASED:
            f.displeased(tok)
        elif pos == "ADJ" and tok.lower_ == "visiting":
            f.visiting_guest(tok)
        elif pos in ("NOUN", "PROPN"):
            f.noun(tok)
            lemma = tok.lemma_.lower()
            if lemma in arms or tok.lower_ in arms:  # ("arms" is "arm" to the lemmatiser)
                f.armed_with(tok)
            for words, rule in noun_rules:
                if lemma in words:
                    rule(tok)
    f.warned_of_acts()
    f.verbless()
    f.calls_not_meetings()
    f.people_over_states()
    f.talks_between_states()
    f.words_not_blows()
    f.games_not_wars()
    f.strikes_for_the_host()
    f.claims_not_states()
    f.envoys_for_states()
    f.visits_by_meeting()
    f.governed_acts()
    return f.out

