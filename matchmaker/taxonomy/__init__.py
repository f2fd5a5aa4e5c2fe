"""Versioned EN/DE/JA taxonomy: the controlled vocabularies profiles are tagged with.

Each vocabulary is a JSON data file next to this module (``industries.json``,
``technologies.json``, ...), read once through :mod:`importlib.resources` and cached, so
this works from a source tree and from an installed wheel alike.

Terms are **retired, never deleted**: a retired term keeps its id and labels so that old
profiles, stored match features and statistics stay readable, but it is no longer offered
for new input (see :meth:`Vocabulary.choices`). A retired term may name the finer terms
that replaced it in ``replaced_by``.

File format::

    {"vocabulary": "<name>", "version": "<YYYY-MM-N>", "ordered": false,   # optional
     "terms": [{"id": "<snake_case>", "labels": {"en": "...", "de": "...", "ja": "..."},
                "retired": false, "replaced_by": ["<id>", ...]}, ...]}    # replaced_by optional

``ordered: true`` marks a vocabulary whose file order is meaningful (startup stages run
from idea to growth), so its choices keep that order instead of being sorted by label.

This module imports neither Flask nor the ORM.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = [
    "LOCALES",
    "VOCABULARIES",
    "Term",
    "Vocabulary",
    "taxonomy_version",
    "validate_data",
    "vocabulary",
]

VOCABULARIES = ("industries", "technologies", "partnership_types", "stages", "languages")
"""Names of all vocabularies; each is the data file ``<name>.json`` in this package."""

LOCALES = ("en", "de", "ja")
"""Locales every term must carry a label for; ``en`` is the fallback."""

FALLBACK_LOCALE = "en"

_ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_VERSION_PATTERN = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-[1-9]\d*")


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a stable id, its labels per locale, and whether it is retired.

    ``labels`` is shared by every caller of the cached vocabulary: treat it as read-only.
    """

    id: str
    labels: dict[str, str] = field(hash=False)
    retired: bool = False
    replaced_by: tuple[str, ...] = ()

    def label(self, locale: str) -> str:
        """The label in ``locale`` (``"de"``, ``"de_DE"`` and ``"de-AT"`` all mean German),
        falling back to English for a locale the taxonomy has no labels for."""
        return self.labels.get(_language(locale)) or self.labels[FALLBACK_LOCALE]


class Vocabulary:
    """A named, versioned list of terms, in file order, retired terms included."""

    __slots__ = ("_by_id", "name", "ordered", "terms", "version")

    def __init__(
        self, name: str, version: str, terms: Iterable[Term], *, ordered: bool = False
    ) -> None:
        self.name = name
        self.version = version
        self.terms: tuple[Term, ...] = tuple(terms)
        self.ordered = ordered
        self._by_id = {term.id: term for term in self.terms}

    def __repr__(self) -> str:
        return f"<Vocabulary {self.name} {self.version} ({len(self.terms)} terms)>"

    def __contains__(self, term_id: object) -> bool:
        """True for every known id, retired ones included (old data stays valid)."""
        return isinstance(term_id, str) and term_id in self._by_id

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term_id: str) -> Term | None:
        """The term with this id, retired or not, or ``None`` if the id is unknown."""
        return self._by_id.get(term_id)

    def active_terms(self) -> list[Term]:
        """Terms that may be chosen for new input, in file order."""
        return [term for term in self.terms if not term.retired]

    def is_active(self, term_id: str) -> bool:
        """True if the id is known and not retired, i.e. acceptable for new input."""
        term = self._by_id.get(term_id)
        return term is not None and not term.retired

    def label(self, term_id: str, locale: str) -> str:
        """The term's label in ``locale`` (English fallback); an unknown id is returned as is,
        so a display never breaks on data the taxonomy does not know."""
        term = self._by_id.get(term_id)
        return term.label(locale) if term is not None else term_id

    def labels(self, term_ids: Iterable[str], locale: str) -> list[str]:
        """`label` of each of the terms, in their order."""
        return [self.label(term_id, locale) for term_id in term_ids]

    def choices(self, locale: str, include: Iterable[str] = ()) -> list[tuple[str, str]]:
        """``(id, label)`` pairs to offer in a form, for ``locale``.

        All active terms, plus the retired terms whose ids are in ``include`` (the values an
        existing profile already holds, so editing it neither hides nor silently drops them).
        Ids in ``include`` that are unknown or already active add nothing. Sorted by label,
        ignoring case and accents, with katakana and hiragana treated alike; a vocabulary marked
        ``ordered`` keeps its file order instead.
        """
        kept = set(include)
        terms = [term for term in self.terms if not term.retired or term.id in kept]
        pairs = [(term.id, term.label(locale)) for term in terms]
        if not self.ordered:
            pairs.sort(key=lambda pair: (_collation_key(pair[1]), pair[1], pair[0]))
        return pairs


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called ``name`` (one of :data:`VOCABULARIES`), loaded once and cached.

    Raises ``KeyError`` for an unknown name and ``ValueError`` if its data file is invalid.
    """
    if name not in VOCABULARIES:
        raise KeyError(
            f"unknown taxonomy vocabulary {name!r}; expected one of: {', '.join(VOCABULARIES)}"
        )
    return _load(name)


def taxonomy_version() -> str:
    """One string naming the version of every vocabulary, e.g.
    ``"industries:2026-11-1;technologies:2026-11-1;..."``; it changes whenever any one does,
    so it can be stored beside data that was computed from the taxonomy."""
    return ";".join(f"{name}:{vocabulary(name).version}" for name in VOCABULARIES)


def validate_data() -> list[str]:
    """Check every data file and return the problems found, one message each (empty: fine).

    Checks: file readable JSON with the expected vocabulary name and a ``YYYY-MM-N`` version;
    term ids unique and snake_case ASCII; non-empty ``en``/``de``/``ja`` labels; labels unique
    per locale within a vocabulary; ``retired`` a boolean; ``replaced_by`` naming active terms.
    """
    problems: list[str] = []
    for name in VOCABULARIES:
        try:
            raw = _read_raw(name)
        except (OSError, ValueError) as error:
            problems.append(f"{name}: cannot read {name}.json: {error}")
            continue
        problems.extend(f"{name}: {problem}" for problem in _check(name, raw))
    return problems


# --- loading ---------------------------------------------------------------------------------


def _read_raw(name: str) -> Any:
    """The parsed JSON of ``<name>.json`` inside this package."""
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _load(name: str) -> Vocabulary:
    raw = _read_raw(name)
    problems = _check(name, raw)
    if problems:
        # A half-loaded vocabulary would tag profiles with garbage; fail loudly instead.
        raise ValueError(f"invalid taxonomy file {name}.json: " + "; ".join(problems))
    terms = (
        Term(
            id=entry["id"],
            labels=dict(entry["labels"]),
            retired=entry["retired"],
            replaced_by=tuple(entry.get("replaced_by", ())),
        )
        for entry in raw["terms"]
    )
    return Vocabulary(raw["vocabulary"], raw["version"], terms, ordered=raw.get("ordered", False))


def _check(name: str, raw: Any) -> list[str]:
    """Problems in one vocabulary's parsed file, without the vocabulary-name prefix."""
    if not isinstance(raw, dict):
        return ["the file must hold a JSON object"]
    problems: list[str] = []
    if raw.get("vocabulary") != name:
        problems.append(f"'vocabulary' is {raw.get('vocabulary')!r}, expected {name!r}")
    version = raw.get("version")
    if not isinstance(version, str) or not _VERSION_PATTERN.fullmatch(version):
        problems.append(f"'version' must look like YYYY-MM-N, got {version!r}")
    if not isinstance(raw.get("ordered", False), bool):
        problems.append("'ordered' must be true or false")
    terms = raw.get("terms")
    if not isinstance(terms, list) or not terms:
        problems.append("'terms' must be a non-empty list")
        return problems

    seen_ids: set[str] = set()
    seen_labels: dict[str, dict[str, str]] = {locale: {} for locale in LOCALES}
    active_ids = {
        entry.get("id")
        for entry in terms
        if isinstance(entry, dict) and entry.get("retired") is False
    }
    for position, entry in enumerate(terms):
        if not isinstance(entry, dict):
            problems.append(f"term #{position} must be an object")
            continue
        term_id = entry.get("id")
        where = f"term {term_id!r}" if isinstance(term_id, str) else f"term #{position}"
        if not isinstance(term_id, str) or not _ID_PATTERN.fullmatch(term_id):
            problems.append(f"{where}: id must be snake_case ASCII")
        elif term_id in seen_ids:
            problems.append(f"{where}: duplicate id")
        else:
            seen_ids.add(term_id)
        if not isinstance(entry.get("retired"), bool):
            problems.append(f"{where}: 'retired' must be true or false")
        replaced_by = entry.get("replaced_by", [])
        if not isinstance(replaced_by, list):
            problems.append(f"{where}: 'replaced_by' must be a list of ids")
        else:
            problems.extend(
                f"{where}: replaced_by {successor!r} is not an active term"
                for successor in replaced_by
                if successor not in active_ids
            )
        labels = entry.get("labels")
        if not isinstance(labels, dict):
            problems.append(f"{where}: 'labels' must be an object")
            continue
        for locale in LOCALES:
            label = labels.get(locale)
            if not isinstance(label, str) or not label.strip():
                problems.append(f"{where}: missing {locale} label")
                continue
            key = label.strip().casefold()
            other = seen_labels[locale].get(key)
            if other is not None:
                problems.append(f"{where}: {locale} label {label!r} already used by {other!r}")
            else:
                seen_labels[locale][key] = str(term_id)
        problems.extend(
            f"{where}: label for {locale!r} must be a non-empty string"
            for locale, label in labels.items()
            if locale not in LOCALES and (not isinstance(label, str) or not label.strip())
        )
    return problems


# --- helpers ---------------------------------------------------------------------------------


def _language(locale: str) -> str:
    """The primary language subtag: ``"de_DE"`` and ``"de-AT"`` become ``"de"``."""
    return str(locale).replace("-", "_").split("_", 1)[0].lower()


_KATAKANA = range(0x30A1, 0x30F6 + 1)  # ァ .. ヶ
_KATAKANA_TO_HIRAGANA = 0x60


def _collation_key(label: str) -> str:
    """A sort key close to a dictionary's order without ICU: accents and case ignored
    ("Öffentlicher" sorts with "O", not after "Z"), compatibility forms folded (full-width
    letters, "₂"), katakana folded to hiragana so kana words sort in gojūon order. Kanji keep
    code-point order, since their readings are not in the data."""
    decomposed = unicodedata.normalize("NFKD", label)
    base = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return "".join(
        chr(ord(char) - _KATAKANA_TO_HIRAGANA) if ord(char) in _KATAKANA else char for char in base
    )
