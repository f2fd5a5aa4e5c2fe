"""`explain`: the sentences a match's evidence becomes, in each language."""

import pytest

from matchmaker.matching.reasons import Evidence, explain


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Joint development", "Series A", "German"]),
        ("de", ["Gemeinsame Entwicklung", "Serie A", "Deutsch"]),
        ("ja", ["共同開発", "シリーズA", "ドイツ語"]),
    ],
)
def test_partnership_types_stages_and_languages_show_under_their_names(lang, expected):
    evidence = Evidence(
        offer="Battery cells.",
        partnership_types=["joint_development"],
        stages=["series_a"],
        languages=["de"],
    )

    reasons = explain(evidence, lang)

    assert [reason.split(":", 1)[-1].split("：", 1)[-1].strip() for reason in reasons] == expected
    assert not any("_" in reason for reason in reasons)


def test_an_unknown_term_shows_as_it_is_rather_than_breaking():
    [reason] = explain(Evidence(offer="x", stages=["growth_stage_x"]), "en")
    assert reason.endswith("growth_stage_x")


def test_tags_that_only_repeat_the_topics_are_left_out():
    shown = Evidence(offer="x", concepts=["batteries", "mobility"], tags=["batteries"])
    extra = Evidence(offer="x", concepts=["batteries"], tags=["batteries", "automotive"])

    assert explain(shown, "en") == ["Shared topics: batteries, mobility"]
    assert explain(extra, "en")[1] == "Same industries/technologies: automotive"


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_reasons_speak_to_every_reader_and_japanese_uses_full_width_colons(lang):
    evidence = Evidence(
        offer="Battery cells.", aspect="battery cells", concepts=["x"], their_seek="pilots"
    )

    reasons = explain(evidence, lang)

    text = " ".join(reasons)
    for addressed in ("Your ", "you ", "Ihr ", "Ihrem ", "御社", "先方"):
        assert addressed not in text
    if lang == "ja":
        assert ":" not in text and "：" in text
