import io

import pytest

from matchmaker.matching import ProfileFormatError, profile_from_dict, read_profiles


def test_unknown_keys_are_ignored_and_missing_optional_keys_are_empty():
    profile = profile_from_dict({"id": "s1", "name": "Acme", "favourite_colour": "blue"})

    assert profile.kind == "startup"
    assert profile.description == "" and profile.industries == () and profile.needs == ()
    assert profile.founded is None


def test_corporate_needs_are_read():
    profile = profile_from_dict(
        {
            "id": "c1",
            "kind": "corporate",
            "needs": [{"id": "n1", "title": "Batteries", "partnership_types": ["pilot"]}],
        }
    )

    assert profile.needs[0].id == "n1"
    assert profile.needs[0].partnership_types == ("pilot",)


def test_malformed_json_names_file_and_line(write_jsonl):
    rows = [{"id": f"s{i}"} for i in range(6)] + ['{"id": "s7", "name": ']
    path = write_jsonl("startups.jsonl", rows)

    with pytest.raises(ProfileFormatError) as error:
        read_profiles(path)

    assert error.value.line == 7
    assert error.value.file == str(path)
    assert "malformed JSON" in str(error.value)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"name": "no id"}', '"id"'),
        ('{"id": "s1", "kind": "investor"}', '"kind"'),
        ('{"id": "s1", "industries": "Fintech", "team_size": "many"}', '"team_size"'),
        ('{"id": "s1", "industries": [1, 2]}', '"industries"'),
        ("[1, 2, 3]", "JSON object"),
    ],
)
def test_invalid_fields_are_reported(line, problem):
    with pytest.raises(ProfileFormatError, match=problem) as error:
        read_profiles(io.StringIO('{"id": "ok"}\n\n' + line + "\n"), name="in.jsonl")

    assert error.value.line == 3


def test_csv_with_list_cells(tmp_path):
    path = tmp_path / "startups.csv"
    path.write_text(
        "id,kind,name,description,industries,languages,extra\n"
        's1,startup,Voltcell,"Batteries, packs",Automotive;Energy,en;de,x\n',
        encoding="utf-8",
    )

    [profile] = read_profiles(path)

    assert profile.description == "Batteries, packs"
    assert profile.industries == ("Automotive", "Energy")
    assert profile.languages == ("en", "de")


def test_csv_row_with_too_many_cells(tmp_path):
    path = tmp_path / "startups.csv"
    path.write_text("id,name\ns1,A\ns2,B,surplus\n", encoding="utf-8")

    with pytest.raises(ProfileFormatError) as error:
        read_profiles(path)

    assert error.value.line == 3


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        # A quote never closed took the rest of the file into one cell, silently.
        ('id,name,description\ns1,A,"Batteries\ns2,B,Robots\n', 2, "never closed"),
        ('id,name\ns1,A\n\ns2,"B"x\ns3,C\n', 4, "',' expected"),
    ],
)
def test_malformed_csv_quoting_names_its_line(tmp_path, text, line, problem):
    path = tmp_path / "startups.csv"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(ProfileFormatError, match=problem) as error:
        read_profiles(path)

    assert error.value.line == line


def test_non_utf8_bytes_name_their_line(tmp_path):
    path = tmp_path / "startups.jsonl"
    path.write_bytes(b'{"id": "s1"}\n{"id": "\xff"}\n')

    with pytest.raises(ProfileFormatError, match="not UTF-8") as error:
        read_profiles(path)

    assert error.value.line == 2
