import math
import os
import pickle
import subprocess
import sys

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from matchmaker.matching import (
    FEATURES,
    Matcher,
    Need,
    Profile,
    Query,
    profile_from_dict,
    queries_for,
)
from matchmaker.matching import matcher as matcher_module
from matchmaker.matching.matcher import (
    COMPATIBILITY_FEATURES,
    CONTENT_FEATURES,
    DEFAULT_WEIGHTS,
    _clause_spans,
    _first_sentence,
    _quoted,
    _shorten,
)

from .conftest import STARTUPS, corporate

BATTERY_NEEDS = {
    "en": "We seek battery management and battery packs for electric vehicles.",
    "de": "Wir suchen Partner für Batteriemanagement und Batteriezellen für Elektrofahrzeuge.",
    "ja": "電気自動車向けのバッテリーマネジメントと電池パックを探しています。",
}


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_battery_startup_ranks_first_for_a_battery_need_in_any_language(matcher, lang):
    ranking = matcher.rank_one(corporate(BATTERY_NEEDS[lang]), top_k=3, lang=lang)

    assert ranking.matches[0].startup_id == "ev-battery"
    assert ranking.matches[0].score > ranking.matches[1].score if len(ranking.matches) > 1 else True


@pytest.mark.parametrize(
    ("seeks", "expected"),
    [
        ("Insurtech: claims automation and fraud detection.", "insurtech"),
        ("HR tech: recruiting automation and payroll.", "hr-tech"),
        ("Alternative proteins and vertical farming.", "foodtech"),
        ("Satellites and space technology.", "satellites"),
        ("Predictive maintenance, robot programming, machine vision.", "robots"),
    ],
)
def test_obvious_topics_rank_first(matcher, seeks, expected):
    assert matcher.rank_one(corporate(seeks)).matches[0].startup_id == expected


def test_matches_carry_scores_features_and_reasons(matcher):
    [ranking] = matcher.rank([corporate(BATTERY_NEEDS["en"], languages=["en"])], top_k=10)

    assert ranking.query_id == "corp" and ranking.need_id is None
    scores = [match.score for match in ranking.matches]
    assert scores == sorted(scores, reverse=True)
    for match in ranking.matches:
        assert 0 < match.score <= 1
        assert set(match.features) <= set(FEATURES)
        assert all(0 <= value <= 1 for value in match.features.values())
        assert match.reasons and all(reason.strip() for reason in match.reasons)
    best = ranking.matches[0]
    assert any("battery" in reason.lower() for reason in best.reasons)
    assert best.features["language"] == 1.0


def test_reasons_speak_the_viewers_language(matcher):
    need = corporate(BATTERY_NEEDS["en"])

    german = matcher.rank_one(need, lang="de").matches[0].reasons
    japanese = matcher.rank_one(need, lang="ja").matches[0].reasons

    assert any(reason.startswith("Gemeinsame Themen") for reason in german)
    assert any("電池" in reason for reason in japanese)


def test_each_need_is_ranked_on_its_own(matcher):
    profile = corporate(
        "",
        needs=[
            {"id": "n1", "title": "Fraud detection for claims"},
            {"id": "n2", "title": "Earth observation satellites"},
        ],
    )

    rankings = matcher.rank(queries_for([profile]))

    assert [(r.query_id, r.need_id) for r in rankings] == [
        ("corp", None),
        ("corp", "n1"),
        ("corp", "n2"),
    ]
    assert rankings[1].matches[0].startup_id == "insurtech"
    assert rankings[2].matches[0].startup_id == "satellites"


def test_reverse_direction_counts_when_the_startup_says_what_it_seeks(matcher):
    need = corporate("Earth observation", description="We distribute space technology in Japan.")

    best = matcher.rank_one(need).matches[0]

    assert best.startup_id == "satellites"
    assert best.features["offer_seek"] > 0


def test_compatibility_scales_but_never_creates_a_match(startups):
    need = Query(
        corporate("battery packs", languages=["ja"], target_stages=["seed"]),
        Need("n1", "Battery packs", partnership_types=("pilot",)),
    )
    fitted = Matcher().fit(startups)
    plain = fitted.rank_one(need).matches[0]

    assert plain.startup_id == "ev-battery"
    assert plain.features["language"] == 0.0
    assert "partnership" not in plain.features  # the startup names no partnership types
    assert all(m.features.get("text", 0) + m.features.get("lsa", 0) > 0 for m in [plain])


def test_score_startups_scores_exactly_the_given_startups(matcher):
    newcomer = Profile(
        "new", "startup", name="Cellco", description="Solid-state battery cells for EVs."
    )
    unrelated = Profile("other", "startup", name="Knit", description="Knitting patterns.")

    matches = matcher.score_startups(corporate(BATTERY_NEEDS["de"]), [unrelated, newcomer])

    assert [m.startup_id for m in matches] == ["new", "other"]
    assert matches[0].score > 0 and matches[1].score == 0
    assert all(m.reasons for m in matches)


def test_score_pairs_equals_scoring_each_query_alone(matcher):
    newcomer = Profile(
        "new", "startup", name="Cellco", description="Solid-state battery cells for EVs."
    )
    queries = [corporate(text) for text in BATTERY_NEEDS.values()]

    together = matcher.score_pairs(queries, [newcomer])

    assert len(together) == len(queries)
    for query, matches in zip(queries, together, strict=True):
        [alone] = matcher.score_startups(query, [newcomer])
        assert [(m.startup_id, m.score) for m in matches] == [(alone.startup_id, alone.score)]
    assert matcher.score_pairs(queries, []) == [[], [], []]


def test_score_matrix_and_explain_pairs_agree_with_score_pairs(startups):
    # chunk_size 2: queries in several chunks; the startups are scored from their profiles.
    matcher = Matcher(chunk_size=2).fit(startups)
    texts = [*BATTERY_NEEDS.values(), "Claims automation and fraud detection.", "zzzz"]
    queries = [corporate(text) for text in texts]
    scored = {
        (row, match.startup_id): match
        for row, matches in enumerate(matcher.score_pairs(queries, startups, lang="de"))
        for match in matches
    }
    column = {startup.id: index for index, startup in enumerate(startups)}

    matrix = matcher.score_matrix(queries, startups)

    assert matrix.shape == (len(queries), len(startups))
    for (row, startup_id), match in scored.items():
        assert matrix[row, column[startup_id]] == match.score
    pairs = [(4, column["ev-battery"]), (3, column["insurtech"]), (0, column["ev-battery"])]
    explained = matcher.explain_pairs(queries, startups, pairs, ["de", "ja"])
    assert explained["de"] == [scored[row, startups[col].id] for row, col in pairs]
    assert explained["de"][1].reasons and explained["de"][1].score > 0
    assert [m.score for m in explained["ja"]] == [m.score for m in explained["de"]]
    assert explained["ja"][1].reasons[0].startswith("ニーズ「")
    assert matcher.explain_pairs(queries, startups, []) == {"en": []}
    assert matcher.score_matrix(queries, []).shape == (len(queries), 0)


def test_best_query_per_startup_agrees_with_the_rankings(startups):
    # chunk_size 2: the best query is found across chunks, and ties keep the first one.
    matcher = Matcher(chunk_size=2).fit(startups)
    texts = [*BATTERY_NEEDS.values(), *["Claims automation and fraud detection."] * 2, "zzzz"]
    queries = [corporate(text) for text in texts]
    ranked = {
        (index, match.startup_id): match.score
        for index, ranking in enumerate(matcher.rank(queries, top_k=len(startups)))
        for match in ranking.matches
    }

    best_index, best_score = matcher.best_query_per_startup(queries)

    assert len(best_index) == len(best_score) == len(startups)
    for startup, index, score in zip(startups, best_index, best_score, strict=True):
        given = [ranked.get((query, startup.id), 0.0) for query in range(len(queries))]
        assert all(other <= score for other in given)  # no query scores it higher
        if index < 0:
            assert score == 0
        else:
            [[scored]] = matcher.score_pairs([queries[index]], [startup])
            assert score > 0 and score == given[index] == pytest.approx(scored.score, abs=1e-6)
    assert best_index[[s.id for s in startups].index("insurtech")] == 3  # the first of a tie
    # Excluded pairs do not count: without its first tie, the second one is best.
    insurtech = [s.id for s in startups].index("insurtech")
    excluded, _ = matcher.best_query_per_startup(queries, exclude=[(3, "insurtech")])
    assert excluded[insurtech] == 4
    assert best_index[[s.id for s in startups].index("ev-battery")] in (0, 1, 2)
    assert Matcher().fit([]).best_query_per_startup(queries)[0].size == 0


@pytest.mark.parametrize("rows_at_a_time", [1, 64])
def test_best_query_per_startup_compares_the_scores_it_shows(startups, monkeypatch, rows_at_a_time):
    # Two queries that show the same score are a tie, however their seventh decimals
    # differ: the first wins, as in a refresh (`score_matrix` and `np.argmax`). A later
    # query wins only with a higher shown score; a score that shows as 0 never counts.
    monkeypatch.setattr(matcher_module, "_SHOWN_ROWS", rows_at_a_time)
    matcher = Matcher(chunk_size=2).fit(startups[:2])
    raw = np.array(
        [[0.4000001, 0.0000003], [0.4000003, 0.0000004], [0.3, 0.0000002], [0.400001, 0.0]],
        dtype=np.float32,
    )
    served = iter([raw[:2], raw[2:]])
    monkeypatch.setattr(matcher, "_scores", lambda side, pool: next(served).copy())
    queries = [corporate(f"need {number}") for number in range(4)]

    best_index, best_score = matcher.best_query_per_startup(queries)

    assert best_index.tolist() == [3, -1]
    assert best_score.tolist() == [0.400001, 0.0]
    served = iter([raw[:2], raw[2:3]])
    best_index, best_score = matcher.best_query_per_startup(queries[:3])
    assert best_index.tolist() == [0, -1]  # 0.4000003 shows as 0.4, like 0.4000001
    assert best_score.tolist() == [0.4, 0.0]
    served = iter([raw[:2], raw[2:3]])
    excluded = [(0, startups[0].id), (1, startups[0].id)]
    best_index, best_score = matcher.best_query_per_startup(queries[:3], exclude=excluded)
    assert best_index.tolist() == [2, -1]
    assert best_score.tolist() == [0.3, 0.0]


def test_a_query_without_text_of_its_own_scores_the_same_against_any_pool(startups):
    # The whole-profile text signal sums the products of both sides' parts; with only a
    # seek text on the query side and no seek text in the pool, one part is all of it.
    matcher = Matcher().fit(startups)
    query = corporate("Battery management for electric vehicles.")

    ranked = {match.startup_id: match for match in matcher.rank_one(query, top_k=10).matches}
    for startup in startups:
        [[alone]] = matcher.score_pairs([query], [startup])
        if startup.id in ranked:
            assert alone.features == pytest.approx(ranked[startup.id].features, abs=1e-5)
            assert alone.score == pytest.approx(ranked[startup.id].score, abs=1e-5)


def test_deterministic(startups):
    queries = [corporate(text) for text in BATTERY_NEEDS.values()]

    first = Matcher().fit(startups).rank(queries)
    second = Matcher().fit(list(startups)).rank(queries)

    assert first == second


def test_reasons_show_the_same_word_form_in_every_process():
    # "approval" and "approved" are one stem in two forms of equal length: reasons show
    # the first in the text, whatever order the process's string hashing gives a set.
    code = (
        "from matchmaker.matching.text import Analyzer, Glossary, stem_en\n"
        "analyzer = Analyzer(Glossary.load())\n"
        "forms = analyzer.forms('Approved loans, approval in minutes')\n"
        "print(forms[stem_en('approval')])\n"
    )
    shown = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in (0, 1)  # before the fix, these two seeds showed different forms
    }

    assert shown == {"approved"}


def test_shared_terms_are_words_the_need_wrote_and_no_topic_twice():
    # The pool writes only "secured" and "manufactured"; a need that writes "security"
    # reads its own word. Terms a topic beside them already names ("data",
    # "manufacturing") are not repeated, and a term the need never wrote (the English words
    # the glossary adds to a German need) is not shown at all: no stems, no pool's words.
    vault = "Secured storage of manufactured parts data, secured by design."
    pool = [
        profile_from_dict(
            {"id": "vault", "kind": "startup", "name": "Vault", "description": vault}
        ),
        profile_from_dict(
            {"id": "bake", "kind": "startup", "name": "Bake", "description": "Bread."}
        ),
    ]
    matcher = Matcher().fit(pool)

    def reasons(seeks, **fields):
        [match] = matcher.rank_one(corporate(seeks, **fields)).matches
        return dict(reason.split(": ", 1) for reason in match.reasons[1:])

    english = reasons("Data security for manufacturing")
    assert english["Strongest shared terms"] == "security"
    assert english["Shared topics"] == "cybersecurity, data analytics, manufacturing"
    german = reasons("Datensicherheit für die Fertigung, Security by Design")
    assert "Strongest shared terms" not in german and "manufacturing" in german["Shared topics"]
    # The company's own description counts as its words too.
    assert (
        reasons("Data", description="Securing factories since 1950.")["Strongest shared terms"]
        == "securing"
    )


def shared_terms_of(pool: dict[str, str], need: str) -> list[str]:
    """The shared terms the first match of `need` shows, fitted on `pool` (name: text)."""
    profiles = [
        profile_from_dict({"id": name, "kind": "startup", "name": name, "description": text})
        for name, text in pool.items()
    ]
    [match, *_] = Matcher().fit(profiles).rank_one(corporate(need)).matches
    [terms] = [reason for reason in match.reasons if reason.startswith("Strongest shared")]
    return terms.split(": ")[1].split(", ")


def test_shared_terms_of_a_german_need_are_its_nouns_as_written_without_plain_words():
    pool = {
        "Robo": "Wir helfen Maschinenbauern in Europa: Roboterzellen für Werkstätten.",
        "Bake": "Brot.",
    }
    need = "Roboterzellen für unsere Werkstätten in Europa gesucht."
    # Capitalised as the need writes them; "Europa" says nothing about the fit.
    assert shared_terms_of(pool, need) == ["Roboterzellen", "Werkstätten"]


def test_shared_terms_of_a_japanese_need_are_words_not_pieces_of_them():
    pool = {"Robo": "医療機器の物流を支援しています。", "Bake": "パンを焼いています。"}
    # Two-kanji bigrams read as words; "して" and "の物" are pieces of the sentence, and
    # "医療" and "物流" are the topics "医療" (healthcare) and "物流" (logistics) shown above.
    assert shared_terms_of(pool, "医療機器の物流を改善しています。") == ["機器"]


def test_empty_pool_gives_empty_rankings():
    rankings = Matcher().fit([]).rank([corporate("anything")], top_k=5)

    assert rankings[0].matches == []


def test_query_with_nothing_in_common_gets_no_matches(matcher):
    assert matcher.rank_one(corporate("zzzz qqqq")).matches == []


def test_not_fitted_and_bad_params():
    with pytest.raises(NotFittedError):
        Matcher().rank_one(corporate("batteries"))
    with pytest.raises(ValueError, match="unknown feature weights"):
        Matcher(weights={"vibes": 1.0}).fit([])


def test_estimator_conventions(matcher, startups):
    params = Matcher(n_components=16).get_params()
    assert params["n_components"] == 16
    assert not hasattr(clone(matcher), "pool_")

    restored = pickle.loads(pickle.dumps(matcher))
    need = corporate(BATTERY_NEEDS["ja"])
    assert restored.rank_one(need) == matcher.rank_one(need)
    assert math.isclose(
        restored.rank_one(need).matches[0].score, matcher.rank_one(need).matches[0].score
    )


def test_naming_more_of_the_needs_topics_counts_for_more_than_one_mention():
    pool = [
        profile_from_dict(
            {
                "id": "broad",
                "kind": "startup",
                "name": "Skyops",
                "description": "Airline operations software: booking, ticketing and crew "
                "scheduling for airlines and travel agencies, with a carbon dashboard for "
                "sustainable tourism.",
            }
        ),
        profile_from_dict(
            {
                "id": "narrow",
                "kind": "startup",
                "name": "Snapsort",
                "description": "Sorts the photos of your trips.",
            }
        ),
        *(profile_from_dict(data) for data in STARTUPS),
    ]
    need = corporate("Travel tech: booking and ticketing, airline operations software.")

    plain = Matcher(concept_pivot=0).fit(pool).score_startups(need, pool[:2])
    pivoted = Matcher().fit(pool).score_startups(need, pool[:2])

    # The plain cosine already prefers the broad startup; pivoting widens the gap, since
    # the narrow one names a single matching topic and little else.
    before = {m.startup_id: m.features["concepts"] for m in plain}
    after = {m.startup_id: m.features["concepts"] for m in pivoted}
    assert after["narrow"] / after["broad"] < before["narrow"] / before["broad"]
    assert pivoted[0].startup_id == "broad"
    assert all(0 <= m.features["concepts"] <= 1 for m in plain + pivoted)
    with pytest.raises(ValueError, match="concept_pivot"):
        Matcher(concept_pivot=2).fit(pool)


def test_a_query_also_finds_the_concepts_the_pool_names_together_with_its_own():
    def startup(key: str, description: str) -> Profile:
        return profile_from_dict(
            {"id": key, "kind": "startup", "name": key.title(), "description": description}
        )

    pool = [
        startup("claims-ai", "Fraud detection for insurers: claims scoring with machine learning."),
        startup("policyguard", "Insurance fraud prevention for health insurers."),
        startup("riskwise", "Anti-fraud analytics for motor insurance."),
        startup("shopshield", "Chargeback and fraud prevention for online shops."),
        *(profile_from_dict(data) for data in STARTUPS),
    ]
    need = corporate("We are an insurer and look for new partners.")

    plain = Matcher(concept_expansion=0).fit(pool)
    expanded = Matcher().fit(pool)
    [before] = plain.score_startups(need, [pool[3]])
    [after] = expanded.score_startups(need, [pool[3]])

    # The shop's fraud prevention names no insurance concept, but the pool's insurers speak
    # of fraud: the association gives it a concept score of its own.
    assert before.features["concepts"] == 0
    assert 0 < after.features["concepts"] <= 1
    # Reasons quote what the query itself names, never the associated concept.
    assert after.reasons and not any(r.startswith("Shared topics") for r in after.reasons)
    # The startups naming insurance themselves still come first.
    ranked = [m.startup_id for m in expanded.score_startups(need, pool[:4])]
    assert ranked[-1] == "shopshield"
    with pytest.raises(ValueError, match="concept_expansion"):
        Matcher(concept_expansion=-0.1).fit(pool)


@pytest.mark.parametrize("pool_seeks", [False, True], ids=["offers only", "offers and seeks"])
def test_each_score_is_the_weighted_mean_of_the_signals_it_shows(pool_seeks):
    # Scores are computed for all pairs at once, the signals shown for each pair one by one;
    # both ways must agree. Without seeks in the pool the words take the shorter way.
    startups = [
        profile_from_dict(
            {
                **data,
                "seeks": data.get("seeks", "") if pool_seeks else "",
                "partnership_types": ["pilot"] if index % 2 else [],
                "stage": "seed" if index % 3 else "",
            }
        )
        for index, data in enumerate(STARTUPS)
    ]
    corporates = [
        corporate(
            text,
            id=f"c{index}",
            languages=languages,
            partnership_types=types,
            # What the corporate offers meets what a startup seeks (offer_seek).
            description="We invest in startups and distribute their products in Japan.",
        )
        for index, (text, languages, types) in enumerate(
            [
                (BATTERY_NEEDS["en"], ["en"], ["pilot"]),
                (BATTERY_NEEDS["de"], ["de"], []),
                ("Satellite imagery and distribution in Japan", ["ja", "en"], ["investment"]),
                ("Fraud detection, payroll, robots, plant-based meat", [], []),
            ]
        )
    ]
    matcher = Matcher(concept_pivot=0, compatibility=0.3).fit(startups)  # signals <= 1

    checked = 0
    for matches in matcher.score_pairs(queries_for(corporates), startups):
        for match in matches:
            shown = match.features
            content = [name for name in CONTENT_FEATURES if name in shown]
            mean = sum(DEFAULT_WEIGHTS[name] * shown[name] for name in content) / sum(
                DEFAULT_WEIGHTS[name] for name in content
            )
            labels = [shown[name] for name in COMPATIBILITY_FEATURES if name in shown]
            factor = 0.7 + 0.3 * sum(labels) / len(labels) if labels else 1.0
            assert match.score == pytest.approx(min(mean * factor, 1.0), abs=3e-6)
            checked += match.score > 0
    assert checked > 10


@pytest.mark.parametrize(
    ("text", "clause", "quoted"),
    [
        # A clause that says what is needed is quoted alone.
        ("Battery packs, lidar and radar.", "lidar", "lidar"),
        ("Die Plattform, die wir suchen.", "Die Plattform", "Die Plattform"),
        # A dependent one comes with the clause it depends on, up to the next comma.
        (
            "Wir wollen näher an die Sportler rücken, die unsere Schuhe tragen: Lauf-Apps.",
            "die unsere Schuhe tragen",
            "Wir wollen näher an die Sportler rücken, die unsere Schuhe tragen",
        ),
        (
            "Wir liefern Berichte, sowie Dashboards, mit denen Kunden Daten erkunden, und Alarme.",
            "mit denen Kunden Daten erkunden",
            "Dashboards, mit denen Kunden Daten erkunden",
        ),
        (
            "We resell tools to banks. A ledger, which reconciles payments and refunds.",
            "which reconciles payments",
            "A ledger, which reconciles payments and refunds",
        ),
        # Found where it stands as a clause, not inside another sentence.
        (
            "Premium Kunden zu gewinnen ist schwer. Wir suchen Partner, um Kunden zu gewinnen",
            "um Kunden zu gewinnen",
            "Wir suchen Partner, um Kunden zu gewinnen",
        ),
        (
            "Tools, die mit uns wachsen\uff01 Wir freuen uns.",
            "die mit uns wachsen",
            "Tools, die mit uns wachsen",
        ),
        ("Die Sensoren. Tools, die wachsen", "die wachsen", "Tools, die wachsen"),  # its case
        # Not dependent: an article after "und", a relative pronoun without a preposition.
        (
            "Robotik, Logistik und die Digitalisierung unserer Werke",
            "die Digitalisierung unserer Werke",
            "die Digitalisierung unserer Werke",
        ),
        (
            "Sensors, tools which reconcile payments",
            "tools which reconcile payments",
            "tools which reconcile payments",
        ),
        # Too long, with no space before the clause to cut at: the clause alone.
        (
            "当社は産業機械メーカーで予知保全のソリューションを探しています" * 3
            + "、which predicts failures of our presses",
            "which predicts failures of our presses",
            "…which predicts failures of our presses",
        ),
        # A Japanese clause that leads into the next (a topic, a connective form) comes
        # with it, and with the one after while they lead on.
        (
            "自治体からは、公共の安全に関する支援を求められています。",
            "自治体からは",
            "自治体からは、公共の安全に関する支援を求められています",
        ),
        (
            "請求書を読み取って仕分けし、承認を自動化し、チームを支援するソフトウェア、分析。",
            "請求書を読み取って仕分けし",
            "請求書を読み取って仕分けし、承認を自動化し、チームを支援するソフトウェア",
        ),
        (
            "取引先の欧州サプライヤー向けに、デジタル保険商品を探しています。",
            "取引先の欧州サプライヤー向けに",
            "取引先の欧州サプライヤー向けに、デジタル保険商品を探しています",
        ),
        (
            "受注予測の精度を高め、廃棄を減らしたいと考えています。",
            "受注予測の精度を高め",
            "受注予測の精度を高め、廃棄を減らしたいと考えています",
        ),
        ("電池の再利用は。次の文。", "電池の再利用は", "電池の再利用は"),  # the sentence ends
        # A decimal point or comma is no mark.
        ("Industrie 4.0 für unsere Werke. Mehr.", "Industrie 4.0 für unsere Werke", None),
        ("Lager mit 2,5 Millionen Teilen, schneller.", "Lager mit 2,5 Millionen Teilen", None),
        # A German word cut short comes with the one that completes it.
        (
            "Lauf- und Fitness-Apps sowie Community- und Creator-Tools.",
            "Community-",
            "Community- und Creator-Tools",
        ),
        # So does a lone lower-case word before "and" (a modifier of what follows).
        ("Oncology, gene and cell therapy.", "gene", "gene and cell therapy"),
        ("Sensors, lidar and radar perception.", "lidar", "lidar and radar perception"),
        ("Batteries and charging stations.", "Batteries", "Batteries"),
        # A list's last item of one word comes with the clause before its "and".
        (
            "Recycled plastics for packaging and parts. We seek suppliers.",
            "parts",
            "Recycled plastics for packaging and parts",
        ),
        (
            "Rezyklate für Verpackungen und Bauteile",
            "Bauteile",
            "Rezyklate für Verpackungen und Bauteile",
        ),
        ("AI, robotics or drones.", "drones", "robotics or drones"),
        ("Batteries and charging stations.", "charging stations", None),
        ("We sell. And parts.", "parts", None),
        # A sentence of "We"/"Wir" that goes on with a verb after "and" keeps its subject.
        (
            "We run nursing homes and home-care services and struggle with staff shortages.",
            "struggle with staff shortages",
            "We … struggle with staff shortages",
        ),
        ("We run nursing homes and home-care services.", "home-care services", None),
        (
            "Wir sind ein Versicherer und suchen deshalb Fitness- und Wellbeing-Apps.",
            "suchen deshalb Fitness-",
            "Wir … suchen deshalb Fitness- und Wellbeing-Apps",
        ),
        ("Our engineers build and run cloud platforms", "run cloud platforms", None),
        # Not when the verb is another's (a relative clause, after a comma) or a noun.
        (
            "We work with farmers who grow rice and need irrigation sensors.",
            "need irrigation sensors",
            None,
        ),
        (
            "Wir suchen Partner, die Software bauen und verkaufen.",
            "verkaufen",
            "die Software bauen und verkaufen",
        ),
        ("We seek cybersecurity and face recognition.", "face recognition", None),
        # A dependent clause that a comma closed: the verb is the subject's again.
        (
            "Wir müssen Emissionen senken, bevor die Regeln gelten, und suchen daher Software.",
            "suchen daher Software",
            "Wir … suchen daher Software",
        ),
        ("We design and build.", "build", "We design and build"),
        # A German pair of the female and the male form is one group, not two clauses.
        (
            "Wir möchten Kundinnen und Kunden belohnen, dass sie gesund bleiben.",
            "Wir möchten Kundinnen und Kunden belohnen",
            None,
        ),
        # A comma before the "and", a hyphenated item.
        ("We sell plastics, furniture, and parts.", "parts", "furniture, and parts"),
        ("Batterien für Busse und E-Autos.", "E-Autos", "Batterien für Busse und E-Autos"),
        (
            "Wir suchen Partner für die Qualifizierung hochwertiger Rezyklate aus Post-Consumer-"
            "Abfällen in ganz Europa und Lieferanten.",
            "Lieferanten",
            "…hochwertiger Rezyklate aus Post-Consumer-Abfällen in ganz Europa und Lieferanten",
        ),
        # Too long: the whole clause stays, with whole words before it.
        (
            "Wir suchen Werkzeuge für Kanzleien, Gerichte und Notariate in ganz Europa sowie "
            "für unsere Mandanten, die Compliance-Anforderungen einhalten.",
            "die Compliance-Anforderungen einhalten",
            "…in ganz Europa sowie für unsere Mandanten, die Compliance-Anforderungen einhalten",
        ),
    ],
)
def test_a_reason_quotes_a_dependent_clause_with_what_it_depends_on(text, clause, quoted):
    [span] = [(start, end) for start, end in _clause_spans(text) if text[start:end] == clause][:1]
    quoted = quoted or clause
    assert _quoted(text, span) == quoted
    assert len(quoted) <= 90


def test_a_german_need_written_as_prose_is_quoted_as_a_whole_clause():
    pool = [
        profile_from_dict(
            {"id": "cells", "kind": "startup", "name": "Cells", "offers": "Battery recycling."}
        ),
        profile_from_dict({"id": "bake", "kind": "startup", "name": "Bake", "offers": "Bread."}),
    ]
    need = "Wir suchen Partner, die Batteriezellen recyceln, und Logistik."

    [match] = Matcher().fit(pool).rank_one(corporate(need), lang="de").matches

    assert match.reasons[0].startswith("Bedarf „Wir suchen Partner, die Batteriezellen recyceln“")


def test_long_texts_are_cut_after_a_whole_word():
    text = "Automated timekeeping and billing for law firms, " * 3
    shortened = _shorten(text)
    assert shortened == (
        "Automated timekeeping and billing for law firms, Automated timekeeping and billing for…"
    )
    assert _shorten("word " * 30) == ("word " * 18).strip() + "…"  # 90 characters
    assert _shorten("x" * 120) == "x" * 89 + "…"  # no word to cut after
    assert _shorten("short, text") == "short, text"


def test_remembered_query_analyses_follow_edits_and_are_not_stored(startups, monkeypatch):
    # An app scores every edited startup against the same needs: their analyses are
    # remembered, but an edited need is analysed afresh, and a stored matcher holds none.
    monkeypatch.setattr(matcher_module, "_REMEMBERED_QUERIES", 2)
    matcher = Matcher().fit(startups)
    before = corporate("Battery packs for our electric vans.")
    edited = corporate("Claims automation and fraud detection.")  # same id, new text
    analysed = []
    query_doc = matcher._query_doc
    monkeypatch.setattr(
        matcher, "_query_doc", lambda query: analysed.append(query.corporate) or query_doc(query)
    )

    first = matcher.score_matrix([before], startups)
    assert (matcher.score_matrix([before], startups) == first).all()
    assert analysed == [before]  # remembered
    assert not (matcher.score_matrix([edited], startups) == first).all()
    assert analysed == [before, edited]
    matcher.score_matrix([corporate("Satellite imagery.")], startups)  # a third: forgets all
    matcher.score_matrix([before], startups)
    assert analysed[-1] == before and len(analysed) == 4

    monkeypatch.undo()
    assert "_query_docs" in matcher.__dict__
    assert "_query_docs" not in pickle.loads(pickle.dumps(matcher)).__dict__
    assert "_query_docs" in matcher.__dict__  # storing it does not forget


def test_a_fitted_matcher_keeps_no_analysed_texts_of_its_pool(startups):
    # The vectors hold them; a web worker's matcher (and a stored snapshot) need not.
    matcher = Matcher().fit(startups)

    assert not [doc for doc in matcher.pool_.docs if doc.offer.words or doc.seek.concepts]
    [best, *_] = matcher.rank_one(corporate("Battery packs for electric vans.")).matches
    summary = matcher.pool_.docs[matcher.startup_ids_.index(best.startup_id)].summary
    assert summary and best.reasons[0].endswith(f'the startup\'s offer: "{summary}"')


@pytest.mark.parametrize("with_need", [False, True])
def test_the_need_quoted_is_the_needs_own_words_never_a_tag(with_need):
    # The company's tags are joined to the text it is scored with; a reason quoting
    # "Healthcare" as the need would tell the reader nothing (and mislead a startup).
    pool = [
        profile_from_dict(
            {"id": "care", "kind": "startup", "name": "Care", "description": "Healthcare apps."}
        ),
        profile_from_dict({"id": "sun", "kind": "startup", "name": "Sun", "description": "Solar."}),
    ]
    matcher = Matcher().fit(pool)
    seeks = "Solar roofs for our barns"
    fields = {"industries": ["Healthcare"], "technologies": ["Mobile apps"]}
    if with_need:
        fields["needs"] = [{"id": "n1", "title": "Roofs", "description": seeks}]
    query = queries_for([corporate("" if with_need else seeks, **fields)])[-1]

    explained = matcher.explain_pairs([query], pool, [(0, 0), (0, 1)])

    care, sun = (match.reasons for match in explained["en"])
    assert sun[0].startswith('The need "Solar roofs for our barns"')
    quoted = [reason.split('"')[1] for reason in care + sun if reason.startswith("The need")]
    assert quoted and all(quote in seeks for quote in quoted)


def test_a_need_is_ranked_by_what_it_seeks_not_by_its_companys_industries():
    # A medical company's need for access management: its industries describe the
    # company, and must not bring healthcare startups ahead of the one the need seeks.
    pool = [
        profile_from_dict(
            {
                "id": "care",
                "kind": "startup",
                "name": "Care",
                "description": "Digital health software for hospitals and medical device makers.",
            }
        ),
        profile_from_dict(
            {
                "id": "keys",
                "kind": "startup",
                "name": "Keys",
                "description": "Access management for external service technicians.",
            }
        ),
    ]
    company = corporate(
        "",
        description="Maker of endoscopes and patient monitors.",
        industries=["Healthcare", "Medical devices"],
        technologies=["Digital health"],
        needs=[
            {
                "id": "n1",
                "title": "Secure access for service technicians",
                "description": "External technicians need secure remote access to machines.",
            }
        ],
    )
    [whole, need] = queries_for([company])

    matcher = Matcher().fit(pool)
    assert matcher.rank_one(need).matches[0].startup_id == "keys"
    # The company as a whole still seeks in its industries too.
    assert matcher.rank_one(whole).matches[0].startup_id == "care"


def test_a_startups_first_sentence_does_not_end_at_a_decimal_point():
    assert (
        _first_sentence("Creating mRNA 2.0 therapies. We are 5.") == "Creating mRNA 2.0 therapies."
    )
    assert _first_sentence("電池を作る。次。") == "電池を作る。"
    # A stop typed twice (one-liners joined to descriptions) is shown once; "..." stays.
    assert _first_sentence("Faster MRI scans.. We double it.") == "Faster MRI scans."
    assert _first_sentence("Tickets to events that…. More.") == "Tickets to events that…"
    assert _first_sentence("Wait... what.") == "Wait..."


def test_a_needs_shared_terms_come_from_the_need_not_its_companys_name_tags_or_profile():
    pool = [
        profile_from_dict(
            {
                "id": "forge",
                "kind": "startup",
                "name": "Forge",
                "description": "Advanced steel printing: 150 robots make lightweight car parts.",
            }
        ),
        profile_from_dict(
            {"id": "bake", "kind": "startup", "name": "Bake", "description": "Bread."}
        ),
    ]
    company = corporate(
        "",
        name="Tsukushi Steel GmbH",
        description="Advanced steel maker, 150 staff in Europe.",
        technologies=["3D printing"],
        needs=[{"id": "n1", "title": "Lightweight parts", "description": "Lightweight car parts."}],
    )
    [_, need] = queries_for([company])

    [match] = Matcher().fit(pool).rank_one(need).matches
    [terms] = [reason for reason in match.reasons if reason.startswith("Strongest shared")]

    assert set(terms.split(": ")[1].split(", ")) <= {"Lightweight", "lightweight", "car", "parts"}


def test_shared_acronyms_show_as_written_and_an_opening_word_stays_lower_case():
    pool = {
        "Sync": "Payments that sync with your ERP and SaaS tools. Battery analytics.",
        "Bake": "Bread.",
    }
    assert shared_terms_of(pool, "支払いをERPと連携できるSaaSを探しています。") == ["ERP", "SaaS"]
    assert shared_terms_of(pool, "Analytics for ERP systems.") == ["analytics", "ERP"]
    # A capital after a digit is an acronym's too, not a capitalised word's.
    d2c = {"Brands": "Software for D2C brands.", "Bake": "Bread."}
    assert shared_terms_of(d2c, "自社ECでのD2C販売") == ["D2C"]
    assert "D2C" in shared_terms_of(d2c, "Software for D2C sales.")
    # A name keeps its capital in Japanese text and inside an English sentence; an English
    # word capitalised only where it opens a sentence does not.
    kube = {"Kube": "Clusters on Kubernetes for banks.", "Bake": "Bread."}
    assert shared_terms_of(kube, "Kubernetes上のクラスタ") == ["Kubernetes"]
    assert "Kubernetes" in shared_terms_of(kube, "Clusters on Kubernetes.")
    assert "kubernetes" in shared_terms_of(kube, "Kubernetes clusters for our banks.")


def test_an_english_need_of_a_german_speaking_company_shows_its_words_in_lower_case():
    pool = {"Cells": "Battery recycling for vans.", "Bake": "Brot."}
    profiles = [
        profile_from_dict({"id": name, "kind": "startup", "name": name, "description": text})
        for name, text in pool.items()
    ]
    company = corporate(
        "",
        description="Wir sind ein deutscher Zulieferer für Fahrzeuge und Batterien.",
        needs=[{"id": "n1", "title": "Recycling", "description": "Vans that last longer."}],
    )
    [_, need] = queries_for([company])

    [match, *_] = Matcher().fit(profiles).rank_one(need).matches
    [terms] = [reason for reason in match.reasons if reason.startswith("Strongest shared")]

    assert terms.split(": ")[1] == "vans"
