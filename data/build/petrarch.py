#!/usr/bin/env python3
"""Convert the PETRARCH2 event-coding dictionaries into dipgraph's data files.

    python data/build/petrarch.py [--source DIR] [--data DIR] [--out DIR]

reads, from ``--source`` (default: ``../shared/petrarch`` beside the repository), the five dictionary
files of the PETRARCH2 coder and their LICENSE, and writes into ``--out`` (default: the repository's
``data/``):

- ``petrarch_lexicon.tsv``: verbs, their particles and the object or preposition phrases that state
  a relation, from the verb synonym sets and patterns of ``CAMEO.2.0.txt`` whose CAMEO code maps to a
  relation in ``data/cameo.tsv``;
- ``petrarch_people.tsv``: people with their name variants and their dated roles for a state or an
  organisation, from ``Phoenix.Countries.actors.txt`` and ``Phoenix.International.actors.txt``;
- ``petrarch_organisations.tsv``: international organisations and armed or non-state groups with
  their abbreviations, from ``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt``;
- ``petrarch_offices.tsv``: the role words of ``Phoenix.agents.txt`` that ``data/offices.tsv`` lacks.

The dictionaries write phrases in upper case with underscores ("SERGEY_V._LAVROV"); the files hold
them as news writes them ("Sergey V. Lavrov"). ``--data`` (default: ``--out``) is the folder of
dipgraph's own files that the conversion reads: ``cameo.tsv``, ``countries.tsv``,
``former_states.tsv``, ``offices.tsv``. What is left out, and why, is listed in each file's header and
in the FILTERS below. The files are rebuilt whole; nothing reads the dictionaries at run time.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dipgraph.ingest.words import WORDS

__all__ = [
    "SOURCE_REPOSITORY", "SOURCE_COMMIT", "VerbBlock", "Pattern", "ActorRecord", "Term",
    "LEFT_OUT_BLOCKS", "LEFT_OUT_VERBS", "UNPATTERNED_VERBS", "JOINT", "joint_act_words", "read_verb_dictionary", "read_actor_dictionary", "read_agents", "news_case", "name_forms",
    "lexicon_rows", "people_rows", "organisation_rows", "office_rows", "build", "main",
]

SOURCE_REPOSITORY = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_PATH = "petrarch2/data/dictionaries/"
DICTIONARY_DATE = "2014-01-30"  # the CountryInfo version the actor files were made from (CountryInfo.140130)

REPO = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------------------------------------------
# Filters: what the conversion leaves out, and why (each also stated in the header of its file).
# ---------------------------------------------------------------------------------------------------

# Verbs so general that, bare, they state nothing in particular ("say", "go", "make", "face"): never a
# trigger by themselves; a pattern of theirs counts only with the object words it names.
GENERIC_VERBS = frozenset("""
    be have do say tell go come make take give get put set see look keep let hold run turn bring
    send leave move show find use call work seek try want need become remain begin start end stop
    continue face meet open close reach pass play stand stay carry raise lift form mark note add
    join follow lead allow expect plan hope hear feel think know believe consider mean appear seem
    help offer accept receive deal handle manage report express state declare announce issue
    place post base position stage station situate arrange pose format engage enter return express
""".split())

# Verbs whose patterns are left out too: verbs of saying (the relation is in what is said, which the
# rules read from the reported clause) and the commonest light verbs, whose patterns name event
# nouns ("make a visit", "take part in talks", "plan an attack") that the noun rules already read.
# They are among the most frequent verbs in news, and a lexicon entry has every occurrence examined.
UNPATTERNED_VERBS = frozenset("""
    say tell add report state claim describe discuss explain note mention comment deny rule plan
    make take keep continue begin end remain set put want find move return raise consider be have do
    get go come give hold
""".split())

# CAMEO codes whose patterns read as the relation too loosely for news text: 055 apologize and 056
# forgive are "diplomatic cooperation" in CAMEO but not cooperation between the two sides as the
# vocabulary means it; 052 (defend verbally) and 053 (rally support) state no tie to the other side.
LEFT_OUT_CODES = ("052", "053", "055", "056")

# Synonym sets left out whole: their code is one of CAMEO's catch-alls (040 consult, 050 and 060
# cooperation, 070 aid, 120 reject, 18x-19x force) and their verbs, in news, state no such relation
# between two sides in the sense of data/ontology.ttl.
LEFT_OUT_BLOCKS = {
    # 040: contact of any kind; these verbs do not say that two sides met
    "ARRIVE": "arriving (arrive in is a visit in data/lexicon.tsv)", "CABLE": "cabling",
    "CONSIDER": "thinking it over", "GO_SOMEWHERE": "going, leaving, touring", "HEAR": "hearing, learning",
    "INTRODUCE": "introducing", "INVITE": "inviting (a future meeting at most)", "NOTIFY": "notifying",
    "EXPLAIN_VERBAL": "communicating", "VERBAL_CONFLICT": "debating, objecting", "MOBILIZE": "summoning troops",
    # 050, 060: cooperation catch-alls whose verbs name no partner
    "BARGAIN": "bargaining, dealing", "DISCLOSE": "revealing", "INFLUENCE": "influencing", "REJOICE": "rejoicing",
    "SUPPORT": "promoting, advertising", "AID": "benefiting, serving", "ALLOCATE": "allocating",
    "BOOST": "increasing", "ENACT": "establishing", "ENLIST": "enrolling", "FACILITATE": "easing",
    "LINK": "linking", "MERGE": "merging", "OVERSEE_MANAGE": "managing, ruling", "FINANCE": "paying, funding",
    "IMPORT": "importing", "PURCHASE": "buying", "ARM": "equipping", "EXTRADITE": "extraditing people",
    # 051: admiration and blessing are not support for the other side
    "BLESS": "blessing", "RESPECT": "valuing", "REASSERT": "reasserting", "CONFIRM": "affirming",
    # 054, 070, 073: formalities, intervention and rescue are not recognition or aid
    "FORMALIZE": "formalizing", "INTERVENE": "intervening", "STABILISE": "stabilizing", "RESCUE": "rescuing",
    "EVACUATE": "evacuating, defecting",
    # 100, 120, 130, 161: decrees, hopes, delays, failures, breaches, risks and secession
    "DECREE": "decreeing", "HOPE": "hoping", "UTILIZE": "applying", "DELAY": "delaying, hindering",
    "FAIL": "failing", "VIOLATE": "breaching", "OVERRULE": "overruling", "ENDANGER": "endangering",
    "SECEDE": "seceding",
    # 18x, 19x: harm, crime and figures of speech rather than an attack of one side on another
    "HURT": "damaging, hurting", "ABUSE": "abusing", "RIP": "tearing", "RAMPAGE": "rampaging",
    "SCUFFLE": "scuffling", "SLAP": "slapping", "WHIP": "whipping", "RAPE": "sexual violence", "STAB": "stabbing",
    "DIE": "dying", "OVERTHREW": "overthrowing", "FLATTEN": "flattening", "ENGAGE": "engaging",
}

# Verbs of the sets kept whose usual sense in news is another than the set's code, or that take a
# topic rather than the other side as their object ("discussed the war", "fired the minister",
# "sanctions targeting its banks", "defeated in the election", "kick off a cycle of escalation",
# "the arrest should encourage B": a spur, neither praise nor a request; "consulted closely with its
# allies before acting": kept informed, by any means, no meeting).
LEFT_OUT_VERBS = frozenset("""
    amass cluster conglomerate conjoin constellate converge flock join unite convene
    brave confront contact encounter face interact discuss consult
    conform correlate orchestrate organise organize unionise unionize integrate
    admire celebrate clap commemorate honor honour respect reward toast greet
    cheer embolden encourage enliven galvanize inspire invigorate reassure revitalize rouse spur prefer exalt glorify
    accord add award bequeath bestow endow entrust give issue lend loan provide supply grant
    exchange swap advocate hint propose suggest bid campaign clamor clamour crusade necessitate need
    cane flog lecture circle ring blow explode fire hang string strangle stamp
    altercate bludgeon clobber conflict duel grapple kick match pit quarrel square stone struggle wrestle
    ram thump beat best break bust disarm dominate master overcome overshadow overtake ravish ruin
    shatter surmount desolate eradicate infest inhabit reside butcher back
    target defeat kick count
""".split())

# Particles (adverbs after the verb) and prepositions that introduce the other side.
PARTICLES = frozenset("up down out off away back forward aside apart together along around through".split())
PREPOSITIONS = frozenset("""with to for at against from into upon of about by on in over onto toward
    towards after behind across between among under""".split())

# Where the other side of a relation is found when a pattern does not say (lexicon.tsv's `objects`).
DEFAULT_OBJECTS = {
    "met": "dobj|with", "visited": "dobj|to", "phoned": "dobj|with", "negotiatedWith": "with",
    "signedAgreementWith": "with", "cooperatedWith": "with", "supported": "dobj", "recognized": "dobj",
    "aided": "dobj|to", "suppliedArmsTo": "to", "urged": "dobj", "rejected": "dobj",
    "criticized": "dobj", "accused": "dobj", "threatened": "dobj", "sanctioned": "dobj|on|against",
    "reducedRelationsWith": "with", "attacked": "dobj|on|against",
}

# ... and when a pattern's own words fill the object ("send AID", "fire MISSILES", "seize the TOWN"):
# the other side is then after a preposition, not the direct object; for the verbal relations it is
# the owner of the object ("rejected Russia's PROPOSAL"), as by default.
OBJECTS_AFTER_WORDS = {
    **DEFAULT_OBJECTS, "met": "with", "visited": "to", "phoned": "with", "aided": "to|for",
    "suppliedArmsTo": "to", "attacked": "on|against|at", "sanctioned": "on|against",
}

# Words that make a phrase an organisation's name rather than a person's.
ORG_WORDS = frozenset("""
    organization organisation organizations commission council agency fund bank union party front army
    movement brigade brigades force forces group groups association committee court tribunal league
    institute programme program office mission alliance community federation society foundation network
    center centre coalition authority panel conference assembly parliament secretariat board bureau
    corps command congress cell cells faction militia militias jihad resistance liberation revolutionary
    nations forum initiative service services council club partnership treaty pact watch international
    unit units battalion regiment guard guards mujahideen taliban islamic state ministry department
    lashkar jaish jaysh ansar harakat jamaat jemaah tehrik hizb kataib
""".split())

# Small words kept in lower case inside names ("Organization of American States", "Bashar al-Assad").
NAME_LOWER = frozenset("of the and for in on to at by de da das do dos di du del della van von der den ter ten "
                       "bin ibn bint al el y zu".split())
ORG_LOWER = frozenset("of the and for in on to at by a an".split())

# Title words that begin some name variants ("PRESIDENT_KARZAI", "RUSSIAN_FOREIGN_MINISTER_LAVROV"):
# stripped, and what is left must still be a full name.
TITLE_WORDS = frozenset("""
    president prime minister foreign defense defence secretary general gen. gen lt. col. colonel
    ambassador amb. envoy chancellor king queen prince princess sheikh shaikh emir sultan premier vice
    deputy state of the senator sen. rep. representative governor mayor chief justice judge leader
    chairman mr mr. mrs mrs. ms ms. dr dr. sir lord lady former acting interior finance speaker
    spokesman spokeswoman commander admiral marshal field brigadier major captain lieutenant
    ayatollah imam mullah cardinal archbishop bishop pope sayyid sayed haji hajji mawlawi maulana
    un u.n. us u.s. secretary-general director director-general
""".split())

# ---------------------------------------------------------------------------------------------------
# Case: the dictionaries' upper case to the case news writes
# ---------------------------------------------------------------------------------------------------


def _cap_part(part: str) -> str:
    if not part:
        return part
    if re.fullmatch(r"I{2,3}|IV|VI{1,3}|IX", part):
        return part  # regnal numbers: "Elizabeth II", "Henry VIII"
    if re.fullmatch(r"[A-Z]\.?", part) or re.fullmatch(r"(?:[A-Z]\.)+", part):
        return part  # initials: "V.", "J.D."
    if part.startswith("MC") and len(part) > 3:
        return "Mc" + part[2].upper() + part[3:].lower()
    return part[0].upper() + part[1:].lower()


def _cap_word(word: str) -> str:
    """One upper-case word in title case, part by part: "O'BRIEN" -> "O'Brien", "KI-MOON" -> "Ki-Moon"."""
    out = []
    for piece in re.split(r"([-'’])", word):
        out.append(piece if piece in ("-", "'", "’") else _cap_part(piece))
    text = "".join(out)
    return re.sub(r"(\w)'S\b", r"\1's", text).replace("'S ", "'s ")


def phrase_words(raw: str) -> list[str]:
    """The words of a dictionary phrase: underscores and runs of blanks separate them."""
    return [w for w in re.split(r"[_\s]+", raw.strip()) if w]


def news_case(raw: str, *, kind: str = "person") -> str:
    """A dictionary phrase as news writes it.

    People: "SERGEY_V._LAVROV" -> "Sergey V. Lavrov", "BASHAR_AL-ASSAD" -> "Bashar al-Assad".
    Organisations: "ORGANIZATION_OF_AMERICAN_STATES" -> "Organization of American States",
    "U.N._SECURITY_COUNCIL" -> "U.N. Security Council"; acronyms stay upper case.
    """
    words = phrase_words(raw)
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if kind == "organisation":
            if i and low in ORG_LOWER:
                out.append(low)
            elif _acronym(w):
                out.append(w)
            else:
                out.append(_cap_word(w))
            continue
        if i and low in NAME_LOWER:
            out.append(low)
        elif i and re.fullmatch(r"(AL|EL)-\w+", w):
            out.append(low[:3] + _cap_word(w[3:]))  # "al-Assad", "el-Sisi"
        else:
            out.append(_cap_word(w))
    return " ".join(out)


def _acronym(word: str) -> bool:
    """An abbreviation kept in capitals: "U.N.", "PKK", "IAEA": dotted letters, a word without vowels,
    or one of the well-known ones; any other word is read as a word ("THE", "AID", "NEW")."""
    w = word.strip("()")
    if re.fullmatch(r"(?:[A-Z]\.){2,}", w):
        return True
    if not re.fullmatch(r"[A-Z]{2,6}", w):
        return False
    return not any(ch in "AEIOUY" for ch in w) or w in KNOWN_ACRONYMS


KNOWN_ACRONYMS = frozenset("""UN EU AU US USA UK UAE NATO ASEAN OPEC IAEA UNESCO UNICEF UNHCR UNRWA
    ECOWAS SADC OSCE OECD IMF WHO WTO ICC ICJ NAM OAS OAU OIC GCC APEC EFTA CARICOM IGAD UNDP UNEP WFP
    FAO ILO IOM ICRC INTERPOL EUROPOL UNITA RENAMO FRELIMO SWAPO ZANU ZAPU FARC ELN IRA ETA PLO PKK
    HAMAS""".split())


# Given names that English news spells two ways (transliterations from Russian and its neighbours):
# a full name with one spelling also gets the other ("Sergey Lavrov" / "Sergei Lavrov").
GIVEN_NAME_SPELLINGS = [
    ("Sergey", "Sergei"), ("Andrey", "Andrei"), ("Aleksey", "Alexei"), ("Alexey", "Alexei"),
    ("Dmitry", "Dmitri"), ("Dmitriy", "Dmitry"), ("Yuriy", "Yuri"), ("Yury", "Yuri"), ("Nikolay", "Nikolai"),
    ("Yevgeniy", "Yevgeny"), ("Vitaliy", "Vitaly"), ("Anatoliy", "Anatoly"), ("Valeriy", "Valery"),
    ("Gennadiy", "Gennady"), ("Georgiy", "Georgy"), ("Arkadiy", "Arkady"), ("Vasiliy", "Vasily"),
    ("Aleksandr", "Alexander"), ("Mikhail", "Mikhail"),
]


def name_forms(raw: str, kind: str = "person") -> list[str]:
    """The spellings of one name that news uses, the usual one first: news case with "al-"/"el-"
    joined to the name they belong to ("Bashar al-Assad"), news case as the dictionary separates
    the words, plain title case ("Bashar Al Assad"), the lower-case second syllable of short
    hyphenated given names ("Ban Ki-moon", "Kim Jong-un"), the other spelling of a given name
    ("Sergey"/"Sergei"), the Arabic article either way ("al-Sisi"/"el-Sisi") and "Abd al-" as
    "Abdul-" or "Abdel" ("Adil Abdul-Mahdi")."""
    main = news_case(raw, kind=kind)
    forms = [main]
    if kind == "person":
        forms.insert(0, re.sub(r"\b(al|el) ([A-Z])", r"\1-\2", main))
        forms.append(" ".join(_cap_word(w) for w in phrase_words(raw)))
        forms.append(re.sub(r"\b([A-Z][a-z]{1,3})-([A-Z])([a-z]{1,3})\b",
                            lambda m: f"{m[1]}-{m[2].lower()}{m[3]}", main))
        first, _, rest = forms[0].partition(" ")
        for a, b in GIVEN_NAME_SPELLINGS:
            if first in (a, b) and rest:
                forms.append(f"{b if first == a else a} {rest}")
        # the Arabic article as news writes it either way ("el-Sisi", "al-Sisi"), and "Abd al-" as
        # "Abdul"/"Abdel" ("Adil Abd al-Mahdi", "Adil Abdul-Mahdi")
        if re.search(r"\b(?:al|el)-", forms[0]):
            forms.append(re.sub(r"\b(al|el)-", lambda m: ("el-" if m[1] == "al" else "al-"), forms[0]))
        if re.search(r"\bAbd (?:al|el)-", forms[0]):
            forms.append(re.sub(r"\bAbd (?:al|el)-(\w)", lambda m: "Abdul-" + m[1], forms[0]))
            forms.append(re.sub(r"\bAbd (?:al|el)-(\w)", lambda m: "Abdel " + m[1], forms[0]))
    seen: list[str] = []
    for f in forms:
        if f and f not in seen:
            seen.append(f)
    return seen


# ---------------------------------------------------------------------------------------------------
# The verb dictionary
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One pattern line: ``- [pre] * [post] [code] # verb``."""

    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: str  # the code for subject -> object ("042" of "042:043"); "" when only the reverse is coded
    text: str
    verb: str  # the verb the comment names as the pattern's origin, lower case, or ""


@dataclass(frozen=True)
class Verb:
    """A verb of a synonym block: its lemma, a particle, a preposition that introduces the other side,
    and its own code if it has one."""

    lemma: str
    particle: str = ""
    prep: str = ""
    code: str = ""
    text: str = ""


@dataclass
class VerbBlock:
    """A ``--- NAME [CODE] ---`` block: a set of synonymous verbs and the patterns they share."""

    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # verb lines that are not a verb (+ a particle)


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.rstrip(), comment.strip()


def _code(text: str) -> tuple[str, str]:
    """("042", "043") of "[042:043]"; ("", "173") of "[:173]"; ("---", "") of "[---]"."""
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return "", ""
    inner = m[1].strip().rstrip("!")
    fwd, _, back = inner.partition(":")
    return fwd.strip(), back.strip()


def _parse_verb_line(body: str, block_code: str) -> Verb | None:
    text = re.sub(r"\{[^}]*\}", "", body)  # irregular forms
    code, _ = _code(text)
    text = re.sub(r"\[[^\]]*\]", "", text).strip()
    words = [w.lower() for w in text.lstrip("+").split("_") if w]
    if not words or not all(re.fullmatch(r"[a-z][a-z'\-]*", w) for w in words):
        return None
    lemma, rest = words[0], words[1:]
    particle = prep = ""
    for w in rest:
        if w in PARTICLES and not particle and not prep:
            particle = w
        elif w in PREPOSITIONS and not prep:
            prep = w
        else:
            return None  # a verb with a noun ("take flight", "seem confident")
    return Verb(lemma, particle, prep, code if code and code != "---" else "", body.strip())


def _pattern_tokens(text: str) -> list[str]:
    """Tokens of a pattern's body: words, ``{...}`` phrases, ``(...)`` prepositional phrases, ``&SETS``."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "{(":
            close = "}" if ch == "{" else ")"
            j = text.find(close, i)
            j = len(text) if j < 0 else j
            out.append(text[i:j + 1])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "{(":
            j += 1
        out.append(text[i:j])
        i = j
    return out


def read_verb_dictionary(text: str) -> tuple[dict[str, list[str]], list[VerbBlock]]:
    """The synonym sets (``&NAME`` -> lower-case members) and the verb blocks of a PETRARCH verb
    dictionary (the format of ``CAMEO.2.0.txt``)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    current_set: str | None = None
    block: VerbBlock | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#") and not line.startswith("---"):
            if not line.strip():
                current_set = None
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                fwd = m[2].split(":")[0].strip()
                block = VerbBlock(m[1], "" if fwd.startswith("---") else fwd)
                blocks.append(block)
                current_set = None
            continue
        if line.startswith("&") and block is None:
            current_set = line.strip().split()[0].lstrip("&")
            synsets[current_set.rstrip("_")] = []
            continue
        if current_set is not None and line.startswith("+") and block is None:
            body, _ = _strip_comment(line[1:])
            word = body.strip()
            if word:
                synsets[current_set.rstrip("_")].append(word.rstrip("_").replace("_", " ").lower())
            continue
        if block is None:
            continue
        body, comment = _strip_comment(line)
        if body.startswith("-"):
            fwd, back = _code(body)
            inner = re.sub(r"\[[^\]]*\]", "", body[1:]).strip()
            if "*" not in inner:
                continue
            pre, _, post = inner.partition("*")
            verb = comment.split(",")[0].split()[0].lower() if comment.split() else ""
            blocks[-1].patterns.append(Pattern(
                tuple(_pattern_tokens(pre)), tuple(_pattern_tokens(post)),
                "" if fwd.startswith("---") else fwd, inner, verb))
            continue
        verb = _parse_verb_line(body, block.code)
        if verb is None:
            block.skipped.append(body.strip())
        else:
            block.verbs.append(verb)
    return synsets, blocks


def _words_of(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The head words a pattern token asks for: "SANCTIONS" -> ["sanctions"], "{ARMS SHIPMENT}" ->
    ["shipment"], "&WEAPON" -> the last word of each member; None for a marker or an unknown set."""
    t = token.strip()
    if t in ("$", "+", "^", "%") or not t:
        return None
    if t.startswith("&"):
        members = synsets.get(t.lstrip("&").rstrip("_"))
        if not members:
            return None
        return sorted({m.split()[-1] for m in members})
    if t.startswith("{"):
        words = [w for w in re.split(r"[\s_]+", t.strip("{}")) if w]
        if not words or any(w.startswith(("&", "$", "+", "^", "%")) for w in words):
            return None
        return [words[-1].lower()]
    if not re.fullmatch(r"[A-Z][A-Z'\-_]*", t):
        return None
    return [t.replace("_", " ").lower().split()[-1]]


@dataclass(frozen=True)
class LexRow:
    predicate: str
    lemma: str
    particle: str
    objects: str
    needs: str
    cameo: str
    pattern: str


def _pattern_entry(p: Pattern, synsets) -> tuple[str, str, list[str]] | None:
    """(particle, preposition introducing the other side, words the object phrase must hold), or None
    for a pattern the lexicon cannot say: words before the verb (the subject's own words), source and
    target markers, or more than one noun phrase."""
    if p.pre or any(t in ("$", "+", "^", "%") or t.startswith(("$", "+", "^", "%")) for t in p.post):
        return None
    particle, prep, words = "", "", None
    post = list(p.post)
    if post and post[0].lower() in PARTICLES and not post[0].startswith(("(", "{", "&")):
        particle = post.pop(0).lower()
    for t in post:
        if t.startswith("("):
            inner = [w for w in t.strip("()").split() if w]
            if not inner or inner[0].lower() not in PREPOSITIONS and "/" not in inner[0]:
                return None
            first = inner[0].lower().split("/")[0]
            if len(inner) == 1:
                if prep:
                    return None
                prep = first
            elif words is None:
                got = _words_of(" ".join(inner[1:]) if len(inner) == 2 else "{" + " ".join(inner[1:]) + "}", synsets)
                if got is None:
                    return None
                words = got
            else:
                return None
        elif t.lower() in PREPOSITIONS and not prep and not t.startswith(("{", "&")):
            prep = t.lower()  # "BACK TO": a bare preposition introduces the other side too
        else:
            got = _words_of(t, synsets)
            if got is None or words is not None:
                return None
            words = got
    return particle, prep, words or []


# Relations two sides state together: a plural subject alone states them ("Egypt and Israel signed").
JOINT = ("met", "phoned", "negotiatedWith", "signedAgreementWith", "cooperatedWith")


def joint_act_words(lexicon: Path) -> dict[str, set[str]]:
    """For each relation two sides state together, the nouns that name the joint act itself in the
    project's lexicon: its noun triggers and the word classes its verbs need ("summit", "talks",
    "treaty", "exercise", "call")."""
    from dipgraph.ingest.gazetteer import read_table

    rows = read_table(lexicon)
    classes = {r["lemma"]: set(r["objects"].split("|")) for r in rows if r["pos"] == "class"}
    out: dict[str, set[str]] = {rel: set() for rel in JOINT}
    for r in rows:
        if r["predicate"] in out:
            if r["pos"] == "noun":
                out[r["predicate"]].add(r["lemma"].lower())
            if r.get("needs"):
                out[r["predicate"]] |= classes.get(r["needs"], set())
    return out


def lexicon_rows(synsets: dict[str, list[str]], blocks: list[VerbBlock], table, *,
                 generic: frozenset[str] = GENERIC_VERBS, left_out_codes=LEFT_OUT_CODES,
                 left_out_verbs: frozenset[str] = LEFT_OUT_VERBS,
                 joint_words: dict[str, set[str]] | None = None) -> tuple[list[LexRow], dict[str, list[str]], dict]:
    """Lexicon rows, the word classes their ``needs`` name, and counts of what was left out and why.

    A bare verb gives a row when its code (its own, else its block's) maps to a relation; a pattern
    gives a row for each verb of its block when its code maps to a relation other than the verb's own
    or names a particle or preposition the bare verb lacks. A pattern of a relation two sides state
    together counts only when its words name the joint act as ``joint_words`` do: CAMEO's consult
    and cooperate codes cover letters, flights and appointments, and with such an object a plural
    subject ("they sent letters") would be read as the two sides meeting or cooperating."""
    rows: dict[tuple, LexRow] = {}
    classes: dict[tuple[str, ...], str] = {}
    dropped: dict[str, int] = defaultdict(int)

    def keep(code: str) -> str | None:
        if not code or any(code.startswith(c) for c in left_out_codes):
            if code:
                dropped["code left out"] += 1
            return None
        return table.relation_of(code)

    def class_name(words: list[str]) -> str:
        key = tuple(sorted(set(words)))
        if key not in classes:
            base = "pw:" + "-".join(key[:3]) + ("+" if len(key) > 3 else "")
            name, n = base, 2
            while name in classes.values():
                name, n = f"{base}{n}", n + 1
            classes[key] = name
        return classes[key]

    for block in blocks:
        own: dict[str, str | None] = {}
        for v in block.verbs:
            code = v.code or block.code
            rel = keep(code)
            own[v.lemma + "|" + v.particle] = rel
            if rel is None:
                continue
            if block.name in LEFT_OUT_BLOCKS:
                dropped["set left out"] += 1
                continue
            if v.lemma in generic and not v.particle and not v.prep:
                dropped["generic verb"] += 1
                continue
            if v.lemma in left_out_verbs:
                dropped["verb left out"] += 1
                continue
            objects = v.prep or DEFAULT_OBJECTS[rel]
            key = (rel, v.lemma, v.particle, objects, "")
            rows.setdefault(key, LexRow(rel, v.lemma, v.particle, objects, "", code, v.text))
        for p in block.patterns:
            rel = keep(p.code)
            if rel is None:
                continue
            shape = _pattern_entry(p, synsets)
            if shape is None:
                dropped["pattern not expressible"] += 1
                continue
            particle, prep, words = shape
            if rel in JOINT and joint_words is not None and words and not set(words) & joint_words.get(rel, set()):
                dropped["joint relation without its act"] += 1
                continue
            if rel == "visited" and particle == "back":
                dropped["returning is no visit"] += 1
                continue
            for v in block.verbs:
                if v.particle or v.prep:
                    continue  # a phrasal verb's patterns are written for the bare verb
                if v.lemma in UNPATTERNED_VERBS:
                    if p.verb.split("_")[0] == v.lemma:
                        dropped["verb of saying or light verb"] += 1
                    continue
                if p.verb.split("_")[0] != v.lemma:
                    continue  # a pattern serves the verb it was written for (its comment names it)
                base = own.get(v.lemma + "|")
                if rel == base and not particle and not prep:
                    continue  # says no more than the bare verb
                if not words and not particle and not prep:
                    continue
                if (v.lemma in generic or v.lemma in left_out_verbs) and not words:
                    dropped["generic verb" if v.lemma in generic else "verb left out"] += 1
                    continue  # such a verb counts only with the object words a pattern names
                objects = prep or (OBJECTS_AFTER_WORDS if words else DEFAULT_OBJECTS)[rel]
                needs = class_name(words) if words else ""
                key = (rel, v.lemma, particle, objects, needs)
                rows.setdefault(key, LexRow(rel, v.lemma, particle, objects, needs, p.code, "- " + p.text))
    # a bare verb with two relations (in two blocks) says neither reliably
    bare: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows.values():
        if not r.needs:
            bare[(r.lemma, r.particle)].add(r.predicate)
    out = []
    for r in rows.values():
        if not r.needs and len(bare[(r.lemma, r.particle)]) > 1:
            dropped["verb in two relations"] += 1
            continue
        out.append(r)
    out.sort(key=lambda r: (r.predicate, r.lemma, r.particle, r.needs, r.objects))
    used = {r.needs for r in out if r.needs}
    class_rows = {name: list(words) for words, name in classes.items() if name in used}
    return out, class_rows, dict(dropped)


# ---------------------------------------------------------------------------------------------------
# The actor dictionaries
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One code restriction: a code, from and until (inclusive; None is open), and its comment."""

    code: str
    start: date | None = None
    end: date | None = None
    comment: str = ""


@dataclass
class ActorRecord:
    """A primary phrase (or several sharing one code list), its ``+`` synonyms and its codes."""

    names: list[str]
    synonyms: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    comment: str = ""
    line: int = 0
    section: str = ""
    coded: bool = False  # a code line was seen, though none could be read


def _date(text: str) -> date | None:
    """A YYYYMMDD or YYMMDD date (two-digit years up to 30 are 20xx, the dictionaries' rule)."""
    t = text.strip()
    try:
        if len(t) == 8 and t.isdigit():
            return date(int(t[:4]), int(t[4:6]), int(t[6:8]))
        if len(t) == 6 and t.isdigit():
            yy = int(t[:2])
            return date(yy + (2000 if yy <= 30 else 1900), int(t[2:4]), int(t[4:6]))
    except ValueError:
        return None
    return None


def _terms(text: str, comment: str) -> list[Term] | None:
    """The ``[CODE ...]`` restrictions on a line; None if one has a date that cannot be read."""
    out = []
    for m in re.finditer(r"\[([^\]]*)\]", text):
        parts = m[1].split(None, 1)
        if not parts:
            continue
        code, rest = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
        if code.startswith("---"):
            continue
        rest = rest.replace(" ", "")
        if not rest:
            out.append(Term(code, comment=comment))
        elif rest[0] in "<>":
            d = _date(rest[1:])
            if d is None:
                return None
            out.append(Term(code, None, d, comment) if rest[0] == "<" else Term(code, d, None, comment))
        elif "-" in rest:
            a, _, b = rest.partition("-")
            da, db = _date(a), _date(b)
            if da is None or db is None or db < da:
                return None
            out.append(Term(code, da, db, comment))
        else:
            return None
    return out


def read_actor_dictionary(text: str) -> list[ActorRecord]:
    """The records of a PETRARCH actor dictionary: primary phrases without codes share the codes
    of the record that follows them, as the coder reads them; ``+`` lines are synonyms; indented
    ``[CODE dates]`` lines are the record's (dated) codes. ``# heading`` lines before a record are
    kept as its section."""
    records: list[ActorRecord] = []
    pending: ActorRecord | None = None
    section = ""

    def close():
        nonlocal pending
        if pending is not None and pending.terms:
            records.append(pending)
        pending = None

    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        if raw.startswith("#"):
            heading = raw.lstrip("#").strip()
            if heading and not heading.startswith(("+", "\t")) and "[" not in heading:
                section = heading
            continue
        body, comment = _strip_comment(raw)
        if not body.strip():
            continue
        if raw[0] in "\t " and body.strip().startswith("["):
            if pending is None:
                continue
            terms = _terms(body, comment)
            pending.coded = True  # (a record whose only code cannot be read is dropped, not merged
            if terms:             # into the next one)
                pending.terms.extend(terms)
            continue
        if body.startswith("+"):
            if pending is not None:
                name = re.sub(r"\[[^\]]*\]", "", body[1:]).strip()
                if name:
                    pending.synonyms.append(name)
            continue
        # a primary phrase: the one before it is complete if it has codes
        name = re.sub(r"\[[^\]]*\]", "", body).strip()
        terms = _terms(body, comment) or []
        if pending is not None and (pending.terms or pending.coded):
            close()
        if pending is None:
            pending = ActorRecord([name], comment=comment, line=n, section=section)
        else:
            pending.names.append(name)  # codeless: shares the codes that follow
            pending.comment = pending.comment or comment
        pending.terms.extend(terms)
    close()
    return records


def _country_codes(data: Path) -> tuple[set[str], dict[str, tuple[str, int, int]]]:
    """ISO codes of countries.tsv, and former states: code -> (successor, first year, last year)."""
    from dipgraph.ingest.gazetteer import read_table

    iso = {r["iso3"].upper() for r in read_table(data / "countries.tsv")}
    former = {}
    for r in read_table(data / "former_states.tsv"):
        first, _, last = (r.get("years") or "0-0").partition("-")
        former[r["code"].upper()] = (r.get("successor", "").upper(), int(first or 0), int(last or 0))
    return iso, former


# PETRARCH state codes that differ from the ones dipgraph uses
CODE_ALIASES = {"USR": "SUN", "KSV": "XKX", "TMP": "TLS", "FRY": "SCG", "ROM": "ROU", "ZAR": "ZAR"}
# the part of a person's code after the state that makes them act for it: government (with its sector:
# GOVBUS, GOVMIL, ...), the military, intelligence; ELI (elite), OPP, REB, BUS, MED, ... do not
GOVERNING = ("GOV", "MIL", "SPY")

# role words in the dictionaries' comments on dated codes, and the role labels of data/offices.tsv
ROLE_ABBREVIATIONS = [
    (r"\bamb(?:assador)?\.?(?=\s|$)", "ambassador"), (r"\bsec(?:retary)?\.?\s+(?:of\s+)?state\b", "secretary of state"),
    (r"\bsec(?:retary)?\.?\s+(?:of\s+)?def(?:ense|ence)?\b", "secretary of defense"), (r"\bpm\b", "prime minister"),
    (r"\bdep(?:uty)?\.?\s+pm\b", "deputy prime minister"), (r"\bmin(?:ister)?\.?\s+of\s+fin(?:ance)?\.?", "finance minister"),
    (r"\bnat(?:ional)?\s*sec(?:urity)?\s*ad(?:viser|visor)?\b", "national security adviser"),
]


def role_from_comment(comment: str, offices: dict[str, str]) -> str | None:
    """The role a comment names, as a role label of data/offices.tsv: "Foreign Minister", "Amb. to UN"
    -> "Ambassador", "Sec State" -> "Foreign Minister"; None when it names none (or only hedges)."""
    text = comment.lower().strip()
    if not text or "?" in text or text.startswith(("then ", "and ", "or ")):
        return None
    for pat, rep in ROLE_ABBREVIATIONS:
        text = re.sub(pat, rep, text)
    text = re.split(r"\s+(?:to|from|for|in)\s+|\(|,", text)[0].strip()
    if text.startswith(("acting ", "brief ")):
        return None
    if text.startswith("dep ") or text.startswith("dep. "):
        return None
    return offices.get(text)


# words of an office, never part of a person's name
OFFICE_WORDS = frozenset("""president minister secretary director ambassador envoy chancellor premier
    spokesman spokeswoman governor commander chairman senator mayor""".split())


def _strip_titles(words: list[str], demonyms: set[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and (words[i].lower() in TITLE_WORDS or words[i].lower() in demonyms):
        i += 1
    return words[i:]


@dataclass(frozen=True)
class PersonRow:
    name: str
    altnames: tuple[str, ...]
    actor: str  # ISO code, former-state code, or organisation name; "" for no role
    role: str
    start: str
    end: str
    code: str


def _name_word(w: str) -> bool:
    """An upper-case word of a name: letters (any script's capitals), with ' . - inside."""
    return bool(re.fullmatch(r"[^\W\d_](?:[^\W\d_]|['.\-])*", w)) and w == w.upper()


def _is_org_name(words: list[str]) -> bool:
    """Words that name an organisation: an organisation word among them, and not a person's title
    first ("SECRETARY_GENERAL_OF_THE_UNITED_NATIONS" is a post)."""
    if words and (words[0].lower() in TITLE_WORDS or words[0].lower() in PERSON_HEADS):
        return False
    head = [w.lower() for w in words]
    head = head[:head.index("of")] if "of" in head else head
    if any(w in PERSON_HEADS or w == "rapporteur" for w in head):
        return False  # "UNITED_NATIONS_CHIEF", "SPECIAL_RAPPORTEUR_OF_..." are posts
    return any(w.lower().strip("()'") in ORG_WORDS for w in words)


def _person_names(record: ActorRecord, demonyms: set[str]) -> tuple[str, list[str]] | None:
    """The canonical name and the other full names of a person record; None when the primary name
    is not a full name. A surname alone ("LAVROV", "PRESIDENT_KARZAI") is never kept."""
    names: list[str] = []
    for raw in record.names + record.synonyms:
        raw = re.sub(r"\([^)]*\)", " ", raw)
        words = _strip_titles(phrase_words(raw), demonyms)
        if sum(w.lower() not in NAME_LOWER for w in words) < 2 or _is_org_name(words):
            continue  # a surname alone, with or without its article ("EL_SISI")
        if not all(_name_word(w) for w in words):
            continue
        if any(w.lower() in OFFICE_WORDS or re.fullmatch(r"(?:[A-Z]\.){2,}", w) for w in words):
            continue  # a title inside the phrase: "C.I.A._DIRECTOR_LEON_PANETTA"
        for form in name_forms("_".join(words)):
            if form not in names:
                names.append(form)
    primary = _strip_titles(phrase_words(re.sub(r"\([^)]*\)", " ", record.names[0])), demonyms)
    if len(primary) < 2 or not names:
        return None
    # the given names alone ("Recep Tayyip" of "Recep Tayyip Erdogan") are no name either
    names = [n for n in names if not any(m != n and m.startswith(n + " ") for m in names)]
    return names[0], names[1:]


# words of a state's formal name, never of a person's (the extractor's own list)
_STATE_FORMS = WORDS.set("state_forms")


def people_rows(records: list[ActorRecord], *, iso: set[str], former: dict, demonyms: set[str],
                offices: dict[str, str], org_codes: dict[str, str], person_marks=("CountryInfo.txt", "IGOrulers.txt")
                ) -> tuple[list[PersonRow], dict[str, int]]:
    """One row per person and dated role for a state or organisation (a person with no such role
    gets one row without an actor, for their name variants)."""
    rows: list[PersonRow] = []
    dropped: dict[str, int] = defaultdict(int)
    own_codes = frozenset(CODE_ALIASES.get(t.code[:3].upper(), t.code[:3].upper()) for rec in records for t in rec.terms)
    for rec in records:
        dated = any(t.start or t.end for t in rec.terms)
        if not (any(mark in rec.comment for mark in person_marks) or
                dated and not _is_org_name(phrase_words(rec.names[0]))):
            continue
        got = _person_names(rec, demonyms)
        if got is None:
            dropped["no full name"] += 1
            continue
        name, alts = got
        if any(w.lower() in _STATE_FORMS for w in name.split()):
            dropped["a state's formal name"] += 1  # ("Democratic Republic": East Germany's entry)
            continue
        kept = []
        for t in rec.terms:
            actor = _term_actor(t, iso, former, org_codes, own_codes)
            if actor == "MUS" and "Ould" in name.split():
                actor = "MRT"  # the dictionaries code Mauritania's leaders as Mauritius's; no Mauritian is "Ould"
            if actor is None:
                continue
            role = role_from_comment(t.comment, offices) or ""
            kept.append(PersonRow(name, tuple(alts), actor, role,
                                  t.start.isoformat() if t.start else "", t.end.isoformat() if t.end else "", t.code))
        if not kept:
            kept = [PersonRow(name, tuple(alts), "", "", "", "", "")]
        rows.extend(dict.fromkeys(kept))
    return rows, dict(dropped)


def _term_actor(t: Term, iso: set[str], former: dict, org_codes: dict[str, str],
                own_codes: frozenset[str] = frozenset()) -> str | None:
    """Whom a person acts for under a code: the state (the former state of those years when the
    code is its successor's and the dictionaries have no code of their own for it: DEU in 1970 is
    West Germany, as East Germany is DDR), or the organisation of an IGO code."""
    code = t.code.upper()
    if code.startswith("IGO"):
        for n in range(len(code), 5, -3):
            if code[:n] in org_codes:
                return org_codes[code[:n]]
        return None
    state, rest = CODE_ALIASES.get(code[:3], code[:3]), code[3:]
    if not rest.startswith(GOVERNING):
        return None
    if state not in iso and state not in former:
        return None
    if t.start is not None:
        for f, (succ, first, last) in former.items():
            if succ == state and f not in own_codes and first <= t.start.year <= last and \
                    (t.end is None or t.end.year <= last + 1):
                return f
    return state


@dataclass(frozen=True)
class OrgRow:
    name: str
    altnames: tuple[str, ...]
    kind: str
    code: str


def _org_kind(code: str, source: str) -> str:
    if source == "nonstate":
        return "non-state-armed"
    if code.startswith("IGOUNO"):
        return "un-body"
    if code.startswith("IGO"):
        return "intergovernmental"
    return "ngo"


def _abbreviation_of(abbr: str, long_words: list[str]) -> bool:
    """True if ``abbr`` spells the initials of the long name's words (small words may be skipped)."""
    letters = abbr.replace(".", "")
    initials = [w[0] for w in long_words if w]
    significant = [w[0] for w in long_words if w and w.lower() not in ORG_LOWER]
    return letters in ("".join(initials), "".join(significant))


def organisation_rows(records: list[ActorRecord], source: str, *, common_words: frozenset[str] = frozenset()
                      ) -> tuple[list[OrgRow], dict[str, str], dict[str, int]]:
    """Organisations and groups with their abbreviations, the organisation name of each IGO code,
    and counts of what was left out. Companies (MNC codes) are left out: they are not actors of the
    vocabulary and many of their names are common words."""
    dropped: dict[str, int] = defaultdict(int)
    by_code: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    order: list[str] = []
    for rec in records:
        code = next((t.code for t in rec.terms if not t.start and not t.end), rec.terms[0].code).upper()
        if code.startswith("MNC"):
            dropped["company"] += 1
            continue
        if source == "international" and not code.startswith(("IGO", "NGO")):
            dropped["not an organisation code"] += 1
            continue
        if any(t.start or t.end for t in rec.terms) or "IGOrulers" in rec.comment:
            continue  # a person
        longs, abbrs = [], []
        for raw in rec.names + rec.synonyms:
            for inner in re.findall(r"\(([A-Z.\-]{2,10})\)", raw):
                abbrs.append(inner)
            words = phrase_words(re.sub(r"\([^)]*\)", " ", raw))
            if words and words[0] == "THE":
                words = words[1:]
            if not words:
                continue
            if len(words) == 1:
                if re.fullmatch(r"(?:[A-Z]\.){3,}|[A-Z]{3,8}", words[0]):
                    abbrs.append(words[0])  # kept if it spells a long name's initials
                else:
                    dropped["single word"] += 1
            elif _is_org_name(words):
                longs.append("_".join(words))
            else:
                dropped["not an organisation name"] += 1
        if not longs and not abbrs:
            continue
        if code not in by_code:
            order.append(code)
        by_code[code].append((longs, abbrs))
    rows: list[OrgRow] = []
    org_codes: dict[str, str] = {}
    seen: dict[str, int] = {}
    for code in order:
        groups = by_code[code]
        loose_abbrs = [a for longs, abbrs in groups if not longs for a in abbrs]
        placed: set[str] = set()
        for longs, abbrs in groups:
            if not longs:
                continue
            name = news_case(longs[0], kind="organisation")
            long_words = phrase_words(longs[0])
            alts = [news_case(x, kind="organisation") for x in longs[1:]]
            for a in abbrs + loose_abbrs:
                if not _abbreviation_of(a, long_words):
                    continue
                placed.add(a)
                if a.replace(".", "").lower() in common_words:
                    dropped["abbreviation is a common word"] += 1
                    continue
                alts.append(a)
            if name in seen:  # the same name twice (two records): one row with both's names
                old = rows[seen[name]]
                alts = list(old.altnames) + alts
                rows[seen[name]] = OrgRow(name, tuple(a for a in dict.fromkeys(alts) if a != name), old.kind, old.code)
                continue
            alts = [a for a in dict.fromkeys(alts) if a != name]
            seen[name] = len(rows)
            rows.append(OrgRow(name, tuple(alts), _org_kind(code, source), code))
            org_codes.setdefault(code, name)
        # an abbreviation that spells none of its group's names may be anyone's ("PLA")
        dropped["abbreviation of no name of its own"] += len({a for _, abbrs in groups for a in abbrs} - placed)
    return rows, org_codes, dict(dropped)


# ---------------------------------------------------------------------------------------------------
# The agents file: role words
# ---------------------------------------------------------------------------------------------------

PERSON_HEADS = frozenset("""minister secretary ambassador envoy consul governor director chief commissioner
    mayor spokesman spokeswoman spokesperson adviser advisor chancellor president premier king queen prince
    emir emperor empress sultan general admiral commander attache attaché negotiator representative
    delegate deputy aide official officer chairman chairwoman chairperson head leader ruler dictator
    autocrat despot monarch prosecutor""".split())


# words that make an agent phrase an institution (the !MINIST! expansions give "ministry of ...") or
# an abbreviation the case of which cannot be restored ("ngo", "it")
NOT_A_TITLE = frozenset("ministry ministries ministers office ngo ngos it".split())
# offices below the state, and princes (a royal family's members hold no office by birth)
SUBNATIONAL = frozenset({
    "mayor", "city mayor", "governor", "regional governor", "state governor", "district commissioner",
    "sub-district leader", "subdistrict leader", "state leader", "prince"})


def read_agents(text: str) -> list[tuple[str, str]]:
    """(phrase, code) of each agent line, with ``!MARKER!`` substitutions expanded; phrases lower
    case with blanks, codes without the ``~``."""
    subs: dict[str, list[str]] = {}
    out = []
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        if not line or line.startswith("<!--"):
            continue
        if "!" in line and "=" in line and "[" not in line:
            m = re.match(r"!(\w+)!\s*=\s*(.*)", line)
            if m:
                subs[m[1]] = [x.strip() for x in m[2].split(",") if x.strip()]
            continue
        m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]", line)
        if not m:
            continue
        phrase, code = m[1].strip(), m[3].strip().strip("~").strip()
        mm = re.search(r"!(\w+)!", phrase)
        variants = [phrase.replace(mm[0], s) for s in subs.get(mm[1], [])] if mm else [phrase]
        for v in variants:
            out.append((" ".join(phrase_words(v)).lower(), code))
    return out


@dataclass(frozen=True)
class OfficeRow:
    title: str
    role: str
    rank: str
    code: str


def _rank(title: str, code: str) -> str:
    words = title.split()
    if any(w in ("ambassador", "envoy", "consul", "attache", "attaché", "diplomat", "emissary", "negotiator",
                 "delegate", "representative") for w in words):
        return "diplomat"
    if any(w in ("spokesman", "spokeswoman", "spokesperson") for w in words):
        return "spokesperson"
    if words[-1] in ("king", "queen", "emir", "emperor", "empress", "sultan", "monarch", "president"):
        return "head_of_state"
    if words[-1] in ("minister", "secretary") and code.startswith("GOV"):
        return "minister"
    return "official"


def office_rows(agents: list[tuple[str, str]], existing: set[str]) -> tuple[list[OfficeRow], dict[str, int]]:
    """Titles of people who act for a state (government, military or intelligence codes) whose last
    word is a person noun, that ``offices.tsv`` does not have yet."""
    rows: dict[str, OfficeRow] = {}
    dropped: dict[str, int] = defaultdict(int)
    for phrase, code in agents:
        if not code.startswith(GOVERNING) and not code.startswith("MIL"):
            continue
        words = phrase.split()
        if not words or words[-1] not in PERSON_HEADS:
            dropped["not a person's title"] += 1
            continue
        if len(words) == 1 and words[0] in ("official", "officer", "head", "leader", "aide", "deputy", "chief",
                                             "general", "delegate", "representative", "ruler"):
            dropped["too general alone"] += 1
            continue
        if any(not re.fullmatch(r"[a-zé'\-]+", w) for w in words) or set(words) & NOT_A_TITLE:
            dropped["not a plain phrase"] += 1
            continue
        if phrase in SUBNATIONAL:
            dropped["sub-national office"] += 1
            continue
        if phrase in existing or phrase in rows:
            continue
        role = " ".join(w.capitalize() if w not in ORG_LOWER else w for w in words)
        rows[phrase] = OfficeRow(phrase, role, _rank(phrase, code), code)
    return sorted(rows.values(), key=lambda r: r.title), dict(dropped)


# ---------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------


def _licence_lines(source: Path) -> list[str]:
    text = (source / "LICENSE").read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.strip().splitlines()]


def _header(what: list[str], files: list[str], licence: list[str], filtered: list[str], columns: list[str]) -> str:
    lines = what + [
        f"Source: {', '.join(files)} of the PETRARCH2 event coder, repository {SOURCE_REPOSITORY} at commit "
        f"{SOURCE_COMMIT} ({SOURCE_PATH}),",
        "converted by data/build/petrarch.py (run it again to rebuild this file; do not edit it by hand).",
        "Left out: " + "; ".join(filtered) if filtered else "Left out: nothing.",
        "Columns: " + ", ".join(columns) + ".",
        "The dictionaries are distributed under the MIT licence; their notice follows.",
        "",
    ] + licence
    return "".join(f"# {ln}".rstrip() + "\n" for ln in lines)


def _write(path: Path, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("\t".join(columns) + "\n")
        for r in rows:
            cells = [str(c).replace("\t", " ").replace("\n", " ") for c in r]
            fh.write("\t".join(cells) + "\n")


def _offices(data: Path) -> dict[str, str]:
    from dipgraph.ingest.gazetteer import read_table

    return {r["title"].lower(): r["role"] for r in read_table(data / "offices.tsv")}


def _demonyms(data: Path) -> set[str]:
    from dipgraph.ingest.gazetteer import read_table

    out = set()
    for name in ("countries.tsv", "former_states.tsv"):
        for r in read_table(data / name):
            out |= {d.lower() for d in (r.get("demonyms") or "").split("|") if d}
    return out


def _common_words() -> frozenset[str]:
    """English words (WordNet's, as the spaCy pipeline's lemmatizer holds them), to keep
    abbreviations that are also words ("CARE", "AIM") out of the gazetteer."""
    try:
        from dipgraph.ingest.pipeline import common_words

        return common_words()
    except Exception:  # noqa: BLE001 - without the pipeline, keep every abbreviation
        return frozenset()


def build(source: Path, data: Path, out: Path, *, log=print) -> dict[str, int]:
    """Convert the dictionaries of ``source`` into the four files in ``out``; returns row counts."""
    from dipgraph.graph.cameo import read_cameo_table

    missing = [n for n in ("CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "LICENSE")
               if not (source / n).exists()]
    if missing:
        raise FileNotFoundError(f"{source}: missing {', '.join(missing)}")
    licence = _licence_lines(source)
    table = read_cameo_table(data / "cameo.tsv")
    counts: dict[str, int] = {}

    # 1. verbs
    synsets, blocks = read_verb_dictionary((source / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace"))
    lex, classes, dropped = lexicon_rows(synsets, blocks, table, joint_words=joint_act_words(data / "lexicon.tsv"))
    cols = ["predicate", "pos", "lemma", "objects", "needs", "particle", "cameo", "pattern"]
    rows = [["class", "class", name, "|".join(words), "", "", "", ""] for name, words in sorted(classes.items())]
    rows += [[r.predicate, "verb", r.lemma, r.objects, r.needs, r.particle or "-", r.cameo, r.pattern] for r in lex]
    _write(out / "petrarch_lexicon.tsv", _header(
        ["dipgraph relation lexicon from the CAMEO verb dictionary: verbs (with a particle where the verb has one) and the",
         "object or preposition phrases that state a relation, in the format of data/lexicon.tsv. The verbs of a synonym set",
         "share its code; a pattern's code overrides it. Codes map to relations by data/cameo.tsv; codes that map to none",
         "are left out. data/lexicon.tsv overrides this file: a verb it lists is read from it alone.",
         "particle: an adverb the verb must carry (\"crack down\"); - for none (\"hammer\" counts, \"hammer out\" does not).",
         "cameo: the code. pattern: the dictionary line it comes from.",
         "pos=class rows name the words (objects column) that a pattern's object phrase must hold (needs column)."],
        ["CAMEO.2.0.txt"], licence,
        [f"codes {', '.join(LEFT_OUT_CODES)} (apologies, forgiveness, verbal defence and rallying support read as no tie between the sides)",
         "verbs so general they state nothing bare (go, make, face, meet-as-confront ...) unless a pattern names their object",
         "all rows of verbs of saying and the commonest light verbs (say, tell, report, make, take, hold, give, plan ...): the relation is in the reported clause or the event noun, which the rules read",
         f"verbs whose usual sense in news is another ({', '.join(sorted(LEFT_OUT_VERBS))})",
         "verbs listed under two relations (ambiguous)",
         "patterns of met, phoned, negotiatedWith, signedAgreementWith and cooperatedWith whose object words do not name the joint act as the nouns and word classes of data/lexicon.tsv do (letters, flights, appointments)",
         "patterns with words before the verb, source or target markers, or two noun phrases (the lexicon cannot say them)",
         "phrasal verbs with a noun (take flight)"],
        cols), cols, rows)
    counts["lexicon"] = len(lex)
    log(f"petrarch_lexicon.tsv: {len(lex)} entries, {len(classes)} word classes; left out {dropped}")

    # 3. organisations (first: people's IGO codes name them)
    common = _common_words()
    intl = read_actor_dictionary((source / "Phoenix.International.actors.txt").read_text(encoding="utf-8", errors="replace"))
    nonstate = read_actor_dictionary((source / "Phoenix.MilNonState.actors.txt").read_text(encoding="utf-8", errors="replace"))
    orgs_i, codes_i, drop_i = organisation_rows(intl, "international", common_words=common)
    orgs_n, _, drop_n = organisation_rows(nonstate, "nonstate", common_words=common)
    orgs = orgs_i + orgs_n
    cols = ["name", "altnames", "kind", "code"]
    _write(out / "petrarch_organisations.tsv", _header(
        ["dipgraph gazetteer from the PETRARCH actor dictionaries: international organisations (intergovernmental, UN bodies,",
         "non-governmental) and armed or non-state groups, with the abbreviations the dictionaries give.",
         "kind: intergovernmental, un-body, ngo or non-state-armed (as data/organisations.tsv). code: the dictionaries' actor code.",
         "data/organisations.tsv overrides this file: a name it lists keeps its meaning there."],
        ["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"], licence,
        ["companies (MNC codes: not actors of the vocabulary, and many names are common words)",
         "single-word names that are not abbreviations, abbreviations shorter than three letters or that are English words",
         "phrases that do not read as an organisation's name (people, places)"],
        cols), cols, [[r.name, "|".join(r.altnames), r.kind, r.code] for r in orgs])
    counts["organisations"] = len(orgs)
    log(f"petrarch_organisations.tsv: {len(orgs)} organisations; left out {dict(drop_i)} {dict(drop_n)}")

    # 2. people
    iso, former = _country_codes(data)
    offices = _offices(data)
    demonyms = _demonyms(data)
    countries = read_actor_dictionary((source / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace"))
    people, drop_p = people_rows(countries + intl, iso=iso, former=former, demonyms=demonyms,
                                 offices=offices, org_codes=codes_i)
    people.sort(key=lambda r: (r.name, r.start, r.end, r.actor))  # one person's rows together
    cols = ["name", "altnames", "actor", "role", "start", "end", "code"]
    _write(out / "petrarch_people.tsv", _header(
        ["dipgraph gazetteer from the PETRARCH actor dictionaries (CountryInfo, January 2014): people, their name variants",
         "and the roles they held, with dates. One row per role; a person with no role for a state or organisation has one row",
         "without an actor. A person stands for the actor of a role only in an article whose event date (or publication date)",
         "falls between start and end; otherwise the article must say so itself (a title it gives without the state takes",
         "the state of the term that holds, or, when none holds, the one state of all the person's roles).",
         "altnames: full-name variants (skos:altLabel); never a surname alone. actor: ISO code of countries.tsv, code of",
         "former_states.tsv, or an organisation name. role: a role label of offices.tsv where the dictionary's comment names",
         "one. start, end: ISO dates, empty when open. code: the dictionaries' actor code (GOV government, MIL military,",
         "SPY intelligence, with a sector such as BUS economy or MIL defence).",
         "data/people.tsv overrides this file: a person it lists keeps the role and state given there."],
        ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"], licence,
        ["roles that do not act for a state (ELI elite, OPP opposition, REB rebels, business, media, ...)",
         "codes of places that are not states in countries.tsv",
         "name variants that are a surname alone or a title with a surname (PRESIDENT_KARZAI)",
         "dates that cannot be read"],
        cols), cols, [[r.name, "|".join(r.altnames), r.actor, r.role, r.start, r.end, r.code] for r in people])
    counts["people"] = len({r.name for r in people})
    counts["people_roles"] = sum(1 for r in people if r.actor)
    log(f"petrarch_people.tsv: {counts['people']} people, {counts['people_roles']} dated roles; left out {drop_p}")

    # 4. role words
    agents = read_agents((source / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace"))
    offs, drop_o = office_rows(agents, set(offices))
    cols = ["title", "role", "rank", "code"]
    _write(out / "petrarch_offices.tsv", _header(
        ["dipgraph gazetteer from the PETRARCH agents dictionary: titles of people who act for a state (government,",
         "military, intelligence) that data/offices.tsv lacks, in the format of data/offices.tsv.",
         "code: the agent code (GOV government, with a sector; MIL military; SPY intelligence).",
         "data/offices.tsv overrides this file."],
        ["Phoenix.agents.txt"], licence,
        ["institutions and groups (ministries, cabinets, troops): not a person's title",
         "titles of people who do not act for a state (business, media, clergy, rebels, opposition)",
         "single words too general alone (official, officer, head, leader, aide, deputy, chief)"],
        cols), cols, [[r.title, r.role, r.rank, r.code] for r in offs])
    counts["offices"] = len(offs)
    log(f"petrarch_offices.tsv: {len(offs)} titles; left out {drop_o}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python data/build/petrarch.py", description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=REPO.parent / "shared" / "petrarch",
                    help="folder of the PETRARCH2 dictionaries and their LICENSE (default: ../shared/petrarch)")
    ap.add_argument("--data", type=Path, default=None, help="folder of dipgraph's own data files (default: --out)")
    ap.add_argument("--out", type=Path, default=REPO / "data", help="where to write (default: the repository's data/)")
    args = ap.parse_args(argv)
    try:
        build(args.source, args.data or args.out, args.out)
    except (FileNotFoundError, ValueError) as exc:
        print(f"petrarch.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
