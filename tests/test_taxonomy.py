"""The EN/DE/JA taxonomy: data files, retirement, labels and form choices."""

import pytest

from matchmaker import taxonomy
from matchmaker.taxonomy import VOCABULARIES, taxonomy_version, validate_data, vocabulary


def retired_terms():
    return [
        (name, term) for name in VOCABULARIES for term in vocabulary(name).terms if term.retired
    ]


def test_shipped_data_files_are_valid():
    assert validate_data() == []


def test_every_vocabulary_loads_once_with_a_version_in_the_combined_version():
    combined = taxonomy_version()
    for name in VOCABULARIES:
        vocab = vocabulary(name)
        assert vocab is vocabulary(name)
        assert vocab.name == name
        assert vocab.active_terms()
        assert f"{name}:{vocab.version}" in combined


def test_partnership_types_are_exactly_the_eight_agreed_ids():
    assert [term.id for term in vocabulary("partnership_types").terms] == [
        "pilot",
        "joint_development",
        "distribution",
        "supplier",
        "licensing",
        "investment",
        "market_entry_europe",
        "market_entry_japan",
    ]


def test_stages_and_languages_hold_the_agreed_ids():
    assert [term.id for term in vocabulary("stages").terms] == [
        "idea",
        "pre_seed",
        "seed",
        "series_a",
        "series_b_plus",
        "growth",
    ]
    assert {"en", "de", "ja"} <= {term.id for term in vocabulary("languages").active_terms()}


def test_labels_are_written_in_each_language():
    technologies = vocabulary("technologies")
    assert technologies.label("predictive_maintenance", "ja") == "予知保全"
    assert technologies.label("predictive_maintenance", "de") == "Vorausschauende Wartung"
    assert vocabulary("industries").label("logistics_supply_chain", "ja") == (
        "物流\N{KATAKANA MIDDLE DOT}サプライチェーン"
    )
    assert vocabulary("languages").label("ja", "ja") == "日本語"


def test_a_retired_term_stays_known_but_is_not_offered_for_new_input():
    assert retired_terms(), "the data should exercise retirement at least once"
    for name, term in retired_terms():
        vocab = vocabulary(name)
        assert term.id in vocab
        assert vocab.get(term.id) is term
        assert not vocab.is_active(term.id)
        assert term not in vocab.active_terms()
        assert all(term.labels[locale] for locale in ("en", "de", "ja"))
        assert vocab.label(term.id, "de") == term.labels["de"]
        for locale in ("en", "de", "ja"):
            assert term.id not in dict(vocab.choices(locale))
            offered = dict(vocab.choices(locale, include=[term.id]))
            assert offered[term.id] == term.label(locale)


def test_a_retired_term_names_active_successors():
    for name, term in retired_terms():
        assert term.replaced_by
        assert all(vocabulary(name).is_active(successor) for successor in term.replaced_by)


def test_include_adds_nothing_for_active_or_unknown_ids():
    industries = vocabulary("industries")
    plain = industries.choices("en")
    assert industries.choices("en", include=["automotive", "no_such_industry"]) == plain
    assert len(plain) == len(industries.active_terms())


def test_label_falls_back_to_english_and_unknown_ids_show_as_is():
    technologies = vocabulary("technologies")
    english = technologies.label("predictive_maintenance", "en")
    assert technologies.label("predictive_maintenance", "fr") == english
    assert technologies.get("predictive_maintenance").label("pt_BR") == english
    assert technologies.label("predictive_maintenance", "de_DE") == "Vorausschauende Wartung"
    assert technologies.label("predictive_maintenance", "ja-JP") == "予知保全"
    assert technologies.label("no_such_technology", "de") == "no_such_technology"
    assert "no_such_technology" not in technologies
    assert technologies.get("no_such_technology") is None
    assert not technologies.is_active("no_such_technology")


def test_choices_are_sorted_by_label_in_the_requested_locale():
    industries = vocabulary("industries")
    english = [label for _, label in industries.choices("en")]
    assert english == sorted(english, key=str.casefold)

    german = [label for _, label in industries.choices("de")]
    # An umlaut sorts with its base letter, as in a German dictionary, not after "Z".
    public_sector = german.index("Öffentlicher Sektor")
    assert german[public_sector - 1][0] < "O" < german[public_sector + 1][0]

    japanese = industries.choices("ja")
    assert all(label == industries.label(term_id, "ja") for term_id, label in japanese)
    english_ids = [term_id for term_id, _ in industries.choices("en")]
    assert [term_id for term_id, _ in japanese] != english_ids


def test_stages_keep_their_natural_order_in_every_locale():
    stages = vocabulary("stages")
    for locale in ("en", "de", "ja"):
        assert [term_id for term_id, _ in stages.choices(locale)][:2] == ["idea", "pre_seed"]
        assert stages.choices(locale)[-1][0] == "growth"


def test_unknown_vocabulary_name_raises_key_error_naming_it():
    with pytest.raises(KeyError, match="industry"):
        vocabulary("industry")


def test_validate_data_reports_broken_files(monkeypatch):
    def broken(name):
        return {
            "vocabulary": name,
            "version": "" if name == "stages" else "2026-11-1",
            "terms": [
                {"id": "Fine-Id", "labels": {"en": "A", "de": "A", "ja": "A"}, "retired": False},
                {"id": "twice", "labels": {"en": "B", "de": "B", "ja": ""}, "retired": False},
                {"id": "twice", "labels": {"en": "a", "de": "C", "ja": "C"}, "retired": "no"},
            ],
        }

    monkeypatch.setattr(taxonomy, "_read_raw", broken)
    problems = "\n".join(validate_data())
    assert "stages: 'version'" in problems
    assert "industries: term 'Fine-Id': id must be snake_case ASCII" in problems
    assert "industries: term 'twice': duplicate id" in problems
    assert "industries: term 'twice': missing ja label" in problems
    assert "industries: term 'twice': en label 'a' already used by 'Fine-Id'" in problems
    assert "'retired' must be true or false" in problems
