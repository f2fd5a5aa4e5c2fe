"""Learning signal weights from decided pairs, without an app."""

from dataclasses import replace

import numpy as np
import pytest

from matchmaker.matching import CONTENT_FEATURES, DEFAULT_WEIGHTS
from matchmaker.matching.learning import (
    WEIGHT_FLOOR,
    WeightsReport,
    judgeable_needs,
    learn_weights,
)


def weighted_mean(features, weights):
    return np.array(
        [
            sum(weights[n] * pair[n] for n in pair) / sum(weights[n] for n in pair)
            for pair in features
        ]
    )


def decided_pairs(seed=0, needs=16, per_need=6):
    """Pairs of several needs whose yes/no follows the taxonomy signal, while the latent
    signal (the heaviest by default) is noise."""
    rng = np.random.default_rng(seed)
    features, labels, owners = [], [], []
    for need in range(needs):
        for label in [1, 0] * (per_need // 2):
            pair = {name: float(rng.uniform(0, 1)) for name in CONTENT_FEATURES}
            pair["taxonomy"] = float(np.clip(0.3 + 0.4 * label + rng.normal(0, 0.1), 0, 1))
            features.append(pair)
            labels.append(label)
            owners.append(need)
    return features, labels, owners


def test_learned_weights_follow_the_signal_that_decides_and_beat_the_defaults():
    features, labels, needs = decided_pairs()

    def score(weights, indices):
        return weighted_mean([features[i] for i in indices], weights or DEFAULT_WEIGHTS)

    report = learn_weights(features, labels, needs, score)

    assert report.decisions == 96 and report.positives == 48 and report.needs == 16
    assert max(report.weights, key=report.weights.get) == "taxonomy"
    assert report.weights["taxonomy"] > 0.5
    assert sum(report.weights.values()) == pytest.approx(1, abs=1e-3)
    assert min(report.weights.values()) >= WEIGHT_FLOOR - 1e-3
    assert report.auc_learned > report.auc_current + 0.1
    assert report.beats_current(0.01)


def test_weights_that_rank_no_better_are_not_preferred():
    features, labels, needs = decided_pairs()
    # The current weights already rank by the deciding signal alone.
    only_taxonomy = {name: (1.0 if name == "taxonomy" else 0.0) for name in CONTENT_FEATURES}

    def score(weights, indices):
        chosen = [features[i] for i in indices]
        if weights is None:
            return np.array([pair["taxonomy"] for pair in chosen])
        return weighted_mean(chosen, {**only_taxonomy, **weights})

    report = learn_weights(features, labels, needs, score)

    assert report.auc_current >= report.auc_learned - 0.01
    assert not report.beats_current(0.01)


def test_a_gain_within_the_noise_is_no_gain():
    report = WeightsReport(
        decisions=60,
        positives=30,
        needs=6,
        auc_current=0.70,
        auc_learned=0.73,
        difference_error=0.02,
        weights={},
    )

    assert not report.beats_current(0.01)  # 0.03 is less than twice its noise
    assert replace(report, difference_error=0.01).beats_current(0.01)
    assert not replace(report, auc_learned=0.705, difference_error=0.0).beats_current(0.01)


def test_the_same_decisions_learn_the_same_weights():
    features, labels, needs = decided_pairs(seed=3)

    def score(weights, indices):
        return weighted_mean([features[i] for i in indices], weights or DEFAULT_WEIGHTS)

    first = learn_weights(features, labels, needs, score)
    assert first == learn_weights(features, labels, needs, score)


def test_only_needs_with_both_a_yes_and_a_no_can_judge():
    features, labels, needs = decided_pairs(needs=4)
    assert judgeable_needs(needs, labels) == 4
    assert judgeable_needs([1, 1, 2, 2], [1, 1, 0, 1]) == 1

    with pytest.raises(ValueError, match="at least 5 needs with both a yes and a no"):
        learn_weights(features, labels, needs, lambda weights, indices: np.zeros(len(indices)))
    with pytest.raises(ValueError, match="differ in length"):
        learn_weights(features, labels[:5], needs, lambda weights, indices: np.zeros(len(indices)))
