"""Learning the matcher's signal weights from decided pairs: the learned re-ranker of the
design. Pure scikit-learn; the app supplies the decisions and the scoring.

A decided pair is a need and a startup that staff approved or rejected, that a party
accepted or declined, or that a company saved or dismissed. A logistic regression on the
pairs' content signals says which signals go with a "yes"; its non-negative coefficients
become the matcher's weights.

The matcher ranks startups within one need, so weights are judged the same way: on needs
held out from learning (whole needs, never part of one), by how well the scores they give,
through the matcher's own formula, put each need's "yes" pairs above its "no" pairs (ROC
AUC within the need, averaged over the needs that have both). The folds are drawn several
times; learned weights count as better only when the paired differences say so beyond
their noise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from matchmaker.matching.matcher import CONTENT_FEATURES

# Every content signal keeps at least this share of the weight: a signal that decided pairs
# happen not to use still matters for the startups those pairs never showed.
WEIGHT_FLOOR = 0.05

# Needs held out at a time (folds), and how often the folds are drawn anew.
FOLDS = 5
REPEATS = 10

# Scores of the pairs at the given indices under the given weights (None: the current ones).
Scorer = Callable[[dict[str, float] | None, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class WeightsReport:
    """What learning found: the weights from all decisions, and how the current and the
    learned weights ranked the decisions of held-out needs (mean ROC AUC within a need) with
    the standard error of their paired difference."""

    decisions: int
    positives: int
    needs: int  # needs with both a yes and a no: the ones that can be judged
    auc_current: float
    auc_learned: float
    difference_error: float
    weights: dict[str, float]

    def beats_current(self, margin: float) -> bool:
        """Whether the learned weights ranked held-out needs better by at least `margin`
        and by more than twice the noise of that difference."""
        gain = self.auc_learned - self.auc_current
        return gain >= margin and gain > 2 * self.difference_error


def judgeable_needs(needs: Sequence[object], labels: Sequence[int]) -> int:
    """How many needs have both a yes and a no among the decisions."""
    kinds: dict[object, set[int]] = {}
    for need, label in zip(needs, labels, strict=True):
        kinds.setdefault(need, set()).add(int(label))
    return sum(1 for seen in kinds.values() if len(seen) == 2)


def learn_weights(
    features: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    needs: Sequence[object],
    score: Scorer,
    *,
    folds: int = FOLDS,
    repeats: int = REPEATS,
) -> WeightsReport:
    """Learn content-signal weights from decided pairs and compare them with the current
    ones on held-out needs.

    `features` are the pairs' signals as the matcher reports them, `labels` 1 for a yes and
    0 for a no, `needs` the need each pair belongs to. Raises ValueError when fewer than
    `folds` needs have both a yes and a no.
    """
    y = np.asarray(labels, dtype=np.int64)
    groups = np.asarray([str(need) for need in needs])
    if not len(y) == len(features) == len(groups):
        raise ValueError("features, labels and needs differ in length")
    judgeable = judgeable_needs(groups, y)
    if judgeable < folds:
        raise ValueError(f"need at least {folds} needs with both a yes and a no")
    x = np.array(
        [[float(pair.get(name, 0.0)) for name in CONTENT_FEATURES] for pair in features],
        dtype=np.float64,
    )
    current_scores = score(None, np.arange(len(y)))
    current, learned = [], []
    for repeat in range(repeats):
        splits = StratifiedGroupKFold(folds, shuffle=True, random_state=repeat)
        for train, test in splits.split(x, y, groups):
            if len(set(y[train].tolist())) < 2:
                continue
            learned_scores = score(_fit(x[train], y[train]), test)
            for need in np.unique(groups[test]):
                rows = groups[test] == need
                if len(set(y[test][rows].tolist())) == 2:
                    current.append(roc_auc_score(y[test][rows], current_scores[test][rows]))
                    learned.append(roc_auc_score(y[test][rows], learned_scores[rows]))
    differences = np.asarray(learned) - np.asarray(current)
    # Each need is judged once per repeat: its differences are not independent across
    # repeats, so the noise is that of one repeat's worth of needs.
    error = float(np.std(differences) / np.sqrt(max(judgeable - 1, 1)))
    return WeightsReport(
        decisions=len(y),
        positives=int(y.sum()),
        needs=judgeable,
        auc_current=round(float(np.mean(current)), 4),
        auc_learned=round(float(np.mean(learned)), 4),
        difference_error=round(error, 4),
        weights=_fit(x, y),
    )


def _fit(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Weights from a logistic regression on standardised signals: its coefficients in the
    signals' own units, negatives set to 0, as shares of 1 on top of `WEIGHT_FLOOR` each."""
    model = make_pipeline(
        StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=1000)
    ).fit(x, y)
    scale = model[0].scale_
    coefficients = np.clip(model[-1].coef_[0] / np.where(scale > 0, scale, 1.0), 0.0, None)
    coefficients[scale == 0] = 0.0  # a signal that never varies says nothing
    total = coefficients.sum()
    shares = (
        coefficients / total if total > 0 else np.full(len(coefficients), 1 / len(coefficients))
    )
    shares = WEIGHT_FLOOR + (1 - WEIGHT_FLOOR * len(shares)) * shares
    return {
        name: round(float(share), 4) for name, share in zip(CONTENT_FEATURES, shares, strict=True)
    }
