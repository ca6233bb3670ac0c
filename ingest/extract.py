"""Extraction: a parsed article in, its actors, roles and events out (pure: no I/O).

Relation candidates come from :mod:`ingest.relations`; this module decides each one's modality
(asserted, reported with who claims it, hedged, negated, future), its date, and its evidence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from dipgraph.graph.records import Actor, Article, Event, Extraction
from dipgraph.graph.vocab import relation as relation_info

from .actors import PLACE_NOUNS, STATE_KINDS, ActorIndex, find_actors, mentions_and_roles
from .dates import WEEKDAYS, WORD_NUMBERS, resolve_date
from .text import fold_accents
from .words import WORDS
from .gazetteer import Gazetteer, default_gazetteer
from .relations import CLAIMS, LIGHT_VERBS, PROPOSALS, REPORTING_VERBS, TIES_VERBS, TURNING_DOWN, Candidate, find_relations
from .shapes import (ACCUSING, APPEALS, DOCUMENTS, PREP_CONTROL, SAYING_VERBS, TASKED, TIME_MARKS, TRIP_BOUNDS, coordinated_with, forget_children, kids, object_verb,
                     read_children)

__all__ = ["extract_doc", "gazetteer", "modality_of", "REPORTING_VERBS"]

DENIAL_VERBS = WORDS.set("denial_verbs")
CHARGES = WORDS.set("charge_nouns")
NEGATING_VERBS = WORDS.set("negating_verbs")
FUTURE_VERBS = WORDS.set("future_verbs")
DECIDED_MEASURES = WORDS.set("decided_measures")
# "pledged to expand cooperation": the cooperation is there already
WIDENING = WORDS.set("widening_verbs")
# journeys and meetings told in the present with a day are planned ("A flies to Rome on Monday")
SCHEDULED = WORDS.set("scheduled_moves")
PLANNED_DAYS = frozenset(WEEKDAYS) | WORDS.set("planned_days")
HEDGE_VERBS = WORDS.set("hedge_verbs")
# verbs by which one thing implies another: what "did not mean (that) A recognised B" says is not so
IMPLYING = WORDS.set("implying")
# verbs of giving up a demand or an objection, which then asks or objects no more
GIVING_UP = WORDS.set("giving_up")
OBJECTIONS = WORDS.set("objections")
HEDGE_WORDS = WORDS.set("hedge_words")
HEDGE_MODALS = {"could", "may", "might", "would", "should", "must"}  # ("should press Beijing": not done)
FUTURE_MODALS = {"will", "shall", "'ll"}
FUTURE_ADJ = WORDS.set("future_adj")
INTENT_NOUNS = WORDS.set("intent_nouns")
NEG_DET = {"no", "never"}
CONTACT = {"met", "phoned", "visited", "negotiatedWith"}
# acts that answer another act, which is dated on its own: "condemned last week's shelling"
REACTIONS = {"criticized", "supported", "rejected", "accused", "threatened", "urged"}
# words that make an act a lasting state or a thing of the past: "has long backed", "for years"
DURATIVE = WORDS.set("durative_words")
BACKGROUND_MARKS = WORDS.set("background_marks")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The project's gazetteer and lexicon, read once per process."""
    return default_gazetteer()


def _verb_chain(tok) -> list:
    """The trigger and the verbs it depends on within its clause ("could have agreed to support")."""
    chain = [tok]
    t = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        h = tok.head
        if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and h.pos_ in ("VERB", "AUX") and \
                h.lemma_.lower() in LIGHT_VERBS | TIES_VERBS and (tok.dep_ != "nsubj" or h.lemma_.lower() in TIES_VERBS):
            chain.append(h)
            t = h
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ == "VERB" and (
                h.lower_ in ("in", "into") and any(c.dep_ == "dobj" and c.lower_ == "part" for c in kids(h.head))
                or h.lower_ == "for" and h.head.lemma_.lower() in ("travel", "fly", "go", "head", "arrive", "come", "visit", "leave")):
            t = h.head  # "is due to take part in talks", "is expected to travel there for talks": as real as that
            chain.append(t)
        elif tok.dep_ in ("dobj", "nsubjpass") and h.pos_ == "VERB" and \
                any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | HEDGE_MODALS for c in kids(h)):
            t = h  # "Egypt might host the talks between A and B": as real as the hosting
            chain.append(t)
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "at" and h.head.lemma_ == "be":
            t = h.head  # "A is not at war with B", "would be at war": as real as the being
            chain.append(t)
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "before" and h.head.pos_ in ("VERB", "AUX"):
            t = h.head  # "lands in Hanoi next week, before talks with A": as real as the arrival
            chain.append(t)
        elif tok.dep_ == "pobj" and h.dep_ == "prep" and (h.lower_ == "during" or h.lower_ in ("on", "at") and tok.lemma_.lower() in (
                "visit", "trip", "tour", "stop", "summit", "meeting", "talk")) and \
                h.head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | HEDGE_MODALS
                                              for c in kids(h.head)):
            t = h.head  # "would meet them during a visit to B": a visit no more real than the meeting
            chain.append(t)
        elif tok.dep_ == "dobj" and h.pos_ == "VERB" and (h.lemma_.lower() in NEGATING_VERBS | FUTURE_VERBS | HEDGE_VERBS
                                                          or h.lower_ in ("called", "calling", "call") and
                                                          any(c.lower_ == "off" for c in kids(h))):
            t = h  # "cancelled the visit", "called off a trip", "planned a visit"
            chain.append(t)
        elif tok.dep_ == "dobj" and h.pos_ == "VERB" and h.lemma_.lower() in TRIP_BOUNDS and \
                tok.lemma_.lower() in ("visit", "trip", "tour"):
            t = h  # "flies to B on Thursday and ends the tour in C": as real as the ending
            chain.append(t)
        else:
            return chain
    for _ in range(5):
        if t.dep_ == "conj" and t.tag_ == "VBG" and t.head.tag_ == "VB" and t.head.dep_ == "xcomp" and \
                t.head.head.tag_ == "VBG" and t.head.head.head.i != t.head.head.i:
            # "refusing to sign the pact and keeping its embassy in B open": the keeping goes with the refusing
            t = t.head.head.head
            chain.append(t)
        elif t.dep_ in ("xcomp", "conj") and t.head.i != t.i and not (
                t.dep_ == "conj" and (any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "aux" and c.lower_ != "to"
                                          for c in kids(t))  # ("did not accept it and would ask B": asks)
                                      or t.tag_ in ("VBD", "VBZ") and t.head.tag_ == "VB")):
            # (nor "said it would not deal with A and cut off oil to B": a verb of its own tense)
            t = coordinated_with(t) if t.dep_ == "conj" else t.head
            chain.append(t)
        elif t.dep_ == "advcl" and t.tag_ == "VB" and t.head.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t)) and \
                t.head.lemma_.lower() not in APPEALS and \
                not any(o.dep_ == "dobj" and o.lemma_.lower() in APPEALS for o in kids(t.head)):
            t = t.head  # "is due to fly to Brussels to brief A": the purpose is as real as the trip
            chain.append(t)
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX") and not (
                t.head.lower_ == "after" and any(c.dep_ == "npadvmod" for c in kids(t.head))):
            # (but "will withdraw, ten days after seizing the town": the seizing is done)
            t = t.head.head
            chain.append(t)
        elif t.dep_ in ("ccomp", "dobj", "pcomp", "advcl") and t.tag_ in ("VB", "VBG") and \
                t.head.lemma_ in {"let", "allow", "permit", "rule"} | NEGATING_VERBS | FUTURE_VERBS | HEDGE_VERBS and \
                not (t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == ","):
            # (but "refused to fix a time, blaming B for ...": the participle after the comma is done)
            t = t.head
            chain.append(t)
        elif t.dep_ == "acl" and (t.tag_ == "VB" or t.tag_ == "VBG" and t.head.lemma_.lower() in DOCUMENTS) and \
                t.head.dep_ in ("dobj", "nsubjpass") and t.head.head.pos_ in ("VERB", "AUX"):
            # ("wanted the board to pass a text that condemns X": as real as the passing)
            t = t.head.head  # "accepted an invitation to visit" (not "joined the sanctions imposed by X")
            chain.append(t)
        elif t.dep_ == "ccomp" and t.head.lemma_.lower() in IMPLYING:
            t = t.head  # "the accord did not mean it recognised B": as real as the meaning
            chain.append(t)
        elif t.dep_ == "acomp" or (t.dep_ == "xcomp" and t.head.lemma_ == "be"):
            t = t.head
            chain.append(t)
        else:
            break
    return chain


# verbs of wishing: what one side wants of another is no event ("A wants B to sign")
WANTING = WORDS.set("wanting")
# verbs of asking another to act: "urged A to", "called on A to"
ASKING = WORDS.set("asking_verbs")


def _no_event(trigger) -> bool:
    """Whether the trigger's clause tells of no event: a capability ("they can strike X"), a
    question ("asked whether Britain would recognise X") or a wish for another's act."""
    chain = _verb_chain(trigger)
    if any(t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in WANTING and
           (any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(t)) or any(c.dep_ == "dobj" for c in kids(t.head)))
           for t in chain):
        return True  # "A wants B to talk to C": A's wish, no act of B's
    framed = _frame_verb(trigger) if trigger.pos_ == "NOUN" and len(chain) == 1 else None
    asked = chain + (_verb_chain(framed) if framed is not None else [])  # "called on A to commit to a truce"
    if any(t.dep_ == "xcomp" and t.head.lemma_.lower() in ASKING and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t))
           and any(c.dep_ == "dobj" or c.dep_ == "prep" and (c.lower_, t.head.lemma_.lower()) in PREP_CONTROL
                   for c in kids(t.head)) and t.lemma_.lower() not in ("keep", "continue") for t in asked):
        return True  # "urged A to send troops to help B", "called on A to ...": what A is asked to do is not done
        # (but "urged A to keep working with B": they are)
    if any(t.dep_ in ("ccomp", "acl") and t.head.lemma_.lower() in APPEALS and
           any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t)) and
           not (t.head.dep_ == "dobj" and t.head.head.lemma_.lower() in ("accept", "take")) for t in chain):
        return True  # "appealed to A, B and C to help him", "an invitation to B to visit": asked of them, not
        # done (but "accepted an invitation to visit B" is a plan of the one who accepted)
    if any(t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t)) and
           any(o.dep_ == "dobj" and o.lemma_.lower() in APPEALS and o.i < t.i and
               any(p.dep_ == "prep" and p.lower_ in ("on", "to", "for") for p in kids(o)) for o in kids(t.head))
           for t in chain):
        return True  # "repeated his call on A and B to impose sanctions": (the parser hangs the act on the verb)
    if any(any(c.dep_ == "mark" and c.lower_ == "for" for c in kids(t)) and
           any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(t)) and t.head.lemma_.lower() not in ("take", "way")
           for t in chain):
        return True  # "it is time for A to recognise B", "no basis for A to do so": a thought, not an act
        # (but "it took two years for A to recognise B" tells that A did, and "cleared the way for A
        # to fly in" is mostly told once A has)
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") or c.dep_ == "mark" and c.lower_ == "whether"
               for t in chain for c in kids(t))


def _frame_verb(noun):
    """The verb a phrase of an event noun hangs on, whose subject is the event's doer ("agreed on
    sanctions against B", "spent two days in talks with B"), or None."""
    t = noun
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        t = t.head.head  # "hours of talks"
    if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ in ("at", "after", "before", "during", "following"):
        return None  # (the occasion of what is told: "did not speak at the talks with B" is still talks)
    verb = t.head.head
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "npadvmod"):
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _chain_modality(chain) -> str:
    neg = hedged = future = False
    would_only = True
    if chain[0].pos_ == "NOUN":
        # "a visit cancelled at the last minute", "had his talks with B called off"
        undone = [c for c in kids(chain[0]) if c.dep_ == "acl"]
        if len(chain) > 1 and chain[1].lemma_ == "have":
            undone += [c for c in kids(chain[1]) if c.dep_ in ("advcl", "ccomp", "xcomp", "oprd") and c.i > chain[0].i]
        neg = any(c.tag_ in ("VBN", "VBD") and (c.lemma_.lower() in NEGATING_VERBS or c.lemma_.lower() == "call" and
                                               any(p.lower_ == "off" for p in kids(c))) for c in undone)
        if chain[0].dep_ == "pobj" and chain[0].head.lower_ == "of" and chain[0].head.head.lower_ == "ahead":
            future = True  # "ahead of B's visit to C": still to come
        if chain[0].dep_ == "dobj" and chain[0].head.lemma_.lower() in GIVING_UP and \
                chain[0].lemma_.lower() in APPEALS | OBJECTIONS:
            neg = True  # "dropped its demand that B extradite A", "withdrew its objection to B's bid"
        proposal = chain[0].head.head if chain[0].dep_ == "pobj" and chain[0].head.lower_ == "for" else None
        if proposal is not None and proposal.lemma_.lower() in PROPOSALS:
            # "a proposal for a meeting between A and B": none yet; "turned down a proposal for talks": none
            future = True
            turned = proposal.head if proposal.dep_ == "dobj" else None
            neg = neg or turned is not None and (turned.lemma_.lower() in NEGATING_VERBS | {"reject", "rebuff", "spurn"} or
                                                  any(c.dep_ == "prt" and c.lower_ == "down" for c in kids(turned)))
    for k, t in enumerate(chain):
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma + "e" in FUTURE_VERBS | HEDGE_VERBS | NEGATING_VERBS:
            lemma += "e"  # "hoped" read as "hop"
        for c in kids(t):
            cl = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and cl in NEG_DET) or (c.dep_ == "advmod" and cl == "never") or \
                    c.dep_ == "advmod" and any(g.lower_ == "never" or g.dep_ == "neg" for g in kids(c)) or \
                    c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in kids(c)):
                neg = True  # (and "neither A nor B supported it")
            elif c.dep_ in ("aux",) and cl in FUTURE_MODALS | {"wo"}:
                future = True
            elif c.dep_ in ("aux",) and cl in HEDGE_MODALS:
                hedged = True
                would_only = would_only and cl == "would"
            elif c.dep_ in ("advmod", "amod") and cl in HEDGE_WORDS:
                hedged = True
            elif c.dep_ in ("amod", "compound") and cl in FUTURE_ADJ and t.pos_ in ("NOUN", "PROPN"):
                future = True
        if t.dep_ == "acl" and t.tag_ == "VB" and t.head.lemma_.lower() in INTENT_NOUNS:
            # "has a plan to aid B", "a duty to help B": not done yet; "has no plans to cut ties": not at all
            if any(d.dep_ == "det" and d.lower_ == "no" for d in kids(t.head)):
                neg = True
            else:
                future = True
        if t is chain[0] and t.pos_ == "VERB" and any(
                c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in kids(c)) for c in kids(t)):
            neg = True  # "sold no weapons to B", "signed no deal with B"
        if t is chain[0] and any(c.dep_ in ("preconj", "cc") and c.lower_ in ("neither", "nor")
                                 for c in [*kids(t), *(kids(t.head) if t.dep_ == "conj" else ())]):
            neg = True  # "has neither accepted nor rejected it"
        if t is chain[0] and lemma == "be" and any(
                c.dep_ == "acomp" and c.lower_ in ("due", "expected", "scheduled", "poised", "slated")
                for c in kids(t)):
            future = True  # "A is due in Berlin on Thursday"
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(t)) and (lemma == "be" and any(
                c.lower_ in ("due", "expected", "scheduled", "set", "slated") for c in kids(t)) or
                t.lower_ in ("expected", "scheduled", "slated") and any(c.dep_ == "auxpass" for c in kids(t))):
            neg = True  # "A had been due in Berlin on Thursday", "had been expected to meet B": a plan given up
        if t is chain[0] and lemma == "expect" and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids(t)) and \
                any(c.dep_ == "prep" and c.lower_ == "in" for c in kids(t)):
            future = True  # "A is expected in Moscow next week"
        if t is not chain[0] and not (chain[k - 1].dep_ == "conj" and coordinated_with(chain[k - 1]).i == t.i) \
                and not (chain[k - 1].dep_ == "advcl" and chain[k - 1].tag_ == "VBG" and chain[k - 1].i < t.i and
                         not any(c.dep_ in ("mark", "aux") for c in kids(chain[k - 1]))):
            # (a verb's own sense bears on what it governs, not on a verb joined to it: "refused to
            # join the drills and kept its ties with B" kept them; nor on a participle put before it:
            # "Meeting in Lima, the leaders decided to ..." met)
            if lemma in NEGATING_VERBS or lemma == "call" and any(c.lower_ == "off" for c in kids(t)) or \
                    lemma == "have" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in kids(t)):
                neg = True  # ("has yet to sign": not signed)
            elif lemma in HEDGE_VERBS:
                hedged = True
            elif lemma in FUTURE_VERBS and not (lemma == "agree" and chain[0].dep_ == "dobj" and chain[0].head.i == t.i) \
                    and not (lemma == "set" and any(c.dep_ == "prt" for c in kids(t))) \
                    and not (chain[k - 1].dep_ == "pcomp" and chain[k - 1].head.lower_ in ("before", "after")) \
                    and not (lemma in ("agree", "decide") and
                             any(x.lemma_.lower() in DECIDED_MEASURES for x in chain)) \
                    and not (lemma in ("pledge", "vow", "promise") and len(chain) > 2 and
                             chain[0].lemma_.lower() in ("cooperation", "co-operation") and
                             chain[1].lemma_.lower() in WIDENING) \
                    or (lemma == "be" and any(c.lower_ in ("due", "set", "expected", "scheduled", "poised", "slated")
                                                                for c in kids(t))):
                future = True
            elif lemma == "going" or (lemma == "go" and t.tag_ == "VBG"):
                future = True
            elif lemma == "be" and any(c.dep_ == "xcomp" and c in chain and any(a.lower_ == "to" for a in kids(c))
                                       for c in kids(t)) and not any(c.dep_ == "attr" for c in kids(t)):
                future = True  # "X is to visit Y" (but "X was the first state to recognise Y")
    top = chain[-1]
    if top.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(top)) and \
            (top.dep_ == "ROOT" or top.dep_ in ("acl", "relcl") and top.head.dep_ == "ROOT" and top.head.pos_ in ("NOUN", "PROPN")):
        future = True  # a headline's "X to visit Y"
    if top.dep_ in ("acl", "ccomp") and top.head.pos_ == "NOUN" and \
            any(c.dep_ == "det" and c.lower_ == "no" for c in kids(top.head)):
        neg = True  # "there was no sign that X had sent arms"
    if top.dep_ in ("advcl", "acl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(top)) and (
            top.head.lemma_.lower() in APPEALS or
            any(o.dep_ == "dobj" and o.lemma_.lower() in APPEALS for o in kids(top.head))):
        future = True  # "his call on A to impose sanctions": asked for, not done
    if top.dep_ == "advcl" and top.tag_ in ("VBZ", "VBP") and top.head.i != top.i and any(
            m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "once", "before", "until", "while")
            for m in kids(top)) and _chain_modality(_verb_chain(top.head)) in ("future", "hedged"):
        future = True  # "A is expected to raise it when he meets B": the meeting is ahead too
    if top.tag_ in ("VBZ", "VBP") and top.lemma_.lower() in SCHEDULED and not top.doc.user_data.get("headline") and (
            any(c.dep_ in ("prep", "npadvmod") and any(w.lower_ in PLANNED_DAYS for w in c.subtree)
                for c in [*kids(top), *(g for o in kids(top) if o.dep_ == "dobj" for g in kids(o))])
            or any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "on" and not any(kids(c)) for c in kids(top))):
        # ("A flies on to Brazil": the next stop of a journey, still ahead)
        future = True  # "A travels to Ottawa on Thursday for a summit": a plan, told in the present
    if top.dep_ == "relcl" and top.tag_ == "VBN" and any(c.lower_ == "would" for c in kids(top)) and \
            any(c.lower_ == "have" for c in kids(top)) and \
            (any(w.lower_ in ("draft", "proposed") for w in top.head.subtree if w.i < top.head.i) or
             top.head.head.lemma_.lower() in ("veto", "block", "reject", "defeat", "kill")):
        neg = True  # "blocked a draft text that would have censured X": it was never adopted
    if neg:
        return "negated"
    if (hedged and would_only or future) and any(
            t.pos_ == "VERB" and (t.lemma_.lower() in ("keep", "continue") or
                                  t.lemma_.lower() == "go" and any(c.lower_ == "on" for c in kids(t)))
            for t in chain[1:2]):
        return "asserted"  # "would keep pressing X", "will continue to arm B", "would go on supplying B": going on already
    if hedged and future and would_only:
        return "future"  # "would seek a call": the future of reported speech
    if hedged:
        return "hedged"
    if future:
        return "future"
    return "asserted"


# words that open a clause of time or cause, whose event the sentence tells as it happened
SUBORDINATORS = TIME_MARKS | {"since", "because"}


def _reporters(trigger, idx: ActorIndex) -> tuple[list[tuple[Actor | None, object]], bool]:
    """Who the sentence says claims the event, innermost first, and whether one of them denies it."""
    out = []
    denied = False
    t = trigger
    seen = 0
    described = False  # the path went through a relative clause, which a denial of its head does not reach
    while t.head.i != t.i and seen < 12:
        seen += 1
        described = described or t.dep_ == "relcl"
        head = coordinated_with(t) if t.dep_ == "conj" else t.head
        if head.lemma_.lower() in DENIAL_VERBS and any(
                c.dep_ in ("dobj", "nsubj") and c.i > t.i and (c.lemma_.lower() in CHARGES or any(
                    g.dep_ in ("amod", "compound") and g.lemma_.lower() in CHARGES for g in kids(c)))
                for c in kids(head)):
            # "A accused B of ..., a charge B denies": the parser hangs the accusation on the denial
            # (and may read "a charge British ministers deny" as a "charge" kind of ministers)
            t = head
            continue
        if t.dep_ in ("relcl", "acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in CHARGES and \
                any(m.lower_ == "that" and m.dep_ == "mark" for m in kids(t)):
            # "the charge from X that Y armed the rebels": X's claim
            by = [c for c in kids(head) if c.dep_ == "poss"] + \
                [p for c in kids(head) if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for p in kids(c) if p.dep_ == "pobj"]
            out.append((_speaker(by, idx), head))
        if t.dep_ == "ccomp" and t.i < head.i and any(c.dep_ == "punct" and c.lower_ == ";" and t.i < c.i < head.i
                                                       for c in kids(head)):
            break  # "A blamed B; C denied any part": two clauses, the parser hangs the first on the second's verb
        if t.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and head.lemma_.lower() in REPORTING_VERBS | DENIAL_VERBS \
                and not (t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SUBORDINATORS for m in kids(t))):
            # (not "recalled its envoys after A recognised B": a clause of time is told, not claimed)
            if head.lemma_.lower() in DENIAL_VERBS and t.dep_ == "ccomp" and not described:
                denied = True  # (not "denied that the visit, which comes as A protests, was aimed at B")
            subj = [c for c in kids(head) if c.dep_ in ("nsubj",)]
            if not subj and any(c.dep_ == "agent" for c in kids(head)):
                subj = [p for c in kids(head) if c.dep_ == "agent" for p in kids(c)]
            out.append((_speaker(subj, idx), head))
        t = head
    # "Saudi Arabia accused Iran of arming the Houthis": the accuser's claim
    h = trigger
    if h.pos_ == "NOUN" and h.dep_ == "dobj" and h.head.pos_ == "VERB" and h.head.lemma_.lower() in LIGHT_VERBS:
        h = h.head  # ("accused B of carrying out attacks on C": the act a light verb carries)
    for _ in range(3):
        if h.dep_ in ("pcomp", "pobj") and h.head.lower_ in ("of", "for") and h.head.head.lemma_.lower() in ACCUSING:
            # (and "blamed Iran for the attacks on B": the act named by a noun)
            verb = h.head.head
            subj = [c for c in kids(verb) if c.dep_ == "nsubj"]
            out.append((idx.resolve(subj[0]) if subj else None, verb))
            break
        if h.dep_ not in ("xcomp", "conj", "advcl"):  # "of sending fighters to fight alongside Y"
            break
        h = h.head
    # "according to X" on a verb of the trigger's own clause or on one of its reporting verbs
    # (on a party's own reporting verb it only names the conduit of the party's words)
    anchors = {t.i for t in _verb_chain(trigger)}
    for tok in idx.sent_of(trigger.i):
        if tok.lower_ == "according" and tok.head.i in anchors and tok.i + 1 < len(tok.doc) \
                and tok.doc[tok.i + 1].lower_ == "to":
            target = [p for p in kids(tok.doc[tok.i + 1]) if p.dep_ == "pobj"]
            out.append((_speaker(target, idx), tok))
    return out, denied


def _speaker(tokens, idx: ActorIndex) -> Actor | None:
    """Who a reporting phrase names: "Lavrov", "the Russian foreign minister", "U.S. officials".
    Of several subjects the parser gives, the one nearest the verb is the speaker."""
    for t in sorted(tokens, key=lambda t: -t.i):
        actor = idx.resolve(t)
        if actor is not None:
            return actor
        for w in t.subtree:
            m = idx.mention_at(w.i)
            if m is not None:
                return m.actor
    return None


def _agency_report(actor: Actor | None, verb) -> bool:
    """Whether ``verb`` is a news agency's plain telling ("Tass said", "the agency reported")."""
    if verb.lemma_.lower() not in ("say", "report"):
        return False
    if actor is not None:
        return actor.org_kind == "news-agency"
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() == "agency" or any(
        g.dep_ in ("compound", "appos") and g.lemma_.lower() == "agency" for g in kids(c))) for c in kids(verb))


def _is_party(actor: Actor | None, cand: Candidate, idx: ActorIndex) -> bool:
    """Whether ``actor`` is on the side of the candidate's subject or of its object."""
    return _is_side(actor, cand.subject, idx) or _is_side(actor, cand.object, idx)


def _is_side(actor: Actor | None, who: Actor, idx: ActorIndex) -> bool:
    """Whether ``actor`` is ``who`` or acts for the same state or body."""
    if actor is None:
        return False
    mine = [actor] + ([idx.country_of(actor)] if idx.country_of(actor) is not None else [])
    theirs = [who] + ([idx.country_of(who)] if idx.country_of(who) is not None else [])
    return any(idx.gaz.same_party(a, b) for a in mine for b in theirs)


def _said_would(chain, trigger) -> bool:
    """Whether the only hedge of an event is a "would" in words someone is said to have spoken."""
    auxes = [c.lower_ for t in chain for c in kids(t) if c.dep_ == "aux"]
    if "would" not in auxes or any(a in ("could", "may", "might") for a in auxes) or any(
            c.lower_ in HEDGE_WORDS for t in chain for c in kids(t) if c.dep_ in ("advmod", "amod")) or any(
            t.lemma_.lower() in HEDGE_VERBS for t in chain[1:]):
        return False
    t = chain[-1]
    while t.dep_ == "conj" and t.head.i != t.i:  # "said that A would ... and that it would sign ..."
        t = t.head
    return t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS


# reporting verbs that vouch for what they report
CONFIRMING = WORDS.set("confirming_verbs")
# verbs of a vow, under which support or a threat still to come is given now
_VOWS = {"supported": frozenset({"vow", "pledge", "promise", "swear"}),
         "threatened": frozenset({"vow", "pledge", "promise", "swear", "threaten"}),
         "cooperatedWith": frozenset({"agree", "pledge", "vow", "promise", "decide", "resolve"})}


def modality_of(cand: Candidate, doc, idx: ActorIndex) -> tuple[str, Actor | None, object | None]:
    """(modality, who claims it, the reporting verb) for one candidate."""
    trigger = doc[cand.trigger]
    chain = _verb_chain(trigger)
    if cand.rule.endswith("/by"):  # "joined the sanctions imposed on X by Y": Y's sanctions are as told by "imposed"
        chain = next(([trigger] + _verb_chain(a)[1:] for a in kids(trigger) if a.dep_ == "acl" and a.tag_ == "VBN"
                      and any(c.dep_ == "agent" for c in kids(a))), chain)
    if cand.rule.startswith("noun:") and cand.rule.endswith(("/modifier", "/poss")) and trigger.dep_ == "pobj" and \
            any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "nummod" for c in kids(trigger)) and \
            trigger.head.head.pos_ == "VERB" and not trigger.head.head.lemma_.lower() in LIGHT_VERBS:
        chain = [trigger]  # "was never consulted about the 1983 US invasion of Grenada": a known event
    elif cand.rule.startswith("noun:") and cand.rule.endswith(("/modifier", "/poss")) and trigger.dep_ == "dobj" and \
            trigger.head.pos_ == "VERB" and trigger.head.lemma_.lower() not in LIGHT_VERBS | TIES_VERBS | TRIP_BOUNDS:
        chain = [trigger]  # "will examine a European Community complaint against B": made already
    if cand.rule.startswith("noun:") and _own_rule(cand).endswith("+that") and trigger.dep_ == "dobj":
        chain = [trigger]  # "denied claims by B that A armed the rebels": the claims were made; their content is denied
    elif cand.rule.startswith("noun:") and _own_rule(cand).endswith("+answered"):
        chain = [trigger]  # "has refused B's demands": refused or not, the demands were made
    elif _own_rule(cand) == "verb:flank":
        chain = [trigger]  # "flanked by B, A told reporters ...": the one beside A is seen, not told (nor below)
    modality = _chain_modality(chain)
    if modality == "asserted" and _own_rule(cand).endswith("/frame") and len(chain) == 1 and \
            (verb := _frame_verb(trigger)) is not None and _chain_modality([trigger] + _verb_chain(verb)) == "negated":
        modality = "negated"  # "could not agree on sanctions against B", "did not take part in the talks"
    if modality == "hedged" and _said_would(chain, trigger):
        modality = "future"  # "X said Washington would announce sanctions": the future of reported speech
    if _own_rule(cand) == "verb:threat+if" and modality == "future":
        modality = "asserted"  # "we will strike if ...": the future harm is the threat, made now
    if cand.predicate in _VOWS and modality == "future" and len(chain) > 1 and \
            chain[1].lemma_.lower() in _VOWS[cand.predicate] and \
            not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in kids(chain[1])):
        # "promised to fight Turkey's corner", "vowed retaliation against X", "agreed to work
        # together": the vow is the support or the threat, the agreement the cooperation, made now
        modality = "asserted"
    if modality == "asserted" and trigger.lemma_.lower() == "promise" and cand.predicate in ("aided", "suppliedArmsTo"):
        modality = "future"  # "has promised B a loan": the loan is still to come
    if _own_rule(cand) == "verb:accept+cannot" and modality in ("negated", "future"):
        modality = "asserted"  # "cannot accept X's claim": the refusal is the act, made now
    reporters, denied = _reporters(trigger, idx) if _own_rule(cand) != "verb:flank" else ([], False)
    if denied and modality == "asserted":
        modality = "negated"
    # ("officials confirmed that A met B": what is confirmed the article tells as known)
    told_by = reporters  # (a confirming verb still dates what it tells: "announced on Monday that ...")
    reporters = [(a, v) for a, v in reporters if v.lemma_.lower() not in CONFIRMING]
    # "according to X" makes it X's claim even when X is the other party ("according to Pakistani
    # officials, fighters attacked Pakistani posts"), though not the doer's own account; a party's
    # own "said" does not
    outsider = next(((a, v) for a, v in reporters if not _is_party(a, cand, idx) or
                     v.lower_ == "according" and not _is_side(a, cand.subject, idx) or
                     v.lemma_.lower() in ACCUSING and cand.predicate != "accused" and _is_side(a, cand.object, idx)),
                    None)
    # ("A accused B of plotting to kill him": what A says was done to A is still only A's charge)
    if modality == "asserted" and outsider is not None and cand.rule.startswith("noun:") and \
            cand.rule.endswith(("/modifier", "/poss")) and trigger.dep_ in ("nsubj", "nsubjpass", "pobj") and \
            any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in kids(trigger)):
        outsider = None  # "X said the US-led invasion was illegal": the invasion is no claim of X's, but known
    if outsider is not None and _agency_report(*outsider):
        outsider = None  # "..., the official news agency TAP said": the wire's source for the news, no party's claim
    if modality == "asserted" and outsider is not None:
        return "reported", outsider[0], outsider[1]
    verb = reporters[0][1] if reporters else told_by[0][1] if told_by else None
    return modality, None, verb


class _Dates(dict):
    """Token index of the word a date modifies -> (iso date, entity start), filled in text order."""

    _starts: list | None = None

    def between(self, lo: int, hi: int) -> dict[int, tuple[str, int]]:
        """The entries whose entity starts at tokens ``lo`` to ``hi`` (exclusive)."""
        if self._starts is None:
            self._items = list(self.items())
            self._starts = [v[1] for _, v in self._items]
        return dict(self._items[bisect_left(self._starts, lo):bisect_left(self._starts, hi)])


# "the next year", "early the following year", "a year later", "the year before": counted from a year told
_YEAR_STEP = re.compile(r"(?:(?:early|late|later|earlier) (?:in )?)?(?:the (next|following|previous) year|"
                        r"a year (later|earlier)|the year (after|before))")


_EXTENDING = WORDS.set("extending")  # "extend the deal to 2042": when the term ends


def _dates(doc, published: date | None, idx: ActorIndex) -> tuple[_Dates, dict[int, str]]:
    """Resolved DATE entities, by the token index of the word each modifies -> (iso date, entity
    start), and by the entity's start -> iso date."""
    out = _Dates()
    by_start: dict[int, str] = {}
    last_year = None
    last_day = None  # the last day an event was told on: what "the next day" counts from
    for ent in idx.ents:
        if ent.label_ != "DATE":
            continue
        if _is_dateline(ent):
            continue
        ref = published
        sent_start = idx.sent_of(ent.start).start
        if last_year is not None and last_year[1] >= _prev_sent_start(idx, sent_start) and published \
                and last_year[0] < published.year:
            ref = date(last_year[0], 12, 31)  # "in January" in a paragraph about 1992
        text = re.sub(r"(?:'s|’s|')$", "", ent.text)  # "last week's shelling"
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("last", "next", "this", "past", "previous", "coming"):
            text = f"{doc[ent.start - 1].lower_} {text}"  # "on last Thursday": the NER left "last" out
        if ent.end < len(doc) and doc[ent.end].lower_ == "today" and text.lower().endswith("ago"):
            text = f"{text} today"  # "forty years ago today": the very day
        iso = resolve_date(text, published)
        if ref is not published and _BARE_MONTH.fullmatch(ent.text.strip().lower()):
            iso = resolve_date(ent.text, ref)
            if iso is not None and len(iso) == 10 and len(last_year[2]) == 10:
                # "on Dec. 23, 1991, ... followed on Jan. 13": the day of that name nearest the one told
                told = date.fromisoformat(last_year[2])
                iso = min((d for y in (told.year - 1, told.year, told.year + 1)
                           if (d := _same_day_in(iso, y)) is not None),
                          key=lambda d: abs((d - told).days)).isoformat()
        years = _YEAR_STEP.fullmatch(text.strip().lower())
        if years and last_year is not None:
            # "invaded in 1990 ... drove them out early the next year": a year counted from the one told
            way = next(g for g in years.groups() if g)
            iso = str(last_year[0] + (1 if way in ("next", "following", "later", "after") else -1))
        step = _day_step(text)
        if step is not None and last_day is not None:
            # "the following day", "a day later": the day after the one the story last told of
            iso = (date.fromisoformat(last_day) + timedelta(days=step)).isoformat()
        if iso is not None and len(iso) >= 4 and ent.text.strip()[-4:].isdigit():
            last_year = (int(iso[:4]), sent_start, iso)
        if iso is None:
            continue
        # the word the date modifies: up from the entity, through a preposition ("on", "in")
        gov = ent.root
        while gov.head.i != gov.i and ent.start <= gov.i < ent.end:
            gov = gov.head
        if gov.pos_ == "ADP" and gov.head.i != gov.i:
            if gov.lower_ in ("until", "till", "to", "through", "beyond") and (
                    gov.head.lemma_.lower() in _EXTENDING or gov.head.head.lemma_.lower() in _EXTENDING):
                by_start[ent.start] = iso
                continue  # "extended the lease until 2042", "extend deal to 2042": when it ends, not when it was done
            gov = gov.head
        if len(iso) == 10 and gov.pos_ in ("VERB", "AUX"):
            last_day = iso  # the day of something that happened, not of a thing named ("the May 2 pact")
        out.setdefault(gov.i, (iso, ent.start))
        by_start[ent.start] = iso
    return out, by_start


def _date_for(cand: Candidate, doc, idx: ActorIndex, dates, by_start, verb, modality: str, claimed_by,
              triggers: set[int]) -> str | None:
    trigger = doc[cand.trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.i in dates:
        return dates[trigger.i][0]  # the noun's own date: "last week's shelling", "the 1990 invasion"
    # the date governed by the trigger or a token of its own phrase ("summit ... on September 13")
    chain = _verb_chain(trigger)
    own = chain + [c for v in chain for c in kids(v) if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for t in own:  # "Speaking on Monday, Wang urged ...", "Speaking to a gathering on Monday, ..."
        if t.i in dates:
            return dates[t.i][0]
        if t not in chain:
            for w in t.subtree:
                if w.i in dates and _plain_path(w, t, idx):
                    return dates[w.i][0]
    for t in trigger.subtree:  # within the trigger's own phrase: "signed agreements ... on Tuesday"
        if t.i in dates and t.i != trigger.i and _plain_path(t, trigger, idx) and \
                not (t.pos_ in ("NOUN", "PROPN") and t.i in triggers and cand.predicate in REACTIONS):
            # (not "condemned last week's shelling": the shelling's day, not the condemnation's)
            return dates[t.i][0]
    top = chain[-1]
    if top.dep_ == "advcl" and top.head.i in dates and modality == "asserted":
        return dates[top.head.i][0]  # "X declared on Monday after the three men met"
    if top.dep_ == "conj" and top.tag_ == "VBD" and top.head.i in dates and modality == "asserted" and \
            top.head.lemma_.lower() not in REPORTING_VERBS:
        return dates[top.head.i][0]  # "On Wednesday A met B, and the two leaders signed": that day
    if top.dep_ in ("relcl", "advcl") and any(c.lower_ in ("where", "when") for c in kids(top)):
        # "in March 1969, when Chinese troops ambushed ...", "In August 1970 he travelled to
        # Moscow, where he signed ...": the time of the clause it hangs on
        head = top.head
        ent = idx.ent_at(head.i)
        ent = ent if ent is not None and ent.label_ == "DATE" else None
        if ent is not None:
            return resolve_date(ent.text, None) or by_start.get(ent.start)
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i in dates and head.lemma_.lower() not in REPORTING_VERBS:
            return dates[head.i][0]
    h = trigger
    while h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
        h = h.head
        if h.i in dates and h.pos_ in ("NOUN", "PROPN") and h.i not in idx.by_token:
            return dates[h.i][0]
    if trigger.pos_ in ("NOUN", "PROPN") and h.pos_ in ("VERB", "AUX") and h.i in dates \
            and h.lemma_.lower() not in REPORTING_VERBS and h.i not in triggers:
        return dates[h.i][0]  # "fired missiles early Wednesday in a combined drill"
    sent = idx.sent_of(trigger.i)
    # a date in the sentence that hangs on no other relation or reporting verb
    # ... and stands between the subject and the trigger ("the Soviet Union on Oct. 12, 1948 became
    # the first country to recognize")
    subj_pos = [m.start for m in idx.ments_between(sent.start, cand.trigger) if m.actor.key == cand.subject.key]
    lo = max(subj_pos) if subj_pos else cand.trigger
    govs = dates.between(lo + 1, cand.trigger)
    free = [(abs(v[1] - cand.trigger), v[0]) for i, v in govs.items()
            if doc[i].lemma_.lower() not in REPORTING_VERBS and (verb is None or i != verb.i)
            and i not in triggers and not any(_other_time(a) for a in [doc[i], *doc[i].ancestors])]
    if free and modality != "reported":
        return min(free)[1]
    if verb is not None and verb.i in dates and claimed_by is None:
        return dates[verb.i][0]
    return None


def extract_doc(doc, article: Article, gaz: Gazetteer | None = None, title_doc=None) -> Extraction:
    """All events, roles and actor names one parsed article states; with ``title_doc`` (the parsed
    headline) also what only the headline states. Such an event has the headline as its sentence
    and an empty span at the start of the text (``start == end == 0``), since the headline is not
    part of the text the offsets point into."""
    gaz = gaz or gazetteer()
    events, idx, lead = _events(doc, article, gaz)
    if len(article.text) == len(idx.text):
        # the evidence with the article's own hyphens, where the parser read dashes ("A - B" as "A – B")
        events = [replace(e, sentence="".join(
            a if p == "–" and a == "-" else p for p, a in zip(e.sentence, article.text[e.start:e.end])))
            if "–" in e.sentence else e for e in events]
    roles_from = [idx]
    if title_doc is not None and len(title_doc):
        told = {_told(e) for e in events}
        title_doc.user_data["headline"] = True  # its present tense tells of the past
        head_events, head_idx, _ = _events(title_doc, article, gaz)
        titled = _titled_states(title_doc, head_idx, gaz)
        for e in head_events:
            if e.extractor.startswith("ties:improve"):
                continue  # "A and B restore ties": the headline's gist of what the text tells as an accord or a recognition
            e = replace(e, subject=_as_in_text(e.subject, idx, titled), object=_as_in_text(e.object, idx, titled))
            if _told(e) not in told:
                told.add(_told(e))
                if e.date is None and e.modality == "asserted" and lead is not None:
                    e = replace(e, date=lead)  # the headline tells the lead's news: it takes the lead's day
                events.append(replace(e, sentence=title_doc.text.strip(), start=0, end=0,
                                      extractor=e.extractor + "@headline"))
        roles_from.append(head_idx)
    used = {e.subject.key for e in events} | {e.object.key for e in events} | \
        {e.claimed_by.key for e in events if e.claimed_by is not None}
    mentions, roles = mentions_and_roles(idx, used)
    if len(roles_from) > 1:
        _, head_roles = mentions_and_roles(roles_from[1], used)
        have = {r.person.key for r in roles}
        roles = list(roles) + [r for r in head_roles if r.person.key not in have]
    return Extraction(article=article, events=tuple(events), roles=tuple(roles), mentions=tuple(mentions))


ENVOY_TITLES = WORDS.set("envoy_titles")


def _titled_states(title_doc, head_idx: ActorIndex, gaz: Gazetteer) -> dict[str, set[str]]:
    """The states a headline names only through an officeholder's title ("Uzbek president visits
    Tajikistan", "UK minister presses N Korea"), each with the words of that title."""
    words = gaz.office_words() - ENVOY_TITLES  # "expels Canadian ambassador": the rules speak of the state
    out: dict[str, set[str]] = {}
    for tok in title_doc:
        if tok.lower_ not in words or tok.i in head_idx.by_token or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        # "Uzbek president", "UK's minister", "president of South Korea"
        owners = [c for c in kids(tok) if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i] + \
            [p for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c) if p.dep_ == "pobj"]
        for c in owners:
            m = head_idx.by_token.get(c.i)
            if m is not None and m.actor.kind in STATE_KINDS:
                out.setdefault(m.actor.key, set()).add(tok.lower_)
    return out


def _as_in_text(actor: Actor, idx: ActorIndex, titled: dict[str, set[str]] | None = None) -> Actor:
    """The person of the text that a headline names by part of the name ("Okafor" for "Ngozi Okafor"),
    or by a title with the state alone ("Uzbek president" for the one president of Uzbekistan the
    text names)."""
    if titled and actor.key in titled:
        people = {m.actor.key: m.actor for m in idx.ments if m.actor.kind == "person"}
        holders = {key: person for key, (role, state) in idx.roles.items()
                   if state is not None and state.key == actor.key and role and
                   titled[actor.key] & set(role.lower().split()) and (person := people.get(key)) is not None}
        told = {k: a for k, a in holders.items() if idx.role_source.get(k) == "text"}  # not a predecessor the gazetteer knows
        holders = told or holders
        return next(iter(holders.values())) if len(holders) == 1 else actor
    if actor.kind != "person":
        return actor
    words = fold_accents(actor.label).split()
    people = {m.actor.key: m.actor for m in idx.ments if m.actor.kind == "person"}
    found = {k: a for k, a in people.items() if fold_accents(a.label).split()[-len(words):] == words}
    if not found and actor.key not in people:
        # "Johnson stands by X" over a text about Alan Johnson: the headline's surname is the text's
        # person, not a namesake the gazetteer knows
        found = {k: a for k, a in people.items() if fold_accents(a.label).split()[-1:] == words[-1:]}
    return next(iter(found.values())) if len(found) == 1 else actor


def _told(e: Event) -> tuple:
    """What an event says, whatever sentence says it: a headline repeating the text adds nothing."""
    ends = frozenset((e.subject.key, e.object.key)) if relation_info(e.predicate).symmetric else (e.subject.key, e.object.key)
    return e.predicate, ends, e.modality if e.modality in ("negated", "future") else "factual"


def _mend_lemmas(doc) -> None:
    """Words the tokenizer cuts at a hyphen keep their whole lemma: "co-operation" is read as
    cooperation, not as "operation"."""
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in ("operation", "operations", "operate", "operated", "operating")}
    at = [i for i, h in enumerate(doc.to_array("LOWER").tolist()) if i >= 2 and h in wanted]
    for t in (doc[i] for i in at):
        if t.lower_.startswith("operat") and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "co" and \
                not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_:
            t.lemma_ = "co" + t.lemma_.lower()


def _mend_participles(doc, verbs) -> None:
    """A participle that opens a sentence, capitalised, is often tagged a name: "Accusing Qatar of
    X, A cut ties" reads "Accusing" as a verb again when a relation verb is its stem."""
    starts, tags = doc.to_array("SENT_START").tolist(), doc.to_array("POS").tolist()
    propn = doc.vocab.strings["PROPN"]
    for t in (doc[i] for i, (s, p) in enumerate(zip(starts, tags)) if s == 1 and p == propn):
        if t.dep_ == "advcl" and t.lower_.endswith("ing") and len(t) > 5:
            stem = t.lower_[:-3]
            lemma = next((w for w in (stem, stem + "e", stem[:-1]) if w in verbs), None)
            if lemma is not None:
                t.pos_, t.tag_, t.lemma_ = "VERB", "VBG", lemma


def _mend_neighbouring(doc) -> None:
    """ "invaded neighbouring Afghanistan", "told visiting Nepali Prime Minister A": the parser may
    read "neighbouring" or "visiting" as a verb whose object is the state or the person; it is an
    adjective of what follows, the object of the verb before."""
    lowers = doc.to_array("LOWER").tolist()
    wanted = {doc.vocab.strings.add(w) for w in ("neighbouring", "neighboring", "visiting")}
    for i in (i for i, w in enumerate(lowers) if w in wanted and 0 < i < len(doc) - 1):
        t = doc[i]
        if t.pos_ != "VERB" or t.dep_ not in ("xcomp", "advcl", "ccomp", "conj") or t.head.i != i - 1 or \
                t.head.pos_ != "VERB":
            continue
        obj = next((c for c in kids(t) if c.dep_ == "dobj" and c.left_edge.i == i + 1 and c.pos_ == "PROPN"), None)
        if obj is None:
            continue
        obj.head, obj.dep_ = t.head, "dobj"
        t.head, t.dep_, t.pos_, t.tag_ = obj, "amod", "ADJ", "JJ"


def _tokens_with(doc, attr: str, values: tuple[str, ...]) -> list:
    """The tokens whose ``attr`` (a parse array: "DEP", "TAG") is one of ``values``, found from the
    arrays without making a token object for every word."""
    wanted = {doc.vocab.strings.add(v) for v in values}
    return [doc[i] for i, x in enumerate(doc.to_array(attr).tolist()) if x in wanted]


def _mend_reduced_relatives(doc) -> None:
    """ "the accord (that) both states signed in 1979": the small parser may read the verb as a
    participle on its own subject ("states signed in 1979"); it is a clause on the noun before."""
    for v in _tokens_with(doc, "DEP", ("acl",)):
        if v.tag_ not in ("VBD", "VBN") or v.pos_ != "VERB" or v.i == 0:
            continue
        subj = v.head
        if subj.i != v.i - 1 or subj.pos_ != "NOUN" or any(c.dep_ in ("dobj", "agent") for c in kids(v)) or \
                not any(c.dep_ in ("det", "nummod", "predet") for c in kids(subj)):
            continue
        k = subj.left_edge.i - 1
        rel = doc[k] if k >= 0 and doc[k].lower_ in ("that", "which") else None
        if rel is not None:
            k -= 1
        if k < 0 or doc[k].pos_ != "NOUN" or any(t.is_punct for t in doc[k:subj.i]):
            continue
        noun = doc[k]
        if v.is_ancestor(noun):
            continue  # (no loop in the tree)
        v.head, v.dep_ = noun, "relcl"
        subj.head, subj.dep_ = v, "nsubj"
        if rel is not None:
            rel.head, rel.dep_ = v, "dobj"


def _mend_noun_participles(doc) -> None:
    """ "lifted its ban on citizens travelling to B": the small parser may hang the participle on the
    verb, which makes the verb's subject travel; it tells of the noun right before it."""
    for v in _tokens_with(doc, "DEP", ("advcl",)):
        if v.tag_ != "VBG" or v.i == 0:
            continue
        noun = doc[v.i - 1]
        if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or not noun.head.is_ancestor(noun) or \
                not v.head.is_ancestor(noun) or v.is_ancestor(noun):
            continue
        v.head, v.dep_ = noun, "acl"


LED_GROUPS = WORDS.set("led_groups")  # "a delegation led by A"


def _mend_led_groups(doc) -> None:
    """ "talks between a delegation led by A and a team headed by B": the small parser may join the
    second group to A, the leader of the first; the two groups are the pair."""
    for t in _tokens_with(doc, "DEP", ("conj",)):
        if t.pos_ != "NOUN" or t.lemma_.lower() not in LED_GROUPS:
            continue
        leader = t.head
        agent = leader.head
        if leader.dep_ != "pobj" or agent.dep_ != "agent" or agent.head.dep_ != "acl" or \
                agent.head.lemma_.lower() not in ("lead", "head"):
            continue
        group = agent.head.head
        if group.pos_ != "NOUN" or group.lemma_.lower() not in LED_GROUPS or t.is_ancestor(group):
            continue
        t.head = group
        for c in kids(leader):
            if c.dep_ == "cc" and c.i < t.i:
                c.head = group


def _mend_infinitives(doc) -> None:
    """ "took the chance to denounce the shelling": the small parser may take "to" for a preposition
    whose object is the verb, and hang the verb's own object on the verb before; "to" is the
    verb's marker, the clause says what for, and what follows is its object."""
    for v in _tokens_with(doc, "DEP", ("pobj",)):
        if v.tag_ != "VB" or v.i == 0 or v.head.i != v.i - 1 or v.head.lower_ != "to":
            continue
        to = v.head
        main = to.head
        if main.pos_ not in ("VERB", "AUX") or main.i > to.i:
            continue
        objs = [c for c in kids(main) if c.dep_ == "dobj" and c.i > v.i]
        v.head, v.dep_ = main, "advcl"
        to.head, to.dep_, to.pos_, to.tag_ = v, "aux", "PART", "TO"
        for o in objs:
            o.head = v


_DECIDING = INTENT_NOUNS | WORDS.set("deciding_nouns")


def _mend_noun_infinitives(doc) -> None:
    """ "cited A's decision in 2003 to give up its programme": with a phrase between them, the small
    parser may hang the infinitive on the verb before; it tells what the noun is a decision (plan,
    attempt) to do, so it belongs to the noun, whose owner does it."""
    for v in _tokens_with(doc, "DEP", ("advcl",)):
        main = v.head
        if main.pos_ != "VERB" or main.i > v.i or not any(a.dep_ == "aux" and a.lower_ == "to" and a.i == v.i - 1
                                                           for a in kids(v)):
            continue
        nouns = [c for c in kids(main) if c.dep_ == "dobj" and c.i < v.i and c.lemma_.lower() in _DECIDING]
        tasked = doc[v.i - 2] if v.i >= 2 else None
        if tasked is not None and tasked.lemma_.lower() in TASKED and tasked.pos_ == "NOUN" and \
                tasked.dep_ in ("dobj", "pobj", "nsubj") and main in tasked.ancestors and v not in tasked.ancestors:
            v.head, v.dep_ = tasked, "acl"  # "the launch of an EU mission to help B": the mission's owner helps
            continue
        if not nouns:
            continue
        noun = nouns[-1]
        between = range(noun.i + 1, v.i - 1)
        # only a phrase of place or time on the verb or the noun lies between ("in 2003", "last week")
        if not between or any(doc[k].dep_ == "punct" or doc[k].pos_ == "VERB" for k in between) or \
                not all(any(a.i in between and a.dep_ in ("prep", "npadvmod") and a.head.i in (main.i, noun.i)
                            for a in [doc[k], *doc[k].ancestors]) for k in between):
            continue
        v.head, v.dep_ = noun, "acl"


def _mend_claim_verbs(doc) -> None:
    """ "A accused B of X, charges B rejected": the small parser may read the plural claim noun as a
    verb of saying ("charges that B rejected"); it is a noun set beside the clause before, and what
    follows it is a relative clause on it."""
    for tok in _tokens_with(doc, "TAG", ("VBZ",)):
        if tok.i == 0 or doc[tok.i - 1].text != "," or tok.lemma_.lower() not in CLAIMS:
            continue
        turned = [c for c in kids(tok) if c.dep_ == "ccomp" and c.lemma_.lower() in TURNING_DOWN and
                  any(d.dep_ == "nsubj" for d in kids(c))]
        if turned:
            tok.pos_, tok.tag_, tok.dep_ = "NOUN", "NNS", "appos"
            turned[0].dep_ = "relcl"


def _mend_subject_nouns(doc, nouns) -> None:
    """ "US airstrikes on Syria killed five soldiers": the small parser may read a plural event noun
    after a name as a verb with that name for its subject, though the word is itself the subject of
    the sentence's verb; it is a noun, and the name before it its modifier."""
    for t in _tokens_with(doc, "TAG", ("VBZ", "VBP")):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.head.i == t.i or t.head.pos_ not in ("VERB", "AUX") or \
                t.lemma_.lower() not in nouns or not t.lower_.endswith("s"):
            continue
        names = [c for c in kids(t) if c.dep_ == "nsubj" and c.i == t.i - 1 and c.pos_ == "PROPN"]
        if not names:
            continue
        t.pos_, t.tag_ = "NOUN", "NNS"
        names[0].dep_ = "compound"


def _mend_plural_objects(doc, words) -> None:
    """ "imposed asset freezes on B": the small parser may read a plural noun after a noun as a verb
    with that noun for its subject, in a clause under a verb left with no object; the plural is the
    object, and the noun before it its modifier."""
    for t in _tokens_with(doc, "TAG", ("VBZ",)):
        if t.dep_ != "ccomp" or t.lemma_.lower() not in words or t.head.pos_ != "VERB" or t.head.i > t.i or \
                any(c.dep_ in ("dobj", "attr") for c in kids(t.head)) or \
                any(c.dep_ in ("aux", "auxpass", "neg", "mark", "dobj") for c in kids(t)):
            continue
        s = doc[t.i - 1]
        if s.head.i != t.i or s.dep_ != "nsubj" or s.pos_ != "NOUN" or any(kids(s)):
            continue
        t.pos_, t.tag_, t.dep_ = "NOUN", "NNS", "dobj"
        s.dep_, s.head = "compound", t


def _mend_compound_nouns(doc, nouns) -> None:
    """ "has a returns deal with B": the small parser may read "a returns" as a subject and "deal" as
    its verb; a noun after "a" and a noun is the head of that noun phrase, which is the object."""
    for t in _tokens_with(doc, "TAG", ("VB", "VBP")):
        if t.i < 2 or t.lemma_.lower() not in nouns or t.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            continue
        s = doc[t.i - 1]
        if s.head.i != t.i or s.dep_ != "nsubj" or s.pos_ != "NOUN" or \
                not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in kids(s)):
            continue
        t.pos_, t.tag_, t.dep_ = "NOUN", "NN", "dobj"
        s.dep_, s.head = "compound", t
        for d in [d for d in kids(s) if d.dep_ == "det"]:
            d.head = t


def _mend_datives(doc, verbs) -> None:
    """ "has given the Colombian armed forces military aid": the small parser may hang the receiver
    on the thing given, as a noun modifying it; after a verb that takes a receiver ("give", "send"),
    a noun phrase with its own article before the object's modifiers is the receiver."""
    for d in _tokens_with(doc, "DEP", ("nmod",)):
        obj = d.head
        verb = obj.head
        if obj.dep_ != "dobj" or d.i > obj.i or verb.pos_ != "VERB" or d.tag_ != "NNS" or \
                not any(e.objects and "dative" in e.objects for e in verbs.get(verb.lemma_.lower(), ())) or \
                any(c.dep_ == "det" and c.i > d.i for c in kids(obj)) or \
                not all(w.dep_ in ("amod", "compound") and w.head.i == obj.i for w in doc[d.i + 1:obj.i]):
            continue
        k, mods = d.left_edge.i - 1, []
        while k > 0 and doc[k].dep_ in ("amod", "compound") and doc[k].head.i == obj.i:
            mods.append(doc[k])  # ("the Philippine armed forces": the parser may hang "Philippine" on the thing)
            k -= 1
        if k < 0 or doc[k].lower_ != "the":
            continue
        d.head, d.dep_ = verb, "dative"
        for w in [doc[k], *mods]:
            w.head = d


def _mend_signoff(doc) -> None:
    """A wire story's last line, the agency's name alone ("Reuter"), is no word of the last
    sentence: the small parser may take it for the object of that sentence's verb."""
    k = len(doc) - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    t = doc[k]
    if k > 1 and t.lower_ in ("reuter", "reuters") and doc[k - 1].is_space and "\n" in doc[k - 1].text and \
            t.head.i != t.i:
        t.dep_ = "dep"


def _mend_participle_nouns(doc, verbs) -> None:
    """ "Meeting in Mendoza, the presidents decided ...": the small parser may read a participle that
    opens a clause as a noun; an "-ing" word heading a clause on the verb, whose stem is a relation
    verb, is that verb."""
    for tok in _tokens_with(doc, "DEP", ("advcl",)):
        low = tok.lower_
        if tok.pos_ != "NOUN" or not low.endswith("ing") or tok.i > tok.head.i:
            continue
        stem = next((s for s in (low[:-3], low[:-3] + "e", low[:-4]) if s in verbs), None)
        if stem is not None:
            tok.pos_, tok.tag_, tok.lemma_ = "VERB", "VBG", stem


def _mend_number_subjects(doc) -> None:
    """ "once the two signed treaties": the small parser may read the verb as an adjective on the noun
    (treaties that were signed); "the two" is the verb's subject and the noun its object. Only where
    the noun phrase is the object of "after/before/when ..." or stands alone without a verb."""
    for num in _tokens_with(doc, "LOWER", ("two", "three", "both")):
        v = doc[num.i + 1] if num.i + 1 < len(doc) else None
        if v is None or num.i == 0 or doc[num.i - 1].lower_ != "the" and num.lower_ != "both" or \
                v.tag_ not in ("VBD", "VBN") or v.dep_ != "amod" or v.i + 1 >= len(doc):
            continue
        noun = doc[v.i + 1]
        if num.head.i != noun.i or v.head.i != noun.i or noun.pos_ != "NOUN" or \
                noun.dep_ not in ("pobj", "ROOT"):
            continue
        if noun.dep_ == "ROOT":
            v.head, v.dep_ = v, "ROOT"
            for c in list(kids(noun)):
                if c.i > noun.i and c.dep_ == "punct":
                    c.head = v
        else:
            prep = noun.head
            if prep.lower_ not in ("after", "before", "as", "since", "until", "when", "once"):
                continue
            v.head, v.dep_ = prep.head, "advcl"
            prep.head, prep.dep_ = v, "mark"
        num.head, num.dep_ = v, "nsubj"
        noun.head, noun.dep_ = v, "dobj"
        if doc[num.i - 1].lower_ == "the":
            doc[num.i - 1].head = num


def _mend_lost_subjects(doc) -> None:
    """ "Nauru on Tuesday recognised B", "Vanuatu last week signed": the small parser may take a
    rare name opening the sentence for an interjection or an adverb, and the verb is left without a
    subject. A name the entity recogniser marks, alone before the sentence's finite verb, is its subject."""
    for first in _tokens_with(doc, "DEP", ("intj", "advmod", "npadvmod", "dep")):
        if not first.is_sent_start or first.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP") or \
                first.ent_iob_ != "B" or not first.text[:1].isupper() or \
                first.i + 1 < len(doc) and doc[first.i + 1].ent_iob_ == "I":
            continue
        root = first.head
        if first.i >= root.i or root.dep_ != "ROOT" or root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBZ", "VBP") or \
                any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids(root)):
            continue
        first.dep_, first.pos_, first.tag_ = "nsubj", "PROPN", "NNP"


_OBJECT_PRONOUNS = ("him", "her", "them")


def _mend_subordinate_conjuncts(doc) -> None:
    """ "A cancelled the meeting after B insulted him and warned him not to ...": the small parser may
    join the second verb to the main clause, which makes A warn "him", that is A. A pronoun object is
    never its own clause's subject, so the verb goes on with the clause of time or cause before it,
    whose subject is named."""
    for v in _tokens_with(doc, "DEP", ("conj",)):
        main = v.head
        if v.pos_ != "VERB" or main.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or \
                not any(c.dep_ == "dobj" and c.lower_ in _OBJECT_PRONOUNS for c in v.children) or \
                doc[v.i - 1].lower_ != "and" or doc[v.i - 2].text == ",":
            continue
        inner = next((c for c in main.children if c.dep_ == "advcl" and main.i < c.i < v.i and c.pos_ == "VERB" and
                      any(m.dep_ == "mark" and m.lower_ in ("after", "when", "because", "since", "as", "before")
                          for m in c.children) and
                      any(n.dep_ == "nsubj" and n.pos_ == "PROPN" for n in c.children)), None)
        if inner is None or any(c.dep_ in ("advcl", "ccomp") and inner.i < c.i < v.i for c in main.children):
            continue
        v.head = inner
        doc[v.i - 1].head = inner


def _mend_participle_roots(doc) -> None:
    """ "Leaders of the bloc, meeting in Caracas on Tuesday, condemned B": the small parser may take
    the participle set off by commas for the sentence's verb, with the subject its own, and hang the
    real verb on it without a subject. The finite verb is the sentence's; the participle describes
    the subject."""
    for part in _tokens_with(doc, "TAG", ("VBG",)):
        if part.dep_ != "ROOT" or part.i == 0 or doc[part.i - 1].text != ",":
            continue
        subj = [c for c in kids(part) if c.dep_ == "nsubj" and c.i < part.i]
        verbs = [c for c in kids(part) if c.dep_ in ("dep", "conj", "advcl", "ccomp") and c.i > part.i and
                 c.tag_ in ("VBD", "VBZ", "VBP") and doc[c.left_edge.i - 1].text == "," and
                 not any(d.dep_ in ("nsubj", "nsubjpass", "expl") for d in kids(c))]
        if len(subj) != 1 or not verbs:
            continue
        verb = verbs[0]
        verb.head, verb.dep_ = verb, "ROOT"
        subj[0].head, subj[0].dep_ = verb, "nsubj"
        part.head, part.dep_ = subj[0], "acl"
    # "A, whose country signed a treaty with B in 1979, called on B to ...", "A, speaking in Sochi,
    # called the downing a stab in the back": the name left as the root, the finite verb hung on it
    # (or on the participle describing it) without a subject of its own
    for name in _tokens_with(doc, "DEP", ("ROOT",)):
        if name.pos_ not in ("PROPN", "NOUN"):
            continue
        holders = [name] + [c for c in kids(name) if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > name.i]
        verbs = [c for h in holders for c in kids(h)
                 if c.dep_ in ("acl", "advcl", "dep", "conj", "relcl") and c.i > name.i and c.tag_ in ("VBD", "VBZ", "VBP")
                 and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "," and
                 not any(d.dep_ in ("nsubj", "nsubjpass", "expl") and d.i < c.i and d.tag_ not in ("WDT", "WP", "WP$")
                         for d in kids(c))]
        if not verbs:
            continue
        verb = verbs[0]
        wrong = [d for d in kids(verb) if d.dep_ == "nsubj" and d.i > name.i and d.i < verb.i and d.pos_ == "NOUN"]
        if wrong:
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_ = verb, "nsubj"


def _set_off(name) -> bool:
    """Whether the name ``name`` heads is set off by commas on both sides, after some word."""
    doc, first = name.doc, name.left_edge.i
    return first >= 2 and doc[first - 1].text == "," and name.i + 1 < len(doc) and doc[name.i + 1].text == ","


def _hang_on(name, noun) -> None:
    """Make the name set off by commas just after ``noun`` an apposition to it."""
    name.head, name.dep_ = noun, "appos"
    name.doc[name.left_edge.i - 1].head = noun


def _mend_split_appositions(doc) -> None:
    """ "A recalled its envoy to B, C D, for talks and told ...": the small parser may take the name set
    off by commas after an object for the subject of the next verb of the list, which has its subject
    already. The name is in apposition to the noun before it."""
    for name in _tokens_with(doc, "DEP", ("nsubj",)):
        verb = name.head
        first = name.left_edge.i
        if name.pos_ != "PROPN" or verb.dep_ != "conj" or verb.i < name.i or not _set_off(name) or \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(verb.head)):
            continue
        noun = doc[first - 2]
        while noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN", "ADP") and noun.head.i > verb.head.i:
            noun = noun.head
        if noun.pos_ != "NOUN" or noun.head.i != verb.head.i or noun.dep_ not in ("dobj", "pobj"):
            continue
        _hang_on(name, noun)


def _mend_place_appositions(doc) -> None:
    """ "Leaders of the bloc meeting in the Kenyan capital, Nairobi, condemned B": the small parser may
    take the name set off by commas after a place for the verb's subject, and hang the participle,
    with the real subject, on the verb as a clause of its own. The name is in apposition to the
    place; the participle's subject is the verb's, and the participle describes it."""
    for name in _tokens_with(doc, "DEP", ("nsubj",)):
        verb = name.head
        if name.pos_ != "PROPN" or verb.i < name.i or verb.tag_ not in ("VBD", "VBZ", "VBP") or not _set_off(name):
            continue
        place = doc[name.left_edge.i - 2]
        if place.dep_ != "pobj" or place.pos_ not in ("NOUN", "PROPN"):
            continue
        parts = [c for c in kids(verb) if c.dep_ in ("ccomp", "advcl", "dep", "csubj") and c.tag_ == "VBG" and
                 c.i < place.i and place in c.subtree]
        if len(parts) != 1:
            continue
        part = parts[0]
        subj = [d for d in kids(part) if d.dep_ == "nsubj" and d.i < part.i]
        if len(subj) != 1:
            continue
        _hang_on(name, place)
        subj[0].head, subj[0].dep_ = verb, "nsubj"
        part.head, part.dep_ = subj[0], "acl"
    # "Leaders of the African Union meeting in Addis Ababa": or it reads the participle as a noun with
    # the body's name for its modifier; the name is what "of" governs, and the participle tells of the leaders
    for meet in _tokens_with(doc, "LOWER", ("meeting", "gathering")):
        of = meet.head
        names = [c for c in kids(meet) if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if meet.tag_ != "NN" or meet.dep_ != "pobj" or of.lower_ != "of" or not names or names[-1].i != meet.i - 1 or \
                not any(c.dep_ == "prep" and c.lower_ in ("in", "at") and c.i > meet.i for c in kids(meet)):
            continue
        name = names[-1]
        for c in kids(meet):
            if c.i < meet.i and c.i != name.i:
                c.head = name
        name.head, name.dep_ = of, "pobj"
        meet.head, meet.dep_, meet.pos_, meet.tag_ = of.head, "acl", "VERB", "VBG"
    # or it hangs the name on the subject, over the place noun just before it
    for name in _tokens_with(doc, "DEP", ("appos",)):
        first = name.left_edge.i
        if name.pos_ != "PROPN" or first < 2 or doc[first - 1].text != ",":
            continue
        place = doc[first - 2]
        if place.dep_ == "pobj" and place.is_lower and place.lemma_ in PLACE_NOUNS and place.head.i != name.i and \
                name.head.i < place.i and place in name.head.subtree:
            _hang_on(name, place)


def _mend_parallel_of(doc) -> None:
    """ "A of India and B of Pakistan met": the small parser may join B to the state after the first
    "of" rather than to A; a name that has its own "of" phrase, joined to the state of another
    name's "of" phrase, is joined to that name."""
    for name in _tokens_with(doc, "DEP", ("conj",)):
        state = name.head
        of = state.head
        if name.pos_ != "PROPN" or state.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "PROPN" or \
                of.head.i >= of.i or state.ent_type_ not in ("GPE", "NORP", "ORG") or \
                not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids(name)):
            continue
        name.head = of.head
        for c in kids(state):
            if c.dep_ == "cc" and c.i < name.i:
                c.head = of.head


def _mend_opening_dates(doc) -> None:
    """ "On Wednesday Australia responded ...": the small parser may take the day for a word of the
    name after it and leave "On" with no object; the day is the object of "on"."""
    for day in _tokens_with(doc, "DEP", ("compound",)):
        on = doc[day.i - 1] if day.i > 0 else None
        if on is None or on.lower_ != "on" or on.dep_ != "prep" or day.ent_type_ != "DATE" or \
                day.head.i <= day.i or any(doc[k].pos_ != "PROPN" and doc[k].text != "-" for k in range(day.i + 1, day.head.i)) or \
                day.head.ent_type_ == "DATE" or any(c.dep_ == "pobj" for c in on.children):  # ("On Friday A-B said")
            continue
        day.head, day.dep_ = on, "pobj"
    # "Last Friday A had spoken ...": the day opens the sentence, and the parser hangs it on the subject
    for day in _tokens_with(doc, "DEP", ("compound",)):
        name = day.head
        if day.ent_type_ != "DATE" or name.ent_type_ == "DATE" or name.dep_ not in ("nsubj", "nsubjpass") or \
                name.head.pos_ not in ("VERB", "AUX") or not day.is_sent_start and not (
                    day.i > 0 and doc[day.i - 1].is_sent_start and doc[day.i - 1].lower_ in ("last", "next", "this")):
            continue
        day.head, day.dep_ = name.head, "npadvmod"


def _mend_that_clause_verbs(doc) -> None:
    """ "demanded that Morocco respect Spain's borders": the small parser may take the bare verb of a
    "that" clause for a noun, and its subject for a word of the noun's name."""
    for v in _tokens_with(doc, "DEP", ("ccomp",)):
        kids_ = list(v.children)
        subj = [c for c in kids_ if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == v.i - 1]
        if v.pos_ != "NOUN" or v.tag_ != "NN" or not subj or not any(c.dep_ == "dobj" for c in kids_) or \
                not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids_) or v.head.pos_ != "VERB":
            continue
        v.pos_, v.tag_ = "VERB", "VB"
        subj[0].dep_ = "nsubj"


def _mend_shoulder_to_shoulder(doc) -> None:
    """ "A stands shoulder to shoulder with B": the parser may hang "with B" on the second "shoulder";
    it goes with the verb the phrase describes, as in "stood side by side with B"."""
    for w in _tokens_with(doc, "LOWER", ("shoulder",)):
        if w.i < 2 or doc[w.i - 1].lower_ != "to" or doc[w.i - 2].lower_ != "shoulder":
            continue
        verb = doc[w.i - 2].head
        if verb.pos_ != "VERB" or verb.i > w.i:
            continue
        for c in list(w.children):
            if c.dep_ == "prep" and c.lower_ == "with":
                c.head = verb


def _offered(noun) -> bool:
    """ "offered his support (sympathy)": a noun of support that a verb of offering governs."""
    return noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "conj") and object_verb(noun).lemma_.lower() in ("offer", "extend")


def _events(doc, article: Article, gaz: Gazetteer):
    _mend_lemmas(doc)
    _mend_participles(doc, gaz.lexicon.verbs)
    _mend_neighbouring(doc)
    _mend_reduced_relatives(doc)
    _mend_noun_participles(doc)
    _mend_led_groups(doc)
    _mend_infinitives(doc)
    _mend_noun_infinitives(doc)
    _mend_number_subjects(doc)
    _mend_participle_nouns(doc, gaz.lexicon.verbs)
    _mend_claim_verbs(doc)
    _mend_compound_nouns(doc, gaz.lexicon.nouns)
    _mend_subject_nouns(doc, gaz.lexicon.nouns)
    _mend_plural_objects(doc, gaz.lexicon.class_words())
    _mend_datives(doc, gaz.lexicon.verbs)
    _mend_signoff(doc)
    _mend_lost_subjects(doc)
    _mend_subordinate_conjuncts(doc)
    _mend_participle_roots(doc)
    _mend_split_appositions(doc)
    _mend_place_appositions(doc)
    _mend_parallel_of(doc)
    _mend_opening_dates(doc)
    _mend_that_clause_verbs(doc)
    _mend_shoulder_to_shoulder(doc)
    read_children(doc)  # (the parse is final from here on)
    try:
        return _events_of(doc, article, gaz)
    finally:
        forget_children(doc)


# relations whose denial tells nothing a reader would record: an agreement not reached, a call not made
NOTHING_DONE = frozenset({"signedAgreementWith", "urged"})


def _events_of(doc, article: Article, gaz: Gazetteer):
    idx = find_actors(doc, gaz, article.published)
    cands = find_relations(doc, idx, gaz.lexicon)
    spoken = _speakers_own(cands, doc, idx)
    cands += spoken
    # "A said his country would stand by B": a pledge of support, made by the speaker, is support now
    pledged = {c.trigger for c in spoken if c.predicate == "supported"}
    dates, by_start = _dates(doc, article.published, idx)
    lead = _lead_date(doc, dates, idx)
    events: list[Event] = []
    triggers = {c.trigger for c in cands}
    known_dates: dict[tuple, str] = {}
    stated: set[tuple] = set()
    for cand in cands:
        if _no_event(doc[cand.trigger]) and _own_rule(cand) != "verb:accept+cannot":
            continue  # ("cannot accept" is a refusal made now)
        modality, claimed_by, verb = modality_of(cand, doc, idx)
        if cand.rule == "visit:met-in" and modality in ("future", "hedged", "negated"):
            continue  # a guest is only known to be there by a meeting that took place
        if modality == "negated" and cand.predicate in NOTHING_DONE:
            continue  # "the two sides failed to agree on a border", "refused to sign": no tie was made
        if _own_rule(cand) == "verb:help" and modality == "future" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(doc[cand.trigger])):
            continue  # "offered money to help B", "a duty to help B": a purpose, no aid given yet ("will help B" is one)
        if cand.predicate == "supported" and modality == "future" and (cand.trigger in pledged or _offered(doc[cand.trigger])):
            modality = "asserted"  # ("offered his support", "offering its sympathy": given in the offering)
        if _at_home(cand, idx):
            continue
        when = _date_for(cand, doc, idx, dates, by_start, verb, modality, claimed_by, triggers)
        key = (cand.predicate, frozenset((cand.subject.key, cand.object.key)))
        if when is None and key in known_dates:
            when = known_dates[key]
        sent = idx.sent_of(cand.trigger)
        background = when is None and modality == "asserted" and _background(doc[cand.trigger])
        if when is None and modality == "asserted" and not (background and cand.predicate not in CONTACT):
            when = _narrative_date(doc, sent, events, idx, cand)
        if when is None and modality == "asserted" and lead and (
                cand.predicate in CONTACT or not background):
            # (an undated act is the news of the day the lead tells of, unless told as background;
            # a meeting or a visit, even in a relative clause, is mostly that day's too)
            when = lead
        if when is None and modality == "asserted" and lead and background and \
                cand.predicate == "signedAgreementWith" and _told_in_lead(cand, events, lead, idx):
            when = lead  # "A and B signed a pact today. ... The pact, signed by A's and B's leaders, ...": that signing
        if when and article.published and modality in ("asserted", "reported") and \
                when > article.published.isoformat()[:len(when)]:
            modality = "future"  # also in someone's words: "when the President visits X next month"
        elif when and len(when) == 10 and article.published and modality == "future" and \
                0 < (article.published - date.fromisoformat(when)).days < 7:
            # "will hold talks on Saturday": the Saturday ahead, not the one just gone
            when = (date.fromisoformat(when) + timedelta(days=7)).isoformat()
        elif when and len(when) == 7 and article.published and modality == "future" and \
                when < article.published.isoformat()[:7] and int(when[:4]) >= article.published.year - 1 and \
                when[:4] not in sent.text:
            # "will travel to B in February", told in March: the February ahead, not the one gone
            month = when[4:]  # ("-02")
            year = article.published.year
            when = f"{year}{month}" if f"{year}{month}" >= article.published.isoformat()[:7] else f"{year + 1}{month}"
        if when:
            known_dates.setdefault(key, when)
        start, end = _evidence_span(doc, doc[cand.trigger], idx)
        ends = key[1] if relation_info(cand.predicate).symmetric else (cand.subject.key, cand.object.key)
        conf = cand.confidence * (0.9 if modality == "reported" else 1.0)
        if conf < MIN_CONFIDENCE:
            continue
        if (cand.predicate, ends, start, modality) in stated:
            continue  # two rules that read one relation in one sentence make one event
        stated.add((cand.predicate, ends, start, modality))
        events.append(Event(
            predicate=cand.predicate, subject=cand.subject, object=cand.object, modality=modality,
            date=when, place=_place(doc[cand.trigger], idx), sentence=idx.text[start:end],
            start=start, end=end,
            claimed_by=claimed_by, confidence=round(conf, 3), extractor=cand.rule))
    return events, idx, lead


# Below this, a relation rests on guesses stacked on guesses (a group word resolved from earlier text,
# a pair read from a plural noun, someone's words about a third party): left out of the graph.
MIN_CONFIDENCE = 0.42

_CONTACTS = frozenset({"met", "phoned", "visited", "negotiatedWith", "signedAgreementWith", "cooperatedWith"})


# relations done in words, which the one who says them for a state does too
SPEECH_RELATIONS = frozenset({"supported", "criticized", "urged", "rejected", "threatened"})


def _speakers_own(cands: list[Candidate], doc, idx: ActorIndex) -> list[Candidate]:
    """ '"Canada stands by Haiti," Ms Roy said', "Ms Roy said Canada would stand by Haiti": a state's
    act told in the words of one who speaks for it is the speaker's act too."""
    out = []
    for cand in cands:
        if cand.subject.kind not in STATE_KINDS:
            continue
        trigger = doc[cand.trigger]
        sent = idx.sent_of(trigger.i)
        opened = sum(1 if t.tag_ == "``" else -1 for t in idx.tokens[sent.start:trigger.i] if t.tag_ in ("``", "''"))
        if opened > 0:
            speaker = idx.quoted_speaker(trigger)
        elif cand.predicate in SPEECH_RELATIONS:
            speaker = _sayer(trigger, idx)
        else:
            continue
        if speaker is not None and speaker.key != cand.object.key and \
                getattr(idx.country_of(speaker), "key", None) == cand.subject.key:
            out.append(replace(cand, subject=speaker, rule=cand.rule + "/speaker"))
    return out


def _own_rule(cand: Candidate) -> str:
    """The rule that found a relation, the same for its copy given to the speaker."""
    return cand.rule.removesuffix("/speaker")


def _sayer(trigger, idx: ActorIndex) -> Actor | None:
    """The person whose saying the clause of ``trigger`` tells ("A said B would ..."), if any."""
    t = trigger
    for _ in range(8):
        head = t.head
        if head.i == t.i:
            return None
        if t.dep_ == "ccomp" and head.lemma_.lower() in SAYING_VERBS:
            subj = next((c for c in kids(head) if c.dep_ == "nsubj"), None)
            who = idx.resolve(subj) if subj is not None else None
            return who if who is not None and who.kind == "person" else None
        t = head
    return None


def _at_home(cand: Candidate, idx: ActorIndex) -> bool:
    """Whether a relation links a person with another of the same state or with that state ("the
    foreign minister met the president"): home affairs, not diplomacy."""
    if cand.subject.kind != "person" and cand.object.kind != "person" or cand.predicate not in _CONTACTS:
        return False  # (a minister may urge or accuse his own president: gold files count that)
    sides = [idx.country_of(a) for a in (cand.subject, cand.object)]
    return all(s is not None and s.kind in STATE_KINDS for s in sides) and sides[0].key == sides[1].key


def _evidence_span(doc, trigger, idx: ActorIndex) -> tuple[int, int]:
    """Character offsets of the sentence that states the event, kept within its paragraph."""
    sent = idx.sent_of(trigger.i)
    start, end = sent.start_char, sent.end_char
    text = idx.text
    para_start = text.rfind("\n\n", start, trigger.idx)
    if para_start != -1:
        start = para_start + 2
    para_end = text.find("\n\n", trigger.idx, end)
    if para_end != -1:
        end = para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _other_time(t) -> bool:
    """Whether ``t`` is the verb of a phrase that tells a time of its own to measure from: "since
    taking office last year", "after arriving on Monday"."""
    return t.dep_ == "pcomp" and t.pos_ in ("VERB", "AUX") and t.head.lower_ in ("since", "after", "before", "until")


def _plain_path(tok, trigger, idx: ActorIndex) -> bool:
    """True if ``tok`` hangs on ``trigger`` through its own phrase: no other actor and no clause
    of its own (a relative, complement or adverbial clause) on the way up."""
    t = tok
    while t.i != trigger.i:
        if t.i in idx.by_token or (t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "relcl", "advcl", "xcomp", "conj", "acl")
                                   and not (t.dep_ in ("acl", "ccomp") and t.lemma_.lower() in _ISSUING)):
            return False  # (but "in a statement issued on Monday" dates what the statement says)
        if _other_time(t):
            return False  # "his first visit since taking office last year": the other time's date
        if t.head.i == t.i:
            return False
        t = t.head
    return True


def _narrative_date(doc, sent, events: list[Event], idx: ActorIndex, cand: Candidate | None = None) -> str | None:
    """The day-precise date of an event told in the sentence just before, in the same paragraph,
    by one of the same actors: "X arrived in Kyiv on Tuesday. He met Zelensky" happened on Tuesday
    too (an event of others told there is no clock for this one)."""
    if sent.start == 0:
        return None
    prev = idx.sent_of(sent.start - 1)
    if "\n\n" in idx.text[prev.end_char:sent.start_char + 1]:
        return None
    for e in reversed(events):  # events come sentence by sentence
        if e.start < prev.start_char:
            break
        if prev.start_char <= e.start < prev.end_char and e.date and len(e.date) == 10 and e.modality == "asserted" \
                and not e.extractor.startswith("noun:"):  # ("... void the November 27 deal with B. They urged B":
            # a deal named by its day is no clock for the sentences after)
            if cand is None or {e.subject.key, e.object.key} & {cand.subject.key, cand.object.key} or \
                    re.search(r"\b(?:the same|that) day\b", sent.text, re.I):
                return e.date
    return None


_BARE_MONTH = re.compile(r"(?:in |on |early |late |mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{1,2}(?:st|nd|rd|th)?)?")
_DAY_AFTER = {"the following day": 1, "the next day": 1, "a day later": 1, "the day after": 1,
              "one day later": 1, "the previous day": -1, "the day before": -1, "a day earlier": -1}
_DAYS_APART = re.compile(r"(a|an|\d+|[a-z]+) (day|days|week|weeks) (earlier|later|before|after)")


def _day_step(text: str) -> int | None:
    """Days from the day the story last told of: "the next day" 1, "four days earlier" -4."""
    t = " ".join(text.lower().split())
    if t in _DAY_AFTER:
        return _DAY_AFTER[t]
    m = _DAYS_APART.fullmatch(t)
    n = None if m is None else 1 if m[1] in ("a", "an") else int(m[1]) if m[1].isdigit() else WORD_NUMBERS.get(m[1])
    if n is None:
        return None
    n *= 7 if m[2].startswith("week") else 1
    return -n if m[3] in ("earlier", "before") else n


_ISSUING = {"issue", "release", "publish", "post", "send", "deliver", "make"}


def _is_dateline(ent) -> bool:
    """ "WASHINGTON, Sept. 16 —", "Seoul, Oct 19 (EFE).-": the date the story was filed."""
    if ent.start > 8:
        return False
    nxt = ent.doc[ent.end:ent.end + 2].text
    return any(mark in nxt for mark in ("—", "–", "(", "-", "/")) and ent.start < 12 or \
        (ent.start <= 3 and ent.doc[max(0, ent.start - 1)].text == ",")


def _same_day_in(iso: str, year: int) -> date | None:
    """The day of ``iso``'s month and day in ``year`` (none for 29 February in a common year)."""
    try:
        return date(year, int(iso[5:7]), int(iso[8:10]))
    except ValueError:
        return None


def _prev_sent_start(idx: ActorIndex, start: int) -> int:
    prev = idx.sents_upto(start - 1, 1) if start > 0 else []
    return prev[0].start if prev else start


def _background(trigger) -> bool:
    """Whether an act is told as background rather than as the day's news: in a relative clause or
    a clause of time ("since A invaded B", "which has backed B"), as lasting ("has long backed B",
    "for years") or in the present of a habit ("X accuses Y of ...")."""
    if trigger.tag_ in ("VBZ", "VBP") or trigger.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in kids(trigger)):
        # the present of a habit or a standing charge ("X accuses Y of arming the rebels"), a perfect
        # that says when no more than "by now" ("Y has accused Z of ...")
        return True
    t = trigger
    while True:
        if t.dep_ in ("relcl", "acl", "pcomp") or any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                                       for c in kids(t)) or t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in kids(t)):
            return True
        for c in kids(t):
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in DURATIVE:
                return True
            if c.dep_ == "prep" and (c.lower_ in BACKGROUND_MARKS or c.lower_ == "for" and any(
                    p.lemma_.lower() in DURATIVE for p in kids(c) if p.dep_ == "pobj")):
                return True
        if t.head.i == t.i or t.dep_ in ("ccomp", "xcomp") and t.head.pos_ in ("VERB", "AUX") and \
                t.head.lemma_.lower() in REPORTING_VERBS:
            return False
        t = t.head


def _told_in_lead(cand: Candidate, events: list[Event], lead: str, idx: ActorIndex) -> bool:
    """Whether the lead told the same kind of act on its day by one of the same sides (a person
    counting for the state they act for)."""
    return any(e.predicate == cand.predicate and e.date == lead and e.modality == "asserted" and
               any(_is_side(x, y, idx) for x in (e.subject, e.object) for y in (cand.subject, cand.object))
               for e in events)


def _lead_date(doc, dates, idx: ActorIndex) -> str | None:
    """The day the article's lead paragraph is about ("said Thursday"), for undated meetings."""
    sents = idx.sents[:2]
    for s in sents:
        for i, (iso, start) in sorted(dates.items(), key=lambda kv: kv[1][1]):
            if s.start <= start < s.end and len(iso) == 10:
                return iso
    return None


def _place(trigger, idx: ActorIndex) -> str | None:
    """Where the text says it happened: "in Pyongyang", "at the Vostochny spaceport"."""
    for c in list(kids(trigger)) + ([trigger.head] if trigger.dep_ in ("dobj",) else []):
        if c.dep_ == "prep" and c.lower_ in ("in", "at") and trigger.lemma_ not in ("arrive", "land"):
            for p in kids(c):
                if p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.i in idx.by_token):
                    span = p.doc[p.left_edge.i:p.i + 1]
                    text = span.text
                    return text[4:] if text.lower().startswith("the ") else text
    return None
