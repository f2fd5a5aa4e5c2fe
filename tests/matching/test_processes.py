"""Big runs share the work out: analysis and ranking in forked processes, counting in C.
Neither may change a single number, reason or word form."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import warnings
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from matchmaker.matching import Matcher, profile_from_dict, queries_for
from matchmaker.matching import matcher as matcher_module
from matchmaker.matching.matcher import TokenTfidf

from .conftest import STARTUPS, corporate

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="other processes are forked on Linux only"
)

# Early startups write "approved" and "batteries", later ones "approval" and "battery":
# the reasons must show "approved" (first of two equally long forms) and "battery" (shorter).
EARLY = "Approved leasing of batteries for electric fleets, approved by insurers."
LATE = "Battery approval in days: battery recycling and approval for second-life storage."


STARTUPS_PROFILES = [profile_from_dict(data) for data in STARTUPS]


def _pool() -> list:
    startups = []
    for round_ in range(4):
        for index, data in enumerate(STARTUPS):
            extra = EARLY if round_ < 2 else LATE
            if round_ == 3 and index == 0:
                # German, stemmed the German way ("softwar"): English texts in earlier
                # pieces showed "software" first; its German stem learns its form here.
                data = {
                    **data,
                    "description": "Wir entwickeln Software und Batteriespeicher für "
                    "Lagerhallen und Fahrzeuge in Deutschland.",
                }
                extra = ""
            startups.append(
                profile_from_dict(
                    {
                        **data,
                        "id": f"{data['id']}-{round_}",
                        "description": f"{data['description']} {extra if index % 2 else ''}",
                    }
                )
            )
    return startups


def _queries() -> list:
    corporates = [
        corporate(text, id=f"c{number}")
        for number, text in enumerate(
            [
                "Battery approval and battery leasing for our electric vans.",
                "Insurance claims automation, fraud detection.",
                "Earth observation imagery for crop insurance.",
                "Robots for welding and quality inspection.",
                "Payroll and recruiting software for our German office.",
                "Plant-based meat for our grocery chain.",
                "Batterien für Elektrofahrzeuge und Zulassung.",
            ]
        )
    ]
    return queries_for(corporates)


@pytest.fixture
def small_pieces(monkeypatch):
    """Analysis shared out already for this tiny pool, in pieces of five startups."""
    monkeypatch.setattr(matcher_module, "_ANALYSIS_PIECE", 5)
    monkeypatch.setattr(matcher_module, "_ANALYSIS_PROCESSES_FROM", 10)


def _as_data(rankings):
    return [
        (r.query_id, r.need_id, [(m.startup_id, m.score, m.features, m.reasons) for m in r.matches])
        for r in rankings
    ]


def test_forked_processes_give_exactly_what_one_process_gives(small_pieces, monkeypatch):
    forks = []
    real_context = multiprocessing.get_context

    def counting_context(method=None):
        forks.append(method)
        return real_context(method)

    monkeypatch.setattr(multiprocessing, "get_context", counting_context)
    results = {}
    for jobs in (None, 2):
        matcher = Matcher(n_jobs=jobs, chunk_size=2).fit(_pool())
        rankings = matcher.rank(_queries(), top_k=5, lang="de")
        results[jobs] = _as_data(rankings)

    assert forks.count("fork") == 2  # the pool's analysis and the ranking
    assert results[2] == results[None]


def test_progress_is_reported_per_chunk_from_the_processes(small_pieces):
    matcher = Matcher(n_jobs=2, chunk_size=3).fit(_pool())
    queries = _queries()
    reports = []

    matcher.rank(queries, progress=lambda done, total: reports.append((done, total)))

    assert reports == [(3, 7), (6, 7), (7, 7)]


def test_reasons_do_not_depend_on_the_queries_ranked_before():
    # A query's shared terms are its own words: a query writing "battery" before must not
    # change how later reasons show the word.
    pool = [profile_from_dict({**STARTUPS[0], "description": "Batteries and batteries analytics."})]
    matcher = Matcher().fit(pool)
    before = matcher.rank_one(corporate("Batteries for our vans")).matches[0].reasons

    matcher.rank_one(corporate("A battery supplier, battery recycling"))
    after = matcher.rank_one(corporate("Batteries for our vans")).matches[0].reasons

    assert after == before


@pytest.mark.parametrize("seed", range(5))
def test_token_tfidf_gives_the_numbers_of_scikit_learns_vectorizer(seed):
    rng = np.random.default_rng(seed)
    words = [f"w{number}" for number in range(40)] + ["ä", "電池", "x" * 50]

    def documents(count):
        return [
            list(rng.choice(words, size=rng.integers(0, 30))) + (["unseen"] if i % 7 else [])
            for i in range(count)
        ]

    train, test = documents(60), documents(20)
    train[0] = []  # an empty document counts for the IDF
    reference = TfidfVectorizer(
        analyzer=lambda tokens: tokens, sublinear_tf=True, norm=None, dtype=np.float32
    )
    ours = TokenTfidf()

    expected_fit, fitted = reference.fit_transform(train), ours.fit_transform(train)
    test[-1] = []
    expected, transformed = reference.transform(test), ours.transform(test)

    assert list(ours.get_feature_names_out()) == list(reference.get_feature_names_out())
    for left, right in ((fitted, expected_fit), (transformed, expected)):
        assert right.dtype == left.dtype == np.float32
        assert left.shape == right.shape
        assert (left != right).nnz == 0
        assert left.has_sorted_indices


def test_a_matcher_stored_by_older_code_still_ranks(matcher):
    # Stored snapshots hold matchers pickled before `n_jobs` and the glossary's word
    # indexes existed, and analyzers that still learned the pool's word forms.
    expected = matcher.rank([corporate("Battery packs for electric vans, Batterien")])
    state = pickle.loads(pickle.dumps(matcher)).__dict__
    del state["n_jobs"]
    glossary = state["glossary_"]
    assert state["analyzer_"].glossary is glossary
    for index in ("_single", "_multi", "_openings"):
        del glossary.__dict__[index]
    state["analyzer_"].__dict__.update(surface={"batteri": "batteries"}, _seen={"batteries"})

    old = pickle.loads(_pickled_like(Matcher, state))

    assert old.rank([corporate("Battery packs for electric vans, Batterien")]) == expected
    assert not {"surface", "_seen"} & old.analyzer_.__dict__.keys()  # nothing kept for nothing


def _pickled_like(cls, state: dict) -> bytes:
    """The pickle of an object of `cls` whose attributes were `state`."""
    instance = cls.__new__(cls)
    instance.__dict__.update(state)
    return pickle.dumps(instance)


def test_a_process_that_dies_ends_the_run_with_an_error(small_pieces, monkeypatch):
    matcher = Matcher(n_jobs=2, chunk_size=2).fit(_pool())

    def die(*args):
        if multiprocessing.parent_process() is not None:
            os._exit(1)  # killed, as by the kernel when out of memory

    monkeypatch.setattr(Matcher, "_rank_chunk", die)

    with pytest.raises(BrokenProcessPool):
        matcher.rank(_queries())


def test_threads_ranking_at_once_each_get_their_own_rankings():
    # A web server's threads share one matcher: ranking must keep each call's work apart.
    queries = {
        name: [corporate(f"{text} {number}", id=f"{name}{number}") for number in range(6)]
        for name, text in (("a", "Battery packs for vans"), ("b", "Satellite imagery"))
    }
    small = Matcher(chunk_size=1).fit(STARTUPS_PROFILES)
    expected = {name: _as_data(small.rank(qs, top_k=2)) for name, qs in queries.items()}
    problems = []

    def work(name):
        for _ in range(15):
            if _as_data(small.rank(queries[name], top_k=2)) != expected[name]:
                problems.append(name)

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    threads = [threading.Thread(target=work, args=(name,)) for name in queries]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(switch)

    assert problems == []
    # Nor may they fill a server's log (scikit-learn's joblib hand-over warned here).
    assert [str(warning.message) for warning in caught] == []


def test_blocks_are_the_fitted_column_transformer_s():
    # `_blocks` applies the fitted transformers itself; the numbers must be the estimator's.
    matcher = Matcher().fit(STARTUPS_PROFILES)
    analyses = [matcher.analyzer_.analyze(text) for text in ("Batteriezellen", "電池", "", "AI")]
    text, concepts, lengths = matcher._blocks(analyses)
    whole = sp.csr_matrix(matcher.vectorizer_.transform(matcher_module._columns(analyses)))
    expected_text, expected_concepts, expected_lengths = matcher._split(whole)
    assert text.nnz and concepts.nnz
    np.testing.assert_array_equal(text.toarray(), expected_text.toarray())
    np.testing.assert_array_equal(concepts.toarray(), expected_concepts.toarray())
    np.testing.assert_array_equal(lengths, expected_lengths)
