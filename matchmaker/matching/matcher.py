"""The matcher: a scikit-learn style estimator fitted on the startup pool that ranks startups
for corporates and their needs, with named features and reasons for every match.

Signals (each a feature in [0, 1]):
- ``text``: TF-IDF cosine of the whole profiles (stemmed words; character bigrams for
  Japanese), ``seek_offer``: what the corporate seeks against what the startup offers,
  ``offer_seek``: the other direction, when the startup says what it seeks;
- ``concepts``: cosine of the EN/DE/JA glossary concepts both sides name (cross-lingual);
- ``lsa``: cosine in a latent semantic space (TruncatedSVD of words and concepts);
- ``taxonomy``: overlap of the industry/technology tags both sides picked;
- ``partnership``, ``stage``, ``language``: compatibility, 1 or 0, only when both sides say.

The score is the weighted mean of the content signals that are available for the pair,
scaled by the compatibility signals: ``content * (1 - c + c * compatibility)``, so that
compatibility alone never makes a match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer, normalize
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from matchmaker.matching.profiles import Need, Profile
from matchmaker.matching.reasons import Evidence, explain
from matchmaker.matching.text import LANGUAGES, Analysis, Analyzer, Glossary

MODEL_VERSION = "tfidf-lsa-glossary-2026.11.1"

CONTENT_FEATURES = ("text", "seek_offer", "offer_seek", "concepts", "lsa", "taxonomy")
COMPATIBILITY_FEATURES = ("partnership", "stage", "language")
FEATURES = CONTENT_FEATURES + COMPATIBILITY_FEATURES

DEFAULT_WEIGHTS = {
    "text": 0.15,
    "seek_offer": 0.25,
    "offer_seek": 0.15,
    "concepts": 0.2,
    "lsa": 0.25,
    "taxonomy": 0.15,
}

# Clauses of a "seeks" text: each names one thing wanted, which reasons quote.
_CLAUSE = re.compile(
    r"[,;:.!?()\n、。\uff1b\uff1a・\uff08\uff09]|\b(?:and|or|und|oder|sowie)\b", re.IGNORECASE
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
    clauses: list[str] = field(default_factory=list)  # for reasons: a query's seek clauses
    seek_summary: str = ""  # for reasons: what a startup seeks


@dataclass
class _Side:
    """The vectors of a set of profiles; sparse rows are L2-normalised."""

    docs: list[_Doc]
    text: sp.csr_matrix  # whole profile: words and bigrams
    seek: sp.csr_matrix
    offer: sp.csr_matrix
    concepts: sp.csr_matrix  # seek side of a query, offer side of a startup
    lsa: np.ndarray | None
    tags: sp.csr_matrix
    labels: sp.csr_matrix  # binary
    available: np.ndarray  # (n, len(FEATURES)) 0/1: is the feature defined on this side?
    clause_owner: np.ndarray | None = None  # query clauses: index of the owning row
    clause_text: sp.csr_matrix | None = None
    clause_concepts: sp.csr_matrix | None = None


class Matcher(BaseEstimator):
    """Ranks the startups it was fitted on for corporates and their needs.

    Parameters
    ----------
    weights : dict of content feature name to weight, default `DEFAULT_WEIGHTS`.
    compatibility : how much the compatibility signals scale the score, in [0, 1].
    n_components : dimensions of the latent semantic space (0 turns LSA off).
    lsa_sample : the LSA space is fitted on at most this many startups (speed on big pools).
    concept_weight : weight of glossary concepts beside words in the latent space.
    lang : default language of the reasons, "en", "de" or "ja".
    chunk_size : queries scored together (memory: chunk_size x pool x a few floats).
    blas_threads : BLAS threads while scoring; 1 suits a web worker, None leaves it alone.
    random_state : seed of the randomised SVD, for deterministic results.
    """

    def __init__(
        self,
        weights: dict[str, float] | None = None,
        compatibility: float = 0.3,
        n_components: int = 192,
        lsa_sample: int = 20_000,
        concept_weight: float = 0.3,
        lang: str = "en",
        chunk_size: int = 256,
        blas_threads: int | None = 1,
        random_state: int = 0,
    ) -> None:
        self.weights = weights
        self.compatibility = compatibility
        self.n_components = n_components
        self.lsa_sample = lsa_sample
        self.concept_weight = concept_weight
        self.lang = lang
        self.chunk_size = chunk_size
        self.blas_threads = blas_threads
        self.random_state = random_state

    def fit(self, startups: Sequence[Profile], y: None = None) -> Matcher:
        """Learn vocabularies, IDF weights and the latent space from the startup pool."""
        self._check_params()
        with threadpool_limits(self.blas_threads):
            self.glossary_ = Glossary.load()
            self.analyzer_ = Analyzer(self.glossary_)
            docs = [self._startup_doc(startup) for startup in startups]
            self.vectorizer_ = ColumnTransformer(
                [("words", _tfidf(), 0), ("bigrams", _tfidf(), 1), ("concepts", _tfidf(), 2)]
            ).fit(_columns([_join(doc.offer, doc.seek) for doc in docs] + [_RESERVED_ANALYSIS]))
            self.tag_vectorizer_ = _binary().fit([doc.tags for doc in docs] + [[_RESERVED]])
            self.label_vectorizer_ = _binary().fit([doc.labels for doc in docs] + [[_RESERVED]])
            self.concept_ids_ = self._names("concepts")
            self.terms_ = np.concatenate([self._names("words"), self._names("bigrams")])
            self.lsa_ = self._fit_lsa(docs)
            self.startup_ids_ = [startup.id for startup in startups]
            self.pool_ = self._encode(docs, query_side=False)
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
        rankings = []
        with threadpool_limits(self.blas_threads):
            for start in range(0, len(queries), self.chunk_size):
                chunk = queries[start : start + self.chunk_size]
                side = self._encode([self._query_doc(query) for query in chunk], query_side=True)
                rankings += self._rank_side(chunk, side, self.pool_, top_k, lang or self.lang)
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
        check_is_fitted(self, "pool_")
        query = _as_query(query)
        with threadpool_limits(self.blas_threads):
            pool = self._encode([self._startup_doc(startup) for startup in startups], False)
            side = self._encode([self._query_doc(query)], query_side=True)
            ids = [startup.id for startup in startups]
            ranking = self._rank_side([query], side, pool, len(ids), lang or self.lang, ids)[0]
        return ranking.matches

    # ---------------------------------------------------------------- internals
    def _check_params(self) -> None:
        unknown = set(self.weights or {}) - set(CONTENT_FEATURES)
        if unknown:
            raise ValueError(f"unknown feature weights: {sorted(unknown)}")
        if not 0 <= self.compatibility <= 1:
            raise ValueError("compatibility must be in [0, 1]")
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}")

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
            summary=summary or startup.id,
            seek_summary=startup.seeks,
        )

    def _query_doc(self, query: Query) -> _Doc:
        corporate, need = query.corporate, query.need
        needs = (need,) if need else corporate.needs
        need_texts = [text for n in needs for text in (n.title, n.description, *n.technologies)]
        seek_text = _sentences(
            *([] if need else [corporate.seeks]),
            *need_texts,
            *corporate.industries,
            *corporate.technologies,
        )
        technologies = tuple(t for n in needs for t in n.technologies)
        partnership_types = need.partnership_types if need else corporate.partnership_types
        analyze = self.analyzer_.analyze
        clauses = [clause.strip() for clause in _CLAUSE.split(seek_text)]
        return _Doc(
            offer=analyze(_sentences(corporate.name, corporate.description, corporate.offers)),
            seek=analyze(seek_text),
            tags=self._tags(corporate.industries + corporate.technologies + technologies),
            labels=_labels(partnership_types, corporate.target_stages, corporate.languages),
            summary=seek_text,
            clauses=[clause for clause in clauses if len(clause) > 2],
        )

    def _tags(self, tags: Iterable[str]) -> list[str]:
        # A tag counts as its main glossary concept when it has one, else as itself.
        tokens = []
        for tag in tags:
            concepts = self.analyzer_.analyze(tag).concepts
            tokens.append(concepts[0] if concepts else f"tag:{tag.strip().lower()}")
        return tokens

    def _blocks(self, analyses: Sequence[Analysis]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """(text, concepts) blocks of analysed texts, each row L2-normalised."""
        matrix = self.vectorizer_.transform(_columns(analyses)).tocsr()
        slices = self.vectorizer_.output_indices_
        text = matrix[:, slices["words"].start : slices["bigrams"].stop]
        return normalize(text), normalize(matrix[:, slices["concepts"]])

    def _lsa_input(self, text: sp.csr_matrix, concepts: sp.csr_matrix) -> sp.csr_matrix:
        return normalize(sp.hstack([text, self.concept_weight * concepts], format="csr"))

    def _fit_lsa(self, docs: Sequence[_Doc]) -> object | None:
        if len(docs) > self.lsa_sample:
            rng = np.random.default_rng(self.random_state)
            docs = [docs[i] for i in np.sort(rng.choice(len(docs), self.lsa_sample, False))]
        matrix = self._lsa_input(*self._blocks([doc.offer for doc in docs]))
        components = min(self.n_components, matrix.shape[1] - 1, matrix.shape[0] - 1)
        if components < 2:
            return None
        svd = TruncatedSVD(components, algorithm="randomized", random_state=self.random_state)
        return make_pipeline(svd, Normalizer(copy=False)).fit(matrix)

    def _encode(self, docs: list[_Doc], query_side: bool) -> _Side:
        offer, offer_concepts = self._blocks([doc.offer for doc in docs])
        seek, seek_concepts = self._blocks([doc.seek for doc in docs])
        text = normalize(offer + seek)
        concepts = seek_concepts if query_side else offer_concepts
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
        side = _Side(
            docs=docs,
            text=text,
            seek=seek,
            offer=offer,
            concepts=concepts,
            lsa=lsa,
            tags=normalize(self.tag_vectorizer_.transform([doc.tags for doc in docs])),
            labels=self.label_vectorizer_.transform([doc.labels for doc in docs]).tocsr(),
            available=available,
        )
        if query_side:
            owners = [row for row, doc in enumerate(docs) for _ in doc.clauses]
            clauses = [self.analyzer_.analyze(c) for doc in docs for c in doc.clauses]
            side.clause_owner = np.asarray(owners, dtype=np.int64)
            side.clause_text, side.clause_concepts = self._blocks(clauses)
        return side

    def _features(self, queries: _Side, pool: _Side) -> dict[str, np.ndarray]:
        """Dense (queries x pool) matrices of every feature that is not all zero."""

        def cosine(left: sp.csr_matrix, right: sp.csr_matrix) -> np.ndarray | None:
            if left.nnz == 0 or right.nnz == 0:
                return None
            return (left @ right.T).toarray()

        features = {
            "text": cosine(queries.text, pool.text),
            "seek_offer": cosine(queries.seek, pool.offer),
            "offer_seek": cosine(queries.offer, pool.seek),
            "concepts": cosine(queries.concepts, pool.concepts),
            "taxonomy": cosine(queries.tags, pool.tags),
        }
        if queries.lsa is not None and pool.lsa is not None:
            features["lsa"] = np.clip(queries.lsa @ pool.lsa.T, 0.0, 1.0)
        vocabulary = self.label_vectorizer_.vocabulary_
        for name, prefix in (("partnership", "p:"), ("stage", "s:"), ("language", "l:")):
            columns = [i for label, i in vocabulary.items() if label.startswith(prefix)]
            shared = cosine(queries.labels[:, columns], pool.labels[:, columns])
            if shared is not None:
                features[name] = (shared > 0).astype(np.float32)
        return {
            name: np.minimum(value, 1.0) for name, value in features.items() if value is not None
        }

    def _scores(self, features: dict[str, np.ndarray], queries: _Side, pool: _Side) -> np.ndarray:
        weights = np.array(
            [(self.weights or DEFAULT_WEIGHTS).get(name, 0.0) for name in CONTENT_FEATURES],
            dtype=np.float32,
        )
        content_columns = slice(0, len(CONTENT_FEATURES))
        compat_columns = slice(len(CONTENT_FEATURES), len(FEATURES))
        content = np.zeros((queries.available.shape[0], pool.available.shape[0]), np.float32)
        for name, weight in zip(CONTENT_FEATURES, weights, strict=True):
            if name in features and weight:
                content += weight * features[name]
        total = (queries.available[:, content_columns] * weights) @ pool.available[
            :, content_columns
        ].T
        content = np.divide(content, total, out=np.zeros_like(content), where=total > 0)
        compatible = sum(features.get(name, 0.0) for name in COMPATIBILITY_FEATURES)
        compared = queries.available[:, compat_columns] @ pool.available[:, compat_columns].T
        ratio = np.divide(compatible, compared, out=np.ones_like(compared), where=compared > 0)
        return np.clip(content * (1 - self.compatibility + self.compatibility * ratio), 0, 1)

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
        features = self._features(side, pool)
        scores = self._scores(features, side, pool)
        top = _top_indices(scores, top_k)
        keep_zero = len(top[0]) == len(pool_ids) and pool is not self.pool_
        rows, cols = [], []
        for row, indices in enumerate(top):
            for col in indices:
                if keep_zero or scores[row, col] > 0:
                    rows.append(row)
                    cols.append(col)
        rows_array, cols_array = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
        reasons = self._reasons(side, pool, rows_array, cols_array, features, lang)
        for index, (row, col) in enumerate(zip(rows, cols, strict=True)):
            available = side.available[row] * pool.available[col]
            values = {
                name: round(float(features[name][row, col]) if name in features else 0.0, 6)
                for name, flag in zip(FEATURES, available, strict=True)
                if flag
            }
            rankings[row].matches.append(
                Match(pool_ids[col], round(float(scores[row, col]), 6), values, reasons[index])
            )
        return rankings

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
        shared_concepts = _strongest(
            queries.concepts[rows].multiply(pool.concepts[cols]).multiply(kind_weight).tocsr(), 3
        )
        shared_terms = _strongest(queries.text[rows].multiply(pool.text[cols]).tocsr(), 3)
        aspects = self._best_clauses(queries, pool, rows, cols)
        surface = self.analyzer_.surface
        reasons = []
        for index, (row, col) in enumerate(zip(rows, cols, strict=True)):
            query_doc, startup_doc = queries.docs[row], pool.docs[col]
            their_seek = ""
            if features.get("offer_seek") is not None and features["offer_seek"][row, col] > 0.1:
                their_seek = _shorten(_first_sentence(startup_doc.seek_summary))
            evidence = Evidence(
                offer=_shorten(startup_doc.summary),
                aspect=_shorten(aspects[index]),
                concepts=[self.concept_ids_[i] for i in shared_concepts[index]],
                terms=[
                    surface.get(str(self.terms_[i]), str(self.terms_[i]))
                    for i in shared_terms[index]
                ],
                their_seek=their_seek,
                tags=_shared(query_doc.tags, startup_doc.tags, self.glossary_, lang),
                partnership_types=_shared_labels(query_doc.labels, startup_doc.labels, "p:"),
                stages=_shared_labels(query_doc.labels, startup_doc.labels, "s:"),
                languages=_shared_labels(query_doc.labels, startup_doc.labels, "l:"),
            )
            reasons.append(explain(evidence, lang, self.glossary_))
        return reasons

    def _best_clauses(
        self, queries: _Side, pool: _Side, rows: np.ndarray, cols: np.ndarray
    ) -> list[str]:
        """For each pair, the clause of the query's seek text closest to the startup."""
        owners = queries.clause_owner
        best = [""] * len(rows)
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
        clause_texts = [clause for doc in queries.docs for clause in doc.clauses]
        best_score = np.zeros(len(rows))
        for pair, clause, value in zip(pair_index, clause_index, similarity, strict=True):
            if value > best_score[pair]:
                best_score[pair] = value
                best[pair] = clause_texts[clause]
        return best


def _tfidf() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=_tokens, sublinear_tf=True, dtype=np.float32, norm=None)


def _binary() -> CountVectorizer:
    return CountVectorizer(analyzer=_tokens, binary=True, dtype=np.float32)


def _as_query(query: Query | Profile) -> Query:
    return query if isinstance(query, Query) else Query(query)


def _has_rows(matrix: sp.csr_matrix) -> np.ndarray:
    return np.diff(matrix.indptr) > 0


def _top_indices(scores: np.ndarray, top_k: int) -> list[np.ndarray]:
    """Column indices of the `top_k` best scores of each row, best first, ties by index."""
    if top_k < scores.shape[1]:
        candidates = np.argpartition(-scores, top_k - 1, axis=1)[:, :top_k]
    else:
        candidates = np.tile(np.arange(scores.shape[1]), (scores.shape[0], 1))
    result = []
    for row, columns in enumerate(candidates):
        columns = np.sort(columns)
        result.append(columns[np.argsort(-scores[row, columns], kind="stable")])
    return result


def _strongest(matrix: sp.csr_matrix, count: int) -> list[list[int]]:
    """For each row, the columns of its `count` largest positive entries."""
    result = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        values, columns = matrix.data[start:end], matrix.indices[start:end]
        order = np.argsort(-values, kind="stable")[:count]
        result.append([int(columns[i]) for i in order if values[i] > 0])
    return result


def _shared(left: list[str], right: list[str], glossary: Glossary, lang: str) -> list[str]:
    names = []
    for token in dict.fromkeys(left):
        if token in right:
            concept = glossary.concepts.get(token)
            names.append(concept.label(lang) if concept else token.removeprefix("tag:"))
    return names


def _shared_labels(left: list[str], right: list[str], prefix: str) -> list[str]:
    return [
        label[len(prefix) :]
        for label in dict.fromkeys(left)
        if label.startswith(prefix) and label in right
    ]


def _sentences(*parts: str) -> str:
    return ". ".join(part for part in parts if part)


_SENTENCE_END = re.compile(r"(?<=[.!?。\uff01\uff1f])\s*")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip() if text else ""


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(first: Analysis, second: Analysis) -> Analysis:
    return Analysis(
        first.lang,
        first.words + second.words,
        first.bigrams + second.bigrams,
        first.concepts + second.concepts,
    )


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
