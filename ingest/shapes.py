"""Where a clause's actors are in the dependency parse: the subject of a verb however the parser
hung it ("the Soviet Union on Oct. 12, 1948 became ..."), its objects by the lexicon's slots, the
sides of "between A and B", the words of a trigger's own phrase. Pure functions over spaCy tokens,
used by the relation rules of :mod:`ingest.relations`.
"""
from __future__ import annotations

from .gazetteer import LexEntry, Lexicon
from .words import WORDS

__all__ = ["ACCUSING", "CLAUSES", "OBJECT_CONTROL", "PASSIVE_SUBJ", "STATEMENT_NOUNS", "SUBJECT_DEPS", "TITLE_HEADS",
           "UNDOING", "UNDOING_NOUNS", "adjacent", "attack_lemmas", "between", "conditional_harm", "conjuncts", "coordinated_with",
           "left_neighbour",
           "listed", "not_yet_done", "object_tokens", "reduced_passive", "of_chain", "passive", "phrase", "prep_objects", "regular_lemma",
           "scope_words", "forget_children", "goods_bound", "kids", "read_children", "subj_is_who", "subject_tokens", "undone", "word_set"]

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass",)
ACCUSING = WORDS.set("accusing")
# verbs that tell what a speaker said, and acts done in speaking, which a speaker does beside what is said
SAYING_VERBS = WORDS.set("saying_verbs")
SPOKEN_ACTS = WORDS.set("spoken_acts")
JUDGING = WORDS.set("judging")  # verbs that judge what another said or did ("welcomed", "condemned")
REBUILDING = WORDS.set("rebuilding_nouns")
PRIVATE_PEOPLE = WORDS.set("private_people")
TASKED = WORDS.set("tasked_nouns")  # "an EU mission to help B": the EU helps
PREVENTING = WORDS.set("preventing")
VENUES = WORDS.set("venues")  # places named after a city; "met at the palace with A": where they met
WITH_PHRASES = WORDS.set("with_phrases")  # "in solidarity with", "in line with": no partner of the verb  # "stopped B from crossing": B would cross


_CHILDREN = "dipgraph.children"  # (the key of the table in ``doc.user_data``)


def read_children(doc) -> None:
    """Note every word's children once, after the parse is mended and before the rules read it:
    spaCy makes a new token object for each child each time ``token.children`` is asked, and the
    rules ask it of the same words many times. ``forget_children`` drops the table."""
    table: list[list] = [[] for _ in range(len(doc))]
    for i, head in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
        if head:  # (an offset: the root points at itself)
            table[i + head].append(doc[i])
    doc.user_data[_CHILDREN] = table


def forget_children(doc) -> None:
    doc.user_data.pop(_CHILDREN, None)


def kids(tok) -> list:
    """The children of ``tok`` in text order, as ``tok.children`` gives them (from the table
    ``read_children`` made, where there is one)."""
    table = tok.doc.user_data.get(_CHILDREN)
    return table[tok.i] if table is not None else list(tok.children)


def conjuncts(tok) -> list:
    """``tok`` and the words listed with it: "A, B and C" (the parser may hang B on A as an apposition)."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and c not in out:
            out.append(c)
    for c in kids(tok):
        # only right after it ("Macron, Scholz and Meloni"), not a name the parser hung on it from afar
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c not in out and adjacent(tok, c) and not _after_a_place(tok, c):
            out.append(c)
            out += [x for x in c.conjuncts if x.i > c.i and x not in out]
    for c in [c for c in out[1:] if c.tag_ == "NNS"]:
        # "A and four other countries - B, C, D and E -": the countries named
        for a in kids(c):
            if a.dep_ == "appos" and a.pos_ == "PROPN" and a not in out:
                out += [a] + [x for x in a.conjuncts if x.i > a.i and x not in out]
    for k, c in enumerate(out):
        if k and any(a.dep_ == "case" and a.lower_ == "'s" for a in kids(c)) and c.i + 2 < len(c.doc) and \
                c.doc[c.i + 2].pos_ == "PROPN":
            # "A's President X and B's President Y": the parser may list B itself, its "'s" cut off
            # from the name it belongs to; the name is the last of the proper nouns after it
            j = c.i + 2
            while j + 1 < len(c.doc) and (c.doc[j + 1].pos_ == "PROPN" or c.doc[j + 1].text == "-"):
                j += 1
            if c.doc[j].ent_type_ == "PERSON":
                out[k] = c.doc[j]
    if tok.ent_type_ == "PERSON":
        # "King A of Morocco and Libyan leader B": the parser may list B with the state, not with A
        out += [x for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in kids(c)
                if p.dep_ == "pobj" and p.ent_type_ == "GPE" for x in p.conjuncts
                if x.i > p.i and x.ent_type_ == "PERSON" and x.pos_ == "PROPN" and x not in out]
    return out


def _after_a_place(tok, appos) -> bool:
    """ "a summit of the Rio Group in Santo Domingo, Dominican Republic": the name after a place
    in ``tok``'s own phrase says where the place is, and is no other member of a list."""
    k = appos.left_edge.i - 1
    while k > tok.i and tok.doc[k].is_punct:
        k -= 1
    place = tok.doc[k]
    return k > tok.i and place.ent_type_ in ("GPE", "LOC", "FAC") and any(
        h.dep_ == "prep" and h.lower_ in ("in", "at", "near", "outside") and h.head.i == tok.i
        for h in [place.head, place.head.head])


def adjacent(tok, appos) -> bool:
    """True if nothing but punctuation and ``tok``'s own phrase stands between it and ``appos``."""
    own = {w.i for c in kids(tok) if c.dep_ in ("prep", "compound", "amod") for w in c.subtree}
    # "A and her two counterparts, B and C": the list goes on after a conjunct's own phrase
    own |= {w.i for c in kids(tok) if c.dep_ in ("conj", "cc") and c.i < appos.i for w in c.subtree}
    return all(tok.doc[k].is_punct or k in own for k in range(tok.i + 1, appos.left_edge.i))


def word_set(tokens) -> set[str]:
    out = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
        if t.pos_ == "PROPN" and t.lower_.endswith("s"):
            out.add(t.lower_[:-1])  # a name keeps its plural as lemma: "the Camp David Accords"
    return out


CLAUSES = ("relcl", "advcl", "ccomp", "acl", "xcomp", "conj", "parataxis")


def phrase(tok) -> list:
    """``tok`` and the words under it, leaving out the clauses it carries ("Moscow, where ...")."""
    out = [tok]
    for c in kids(tok):
        if c.dep_ not in CLAUSES or (c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX")):
            out += phrase(c)
    return out


# prepositions of a trigger's circumstances, whose phrase is none of its objects
CIRCUMSTANCE = WORDS.set("circumstance_preps")


CONVEYANCES = WORDS.set("conveyances")  # "flew in aboard a military jet": what carried the traveller


def scope_words(tok) -> set[str]:
    """Words of a trigger's own phrase: its objects, prepositions, modifiers (not its subject)."""
    toks = []
    for c in kids(tok):
        if c.dep_ in ("dobj", "nsubjpass", "prep", "dative", "attr", "oprd", "npadvmod", "acomp",
                      "pobj", "compound", "amod", "advmod", "prt") and not (
                c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE):  # ("suspended X after talks": no talks suspended)
            if c.dep_ == "prep" and c.lower_ in ("aboard", "on", "in", "by") and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in CONVEYANCES for p in kids(c)):
                continue  # ("flew to B aboard a military jet": what carried the traveller, not what was sent)
            toks.extend(phrase(c))
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        toks.append(tok.head)
    if tok.dep_ == "acl" and (tok.tag_ == "VBN" or any(c.dep_ == "nsubj" for c in kids(tok))):
        toks.append(tok.head)  # "the declaration signed by A and B", "a pact A and B signed": what was signed
    if tok.dep_ == "relcl" and (any(c.dep_ == "dobj" and c.lower_ in ("that", "which", "whom") for c in kids(tok))
                                or not any(c.dep_ in ("dobj", "nsubjpass") or c.tag_ in ("WDT", "WP") for c in kids(tok))):
        toks.append(tok.head)  # "drones that Russia has been using against Ukraine": the drones are used
    # a title's words are no object's ("flew in with his defence minister" carried no arms)
    toks = [t for t in toks if not (t.dep_ in ("compound", "amod") and t.head.lemma_.lower() in TITLE_HEADS)]
    words = word_set(toks)
    if any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in toks):
        words.add("$money")  # "lent Pakistan $3 billion", "gives A £30m a year"
    return words


# what someone says something in: "in a joint statement by", "in a letter from"
STATEMENT_NOUNS = WORDS.set("statement_nouns")
# what one issues, signs or passes that then acts in one's name: "a decree recognising X"
DOCUMENTS = STATEMENT_NOUNS | WORDS.set("documents")
# verbs that stop a text from being adopted, whose words are then no one's act ("vetoed a resolution condemning X")
BLOCKING = WORDS.set("blocking")
# verbs of getting praise or blame, after which "for doing" is the getter's act ("won praise for opening talks")
EARNING = WORDS.set("earning")


UNDOING = WORDS.set("undoing")
UNDOING_NOUNS = WORDS.set("undoing_nouns")
# what asks someone else to act: "X's call on Y to withdraw", "Y accepted X's invitation to visit"
APPEALS = WORDS.set("appeals")
TRIP_STOPS = WORDS.set("trip_stops")  # "X was the first stop on A's tour": A went to X
TRIP_CHOOSING = WORDS.set("trip_choosing")  # "chose X for his first trip abroad"
TRIP_BOUNDS = WORDS.set("trip_bounds")  # "began his tour in X"
NOT_DOING = WORDS.set("not_doing_nouns")  # "the refusal by A to recognise B": no act of A's


TITLE_HEADS = frozenset({"minister", "ministry", "secretary", "chief", "official", "spokesman", "spokeswoman",
                         "adviser", "advisor", "attache", "attaché", "department", "committee"})


# verbs whose object does what their "to" clause says ("prompted Georgia to cut ties")
OBJECT_CONTROL = frozenset({"urge", "ask", "press", "call", "invite", "tell", "persuade", "encourage", "force",
                            "prompt", "lead", "cause", "push", "compel", "oblige", "pressure",
                            "drive", "spur", "convince", "order", "instruct", "allow", "permit", "enable"})


def _persons_perfect(verb) -> bool:
    """Whether a clause tells in the past perfect what a named person had done: a verb joined to it
    is that person's too ("said that A had raised the issue and asked B to ...": A asked)."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(verb)) and \
        any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in kids(verb))


def coordinated_with(tok):
    """The verb a joined verb goes with: its head, but for a finite verb the parser hung on a
    non-finite one inside a clause ("denied that its jets had entered A's airspace and blamed B",
    "asked X to send a team and called on Y"), the verb that governs that clause; and for a verb of
    speech joined to what a speaker said ("A said the evidence was serious and urged B"), the saying
    (but "an aide said A welcomed the plan and urged B": one speech act joined to another is A's)."""
    head = tok.head
    # ("accused A of cheating and called on B to ...": the calling goes with the accusing)
    governor = head.head.head if head.dep_ == "pcomp" and head.head.dep_ == "prep" else head.head
    if tok.dep_ != "conj" or head.dep_ not in ("ccomp", "xcomp", "advcl", "pcomp") or \
            governor.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok)):
        return head
    if head.dep_ == "ccomp" and governor.lemma_.lower() in SAYING_VERBS and tok.lemma_.lower() in SPOKEN_ACTS and \
            head.lemma_.lower() not in SPOKEN_ACTS and governor.i < head.i < tok.i and not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "could", "might", "should")
                                       for c in kids(tok)) and not _persons_perfect(head):
        return governor
    aux = [c.lower_ for c in kids(tok) if c.dep_ == "aux"]
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") and not aux or any(a in ("has", "have", "had", "will") for a in aux)
    # ("demanded that the mission leave, and has accused B": the accusing goes with the demand)
    if finite and (head.tag_ in ("VB", "VBG") or head.tag_ == "VBN" and not aux and not _persons_perfect(head)):
        if governor.dep_ == "ccomp" and governor.head.lemma_.lower() in SAYING_VERBS and \
                tok.lemma_.lower() in SPOKEN_ACTS and governor.lemma_.lower() not in SPOKEN_ACTS and \
                governor.head.i < governor.i and not _persons_perfect(governor):
            # "A said B had failed to restore trust and called on B to stop": the call is the speaker's
            return governor.head
        return governor
    if finite and head.dep_ == "advcl" and governor.tag_ in ("VBD", "VBZ", "VBP") and \
            any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in kids(head)) and \
            any(c.dep_ == "cc" and head.i < c.i < tok.i and tok.doc[c.i - 1].text == "," for c in kids(head)):
        # "A recalled its envoy after B criticised it, and withdrew another": the parser hangs the
        # second act of the main clause on the clause of the "after"
        return governor
    return head


# words that open a clause telling when the main clause's act was done
TIME_MARKS = frozenset({"after", "before", "when", "once", "since", "until", "as", "while"})


def passive(tok) -> bool:
    """Whether a verb is passive: it has a passive subject or auxiliary (read once per document,
    from the parse's arrays, since the rules ask it of the same verbs again and again)."""
    doc = tok.doc
    heads = doc.user_data.get("passive_heads")
    if heads is None:
        strings = doc.vocab.strings
        wanted = {strings.add("nsubjpass"), strings.add("auxpass")}
        arr = doc.to_array(["DEP", "HEAD"]).tolist()
        heads = doc.user_data["passive_heads"] = frozenset(
            i + int(head) if head < 2 ** 63 else i + int(head) - 2 ** 64
            for i, (dep, head) in enumerate(arr) if dep in wanted)
    return tok.i in heads


def object_verb(noun):
    """The verb whose direct object ``noun`` is, reading through a list ("offered its sympathy and
    support": "offered" for both nouns); else the noun's head."""
    return noun.head.head if noun.dep_ == "conj" and noun.head.dep_ == "dobj" else noun.head


def clause_verb(tok):
    """The verb of the clause ``tok`` stands in: ``tok`` itself if a verb, else the first verb up its
    heads (or the root, if none is)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _named_by_apposition(noun):
    """The name a noun stands beside as its apposition ("A, the official who ..." is A), else the noun."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return noun.head
    return noun


# the preposition's object that does what the "to" clause says: "looked to A to help", "counted on A
# to", "called on A to halt", "appealed to A to"
PREP_CONTROL = frozenset({("to", "look"), ("on", "count"), ("on", "rely"), ("on", "depend"), ("upon", "rely"),
                          ("on", "call"), ("upon", "call"), ("to", "appeal"), ("on", "prevail")})


def second_addressees(verb) -> list:
    """Those asked in a second "B to do Y" after "urged A to do X and B to do Y": the parser joins B to
    the first clause's object and hangs "to do Y" on the first clause."""
    out = []
    for clause in kids(verb):
        if clause.dep_ != "xcomp" or not any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(clause)):
            continue
        inside = {w.i for w in clause.subtree}
        for w in clause.subtree:
            if w.dep_ == "conj" and w.pos_ == "PROPN" and w.i + 1 < len(w.doc):
                to = w.doc[w.i + 1]
                if to.lower_ == "to" and to.dep_ == "aux" and to.head.pos_ == "VERB" and to.head.i in inside and \
                        to.head.dep_ in ("advcl", "xcomp", "conj") and to.head.head.i in inside:
                    out.append(w)
    return out


def reduced_passive(tok) -> bool:
    """Whether ``tok`` is a past participle with a "by" agent describing a noun ("A, backed by B,")."""
    # (a common noun too when set off by commas: "the Syrian army, backed by Russia, ...")
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.i < tok.head.i and tok.is_sent_start and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok)) and any(c.dep_ == "agent" for c in kids(tok)):
        return True  # "Armed by A and B, C turned to D": the participle opening the sentence describes C
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and (
        tok.head.pos_ == "PROPN" or tok.head.pos_ == "NOUN" and tok.i == tok.head.i + 2 and
        tok.doc[tok.i - 1].text == ",") and any(c.dep_ == "agent" for c in kids(tok))


NOUNS_TAKEN_FOR_VERBS = WORDS.set("nouns_taken_for_verbs")  # ("rejected EU calls for an inquiry")
QUESTIONING = WORDS.set("questioning_verbs")  # ("Asked about the talks, A said ...")


def is_question(clause) -> bool:
    """Whether ``clause`` is a complement clause that asks ("whether B would lift the sanctions",
    "what officials were supposed to do")."""
    return clause.dep_ == "ccomp" and any(w.tag_ in ("WP", "WRB", "WDT") or w.dep_ == "mark" and w.lower_ in ("whether", "if")
                                          for w in clause.subtree if w.i < clause.i)


# words that open a clause of time ("before the administration leaves office")
TIME_MARKS = frozenset({"before", "after", "when", "until", "while", "once", "as"})


def subject_tokens(tok, depth: int = 0) -> list:
    """Tokens naming who does what ``tok`` (a verb) states, climbing conjunctions, control verbs
    and relative clauses when the verb has no subject of its own."""
    if depth > 4:
        return []
    if passive(tok) or reduced_passive(tok) or tok.dep_ == "conj" and tok.tag_ == "VBN" and passive(tok.head) and \
            any(c.dep_ == "agent" for c in kids(tok)):  # ("was brokered by A and signed by B and C")
        agents = [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
        if agents:  # "attended by A on one side and by B on the other": the second "by" hangs on the first phrase
            agents += [p for c in kids(tok) if c.dep_ == "prep" for b in kids(c)
                       if b.dep_ == "conj" and b.lower_ == "by" for p in kids(b) if p.dep_ == "pobj"]
        if not agents:  # "was granted a loan by X", "was hit with sanctions by X": the parser hangs the
            # agent on the thing given
            agents = [p for d in kids(tok) if d.dep_ == "dobj" or d.dep_ == "prep" and d.lower_ == "with"
                      for n in ([d] if d.dep_ == "dobj" else [x for x in kids(d) if x.dep_ == "pobj"])
                      for by in kids(n) if by.dep_ == "prep" and by.lower_ == "by"
                      for p in kids(by) if p.dep_ == "pobj"]
        if not agents:  # "was welcomed on his arrival by A": the parser hangs the agent on the arrival
            agents = [b for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                      for n in kids(c) if n.dep_ == "pobj" and n.lemma_.lower() in ("arrival", "landing")
                      for by in kids(n) if by.dep_ == "prep" and by.lower_ == "by"
                      for b in kids(by) if b.dep_ == "pobj"]
        if not agents:  # "was condemned in a joint statement by A, B and C": the statement's authors
            agents = [b for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("in", "through", "with")
                      for n in kids(c) if n.dep_ == "pobj" and n.lemma_.lower() in STATEMENT_NOUNS
                      for by in kids(n) if by.dep_ == "prep" and by.lower_ in ("by", "from")
                      for b in kids(by) if b.dep_ == "pobj"]
        return agents
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.i < tok.head.i and tok.lemma_.lower() in QUESTIONING and \
            not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "xcomp") for c in kids(tok)):
        # "Asked whether B had gained anything, A said ...", "Questioned about B, A ...": A is
        # the one asked; the asker is the "by" agent, if any
        return [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    subj = [c for c in kids(tok) if c.dep_ in SUBJECT_DEPS]
    # "A and B's President C met": the parser may make A and B the owners of C; A is a subject too
    subj = [p for s in subj for p in kids(s) if p.dep_ == "poss" and p.pos_ == "PROPN" and
            not any(a.dep_ == "case" for a in kids(p)) and
            any(q.dep_ == "conj" and any(a.dep_ == "case" and a.lower_ == "'s" for a in kids(q)) for q in kids(p))] + subj
    # "A, like B, cut ties with C": B too (set off by commas; not "states like B", an example)
    subj += [p for s in subj for c in [*kids(s), *(x for x in kids(tok) if s.i < x.i < tok.i)]
             if c.dep_ == "prep" and c.lower_ == "like" and c.i > s.i and tok.doc[c.i - 1].text == ","
             for p in kids(c) if p.dep_ == "pobj"]
    # "A condemned B, as did C": C too
    subj += [s for c in kids(tok) if c.dep_ == "advcl" and c.lemma_.lower() == "do" and
             any(m.lower_ == "as" for m in kids(c) if m.dep_ in ("mark", "advmod"))
             for s in kids(c) if s.dep_ == "nsubj"] if subj else []
    if subj and not (subj[0].tag_ in ("WP", "WDT") or subj[0].lower_ in ("who", "which", "that")):
        # "Egypt, Sudan sign deal": the parser takes the first of a headline's list for an adverb
        return [c for c in kids(tok) if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ != "DATE"
                and c.i + 2 == subj[0].i and c.nbor(1).text == ","] + subj
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() == "join":
        # "A joined B in condemning C": both
        joined = tok.head.head
        return subject_tokens(joined, depth + 1) + [c for c in kids(joined) if c.dep_ == "dobj"]
    if subj and tok.dep_ == "ccomp" and tok.head.dep_ == "relcl" and subj[0].i < tok.head.i:
        return subj  # "A, which officials say sent B arms": the relative pronoun, whose antecedent acts
    if subj and tok.dep_ != "relcl":
        return []
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "as" and \
            tok.head.head.lemma_.lower() in ("quote", "cite"):
        # "Radio X quoted Minister A as accusing B": A accuses
        quoted = [c for c in kids(tok.head.head) if c.dep_ == "dobj"]
        if quoted:
            return quoted
    if tok.dep_ == "ROOT" and tok.lemma_.lower() in ("say", "add", "insist", "argue", "claim", "warn"):
        # "X is ..., President A of B has said": the parser hangs the speaker on the quotation
        first = min([c.i for c in kids(tok) if c.dep_ in ("aux", "auxpass")] + [tok.i])
        if first > 0 and tok.doc[first - 1].pos_ == "PROPN" and tok.doc[first - 1].dep_ == "pobj":
            first -= 2  # "... of Pakistan has said": the name before "of"
        if first > 0 and tok.doc[first - 1].pos_ == "PROPN" and tok.doc[first - 1].dep_ in ("appos", "npadvmod"):
            return [tok.doc[first - 1]]
    if tok.dep_ == "dep" and tok.tag_ in ("VBD", "VBZ") and tok.head.dep_ == "ROOT" and tok.head.i < tok.i:
        # "A, on his last visit before the administration leaves office, then held talks with B": the
        # parser makes the clause of time the sentence and hangs the main verb on it; a subject put
        # before the subordinator is the main verb's
        marks = [m for m in kids(tok.head) if m.dep_ == "mark" and m.lower_ in TIME_MARKS]
        early = [c for c in kids(tok.head) if c.dep_ in ("nsubj", "nsubjpass") and marks and c.i < marks[0].i]
        if early:
            return early
    head = coordinated_with(tok)
    if tok.dep_ == "conj" and head.i != tok.i:
        if passive(head) and not passive(tok) and head.dep_ == "ccomp" and \
                any(c.dep_ == "aux" for c in kids(tok)):
            # "X has said its missions are watched and has accused Y": joined to the saying
            return subject_tokens(head.head, depth + 1)
        return subject_tokens(head, depth + 1)
    if tok.dep_ == "acomp" and head.pos_ in ("AUX", "VERB") and \
            tok.lower_ in ("due", "set", "scheduled", "poised", "slated"):
        return subject_tokens(head, depth + 1)  # "A is due to speak with B": A
    if tok.dep_ == "xcomp" and passive(head):
        # "Kazakhstan is expected to sign", "Iran is said to have supplied"
        return [c for c in kids(head) if c.dep_ == "nsubjpass"]
    if tok.dep_ in ("xcomp", "advcl") and head.i != tok.i:
        objs = [c for c in kids(head) if c.dep_ == "dobj"]
        called = [p for o in objs if o.lemma_.lower() in APPEALS for c in kids(o)
                  if c.dep_ == "prep" and c.lower_ in ("on", "to") for p in kids(c) if p.dep_ == "pobj"]
        if called and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(tok)):
            return called  # "repeated his call on A to impose sanctions": the parser hangs the clause on the verb
        if tok.dep_ == "xcomp" and objs and head.lemma_ in OBJECT_CONTROL:
            return objs  # "urged X to", "prompting X to cut ties": X does it
        given = [c for c in kids(head) if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
        if given and objs and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(tok)):
            return given  # "gave Egypt $2 billion to buy tanks": the receiver buys
        relied = [p for c in kids(head) if c.dep_ == "prep" and (c.lower_, head.lemma_.lower()) in PREP_CONTROL
                  for p in kids(c) if p.dep_ == "pobj"]
        if relied and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(tok)):
            return relied  # "we look to X to work with the agency", "called on Y to halt": X, Y
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            # "was condemned by A, with B, speaking in Warsaw, calling it ...": B speaks and calls
            withs = [p for c in kids(head) if c.dep_ == "prep" and c.lower_ == "with" and c.i < tok.i
                     for p in kids(c) if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")]
            if withs and all(t.is_punct or t.dep_ == "advcl" and t.tag_ == "VBG" or t.head.dep_ == "advcl" and
                             t.head.tag_ == "VBG" or any(a.dep_ == "advcl" and a.tag_ == "VBG" for a in t.ancestors)
                             for t in tok.doc[withs[-1].right_edge.i + 1:tok.i]):
                return [withs[-1]]
        return subject_tokens(head, depth + 1)
    if tok.dep_ == "relcl" and head.dep_ == "dobj" and head.ent_type_ == "MONEY" and \
            any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(tok)) and \
            not any(c.dep_ in ("dative", "dobj") and c.i != head.i for c in kids(head.head)):
        return subject_tokens(head.head, depth + 1)  # "pledged 50 million pounds to help B": the pledger helps
    if tok.dep_ == "relcl":
        ante = head
        if subj_is_who(tok) and ante.ent_type_ in ("GPE", "LOC") and ante.dep_ == "pobj" and ante.head.dep_ == "prep":
            ante = ante.head.head  # "the Houthi rebels in Yemen, who ...": the rebels
        if ante.dep_ == "pobj" and ante.head.lower_ == "of" and ante.head.head.lower_ == "one" and \
                ante.head.head.dep_ == "attr" and any(a.lower_ == "to" and a.dep_ == "aux" for a in kids(tok)):
            ante = ante.head.head  # "A was one of the few nations to back B": A
        if ante.dep_ == "pobj" and ante.head.lower_ == "among" and ante.head.head.lemma_ == "be" and \
                ante.pos_ == "NOUN":
            return subject_tokens(ante.head.head, depth + 1)  # "A and B were among the states that backed C"
        if ante.dep_ in ("attr",) and ante.head.pos_ in ("VERB", "AUX") and ante.pos_ != "PROPN":
            # ("X is a country that ...", but "the first to follow was Malawi, which ...": Malawi)
            return subject_tokens(ante.head, depth + 1)
        listed = [c for c in ante.conjuncts if c.i > ante.i]
        if listed and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that") for c in kids(tok)) \
                and max(c.i for c in listed) < tok.i and (
                tok.tag_ == "VBZ" or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBZ" or
                                         a.lower_ in ("is", "was", "has") for a in kids(tok))):
            # "met A, B and C, who is also holding talks with D": the verb says one, the last named
            return [_named_by_apposition(max(listed, key=lambda c: c.i))]
        return [_named_by_apposition(ante)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in kids(tok)):
        # "the declaration signed by A and B": the agents
        return [p for c in kids(tok) if c.dep_ == "agent" for p in kids(c) if p.dep_ == "pobj"]
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        senders = [p for c in kids(head) if c.dep_ == "prep" and c.lower_ == "from" and c.i < tok.i
                   for p in kids(c) if p.dep_ == "pobj"]
        if senders and head.lemma_.lower() in DOCUMENTS | {"message", "letter", "note", "appeal", "plea", "call"}:
            return senders  # "carried a message from A urging B to ...": A urges
        if head.dep_ == "dobj" and head.lemma_.lower() in DOCUMENTS and head.head.pos_ == "VERB":
            if head.head.lemma_.lower() in BLOCKING | JUDGING:
                # "vetoed a resolution condemning X", "welcomed a resolution threatening X": whoever
                # wrote it, never the one who blocked or judged it
                return []
            # "signed a decree recognising X", "issued a statement condemning X": the signer, the issuer
            return subject_tokens(head.head, depth + 1)
        if head.dep_ == "pobj" and head.head.lower_ in ("on", "in", "at", "via", "through") and \
                head.head.head.pos_ in ("NOUN", "VERB") and head.lemma_.lower() not in DOCUMENTS | PRIVATE_PEOPLE:
            # (but "abstained on the resolution condemning X": the resolution's, not the abstainer's)
            # "wrote a note on a blog praising X": the writer, not the blog
            verb = head.head.head
            while verb.pos_ == "NOUN" and verb.head.i != verb.i:
                verb = verb.head
            return subject_tokens(verb, depth + 1) if verb.pos_ in ("VERB", "AUX") else []
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB" and head.ent_type_ == "" \
                and (head.head.lower_ == "for" or head.lemma_.lower() not in DOCUMENTS):
            # "might push for a resolution condemning Iran": the resolution's backers (not "abstained on
            # a resolution condemning X")
            return [head] + subject_tokens(head.head.head, depth + 1)
        if head.dep_ == "dobj" and head.head.lemma_.lower() in ("have", "keep", "maintain") and \
                head.lemma_.lower() in ("troop", "soldier", "force", "peacekeeper", "personnel") and \
                not any(c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "ADJ", "PRON") for c in kids(head)):
            return subject_tokens(head.head, depth + 1)  # "A has 3,000 troops serving alongside B's": A's troops
        return [head]
    if tok.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in kids(tok)):
        if _named_by_apposition(head) is not head:
            return [head.head]  # "A, the first Soviet minister ever to visit B,": A visits
        if head.lemma_.lower() in APPEALS:
            # "his call on A and B to impose sanctions": those called on
            called = [p for c in kids(head) if c.dep_ == "prep" and c.lower_ in ("on", "to")
                      for p in kids(c) if p.dep_ == "pobj"]
            if called:
                return called
        elif head.lemma_.lower() in NOT_DOING:
            return []  # "the refusal by A to recognise B": an act not done, by nobody (not the name before it)
        else:
            owners = [c for c in kids(head) if c.dep_ == "poss"] or \
                [p for c in kids(head) if c.dep_ == "prep" and c.lower_ in ("of", "by") and c.i < tok.i
                 for p in kids(c) if p.dep_ == "pobj"] or \
                [c for c in kids(head) if c.dep_ in ("compound", "amod") and c.i < head.i and c.pos_ in ("PROPN", "ADJ")
                 and head.lemma_.lower() in TASKED]
            if owners:
                # "welcomed the EU's decision to tighten sanctions", "the efforts of A and B to persuade
                # C", "a bid by A to join B": the owner does it
                return owners
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and head.dep_ == "dobj":
        return []  # "welcomed talks held in Paris": whoever held them, not those who welcomed them
    if tok.dep_ == "acl" and head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX", "ADP"):
        verb = head.head if head.head.pos_ != "ADP" else head.head.head
        return subject_tokens(verb, depth + 1)  # "accepted an invitation to visit Abu Dhabi"
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ in ("of", "for") and verb.lemma_.lower() in ACCUSING:
            # "accused Iran of arming the Houthis", "Iran was accused by B of supplying drones": Iran
            return [c for c in kids(verb) if c.dep_ == "dobj" or c.dep_ == "nsubjpass" and passive(verb)]
        if head.lower_ == "against" and any(c.dep_ == "dobj" for c in kids(verb)):
            return []  # "warned B against supplying arms to C": neither the warner's act nor, yet, B's
        if head.lower_ == "for" and any(c.dep_ == "dobj" for c in kids(verb)) and \
                verb.lemma_.lower() not in EARNING:
            # "blacklisted five Chinese firms for helping B", "thanked Japan for backing": the one it
            # was done to did it (but "won praise for opening talks with B": the winner did)
            return [c for c in kids(verb) if c.dep_ == "dobj"]
        if head.lower_ == "from" and verb.lemma_.lower() in PREVENTING and any(c.dep_ == "dobj" for c in kids(verb)):
            return [c for c in kids(verb) if c.dep_ == "dobj"]  # "stop fighters from crossing": the fighters cross
        if verb.pos_ in ("VERB", "AUX") and passive(verb) and head.lower_ in ("in", "by", "while", "after", "before"):
            # "X had been allied with Y in fighting Z": X fights
            return [c for c in kids(verb) if c.dep_ == "nsubjpass"]
        return subject_tokens(verb, depth + 1) if verb.pos_ in ("VERB", "AUX") else []
    return left_neighbour(tok)


def listed(trigger) -> bool:
    """True if the trigger's actors come as one list (a plural subject or agent)."""
    return passive(trigger) or any(c.dep_ in SUBJECT_DEPS and any(x.dep_ == "conj" for x in kids(c))
                                    for c in kids(trigger))


def subj_is_who(tok) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ == "who" for c in kids(tok))


def left_neighbour(tok) -> list:
    """For a verb the parser left without a subject: the noun right before it, past dates, adverbs
    and commas ("the Soviet Union on Oct. 12, 1948 became ...")."""
    j = min([c.i for c in kids(tok) if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < tok.i
             and c.pos_ != "PROPN"] + [tok.i]) - 1  # (a name the parser took for an adverb is the subject)
    while j >= 0:
        t = tok.doc[j]
        if tok.doc[j + 1].is_sent_start:
            return []
        if t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ in ("ADV",) or \
                (t.pos_ == "ADP" and t.lower_ in ("on", "in")):
            j -= 1
            continue
        if t.pos_ not in ("PROPN", "NOUN"):
            return []
        # "a team led by A, the ambassador to B, has negotiated": the phrase the neighbour ends, not B
        # (only past a closing comma: "in Lima, the bloc's council condemned" is no apposition)
        top, x = t, t
        closed = any(w.text == "," for w in tok.doc[t.i + 1:tok.i])
        while closed and x.dep_ in ("pobj", "prep", "appos", "agent", "acl") and x.head.i < tok.i and x.head.i != x.i:
            x = x.head
            if x.pos_ in ("PROPN", "NOUN"):
                top = x
        return [top]
    return []


# nouns of quantity, through whose "of" a preposition reaches what it is about
QUANTITY_NOUNS = WORDS.set("quantity_nouns")


def prep_objects(tok, slots: tuple[str, ...]) -> list:
    out = []
    below = kids(tok)
    for r in below:  # "moved its embassy back to Tel Aviv": the preposition after "back"
        if r.dep_ == "advmod" and r.lower_ in ("back", "away", "over", "home"):
            out += [p for g in kids(r) if g.dep_ == "prep" and g.lower_ in slots
                    for p in kids(g) if p.dep_ == "pobj"]
    for r in below:  # "poured across the border into Kuwait": the goal after the route
        if r.dep_ == "prep" and r.lower_ in ("across", "over", "through") and r.lower_ not in slots:
            out += [p for o in kids(r) if o.dep_ == "pobj" for g in kids(o)
                    if g.dep_ == "prep" and g.lower_ in slots and g.lower_ in ("into", "to")
                    for p in kids(g) if p.dep_ == "pobj"]
    if "with" in slots:  # "met at the palace with A", "talks behind closed doors with A": the parser
        # hangs "with A" on the place
        out += [p for r in below if r.dep_ == "prep" and r.lower_ in ("at", "in", "behind") for o in kids(r)
                if o.dep_ == "pobj" and (o.lemma_.lower() in VENUES or r.lower_ == "behind" and o.lemma_.lower() == "door")
                for g in kids(o) if g.dep_ == "prep" and g.lower_ == "with" for p in kids(g) if p.dep_ == "pobj"]
    for r in below:  # "talks with A on Thursday and with B on Friday": the parser hangs the
        # second "with" on the date's preposition
        if r.dep_ == "prep" and r.lower_ not in slots:
            out += [p for g in kids(r) if g.dep_ == "conj" and g.pos_ == "ADP" and g.lower_ in slots
                    for p in kids(g) if p.dep_ == "pobj"]
            # ("flew to A on Monday and then on to B": the onward leg)
            out += [p for g in kids(r) if g.dep_ == "conj" and g.lower_ == "on" for h in kids(g)
                    if h.dep_ == "prep" and h.lower_ in slots for p in kids(h) if p.dep_ == "pobj"]
    for c in below:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in slots:
            if c.lower_ == "with" and c.i >= 2 and tok.doc[c.i - 1].lower_ in WITH_PHRASES and \
                    tok.doc[c.i - 2].lower_ == "in" and tok.i != c.i - 1:
                continue  # "closed the border in solidarity with B": the parser hangs "with B" on the verb
            found = [p for p in kids(c) if p.dep_ in ("pobj", "pcomp")]
            # "duties on $3 billion worth of Japanese steel", "sanctions on a number of A's banks"
            out += found + [o for p in found if p.lemma_.lower() in QUANTITY_NOUNS for o in of_chain(p, 1)]
            # "spoke with A and with B": the second preposition is a conjunct of the first
            out += [p for g in list(kids(c)) + [g for g in below if g.i > c.i]
                    if g.dep_ == "conj" and g.pos_ == "ADP" and g.lower_ == c.lower_
                    for p in kids(g) if p.dep_ == "pobj"]
            # "appealed to A, B and C to help": the parser takes the list's tail for the subject of "to help"
            out += [n for x in below if x.dep_ in ("ccomp", "xcomp") and x.i > c.i and
                    any(a.lower_ == "to" and a.dep_ == "aux" for a in kids(x))
                    for s in kids(x) if s.dep_ == "nsubj" and s.i > c.i and s.i > 0 and
                    tok.doc[s.left_edge.i - 1].text == "," for n in [s] + list(s.conjuncts)]
            # "called on A to stop and on B to withdraw": the parser hangs the second "on" on the clause
            out += [p for x in below if x.dep_ in ("xcomp", "advcl") and x.i > c.i for g in kids(x)
                    if g.dep_ == "conj" and g.pos_ == "ADP" and g.lower_ == c.lower_
                    for p in kids(g) if p.dep_ == "pobj"]
        # "called on X", "protested to X": particles and phrasal prepositions
        if c.dep_ == "prt" and c.lower_ in slots:
            out += [p for p in below if p.dep_ == "dobj"]
        # "gave approval for Egypt to build the tank": "for" marks a clause whose subject is the object
        if c.dep_ in ("acl", "advcl", "xcomp", "ccomp") and "for" in slots and \
                any(m.dep_ == "mark" and m.lower_ == "for" for m in kids(c)):
            out += [n for x in kids(c) if x.dep_ == "nsubj" for n in [x] + list(x.conjuncts)]
    return out


def object_tokens(tok, entry: LexEntry, *, verb: bool, needs_words: frozenset = frozenset()) -> list:
    out = []
    slots = tuple(s for s in entry.objects if s not in ("dobj", "ccomp", "dative", "between", "when", "for-by"))
    dobjs = [c for c in kids(tok) if c.dep_ in ("dobj",)]
    if verb and reduced_passive(tok):
        dobjs = [tok.head]  # "the United States, backed by Mexico": the noun the participle describes
        if tok.dep_ == "advcl":  # ("Backed by A, B retook the city": the subject of the sentence)
            dobjs = [c for c in kids(tok.head) if c.dep_ in ("nsubj", "nsubjpass")]
    elif verb and passive(tok):
        dobjs = [c for c in kids(tok) if c.dep_ in PASSIVE_SUBJ]
        if not dobjs and tok.dep_ == "conj":  # "X is under sanctions and was condemned by Y"
            dobjs = [c for c in kids(tok.head) if c.dep_ in ("nsubj", "nsubjpass")]
    if verb and not dobjs and "dobj" in entry.objects:
        # "deplored what she called reckless drills by X", "blamed what it described as X's
        # meddling": what the clause names
        dobjs += [o for c in kids(tok) if c.dep_ == "ccomp" and any(
            w.dep_ == "dobj" and w.lower_ == "what" for w in kids(c))
            for o in [*kids(c), *(o for p in kids(c) if p.dep_ == "prep" and p.lower_ == "as" for o in kids(p))]
            if o.dep_ in ("oprd", "pobj")]
    if verb and not dobjs and "dobj" in entry.objects:
        # "rejected as baseless the charge from X": the parser hangs the shifted object on "as"
        for c in kids(tok):
            if c.dep_ == "prep" and c.lower_ == "as":
                dobjs += [p for p in kids(c) if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]
            elif c.dep_ in ("advcl", "acomp", "oprd") and c.pos_ == "ADJ" and \
                    any(a.lower_ == "as" for a in kids(c)):
                dobjs += [d for d in kids(c) if d.dep_ == "dobj"]
    if verb and not dobjs and "dobj" in entry.objects:
        # "has rejected EU calls to step in": the parser may take the plural noun for a clause's verb
        dobjs += [c for c in kids(tok) if c.dep_ == "ccomp" and c.tag_ == "VBZ" and c.lower_ in NOUNS_TAKEN_FOR_VERBS
                  and not any(x.dep_ in ("nsubj", "nsubjpass") for x in kids(c))]
    # "condemned a series of North Korean missile launches": what the series is of
    dobjs = [o for d in dobjs for o in ((of_chain(d, 1) or [d]) if d.lemma_.lower() in QUANTITY_NOUNS else [d])]
    if "dobj" in entry.objects:
        out += dobjs
        # "rejected EU calls for an inquiry": the parser may take the plural noun for a verb, and its
        # owner for the verb's compound; the owner is the one answered
        out += [c for d in dobjs if d.tag_ == "VBZ" and d.lower_ in NOUNS_TAKEN_FOR_VERBS
                for c in kids(d) if c.dep_ == "compound" and c.i < d.i]
    if "dative" in entry.objects:
        if not any(c.lower_ == "to" and c.dep_ in ("dative", "prep") and
                   any(p.pos_ in ("PROPN", "PRON") for p in kids(c) if p.dep_ == "pobj") for c in kids(tok)):
            out += [c for c in kids(tok) if c.dep_ == "dative" and c.pos_ != "ADP"]  # (a "to" says who)
        if verb and passive(tok) and "dobj" not in entry.objects:
            out += dobjs  # "Sri Lanka was granted a loan": the receiver
        if len(dobjs) > 1 and "dobj" not in entry.objects and dobjs[0].pos_ in ("PROPN", "PRON"):
            out.append(dobjs[0])  # "gave Egypt and Israel billions": the parser took the receiver for an object
        if verb and len(dobjs) == 1 and "dobj" not in entry.objects and dobjs[0].pos_ == "NOUN" and \
                not any(c.dep_ == "prep" and c.lower_ == "to" for c in kids(tok)):
            # "sold Turkey drones": the parser hung the receiver on the goods as a compound
            first = tok.i + 1
            if first < dobjs[0].i and tok.doc[first].ent_type_ == "GPE" and tok.doc[first].ent_iob_ == "B":
                last = first
                while last + 1 < dobjs[0].i and tok.doc[last + 1].ent_iob_ == "I" and tok.doc[last + 1].is_alpha:
                    last += 1
                between = tok.doc[last + 1:dobjs[0].i]
                if tok.doc[last].dep_ in ("compound", "nmod") and last < tok.doc[last].head.i <= dobjs[0].i and all(
                        w.dep_ in ("compound", "amod", "nummod", "appos", "nmod") and last <= w.head.i <= dobjs[0].i and
                        w.ent_type_ != "GPE" for w in between):
                    out.append(tok.doc[last])  # (not "sent Leopard 2 tanks to X": the goods' name; but
                    # "sold Peru 12 Mirage 2000 jets")
    if "for-by" in entry.objects:
        # "called for a withdrawal by B", "appealed for restraint by A and B": who is to do it
        # (wherever the parser hangs the "by": on the noun, on the verb, on the noun's own phrase)
        called = [p for p in prep_objects(tok, ("for",)) if p.pos_ == "NOUN"]
        if called and not passive(tok):
            out += [a for p in called for w in [p, *(x for c in kids(p) if c.dep_ == "prep" and c.lower_ in ("to", "of")
                                                     for x in kids(c) if x.dep_ == "pobj")]
                    for a in prep_objects(w, ("by",))] + prep_objects(tok, ("by",))
    if "ccomp" in entry.objects:
        for c in kids(tok):
            if c.dep_ in ("ccomp", "xcomp"):
                out += [s for s in kids(c) if s.dep_ in ("nsubj",)]
    if slots:
        out += prep_objects(tok, slots)
        if entry.particle and entry.particle != "-" and not dobjs:
            # "has drawn closer TO B": the parser hangs it on the particle (not "moved its troops closer to B")
            out += [p for c in kids(tok) if c.dep_ == "advmod" and c.lower_ == entry.particle
                    for p in prep_objects(c, slots)]
        if any(c.dep_ == "prep" and c.lower_ in slots and not any(p.dep_ == "pobj" for p in kids(c))
               for c in kids(tok)):
            out += [c for c in kids(tok) if c.dep_ == "dobj"]  # "call on A to": "on" left bare, A the object
            if not out and verb:  # "fired on and boarded two tankers": the object the next verb shares
                out += [d for v in kids(tok) if v.dep_ == "conj" and v.i > tok.i and v.pos_ == "VERB"
                        for d in kids(v) if d.dep_ == "dobj"]
        if out and verb:  # "phoned A, and the leaders of B and C": a list the parser cut off
            out += [c for c in kids(tok) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > out[-1].i]
        # "imposed sanctions ON Iran", "a package of sanctions ON Russia", "imposed bans and other
        # sanctions ON Iran" (the parser hangs the preposition on the last of the list)
        for d in dobjs + [c for d in dobjs for c in kids(d) if c.dep_ == "conj" and c.pos_ == "NOUN"]:
            # ("opposes the arms sale TO B": the object is the sale's maker, not its buyer)
            out += prep_objects(d, tuple(s for s in slots if s != "to") if "dobj" in entry.objects and
                                not entry.needs else slots)
            # "extended credits worth $1bn to B": the parser hangs the receiver on the worth
            out += [p for a in kids(d) if a.dep_ == "amod" and a.lower_ in ("worth", "valued")
                    for p in prep_objects(a, slots) + [q for n in kids(a) if n.dep_ == "npadvmod"
                                                       for q in prep_objects(n, slots)]]
            for of in of_chain(d):
                out += prep_objects(of, slots)
        if not out and entry.needs:  # "spoke by telephone WITH X"
            for c in kids(tok):
                if c.dep_ == "prep":
                    for p in kids(c):
                        if p.dep_ == "pobj" and (p.lower_ in needs_words or p.lemma_.lower() in needs_words):
                            out += prep_objects(p, slots)
        for d in dobjs:
            if not out and entry.needs:  # "signed agreements establishing relations WITH X"
                for w in d.subtree:
                    if w is not d and w.dep_ in ("dobj", "acl") and w.head.i >= d.i:
                        out += prep_objects(w, slots)
            if not out and entry.needs:  # "signed an agreement on the submarine programme WITH X": the
                # parser hangs the partner on the topic
                out += [x for t in prep_objects(d, ("on", "over", "about", "for", "covering")) for x in prep_objects(t, slots)]
    if not out and entry.predicate == "aided":
        # "pledged $1bn towards Iraq's reconstruction", "funds for the rebuilding of Gaza": whose it is
        works = [p for h in [tok] + dobjs for p in prep_objects(h, ("towards", "toward", "for", "to"))
                 if p.lemma_.lower() in REBUILDING]
        out += [o for p in works for o in kids(p) if o.dep_ == "poss"] + \
            [o for p in works for o in prep_objects(p, ("of",))]
    if not out and entry.predicate == "sanctioned":
        # "sanctions imposed over Iran's nuclear programme": the one whose deed they answer
        out += [o for h in [tok] + dobjs + [a for a in kids(tok) if a.dep_ == "acl"]
                for p in prep_objects(h, ("over",)) for o in kids(p) if o.dep_ == "poss"]
    if "when" in entry.objects and not out:
        # "A protested when B annexed the islands": the doer of what was protested
        out += [x for c in kids(tok) if c.dep_ == "advcl" and any(
            m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after") for m in kids(c))
            for x in kids(c) if x.dep_ == "nsubj"]
    return out


def trip_places(tok) -> list:
    """Where a trip went when the trip noun names no place of its own: "chose X for his first trip",
    "made X the destination of his trip", "X was the first stop on A's tour", "began his tour in X"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("for", "on") and head.head.lemma_.lower() in TRIP_CHOOSING:
        return [c for c in kids(head.head) if c.dep_ == "dobj"]
    if tok.dep_ == "pobj" and head.lower_ in ("of", "on") and head.head.lemma_.lower() in TRIP_STOPS:
        stop = head.head
        if stop.dep_ in ("attr", "ccomp", "oprd", "xcomp"):
            return [c for c in kids(stop) if c.dep_ == "nsubj"] or \
                [c for c in kids(stop.head) if c.dep_ in ("nsubj", "dobj") and c.i < stop.i]
    if tok.dep_ == "dobj" and head.lemma_.lower() in TRIP_BOUNDS:
        # (or "began [his tour in X]", "began a tour of [Asia in X]")
        return prep_objects(head, ("in",)) + [p for n in [tok, *prep_objects(tok, ("of",))] for p in prep_objects(n, ("in",))]
    return []


def of_chain(tok, depth: int = 2) -> list:
    """Nouns hanging on ``tok`` through "of": "a package OF sanctions", "hours OF talks"."""
    out = []
    for c in kids(tok):
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in kids(c):
                if p.dep_ == "pobj":
                    out.append(p)
                    if depth > 1:
                        out += of_chain(p, depth - 1)
    return out


def attack_lemmas(lex: Lexicon) -> frozenset[str]:
    """The verbs of the lexicon that state an attack, gathered once per lexicon and kept on it."""
    found = lex.__dict__.get("attack_verbs")
    if found is None:
        found = lex.__dict__["attack_verbs"] = frozenset(
            e.lemma for es in lex.verbs.values() for e in es if e.predicate == "attacked")
    return found


def regular_lemma(tok) -> str:
    """The lemma of a regular verb form when the tagger's lemma is off ("staged" read as "stag")."""
    w = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and w.endswith("ed") and len(w) > 4:
        return w[:-1] if w[-3] in "gcvuz" else w[:-2]
    return w


def conditional_harm(tok) -> bool:
    """Whether verb ``tok`` is harm promised on a condition: "we will strike (and destroy) X if ..."."""
    verb = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "aux" for c in kids(tok)) else tok
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in kids(verb)) and \
        any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids(c))
            for c in kids(verb))


def undone(tok) -> bool:
    """ "scrapped the accord", "withdrew from the treaty", "pulled out of the deal": the agreement
    is undone, which is no news of its signing."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("from", "of"):
        head = head.head
        if head.pos_ == "NOUN" and head.lemma_.lower() in UNDOING_NOUNS and tok.head.lower_ == "of":
            return True  # "the suspension of its accord with X", "an end to exercises with X"
    elif tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in UNDOING_NOUNS:
        return True
    elif tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in UNDOING


def between(tok, depth: int = 0) -> list[list]:
    """The sides of "the talks between A and B", also where the parser hangs them on the last noun
    of a name ("the memorandum of understanding between A and B")."""
    groups = []
    for c in kids(tok):
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            for p in kids(c):
                if p.dep_ == "pobj":
                    groups.append(conjuncts(p))
        elif c.dep_ == "prep" and c.lower_ == "of" and depth == 0:
            for p in kids(c):
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ == "":
                    groups += between(p, 1)
    return groups


GOODS = frozenset({"flight", "flights", "import", "imports", "export", "exports", "travel", "trade", "shipment",
                   "shipments", "goods", "investment", "investments", "visa", "visas"})


def goods_bound(toks) -> list:
    """ "restrictions on flights to Cuba", "a ban on imports from Iran": where the goods or the
    travellers go to or come from."""
    return [p for t in toks if t.lemma_.lower() in GOODS or t.lower_ in GOODS
            for p in prep_objects(t, ("to", "from", "with") if t.lemma_.lower() in TRADING else ("to", "from"))]


# dealings a ban can be on, with the one dealt with: "a ban on all trade with X"
TRADING = WORDS.set("trading")


def goods_origin(toks) -> list:
    """ "a ban on imports of Iranian goods": the word that says whose goods they are."""
    return [c for t in toks if t.lemma_.lower() in GOODS or t.lower_ in GOODS for g in of_chain(t, 1)
            for c in kids(g) if c.dep_ in ("amod", "compound") and c.i < g.i]


def not_yet_done(verb) -> bool:
    """ "would strike", "will not hesitate to strike", "could retaliate": a verb in its base form
    under a modal, itself or through the verbs it completes: an act not done (yet)."""
    w = verb
    while w.tag_ == "VB" or w.dep_ == "xcomp":
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids(w)):
            return True
        if w.dep_ != "xcomp" or w.head is w:
            return False
        w = w.head
    return False
