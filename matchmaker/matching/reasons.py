"""Human-readable reasons for a match, in the viewer's language (en, de, ja).

The matcher collects the `Evidence` of a pair (shared concepts, the clause of the need
that matched the startup's offer, the strongest shared terms, ...); `explain` turns it into
a few short sentences. Concept names are the glossary's in the viewer's language, and
partnership types, stages and languages the taxonomy's; quoted clauses and terms stay in
the language they were written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matchmaker.taxonomy import vocabulary

# Worded for every reader of a match (staff, the company, the startup in its introduction),
# so neither side is "you".
_TEMPLATES = {
    "en": {
        "aspect": 'The need "{aspect}" ↔ the startup\'s offer: "{offer}"',
        "concepts": "Shared topics: {items}",
        "terms": "Strongest shared terms: {items}",
        "reverse": 'The startup seeks "{seek}", which fits the company\'s offer',
        "tags": "Same industries/technologies: {items}",
        "partnership": "Open to the same kind of partnership: {items}",
        "stage": "At the stage the company looks for: {items}",
        "language": "Shared working language: {items}",
        "latent": 'Related in context to the need: "{offer}"',
        "separator": ", ",
    },
    "de": {
        "aspect": "Bedarf „{aspect}“ ↔ Angebot des Startups: „{offer}“",
        "concepts": "Gemeinsame Themen: {items}",
        "terms": "Stärkste gemeinsame Begriffe: {items}",
        "reverse": "Das Startup sucht „{seek}“, was zum Angebot des Unternehmens passt",
        "tags": "Gleiche Branchen/Technologien: {items}",
        "partnership": "Offen für dieselbe Art der Partnerschaft: {items}",
        "stage": "In der Phase, die das Unternehmen sucht: {items}",
        "language": "Gemeinsame Arbeitssprache: {items}",
        "latent": "Inhaltlich verwandt mit dem Bedarf: „{offer}“",
        "separator": ", ",
    },
    "ja": {
        "aspect": "ニーズ「{aspect}」↔ スタートアップの提供内容「{offer}」",
        "concepts": "共通のテーマ：{items}",
        "terms": "最も強い共通キーワード：{items}",
        "reverse": "スタートアップは「{seek}」を求めており、企業の提供内容に合致します",
        "tags": "共通の業界・技術：{items}",
        "partnership": "同じ提携形態に関心：{items}",
        "stage": "企業が希望するステージ：{items}",
        "language": "共通の業務言語：{items}",
        "latent": "ニーズと文脈上関連：「{offer}」",
        "separator": "、",
    },
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
    # Tags that name a topic already shown add nothing.
    if tags := [tag for tag in evidence.tags if tag not in evidence.concepts]:
        reasons.append(texts["tags"].format(items=items(tags)))
    if evidence.partnership_types:
        types = vocabulary("partnership_types").labels(evidence.partnership_types, lang)
        reasons.append(texts["partnership"].format(items=items(types)))
    if evidence.stages:
        stages = vocabulary("stages").labels(evidence.stages, lang)
        reasons.append(texts["stage"].format(items=items(stages)))
    if not reasons:
        reasons.append(texts["latent"].format(offer=evidence.offer))
    if evidence.languages and len(reasons) < MAX_REASONS:
        languages = vocabulary("languages").labels(evidence.languages, lang)
        reasons.append(texts["language"].format(items=items(languages)))
    return reasons[:MAX_REASONS]


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))
