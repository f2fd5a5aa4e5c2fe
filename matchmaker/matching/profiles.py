"""Profiles in the exchange format (DESIGN.md, "Profile exchange format") and their readers.

A profile is one JSON object per line (JSONL) or one row of a CSV file. Unknown keys are
ignored and missing optional keys are empty, so that older and newer exports both load.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

PROFILE_KINDS = ("startup", "corporate")


class ProfileFormatError(ValueError):
    """A profile file could not be read; `file` and `line` say where (line counts from 1)."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}, line {line}: {message}")
        self.file = file
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Need:
    """One need of a corporate ("we seek predictive maintenance for our plants")."""

    id: str
    title: str = ""
    description: str = ""
    technologies: tuple[str, ...] = ()
    partnership_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    """A startup or corporate profile.

    `partnership_types` are the kinds of partnership a profile is open to (pilot, licensing,
    investment, ...); `stage` is a startup's stage and `target_stages` the stages a corporate
    looks for. All three are optional and only compared when both sides give them.
    """

    id: str
    kind: str
    name: str = ""
    description: str = ""
    offers: str = ""
    seeks: str = ""
    industries: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    country: str = ""
    city: str = ""
    founded: int | None = None
    team_size: int | None = None
    languages: tuple[str, ...] = ()
    partnership_types: tuple[str, ...] = ()
    stage: str = ""
    target_stages: tuple[str, ...] = ()
    needs: tuple[Need, ...] = field(default=())


def profile_from_dict(data: Mapping[str, Any]) -> Profile:
    """Build a `Profile` from one decoded exchange-format object.

    Raises `ValueError` with a short message naming the offending field.
    """
    if not isinstance(data, Mapping):
        raise ValueError("a profile must be a JSON object")
    profile_id = _text(data, "id")
    if not profile_id:
        raise ValueError('field "id" is missing or empty')
    kind = _text(data, "kind") or "startup"
    if kind not in PROFILE_KINDS:
        raise ValueError(f'field "kind" must be "startup" or "corporate", not "{kind}"')
    needs = data.get("needs") or []
    if not isinstance(needs, list):
        raise ValueError('field "needs" must be a list')
    return Profile(
        id=profile_id,
        kind=kind,
        name=_text(data, "name"),
        description=_text(data, "description"),
        offers=_text(data, "offers"),
        seeks=_text(data, "seeks"),
        industries=_strings(data, "industries"),
        technologies=_strings(data, "technologies"),
        country=_text(data, "country"),
        city=_text(data, "city"),
        founded=_integer(data, "founded"),
        team_size=_integer(data, "team_size"),
        languages=tuple(lang.lower() for lang in _strings(data, "languages")),
        partnership_types=_strings(data, "partnership_types"),
        stage=_text(data, "stage"),
        target_stages=_strings(data, "target_stages"),
        needs=tuple(_need_from_dict(need, index) for index, need in enumerate(needs, 1)),
    )


def read_profiles(
    source: str | os.PathLike[str] | IO[str] | IO[bytes], *, name: str = ""
) -> list[Profile]:
    """Read profiles from a path or an open text or binary stream (bytes, as from a file
    or `sys.stdin.buffer`, are decoded as UTF-8 and refused when they are not).

    JSONL by default; CSV when the path (or `name`) ends in `.csv`, with list fields written
    as `;`-separated cells. Blank lines are skipped. Raises `ProfileFormatError` naming the
    file, the line and the problem for the first malformed record (or repeated id).
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with open(path, "rb") as stream:
            return read_profiles(stream, name=name or path)
    name = name or getattr(source, "name", "") or "<stream>"
    if isinstance(source, (io.RawIOBase, io.BufferedIOBase)):
        data = source.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ProfileFormatError(name, line, "not UTF-8 text") from None
        return read_profiles(io.StringIO(text, newline=""), name=name)
    reader = _csv_records if name.lower().endswith(".csv") else _jsonl_records
    profiles = []
    lines: dict[str, int] = {}  # where each id was first seen
    for line, record in reader(source, name):
        try:
            profile = profile_from_dict(record)
        except ValueError as error:
            raise ProfileFormatError(name, line, str(error)) from None
        first = lines.setdefault(profile.id, line)
        if first != line:
            raise ProfileFormatError(name, line, f'id "{profile.id}" is used on line {first} too')
        profiles.append(profile)
    return profiles


def _jsonl_records(stream: IO[str], name: str) -> Iterator[tuple[int, Any]]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ProfileFormatError(
                    name, number, f"malformed JSON ({error.msg}, column {error.colno})"
                ) from None
            except (ValueError, RecursionError) as error:
                # An integer of thousands of digits, or arrays nested thousands deep.
                problem = "too deep" if isinstance(error, RecursionError) else "number too long"
                raise ProfileFormatError(name, number, f"malformed JSON ({problem})") from None
            yield number, record
    except UnicodeDecodeError:
        raise ProfileFormatError(name, number + 1, "not UTF-8 text") from None


def _csv_records(stream: IO[str], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = stream.read()
    except UnicodeDecodeError:
        raise ProfileFormatError(name, 0, "not UTF-8 text") from None
    # Strict: a quote opened and never closed would otherwise swallow the rest of the file
    # into one cell.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    start = 1  # the line where the record being read begins
    try:
        if reader.fieldnames is not None:  # reads the header
            start = reader.line_num + 1
        for row in reader:
            if None in row:
                raise ProfileFormatError(name, reader.line_num, "more cells than header columns")
            start = reader.line_num + 1
            if not any((value or "").strip() for value in row.values()):
                continue
            record: dict[str, Any] = dict(row)
            for key in _LIST_FIELDS:
                if isinstance(record.get(key), str):
                    record[key] = [item.strip() for item in record[key].split(";") if item.strip()]
            yield reader.line_num, record
    except csv.Error as error:
        if "end of data" in str(error):  # found at the end of the file; the quote opened here
            raise ProfileFormatError(
                name, start, "malformed CSV (a quoted cell is never closed)"
            ) from None
        # The reader counts a line once it has parsed it: the faulty one is the next.
        raise ProfileFormatError(name, reader.line_num + 1, f"malformed CSV ({error})") from None


_LIST_FIELDS = (
    "industries",
    "technologies",
    "languages",
    "partnership_types",
    "target_stages",
)


def _need_from_dict(data: Any, index: int) -> Need:
    if not isinstance(data, Mapping):
        raise ValueError(f"need {index} must be a JSON object")
    return Need(
        id=_text(data, "id") or str(index),
        title=_text(data, "title"),
        description=_text(data, "description"),
        technologies=_strings(data, "technologies"),
        partnership_types=_strings(data, "partnership_types"),
    )


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f'field "{key}" must be text')
    return _valid_unicode(str(value), key).strip()


def _valid_unicode(text: str, key: str) -> str:
    # JSON can spell a lone surrogate ("\ud800"), which no UTF-8 output can hold.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f'field "{key}" holds an invalid character (a lone surrogate)') from None
    return text


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ValueError(f'field "{key}" must be a list of strings')
    return tuple(_valid_unicode(item, key).strip() for item in value if item.strip())


def _integer(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: 1e400 is infinite
        raise ValueError(f'field "{key}" must be a whole number') from None
