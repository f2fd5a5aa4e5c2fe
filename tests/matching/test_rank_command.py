import json
import os
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest
from click.testing import CliRunner

from matchmaker.commands.rank import rank_command
from matchmaker.matching import Matcher

from .conftest import STARTUPS

CORPORATES = [
    {
        "id": "c1",
        "kind": "corporate",
        "name": "Kansai Auto Europe",
        "seeks": "Battery packs and battery management for electric vehicles.",
        "languages": ["en", "ja"],
        "needs": [
            {"id": "n1", "title": "Fraud detection", "description": "for insurance claims"},
        ],
        "shoe_size": 44,
    },
    {"id": "c2", "kind": "corporate", "seeks": "Recruiting and payroll software."},
]


def rank(*args: str, input: str | None = None):
    return CliRunner().invoke(rank_command, list(args), input=input)


def read_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ranks_each_corporate_and_each_need(write_jsonl, tmp_path):
    startups = write_jsonl("startups.jsonl", STARTUPS)
    corporates = write_jsonl("corporates.jsonl", CORPORATES)
    output = tmp_path / "out.jsonl"

    result = rank(
        "--startups",
        str(startups),
        "--corporates",
        str(corporates),
        "--top",
        "2",
        "--output",
        str(output),
    )

    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no progress unless asked: stderr is no terminal here
    rows = read_lines(output)
    assert [(row["corporate_id"], row.get("need_id")) for row in rows] == [
        ("c1", None),
        ("c1", "n1"),
        ("c2", None),
    ]
    assert rows[0]["matches"][0]["startup_id"] == "ev-battery"
    assert rows[1]["matches"][0]["startup_id"] == "insurtech"
    assert rows[2]["matches"][0]["startup_id"] == "hr-tech"
    for row in rows:
        assert len(row["matches"]) <= 2
        for match in row["matches"]:
            assert set(match) == {"startup_id", "score", "reasons"}
            assert 0 < match["score"] <= 1 and match["reasons"]


def test_malformed_json_exits_2_with_one_line_naming_file_and_line(write_jsonl):
    lines = [json.dumps(row) for row in STARTUPS] + ['{"id": "broken", ']
    assert len(lines) == 7
    startups = write_jsonl("startups.jsonl", lines)
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank("--startups", str(startups), "--corporates", str(corporates))

    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert str(startups) in line and "line 7" in line and "malformed JSON" in line


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "a", "founded": 1e400}', 'line 1: field "founded" must be a whole number'),
        ('{"team_size": ' + "9" * 5000 + "}", "line 1: malformed JSON (number too long)"),
        ("[" * 100_000 + "]" * 100_000, "line 1: malformed JSON (too deep)"),
        ('{"id": "a", "description": "robots \\ud800"}', 'line 1: field "description" holds'),
    ],
)
def test_input_beyond_what_python_reads_exits_2_with_one_line(write_jsonl, line, problem):
    # Valid JSON still: an infinite year, a number of 5,000 digits, arrays nested 100,000
    # deep, a lone surrogate (which no UTF-8 output could hold).
    startups = write_jsonl("startups.jsonl", [line])
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank("--startups", str(startups), "--corporates", str(corporates))

    assert result.exit_code == 2
    [message] = result.stderr.splitlines()
    assert problem in message


def test_an_id_used_twice_exits_2_naming_both_lines(write_jsonl):
    startups = write_jsonl("startups.jsonl", [*STARTUPS, STARTUPS[1]])
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank("--startups", str(startups), "--corporates", str(corporates))

    assert result.exit_code == 2
    line = len(STARTUPS) + 1
    assert f'line {line}: id "{STARTUPS[1]["id"]}" is used on line 2 too' in result.stderr


def test_stdin_that_is_not_utf8_is_refused_as_a_file_is(write_jsonl):
    # Under the C locale Python reads stdin with "surrogateescape": the bad bytes came
    # through as text and broke the output.
    corporates = write_jsonl("corporates.jsonl", CORPORATES)
    latin1 = '{"id": "a", "name": "Café Robotics"}\n'.encode("latin-1")

    command = ["-m", "matchmaker.commands.rank", "--startups", "-", "--corporates"]
    completed = subprocess.run(
        [sys.executable, *command, str(corporates)],
        input=latin1,
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0"},
    )

    assert completed.returncode == 2
    assert completed.stderr.decode() == "Error: <stdin>, line 1: not UTF-8 text\n"


def test_missing_file_exits_2(tmp_path, write_jsonl):
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank("--startups", str(tmp_path / "nope.jsonl"), "--corporates", str(corporates))

    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "nope.jsonl" in result.stderr


def test_empty_pool_gives_empty_matches(write_jsonl):
    startups = write_jsonl("startups.jsonl", [])
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank("--startups", str(startups), "--corporates", str(corporates))

    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3 and all(row["matches"] == [] for row in rows)


def test_csv_input_stdin_and_german_reasons(tmp_path):
    startups = tmp_path / "startups.csv"
    startups.write_text(
        "id,kind,name,description,industries,languages\n"
        'ev,startup,Voltcell,"Battery packs for electric vehicles",Automotive,en;de\n'
        "hr,startup,Hirewise,Recruiting software,,en\n",
        encoding="utf-8",
    )
    stdin = json.dumps({"id": "c1", "kind": "corporate", "seeks": "Batteriemanagement"}) + "\n"

    result = rank("--startups", str(startups), "--corporates", "-", "--lang", "de", input=stdin)

    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["matches"][0]["startup_id"] == "ev"
    assert any(reason.startswith("Gemeinsame Themen") for reason in row["matches"][0]["reasons"])


def test_progress_on_request(write_jsonl, tmp_path):
    startups = write_jsonl("startups.jsonl", STARTUPS)
    corporates = write_jsonl("corporates.jsonl", CORPORATES)

    result = rank(
        "--startups",
        str(startups),
        "--corporates",
        str(corporates),
        "--output",
        str(tmp_path / "out.jsonl"),
        "--progress",
    )

    assert result.exit_code == 0
    assert "3/3" in result.stderr


@pytest.mark.parametrize("top", ["0", "many"])
def test_bad_options_are_usage_errors(write_jsonl, top):
    path = write_jsonl("p.jsonl", STARTUPS)

    assert rank("--startups", str(path), "--corporates", str(path), "--top", top).exit_code == 2


def test_runs_as_a_module(write_jsonl):
    startups = write_jsonl("startups.jsonl", STARTUPS)
    corporates = write_jsonl("corporates.jsonl", CORPORATES[1:])

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "matchmaker.commands.rank",
            "--startups",
            str(startups),
            "--corporates",
            str(corporates),
            "--top",
            "1",
        ],
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(completed.stdout)["matches"][0]["startup_id"] == "hr-tech"


@pytest.fixture
def profile_files(write_jsonl):
    """The startups and corporates above, as JSONL files."""
    return write_jsonl("startups.jsonl", STARTUPS), write_jsonl("corporates.jsonl", CORPORATES)


def console(*argv: str, then: str = "") -> subprocess.CompletedProcess:
    """Run the `matchmaker` console script with `argv` in a fresh interpreter (whose
    imports are its own), then the code `then`; a non-zero exit fails the run."""
    code = (
        "import sys\n"
        "from matchmaker.console import main\n"
        f"sys.argv = ['matchmaker', *{list(argv)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as end:\n"
        "    assert not end.code, end.code\n"
    ) + then
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_the_console_script_ranks_without_loading_the_app(profile_files, tmp_path):
    startups, corporates = profile_files
    output = tmp_path / "out.jsonl"
    args = ["--startups", str(startups), "--corporates", str(corporates), "--output", str(output)]

    done = console(
        "rank",
        *args,
        then="print(sorted(name for name in ('flask', 'sqlalchemy') if name in sys.modules))\n",
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert [row["corporate_id"] for row in read_lines(output)] == ["c1", "c1", "c2"]


def test_the_console_script_hands_other_commands_to_the_app_command_line():
    done = console("--help")

    assert done.returncode == 0, done.stderr
    for command in ("db", "demo", "matches", "rank", "users"):
        assert f"  {command} " in done.stdout


def test_jobs_option(profile_files, tmp_path):
    startups, corporates = profile_files
    outputs = []
    for jobs in ("1", "2"):
        output = tmp_path / f"out-{jobs}.jsonl"
        args = ["--startups", str(startups), "--corporates", str(corporates), "--jobs", jobs]
        assert rank(*args, "--output", str(output)).exit_code == 0
        outputs.append(output.read_text(encoding="utf-8"))

    refused = rank("--startups", str(startups), "--corporates", str(corporates), "--jobs", "0")

    assert outputs[0] == outputs[1] != ""
    assert refused.exit_code == 2
    assert "--jobs" in refused.output


def test_bad_input_leaves_an_existing_output_file_as_it_was(write_jsonl, tmp_path):
    startups = write_jsonl("startups.jsonl", [*STARTUPS[:3], "{not json"])
    corporates = write_jsonl("corporates.jsonl", CORPORATES)
    output = tmp_path / "out.jsonl"
    output.write_text("yesterday's rankings\n", encoding="utf-8")
    before = sorted(path.name for path in tmp_path.iterdir())

    result = rank(
        "--startups", str(startups), "--corporates", str(corporates), "--output", str(output)
    )

    assert result.exit_code == 2
    assert "startups.jsonl, line 4" in result.stderr
    assert output.read_text(encoding="utf-8") == "yesterday's rankings\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == before  # nothing left behind


def test_an_unwritable_output_fails_at_once_with_one_line(profile_files, tmp_path):
    startups, corporates = profile_files
    output = tmp_path / "no such folder" / "out.jsonl"

    result = rank(
        "--startups", str(startups), "--corporates", str(corporates), "--output", str(output)
    )

    assert result.exit_code == 2
    assert result.stderr == f"Error: {output}: No such file or directory\n"


def test_an_output_given_as_a_symbolic_link_is_written_where_it_leads(profile_files, tmp_path):
    startups, corporates = profile_files
    target = tmp_path / "target.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)

    result = rank(
        "--startups", str(startups), "--corporates", str(corporates), "--output", str(link)
    )

    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert [row["corporate_id"] for row in read_lines(target)] == ["c1", "c1", "c2"]


def test_a_process_that_dies_ends_the_command_with_one_line(profile_files, tmp_path, monkeypatch):
    def dies(*args, **kwargs):
        raise BrokenProcessPool("A child process terminated abruptly")

    monkeypatch.setattr(Matcher, "rank", dies)
    startups, corporates = profile_files
    output = tmp_path / "out.jsonl"

    result = rank(
        "--startups", str(startups), "--corporates", str(corporates), "--output", str(output)
    )

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "try fewer --jobs" in result.stderr
    assert not output.exists() and list(tmp_path.glob(".out.jsonl.*")) == []
