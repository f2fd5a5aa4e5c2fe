"""Learning the matcher's signal weights from decided pairs: the learned re-ranker of the
design. Pure scikit-learn; the app supplies the decisions and the scoring.

A decided pair is a need and a startup that staff approved or rejected, that a party
accepted or declined, or that a company saved or dismissed. A logistic regression on the
pairs' content signals says which signals go with a "yes"; its non-negative coefficients
become the matcher's weights. Every weighting is judged the same way: how well the scores
it gives, through the matcher's own formula, separate the yes from the no pairs of held-out
folds (ROC AUC), so that the learned weights are used only when they beat the current ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from matchmaker.matching.matcher import CONTENT_FEATURES

# Every content signal keeps at least this share of the weight: a signal that decided pairs
# happen not to use still matters for the startups those pairs never showed.
WEIGHT_FLOOR = 0.05

# Held-out folds; each kind of decision needs at least this many pairs.
FOLDS = 5

# Scores of the pairs at the given indices under the given weights (None: the current ones).
Scorer = Callable[[dict[str, float] | None, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class WeightsReport:
    """What learning found: the weights from all decisions, and how the current and the
    learned weights ranked held-out decisions (mean ROC AUC over the folds)."""

    decisions: int
    positives: int
    folds: int
    auc_current: float
    auc_learned: float
    weights: dict[str, float]

    def beats_current(self, margin: float) -> bool:
        """Whether the learned weights ranked held-out decisions better by at least
        `margin`."""
        return self.auc_learned >= self.auc_current + margin


def learn_weights(
    features: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    score: Scorer,
    *,
    folds: int = FOLDS,
    random_state: int = 0,
) -> WeightsReport:
    """Learn content-signal weights from decided pairs and compare them with the current
    ones on held-out folds.

    `features` are the pairs' signals as the matcher reports them, `labels` 1 for a yes and
    0 for a no. Raises ValueError when either kind has fewer decisions than `folds`.
    """
    y = np.asarray(labels, dtype=np.int64)
    if len(y) != len(features):
        raise ValueError("features and labels differ in length")
    positives = int(y.sum())
    if min(positives, len(y) - positives) < folds:
        raise ValueError(f"need at least {folds} decisions of each kind")
    x = np.array(
        [[float(pair.get(name, 0.0)) for name in CONTENT_FEATURES] for pair in features],
        dtype=np.float64,
    )
    current, learned = [], []
    splits = StratifiedKFold(folds, shuffle=True, random_state=random_state).split(x, y)
    for train, test in splits:
        weights = _fit(x[train], y[train])
        current.append(roc_auc_score(y[test], score(None, test)))
        learned.append(roc_auc_score(y[test], score(weights, test)))
    return WeightsReport(
        decisions=len(y),
        positives=positives,
        folds=folds,
        auc_current=round(float(np.mean(current)), 4),
        auc_learned=round(float(np.mean(learned)), 4),
        weights=_fit(x, y),
    )


def _fit(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Weights from a logistic regression: its coefficients, negatives set to 0, as shares
    of 1 on top of `WEIGHT_FLOOR` each."""
    model = LogisticRegression(class_weight="balanced", max_iter=1000).fit(x, y)
    coefficients = np.clip(model.coef_[0], 0.0, None)
    total = coefficients.sum()
    shares = (
        coefficients / total if total > 0 else np.full(len(coefficients), 1 / len(coefficients))
    )
    shares = WEIGHT_FLOOR + (1 - WEIGHT_FLOOR * len(shares)) * shares
    return {
        name: round(float(share), 4) for name, share in zip(CONTENT_FEATURES, shares, strict=True)
    }
