"""Human-readable reasons for a match, in the viewer's language (en, de, ja).

The matcher collects the `Evidence` of a pair (shared concepts, the clause of the need
that matched the startup's offer, the strongest shared terms, ...); `explain` turns it into
a few short sentences. Concept names are the glossary's in the viewer's language; quoted
clauses and terms stay in the language they were written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_TEMPLATES = {
    "en": {
        "aspect": 'Your need "{aspect}" ↔ their offer: "{offer}"',
        "concepts": "Shared topics: {items}",
        "terms": "Strongest shared terms: {items}",
        "reverse": 'They seek "{seek}", which fits what you offer',
        "tags": "Same industries/technologies: {items}",
        "partnership": "Open to the same kind of partnership: {items}",
        "stage": "At the stage you look for: {items}",
        "language": "Shared working language: {items}",
        "latent": 'Related in context to your need: "{offer}"',
        "separator": ", ",
    },
    "de": {
        "aspect": "Ihr Bedarf „{aspect}“ ↔ ihr Angebot: „{offer}“",
        "concepts": "Gemeinsame Themen: {items}",
        "terms": "Stärkste gemeinsame Begriffe: {items}",
        "reverse": "Sie suchen „{seek}“, was zu Ihrem Angebot passt",
        "tags": "Gleiche Branchen/Technologien: {items}",
        "partnership": "Offen für dieselbe Art der Partnerschaft: {items}",
        "stage": "In der gesuchten Phase: {items}",
        "language": "Gemeinsame Arbeitssprache: {items}",
        "latent": "Inhaltlich verwandt mit Ihrem Bedarf: „{offer}“",
        "separator": ", ",
    },
    "ja": {
        "aspect": "御社のニーズ「{aspect}」↔ 先方の提供内容「{offer}」",
        "concepts": "共通のテーマ: {items}",
        "terms": "最も強い共通キーワード: {items}",
        "reverse": "先方は「{seek}」を求めており、御社の提供内容に合致します",
        "tags": "共通の業界・技術: {items}",
        "partnership": "同じ提携形態に関心: {items}",
        "stage": "希望のステージ: {items}",
        "language": "共通の業務言語: {items}",
        "latent": "御社のニーズと文脈上関連: 「{offer}」",
        "separator": "、",
    },
}

_LANGUAGE_NAMES = {
    "en": {"en": "English", "de": "German", "ja": "Japanese"},
    "de": {"en": "Englisch", "de": "Deutsch", "ja": "Japanisch"},
    "ja": {"en": "英語", "de": "ドイツ語", "ja": "日本語"},
}

MAX_REASONS = 4


@dataclass(slots=True)
class Evidence:
    """What a pair has in common, strongest first in each list."""

    offer: str  # the startup's own summary (first sentence of its offer or description)
    aspect: str = ""  # the clause of the need that matched the startup best
    concepts: list[str] = field(default_factory=list)  # concept names in the viewer's language
    terms: list[str] = field(default_factory=list)
    their_seek: str = ""  # what the startup seeks, when it fits the corporate's offer
    tags: list[str] = field(default_factory=list)
    partnership_types: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


def explain(evidence: Evidence, lang: str) -> list[str]:
    """Short reasons for one match in `lang`; never empty, at most `MAX_REASONS`."""
    texts = _TEMPLATES.get(lang, _TEMPLATES["en"])

    def items(values: list[str]) -> str:
        return texts["separator"].join(values)

    reasons = []
    if evidence.aspect:
        reasons.append(texts["aspect"].format(aspect=evidence.aspect, offer=evidence.offer))
    if evidence.concepts:
        reasons.append(texts["concepts"].format(items=items(_unique(evidence.concepts))))
    if evidence.terms:
        reasons.append(texts["terms"].format(items=items(evidence.terms)))
    if evidence.their_seek:
        reasons.append(texts["reverse"].format(seek=evidence.their_seek))
    if evidence.tags:
        reasons.append(texts["tags"].format(items=items(evidence.tags)))
    if evidence.partnership_types:
        reasons.append(texts["partnership"].format(items=items(evidence.partnership_types)))
    if evidence.stages:
        reasons.append(texts["stage"].format(items=items(evidence.stages)))
    if not reasons:
        reasons.append(texts["latent"].format(offer=evidence.offer))
    if evidence.languages and len(reasons) < MAX_REASONS:
        names = _LANGUAGE_NAMES.get(lang, _LANGUAGE_NAMES["en"])
        languages = [names.get(code, code) for code in evidence.languages]
        reasons.append(texts["language"].format(items=items(languages)))
    return reasons[:MAX_REASONS]


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))
