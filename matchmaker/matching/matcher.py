"""The matcher: a scikit-learn style estimator fitted on the startup pool that ranks startups
for corporates and their needs, with named features and reasons for every match.

Signals (each a feature in [0, 1]):
- ``text``: TF-IDF cosine of the whole profiles (stemmed words; character bigrams for
  Japanese), ``seek_offer``: what the corporate seeks against what the startup offers,
  ``offer_seek``: the other direction, when the startup says what it seeks;
- ``concepts``: cosine of the EN/DE/JA glossary concepts both sides name (cross-lingual),
  with pivoted length normalisation on the startup side (see ``concept_pivot``): a startup
  that names more of the glossary's topics scores somewhat higher than the plain cosine
  gives, one that names a single matching topic and little else somewhat lower. Shown
  values are capped at 1;
- ``lsa``: cosine in a latent semantic space (TruncatedSVD of words and concepts);
- ``taxonomy``: overlap of the industry/technology tags both sides picked;
- ``partnership``, ``stage``, ``language``: compatibility, 1 or 0, only when both sides say.

The score is the weighted mean of the content signals that are available for the pair,
scaled by the compatibility signals: ``content * (1 - c + c * compatibility)``, so that
compatibility alone never makes a match.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, repeat

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, Normalizer, normalize
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from matchmaker.matching.profiles import Need, Profile
from matchmaker.matching.reasons import Evidence, explain
from matchmaker.matching.text import (
    LANGUAGES,
    Analysis,
    Analyzer,
    Glossary,
    detect_language,
    is_cjk,
)

MODEL_VERSION = "tfidf-lsa-glossary-2026.11.8"

CONTENT_FEATURES = ("text", "seek_offer", "offer_seek", "concepts", "lsa", "taxonomy")
COMPATIBILITY_FEATURES = ("partnership", "stage", "language")
FEATURES = CONTENT_FEATURES + COMPATIBILITY_FEATURES

DEFAULT_WEIGHTS = {
    "text": 0.1,
    "seek_offer": 0.15,
    "offer_seek": 0.15,
    "concepts": 0.2,
    "lsa": 0.4,
    "taxonomy": 0.15,
}

# Clauses of a "seeks" text: each names one thing wanted, which reasons quote. They end at
# a sentence's end, a comma (or the like), a bracket, a middle dot or a conjunction.
# The full stop and the comma are marks unless they stand between digits, as a decimal
# point or comma does ("Industrie 4.0", "2,5 Mio.").
_SENTENCE_MARKS = "!?。\uff01\uff1f"
_FULL_STOP = r"(?<!\d)\.|\.(?!\d)"
_COMMA_MARKS = ";:、\uff1b\uff1a"
_PLAIN_COMMA = r"(?<!\d),|,(?!\d)"
_CONJUNCTIONS = ("and", "or", "und", "oder", "sowie")
_CONJUNCTION = rf"\b(?:{'|'.join(_CONJUNCTIONS)})\b"
# A German pair of the female and the male form ("Kundinnen und Kunden", "Patientinnen
# oder Patienten") names one group: no clause ends inside it.
_PAIRING = ("und", "oder")
_CLAUSE_CONJUNCTION = (
    rf"\b(?:{'|'.join(word for word in _CONJUNCTIONS if word not in _PAIRING)})\b"
    rf"|(?<!innen )\b(?:{'|'.join(_PAIRING)})\b"
)
_CLAUSE = re.compile(
    rf"[{_SENTENCE_MARKS}{_COMMA_MARKS}\n()・\uff08\uff09]|{_FULL_STOP}|{_PLAIN_COMMA}"
    rf"|{_CLAUSE_CONJUNCTION}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    """What a ranking is for: a corporate as a whole, or one of its needs."""

    corporate: Profile
    need: Need | None = None

    @property
    def need_id(self) -> str | None:
        """The need's id, or None for a ranking of the whole corporate."""
        return self.need.id if self.need else None


@dataclass
class Match:
    """One ranked startup: its score in [0, 1], the named features and the reasons.

    `features` holds only the signals available for this pair (for example no
    `offer_seek` when the startup does not say what it seeks).
    """

    startup_id: str
    score: float
    features: dict[str, float]
    reasons: list[str]


@dataclass
class Ranking:
    """The best matches for one query, best first."""

    query_id: str
    need_id: str | None = None
    matches: list[Match] = field(default_factory=list)


def queries_for(corporates: Iterable[Profile], *, per_need: bool = True) -> list[Query]:
    """One query per corporate and, with `per_need`, one more for each of its needs."""
    queries = []
    for corporate in corporates:
        queries.append(Query(corporate))
        if per_need:
            queries.extend(Query(corporate, need) for need in corporate.needs)
    return queries


# A token no text produces: one extra document made of it keeps every vocabulary non-empty
# (scikit-learn refuses an empty one, e.g. bigrams of a pool without any Japanese text).
_RESERVED = "\x00"
_RESERVED_ANALYSIS = Analysis("en", [_RESERVED], [_RESERVED], [_RESERVED])
_NOTHING_ANALYSED = Analysis("en", [], [], [])
# The vectorised blocks of an analysis: (name, its column in `_columns`).
_BLOCKS = (("words", 0), ("bigrams", 1), ("concepts", 2))


def _tokens(tokens: list[str]) -> list[str]:
    # The texts arrive analysed already; the vectorizers only count.
    return tokens


@dataclass
class _Doc:
    """One side of a pair before vectorising: analysed texts and labels."""

    offer: Analysis  # what the profile is and offers
    seek: Analysis  # what it seeks
    tags: list[str]  # taxonomy tokens
    labels: list[str]  # partnership types (p:), stages (s:), languages (l:)
    summary: str  # for reasons: a startup's first sentence, a query's seek text
    # For reasons: where a query's seek clauses stand in `summary`, and those analysed.
    clause_spans: list[tuple[int, int]] = field(default_factory=list)
    clause_analyses: list[Analysis] = field(default_factory=list)
    seek_summary: str = ""  # for reasons: what a startup seeks
    own_text: str = ""  # for reasons: the words a query wrote itself (`_QueryWords`)


@dataclass
class _Side:
    """The vectors of a set of profiles; sparse rows are L2-normalised."""

    docs: list[_Doc]
    text: sp.csr_matrix  # whole profile: normalised sum of offer and seek
    text_norm: np.ndarray  # length of that sum before normalising
    seek: sp.csr_matrix
    offer: sp.csr_matrix
    concepts: sp.csr_matrix  # seek side of a query (expanded, see below), offer side of a startup
    lsa: np.ndarray | None
    tags: sp.csr_matrix
    partnership: sp.csr_matrix  # binary label columns
    stage: sp.csr_matrix
    languages: sp.csr_matrix
    available: np.ndarray  # (n, len(FEATURES)) 0/1: is the feature defined on this side?
    named_concepts: sp.csr_matrix | None = None  # a query's own concepts, for reasons
    clause_owner: np.ndarray | None = None  # query clauses: index of the owning row
    clause_text: sp.csr_matrix | None = None
    clause_concepts: sp.csr_matrix | None = None
    _transposed: dict[str, sp.csr_matrix] = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict:
        # The transposed copies are a cache: pickle (store) the matrices once only.
        return {**self.__dict__, "_transposed": {}}

    def uniform(self, name: str) -> bool:
        """Whether every row of the named matrix has the same columns."""
        matrix = getattr(self, name)
        lengths = np.diff(matrix.indptr)
        if len(lengths) == 0 or not np.all(lengths == lengths[0]):
            return False
        return bool(
            np.all(matrix.indices.reshape(len(lengths), -1) == matrix.indices[: lengths[0]])
        )

    def transposed(self, name: str) -> sp.csr_matrix | np.ndarray:
        """The named matrix transposed (CSR, or dense when it has few columns), kept: the
        pool side is reused by every chunk."""
        if name not in self._transposed:
            matrix = getattr(self, name)
            dense = matrix.shape[1] <= _DENSE_PRODUCT_COLUMNS
            self._transposed[name] = matrix.T.toarray() if dense else matrix.T.tocsr()
        return self._transposed[name]


class Matcher(BaseEstimator):
    """Ranks the startups it was fitted on for corporates and their needs.

    Parameters
    ----------
    weights : dict of content feature name to weight, default `DEFAULT_WEIGHTS`.
    compatibility : how much the compatibility signals scale the score, in [0, 1].
    n_components : dimensions of the latent semantic space (0 turns LSA off).
    lsa_sample : the LSA space is fitted on at most this many startups (speed on big pools).
    concept_weight : weight of glossary concepts beside words in the latent space.
    concept_pivot : pivoted length normalisation of the startups' concept vectors in the
        ``concepts`` signal: 0 is the plain cosine, 1 the dot product with vectors scaled to
        the pool's median length. The cosine over-rewards startups that name one matching
        topic and little else; in between, naming more of the glossary's topics counts.
    concept_expansion : weight of the concepts associated with a query's own concepts in the
        ``concepts`` signal (0 turns it off). Associations are learned in `fit` from which
        concepts the pool's startups name together (positive pointwise mutual information,
        each concept's strongest few): a need for "battery management" also finds a startup
        that speaks of "energy storage". It matters most for short and for German or
        Japanese texts, which name fewer concepts than the English pool.
    lang : default language of the reasons, "en", "de" or "ja".
    chunk_size : queries scored together (memory: chunk_size x pool x a few floats).
    blas_threads : BLAS threads while scoring; 1 suits a web worker, None leaves it alone.
    n_jobs : processes that analyse the pool in `fit` and rank the chunks of queries in
        `rank` (None: this one only; -1: one per CPU). The others are forked (Linux only;
        elsewhere this process does all), each with `blas_threads` BLAS threads (1 for
        n_jobs > 1 avoids oversubscription). For big batch runs such as ``matchmaker rank``,
        not for web workers. The results do not depend on it (the number of BLAS threads may
        change a score's last digit).
    random_state : seed of the randomised SVD, for deterministic results.
    """

    def __init__(
        self,
        weights: dict[str, float] | None = None,
        compatibility: float = 0.3,
        n_components: int = 96,
        lsa_sample: int = 10_000,
        concept_weight: float = 0.3,
        concept_pivot: float = 0.5,
        concept_expansion: float = 0.5,
        lang: str = "en",
        chunk_size: int = 512,
        blas_threads: int | None = 1,
        n_jobs: int | None = None,
        random_state: int = 0,
    ) -> None:
        self.weights = weights
        self.compatibility = compatibility
        self.n_components = n_components
        self.lsa_sample = lsa_sample
        self.concept_weight = concept_weight
        self.concept_pivot = concept_pivot
        self.concept_expansion = concept_expansion
        self.lang = lang
        self.chunk_size = chunk_size
        self.blas_threads = blas_threads
        self.n_jobs = n_jobs
        self.random_state = random_state

    def __getstate__(self) -> dict:
        # The remembered query analyses are a cache: not stored with the matcher.
        state = dict(super().__getstate__())
        state.pop("_query_docs", None)
        return state

    def __setstate__(self, state: dict) -> None:
        # Matchers stored (pickled in snapshots) before `n_jobs` existed.
        state.setdefault("n_jobs", None)
        super().__setstate__(state)

    def fit(self, startups: Sequence[Profile], y: None = None) -> Matcher:
        """Learn vocabularies, IDF weights and the latent space from the startup pool."""
        self._check_params()
        with threadpool_limits(self.blas_threads), _collector_paused():
            self.glossary_ = Glossary.load()
            self.analyzer_ = Analyzer(self.glossary_)
            docs = self._startup_docs(startups)
            # Vocabularies and IDF come from the startups' offer and seek texts (one document
            # each); the offers' rows are kept for the pool.
            self.vectorizer_ = ColumnTransformer(
                [(name, _tfidf(), index) for name, index in _BLOCKS]
            )
            seeks = [doc.seek for doc in docs if doc.seek.words or doc.seek.bigrams]
            texts = self.vectorizer_.fit_transform(
                _columns([doc.offer for doc in docs] + seeks + [_RESERVED_ANALYSIS])
            )
            offer_blocks = self._split(sp.csr_matrix(texts)[: len(docs)])
            lengths = offer_blocks[2][offer_blocks[2] > 0]
            self.concept_length_ = float(np.median(lengths)) if len(lengths) else 1.0
            self.concept_associations_ = _associations(offer_blocks[1])
            self.tag_vectorizer_ = _binary().fit([doc.tags for doc in docs] + [[_RESERVED]])
            self.label_vectorizer_ = _binary().fit([doc.labels for doc in docs] + [[_RESERVED]])
            self.concept_ids_ = self._names("concepts")
            self.terms_ = np.concatenate([self._names("words"), self._names("bigrams")])
            self.lsa_ = self._fit_lsa(offer_blocks)
            self.startup_ids_ = [startup.id for startup in startups]
            self.pool_ = self._encode(docs, query_side=False, offer_blocks=offer_blocks)
            # The vectors hold the analysed texts now; reasons quote only the rest of a doc.
            # (At 50,000 startups the tokens were 80 MB of a web worker's matcher.)
            for doc in docs:
                doc.offer = doc.seek = _NOTHING_ANALYSED
        return self

    def rank(
        self,
        queries: Iterable[Query | Profile],
        top_k: int = 10,
        lang: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Ranking]:
        """Rank the fitted startups for each query (a corporate `Profile` or a `Query`).

        Returns one `Ranking` per query, in order, each with at most `top_k` matches of
        score > 0, best first. `progress(done, total)` is called after each chunk.
        """
        check_is_fitted(self, "pool_")
        queries = [_as_query(query) for query in queries]
        chunks = [
            queries[start : start + self.chunk_size]
            for start in range(0, len(queries), self.chunk_size)
        ]
        jobs = self._jobs(len(chunks))
        if jobs > 1:
            # Transposed once here, the forked processes share the pool's columns.
            whole_unused = _unit(self.pool_.text_norm)  # see `_scores`
            for name in _POOL_PRODUCTS:
                if getattr(self.pool_, name).nnz and not (name == "text" and whole_unused):
                    self.pool_.transposed(name)
        rankings = []
        shared = (self, chunks, top_k, lang or self.lang)
        with _collector_paused():
            for part in _mapped(_rank_chunk, len(chunks), jobs, shared):
                rankings += part
                if progress:
                    progress(len(rankings), len(queries))
        return rankings

    def rank_one(self, query: Query | Profile, top_k: int = 10, lang: str | None = None) -> Ranking:
        """Rank the fitted startups for one (new) corporate or need."""
        return self.rank([query], top_k, lang)[0]

    def score_startups(
        self, query: Query | Profile, startups: Sequence[Profile], lang: str | None = None
    ) -> list[Match]:
        """Score the given startups for one query, best first, with the fitted model.

        For refreshing stored matches after a profile edit: the startups need not be part
        of the fitted pool. Pairs with nothing in common get score 0 and are returned too.
        """
        return self.score_pairs([query], startups, lang)[0]

    def score_pairs(
        self,
        queries: Sequence[Query | Profile],
        startups: Sequence[Profile],
        lang: str | None = None,
    ) -> list[list[Match]]:
        """Score the given startups for each query: one list per query, best first.

        Like `score_startups` for many queries at once (one edited startup against every
        open need), encoding the startups once.
        """
        check_is_fitted(self, "pool_")
        queries = [_as_query(query) for query in queries]
        results: list[list[Match]] = []
        if not startups:
            return [[] for _ in queries]
        with threadpool_limits(self.blas_threads):
            pool = self._encode([self._startup_doc(startup) for startup in startups], False)
            ids = [startup.id for startup in startups]
            for start in range(0, len(queries), self.chunk_size):
                chunk = queries[start : start + self.chunk_size]
                side = self._encode(
                    [self._remembered_doc(query) for query in chunk], query_side=True
                )
                rankings = self._rank_side(chunk, side, pool, len(ids), lang or self.lang, ids)
                results += [ranking.matches for ranking in rankings]
        return results

    def score_matrix(
        self, queries: Sequence[Query | Profile], startups: Sequence[Profile]
    ) -> np.ndarray:
        """The scores of `queries` x `startups` as a (queries, startups) array: the values
        `score_pairs` reports, without making any reasons. The startups need not be part
        of the fitted pool; memory is len(queries) x len(startups) floats."""
        check_is_fitted(self, "pool_")
        queries = [_as_query(query) for query in queries]
        result = np.zeros((len(queries), len(startups)))
        if not startups:
            return result
        with threadpool_limits(self.blas_threads):
            pool = self._encode([self._startup_doc(startup) for startup in startups], False)
            for start in range(0, len(queries), self.chunk_size):
                chunk = queries[start : start + self.chunk_size]
                side = self._encode(
                    [self._remembered_doc(query) for query in chunk], query_side=True
                )
                scores = self._scores(side, pool)
                result[start : start + len(chunk)] = _shown_scores(scores)
        return result

    def explain_pairs(
        self,
        queries: Sequence[Query | Profile],
        startups: Sequence[Profile],
        pairs: Sequence[tuple[int, int]],
        langs: Sequence[str] | None = None,
    ) -> dict[str, list[Match]]:
        """The match (score, features, reasons) of each `(query index, startup index)` pair
        of `queries` x `startups`, in the order given, for each language of `langs` (the
        matcher's `lang` by default): `{lang: matches}`.

        What `score_pairs` reports for those pairs, but reasons, the dear part, are made for
        the given pairs only, and both sides are encoded once for all languages: for a few
        chosen pairs among many, such as the one need each of a few startups is shown at.
        The startups need not be part of the fitted pool.
        """
        check_is_fitted(self, "pool_")
        queries = [_as_query(query) for query in queries]
        langs = list(langs or [self.lang])
        found: dict[str, dict[tuple[int, int], Match]] = {lang: {} for lang in langs}
        wanted = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        if not len(wanted):
            return {lang: [] for lang in langs}
        with threadpool_limits(self.blas_threads):
            pool = self._encode([self._startup_doc(startup) for startup in startups], False)
            ids = [startup.id for startup in startups]
            for start in range(0, len(queries), self.chunk_size):
                inside = wanted[(wanted[:, 0] >= start) & (wanted[:, 0] < start + self.chunk_size)]
                if not len(inside):
                    continue
                chunk = queries[start : start + self.chunk_size]
                side = self._encode(
                    [self._remembered_doc(query) for query in chunk], query_side=True
                )
                scores = self._scores(side, pool)
                rows, cols = inside[:, 0] - start, inside[:, 1]
                features = self._pair_features(side, pool, rows, cols)
                for lang in langs:
                    matches = self._pair_matches(
                        side, pool, rows, cols, features, scores, lang, ids
                    )
                    found[lang].update(zip(map(tuple, inside.tolist()), matches, strict=True))
        return {lang: [found[lang][row, col] for row, col in wanted.tolist()] for lang in langs}

    def best_query_per_startup(
        self,
        queries: Iterable[Query | Profile],
        exclude: Iterable[tuple[int, str]] = (),
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each fitted startup (in `startup_ids_` order), the query that scores it
        highest: returns `(query_index, score)`, two arrays as long as the pool. A startup
        that no query scores above 0 gets index -1 and score 0; ties go to the lowest index.
        Pairs in `exclude` (query index, startup id) do not count: a company that
        dismissed the startup, say.

        Scores are those `rank` reports for the pair (six decimals), and they are what is
        compared: of two queries showing the same score the first wins, as it does for
        `score_matrix` and `np.argmax`. No reasons are made, so this is cheap: for an
        exposure floor, which needs each startup's best query however far down that
        query's ranking it sits. Memory is that of `rank` (chunk_size x pool).
        """
        check_is_fitted(self, "pool_")
        queries = [_as_query(query) for query in queries]
        count = len(self.startup_ids_)
        best_index = np.full(count, -1, dtype=np.int64)
        best_score = np.zeros(count, dtype=np.float64)
        if not count:
            return best_index, best_score
        column = {startup_id: index for index, startup_id in enumerate(self.startup_ids_)}
        excluded = np.array(
            [(row, column[startup_id]) for row, startup_id in exclude if startup_id in column],
            dtype=np.int64,
        ).reshape(-1, 2)
        with threadpool_limits(self.blas_threads):
            for start in range(0, len(queries), self.chunk_size):
                chunk = queries[start : start + self.chunk_size]
                side = self._encode(
                    [self._remembered_doc(query) for query in chunk], query_side=True
                )
                scores = self._scores(side, self.pool_)
                # Shown scores are float64: made a few rows at a time, not for the chunk.
                for first in range(start, start + len(chunk), _SHOWN_ROWS):
                    shown = _shown_scores(scores[first - start : first - start + _SHOWN_ROWS])
                    inside = (excluded[:, 0] >= first) & (excluded[:, 0] < first + len(shown))
                    shown[excluded[inside, 0] - first, excluded[inside, 1]] = 0
                    rows = np.argmax(shown, axis=0)  # the first of equal maxima: lowest index
                    values = shown[rows, np.arange(count)]
                    # Strictly better only: earlier rows keep their ties.
                    better = values > best_score
                    best_score[better] = values[better]
                    best_index[better] = first + rows[better]
        return best_index, best_score

    # ---------------------------------------------------------------- internals
    def _jobs(self, tasks: int) -> int:
        """How many processes share `tasks` pieces of work."""
        jobs = self.n_jobs or 1
        if jobs < 0:
            jobs = os.cpu_count() or 1
        if not sys.platform.startswith("linux"):
            return 1  # forking is unsafe (macOS) or unavailable (Windows)
        return max(1, min(jobs, tasks))

    def _startup_docs(self, startups: Sequence[Profile]) -> list[_Doc]:
        """The analysed startups, in `n_jobs` processes for big pools."""
        pieces = -(-len(startups) // _ANALYSIS_PIECE)
        jobs = self._jobs(pieces if len(startups) >= _ANALYSIS_PROCESSES_FROM else 1)
        if jobs == 1:
            return [self._startup_doc(startup) for startup in startups]
        bounds = [
            (start, min(start + _ANALYSIS_PIECE, len(startups)))
            for start in range(0, len(startups), _ANALYSIS_PIECE)
        ]
        docs: list[_Doc] = []
        for packed in _mapped(_analysed_piece, len(bounds), jobs, (self, startups, bounds)):
            docs += map(_unpacked, packed)
        return docs

    def _rank_chunk(self, chunk: list[Query], top_k: int, lang: str) -> list[Ranking]:
        with threadpool_limits(self.blas_threads):
            side = self._encode([self._query_doc(query) for query in chunk], query_side=True)
            return self._rank_side(chunk, side, self.pool_, top_k, lang)

    def _check_params(self) -> None:
        unknown = set(self.weights or {}) - set(CONTENT_FEATURES)
        if unknown:
            raise ValueError(f"unknown feature weights: {sorted(unknown)}")
        if not 0 <= self.compatibility <= 1:
            raise ValueError("compatibility must be in [0, 1]")
        if not 0 <= self.concept_pivot <= 1:
            raise ValueError("concept_pivot must be in [0, 1]")
        if not 0 <= self.concept_expansion <= 1:
            raise ValueError("concept_expansion must be in [0, 1]")
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}")
        if self.n_jobs is not None and (
            not isinstance(self.n_jobs, int) or self.n_jobs < -1 or self.n_jobs == 0
        ):
            raise ValueError("n_jobs must be None, -1 or a positive number")

    def _names(self, block: str) -> np.ndarray:
        return self.vectorizer_.named_transformers_[block].get_feature_names_out()

    def _startup_doc(self, startup: Profile) -> _Doc:
        analyze = self.analyzer_.analyze
        offer = analyze(
            _sentences(
                startup.name,
                startup.description,
                startup.offers,
                *startup.industries,
                *startup.technologies,
            )
        )
        summary = _first_sentence(startup.offers or startup.description) or startup.name
        return _Doc(
            offer=offer,
            seek=analyze(startup.seeks),
            tags=self._tags(startup.industries + startup.technologies),
            labels=_labels(startup.partnership_types, (startup.stage,), startup.languages),
            summary=_shorten(summary or startup.id),
            seek_summary=startup.seeks,
        )

    def _remembered_doc(self, query: Query) -> _Doc:
        """`_query_doc`, remembered (up to `_REMEMBERED_QUERIES` of them): an app scores
        every edited startup against the same open needs, and analysing their texts is most
        of that work. A query is its texts, so an edited need is a new query."""
        remembered = self.__dict__.setdefault("_query_docs", {})
        doc = remembered.get(query)
        if doc is None:
            if len(remembered) >= _REMEMBERED_QUERIES:
                remembered.clear()
            doc = remembered[query] = self._query_doc(query)
        return doc

    def _query_doc(self, query: Query) -> _Doc:
        corporate, need = query.corporate, query.need
        needs = (need,) if need else corporate.needs
        # What is sought, in words, then the tags: (text, whether a reason may quote it).
        parts = [(corporate.seeks, True)] if not need else []
        for n in needs:
            parts += [(n.title, True), (n.description, True)]
            parts += [(technology, False) for technology in n.technologies]
        company_tags = (*corporate.industries, *corporate.technologies)
        if not need:
            # A need's text is the need's: a medical company's need for IT security seeks
            # security, not healthcare (its industries still count in `taxonomy`).
            parts += [(tag, False) for tag in company_tags]
        seek_text = _sentences(*(text for text, _ in parts))
        technologies = tuple(t for n in needs for t in n.technologies)
        partnership_types = need.partnership_types if need else corporate.partnership_types
        analyze = self.analyzer_.analyze
        offer_text = _sentences(corporate.name, corporate.description, corporate.offers)
        # A reason quotes the need's own words as the need, never a tag ("Healthcare").
        quotable = _quotable(parts)
        spans = [
            (start, end)
            for start, end in _clause_spans(seek_text)
            if end - start > 2 and any(low <= start and end <= high for low, high in quotable)
        ]
        return _Doc(
            offer=analyze(offer_text),
            seek=analyze(seek_text),
            tags=self._tags(company_tags + technologies),
            labels=_labels(partnership_types, corporate.target_stages, corporate.languages),
            summary=seek_text,
            clause_spans=spans,
            clause_analyses=[analyze(seek_text[start:end]) for start, end in spans],
            own_text=_without_name(
                _sentences(
                    *(text for text, quotable in parts if quotable),
                    *([] if need else [corporate.description, corporate.offers]),
                ),
                corporate.name,
            ),
        )

    def _tags(self, tags: Iterable[str]) -> list[str]:
        # A tag counts as its main glossary concept when it has one, else as itself.
        tokens = []
        for tag in tags:
            concepts = self.analyzer_.analyze(tag).concepts
            tokens.append(concepts[0] if concepts else f"tag:{tag.strip().lower()}")
        return tokens

    def _blocks(
        self, analyses: Sequence[Analysis]
    ) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray]:
        """(text, concepts) blocks of analysed texts, each row L2-normalised, and the
        lengths of the concept rows before normalising."""
        if not analyses:  # scikit-learn refuses to transform nothing
            width = self.vectorizer_.output_indices_["concepts"].stop
            return self._split(sp.csr_matrix((0, width), dtype=np.float32))
        # The fitted column transformers are applied one by one rather than through
        # `ColumnTransformer.transform`: its joblib hand-over warns, now and then, when
        # web-server threads transform at the same time, and costs more than the work here.
        columns = _columns(analyses)
        transformers = self.vectorizer_.named_transformers_
        return self._split(
            sp.hstack(
                [transformers[name].transform(columns[:, index]) for name, index in _BLOCKS],
                format="csr",
            )
        )

    def _split(self, matrix: sp.csr_matrix) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray]:
        slices = self.vectorizer_.output_indices_
        text = matrix[:, slices["words"].start : slices["bigrams"].stop]
        concepts = matrix[:, slices["concepts"]]
        lengths = np.sqrt(np.asarray(concepts.multiply(concepts).sum(axis=1)).ravel())
        return _unit_rows(text), _unit_rows(concepts), lengths

    def _pivoted(self, concepts: sp.csr_matrix, lengths: np.ndarray) -> sp.csr_matrix:
        """Unit concept rows scaled by (length / the pool's median length) ** concept_pivot."""
        if not self.concept_pivot:
            return concepts
        scale = (lengths / self.concept_length_) ** self.concept_pivot
        return sp.csr_matrix(sp.diags(scale.astype(np.float32)) @ concepts)

    def _expanded(self, concepts: sp.csr_matrix) -> sp.csr_matrix:
        """Unit concept rows plus `concept_expansion` times their learned associates."""
        if not self.concept_expansion or concepts.nnz == 0:
            return concepts
        associated = concepts @ self.concept_associations_
        return _unit_rows(sp.csr_matrix(concepts + self.concept_expansion * associated))

    def _lsa_input(self, text: sp.csr_matrix, concepts: sp.csr_matrix) -> sp.csr_matrix:
        return _unit_rows(sp.hstack([text, self.concept_weight * concepts], format="csr"))

    def _fit_lsa(
        self, offer_blocks: tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray]
    ) -> object | None:
        text, concepts, _ = offer_blocks
        if text.shape[0] > self.lsa_sample:
            rng = np.random.default_rng(self.random_state)
            rows = np.sort(rng.choice(text.shape[0], self.lsa_sample, replace=False))
            text, concepts = text[rows], concepts[rows]
        matrix = self._lsa_input(text, concepts)
        # On large pools, leave out the terms of one document only: they relate no documents
        # and dropping them makes the SVD several times faster. Small pools keep every term.
        min_df = 2 if matrix.shape[0] >= _LSA_PRUNE_ROWS else 1
        df = np.bincount(matrix.indices, minlength=matrix.shape[1])
        columns = np.flatnonzero(df >= min_df)
        components = min(self.n_components, len(columns) - 1, matrix.shape[0] - 1)
        if components < 2:
            return None
        svd = TruncatedSVD(
            components,
            algorithm="randomized",
            n_iter=_SVD_ITERATIONS,
            random_state=self.random_state,
        )
        select = FunctionTransformer(
            _select_columns, kw_args={"columns": columns}, accept_sparse=True
        )
        return make_pipeline(select, svd, Normalizer(copy=False)).fit(matrix)

    def _encode(
        self,
        docs: list[_Doc],
        query_side: bool,
        offer_blocks: tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray] | None = None,
    ) -> _Side:
        offer, offer_concepts, lengths = offer_blocks or self._blocks([d.offer for d in docs])
        seek, seek_concepts, _ = self._blocks([doc.seek for doc in docs])
        whole = offer + seek
        text_norm = np.sqrt(np.asarray(whole.multiply(whole).sum(axis=1)).ravel())
        text = _unit_rows(whole)
        if query_side:
            concepts = self._expanded(seek_concepts)
        else:
            concepts = self._pivoted(offer_concepts, lengths)
        lsa = None
        if self.lsa_ is not None:
            source = (seek, seek_concepts) if query_side else (offer, offer_concepts)
            lsa = self.lsa_.transform(self._lsa_input(*source)).astype(np.float32)
        has_seek, has_offer = _has_rows(seek), _has_rows(offer)
        available = np.ones((len(docs), len(FEATURES)), dtype=np.float32)
        column = {name: index for index, name in enumerate(FEATURES)}
        kinds = [[label[0] for label in doc.labels] for doc in docs]
        for name, prefix in (("partnership", "p"), ("stage", "s"), ("language", "l")):
            available[:, column[name]] = [prefix in row for row in kinds]
        available[:, column["taxonomy"]] = [bool(doc.tags) for doc in docs]
        available[:, column["offer_seek"]] = has_offer if query_side else has_seek
        if query_side:
            available[:, column["text"]] = has_seek | has_offer
            available[:, column["seek_offer"]] = has_seek
            available[:, column["concepts"]] = _has_rows(concepts)
            available[:, column["lsa"]] = has_seek & (lsa is not None)
        elif lsa is None:
            available[:, column["lsa"]] = 0
        labels = self.label_vectorizer_.transform([doc.labels for doc in docs]).tocsr()
        vocabulary = self.label_vectorizer_.vocabulary_
        columns = {
            prefix: sorted(i for label, i in vocabulary.items() if label[0] == prefix)
            for prefix in "psl"
        }
        side = _Side(
            docs=docs,
            text=text,
            text_norm=np.maximum(text_norm, 1e-9).astype(np.float32),
            seek=seek,
            offer=offer,
            concepts=concepts,
            named_concepts=seek_concepts if query_side else None,
            lsa=lsa,
            tags=_unit_rows(self.tag_vectorizer_.transform([doc.tags for doc in docs])),
            partnership=labels[:, columns["p"]],
            stage=labels[:, columns["s"]],
            languages=labels[:, columns["l"]],
            available=available,
        )
        if query_side:
            owners = [row for row, doc in enumerate(docs) for _ in doc.clause_spans]
            clauses = [analysis for doc in docs for analysis in doc.clause_analyses]
            side.clause_owner = np.asarray(owners, dtype=np.int64)
            side.clause_text, side.clause_concepts, _ = self._blocks(clauses)
        return side

    def _product(self, left: sp.csr_matrix | np.ndarray, pool: _Side, block: str) -> np.ndarray:
        """Dense (queries x pool) product of query rows with the named block of the pool."""
        right_t = pool.transposed(block)
        if isinstance(right_t, np.ndarray):
            # Few columns (concepts, labels): most pairs overlap, BLAS on dense is cheaper.
            return (left if isinstance(left, np.ndarray) else left.toarray()) @ right_t
        return _sparse_product(sp.csr_matrix(left), right_t, self.blas_threads or 1)

    def _label_features(self, queries: _Side, pool: _Side) -> dict[str, np.ndarray]:
        """The compatibility features (1 or 0) of every pair that compares the labels: one
        column, broadcast, when every startup has the same labels."""
        features = {}
        for name, labels in zip(COMPATIBILITY_FEATURES, _LABEL_BLOCKS, strict=True):
            left, right = getattr(queries, labels), getattr(pool, labels)
            if left.nnz == 0 or right.nnz == 0:
                continue
            if pool.uniform(labels):
                # Every startup has the same labels (all "en", say): one column, broadcast.
                column = ((left @ right[:1].T).toarray() > 0).astype(np.float32)
                features[name] = np.broadcast_to(column, (left.shape[0], right.shape[0]))
            else:
                features[name] = (self._product(left, pool, labels) > 0).astype(np.float32)
        return features

    def _scores(self, queries: _Side, pool: _Side) -> np.ndarray:
        """Combined scores of every (query, startup) pair: the weighted mean of the content
        signals available for the pair, times the compatibility factor.

        The signals are not made one by one and then added up: every weight and every
        factor that is one number per query goes into the query rows, and the rows are
        multiplied with the pool's blocks, so the (queries x pool) array is passed over a
        few times instead of a dozen. `_pair_features` gives the single signals of the
        pairs that are shown."""
        weights = _weights(self.weights)
        shape = (queries.available.shape[0], pool.available.shape[0])
        scale = 1 / np.maximum(_pair_sum(queries.available * weights, pool.available), 1e-9)
        compatible = self._compatible(self._label_features(queries, pool), queries, pool, shape)
        if scale.shape[1] == 1 and compatible is not None and compatible.shape[1] == 1:
            scale, compatible = scale * compatible, None
        per_query = scale[:, 0] if scale.shape[1] == 1 else np.ones(shape[0], np.float32)
        weight = {name: float(w) for name, w in zip(FEATURES, weights, strict=True)}

        def scaled(matrix: sp.csr_matrix, factor: np.ndarray) -> sp.csr_matrix:
            # Each query's row times its factor.
            return sp.csr_matrix(sp.diags(factor.astype(np.float32)) @ matrix)

        # Words: the whole profile's cosine is (offer + seek) . (pool offer + pool seek)
        # over both lengths. When the pool's whole vectors have length 1 (no startup says
        # both what it offers and what it seeks), it shares the pool's blocks with
        # seek_offer (seek . pool offer) and offer_seek (offer . pool seek): two products.
        whole_weight = weight["text"] * per_query
        if _unit(pool.text_norm):
            whole = scaled(queries.offer + queries.seek, whole_weight / queries.text_norm)
            parts = [
                (whole + scaled(queries.seek, weight["seek_offer"] * per_query), "offer"),
                (whole + scaled(queries.offer, weight["offer_seek"] * per_query), "seek"),
            ]
        else:
            parts = [
                (scaled(queries.text, whole_weight), "text"),
                (scaled(queries.seek, weight["seek_offer"] * per_query), "offer"),
                (scaled(queries.offer, weight["offer_seek"] * per_query), "seek"),
            ]
        parts += [
            (scaled(queries.concepts, weight["concepts"] * per_query), "concepts"),
            (scaled(queries.tags, weight["taxonomy"] * per_query), "tags"),
        ]
        content = None
        for left, block in parts:
            if left.nnz == 0 or getattr(pool, block).nnz == 0:
                continue
            product = self._product(left, pool, block)
            if content is None:
                content = product
            else:
                content += product
        if queries.lsa is not None and pool.lsa is not None and weight["lsa"]:
            lsa = (queries.lsa * (weight["lsa"] * per_query)[:, None]) @ pool.lsa.T
            np.maximum(lsa, 0, out=lsa)  # cosines below 0 count as 0
            if content is None:
                content = lsa
            else:
                content += lsa
        if content is None:
            return np.zeros(shape, np.float32)
        if scale.shape[1] != 1:
            content *= scale
        if compatible is not None:
            content *= compatible
        # No clipping pass: every signal is >= 0, and shown scores are clipped to 1.
        return content

    def _pair_features(
        self, queries: _Side, pool: _Side, rows: np.ndarray, cols: np.ndarray
    ) -> dict[str, np.ndarray]:
        """The single signals of the given (query row, pool column) pairs, capped at 1:
        what the score of each pair is made of."""

        def dot(query_block: str, pool_block: str) -> np.ndarray:
            left, right = getattr(queries, query_block), getattr(pool, pool_block)
            if left.nnz == 0 or right.nnz == 0:
                return np.zeros(len(rows), np.float32)
            return np.asarray(left[rows].multiply(right[cols]).sum(axis=1)).ravel()

        features = {
            "text": dot("text", "text"),
            "seek_offer": dot("seek", "offer"),
            "offer_seek": dot("offer", "seek"),
            "concepts": dot("concepts", "concepts"),
            "taxonomy": dot("tags", "tags"),
            "lsa": np.zeros(len(rows), np.float32),
        }
        if queries.lsa is not None and pool.lsa is not None:
            features["lsa"] = np.einsum("ij,ij->i", queries.lsa[rows], pool.lsa[cols])
        for name, labels in zip(COMPATIBILITY_FEATURES, _LABEL_BLOCKS, strict=True):
            features[name] = (dot(labels, labels) > 0).astype(np.float32)
        return {name: np.clip(value, 0.0, 1.0) for name, value in features.items()}

    def _compatible(
        self,
        features: dict[str, np.ndarray],
        queries: _Side,
        pool: _Side,
        shape: tuple[int, int],
    ) -> np.ndarray | None:
        """The factor ``1 - c + c * share of compatible labels`` of each pair, one column
        when it is the same for the whole pool, or None when no pair compares labels."""
        compared = _pair_sum(queries.available * _COMPATIBILITY_MASK, pool.available)
        if compared.any():
            present = [features[name] for name in COMPATIBILITY_FEATURES if name in features]
            # Labels shared by the whole pool give one column per query: stay that small.
            narrow = compared.shape[1] == 1 and all(f.strides[1] == 0 for f in present)
            compatible = np.zeros(compared.shape if narrow else shape, np.float32)
            for feature in present:
                compatible += feature[:, :1] if narrow else feature
            compatible /= np.maximum(compared, 1)
            if not compared.all():
                compatible[np.broadcast_to(compared == 0, compatible.shape)] = 1
            compatible *= self.compatibility
            compatible += 1 - self.compatibility
            return compatible
        return None

    def _rank_side(
        self,
        queries: list[Query],
        side: _Side,
        pool: _Side,
        top_k: int,
        lang: str,
        pool_ids: list[str] | None = None,
    ) -> list[Ranking]:
        pool_ids = pool_ids if pool_ids is not None else self.startup_ids_
        rankings = [Ranking(query.corporate.id, query.need_id) for query in queries]
        if not pool_ids or top_k <= 0:
            return rankings
        scores = self._scores(side, pool)
        top = _top_indices(scores, top_k, self.blas_threads or 1)
        keep_zero = pool is not self.pool_  # score_startups reports every given startup
        rows = np.repeat(np.arange(len(top)), [len(indices) for indices in top])
        cols = np.concatenate(top).astype(np.int64) if len(top) else np.zeros(0, np.int64)
        if not keep_zero:
            positive = scores[rows, cols] >= _MIN_SCORE
            rows, cols = rows[positive], cols[positive]
        features = self._pair_features(side, pool, rows, cols)
        matches = self._pair_matches(side, pool, rows, cols, features, scores, lang, pool_ids)
        for row, match in zip(rows.tolist(), matches, strict=True):
            rankings[row].matches.append(match)
        return rankings

    def _pair_matches(
        self,
        side: _Side,
        pool: _Side,
        rows: np.ndarray,
        cols: np.ndarray,
        features: dict[str, np.ndarray],
        scores: np.ndarray,
        lang: str,
        pool_ids: list[str],
    ) -> list[Match]:
        """The `Match` of each (query row, pool column) pair, with its reasons in `lang`;
        `features` are the pairs' own (`_pair_features`)."""
        reasons = self._reasons(side, pool, rows, cols, features, lang)
        available = (side.available[rows] * pool.available[cols]).astype(bool)
        values = np.zeros((len(rows), len(FEATURES)))
        for index, name in enumerate(FEATURES):
            values[:, index] = features[name]
        values = np.round(values, 6).tolist()
        pair_scores = _shown_scores(scores[rows, cols]).tolist()
        # Pairs share few availability patterns: look the shown feature names up once each.
        patterns = np.packbits(available, axis=1, bitorder="little").tolist()
        shown_names: dict[tuple[int, ...], list[int]] = {}
        matches = []
        for index, col in enumerate(cols.tolist()):
            pattern = tuple(patterns[index])
            if pattern not in shown_names:
                shown_names[pattern] = np.flatnonzero(available[index]).tolist()
            shown = {FEATURES[i]: values[index][i] for i in shown_names[pattern]}
            matches.append(Match(pool_ids[col], pair_scores[index], shown, reasons[index]))
        return matches

    def _reasons(
        self,
        queries: _Side,
        pool: _Side,
        rows: np.ndarray,
        cols: np.ndarray,
        features: dict[str, np.ndarray],
        lang: str,
    ) -> list[list[str]]:
        if len(rows) == 0:
            return []
        # Business words ("partner", "customers") explain less than industries/technologies.
        kind_weight = np.array(
            [
                1.0
                if c in self.glossary_.concepts and self.glossary_.concepts[c].kind != "business"
                else 0.3
                for c in self.concept_ids_
            ]
        )
        # Reasons name what the query itself says, not the concepts associated with it.
        named = queries.named_concepts if queries.named_concepts is not None else queries.concepts
        shared_concepts = _strongest(
            named[rows].multiply(pool.concepts[cols]).multiply(kind_weight).tocsr(), 3
        )
        shared_terms = _strongest(
            queries.text[rows].multiply(pool.text[cols]).tocsr(), _TERM_CANDIDATES
        )
        aspects = self._best_clauses(queries, pool, rows, cols)
        written: dict[int, _QueryWords] = {}  # query row -> the words it wrote
        topic_words: dict[int, tuple[set[str], str]] = {}  # concept -> its names' stems, names
        terms = self.terms_.tolist()
        concepts = self.glossary_.concepts
        concept_names = [
            concepts[c].label(lang) if c in concepts else c for c in self.concept_ids_.tolist()
        ]
        offer_seek = features["offer_seek"]
        reasons = []
        for index, (row, col) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
            query_doc, startup_doc = queries.docs[row], pool.docs[col]
            if row not in written:
                written[row] = _QueryWords(self.analyzer_, query_doc)
            topics = shared_concepts[index]
            for column in topics:
                if column not in topic_words:
                    concept = concepts.get(self.concept_ids_[column])
                    names = [concept.label(name_lang) for name_lang in LANGUAGES] if concept else []
                    joined = " ".join(names)
                    topic_words[column] = (self.analyzer_.stems_of(joined), joined)
            their_seek = ""
            if offer_seek[index] > 0.1:
                their_seek = _shorten(_first_sentence(startup_doc.seek_summary))
            evidence = Evidence(
                offer=startup_doc.summary,
                aspect=_quoted(query_doc.summary, aspects[index]) if aspects[index] else "",
                concepts=[concept_names[i] for i in topics],
                terms=written[row].shown(
                    [terms[i] for i in shared_terms[index]],
                    set().union(*(topic_words[column][0] for column in topics)),
                    " ".join(topic_words[column][1] for column in topics),
                ),
                their_seek=their_seek,
            )
            if query_doc.tags and startup_doc.tags:
                evidence.tags = _shared(query_doc.tags, startup_doc.tags, self.glossary_, lang)
            if query_doc.labels and startup_doc.labels:
                shared = [label for label in query_doc.labels if label in startup_doc.labels]
                evidence.partnership_types = _unprefixed(shared, "p:")
                evidence.stages = _unprefixed(shared, "s:")
                evidence.languages = _unprefixed(shared, "l:")
            reasons.append(explain(evidence, lang))
        return reasons

    def _best_clauses(
        self, queries: _Side, pool: _Side, rows: np.ndarray, cols: np.ndarray
    ) -> list[tuple[int, int] | None]:
        """For each pair, where the clause of the query's seek text closest to the startup
        stands in it (None when no clause shares anything with it)."""
        owners = queries.clause_owner
        best: list[tuple[int, int] | None] = [None] * len(rows)
        if owners is None or len(owners) == 0:
            return best
        clause_rows = [np.flatnonzero(owners == row) for row in range(len(queries.docs))]
        pair_index = np.repeat(np.arange(len(rows)), [len(clause_rows[r]) for r in rows])
        clause_index = np.concatenate([clause_rows[r] for r in rows]) if len(pair_index) else []
        if len(pair_index) == 0:
            return best
        startup_index = cols[pair_index]
        similarity = (
            np.asarray(
                queries.clause_text[clause_index].multiply(pool.offer[startup_index]).sum(axis=1)
            ).ravel()
            + self.concept_weight
            * np.asarray(
                queries.clause_concepts[clause_index]
                .multiply(pool.concepts[startup_index])
                .sum(axis=1)
            ).ravel()
        )
        spans = [span for doc in queries.docs for span in doc.clause_spans]
        best_score = np.zeros(len(rows))
        for pair, clause, value in zip(pair_index, clause_index, similarity, strict=True):
            if value > best_score[pair]:
                best_score[pair] = value
                best[pair] = spans[clause]
        return best


_DENSE_PRODUCT_COLUMNS = 2_000
# The label blocks of the compatibility features, in their order.
_LABEL_BLOCKS = ("partnership", "stage", "languages")
# The pool's blocks that query rows are multiplied with.
_POOL_PRODUCTS = ("text", "seek", "offer", "concepts", "tags", *_LABEL_BLOCKS)
# Analysis of the pool is shared out in pieces of this many startups, to other processes only
# from this size of pool on (below it, forking costs more than it saves).
_ANALYSIS_PIECE = 2_000
_ANALYSIS_PROCESSES_FROM = 5_000
# Power iterations of the randomised SVD: 3 instead of scikit-learn's 5 costs no measurable
# ranking quality and a third of the fitting time on large pools.
_SVD_ITERATIONS = 3
_LSA_PRUNE_ROWS = 5_000
# Shared terms a reason shows: of a pair's strongest shared words, the first three the
# query wrote itself (`_QueryWords`).
_TERM_CANDIDATES = 8
_SHOWN_TERMS = 3
# Words both sides write that say nothing about the fit: where the parties are, when, and
# the verbs and adjectives of any profile.
# fmt: off
_PLAIN_WORDS = frozenset([
    "europe", "european", "japan", "japanese", "germany", "german", "asia", "global",
    "world", "international", "europa", "europäisch", "europäische", "deutschland",
    "deutsche", "japanisch", "japanische", "weltweit", "help", "helps", "want", "wants",
    "need", "needs", "new", "neue", "small", "mid", "large", "big", "manage", "use", "make",
    "build", "based", "first", "best", "better", "looking", "seek", "seeks", "suchen",
    "partner", "partners", "company", "companies", "unternehmen", "firma", "kunden",
    "customers", "clients", "ways", "work", "works", "across", "fit", "fits", "gmbh", "ltd",
    "inc", "corp", "欧州", "日本", "企業", "当社", "弊社", "拠点", "顧客", "提供", "支援",
    "事業", "製品", "協業", "year", "years", "next", "today", "jahr", "jahre", "jahren",
    "heute",
])
# fmt: on
_LATIN_WORD = re.compile("[0-9A-Za-z\u00c0-\u024f]+")
# What ends a sentence, and what may stand between that and the next sentence's first word.
_SENTENCE_STOPS = (".", "!", "?", ":", ";", "\n", "。")
_OPENING_MARKS = " \t\"'“„\u2018([*•"
_KANA = re.compile("[\u3040-\u30ff\uff66-\uff9f]")
# Scores are reported to six decimals; below that a pair has nothing in common worth showing.
_MIN_SCORE = 1e-6
# Analysed queries a matcher remembers for scoring (about 7 KB each): more than the open
# needs of a large office.
_REMEMBERED_QUERIES = 4_096
# Rows of a chunk's scores rounded at a time when only the best of each column is wanted.
_SHOWN_ROWS = 64
_PRODUCT_ROWS = 64
_COMPATIBILITY_MASK = np.array([name in COMPATIBILITY_FEATURES for name in FEATURES], np.float32)


# Concept associations: each concept's strongest this many associates, each seen together
# in at least this many startups (rarer pairs are chance).
_ASSOCIATES = 5
_MIN_TOGETHER = 3


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused meanwhile. Analysing a pool and making matches build
    millions of small objects, and each full collection walks the whole (big) heap again:
    without it, half the time of unpacking analysed texts, say. Nothing here makes
    reference cycles; whatever others make is collected once it runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# What forked processes work on: set just before they are forked (which copies it to them),
# under the lock, so that two threads never fork with each other's work.
_SHARED: tuple = ()
_FORKING = threading.Lock()


def _mapped(
    function: Callable[[tuple, int], object], tasks: int, jobs: int, shared: tuple
) -> Iterator:
    """`function(shared, index)` for each index of `tasks`, in order: in this process for
    `jobs` 1, else in `jobs` forked processes (which find `shared` in `_SHARED`)."""
    if jobs == 1:
        yield from (function(shared, index) for index in range(tasks))
        return
    global _SHARED
    with _FORKING:
        _SHARED = shared
        # Objects the collector never visits stay shared with the forked processes instead
        # of being copied into each (it writes to every object it looks at). Frozen by
        # someone else before: left frozen, ours with them.
        frozen = gc.get_freeze_count()
        gc.freeze()
        try:
            # A process that dies (out of memory, say) ends this with BrokenProcessPool.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs, mp_context=context) as executor:
                yield from executor.map(partial(_with_shared, function), range(tasks))
        finally:
            if not frozen:
                gc.unfreeze()
            _SHARED = ()


def _with_shared(function: Callable[[tuple, int], object], index: int) -> object:
    return function(_SHARED, index)


def _rank_chunk(shared: tuple, index: int) -> list[Ranking]:
    matcher, chunks, top_k, lang = shared
    return matcher._rank_chunk(chunks[index], top_k, lang)


def _analysed_piece(shared: tuple, index: int) -> list[tuple]:
    matcher, startups, bounds = shared
    start, stop = bounds[index]
    return [_packed(matcher._startup_doc(startup)) for startup in startups[start:stop]]


# Analysed tokens are words, CJK characters and concept ids, never control characters: they
# join into one string per list, which passes between processes many times faster.
_JOIN = "\x1f"


def _packed(doc: _Doc) -> tuple:
    analyses = [
        (analysis.lang, *map(_JOIN.join, (analysis.words, analysis.bigrams, analysis.concepts)))
        for analysis in (doc.offer, doc.seek)
    ]
    return (*analyses, doc.tags, doc.labels, doc.summary, doc.seek_summary)


def _unpacked(packed: tuple) -> _Doc:
    def analysis(lang: str, *joined: str) -> Analysis:
        return Analysis(lang, *(tokens.split(_JOIN) if tokens else [] for tokens in joined))

    offer, seek, tags, labels, summary, seek_summary = packed
    return _Doc(analysis(*offer), analysis(*seek), tags, labels, summary, [], seek_summary)


def _associations(concepts: sp.csr_matrix) -> sp.csr_matrix:
    """Concept-to-concept associations of a pool: positive pointwise mutual information of
    two concepts named by the same startups, each concept's `_ASSOCIATES` strongest kept,
    scaled so that its strongest is 1. Square, no diagonal."""
    binary = (concepts > 0).astype(np.float64)
    together = (binary.T @ binary).toarray()
    named = np.diag(together).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(together * binary.shape[0] / np.outer(named, named))
    pmi[~np.isfinite(pmi) | (together < _MIN_TOGETHER)] = 0
    np.fill_diagonal(pmi, 0)
    np.maximum(pmi, 0, out=pmi)
    # Ties broken by column, so that the same pool always gives the same associations.
    order = np.lexsort((np.broadcast_to(np.arange(len(pmi)), pmi.shape), -pmi), axis=1)
    weak = order[:, _ASSOCIATES:]
    np.put_along_axis(pmi, weak, 0, axis=1)
    strongest = pmi.max(axis=1, keepdims=True) if len(pmi) else pmi
    pmi = np.divide(pmi, strongest, out=np.zeros_like(pmi), where=strongest > 0)
    return sp.csr_matrix(pmi.astype(np.float32))


def _weights(weights: dict[str, float] | None) -> np.ndarray:
    """The content weights in `FEATURES` order (0 for the compatibility features)."""
    chosen = weights or DEFAULT_WEIGHTS
    return np.array([chosen.get(name, 0.0) for name in FEATURES], dtype=np.float32)


def _shown_scores(scores: np.ndarray) -> np.ndarray:
    """Scores as reported: in [0, 1], to six decimals."""
    return np.round(np.clip(scores, 0, 1).astype(np.float64), 6)


def _unit(norms: np.ndarray) -> bool:
    """Whether all nonzero vector lengths are 1 (up to float32 rounding)."""
    present = norms[norms > 1e-6]
    return bool(np.all(np.abs(present - 1) < 1e-6))


def _pair_sum(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """`left @ right.T` for 0/1 availability columns, dense only where the pool varies.

    Most columns are constant over the pool (every startup has a description), and then the
    sum is one number per query; this keeps the dense (queries x pool) work small.
    """
    constant = np.all(right == right[:1], axis=0) if len(right) else np.ones(right.shape[1], bool)
    base = left[:, constant] @ right[:1, constant].T if len(right) else np.zeros((len(left), 1))
    if constant.all():
        return base.astype(np.float32)
    return (base + left[:, ~constant] @ right[:, ~constant].T).astype(np.float32)


def _sparse_product(left: sp.csr_matrix, right_t: sp.csr_matrix, threads: int) -> np.ndarray:
    """`left @ right_t` as a dense float32 array, in row blocks over `threads` threads.

    SciPy's sparse product is single-threaded but releases the GIL; small row blocks also
    keep its accumulator in cache, which alone makes it faster.
    """
    out = np.empty((left.shape[0], right_t.shape[1]), dtype=np.float32)
    starts = range(0, left.shape[0], _PRODUCT_ROWS)

    def block(start: int) -> None:
        out[start : start + _PRODUCT_ROWS] = (
            left[start : start + _PRODUCT_ROWS] @ right_t
        ).toarray()

    if threads > 1 and len(starts) > 1:
        with ThreadPoolExecutor(threads) as executor:
            list(executor.map(block, starts))
    else:
        for start in starts:
            block(start)
    return out


def _unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Rows scaled to length 1 (all-zero rows stay zero); fine with no rows at all."""
    return normalize(matrix) if matrix.shape[0] else sp.csr_matrix(matrix)


def _select_columns(matrix: sp.csr_matrix, columns: np.ndarray) -> sp.csr_matrix:
    return matrix[:, columns]


def _tfidf() -> TokenTfidf:
    return TokenTfidf()


class TokenTfidf(TransformerMixin, BaseEstimator):
    """TF-IDF of texts given as token lists (analysed already): sublinear term frequency,
    smoothed IDF, rows not normalised, float32, the vocabulary in sorted order.

    The numbers of ``TfidfVectorizer(analyzer=list, sublinear_tf=True, norm=None,
    dtype=np.float32)``, counted by dictionary lookups in C and one SciPy sum instead of a
    Python loop per token: several times faster on big pools. Unknown tokens are ignored.
    """

    def fit(self, documents: Iterable[list[str]], y: None = None) -> TokenTfidf:
        self.fit_transform(documents)
        return self

    def fit_transform(self, documents: Iterable[list[str]], y: None = None) -> sp.csr_matrix:
        documents = list(documents)
        terms = sorted(set(chain.from_iterable(documents)))
        self.vocabulary_ = dict(zip(terms, range(len(terms)), strict=True))
        counts = self._counts(documents)
        present = np.bincount(counts.indices, minlength=len(terms)).astype(np.float32)
        self.idf_ = np.log(np.float32(len(documents) + 1) / (present + 1)) + np.float32(1)
        return self._weighted(counts)

    def transform(self, documents: Iterable[list[str]]) -> sp.csr_matrix:
        check_is_fitted(self, "idf_")
        return self._weighted(self._counts(list(documents)))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        check_is_fitted(self, "vocabulary_")
        return np.asarray(list(self.vocabulary_), dtype=object)

    def _counts(self, documents: list[list[str]]) -> sp.csr_matrix:
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        tokens = chain.from_iterable(documents)
        columns = np.fromiter(
            map(self.vocabulary_.get, tokens, repeat(-1)), dtype=np.int64, count=lengths.sum()
        )
        rows = np.repeat(np.arange(len(documents)), lengths)
        known = columns >= 0
        counts = sp.csr_matrix(
            (np.ones(int(known.sum()), np.float32), (rows[known], columns[known])),
            shape=(len(documents), len(self.vocabulary_)),
        )
        counts.sum_duplicates()
        return counts

    def _weighted(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        np.log(counts.data, out=counts.data)
        counts.data += 1
        counts.data *= self.idf_[counts.indices]
        return counts


def _binary() -> CountVectorizer:
    return CountVectorizer(analyzer=_tokens, binary=True, dtype=np.float32)


def _as_query(query: Query | Profile) -> Query:
    return query if isinstance(query, Query) else Query(query)


def _has_rows(matrix: sp.csr_matrix) -> np.ndarray:
    return np.diff(matrix.indptr) > 0


def _top_indices(scores: np.ndarray, top_k: int, threads: int) -> list[np.ndarray]:
    """Column indices of the `top_k` best positive scores of each row, best first, ties by
    column. Partitioning values then filtering is much cheaper than `argpartition`."""
    count = scores.shape[1]
    if top_k >= count:
        return [np.lexsort((np.arange(count), -row)) for row in scores]

    def block(start: int) -> list[np.ndarray]:
        rows = scores[start : start + _PRODUCT_ROWS]
        kth = np.partition(rows, count - top_k, axis=1)[:, count - top_k]
        result = []
        for row, threshold in zip(rows, kth, strict=True):
            columns = np.flatnonzero(row >= threshold) if threshold > 0 else np.flatnonzero(row)
            result.append(columns[np.lexsort((columns, -row[columns]))][:top_k])
        return result

    starts = range(0, scores.shape[0], _PRODUCT_ROWS)
    with ThreadPoolExecutor(max(1, threads)) as executor:
        return [indices for part in executor.map(block, starts) for indices in part]


class _QueryWords:
    """The words a query wrote, for the shared terms its reasons show: only words of its
    own (a need's title and description, or a whole company's seeks, description and
    offers; never its name, its tags, nor the English words the glossary adds for a German
    or Japanese concept), as it wrote them (German nouns capitalised, "ERP"), no number,
    none that says nothing about the fit and none of a topic shown beside them."""

    def __init__(self, analyzer: Analyzer, doc: _Doc) -> None:
        self.text = doc.own_text
        self.forms = analyzer.forms(self.text)
        # German nouns keep their capital: decided by the words shown, not by the company's
        # description (an English need of a German-speaking company is English).
        language = detect_language(self.text)
        self.german = language == "de"
        # In Japanese text a Latin word is capitalised as meant ("Kubernetes上の…").
        self.as_written = language in ("de", "ja")
        # Each word as first written, by its lower case; and the words capitalised where no
        # sentence begins and never written in lower case, which are names ("on
        # Kubernetes"; not the "Maintenance" of a title "Predictive Maintenance" whose
        # text speaks of "maintenance").
        self.cased: dict[str, str] = {}
        self.named: set[str] = set()
        plain: set[str] = set()
        end = None  # of the word before
        for match in _LATIN_WORD.finditer(self.text):
            word = match.group()
            self.cased.setdefault(word.lower(), word)
            before = self.text[end or 0 : match.start()].rstrip(_OPENING_MARKS)
            opens = before.endswith(_SENTENCE_STOPS) or (end is None and not before)
            if word[:1].islower():
                plain.add(word)
            elif not opens:
                self.named.add(word.lower())
            end = match.end()
        self.named -= plain

    def shown(self, tokens: list[str], topic_stems: set[str], topic_names: str) -> list[str]:
        """Up to `_SHOWN_TERMS` of `tokens` (stems and Japanese bigrams, strongest first)
        that are not a topic shown (`topic_stems`, the stems of their names, and
        `topic_names`, the names in every language)."""
        shown: list[str] = []
        for token in tokens:
            form = self._written(token)
            if (
                form
                and token not in topic_stems
                and not (is_cjk(token) and token in topic_names)
                and form.lower() not in map(str.lower, shown)
            ):
                shown.append(form)
                if len(shown) == _SHOWN_TERMS:
                    break
        return shown

    def _written(self, token: str) -> str:
        if not token.isascii() and is_cjk(token):
            # A Japanese bigram reads as a word when it is two kanji ("医療", "物流"); with
            # kana it is mostly a piece of one ("ます", "てい", "ータ").
            plain = _KANA.search(token) or token in _PLAIN_WORDS
            return token if not plain and token in self.text else ""
        form = self.forms.get(token, "")
        if len(form) < 3 or form.isdigit() or form in _PLAIN_WORDS:
            return ""
        # As written where that is telling: German nouns ("Roboterzellen"), acronyms and
        # brands ("ERP", "SaaS", "D2C"), names ("Kubernetes"); an English word capitalised
        # only where it opens a sentence stays lower-case ("analytics" of "Analytics for").
        written = self.cased.get(form, form)
        capitalised = written[1:] == written[1:].lower()
        if self.as_written or not capitalised or form.lower() in self.named:
            return written
        return form


_NAME_WORDS = 6


def _without_name(text: str, name: str) -> str:
    """The text without its company's name: the brand (its first word) and any two or more
    of its words in a row ("Tsukushi Steel" of "Tsukushi Steel GmbH"), so that a reason's
    shared terms do not show "steel" for it; a name word on its own ("health" in "women's
    health" of a company called "… Health Europe") stays."""
    # A name has a few words; a longer one (bad input) counts with its first few.
    words = [re.escape(word) for word in re.findall(r"\w+", name)[:_NAME_WORDS]]
    if not words:
        return text
    runs = [
        r"\W+".join(words[start:stop])
        for start in range(len(words))
        for stop in range(start + 2, len(words) + 1)
    ]
    names = sorted([*runs, words[0]], key=len, reverse=True)
    return re.sub(rf"(?<!\w)(?:{'|'.join(names)})(?!\w)", " ", text, flags=re.IGNORECASE)


def _strongest(matrix: sp.csr_matrix, count: int) -> list[list[int]]:
    """For each row, the columns of its `count` largest positive entries, largest first."""
    matrix.eliminate_zeros()
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    order = np.lexsort((matrix.indices, -matrix.data, row_of))
    rank_in_row = np.arange(len(order)) - matrix.indptr[row_of[order]]
    chosen = order[rank_in_row < count]
    result: list[list[int]] = [[] for _ in range(matrix.shape[0])]
    for row, column in zip(row_of[chosen].tolist(), matrix.indices[chosen].tolist(), strict=True):
        result[row].append(column)
    return result


def _shared(left: list[str], right: list[str], glossary: Glossary, lang: str) -> list[str]:
    names = []
    for token in dict.fromkeys(left):
        if token in right:
            concept = glossary.concepts.get(token)
            names.append(concept.label(lang) if concept else token.removeprefix("tag:"))
    return names


def _unprefixed(labels: list[str], prefix: str) -> list[str]:
    return [label[len(prefix) :] for label in labels if label.startswith(prefix)]


_SENTENCE_JOIN = ". "


def _sentences(*parts: str) -> str:
    return _SENTENCE_JOIN.join(part for part in parts if part)


def _quotable(parts: Sequence[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Where the parts marked quotable stand in `_sentences` of all the parts."""
    ranges, start = [], 0
    for text, quotable in parts:
        if not text:
            continue
        if quotable:
            ranges.append((start, start + len(text)))
        start += len(text) + len(_SENTENCE_JOIN)
    return ranges


# A Latin full stop ends a sentence before a space ("mRNA 2.0" goes on); a Japanese one
# ends it anyway.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。\uff01\uff1f])\s*")


# A stop typed twice, or after an ellipsis ("scan times..", "events that…."), not "...".
_DOUBLED_STOP = re.compile(r"(?<=[^.]\.)\.$|(?<=…)\.$")


def _first_sentence(text: str) -> str:
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip() if text else ""
    return _DOUBLED_STOP.sub("", sentence)


# Words that open a clause depending on the one before it ("Werkzeuge, die ...", "a tool,
# which ..."): quoted alone, such a clause does not say what is needed.
# fmt: off
_DEPENDENT_OPENINGS = frozenset([
    "die", "der", "das", "den", "dem", "deren", "dessen", "denen", "welche", "welcher",
    "welches", "welchen", "wo", "womit", "wobei", "damit", "dass", "um", "wie", "ob", "weil",
    "wenn", "bevor", "sodass", "was", "which", "who", "whom", "whose", "where", "that", "so",
])
# Verbs with which a sentence of "We"/"Wir" goes on after a conjunction, its subject left
# out ("… and are looking for partners", "… und suchen deshalb Apps"): quoted with the
# subject. None that is also a common noun ("face", "build", "offer", "plan").
_SUBJECT_VERBS = frozenset([
    "are", "want", "need", "seek", "struggle", "have", "would", "will", "could", "must",
    "hope", "expect", "intend", "wish", "operate", "sell", "serve", "provide", "develop",
    "invest",
    "suchen", "wollen", "möchten", "brauchen", "haben", "sind", "planen", "bieten",
    "betreiben", "arbeiten", "entwickeln", "können", "müssen", "investieren", "kämpfen",
    "verkaufen", "produzieren", "beliefern", "sehen", "stehen",
])
# Words that open a relative clause, whose verbs have another subject ("We work with
# farmers who grow rice and need …").
_RELATIVE_WORDS = frozenset(["who", "which", "that", "whose", "whom", "where"])
# A preposition and a relative pronoun open one too ("mit denen ...", "by which ...").
_PREPOSITIONS = frozenset([
    "mit", "von", "zu", "zur", "zum", "in", "an", "auf", "bei", "für", "über", "unter",
    "durch", "aus", "nach", "gegen", "ohne", "um", "vor", "zwischen", "with", "by", "for",
    "on", "of", "to", "from", "through", "under", "over", "at",
])
_RELATIVES = frozenset([
    "denen", "deren", "dessen", "welchen", "welchem", "welcher", "which", "whom",
])
# fmt: on
# A Japanese clause ending in hiragana before a comma leads into the next: the topic
# particle ("自治体からは"), a target ("…向けに") or a verb's connective form ("制作し",
# "高め", "連携でき").
_JAPANESE_LEADING = re.compile("[\u3041-\u309f]$")
_COORDINATION = re.compile(rf"\s*{_CONJUNCTION}\s*", re.IGNORECASE)
_LIST_ITEM = re.compile(f"{_LATIN_WORD.pattern}(?:-{_LATIN_WORD.pattern})*")
_PRECEDING_COORDINATION = re.compile(rf"\s*{_CONJUNCTION}\s*$", re.IGNORECASE)
_STOP = re.compile(rf"[{_SENTENCE_MARKS}\n]|{_FULL_STOP}")
_COMMA = re.compile(f"[{_COMMA_MARKS}]|{_PLAIN_COMMA}")
_STOP_OR_COMMA = re.compile(f"{_STOP.pattern}|{_COMMA.pattern}")


def _quoted(text: str, span: tuple[int, int], limit: int = 90) -> str:
    """The clause of `text` at `span` as a reason quotes it as the need. A dependent clause
    ("…, die unsere Schuhe tragen") comes with the clause before its comma, so that the
    quote says what is needed; a Japanese clause that leads into the next (a topic,
    "自治体からは", or a verb's connective form, "制作し") comes with that one, a German word
    cut short ("Lauf-" of "Lauf- und Fitness-Apps") or a lone lower-case word ("gene" of
    "gene and cell therapy") with its completion, and a list's one-word last item ("parts"
    of "plastics for packaging and parts") with the clause before it. A clause that goes
    on with a verb of the sentence's "We"/"Wir" keeps that subject ("We … are looking for
    partners"). At most `limit` characters, never without the clause itself."""
    at, clause_end = span
    clause = text[at:clause_end]
    if _JAPANESE_LEADING.search(clause):
        return _with_next_clauses(text, span, limit)
    subject = _left_out_subject(text, span)
    if clause.endswith("-") or _is_lone_modifier(text, span):
        return _with_subject(subject, _with_completing_clause(text, span, limit), limit)
    if subject:
        return _with_subject(subject, _shorten(clause, limit), limit)
    if _is_lone_coordinate(text, span):
        return _with_coordinated_clause(text, span, limit)
    words = clause.split(maxsplit=2)
    dependent = bool(words) and (
        words[0] in _DEPENDENT_OPENINGS
        or (words[0] in _PREPOSITIONS and len(words) > 1 and words[1] in _RELATIVES)
    )
    before = text[:at].rstrip()
    if not dependent or not before or not _COMMA.match(before[-1]):
        return _shorten(clause, limit)
    opening = max((m.end() for m in _STOP.finditer(text, 0, at)), default=0)
    # From the start of the clause before its comma (or the sentence's) to the next comma
    # or the end of the sentence.
    commas = [m.end() for m in _COMMA.finditer(text, opening, at)]
    start = commas[-2] if len(commas) > 1 else opening
    end = next((m.start() for m in _STOP_OR_COMMA.finditer(text, clause_end)), len(text))
    head = " ".join(text[start:at].split())
    first, _, rest = head.partition(" ")
    if first.lower() in _CONJUNCTIONS and rest:  # "sowie Dashboards, mit denen …"
        head = rest
    body = " ".join(text[at:end].split())  # the clause and the rest of it
    whole = " ".join(clause.split())
    if len(head) + 1 + len(body) <= limit:
        return f"{head} {body}"
    if len(head) + 1 + len(whole) < limit:
        return _shorten(f"{head} {body}", limit)  # cut after the clause
    if len(whole) >= limit - 2:
        return _shorten(clause, limit)
    # The clause, and the whole words before it that fit.
    tail = _words_that_fit(head, whole, limit)
    return f"…{tail} {whole}" if tail else f"…{whole}"


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """Where the clauses `_CLAUSE` cuts a text into stand, without surrounding space."""
    spans, start = [], 0
    for separator in chain(_CLAUSE.finditer(text), [None]):
        stop = separator.start() if separator else len(text)
        piece = text[start:stop]
        if piece.strip():
            begin = start + len(piece) - len(piece.lstrip())
            spans.append((begin, begin + len(piece.strip())))
        if separator:
            start = separator.end()
    return spans


def _is_lone_modifier(text: str, span: tuple[int, int]) -> bool:
    """Whether the clause is one lower-case word before "and"/"und" and a clause of several
    words, whose noun it shares: "gene" of "gene and cell therapy" (not "lidar" of "lidar
    and radar", a whole thing)."""
    at, end = span
    clause = text[at:end]
    if not (clause.isascii() and clause.isalpha() and clause.islower()):
        return False
    joint = _COORDINATION.match(text, end)
    if joint is None:
        return False
    following = _CLAUSE.search(text, joint.end())
    return " " in text[joint.end() : following.start() if following else len(text)].strip()


def _left_out_subject(text: str, span: tuple[int, int]) -> str:
    """The sentence's "We"/"Wir" when the clause goes on after a conjunction with a verb of
    that subject ("We run nursing homes … and struggle with staff shortages"), else "".
    Not inside a relative or dependent clause, whose verbs are another's ("We work with
    farmers who grow rice and need …", "Wir suchen Partner, die Software bauen und
    verkaufen"); after one that a comma closed, yes ("Wir müssen …, bevor …, und suchen")."""
    at, end = span
    words = text[at:end].split(maxsplit=1)
    if not words or words[0] not in _SUBJECT_VERBS:
        return ""
    joint = _PRECEDING_COORDINATION.search(text, 0, at)
    if joint is None:
        return ""
    opening = max((m.end() for m in _STOP.finditer(text, 0, at)), default=0)
    sentence = text[opening : joint.start()]
    subject = sentence.split(maxsplit=1)[:1]
    if subject not in (["We"], ["Wir"]):
        return ""
    # The part the conjunction continues: from the last comma (nothing, if a comma closed
    # the clause before it).
    continued = sentence[max((m.end() for m in _COMMA.finditer(sentence)), default=0) :]
    lowered = continued.lower().split()
    if lowered and (lowered[0] in _DEPENDENT_OPENINGS or _RELATIVE_WORDS.intersection(lowered)):
        return ""
    return subject[0]


def _with_subject(subject: str, quote: str, limit: int) -> str:
    """ "We … are looking for partners": the quote with its sentence's subject, if it fits."""
    return f"{subject} … {quote}" if subject and len(subject) + 3 + len(quote) <= limit else quote


def _is_lone_coordinate(text: str, span: tuple[int, int]) -> bool:
    """Whether the clause is one word (hyphens allowed: "E-Autos") right after a
    conjunction ("and", "und", "or", "oder", "sowie"), the last item of a list: "parts" of
    "Recycled plastics for packaging and parts"."""
    at, end = span
    return (
        _LIST_ITEM.fullmatch(text, at, end) is not None
        and _PRECEDING_COORDINATION.search(text, 0, at) is not None
    )


def _with_coordinated_clause(text: str, span: tuple[int, int], limit: int) -> str:
    """A list's last item with the clause before its conjunction (and the comma before it,
    if any): "Recycled plastics for packaging and parts", "furniture, and parts"; words
    cut from the front when too long."""
    at, end = span
    joint = _PRECEDING_COORDINATION.search(text, 0, at)
    before = text[: joint.start()].rstrip()
    if before.endswith(","):  # "…, furniture, and parts": the item before the comma
        before = before[:-1]
    start = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    head = " ".join(text[start : joint.start()].split())
    whole = " ".join(text[joint.start() : end].split())  # "and parts"
    if not head.strip(",") or len(whole) >= limit - 2:
        return _shorten(text[at:end], limit)
    if len(head) + 1 + len(whole) <= limit:
        return f"{head} {whole}"
    words = _words_that_fit(head, whole, limit)
    return f"…{words} {whole}" if words else _shorten(text[at:end], limit)


def _words_that_fit(head: str, quote: str, limit: int) -> str:
    """The whole words at the end of `head` (single-spaced, longer than fits) that fit
    before `quote` behind "…" and a space in `limit` characters; "" if none does."""
    _, _, words = head[len(head) - (limit - 2 - len(quote)) :].partition(" ")
    return words


def _with_completing_clause(text: str, span: tuple[int, int], limit: int) -> str:
    """A word cut short ("Community-") or a lone modifier ("gene") with the clause after
    "und"/"and" that completes it."""
    at, end = span
    joint = _COORDINATION.match(text, end)
    if joint is None:
        return _shorten(text[at:end], limit)
    following = _CLAUSE.search(text, joint.end())
    return _shorten(text[at : following.start() if following else len(text)], limit)


def _with_next_clauses(text: str, span: tuple[int, int], limit: int) -> str:
    """The clause and the ones it leads into, up to the first that does not lead on, the
    end of the sentence or `limit` characters."""
    at, end = span
    while _JAPANESE_LEADING.search(text[at:end]) and end - at < limit:
        separator = _STOP_OR_COMMA.match(text, end)
        if separator is None or _STOP.match(separator.group()):
            break  # not followed by a clause of the same sentence
        following = _STOP_OR_COMMA.search(text, separator.end())
        end = following.start() if following else len(text)
    return _shorten(text[at:end], limit)


def _shorten(text: str, limit: int = 90) -> str:
    """The text on one line, cut to `limit` characters after a whole word if it is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut[: limit - 1]).rstrip(" ,;:-") + "…"


def _columns(analyses: Sequence[Analysis]) -> np.ndarray:
    table = np.empty((len(analyses), 3), dtype=object)
    for row, analysis in enumerate(analyses):
        table[row, 0], table[row, 1], table[row, 2] = (
            analysis.words,
            analysis.bigrams,
            analysis.concepts,
        )
    return table


def _labels(
    partnership_types: Iterable[str], stages: Iterable[str], languages: Iterable[str]
) -> list[str]:
    labels = []
    for prefix, values in (("p", partnership_types), ("s", stages), ("l", languages)):
        labels += [
            f"{prefix}:{value.strip().lower()}" for value in values if value and value.strip()
        ]
    return labels
