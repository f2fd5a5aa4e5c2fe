"""Tiny hand-made startup pools where the right answer is obvious, and a fitted matcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matchmaker.matching import Matcher, Profile, profile_from_dict

STARTUPS = [
    {
        "id": "ev-battery",
        "kind": "startup",
        "name": "Voltcell",
        "description": "Battery packs and a battery management system for electric vehicles. "
        "We build lithium-ion cells and battery analytics for EV makers.",
        "industries": ["Automotive"],
        "technologies": ["Batteries"],
        "languages": ["en"],
    },
    {
        "id": "insurtech",
        "kind": "startup",
        "name": "Claimly",
        "description": "Claims automation and fraud detection for insurers.",
        "languages": ["en", "de"],
    },
    {
        "id": "hr-tech",
        "kind": "startup",
        "name": "Hirewise",
        "description": "Recruiting software: applicant tracking and payroll for small businesses.",
        "languages": ["en"],
    },
    {
        "id": "foodtech",
        "kind": "startup",
        "name": "Greenbite",
        "description": "Plant-based meat alternatives and vertical farming for grocery chains.",
        "languages": ["en"],
    },
    {
        "id": "satellites",
        "kind": "startup",
        "name": "Orbitum",
        "description": "Small satellites for earth observation and satellite imagery analytics.",
        "seeks": "Distribution partners in Japan and investment.",
        "languages": ["en", "ja"],
    },
    {
        "id": "robots",
        "kind": "startup",
        "name": "Weldbot",
        "description": "Industrial robots with machine vision for quality inspection in factories.",
        "languages": ["en"],
    },
]


def corporate(seeks: str, **fields) -> Profile:
    """A corporate profile that seeks `seeks`."""
    return profile_from_dict({"id": "corp", "kind": "corporate", "seeks": seeks, **fields})


@pytest.fixture(scope="session")
def startups() -> list[Profile]:
    return [profile_from_dict(data) for data in STARTUPS]


@pytest.fixture(scope="session")
def matcher(startups: list[Profile]) -> Matcher:
    return Matcher().fit(startups)


@pytest.fixture
def write_jsonl(tmp_path: Path):
    """Write dicts (or raw lines) to a JSONL file and return its path."""

    def write(name: str, rows: list) -> Path:
        path = tmp_path / name
        lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path

    return write
