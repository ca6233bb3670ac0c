"""Extraction: sentences in, relations out, with modality, dates, roles and evidence.

The table sentences are written for these tests, apart from the sample articles the rules were
developed on; each row is what a reader of the sentence would list.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dipgraph.graph.records import Article
from dipgraph.ingest.pipeline import Extractor

PUB = date(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def triples(ex, *, with_modality=True):
    out = set()
    for e in ex.events:
        row = (e.subject.label, e.predicate, e.object.label)
        out.add(row + ((e.modality,) if with_modality else ()))
    return out


def run(extractor, text, published=PUB):
    return extractor.extract(Article(text=text, published=published, id="t"))


CASES = [
    # met
    ("Chinese Foreign Minister Wang Yi met Japanese Foreign Minister Yoko Kamikawa in Busan on Tuesday.",
     {("Wang Yi", "met", "Yoko Kamikawa", "asserted")}),
    ("Brazilian President Luiz Inacio Lula da Silva held talks with Argentine President Javier Milei.",
     {("Luiz Inácio Lula da Silva", "met", "Javier Milei", "asserted")}),
    ("The summit between Narendra Modi and Xi Jinping lasted two hours.",
     {("Narendra Modi", "met", "Xi Jinping", "asserted")}),
    # visited (a capital stands for its country; the object is never a city)
    ("Indian Prime Minister Narendra Modi arrived in Canberra on Monday for a three-day visit.",
     {("Narendra Modi", "visited", "Australia", "asserted")}),
    ("German Chancellor Olaf Scholz will visit Beijing next month.",
     {("Olaf Scholz", "visited", "China", "future")}),
    ("Kenyan President William Ruto landed in Osaka for talks on trade.",
     {("William Ruto", "visited", "Japan", "asserted")}),
    # phoned
    ("French President Emmanuel Macron spoke by telephone with Iranian President Ebrahim Raisi on Sunday.",
     {("Emmanuel Macron", "phoned", "Ebrahim Raisi", "asserted")}),
    # negotiatedWith
    ("Armenia negotiated with Azerbaijan over the border for months.",
     {("Armenia", "negotiatedWith", "Azerbaijan", "asserted")}),
    # signedAgreementWith
    ("Japan signed a defence agreement with the Philippines on Wednesday.",
     {("Japan", "signedAgreementWith", "Philippines", "asserted")}),
    ("Egypt and Sudan signed an accord on Nile water sharing.",
     {("Egypt", "signedAgreementWith", "Sudan", "asserted")}),
    # cooperatedWith
    ("Australia and India held joint naval exercises in the Bay of Bengal.",
     {("Australia", "cooperatedWith", "India", "asserted")}),
    ("Vietnam will cooperate with South Korea on semiconductor research.",
     {("Vietnam", "cooperatedWith", "South Korea", "future")}),
    # supported
    ("Canada backed Ukraine's bid to join the European Union.",
     {("Canada", "supported", "Ukraine", "asserted")}),
    # recognized
    ("Spain, Ireland and Norway recognised Palestine as a state.",
     {("Spain", "recognized", "Palestine", "asserted"), ("Ireland", "recognized", "Palestine", "asserted"),
      ("Norway", "recognized", "Palestine", "asserted")}),
    # aided
    ("The United States provided humanitarian aid to Sudan last year.",
     {("United States", "aided", "Sudan", "asserted")}),
    # suppliedArmsTo
    ("Germany delivered Leopard tanks to Ukraine in January.",
     {("Germany", "suppliedArmsTo", "Ukraine", "asserted")}),
    ("Iran may have sold ballistic missiles to Russia, officials in Washington said.",
     {("Iran", "suppliedArmsTo", "Russia", "hedged")}),
    # urged
    ("The European Union urged Serbia to recognise Kosovo.",
     {("European Union", "urged", "Serbia", "asserted")}),
    ("The United Nations called on Israel to allow more aid into Gaza.",
     {("United Nations", "urged", "Israel", "asserted")}),
    # rejected
    ("Russia vetoed a United Nations Security Council resolution on Monday.",
     {("Russia", "rejected", "United Nations Security Council", "asserted")}),
    ("Venezuela rejected Guyana's proposal for talks.",
     {("Venezuela", "rejected", "Guyana", "asserted")}),
    # criticized
    ("Poland condemned Belarus for pushing migrants across the border.",
     {("Poland", "criticized", "Belarus", "asserted")}),
    ("Beijing summoned the Philippine ambassador to protest the incident.",
     {("China", "criticized", "Philippines", "asserted")}),
    # accused
    ("Kenya accused Somalia of interfering in its elections.",
     {("Kenya", "accused", "Somalia", "asserted")}),
    # threatened
    ("North Korea threatened South Korea with a nuclear response.",
     {("North Korea", "threatened", "South Korea", "asserted")}),
    # sanctioned
    ("The United Kingdom imposed sanctions on Iran on Tuesday.",
     {("United Kingdom", "sanctioned", "Iran", "asserted")}),
    ("Sanctions were imposed on North Korea by the European Union.",
     {("European Union", "sanctioned", "North Korea", "asserted")}),
    # reducedRelationsWith
    ("Nicaragua broke off diplomatic relations with Taiwan.",
     {("Nicaragua", "reducedRelationsWith", "Taiwan", "asserted")}),
    ("Moldova expelled a Russian diplomat on Friday.",
     {("Moldova", "reducedRelationsWith", "Russia", "asserted")}),
    # attacked
    ("Azerbaijan attacked Armenia in September 2022.",
     {("Azerbaijan", "attacked", "Armenia", "asserted")}),
    ("Iraq invaded Kuwait in 1990.",
     {("Iraq", "attacked", "Kuwait", "asserted")}),
    # modality
    ("Turkish President Recep Tayyip Erdogan did not meet Greek Prime Minister Kyriakos Mitsotakis.",
     {("Recep Tayyip Erdogan", "met", "Kyriakos Mitsotakis", "negated")}),
    ("Saudi Arabia refused to recognise Israel.",
     {("Saudi Arabia", "recognized", "Israel", "negated")}),
    ("Kenya plans to send police officers to Haiti.", set()),
    ("Kazakhstan is expected to sign a trade deal with China.",
     {("Kazakhstan", "signedAgreementWith", "China", "future")}),
    ("Egypt reportedly supplied rockets to Ukraine.",
     {("Egypt", "suppliedArmsTo", "Ukraine", "hedged")}),
    ("Israel said Hamas attacked Israel on Saturday.",
     {("Hamas", "attacked", "Israel", "asserted")}),
    ("The United States said North Korea had shipped artillery shells to Russia.",
     {("North Korea", "suppliedArmsTo", "Russia", "reported")}),
    # coordination
    ("British Prime Minister Tony Blair met Silvio Berlusconi and Gerhard Schroeder in Rome.",
     {("Tony Blair", "met", "Silvio Berlusconi", "asserted"), ("Tony Blair", "met", "Gerhard Schroeder", "asserted")}),
    # an accusation is the accuser's claim about the accused
    ("Lithuania accused Belarus of arming the Wagner Group.",
     {("Lithuania", "accused", "Belarus", "asserted"), ("Belarus", "suppliedArmsTo", "Wagner Group", "reported")}),
    # hosts of talks between others did not meet each other
    ("Earlier rounds were hosted by Qatar and Egypt.", set()),
    ("Indonesia banned imports from Israel.", {("Indonesia", "sanctioned", "Israel", "asserted")}),
    ("Putin congratulated Xi on his re-election.", {("Vladimir Putin", "supported", "Xi Jinping", "asserted")}),
    ("Chinese troops ambushed an Indian patrol in the Galwan valley.",
     {("China", "attacked", "India", "asserted")}),
    ("Pakistan buys jets from China. Russia remains its largest supplier of weapons.",
     {("Russia", "suppliedArmsTo", "Pakistan", "asserted")}),
    ("The Biden administration imposed sanctions on Nicaragua.",
     {("United States", "sanctioned", "Nicaragua", "asserted")}),
    ("Peace talks between Sudan and South Sudan resumed in Addis Ababa.",
     {("Sudan", "negotiatedWith", "South Sudan", "asserted")}),
    ("Qatar and Bahrain agreed to restore diplomatic relations.",
     {("Qatar", "signedAgreementWith", "Bahrain", "asserted")}),
    ("The accord was signed by Serbia and Kosovo in Ohrid.",
     {("Serbia", "signedAgreementWith", "Kosovo", "asserted")}),
    # "they" and "the leaders" after actors named together
    ("Kenya, Uganda and Tanzania agreed on Friday to build a railway. They also criticized Burundi.",
     {("Kenya", "signedAgreementWith", "Uganda", "asserted"), ("Kenya", "criticized", "Burundi", "asserted"),
      ("Tanzania", "criticized", "Burundi", "asserted")}),
    # a noun naming again an act told before
    ("Iran launched a satellite rocket on Monday. France and Germany condemned the launch.",
     {("France", "criticized", "Iran", "asserted"), ("Germany", "criticized", "Iran", "asserted")}),
    ("Once the fighting started the United States flew tanks and ammunition to Israel.",
     {("United States", "suppliedArmsTo", "Israel", "asserted")}),
    ("On Tuesday Mali refused to receive a delegation from ECOWAS.",
     {("Mali", "rejected", "ECOWAS", "asserted")}),
    ("Beijing has supplied Laos with vaccines.", {("China", "aided", "Laos", "asserted")}),
    ("Iran said that Israel was undermining regional security.",
     {("Iran", "criticized", "Israel", "asserted")}),
    ("Iran said that Israel was not undermining regional security.", set()),
    ("In May 1972 Nixon flew to Moscow, where he signed a treaty limiting nuclear arms.",
     {("Richard Nixon", "visited", "Soviet Union", "asserted")}),
    ("The drill showed that Japan can strike Chinese targets.", set()),
    ("Algeria has cut gas exports to its neighbour.", set()),
    ("European leaders and Chinese ministers met in Brussels.", set()),
    ("Chinese ministers met the Japanese delegation in Tokyo.", {("China", "met", "Japan", "asserted")}),
    ("Modi has not spoken to Shehbaz Sharif since the strikes.",
     {("Narendra Modi", "phoned", "Shehbaz Sharif", "negated")}),
    # spoken with in person, not on the phone: a meeting
    ("Biden spoke with Xi in Bali on Monday.", {("Joe Biden", "met", "Xi Jinping", "asserted")}),
    ("Ukraine criticized Hungary on Monday. Hungary rejected the criticism.",
     {("Ukraine", "criticized", "Hungary", "asserted"), ("Hungary", "rejected", "Ukraine", "asserted")}),
    ("Beijing is not providing lethal assistance to Russia.", {("China", "suppliedArmsTo", "Russia", "negated")}),
    # distractor: a city that is a place, not an actor
    ("The talks were held in Geneva.", set()),
    # who did an act named by a noun: "by X", or "from X" where it was first told
    ("Canada condemned the attack by Russia on the port of Odesa.", {("Canada", "criticized", "Russia", "asserted")}),
    ("Putin was named in an arrest warrant from the International Criminal Court last year. "
     "Mongolia ignored the warrant, and Ukraine criticised the court. The Kremlin rejected the warrant as void.",
     {("Russia", "rejected", "International Criminal Court", "asserted")}),
    # a region word narrows a group reference to the states of that region
    ("Kuwait hosted the foreign ministers of Oman and Qatar on Monday. France sent its trade minister. "
     "On Tuesday Iran criticised the two Gulf states for their stance.",
     {("Iran", "criticized", "Oman", "asserted"), ("Iran", "criticized", "Qatar", "asserted")}),
    # "the North" when the story names one North state
    ("South Korea and North Korea exchanged fire near the border. Seoul urged the North to return to talks.",
     {("South Korea", "urged", "North Korea", "asserted")}),
    ("Belarus refused to let Lithuania's consul enter the embassy.", {("Belarus", "rejected", "Lithuania", "asserted")}),
    ("One of the Sudanese generals asked Egypt for weapons.", {("Sudan", "urged", "Egypt", "asserted")}),
    # "it" after "his country": the country of the man named
    ("Zelensky thanked Japan for its support for his country, two years after Russia invaded it.",
     {("Russia", "attacked", "Ukraine", "asserted")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:48] for c in CASES])
def test_sentence_relations(extractor, text, expected):
    got = triples(run(extractor, text))
    # symmetric relations may come either way round
    sym = {"met", "phoned", "negotiatedWith", "signedAgreementWith", "cooperatedWith"}

    def norm(rows):
        return {(min(s, o), p, max(s, o), m) if p in sym else (s, p, o, m) for s, p, o, m in rows}

    assert norm(expected) <= norm(got), f"missing {norm(expected) - norm(got)}; got {got}"
    if not expected:
        assert not got, f"expected nothing, got {got}"


def test_extraction_leaves_the_collector_as_it_found_it(extractor):
    """Extraction runs Python's cycle collector less often while it works; a program that extracts
    gets its own settings back, and nothing stays set aside from the collector."""
    import gc

    before = gc.get_threshold(), gc.get_freeze_count()
    articles = [Article(text="Japan signed a trade agreement with Kenya on Monday.", published=PUB, id=f"gc{i}")
                for i in range(3)]
    results = list(extractor.pipe(articles))
    assert [triples(r) for r in results] == [{("Japan", "signedAgreementWith", "Kenya", "asserted")}] * 3
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    stopped = extractor.pipe(articles)
    next(stopped)
    stopped.close()  # a consumer that stops early (an interrupted run) gets them back too
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_region_word_keeps_other_states_out_of_a_group(extractor):
    got = triples(run(extractor, "Kuwait hosted the foreign ministers of Oman and Qatar on Monday. France sent "
                                 "its trade minister. On Tuesday Iran criticised the two Gulf states for their stance."))
    assert {o for s, p, o, m in got if s == "Iran"} == {"Oman", "Qatar"}


def test_reported_claim_names_the_claimant(extractor):
    ex = run(extractor, "The United States said North Korea had shipped artillery shells to Russia.")
    (ev,) = [e for e in ex.events if e.predicate == "suppliedArmsTo"]
    assert ev.modality == "reported"
    assert ev.claimed_by is not None and ev.claimed_by.label == "United States"


@pytest.mark.parametrize("text,predicate,when", [
    ("Wang Yi met Yoko Kamikawa on Tuesday.", "met", "2024-03-12"),
    ("Wang Yi met Yoko Kamikawa on Thursday.", "met", "2024-03-14"),
    # a planned meeting on a weekday is on the one ahead
    ("Wang Yi will meet Yoko Kamikawa on Tuesday.", "met", "2024-03-19"),
    ("Wang Yi met Yoko Kamikawa last month.", "met", "2024-02"),
    # "last Wednesday" written on a Thursday is the week before, not yesterday
    ("Wang Yi met Yoko Kamikawa last Wednesday.", "met", "2024-03-06"),
    ("Wang Yi met Yoko Kamikawa last Tuesday.", "met", "2024-03-12"),
    ("Wang Yi met Yoko Kamikawa on February 3.", "met", "2024-02-03"),
    ("Iraq invaded Kuwait on Aug. 2, 1990.", "attacked", "1990-08-02"),
    ("Iraq invaded Kuwait in 1990.", "attacked", "1990"),
    ("The rivalry turned violent in March 1969, when Chinese troops ambushed a Soviet patrol.", "attacked", "1969-03"),
    ("In August 1970 Brandt travelled to Moscow, where the Soviet Union signed a treaty with Bonn.",
     "signedAgreementWith", "1970-08"),
    ("Wang Yi met Yoko Kamikawa.", "met", None),
    # a day counted from the last day the story told of, not from publication
    ("Egypt and Greece met in Athens on Monday. In a statement issued the following day, Turkey denounced "
     "the meeting.", "criticized", "2024-03-12"),
    ("Iran and Oman signed a border pact on March 4. A day later, Qatar condemned the pact.", "criticized",
     "2024-03-05"),
    ("Ten years ago today Iran and Oman signed a border pact.", "signedAgreementWith", "2014-03-14"),
    ("On March 4, 2015, Chile signed a pact with Peru. Three days earlier, Bolivia had condemned the pact.",
     "criticized", "2015-03-01"),
    ("On March 4, 2015, Chile signed a pact with Peru. Two weeks later, Bolivia condemned the pact.",
     "criticized", "2015-03-18"),
    # a clause joined to a dated one happened that day, not on a day told in the sentence before
    ("Wang Yi met Yoko Kamikawa on Monday. On Wednesday Wang met Penny Wong in Canberra, and the two "
     "ministers signed a trade pact.", "signedAgreementWith", "2024-03-13"),
    # a year counted from the one the story told, not from publication (it made a background war future)
    ("Kuwait cut its ties with Iraq in 1990. A year later, the United States attacked Iraq.", "attacked", "1991"),
    ("Iran and Iraq went to war in 1980. The previous year, Iraq had expelled Iran's ambassador.",
     "reducedRelationsWith", "1979"),
    # a month and day with no year in a passage about a past year: the day of that name nearest the
    # day told before, across a new year as well
    ("Russia invaded Georgia on August 8, 2008. Sarkozy met Medvedev in Moscow on August 12.", "met",
     "2008-08-12"),
    # a deal named by its day dates the deal, not the sentences after it
    ("Egypt and Greece met in Cairo on Tuesday. The two condemned the March 4 accord between Turkey and Libya "
     "as void. Greece called on Turkey to halt its drilling.", "urged", "2024-03-12"),
    # a time owned by the event noun dates it: "last Saturday's raid"
    ("Pakistan condemned last Saturday's raid by Indian jets on Muzaffarabad.", "attacked", "2024-03-09"),
    # an undated charge or appeal of the story's news is told of the day its lead is about ...
    ("Poland and Lithuania met in Warsaw on Tuesday. Poland accused Belarus of pushing migrants across "
     "the border.", "accused", "2024-03-12"),
    ("Poland and Lithuania met in Warsaw on Tuesday. In Brussels, the European Union urged Belarus to "
     "release the detained journalists.", "urged", "2024-03-12"),
    ("Poland and Lithuania met in Warsaw on Tuesday. Belarus expelled two Polish diplomats.",
     "reducedRelationsWith", "2024-03-12"),
    ("Poland and Lithuania met in Warsaw on Tuesday. The European Union imposed new sanctions on Belarus.",
     "sanctioned", "2024-03-12"),
    # a document "signed by" the lead's signers, told without a day, is the lead's signing
    ("Japan and Kenya signed a trade pact in Nairobi on Tuesday.\n\nThe Nairobi Declaration, signed by Japanese "
     "Foreign Minister Yoko Kamikawa and Kenyan Foreign Minister Musalia Mudavadi, commits the two governments "
     "to cut tariffs on tea.", "signedAgreementWith", "2024-03-12"),
    # a day opening the sentence, which the parser may hang on the name after it
    ("On Tuesday Australia responded by expelling Fiji's most senior diplomat.", "reducedRelationsWith",
     "2024-03-12"),
    # a month named for a plan is the one ahead; for a done act, the one gone
    ("Narendra Modi will travel to the United States in February.", "visited", "2025-02"),
    ("Narendra Modi will travel to the United States in April.", "visited", "2024-04"),
    ("Narendra Modi travelled to the United States in February.", "visited", "2024-02"),
    # a time told to measure from is not the event's: "his first visit since taking office last year"
    ("Prime Minister Fumio Kishida, on his first visit to India since taking office last year, held talks "
     "in New Delhi with Narendra Modi.", "met", None),
    ("Prime Minister Fumio Kishida, on his first visit to India since taking office last year, held talks "
     "in New Delhi with Narendra Modi.", "visited", None),
    # ... but background stays undated: a clause of time, a lasting act, a habit, a perfect, a relative clause
    ("Poland and Lithuania met in Warsaw on Tuesday. Both have backed Ukraine since Russia invaded it.",
     "attacked", None),
    ("Poland and Lithuania met in Warsaw on Tuesday. Belarus has long backed Russia.", "supported", None),
    ("Poland and Lithuania met in Warsaw on Tuesday. Lithuania accuses Belarus of pushing migrants across "
     "the border.", "accused", None),
    ("Poland and Lithuania met in Warsaw on Tuesday. Lithuania has accused Belarus of pushing migrants "
     "across the border.", "accused", None),
    ("Poland and Lithuania met in Warsaw on Tuesday. Lithuania, which condemned Belarus over the migrants, "
     "called for new sanctions.", "criticized", None),
])
def test_dates_resolve_against_publication(extractor, text, predicate, when):
    ex = run(extractor, text)
    found = [e for e in ex.events if e.predicate == predicate]
    assert found and all(ev.date == when for ev in found)


def test_a_day_with_no_year_after_new_year_in_a_past_passage(extractor):
    ex = run(extractor, "Germany recognised Croatia on Dec. 23, 1991. The Holy See recognised Croatia on Jan. 13.")
    dates = {e.subject.label: e.date for e in ex.events if e.predicate == "recognized"}
    assert dates == {"Germany": "1991-12-23", "Vatican": "1992-01-13"}


def test_roles_from_titles_and_counterparts(extractor):
    ex = run(extractor, "Chinese Foreign Minister Wang Yi met his Australian counterpart Penny Wong in Beijing.")
    roles = {(r.person.label, r.of.label, r.role) for r in ex.roles}
    assert ("Wang Yi", "China", "Foreign Minister") in roles
    assert ("Penny Wong", "Australia", "Foreign Minister") in roles


def test_pronoun_and_surname_resolve_to_the_person(extractor):
    ex = run(extractor, "Kenyan President William Ruto arrived in Washington on Monday. "
                        "Ruto met Joe Biden at the White House, and he later spoke with Kamala Harris by phone.")
    got = triples(ex, with_modality=False)
    assert ("William Ruto", "visited", "United States") in got
    assert ("William Ruto", "met", "Joe Biden") in got or ("Joe Biden", "met", "William Ruto") in got


def test_evidence_offsets_point_at_the_sentence(extractor):
    text = "Tensions rose in the region.\n\nJapan signed a defence agreement with the Philippines on Wednesday."
    ex = run(extractor, text)
    (ev,) = ex.events
    assert text[ev.start:ev.end] == ev.sentence
    assert ev.sentence.startswith("Japan signed")
    assert ev.extractor and 0 < ev.confidence <= 1


def test_spaced_hyphen_is_read_as_a_dash_and_kept_as_written(extractor):
    # the parser reads "Brazil and Japan - Celso Amorim and ..." as one compound name unless told it is an aside
    text = ("The foreign ministers of Brazil and Japan - Celso Amorim and Nobutaka Machimura - "
            "met in London on Friday.")
    ex = run(extractor, text, published=date(2005, 6, 12))
    roles = {(r.person.label, r.of.label) for r in ex.roles}
    assert {("Celso Amorim", "Brazil"), ("Nobutaka Machimura", "Japan")} <= roles
    (ev,) = ex.events
    assert ev.sentence == text[ev.start:ev.end] == text  # the evidence keeps the article's hyphens


def test_hostile_text_is_data(extractor):
    text = 'Russia imposed sanctions on Moldova over <script>alert(1)</script> " ; DROP GRAPH <x> .'
    ex = run(extractor, text)
    assert triples(ex) == {("Russia", "sanctioned", "Moldova", "asserted")}
    (ev,) = ex.events
    assert ev.sentence == text[ev.start:ev.end] == text  # the markup is kept as text, whole


@pytest.mark.parametrize("text,subject,obj", [
    ("In August 1970 Brandt's envoy travelled to Moscow, and Moscow signed a treaty with Bonn.", "Soviet Union", "West Germany"),
    ("On Dec. 23, 1991, Bonn recognised Croatia.", "Germany", "Croatia"),
    ("The Kremlin pressed East Berlin to accept the treaty.", "Soviet Union", "East Germany"),
    ("The Kremlin pressed Minsk to accept the treaty.", "Russia", "Belarus"),
])
def test_capitals_stand_for_the_state_of_their_time(extractor, text, subject, obj):
    ex = run(extractor, text, published=date(2021, 1, 10))
    assert any(e.subject.label == subject and e.object.label == obj for e in ex.events), \
        [(e.subject.label, e.predicate, e.object.label) for e in ex.events]


def test_the_junta_is_the_state_the_story_is_about(extractor):
    text = ("Soldiers seized power in Niger last month. Niger's new rulers closed the border. "
            "Niger has also expelled a French envoy. The African Union has urged the junta to step down.")
    got = triples(run(extractor, text), with_modality=False)
    assert ("African Union", "urged", "Niger") in got


def test_it_with_no_antecedent_is_the_state_the_story_is_about(extractor):
    text = ("Gabon's army seized power on Wednesday. Gabon closed its borders and Gabon's television "
            "went off the air.\n\nOn Friday it recalled its ambassador to France.")
    got = triples(run(extractor, text), with_modality=False)
    assert ("Gabon", "reducedRelationsWith", "France") in got


def test_led_by_and_a_surname_opening_a_sentence(extractor):
    text = ("Guinea's army seized power. Guinea closed its borders and Guinea expelled envoys. "
            "The junta, led by Colonel Mamady Doumbouya, met the envoy. Doumbouya plans to travel to Dakar.")
    ex = run(extractor, text)
    assert ("Mamady Doumbouya", "Guinea") in {(r.person.label, r.of.label) for r in ex.roles}
    assert ("Mamady Doumbouya", "visited", "Senegal", "future") in triples(ex)


def test_a_name_inside_a_longer_name_is_not_that_actor(extractor):
    ex = run(extractor, "Ali Shamkhani, the secretary of Iran's Supreme National Security Council, met Wang Yi.")
    assert ("Ali Shamkhani", "met", "Wang Yi", "asserted") in triples(ex)
    actors = {a.label for e in ex.events for a in (e.subject, e.object)} | {r.of.label for r in ex.roles}
    assert "United Nations Security Council" not in actors


def test_a_royal_title_keeps_a_surname_from_a_namesake(extractor):
    ex = run(extractor, "Jordan's King Hussein met Egyptian President Anwar Sadat in Cairo.")
    people = {e.subject.label for e in ex.events} | {e.object.label for e in ex.events}
    assert "Anwar Sadat" in people and "Saddam Hussein" not in people


def test_former_titles_do_not_make_a_representative(extractor):
    ex = run(extractor, "Former Nigerian President Olusegun Obasanjo met Ethiopian Prime Minister Abiy Ahmed.")
    roles = {(r.person.label, r.of.label) for r in ex.roles}
    assert ("Abiy Ahmed", "Ethiopia") in roles
    assert not any(person == "Olusegun Obasanjo" for person, _ in roles)


def test_a_wire_sign_off_is_no_object_of_the_last_sentence(extractor):
    # the story's last sentence gives aid; the parser takes the sign-off line for a second object
    from dipgraph.ingest.read import read_paths
    path = Path(__file__).parent / "data" / "heldout7" / "reuters-chad-libya-oau-truce.txt"
    (article,) = [a for a in read_paths([path]) if isinstance(a, Article)]
    assert article.text.rstrip().endswith("Reuter")
    assert ("United States", "aided", "Chad", "asserted") in triples(extractor.extract(article))


def test_a_headline_in_capitals_keeps_its_dotted_abbreviations(extractor):
    art = Article(text="The raids followed weeks of warnings.", title="U.S. WARPLANES BOMB LIBYA",
                  published=date(1986, 4, 15), id="t")
    got = triples(extractor.extract(art), with_modality=False)
    assert ("United States", "attacked", "Libya") in got


def test_a_headline_where_two_states_resume_talks_tells_of_negotiation(extractor):
    art = Article(text="Officials of both governments met in Cape Verde on Wednesday.",
                  title="U.S. AND ANGOLA RESUME TALKS AFTER TWO-YEAR BREAK", published=date(1987, 7, 15), id="t")
    got = triples(extractor.extract(art), with_modality=False)
    assert ("United States", "negotiatedWith", "Angola") in got or ("Angola", "negotiatedWith", "United States") in got
    assert not {("United States", "met", "Angola"), ("Angola", "met", "United States")} & got


@pytest.mark.parametrize("guest, published, who", [("Tony Blair", date(2005, 3, 10), "George W. Bush"),
                                                    ("Margaret Thatcher", date(1990, 3, 10), "George H. W. Bush")])
def test_a_name_two_presidents_went_by_is_the_one_in_office_then(extractor, guest, published, who):
    art = Article(text=f"{guest} met George Bush at the White House on Monday.", published=published, id="t")
    met = {t for t in triples(extractor.extract(art), with_modality=False) if t[1] == "met"}
    assert met == {(guest, "met", who)} or met == {(who, "met", guest)}


def test_a_headline_that_two_states_restore_ties_adds_no_cooperation_of_its_own(extractor):
    # the text tells what the restoring was; the headline's gist is no second relation
    art = Article(text="Norway and China on Monday restored full diplomatic relations, ending a six-year freeze.",
                  title="Norway and China restore ties after long row", published=date(2016, 12, 19), id="t")
    got = triples(extractor.extract(art), with_modality=False)
    assert not {t for t in got if t[1] == "cooperatedWith"}
    assert got  # the text's own relation stays


@pytest.mark.parametrize("title", ["Kazakh president visits Kyrgyzstan", "President of Kazakhstan visits Kyrgyzstan"])
def test_a_headline_officeholder_named_by_title_is_the_one_the_text_names(extractor, title):
    # the text names the president; the headline's "Kazakh president" is that man, not his state
    art = Article(text="Kazakh President Kassym-Jomart Tokayev arrived in Kyrgyzstan on Thursday for a state visit. "
                       "Former president Nursultan Nazarbayev had made the same trip in 2017.",
                  title=title, published=date(2022, 11, 24), id="t")
    got = triples(extractor.extract(art), with_modality=False)
    assert ("Kassym-Jomart Tokayev", "visited", "Kyrgyzstan") in got
    assert ("Kazakhstan", "visited", "Kyrgyzstan") not in got


def test_a_headline_event_takes_the_day_of_the_lead(extractor):
    # the headline tells the lead's news; the lead says which day it was
    art = Article(text="Foreign ministers meeting in Cairo on Saturday voted to exclude the Damascus government "
                       "from the organisation's meetings until it ends its crackdown on protesters.",
                  title="Arab League suspends Syria", published=date(2011, 11, 13), id="t")
    got = {(e.subject.label, e.predicate, e.object.label): e.date for e in extractor.extract(art).events}
    assert got[("Arab League", "reducedRelationsWith", "Syria")] == "2011-11-12"


def test_a_headline_event_stays_undated_when_the_lead_gives_no_day(extractor):
    art = Article(text="Foreign ministers voted to exclude the Damascus government from the organisation's meetings.",
                  title="Arab League suspends Syria", published=date(2011, 11, 13), id="t")
    got = {(e.subject.label, e.predicate, e.object.label): e.date for e in extractor.extract(art).events}
    assert got[("Arab League", "reducedRelationsWith", "Syria")] is None


def test_a_headline_in_title_case_is_read_as_a_sentence(extractor):
    # as some outlets set headlines: each word capitalised, the verbs too
    art = Article(text="The bloc named forty officials on Friday. Belarus said it would call its envoys home.",
                  title="EU Sanctions Belarusian Officials as Minsk Recalls Envoys From Poland and Lithuania",
                  published=date(2020, 10, 2), id="t")
    got = triples(extractor.extract(art), with_modality=False)
    assert ("Belarus", "reducedRelationsWith", "Poland") in got
    # capitalised, "Sanctions Belarusian Officials as Minsk Recalls" made the EU the one who recalls
    assert not {t for t in got if t[0] == "European Union" and t[1] == "reducedRelationsWith"}


def test_title_case_keeps_names_of_several_words():
    from dipgraph.ingest.pipeline import common_words
    from dipgraph.ingest.extract import gazetteer
    from dipgraph.ingest.text import headline_case

    cased, common = gazetteer().cased_names, common_words()
    assert headline_case("Solomon Islands Expels Australian High Commissioner", "", cased, common) == \
        "Solomon Islands expels Australian high commissioner"
    assert headline_case("United States and Cuba Move to Restore Diplomatic Relations", "", cased, common) == \
        "United States and Cuba move to restore diplomatic relations"
    # a headline written as a sentence is left as it is
    assert headline_case("Straw backs delay to Croatia's EU talks", "", cased, common) == \
        "Straw backs delay to Croatia's EU talks"


_EXTRACT_SAMPLES = """
import sys
from pathlib import Path
from dipgraph.ingest.pipeline import Extractor
from dipgraph.ingest.read import read_paths
articles = [a for a in read_paths(sys.argv[1:]) if hasattr(a, "text")]
for result in Extractor().pipe(articles):
    for e in result.events:
        print(result.article.key, e.subject.label, e.predicate, e.object.label, e.modality, e.date, e.sentence)
    for r in result.roles:
        print(result.article.key, r.person.label, "represents", r.of.label)
"""


def test_the_same_articles_give_the_same_graph_in_every_run(tmp_path):
    """Python salts the hashing of strings afresh in each process, so a rule that takes the first of
    a set could give another answer on the next run; runs with different salts must agree."""
    import os
    import subprocess
    import sys
    samples = Path(__file__).resolve().parent.parent / "data" / "samples"
    # a headline in capitals naming a body the gazetteer spells two ways ("RENAMO", "Renamo")
    (tmp_path / "accord.txt").write_text(
        "MOZAMBIQUE'S PRESIDENT AND RENAMO CHIEF SIGN PEACE ACCORD IN ROME\n\nROME, Oct 4 - President "
        "Joaquim Chissano and Renamo leader Afonso Dhlakama signed a peace accord today.\n", encoding="utf-8")
    out = []
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _EXTRACT_SAMPLES, str(samples), str(tmp_path)], env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        out.append(done.stdout)
    assert out[0].count("\n") > 100  # (the samples state some hundreds of relations and roles)
    assert out[1:] == out[:1] * 3


@pytest.mark.parametrize("text", ["The Security Council on Monday demanded an immediate Iran-Iraq ceasefire.",
                                  "Several governments called for an Ethiopia-Eritrea truce."])
def test_a_joint_truce_that_is_only_asked_for_is_no_agreement(extractor, text):
    got = triples(run(extractor, text), with_modality=False)
    assert not {t for t in got if t[1] == "signedAgreementWith"}


def test_a_joint_truce_that_holds_is_an_agreement(extractor):
    got = triples(run(extractor, "An Iran-Iraq ceasefire took effect on Saturday."), with_modality=False)
    assert ("Iran", "signedAgreementWith", "Iraq") in got or ("Iraq", "signedAgreementWith", "Iran") in got


def test_the_year_a_renewed_deal_runs_to_is_no_date_of_the_renewal(extractor):
    # "extend base deal to 2042": the year the deal now ends, not a renewal still to come
    art = Article(text="The two governments signed the new lease in Bishkek.",
                  title="Kyrgyzstan and Russia extend air base deal to 2032", published=date(2012, 9, 21), id="t")
    deals = [e for e in extractor.extract(art).events if e.predicate == "signedAgreementWith"]
    assert deals and all(e.modality == "asserted" and (e.date or "")[:4] != "2032" for e in deals)
