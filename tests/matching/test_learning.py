"""Learning signal weights from decided pairs, without an app."""

import numpy as np
import pytest

from matchmaker.matching import CONTENT_FEATURES, DEFAULT_WEIGHTS
from matchmaker.matching.learning import WEIGHT_FLOOR, learn_weights


def weighted_mean(features, weights):
    return np.array(
        [
            sum(weights[n] * pair[n] for n in pair) / sum(weights[n] for n in pair)
            for pair in features
        ]
    )


def decided_pairs(seed=0, count=80):
    """Pairs whose yes/no follows the taxonomy signal, while the latent signal (the heaviest
    by default) is noise."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, count)
    features = []
    for label in labels:
        pair = {name: float(rng.uniform(0, 1)) for name in CONTENT_FEATURES}
        pair["taxonomy"] = float(np.clip(0.3 + 0.4 * label + rng.normal(0, 0.1), 0, 1))
        features.append(pair)
    return features, labels.tolist()


def test_learned_weights_follow_the_signal_that_decides_and_beat_the_defaults():
    features, labels = decided_pairs()

    def score(weights, indices):
        return weighted_mean([features[i] for i in indices], weights or DEFAULT_WEIGHTS)

    report = learn_weights(features, labels, score)

    assert report.decisions == 80 and report.positives == sum(labels)
    assert max(report.weights, key=report.weights.get) == "taxonomy"
    assert report.weights["taxonomy"] > 0.5
    assert sum(report.weights.values()) == pytest.approx(1, abs=1e-3)
    assert min(report.weights.values()) >= WEIGHT_FLOOR - 1e-3
    assert report.auc_learned > report.auc_current + 0.1
    assert report.beats_current(0.01)


def test_weights_that_rank_no_better_are_not_preferred():
    features, labels = decided_pairs()
    # The current weights already rank by the deciding signal alone.
    only_taxonomy = {name: (1.0 if name == "taxonomy" else 0.0) for name in CONTENT_FEATURES}

    def score(weights, indices):
        chosen = [features[i] for i in indices]
        if weights is None:
            return np.array([pair["taxonomy"] for pair in chosen])
        return weighted_mean(chosen, {**only_taxonomy, **weights})

    report = learn_weights(features, labels, score)

    assert report.auc_current >= report.auc_learned - 0.01
    assert not report.beats_current(0.01)


def test_the_same_decisions_learn_the_same_weights():
    features, labels = decided_pairs(seed=3)

    def score(weights, indices):
        return weighted_mean([features[i] for i in indices], weights or DEFAULT_WEIGHTS)

    assert learn_weights(features, labels, score) == learn_weights(features, labels, score)


def test_too_few_decisions_of_a_kind_are_refused():
    features, _ = decided_pairs(count=12)
    labels = [1] * 9 + [0] * 3

    with pytest.raises(ValueError, match="at least 5 decisions of each kind"):
        learn_weights(features, labels, lambda weights, indices: np.zeros(len(indices)))
    with pytest.raises(ValueError, match="differ in length"):
        learn_weights(features, labels[:5], lambda weights, indices: np.zeros(len(indices)))
