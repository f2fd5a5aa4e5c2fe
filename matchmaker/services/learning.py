"""Signal weights learned from decisions: what staff approve or reject, what startups and
companies accept or decline, and which ranked startups companies save or dismiss.

`learn()` scores every decided need×startup pair with the current matcher, lets the
matching library learn weights for its content signals and compares them with the current
weights on held-out folds. Every run is kept in `learned_weights`; the learned weights are
adopted (and the stored matches re-ranked with them) only when they rank held-out
decisions better by `LEARNING_MARGIN`; every later rebuild uses them too
(`matching.active_weights`).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from matchmaker import matching
from matchmaker.extensions import db
from matchmaker.matching.learning import FOLDS, judgeable_needs, learn_weights
from matchmaker.models import (
    DecisionReason,
    Introduction,
    IntroductionStatus,
    LearnedWeights,
    MarkKind,
    Need,
    NeedStartupMark,
    Organization,
    ProfileStatus,
)
from matchmaker.services import matching as matching_service
from matchmaker.services.errors import DomainError

# Staff approved and no party said no (yet): a yes. Staff rejected or a party declined as
# not relevant (or for another reason): a no. Pairs waiting for staff or gone unanswered say
# nothing, and so do refusals that are not about the fit: a competitor is too close a fit,
# and "too early", "already in contact" or "no capacity" say nothing about it.
YES_STATUSES = (
    IntroductionStatus.APPROVED,
    IntroductionStatus.STARTUP_ACCEPTED,
    IntroductionStatus.CORPORATE_ACCEPTED,
    IntroductionStatus.INTRODUCED,
    IntroductionStatus.MEETING_HELD,
    IntroductionStatus.CONCLUDED,
)
NO_STATUSES = (IntroductionStatus.REJECTED, IntroductionStatus.DECLINED)
NO_REASONS = (DecisionReason.NOT_RELEVANT, DecisionReason.OTHER)


@dataclass(frozen=True)
class Decision:
    need_id: int
    startup_id: int
    label: int  # 1 yes, 0 no


@dataclass(frozen=True)
class LearningResult:
    decisions: int
    positives: int
    record: LearnedWeights | None  # None when there were too few decisions to learn from
    rebuilt: matching_service.RebuildResult | None = None


@dataclass(frozen=True)
class DecisionCounts:
    decisions: int  # decided pairs, as many as `decisions()` returns
    positives: int


def _live(query: sa.Select, startup_id, corporate_id) -> sa.Select:
    """`query` restricted to pairs whose startup and company are not deleted (anonymised)."""
    startup, corporate = sa.orm.aliased(Organization), sa.orm.aliased(Organization)
    return (
        query.join(startup, startup.id == startup_id)
        .join(corporate, corporate.id == corporate_id)
        .where(
            startup.status != ProfileStatus.DELETED,
            corporate.status != ProfileStatus.DELETED,
        )
    )


def _marks(*columns) -> sa.Select:
    """Companies' marks on live pairs."""
    return _live(
        sa.select(*columns).join(Need, Need.id == NeedStartupMark.need_id),
        NeedStartupMark.startup_id,
        Need.organization_id,
    )


def _decided_introductions(*columns) -> sa.Select:
    """Introductions of live pairs with a need that someone has decided on (yes or no)."""
    return _live(
        sa.select(*columns).where(
            Introduction.need_id.is_not(None),
            Introduction.status.in_(YES_STATUSES + NO_STATUSES),
        ),
        Introduction.startup_id,
        Introduction.corporate_id,
    )


def decisions() -> list[Decision]:
    """Every decided need×startup pair of live profiles, once. An introduction's fate
    outweighs a company's own mark on the same pair; pairs whose startup or company has
    been deleted (anonymised) are left out."""
    labels: dict[tuple[int, int], int] = {}
    marks = _marks(NeedStartupMark.need_id, NeedStartupMark.startup_id, NeedStartupMark.kind)
    for need_id, startup_id, kind in db.session.execute(marks):
        labels[need_id, startup_id] = int(kind == MarkKind.SAVED)
    introductions = _decided_introductions(
        Introduction.need_id,
        Introduction.startup_id,
        Introduction.status,
        Introduction.decision_reason,
    )
    for need_id, startup_id, status, reason in db.session.execute(introductions):
        if status in YES_STATUSES:
            labels[need_id, startup_id] = 1
        elif reason is None or reason in NO_REASONS:
            labels[need_id, startup_id] = 0
        else:  # refused for a reason that is not about the fit: the pair says nothing
            labels.pop((need_id, startup_id), None)
    return [
        Decision(need_id, startup_id, label)
        for (need_id, startup_id), label in sorted(labels.items())
    ]


def decision_counts() -> DecisionCounts:
    """How many pairs `decisions()` holds and how many of them are a yes, counted by the
    database in one query instead of loaded.

    The same rules in SQL: every decided introduction is one pair, except refusals that
    are not about the fit; a mark counts only when no decided introduction of the same
    pair overrides or cancels it. No pair is counted twice: an introduction is unique per
    company and startup (and its need is one of that company's), a mark per need and
    startup."""
    is_yes = Introduction.status.in_(YES_STATUSES)
    introductions = _decided_introductions(sa.case((is_yes, 1), else_=0).label("label")).where(
        sa.or_(
            is_yes,
            Introduction.decision_reason.is_(None),
            Introduction.decision_reason.in_(NO_REASONS),
        )
    )
    overridden = _decided_introductions(Introduction.id).where(
        Introduction.need_id == NeedStartupMark.need_id,
        Introduction.startup_id == NeedStartupMark.startup_id,
    )
    marks = _marks(
        sa.case((NeedStartupMark.kind == MarkKind.SAVED, 1), else_=0).label("label")
    ).where(~overridden.exists())
    labels = sa.union_all(introductions, marks).subquery()
    decided, yes = db.session.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(labels.c.label), 0))
    ).one()
    return DecisionCounts(decided, yes)


def history(limit: int = 10) -> list[LearnedWeights]:
    """The latest learning runs, newest first."""
    return list(
        db.session.scalars(
            sa.select(LearnedWeights).order_by(LearnedWeights.id.desc()).limit(limit)
        )
    )


def learn() -> LearningResult:
    """Learn weights from all decisions, keep the run, and adopt the weights (re-ranking
    the stored matches, in the same transaction) when they beat the current ones on
    held-out needs."""
    loaded = matching_service.current_matcher()
    if loaded is None:
        raise DomainError(
            f"No fitted matcher of model {matching.MODEL_VERSION} yet: "
            "run `matchmaker matches rebuild` first."
        )
    _, matcher = loaded
    decided = decisions()
    labels = [decision.label for decision in decided]
    needs = [decision.need_id for decision in decided]
    positives = sum(labels)
    minimum = current_app.config["LEARNING_MIN_DECISIONS"]
    if len(decided) < minimum or judgeable_needs(needs, labels) < FOLDS:
        return LearningResult(len(decided), positives, None)

    pairs = _PairScorer(matcher, decided)
    report = learn_weights(pairs.features, labels, needs, pairs.score)
    adopted = report.beats_current(current_app.config["LEARNING_MARGIN"])
    record = LearnedWeights(
        model_version=matching.MODEL_VERSION,
        decisions=report.decisions,
        positives=report.positives,
        auc_current=report.auc_current,
        auc_learned=report.auc_learned,
        weights=report.weights,
        adopted=adopted,
    )
    db.session.add(record)
    if not adopted:
        db.session.commit()
        return LearningResult(report.decisions, report.positives, record)
    db.session.flush()  # the rebuild reads the adopted weights, and commits both
    rebuilt = matching_service.rebuild_matches()
    return LearningResult(report.decisions, report.positives, record, rebuilt)


class _PairScorer:
    """The decided pairs' features under the current matcher, and their scores under any
    weights, through the matcher's own formula (a copy of it with other weights)."""

    def __init__(self, matcher: matching.Matcher, decided: list[Decision]) -> None:
        self.matcher = matcher
        self.decided = decided
        need_ids = {decision.need_id for decision in decided}
        needs = db.session.scalars(
            sa.select(Need)
            .where(Need.id.in_(need_ids))
            .options(
                selectinload(Need.terms),
                selectinload(Need.organization).selectinload(Organization.terms),
            )
        )
        self.queries = {need.id: matching_service.need_query(need) for need in needs}
        startups = db.session.scalars(
            sa.select(Organization)
            .where(Organization.id.in_({decision.startup_id for decision in decided}))
            .options(selectinload(Organization.terms))
        )
        self.profiles = {org.id: matching_service.organization_profile(org) for org in startups}
        self.features = [
            match.features for match in self._matches(matcher, np.arange(len(decided)))
        ]

    def score(self, weights: dict[str, float] | None, indices: np.ndarray) -> np.ndarray:
        matcher = self.matcher
        if weights is not None:
            matcher = copy.copy(matcher)
            matcher.weights = weights
        return np.array([match.score for match in self._matches(matcher, indices)])

    def _matches(self, matcher: matching.Matcher, indices: np.ndarray) -> list[matching.Match]:
        """The matcher's match for each decided pair at `indices`, in that order."""
        by_need: dict[int, list[int]] = defaultdict(list)
        for index in indices.tolist():
            by_need[self.decided[index].need_id].append(index)
        found: dict[int, matching.Match] = {}
        for need_id, members in by_need.items():
            profiles = [self.profiles[self.decided[i].startup_id] for i in members]
            by_startup = {
                match.startup_id: match
                for match in matcher.score_startups(self.queries[need_id], profiles)
            }
            for index in members:
                found[index] = by_startup[str(self.decided[index].startup_id)]
        return [found[index] for index in indices.tolist()]
