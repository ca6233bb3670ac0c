"""Relation rules over the dependency parse: verbs and their nominal forms, with the lexicon of
``data/lexicon.tsv`` saying which words state which relation and where their object is.

:func:`find_relations` yields :class:`Candidate` records (subject, relation, object, the trigger
token and the rule that fired); :mod:`ingest.extract` adds modality, dates and evidence.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from graph.records import Actor
from graph.vocab import relation as relation_info

from .actors import ActorIndex
from .gazetteer import LexEntry, Lexicon

__all__ = ["Candidate", "find_relations"]

LIGHT_VERBS = {"hold", "have", "conduct", "pay", "make", "begin", "start", "open", "launch", "resume",
               "attend", "host", "wrap", "end", "conclude", "complete", "continue", "undertake", "plan",
               "arrange", "postpone", "cancel", "call", "seek", "propose", "announce", "impose", "wage",
               "give", "provide", "express", "voice", "offer", "extend", "sign", "reach"}
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass",)
# words of a subject phrase that make it not the actor itself ("a spokesman for the EU")
TIES_VERBS = {"reach", "strengthen", "deepen", "boost", "expand", "improve", "enhance", "upgrade",
              "develop", "grow", "elevate", "warm", "broaden", "advance", "solidify", "cement", "flourish",
              "demonstrate", "raise", "lift", "bolster", "intensify"}
COMMUNICATIVE = {"supported", "criticized", "rejected", "urged", "threatened", "accused"}


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence, before modality and date are decided."""

    predicate: str
    subject: Actor
    object: Actor
    trigger: int  # token index of the word that states it
    rule: str
    confidence: float


def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and c not in out:
            out.append(c)
    return out


def _words(tokens) -> set[str]:
    out = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out


def _scope_words(tok) -> set[str]:
    """Words of a trigger's own phrase: its objects, prepositions, modifiers (not its subject)."""
    toks = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "prep", "dative", "attr", "oprd", "npadvmod", "acomp",
                      "pobj", "compound", "amod", "advmod", "prt"):
            toks.extend(c.subtree)
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        toks.append(tok.head)
    return _words(toks)


def _passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _subject_tokens(tok, depth: int = 0) -> list:
    """Tokens naming who does what ``tok`` (a verb) states, climbing conjunctions, control verbs
    and relative clauses when the verb has no subject of its own."""
    if depth > 4:
        return []
    if _passive(tok):
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return agents
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if subj:
        return subj
    head = tok.head
    if tok.dep_ == "conj" and head is not tok:
        return _subject_tokens(head, depth + 1)
    if tok.dep_ in ("xcomp", "advcl") and head is not tok:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if tok.dep_ == "xcomp" and objs and head.lemma_ in ("urge", "ask", "press", "call", "invite",
                                                            "tell", "persuade", "encourage", "force"):
            return objs
        return _subject_tokens(head, depth + 1)
    if tok.dep_ == "relcl":
        ante = head
        if ante.dep_ in ("attr",) and ante.head.pos_ in ("VERB", "AUX"):
            return _subject_tokens(ante.head, depth + 1)
        return [ante]
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return [head]
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        return _subject_tokens(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else []
    return _left_neighbour(tok)


def _left_neighbour(tok) -> list:
    """For a verb the parser left without a subject: the noun right before it, past dates, adverbs
    and commas ("the Soviet Union on Oct. 12, 1948 became ...")."""
    j = min([c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < tok.i] + [tok.i]) - 1
    sent_start = tok.sent.start
    while j >= sent_start:
        t = tok.doc[j]
        if t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ in ("ADV",) or \
                (t.pos_ == "ADP" and t.lower_ in ("on", "in")):
            j -= 1
            continue
        return [t] if t.pos_ in ("PROPN", "NOUN") else []
    return []


def _prep_objects(tok, slots: tuple[str, ...]) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in slots:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
        # "called on X", "protested to X": particles and phrasal prepositions
        if c.dep_ == "prt" and c.lower_ in slots:
            out += [p for p in tok.children if p.dep_ == "dobj"]
    return out


def _object_tokens(tok, entry: LexEntry, *, verb: bool) -> list:
    out = []
    slots = tuple(s for s in entry.objects if s not in ("dobj", "ccomp", "dative", "between"))
    dobjs = [c for c in tok.children if c.dep_ in ("dobj",)]
    if verb and _passive(tok):
        dobjs = [c for c in tok.children if c.dep_ in PASSIVE_SUBJ]
    if "dobj" in entry.objects:
        out += dobjs
    if "dative" in entry.objects:
        out += [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if "ccomp" in entry.objects:
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp"):
                out += [s for s in c.children if s.dep_ in ("nsubj",)]
    if slots:
        out += _prep_objects(tok, slots)
        for d in dobjs:  # "imposed sanctions ON Iran", "signed an agreement WITH Japan"
            out += _prep_objects(d, slots)
    return out


def _between(tok) -> list[list]:
    groups = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            for p in c.children:
                if p.dep_ == "pobj":
                    groups.append(_conjuncts(p))
    return groups


class _Finder:
    def __init__(self, doc, idx: ActorIndex, lex: Lexicon):
        self.doc, self.idx, self.lex = doc, idx, lex
        self.out: list[Candidate] = []
        self.seen: set[tuple] = set()

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

    def actors(self, toks, *, possessor: bool = False, demonym: bool = False) -> list[tuple[Actor, bool]]:
        """Actors named by ``toks`` and their conjuncts; the flag says a reference was resolved."""
        res = []
        for t in toks:
            for c in _conjuncts(t):
                a = self.idx.resolve(c, allow_demonym=demonym)
                indirect = c.i not in self.idx.by_token
                if a is None and possessor:
                    for p in c.children:
                        if p.dep_ == "poss":
                            a = self.idx.resolve(p)
                            indirect = True
                if a is not None and all(a.key != x.key for x, _ in res):
                    res.append((a, indirect))
        return res

    def emit(self, pred: str, subj: list, obj: list, trigger, rule: str, conf: float) -> None:
        sym = relation_info(pred).symmetric
        for s, s_ind in subj:
            for o, o_ind in obj:
                if s.key == o.key or self.idx.gaz.same_party(s, o):
                    continue
                if pred == "visited":
                    if o.kind == "person":
                        continue
                    home = self.idx.country_of(s)
                    if home is not None and home.key == o.key:
                        continue
                key = (pred, frozenset((s.key, o.key)) if sym else (s.key, o.key), trigger.sent.start)
                if key in self.seen:
                    continue
                self.seen.add(key)
                c = conf * (0.85 if s_ind else 1.0) * (0.85 if o_ind else 1.0)
                self.out.append(Candidate(pred, s, o, trigger.i, rule, round(c, 3)))

    def needs_ok(self, entry: LexEntry, words: set[str]) -> bool:
        if not entry.needs:
            return True
        return bool(words & self.lex.classes.get(entry.needs, frozenset()))

    # -- verbs ------------------------------------------------------------------------------------
    def verb(self, tok) -> None:
        entries = self.lex.verbs.get(tok.lemma_.lower()) or self.lex.verbs.get(tok.lower_)
        if not entries:
            return
        words = _scope_words(tok)
        specific = [e for e in entries if e.needs and self.needs_ok(e, words)]
        if specific:
            chosen = specific
        else:
            used = set().union(*(self.lex.classes.get(e.needs, frozenset()) for e in entries if e.needs)) \
                if any(e.needs for e in entries) else set()
            chosen = [e for e in entries if not e.needs and not (words & used)]
        if tok.lemma_ == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in tok.children):
            chosen = [e for e in chosen if e.predicate == "urged"]
        subj = self.actors(_subject_tokens(tok))
        for entry in chosen:
            rule = f"verb:{entry.lemma}" + (f"+{entry.needs}" if entry.needs else "")
            objs = self.actors(_object_tokens(tok, entry, verb=True),
                               possessor=entry.predicate in COMMUNICATIVE)
            if entry.predicate in ("met",) and tok.lemma_ in ("receive", "host"):
                objs = [(a, i) for a, i in objs if a.kind == "person"]
            conf = 0.9 if not entry.needs else 0.85
            if subj and objs:
                self.emit(entry.predicate, subj, objs, tok, rule, conf)
            elif relation_info(entry.predicate).symmetric and len(subj) > 1 and not objs \
                    and not any(c.dep_ == "dobj" for c in tok.children):
                # "Putin and Xi met": every pair of a plural subject
                for i, a in enumerate(subj):
                    self.emit(entry.predicate, [a], subj[i + 1:], tok, rule + "/plural", conf * 0.95)
            if "between" in entry.objects:
                for d in [c for c in tok.children if c.dep_ == "dobj"] + [tok]:
                    for group in _between(d):
                        pair = self.group(group)
                        for i, a in enumerate(pair):
                            self.emit(entry.predicate, [a], pair[i + 1:], tok, rule + "/between", conf)

    # -- nouns ------------------------------------------------------------------------------------
    def noun_subjects(self, tok) -> tuple[list, str, float]:
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss:
            return self.actors(poss), "poss", 0.85
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
        mod_actors = self.actors(mods, demonym=True)
        if mod_actors:
            return mod_actors, "modifier", 0.8
        # governed by a light verb: "held talks with", "paid a visit to", "imposed sanctions on"
        head = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in LIGHT_VERBS:
            return self.actors(_subject_tokens(head)), f"light:{head.lemma_.lower()}", 0.85
        # "at a meeting with X, Y said": the subject of the verb the phrase hangs on
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("at", "during", "after", "before", "on", "in") \
                and head.head.pos_ in ("VERB", "AUX"):
            return self.actors(_subject_tokens(head.head)), "frame", 0.6
        return [], "", 0.0

    def noun(self, tok) -> None:
        entries = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        if not entries:
            return
        words = _words(tok.subtree)
        for entry in entries:
            if not self.needs_ok(entry, words):
                continue
            rule = f"noun:{entry.lemma}"
            if "between" in entry.objects:
                for group in _between(tok):
                    pair = self.group(group)
                    for i, a in enumerate(pair):
                        self.emit(entry.predicate, [a], pair[i + 1:], tok, rule + "/between", 0.85)
            slots = tuple(s for s in entry.objects if s != "between")
            objs = self.actors(_prep_objects(tok, slots)) if slots else []
            if not objs:
                continue
            subj, how, conf = self.noun_subjects(tok)
            if subj:
                self.emit(entry.predicate, subj, objs, tok, f"{rule}/{how}", conf)

    def ties(self, tok) -> None:
        """ "Relations between Moscow and Pyongyang have reached a new, strategic level",
        "North Korean-Russian relations are developing": stated cooperation."""
        if tok.lemma_.lower() not in ("relation", "tie", "relationship", "partnership", "friendship"):
            return
        head = tok.head
        if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in TIES_VERBS):
            # "ties reach", "boost ties"
            return
        pairs = []
        for group in _between(tok):
            pairs = self.group(group)
        if len(pairs) < 2:
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
            pairs = self.actors(mods, demonym=True)
        if len(pairs) < 2 and tok.dep_ == "dobj":
            subj = self.actors(_subject_tokens(head))
            objs = self.actors(_prep_objects(tok, ("with",)))
            if subj and objs:
                self.emit("cooperatedWith", subj, objs, tok, "ties:improve/with", 0.75)
            return
        for i, a in enumerate(pairs):
            self.emit("cooperatedWith", [a], pairs[i + 1:], tok, "ties:improve", 0.8)


def find_relations(doc, idx: ActorIndex, lex: Lexicon) -> list[Candidate]:
    """Every relation candidate of a parsed article."""
    f = _Finder(doc, idx, lex)
    for tok in doc:
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.lemma_ in ("have",)):
            f.verb(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            f.noun(tok)
            f.ties(tok)
    return f.out


def iter_sentences(doc) -> Iterator:
    return iter(doc.sents)
