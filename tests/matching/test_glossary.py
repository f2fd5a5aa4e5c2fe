from matchmaker.matching import Glossary
from matchmaker.matching.text import (
    Analyzer,
    _data_lines,
    concept_names,
    detect_language,
    stem_de,
)

from .conftest import corporate


def test_every_concept_has_a_name_in_each_language():
    glossary = Glossary.load()

    assert len(glossary.concepts) >= 200
    for concept in glossary.concepts.values():
        assert concept.kind in {"industry", "technology", "business"}
        assert {"en", "de", "ja"} <= set(concept.labels), concept.id


# Multi-word German names that start with a noun, a loanword or an abbreviation.
NOUN_LED_GERMAN_NAMES = {
    "Audio-",
    "Computer",
    "Edge",
    "KI-gestützte",
    "Legal",
    "Luft-",
    "Open",
    "Vertical",
    "Öl",
}


def test_every_concept_has_display_names_written_as_a_reader_expects():
    glossary = Glossary.load()
    names = concept_names()

    assert set(names) == set(glossary.concepts)
    for concept_id, by_language in names.items():
        assert set(by_language) == {"en", "de", "ja"}, concept_id
        # A German name ends in its noun, which German writes with a capital; a leading
        # adjective stays lower-case, as in the middle of a sentence ("Themen: ...").
        first, *_, last = by_language["de"].split() * 2
        assert last[0].isupper() or last[0].isdigit(), by_language["de"]
        if " " in by_language["de"] and first[0].isupper():
            assert first in NOUN_LED_GERMAN_NAMES, by_language["de"]
    # Reasons show them, not the glossary's first (lower-case, matching) terms.
    assert glossary.concepts["artificial_intelligence"].label("en") == "AI"
    assert glossary.concepts["energy_storage"].label("de") == "Energiespeicher"
    assert glossary.concepts["medical_imaging"].label("de") == "medizinische Bildgebung"
    assert glossary.concepts["oil_gas"].label("ja") == "石油・ガス"


def test_reasons_name_topics_in_the_viewers_language_and_spelling(matcher):
    need = corporate("Energiespeicher und Batteriemanagement für Elektrofahrzeuge")

    best = matcher.rank_one(need, top_k=1, lang="de").matches[0]

    assert best.startup_id == "ev-battery"
    topics = next(reason for reason in best.reasons if reason.startswith("Gemeinsame Themen"))
    assert "Batteriemanagement" in topics and "batteriemanagement" not in topics


def test_same_concepts_in_three_languages():
    analyze = Analyzer(Glossary.load()).analyze

    english = analyze("Battery management for electric vehicles")
    german = analyze("Batteriemanagement für Elektrofahrzeuge und Lithiumbatteriezellen")
    japanese = analyze("電気自動車のバッテリーマネジメント")

    for analysis in (english, german, japanese):
        assert {"battery_management", "electric_vehicle"} <= set(analysis.concepts)
    # German compounds are split into known parts, Japanese text gets character bigrams.
    assert "battery" in german.concepts
    assert "電気" in japanese.bigrams
    # Non-English texts also carry the English names of their concepts.
    assert "battery" in german.words and "vehicle" in japanese.words


def test_longest_term_wins_and_common_words_are_no_concepts():
    analyze = Analyzer(Glossary.load()).analyze

    concepts = analyze("We are building AI-powered tools for the fintech space").concepts

    assert "artificial_intelligence" in concepts and "fintech" in concepts
    assert "energy" not in concepts  # "powered" is part of "AI-powered"
    assert "space" not in concepts and "construction" not in concepts


def test_language_detection():
    assert detect_language("We build batteries and sell them to carmakers.") == "en"
    assert detect_language("Wir suchen Partner für die Batteriefertigung.") == "de"
    assert detect_language("電池の共同開発パートナーを探しています") == "ja"


def test_short_german_lists_and_titles_are_german():
    # Lists full of English loanwords, and titles without a verb, have few German words;
    # counted against the English ones they still tell.
    for text in (
        "Gaming, Virtual und Augmented Reality, E-Sport, Musik- und Videotechnologie.",
        "Bautechnologie, Proptech, modularer Wohnungsbau und Smart-Building-Produkte.",
        "Europazentrale eines japanischen Pharmaunternehmens (Onkologie).",
        "Luft- und Raumfahrt",
        # English loans and set phrases do not outweigh the German words around them.
        "Proof of Concept für KI-gestützte Qualitätskontrolle",
        "State of the Art Sensorik für Fahrzeuge",
        "Software as a Service für Kanzleien",
        "Point-of-Care-Diagnostik für Hausarztpraxen",
        "Time-to-Market verkürzen mit digitalen Zwillingen",
        "Digital Twin of the Factory für den Mittelstand",
        # Only words that English texts have too, but two of them and nothing English.
        "Enzyme, die aggressive Chemikalien in der Industriereinigung ersetzen",
        "Die Einrichtung dauert Tage statt Monate, denn das System lernt das Lager kennen.",
        # Those words in lower case, or an article after a preposition.
        "Digitalisierung im Mittelstand",
        "Drohnen mit Machine Learning",
        "Investoren aus Japan",
        "Blockchain in der Logistik",
    ):
        assert detect_language(text) == "de", text
    # German words, names and acronyms in an English text do not make it German.
    for text in (
        "Müller und Söhne builds die casting tools for the makers of car parts.",
        "A spin-off of MIT that works with the Fraunhofer Institut für Lasertechnik.",
        "Die casting, stamping and machining",
        "Stamping die design software",
        "MIT spin-off building solid-state batteries",
        "DEM data platform",
        "Injection molding (IM) quality inspection",
        "Den Haag office; smart port software",
        "Zu Technologies: payments in Nigeria",
        "Ursula von der Leyen visited our booth",
        "Dr. Müller visited the Düsseldorf office",
        "We specialize in die casting",
        "Supplier to Mercedes-Benz und BMW",
    ):
        assert detect_language(text) == "en", text
    # The German terms of such a list are found: music and video technology.
    concepts = (
        Analyzer(Glossary.load())
        .analyze("Gaming, Virtual und Augmented Reality, E-Sport, Musik- und Videotechnologie.")
        .concepts
    )
    assert {"music", "gaming", "ar_vr"} <= set(concepts)


def test_everyday_words_of_each_language_name_their_concepts():
    analyze = Analyzer(Glossary.load()).analyze
    for text, concept in (
        # A law firm's or tax adviser's clients are its "Mandanten".
        ("Wir helfen unseren Mandanten bei der Digitalisierung.", "customers"),
        ("Massenspektrometrie- und Sequenzierdaten auswerten", "genomics"),
        ("Wir suchen Telesprechstunden mit Hausärzten.", "telemedicine"),
        ("Wir betreiben reine Lieferküchen in der Innenstadt.", "delivery"),
        ("We run ghost kitchens for restaurant brands.", "delivery"),
        ("デリバリー専門のゴーストキッチン", "delivery"),
        ("Wir suchen Partner für modularen Wohnungsbau und die Vorfertigung.", "modular_housing"),
        ("Satelliten, Raumtransport und Drohnen für die Luftfahrt.", "space_launch"),
        ("電気自動車の駆動システムの開発", "drivetrain"),
        ("バンキング・アズ・ア・サービスの提供", "banking_as_a_service"),
        ("代替タンパク質と垂直農法", "vertical_farming"),
        # Documents are language processing in English ("documents"), so in all three.
        ("Ein Dokumentenmanagement für Kanzleien", "nlp"),
        ("多言語に対応した文書管理", "nlp"),
    ):
        assert concept in analyze(text).concepts, text
    # Multi-tenant software is no client, and sequencing production orders no genomics.
    for text, concept in (
        ("Eine mandantenfähige SaaS-Plattform für Energieversorger.", "customers"),
        ("Die Mandantenverwaltung unserer Cloud-Software ist einfach.", "customers"),
        ("Wir sequenzieren Produktionsaufträge für die Fertigung.", "genomics"),
    ):
        assert concept not in analyze(text).concepts, text


def test_german_compounds_name_every_known_part_but_not_words_made_with_prefixes():
    analyze = Analyzer(Glossary.load()).analyze

    # Overlapping parts both count; a part inside a longer one found already does not.
    assert {"cyber_insurance", "insurance"} <= set(analyze("Cyberversicherungsprodukte").concepts)
    assert "robotics" in analyze("Kochroboter für Restaurantküchen").concepts
    # A verbal prefix makes another word: expectations are no maintenance, a figure no
    # education, compliance no media.
    for word in ("Erwartungen", "Abbildung", "Einhaltung"):
        assert analyze(f"Wir haben klare {word}.").concepts == [], word


def test_japanese_terms_with_latin_letters_match_in_any_case():
    analyze = Analyzer(Glossary.load()).analyze

    assert "ai_drug_discovery" in analyze("AI創薬のスタートアップを探しています。").concepts
    assert "ai_drug_discovery" in analyze("ai創薬").concepts


def test_words_that_merely_hold_a_term_do_not_name_it():
    analyze = Analyzer(Glossary.load()).analyze

    # A relocation is no publishing house, a pressure drop no waste, even inside compounds.
    concepts = analyze("Produktionsverlagerung trotz Druckabfall").concepts
    assert "publishing" not in concepts and "recycling" not in concepts
    assert "manufacturing" in concepts
    # The terms themselves still count, alone and in compounds.
    assert "publishing" in analyze("Ein Fachverlag für Medizin").concepts
    assert "recycling" in analyze("Abfallwirtschaft und Abfall").concepts


def test_german_verbs_and_names_are_not_the_nouns_they_resemble():
    analyze = Analyzer(Glossary.load()).analyze

    text = "Dr. Anna Müller: wir handeln, pflegen Kontakte und verlagern; der Umsatz betrug viel."
    assert analyze(text).concepts == []
    assert {"trade", "recycling", "healthcare", "fraud_detection"} <= set(
        analyze("Handel, Müll, Pflege, Betrugserkennung").concepts
    )
    # "Verbrauch" (consumption) is no "Verbraucher" (consumer), who still is one.
    assert analyze("Der Verbrauch sank.").concepts == []
    for text in ("Produkte für Verbraucher", "Angebote für den Verbrauchern"):
        assert "consumer" in analyze(text).concepts, text
    assert "home_services" in analyze("Ein Portal für den Elektrikern").concepts


def test_every_listed_non_compound_holds_a_glossary_term():
    glossary = Glossary.load()
    parts = {part for part, (_, concept) in glossary._compound_parts.items() if concept}

    for line in _data_lines("german_nonparts.tsv"):
        word = line.split("\t")[0]
        stem = stem_de(word)
        assert stem not in parts, f"{word} is a glossary term itself"
        assert any(p in stem for p in parts), f"{word} holds no glossary term"


def test_every_german_term_names_its_own_concept_in_a_german_sentence():
    # Guards the compound rules, the non-compound list and the stemmer's exceptions: none
    # of them may hide a term of the glossary itself.
    glossary = Glossary.load()
    analyze = Analyzer(glossary).analyze

    for line in _data_lines("glossary.tsv"):
        concept_id, german = line.split("\t")[0], line.split("\t")[4]
        for term in filter(None, german.split("|")):
            sentence = f"Wir suchen für unsere Kunden {term} und weitere Lösungen."
            assert concept_id in analyze(sentence).concepts, (term, concept_id)


def test_english_words_are_not_the_glossary_words_they_stem_like():
    analyze = Analyzer(Glossary.load()).analyze

    concepts = analyze("Faster model training, a customer portal, an account per user.").concepts
    assert not {"rail", "maritime", "accounting"} & set(concepts)
    assert {"rail", "maritime", "accounting"} <= set(
        analyze("Trains, ports and accounting for freight companies.").concepts
    )
    securities = set(analyze("Kabuto Securities, a broker of stocks and bonds.").concepts)
    assert "wealth_management" in securities and "cybersecurity" not in securities


def test_german_words_spelt_like_english_terms_keep_their_german_sense():
    analyze = Analyzer(Glossary.load()).analyze

    german = analyze("Die Firma plant nach der Fusion ein Büro im dritten Stock.").concepts
    assert not {"manufacturing", "nuclear", "wealth_management"} & set(german)
    assert "software" in analyze("Wir suchen Software für unsere Kunden.").concepts
    assert "manufacturing" in analyze("We run a plant in Ohio.").concepts


def test_general_words_do_not_name_a_narrow_field():
    # Trading houses, camera makers and care homes were matched (and explained) as
    # brokerages, radiology and real estate.
    analyze = Analyzer(Glossary.load()).analyze

    def concepts(text: str) -> set[str]:
        return set(analyze(text).concepts)

    assert "wealth_management" not in concepts("Our trading business in steel and chemicals.")
    assert "wealth_management" in concepts("A trading app for retail investors.")
    assert "trade" in concepts("Marubeni Europe, a trading house.")
    for camera in ("Digital imaging for professional photographers.", "キヤノンのイメージング事業"):
        assert {"optics_imaging"} <= concepts(camera)
        assert "medical_imaging" not in concepts(camera)
    assert "medical_imaging" in concepts("Imaging AI that reads MRI scans for radiologists.")
    assert "real_estate" not in concepts("Care homes for the elderly.")
    assert "real_estate" not in concepts("Wohnen im Alter.")
    assert "real_estate" in concepts("Wir vermieten Wohnungen in Düsseldorf.")
    # A market is no marketing, an industry-leading team no sales leads.
    assert "marketing" not in concepts("Market data from an industry-leading team.")
    assert "marketing" in concepts("Email marketing and lead generation for marketers.")
    # Trained models run on no rails, a touch screen screens nobody.
    assert not {"rail", "diagnostics"} & concepts("Models trained for a touch screen.")
    assert {"rail", "diagnostics"} <= concepts("Cancer screenings for train drivers.")
    # Authentic sneakers need no login, data exploration digs no mine, a service that
    # takes care of your paperwork is no clinic, a startup backed by Sequoia Capital is no
    # bank, and an app in the app store is not sold in shops.
    assert "identity" not in concepts("A marketplace for authentic sneakers.")
    assert "identity" in concepts("Passwordless authentication for banks.")
    assert "mining" not in concepts("AI-assisted data exploration and dashboards.")
    assert "mining" in concepts("Mineral exploration with drones.")
    assert "healthcare" not in concepts("We take care of your skin and your paperwork.")
    assert "healthcare" in concepts("Care coordination for patients.")
    assert "financial_services" not in concepts("Backed by Sequoia Capital and Index Ventures.")
    assert "financial_services" in concepts("A desk for capital markets.")
    assert "retail" not in concepts("Our app is in the app store and the play store.")
    assert "retail" in concepts("Shelf analytics for grocery stores.")


def test_an_analyzer_pickled_before_the_content_word_memo_still_analyses():
    # Stored matcher snapshots hold pickled analyzers of older code.
    analyzer = Analyzer(Glossary.load())
    expected = analyzer.analyze("Battery packs for the electric vehicles of tomorrow")
    state = dict(analyzer.__dict__)
    del state["_content"]
    old = Analyzer.__new__(Analyzer)

    old.__setstate__(state)

    assert old.analyze("Battery packs for the electric vehicles of tomorrow") == expected
