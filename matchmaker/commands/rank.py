"""`matchmaker rank`: rank startups for corporates from profile files, no app or database.

Reads JSONL profiles (CSV when a file name ends in `.csv`; `-` is stdin) and writes one
JSON line per corporate, plus one per need when a corporate has needs:
`{"corporate_id", ["need_id",] "matches": [{"startup_id", "score", "reasons"}]}`, best first.
Malformed input ends with exit code 2 and one line on stderr naming file, line and problem.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager, suppress
from typing import IO, NoReturn

import click

from matchmaker.matching import (
    LANGUAGES,
    Matcher,
    Profile,
    ProfileFormatError,
    Ranking,
    queries_for,
    read_profiles,
)


@click.command("rank")
@click.option(
    "--startups",
    "startups_path",
    required=True,
    help="Startup profiles (JSONL, or CSV by extension; - for stdin).",
)
@click.option(
    "--corporates",
    "corporates_path",
    required=True,
    help="Corporate profiles with optional needs (JSONL, or CSV by extension; - for stdin).",
)
@click.option("--top", "top_k", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--output", "output_path", default="-", show_default=True, help="- for stdout.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to analyse and rank in (default: one per CPU).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Report progress on stderr (default: only when stderr is a terminal).",
)
def rank_command(
    startups_path: str,
    corporates_path: str,
    top_k: int,
    output_path: str,
    lang: str,
    jobs: int | None,
    progress: bool | None,
) -> None:
    """Rank startups for each corporate and each of its needs."""
    if startups_path == "-" and corporates_path == "-":
        raise click.UsageError("only one of --startups and --corporates can be stdin")
    try:
        with ExitStack() as opened:
            try:
                # Opened first: an unwritable output fails before minutes of work.
                stream = opened.enter_context(_output(output_path))
            except OSError as error:
                _fail(f"{output_path}: {error.strerror}")
            try:
                startups = _read(startups_path)
                corporates = _read(corporates_path)
            except ProfileFormatError as error:
                _fail(str(error))
            except OSError as error:
                _fail(f"{error.filename}: {error.strerror}")
            show_progress = sys.stderr.isatty() if progress is None else progress
            report = _reporter() if show_progress else None
            # One BLAS thread each: the processes use the CPUs, and any number of them
            # gives the same numbers.
            matcher = Matcher(lang=lang, n_jobs=jobs or -1)
            try:
                if report:
                    click.echo(f"Fitting on {len(startups)} startups…", err=True)
                matcher.fit(startups)
                rankings = matcher.rank(queries_for(corporates), top_k=top_k, progress=report)
            except BrokenProcessPool:
                _fail("a process ended unexpectedly (out of memory?); try fewer --jobs")
            _write(rankings, stream)
            stream.flush()
    except OSError as error:  # writing, flushing or closing the output
        _fail(f"{output_path}: {error.strerror}")


@contextmanager
def _output(path: str) -> Iterator[IO[str]]:
    """The stream to write to. A file is written beside its place and takes it only when
    all went well: an error leaves an existing file as it was. Anything else (a device, a
    pipe, a symbolic link such as /dev/stdout) and a file in a folder that may not be
    written to are written to directly."""
    if path == "-":
        yield sys.stdout
        return
    try:
        mode: int | None = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    partial = None
    if mode is None or stat.S_ISREG(mode):
        directory, name = os.path.split(os.path.abspath(path))
        try:
            handle, partial = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=directory)
        except PermissionError:
            if mode is None:
                raise
    if partial is None:
        with open(path, "w", encoding="utf-8") as stream:
            yield stream
        return
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
        os.replace(partial, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(partial)
        raise


def _fail(message: str) -> NoReturn:
    """One line on stderr and exit code 2; an output file opened already stays as it was."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def _read(path: str) -> list[Profile]:
    if path == "-":
        # As bytes, so that text that is not UTF-8 is refused as it is from a file.
        return read_profiles(sys.stdin.buffer, name="<stdin>")
    return read_profiles(path)


def _write(rankings: list[Ranking], output: IO[str]) -> None:
    for ranking in rankings:
        row: dict = {"corporate_id": ranking.query_id}
        if ranking.need_id is not None:
            row["need_id"] = ranking.need_id
        row["matches"] = [
            {"startup_id": m.startup_id, "score": m.score, "reasons": m.reasons}
            for m in ranking.matches
        ]
        output.write(json.dumps(row, ensure_ascii=False) + "\n")


def _reporter() -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        click.echo(f"\rRanked {done}/{total} queries", err=True, nl=done == total)

    return report


if __name__ == "__main__":
    rank_command()
