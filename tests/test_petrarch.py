"""The PETRARCH2 dictionaries as dipgraph's data: the conversion script on an excerpt written here,
the CAMEO table against the ontology, dated roles, name variants, the words the lexicon gains, and
the files as shipped (their headers, and that the script rebuilds them as they are)."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.cameo import cameo_table
from dipgraph.graph.records import Article
from dipgraph.graph.vocab import relations
from dipgraph.ingest.extract import gazetteer
from dipgraph.ingest.gazetteer import Lexicon, load_gazetteer, read_table
from dipgraph.ingest.pipeline import Extractor, ingest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "petrarch"
COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
FILES = ("petrarch_lexicon.tsv", "petrarch_people.tsv", "petrarch_organisations.tsv", "petrarch_offices.tsv")


def _build_module():
    """data/build/petrarch.py, imported as a module (it is a script, not part of the package)."""
    if "petrarch_build" not in sys.modules:
        spec = importlib.util.spec_from_file_location("petrarch_build", DATA / "build" / "petrarch.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules["petrarch_build"] = mod  # its dataclasses look their module up
        spec.loader.exec_module(mod)
    return sys.modules["petrarch_build"]


# An excerpt in the dictionaries' formats, written for this test (the names and codes are made up
# where they can be; states are real ISO codes, as the conversion checks them against countries.tsv).
VERBS = """\
# a verb dictionary excerpt
####### SYNONYM SETS #######

&WEAPONRY
+RIFLE
+MORTAR_SHELL

####### VERB PATTERNS #######

---  CHASTISE   [111]  ---
CHASTISE
UPBRAID
+TELL_OFF {+TOLD_OFF +TELLS_OFF +TELLING_OFF}
- * (OVER &WEAPONRY)                          [112]         # CHASTISE

---  HAND   [---]  ---
HAND
PASS
- * &WEAPONRY (TO)                            [072]         # HAND
- * {PEACE PLAN}                              [036]         # HAND
- PILOTS * LEAFLETS                           [172]         # PASS

---  DECLARE_WAR   [---]  ---
WAGE [190]
SAY {SAID }  [190]
- * (ON)                                      [190]         # WAGE
"""

COUNTRIES = """\
# an actor dictionary excerpt
FREEDONIA_  [FRE]
+FREEDONIAN_

RUFUS_T._FIREFLY_  # CountryInfo.txt
+RUFUS_FIREFLY_
+FIREFLY_
+PRESIDENT_FIREFLY_
+PRIME_MINISTER_RUFUS_T._FIREFLY
\t[GBRELI 19500101-19791231]
\t[GBRGOV 19800101-19891231]  # Prime Minister
\t[GBRGOV >20150101]
HANS_BEISPIEL_  # CountryInfo.txt
\t[DEUGOV 700101-741231]
ERNA_MUSTER_  # CountryInfo.txt
\t[DDRGOV 19710101-19891231]
OTTO_VERSEHEN_  # CountryInfo.txt
\t[DEUGOV >201005011] 
GRETA_BEISPIEL_  # CountryInfo.txt
+GRETA_MARIA_BEISPIEL_
\t[DEUGOV 20100101-20121231]
"""

INTERNATIONAL = """\
ORGANIZATION_OF_EXAMPLE_STATES_  [IGOOES]
OES_ [IGOOES]
ZORRO_MUNICIPAL_BANK_ [MNCUSA]

MARY_EXEMPLAR_
\t[IGOOES 20010101-20051231]
"""

NONSTATE = """\
XAMPLE_LIBERATION_FRONT_(XLF)_ [FRAREB]
+FRONT_FOR_XAMPLE_LIBERATION_
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTRY
FISHERIES_!MINIST! [~GOVAGR]
MAYOR [~GOV]
FOREIGN_MINISTER [~GOVFRM]
RANCHER [~AGR]
"""

LICENCE = "The MIT License (MIT)\n\nCopyright (c) 2014 Example Holder\n\nPermission is hereby granted, free of charge.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The conversion run on the excerpt: the rows of each file it writes."""
    src = tmp_path_factory.mktemp("petrarch-src")
    out = tmp_path_factory.mktemp("petrarch-out")
    for name, text in (("CAMEO.2.0.txt", VERBS), ("Phoenix.Countries.actors.txt", COUNTRIES),
                       ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", NONSTATE), ("Phoenix.agents.txt", AGENTS),
                       ("LICENSE", LICENCE)):
        (src / name).write_text(text, encoding="utf-8")
    _build_module().build(src, DATA, out, log=lambda *a: None)
    return out


def _rows(path: Path, *cols: str) -> set[tuple[str, ...]]:
    return {tuple(r[c] for c in cols) for r in read_table(path)}


def test_conversion_verbs(built):
    table = read_table(built / "petrarch_lexicon.tsv")
    classes = {r["lemma"]: r["objects"] for r in table if r["pos"] == "class"}
    assert list(classes.values()) == ["rifle|shell"]  # a synonym set: the last word of each member
    weapons = next(iter(classes))
    rows = {(r["predicate"], r["lemma"], r["particle"], r["objects"], r["needs"], r["cameo"])
            for r in table if r["pos"] == "verb"}
    assert rows == {
        ("criticized", "chastise", "-", "dobj", "", "111"),          # the set's code for its verbs
        ("criticized", "upbraid", "-", "dobj", "", "111"),
        ("criticized", "tell", "off", "dobj", "", "111"),           # a phrasal verb keeps its particle
        ("accused", "chastise", "-", "dobj", weapons, "112"),       # a pattern's code beats the set's
        ("suppliedArmsTo", "hand", "-", "to", weapons, "072"),      # object words, preposition of the other side
        ("attacked", "wage", "-", "dobj|on|against", "", "190"),
        ("attacked", "wage", "-", "on", "", "190"),
    }  # left out: 036 maps to no relation, a pattern with the subject's words, "say" alone


def test_conversion_people(built):
    rows = _rows(built / "petrarch_people.tsv", "name", "altnames", "actor", "role", "start", "end")
    assert rows == {
        # the elite years (ELI) are no role; the comment names the role; an open end stays empty;
        # "FIREFLY" and "PRESIDENT_FIREFLY" (a surname alone) are never name variants
        ("Rufus T. Firefly", "Rufus Firefly", "GBR", "Prime Minister", "1980-01-01", "1989-12-31"),
        ("Rufus T. Firefly", "Rufus Firefly", "GBR", "", "2015-01-01", ""),
        # a German government in 1970 is West Germany's, as the dictionary codes East Germany DDR;
        # two-digit years are 19xx above 30
        ("Hans Beispiel", "", "XWG", "", "1970-01-01", "1974-12-31"),
        ("Erna Muster", "", "DDR", "", "1971-01-01", "1989-12-31"),
        # a record whose only code cannot be read (a nine-digit date) is left out, not merged with
        # the next person's
        ("Greta Beispiel", "Greta Maria Beispiel", "DEU", "", "2010-01-01", "2012-12-31"),
        # an organisation's code names the organisation
        ("Mary Exemplar", "", "Organization of Example States", "", "2001-01-01", "2005-12-31"),
    }


def test_conversion_organisations_and_offices(built):
    orgs = _rows(built / "petrarch_organisations.tsv", "name", "altnames", "kind")
    assert orgs == {
        ("Organization of Example States", "OES", "intergovernmental"),   # the abbreviation joins its name
        ("Xample Liberation Front", "Front for Xample Liberation|XLF", "non-state-armed"),
    }  # the company (MNC) is left out
    offices = _rows(built / "petrarch_offices.tsv", "title", "role", "rank")
    # the ministry is an institution, the mayor below the state, the foreign minister already in
    # offices.tsv, the rancher no office of a state
    assert offices == {("fisheries minister", "Fisheries Minister", "minister")}


def test_conversion_headers_name_source_commit_and_licence(built):
    for name in FILES:
        head = "".join(ln for ln in (built / name).read_text(encoding="utf-8").splitlines(True) if ln.startswith("#"))
        assert "openeventdata/petrarch2" in head and COMMIT in head, name
        assert "Permission is hereby granted" in head and "Example Holder" in head, name


def test_conversion_refuses_an_incomplete_source(tmp_path):
    (tmp_path / "CAMEO.2.0.txt").write_text(VERBS, encoding="utf-8")
    mod = _build_module()
    assert mod.main(["--source", str(tmp_path), "--data", str(DATA), "--out", str(tmp_path)]) == 1
    assert not (tmp_path / "petrarch_lexicon.tsv").exists()


def test_shipped_files_carry_source_commit_and_mit_notice():
    for name in FILES:
        head = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        text = "\n".join(head)
        assert "openeventdata/petrarch2" in text and COMMIT in text, name
        assert "MIT" in text and "Permission is hereby granted" in text and "Open Event Data" in text, name


@pytest.mark.slow
def test_shipped_files_are_what_the_script_builds(tmp_path):
    if not (SOURCE / "CAMEO.2.0.txt").exists():
        pytest.skip(f"the PETRARCH2 dictionaries are not beside the checkout ({SOURCE} is missing)")
    _build_module().build(SOURCE, DATA, tmp_path, log=lambda *a: None)
    for name in FILES:
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), name


# -- the CAMEO table ----------------------------------------------------------------------------

def test_cameo_table_and_ontology_agree_both_ways():
    table = cameo_table()
    for rel in relations():
        assert table.codes_of(rel.name) == rel.cameo, rel.name
        for code in rel.cameo:
            assert table.relation_of(code) == rel.name
    assert set(table.relations.values()) <= {r.name for r in relations()}


@pytest.mark.parametrize("code,relation", [
    ("0573", "signedAgreementWith"), ("057", "signedAgreementWith"), ("050", "cooperatedWith"),
    ("0531", "cooperatedWith"), ("043", None), ("03", None), ("1121", "accused"), ("110", None),
    ("163", "sanctioned"), ("164", None), ("195", "attacked"), ("---", None), ("", None),
])
def test_cameo_code_to_relation(code, relation):
    assert cameo_table().relation_of(code) == relation


# -- dated roles, name variants ------------------------------------------------------------------

@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _roles(ex) -> set[tuple[str, str]]:
    return {(r.person.label, r.of.label) for r in ex.roles}


def test_a_role_counts_only_within_its_dates(extractor):
    text = "Brian Mulroney met Margaret Thatcher in London on Tuesday."
    during = extractor.extract(Article(text=text, published=date(1988, 6, 9), id="a"))
    after = extractor.extract(Article(text=text, published=date(2015, 6, 9), id="b"))
    undated = extractor.extract(Article(text=text, id="c"))
    assert ("Brian Mulroney", "Canada") in _roles(during)
    assert ("Brian Mulroney", "Canada") not in _roles(after)  # his term ended in 1993
    assert ("Brian Mulroney", "Canada") not in _roles(undated)
    # a year the text names is the date that counts, whatever the publication date
    story = extractor.extract(Article(text="In 1988, Brian Mulroney met Margaret Thatcher in London.",
                                      published=date(2015, 6, 9), id="d"))
    assert ("Brian Mulroney", "Canada") in _roles(story)


def test_former_in_the_text_wins_over_the_dates(extractor):
    ex = extractor.extract(Article(text="Former Canadian Prime Minister Brian Mulroney met Margaret Thatcher.",
                                   published=date(1988, 6, 9), id="e"))
    assert ("Brian Mulroney", "Canada") not in _roles(ex)


def test_a_title_without_its_state_takes_the_state_of_the_term(extractor):
    ex = extractor.extract(Article(text="Energy Minister Yuval Steinitz met Jordan's King Abdullah in Amman.",
                                   published=date(2019, 3, 5), id="f"))
    assert any(r.person.label == "Yuval Steinitz" and r.of.label == "Israel" and r.role == "Energy Minister"
               for r in ex.roles)


def test_a_title_outside_the_terms_takes_the_one_state_of_the_person(extractor):
    # the text says he holds an office; the dictionary says the only state he held one for
    titled = extractor.extract(Article(text="Prime Minister Brian Mulroney met Margaret Thatcher in London. "
                                            "They spoke of trade between Canada and Europe.",
                                       published=date(2015, 6, 9), id="g"))
    assert ("Brian Mulroney", "Canada") in _roles(titled)


def test_a_title_for_a_state_the_article_never_names_is_a_namesakes(extractor):
    # the dictionary knows one Andrew Mitchell, a Canadian minister until 2006; a British story's
    # spokesman of that name, undated or later, in a text that never names Canada, is someone else
    text = "Conservative development spokesman Andrew Mitchell welcomed the decision to hold back the money."
    for published in (None, date(2012, 6, 1)):
        ex = extractor.extract(Article(text=text, published=published, id="n"))
        assert all(state != "Canada" for _, state in _roles(ex)), published


def test_name_variants_are_one_actor_across_articles(extractor, store):
    texts = ["Sergei Ivanov met Chinese Foreign Minister Wang Yi in Beijing.",
             "Sergey Borisovich Ivanov visited Minsk on Monday.",
             "Sergey V. Lavrov met Wang Yi in Moscow."]
    arts = [Article(text=t, published=date(2006, 4, 3), id=f"v{i}") for i, t in enumerate(texts)]
    exs = [extractor.extract(a) for a in arts]
    named = [{m.text: m.actor.label for m in ex.mentions if m.actor.kind == "person"} for ex in exs]
    assert named[0]["Sergei Ivanov"] == named[1]["Sergey Borisovich Ivanov"] == "Sergey Ivanov"
    assert named[2]["Sergey V. Lavrov"] == "Sergey Lavrov"  # a dictionary variant of people.tsv's entry
    ingest(store, arts, extractor=extractor)
    rows = store.query("""SELECT ?alt WHERE { ?a rdfs:label "Sergey Ivanov" ; skos:altLabel ?alt }""")
    assert {r[0].value for r in rows} == {"Sergei Ivanov", "Sergey Borisovich Ivanov"}


def test_a_surname_alone_is_no_alias_across_articles(extractor):
    ex = extractor.extract(Article(text="Ivanov met Wang Yi in Beijing.", published=date(2006, 4, 3), id="s"))
    assert all(e.subject.label != "Sergey Ivanov" for e in ex.events)


def test_the_gazetteer_needs_only_the_data_folder(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("samples", "build", "queries"))
    gz = load_gazetteer(copy)
    assert gz.lookup("Sergey Borisovich Ivanov").actor.label == "Sergey Ivanov"
    assert gz.lookup("Organization of American States").actor.kind == "organisation"


# -- the lexicon ------------------------------------------------------------------------------

def test_the_hand_written_lexicon_overrides_the_converted_one():
    hand = Lexicon.load(DATA / "lexicon.tsv")
    converted = Lexicon.load(DATA / "petrarch_lexicon.tsv")
    merged = gazetteer().lexicon
    shared = set(hand.verbs) & set(converted.verbs)
    assert shared  # both list some verbs ("condemn", "denounce"): the hand-written entries are kept alone
    for lemma in shared:
        assert merged.verbs[lemma] == hand.verbs[lemma]
    gained = set(converted.verbs) - set(hand.verbs)
    assert gained and all(merged.verbs[lemma] == converted.verbs[lemma] for lemma in gained)


def _triples(ex):
    return {(e.subject.label, e.predicate, e.object.label) for e in ex.events}


@pytest.mark.parametrize("text,expected", [
    ("The Kremlin pilloried Washington over the new sanctions.", {("Russia", "criticized", "United States")}),
    ("Turkish President Recep Tayyip Erdogan acclaimed Azerbaijan during the parade.",
     {("Recep Tayyip Erdogan", "supported", "Azerbaijan")}),
    ("Pakistan snubbed India at the summit in Astana.", {("Pakistan", "criticized", "India")}),
    # a particle makes another verb: "shot down" is an attack, "hammered out" a deal is none
    ("Syria shot down a Turkish fighter jet near the border.", {("Syria", "attacked", "Turkey")}),
    ("Iran and France hammered out a deal in Vienna.", set()),
])
def test_sentences_with_verbs_the_dictionaries_add(extractor, text, expected):
    ex = extractor.extract(Article(text=text, published=date(2023, 5, 2), id="x"))
    assert {t for t in _triples(ex) if t[1] in ("criticized", "supported", "attacked")} == expected
