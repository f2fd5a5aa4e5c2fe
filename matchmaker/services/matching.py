"""Stored rankings: fit the matcher on the validated startups, rank every open need, and keep
the `matches` table fresh when a profile or need changes.

Only validated startups that accept proposals and open, validated needs of validated
corporates take part. Pages read the stored rows; nothing here runs during a page view.

Each need keeps its best `MATCHES_PER_NEED` rows, its top list. A startup in no need's top
list keeps one more row, marked `is_exposure_floor`, for the need that scores it best: the
exposure floor of the review queue (`rarely_shown_candidates`) offers it from there, and no
validated startup stays invisible. Floor rows never count towards a top list, and a startup
has at most one (a partial unique index holds the database to it). A refresh that takes a
startup's last row gives it a floor row again (`_rehome`).
"""

from __future__ import annotations

import logging
import pickle
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased, selectinload

from matchmaker import matching
from matchmaker.extensions import db, refresh_planner_statistics
from matchmaker.models import (
    LearnedWeights,
    MarkKind,
    Match,
    MatcherSnapshot,
    Need,
    NeedStartupMark,
    NeedStatus,
    NeedTerm,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    ProfileStatus,
    utcnow,
)
from matchmaker.taxonomy import vocabulary

log = logging.getLogger(__name__)

REASON_LANGUAGES = ("en", "de", "ja")

# The fitted matcher of each process, per database: loaded once and reused until a
# rebuild stores a newer snapshot.
_loaded: dict[str, tuple[tuple, matching.Matcher]] = {}


def matches_per_need() -> int:
    return current_app.config["MATCHES_PER_NEED"]


# --- from the database to the matching library ------------------------------------------


def _labels(name: str, term_ids: Iterable[str]) -> tuple[str, ...]:
    # The matcher reads tags as words: English labels carry meaning, ids are opaque.
    return tuple(vocabulary(name).labels(term_ids, "en"))


def organization_profile(organization: Organization) -> matching.Profile:
    """The matching library's view of a startup or corporate profile."""
    return _profile(organization, _by_vocabulary(organization.terms))


def need_query(need: Need) -> matching.Query:
    """The matching library's view of one corporate need (with its corporate)."""
    return _query(need, _by_vocabulary(need.terms), organization_profile(need.organization))


def _by_vocabulary(terms: Iterable[OrganizationTerm | NeedTerm | sa.Row]) -> dict[str, list[str]]:
    """Term ids per vocabulary, in the given order (the terms' own)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        grouped[term.vocabulary].append(term.term_id)
    return grouped


def _profile(
    organization: Organization | sa.Row, terms: Mapping[str, list[str]]
) -> matching.Profile:
    """`organization_profile` of an organisation, or of a row of its `_PROFILE_COLUMNS`."""

    def term_ids(name: str) -> list[str]:
        return terms.get(name, [])

    return matching.Profile(
        id=str(organization.id),
        kind=organization.kind.value,
        name=organization.name,
        description=organization.description,
        offers=organization.offers,
        seeks=organization.seeks,
        industries=_labels("industries", term_ids("industries")),
        technologies=_labels("technologies", term_ids("technologies")),
        country=organization.country,
        city=organization.city,
        founded=organization.founded_year,
        team_size=organization.team_size,
        languages=tuple(term_ids("languages")),
        partnership_types=tuple(term_ids("partnership_types")),
        stage=organization.stage or "",
        # A corporate's stage terms are the startup stages it works with.
        target_stages=tuple(term_ids("stages")),
    )


_PROFILE_COLUMNS = (
    Organization.id,
    Organization.kind,
    Organization.name,
    Organization.description,
    Organization.offers,
    Organization.seeks,
    Organization.country,
    Organization.city,
    Organization.founded_year,
    Organization.team_size,
    Organization.stage,
)


def _query(
    need: Need | sa.Row, terms: Mapping[str, list[str]], corporate: matching.Profile
) -> matching.Query:
    """`need_query` of a need, or of a row of its id, title and description."""
    return matching.Query(
        corporate,
        matching.Need(
            id=str(need.id),
            title=need.title,
            description=need.description,
            technologies=_labels("technologies", terms.get("technologies", [])),
            partnership_types=tuple(terms.get("partnership_types", [])),
        ),
    )


def matchable_need_queries() -> tuple[list[int], list[matching.Query]]:
    """The ids of the matchable needs (by id) and their `need_query`, read as plain rows in
    four statements: a refresh of one startup scores it against every need, and loading
    them as ORM objects with their companies and terms was a third of its time. The needs
    are read first and the rest by their ids, so a need or company that becomes matchable
    meanwhile (another worker's commit) is not half read; the ids are bound in batches
    (`_IDS_PER_STATEMENT`), so any number of needs stays within the databases' limits."""
    rows = db.session.execute(
        matchable_needs_query().with_only_columns(
            Need.id, Need.organization_id, Need.title, Need.description
        )
    ).all()
    need_ids = [row.id for row in rows]
    company_ids = {row.organization_id for row in rows}
    need_terms = _terms_of(NeedTerm, NeedTerm.need_id, need_ids)
    company_terms = _terms_of(OrganizationTerm, OrganizationTerm.organization_id, company_ids)
    companies = {
        row.id: _profile(row, company_terms[row.id])
        for batch in _id_batches(company_ids)
        for row in db.session.execute(
            sa.select(*_PROFILE_COLUMNS).where(Organization.id.in_(batch))
        )
    }
    return need_ids, [
        _query(row, need_terms[row.id], companies[row.organization_id]) for row in rows
    ]


def _terms_of(
    term: type[NeedTerm] | type[OrganizationTerm], owner: sa.Column, owners: Iterable[int]
) -> dict[int, dict[str, list[str]]]:
    """Term ids per vocabulary of each of `owners`, in the order of their relationship."""
    grouped: dict[int, list[sa.Row]] = defaultdict(list)
    for batch in _id_batches(owners):
        rows = db.session.execute(
            sa.select(owner.label("owner"), term.vocabulary, term.term_id)
            .where(owner.in_(batch))
            .order_by(term.id)
        )
        for row in rows:
            grouped[row.owner].append(row)
    return defaultdict(dict, {key: _by_vocabulary(terms) for key, terms in grouped.items()})


# Ids bound in one statement's IN list: below the 999 bound parameters of SQLite before
# 3.32 (32,766 since; PostgreSQL 65,535), and a few statements are nothing beside scoring.
_IDS_PER_STATEMENT = 900


def _id_batches(ids: Iterable[int]) -> Iterator[list[int]]:
    """`ids` (unique) in batches of at most `_IDS_PER_STATEMENT`."""
    unique = sorted(set(ids))
    for start in range(0, len(unique), _IDS_PER_STATEMENT):
        yield unique[start : start + _IDS_PER_STATEMENT]


def matchable_startups_query() -> sa.Select:
    return (
        sa.select(Organization)
        .where(
            Organization.kind == OrganizationKind.STARTUP,
            Organization.status == ProfileStatus.APPROVED,
            Organization.accepts_proposals.is_(True),
        )
        .options(selectinload(Organization.terms))
        .order_by(Organization.id)
    )


def matchable_needs_query() -> sa.Select:
    return (
        sa.select(Need)
        .join(Need.organization)
        .where(
            Need.status == NeedStatus.OPEN,
            Need.review_status == ProfileStatus.APPROVED,
            Organization.status == ProfileStatus.APPROVED,
        )
        .options(
            selectinload(Need.terms),
            selectinload(Need.organization).selectinload(Organization.terms),
        )
        .order_by(Need.id)
    )


def _is_matchable(query: sa.Select, entity, entity_id: int) -> bool:
    # The rule lives in the two queries above: ask them rather than restate it in Python.
    return (
        db.session.scalar(query.with_only_columns(entity.id).where(entity.id == entity_id))
        is not None
    )


def active_weights() -> dict[str, float] | None:
    """The newest adopted weights learned from decisions for the current model version
    (see `services/learning.py`), or None: the matcher's defaults."""
    record = db.session.scalar(
        sa.select(LearnedWeights)
        .where(
            LearnedWeights.adopted.is_(True),
            LearnedWeights.model_version == matching.MODEL_VERSION,
        )
        .order_by(LearnedWeights.id.desc())
        .limit(1)
    )
    return dict(record.weights) if record else None


def newest_snapshot() -> MatcherSnapshot | None:
    """The fitted matcher in use, without loading it (for showing when it was fitted)."""
    return db.session.scalar(
        sa.select(MatcherSnapshot).order_by(MatcherSnapshot.id.desc()).limit(1)
    )


def signal_shares() -> tuple[dict[str, float], bool]:
    """Each content signal's share of the score under the weights in use, and whether those
    weights were learned from decisions (else they are the matcher's defaults)."""
    learned = active_weights()
    weights = learned or matching.DEFAULT_WEIGHTS
    total = sum(weights.get(name, 0.0) for name in matching.CONTENT_FEATURES) or 1.0
    shares = {name: weights.get(name, 0.0) / total for name in matching.CONTENT_FEATURES}
    return shares, learned is not None


# --- snapshots -----------------------------------------------------------------------


def _save_snapshot(matcher: matching.Matcher, startup_count: int) -> MatcherSnapshot:
    payload = zlib.compress(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL), 3)
    snapshot = MatcherSnapshot(
        model_version=matching.MODEL_VERSION, startup_count=startup_count, payload=payload
    )
    db.session.add(snapshot)
    db.session.flush()
    _loaded[_database_key()] = (_snapshot_key(snapshot), matcher)
    return snapshot


def _database_key() -> str:
    return db.engine.url.render_as_string(hide_password=True)


def _snapshot_key(snapshot: MatcherSnapshot) -> tuple:
    return (snapshot.id, snapshot.fitted_at)


def current_matcher() -> tuple[MatcherSnapshot, matching.Matcher] | None:
    """The newest fitted matcher (loaded once per process), or None before the first rebuild."""
    snapshot = db.session.scalar(
        sa.select(MatcherSnapshot).order_by(MatcherSnapshot.id.desc()).limit(1)
    )
    if snapshot is None or snapshot.model_version != matching.MODEL_VERSION:
        return None
    cached = _loaded.get(_database_key())
    if cached is None or cached[0] != _snapshot_key(snapshot):
        # Only this application writes snapshots, so unpickling them is safe.
        matcher = pickle.loads(zlib.decompress(snapshot.payload))
        cached = _loaded[_database_key()] = (_snapshot_key(snapshot), matcher)
    return snapshot, cached[1]


# --- rows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RebuildResult:
    startups: int
    needs: int
    matches: int  # every stored row, floor rows included
    exposure_floor: int = 0  # rows of startups in no top list


def _reasons_in_all_languages(
    matcher: matching.Matcher,
    query: matching.Query,
    startups: dict[str, matching.Profile],
    ranked: list[matching.Match],
) -> dict[str, dict[str, list[str]]]:
    """Reasons per startup id and language: the ranking's own (English) plus German and
    Japanese for the same few startups, explained together (one encoding of each side)."""
    reasons = {match.startup_id: {"en": match.reasons} for match in ranked}
    chosen = [startups[match.startup_id] for match in ranked]
    if not chosen:
        return reasons
    pairs = [(0, column) for column in range(len(chosen))]
    explained = matcher.explain_pairs([query], chosen, pairs, REASON_LANGUAGES[1:])
    for lang, matches in explained.items():
        for profile, match in zip(chosen, matches, strict=True):
            reasons[profile.id][lang] = match.reasons
    return reasons


def _rows_for_need(
    need_id: int,
    ranked: list[matching.Match],
    reasons: dict[str, dict[str, list[str]]],
    exposure_floor: bool = False,
) -> list[dict]:
    """Match rows of one need (its top list, or with `exposure_floor` floor rows) for the
    matches that score above 0, with their `reasons` (per startup and language)."""
    now = utcnow()
    return [
        {
            "need_id": need_id,
            "startup_id": int(match.startup_id),
            "score": float(match.score),
            "features": {name: float(value) for name, value in match.features.items()},
            "reasons": reasons[match.startup_id],
            "model_version": matching.MODEL_VERSION,
            "computed_at": now,
            "is_exposure_floor": exposure_floor,
        }
        for match in ranked
        if match.score > 0
    ]


def _floor_rows(
    matcher: matching.Matcher,
    need_ids: Sequence[int],
    queries: Sequence[matching.Query],
    placed: Sequence[tuple[int, matching.Profile]],
) -> list[dict]:
    """Floor rows of startups at the needs chosen for them (`placed`: index into `need_ids`
    and `queries`, profile; one each), scored from the given profiles, with reasons in every
    language. Reasons are made for these pairs only (`Matcher.explain_pairs`)."""
    if not placed:
        return []
    chosen = sorted({index for index, _ in placed})
    row_of = {index: row for row, index in enumerate(chosen)}
    startups = [profile for _, profile in placed]
    pairs = [(row_of[index], column) for column, (index, _) in enumerate(placed)]
    chosen_queries = [queries[index] for index in chosen]
    pair_needs = [need_ids[index] for index, _ in placed]
    return _explained_rows(matcher, chosen_queries, startups, pairs, pair_needs, True)


def _explained_rows(
    matcher: matching.Matcher,
    queries: Sequence[matching.Query],
    startups: Sequence[matching.Profile],
    pairs: Sequence[tuple[int, int]],
    need_ids: Sequence[int],
    exposure_floor: bool = False,
) -> list[dict]:
    """Rows of the given (query, startup) `pairs`, the need of each in `need_ids`, scored
    and explained in every language at once (`Matcher.explain_pairs`: reasons for these
    pairs only)."""
    explained = matcher.explain_pairs(queries, startups, pairs, REASON_LANGUAGES)
    rows = []
    for index, ((_, column), need_id) in enumerate(zip(pairs, need_ids, strict=True)):
        match = explained[REASON_LANGUAGES[0]][index]
        reasons = {lang: found[index].reasons for lang, found in explained.items()}
        rows += _rows_for_need(need_id, [match], {startups[column].id: reasons}, exposure_floor)
    return rows


def _rebuild_floor_rows(
    matcher: matching.Matcher,
    need_ids: list[int],
    queries: list[matching.Query],
    profiles: dict[str, matching.Profile],
    ranked: set[str],
) -> list[dict]:
    """Floor rows of a rebuild: one for each startup outside every need's top list (the
    `ranked` startup ids) at the need that scores it best, if any scores it above 0, among
    the needs whose company has not dismissed it (the queue would not offer it there)."""
    if ranked >= set(matcher.startup_ids_):
        return []
    position = {need_id: index for index, need_id in enumerate(need_ids)}
    dismissed = [
        (position[need_id], str(startup_id))
        for need_id, startup_id in db.session.execute(_dismissals())
        if need_id in position
    ]
    best_need, _ = matcher.best_query_per_startup(queries, exclude=dismissed)
    placed = [
        (index, profiles[startup_id])
        for startup_id, index in zip(matcher.startup_ids_, best_need.tolist(), strict=True)
        if index >= 0 and startup_id not in ranked
    ]
    return _floor_rows(matcher, need_ids, queries, placed)


def rebuild_matches(progress: Callable[[int, int], None] | None = None) -> RebuildResult:
    """Fit the matcher on all matchable startups, rank every matchable need and replace the
    stored matches in one transaction."""
    organizations = list(db.session.scalars(matchable_startups_query()))
    need_ids, queries = matchable_need_queries()
    profiles = {str(org.id): organization_profile(org) for org in organizations}
    matcher = matching.Matcher(weights=active_weights()).fit(list(profiles.values()))
    top_k = matches_per_need()
    rankings = matcher.rank(queries, top_k=top_k, progress=progress)
    # The ranking is the same in every language; ranking again per language is far
    # cheaper than re-scoring each need's rows one need at a time.
    reasons: list[dict[str, dict[str, list[str]]]] = [
        {match.startup_id: {"en": match.reasons} for match in ranking.matches}
        for ranking in rankings
    ]
    for lang in REASON_LANGUAGES[1:]:
        for per_need, ranking in zip(reasons, matcher.rank(queries, top_k, lang=lang), strict=True):
            for match in ranking.matches:
                per_need.setdefault(match.startup_id, {})[lang] = match.reasons
    rows = [
        row
        for need_id, ranking, per_need in zip(need_ids, rankings, reasons, strict=True)
        for row in _rows_for_need(need_id, ranking.matches, per_need)
    ]
    ranked = {str(row["startup_id"]) for row in rows}
    floor = _rebuild_floor_rows(matcher, need_ids, queries, profiles, ranked)
    rows += floor
    db.session.execute(sa.delete(Match))
    if rows:
        db.session.execute(sa.insert(Match), rows)
    _save_snapshot(matcher, len(profiles))
    db.session.execute(
        sa.delete(MatcherSnapshot).where(
            MatcherSnapshot.id.not_in(
                sa.select(MatcherSnapshot.id).order_by(MatcherSnapshot.id.desc()).limit(1)
            )
        )
    )
    db.session.commit()
    refresh_planner_statistics(Match.__tablename__)
    return RebuildResult(
        startups=len(profiles), needs=len(need_ids), matches=len(rows), exposure_floor=len(floor)
    )


def refresh_need(need: Need) -> None:
    """Re-rank one need, replacing its stored rows; a need that is no longer matchable
    loses its rows. Startups validated or edited since the fit are scored from their
    current text; the others come from the fitted pool.

    A startup that had a row here (in the top list or as its floor row) and is left with
    no row at all gets a floor row at its best need (`_rehome`), which may be this one."""
    _hold(Need, need.id)
    had_rows = set(db.session.scalars(sa.select(Match.startup_id).where(Match.need_id == need.id)))
    db.session.execute(sa.delete(Match).where(Match.need_id == need.id))
    loaded = current_matcher()
    if loaded is None:
        db.session.commit()
        return
    snapshot, matcher = loaded
    if _is_matchable(matchable_needs_query(), Need, need.id):
        eligible = {
            organization_id: updated_at
            for organization_id, updated_at in db.session.execute(
                matchable_startups_query().with_only_columns(
                    Organization.id, Organization.updated_at
                )
            )
        }
        fitted = set(matcher.startup_ids_)
        fresh = {
            organization_id
            for organization_id, updated_at in eligible.items()
            if str(organization_id) not in fitted or updated_at > snapshot.fitted_at
        }
        query = need_query(need)
        top_k = matches_per_need()
        # Ask the pool for more than needed: some of its startups have left or changed.
        ranked = [
            match
            for match in matcher.rank_one(query, top_k=top_k * 2).matches
            if int(match.startup_id) in eligible and int(match.startup_id) not in fresh
        ]
        if fresh:
            ranked += matcher.score_startups(query, _profiles_by_id(fresh).values())
        ranked = sorted(ranked, key=lambda match: (-match.score, match.startup_id))[:top_k]
        ranked = [match for match in ranked if match.score > 0]
        profiles = _profiles_by_id({int(match.startup_id) for match in ranked})
        reasons = _reasons_in_all_languages(matcher, query, profiles, ranked)
        rows = _rows_for_need(need.id, ranked, reasons)
        if rows:
            # In a top list now: their floor rows elsewhere go.
            _delete_floor_rows({row["startup_id"] for row in rows})
            _insert_rows(rows)
    _rehome(matcher, had_rows)
    db.session.commit()


def _hold(entity: type[Need] | type[Organization], entity_id: int) -> None:
    """Lock the need's or startup's row until this refresh commits: two refreshes of the
    same need (two quick edits) or startup then run one after the other, and the second
    replaces the first's rows instead of keeping those it cannot see yet. (PostgreSQL;
    SQLite runs one writer at a time anyway and has no row locks.)

    `FOR NO KEY UPDATE`, not `FOR UPDATE`: other refreshes still store rows that refer to
    this need or startup (their foreign-key checks take a key-share lock), so a need's
    refresh and a startup's refresh that store rows of each other never deadlock."""
    db.session.execute(
        sa.select(entity.id).where(entity.id == entity_id).with_for_update(key_share=True)
    )


def _dismissals(*conditions: sa.ColumnElement[bool]) -> sa.Select:
    """(need id, startup id) of the pairs a company marked "not interested"."""
    return sa.select(NeedStartupMark.need_id, NeedStartupMark.startup_id).where(
        NeedStartupMark.kind == MarkKind.NOT_INTERESTED, *conditions
    )


def _delete_floor_rows(startup_ids: set[int]) -> None:
    db.session.execute(
        sa.delete(Match).where(Match.startup_id.in_(startup_ids), Match.is_exposure_floor)
    )


def _rehome(
    matcher: matching.Matcher,
    startup_ids: Iterable[int],
    need_ids: Sequence[int] | None = None,
    queries: Sequence[matching.Query] | None = None,
    scored: dict[int, np.ndarray] | None = None,
) -> None:
    """Give each of `startup_ids` that is matchable and has no stored row left a floor row
    at the need that scores it best (the first of equal shown scores, needs by id)
    among the matchable needs whose company has not dismissed it, if one scores it above 0.

    For the startups a refresh took the last row from. They are scored from their current
    profiles against every matchable need (`need_ids` and their `queries`, when the caller
    has them) in one batch without reasons, except those whose scores against them the
    caller has (`scored`: startup id -> shown scores); reasons are made for the chosen
    pairs only."""
    homeless = set(
        db.session.scalars(
            matchable_startups_query()
            .with_only_columns(Organization.id)
            .where(
                Organization.id.in_(set(startup_ids)),
                ~sa.exists().where(Match.startup_id == Organization.id),
            )
        )
    )
    if not homeless:
        return
    if need_ids is None or queries is None:
        need_ids, queries = matchable_need_queries()
    if not need_ids:
        return
    profiles = list(_profiles_by_id(homeless).values())
    scored = scored or {}
    unscored = [profile for profile in profiles if int(profile.id) not in scored]
    computed = iter(matcher.score_matrix(queries, unscored).T)
    scores = np.column_stack(
        [
            scored[int(profile.id)] if int(profile.id) in scored else next(computed)
            for profile in profiles
        ]
    )
    row_of = {need_id: row for row, need_id in enumerate(need_ids)}
    column_of = {int(profile.id): column for column, profile in enumerate(profiles)}
    for need_id, startup_id in db.session.execute(
        _dismissals(NeedStartupMark.startup_id.in_(homeless))
    ):
        if need_id in row_of:
            scores[row_of[need_id], column_of[startup_id]] = 0
    best = np.argmax(scores, axis=0)  # the first need of the best score
    placed = [
        (int(best[column]), profile)
        for column, profile in enumerate(profiles)
        if scores[best[column], column] > 0
    ]
    _insert_rows(_floor_rows(matcher, need_ids, queries, placed))


def _insert_rows(rows: list[dict]) -> None:
    """Store a refresh's rows, skipping those another worker's refresh stored meanwhile:
    the same startup at the same need (a need re-ranked while the startup was edited), or
    another floor row of the startup (it was re-homed elsewhere since `_rehome` looked).
    Either row does, and the rest of this refresh still commits. (Refreshes of the same
    need or startup do not meet here: `_hold` runs them one after the other.)"""
    if not rows:
        return
    # The application runs on these two; both skip a conflict on any unique index.
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    db.session.execute(dialect.insert(Match).on_conflict_do_nothing(), rows)


def _profiles_by_id(organization_ids: set[int]) -> dict[str, matching.Profile]:
    organizations = db.session.scalars(
        sa.select(Organization)
        .where(Organization.id.in_(organization_ids))
        .options(selectinload(Organization.terms))
    )
    return {str(org.id): organization_profile(org) for org in organizations}


def refresh_startup(organization: Organization) -> None:
    """Score one startup against every matchable need after it was validated, edited or
    taken off, keeping each need's top rows; nothing is refitted. A startup that enters no
    top list gets a floor row at its best need (`_rehome`), as do the startups it pushes
    out of their only top list."""
    _hold(Organization, organization.id)
    db.session.execute(sa.delete(Match).where(Match.startup_id == organization.id))
    loaded = current_matcher()
    if loaded is not None and _is_matchable(
        matchable_startups_query(), Organization, organization.id
    ):
        _, matcher = loaded
        profile = organization_profile(organization)
        top_k = matches_per_need()
        need_ids, queries = matchable_need_queries()
        # Scores against every need without reasons; reasons only where it enters.
        scores = matcher.score_matrix(queries, [profile])[:, 0]
        # Each need keeps at most top_k rows, so its lowest score is the bar to clear.
        stored = {
            need_id: (count, lowest)
            for need_id, count, lowest in db.session.execute(
                sa.select(Match.need_id, sa.func.count(), sa.func.min(Match.score))
                .where(~Match.is_exposure_floor)
                .group_by(Match.need_id)
            )
        }
        entering = [
            index
            for index, (need_id, score) in enumerate(zip(need_ids, scores.tolist(), strict=True))
            if score > 0
            and not (stored.get(need_id, (0, 0.0))[0] >= top_k and score <= stored[need_id][1])
        ]
        pushed_out: set[int] = set()
        if entering:
            # Reasons in every language, for all entered needs in one batch.
            rows = _explained_rows(
                matcher,
                [queries[index] for index in entering],
                [profile],
                [(row, 0) for row in range(len(entering))],
                [need_ids[index] for index in entering],
            )
            _insert_rows(rows)
            for index in entering:
                pushed_out |= _trim(need_ids[index], top_k)
        # `_rehome` places those left without a row: the startup itself if it entered no
        # top list, and startups whose rows it pushed out.
        _rehome(
            matcher, {organization.id, *pushed_out}, need_ids, queries, {organization.id: scores}
        )
    db.session.commit()


def _trim(need_id: int, top_k: int) -> set[int]:
    """Cut a need's top list to `top_k` rows and return the startups whose rows were cut
    and not kept. A startup pushed out of its only top list keeps that row as its floor row
    (until a rebuild finds its best need), unless the company dismissed it there: then its
    row goes, and the caller finds it a floor row elsewhere (`_rehome`). Floor rows are
    never cut.

    A kept row is stored again as a floor row (`_insert_rows`), not updated in place: should
    another worker have given the startup a floor row meanwhile, an UPDATE would break the
    one-floor-row index and roll this refresh back, while the insert skips it."""
    keep = (
        sa.select(Match.id)
        .where(Match.need_id == need_id, ~Match.is_exposure_floor)
        .order_by(Match.score.desc(), Match.id)
        .limit(top_k)
    )
    beyond = sa.and_(Match.need_id == need_id, ~Match.is_exposure_floor, Match.id.not_in(keep))
    other = aliased(Match)
    only_row = sa.and_(
        ~sa.exists().where(other.startup_id == Match.startup_id, other.id != Match.id),
        # The queue would not offer it at a need that dismissed it: no floor row there.
        # (Like `shortlists.not_dismissed`, which this module cannot import: shortlists
        # depends on it through the directory.)
        ~_dismissals(NeedStartupMark.need_id == need_id)
        .where(NeedStartupMark.startup_id == Match.startup_id)
        .exists(),
    )
    columns = [column for column in Match.__table__.columns if column.key != "id"]
    kept = [
        {**row._asdict(), "is_exposure_floor": True}
        for row in db.session.execute(sa.select(*columns).where(beyond, only_row))
    ]
    cut = set(db.session.scalars(sa.delete(Match).where(beyond).returning(Match.startup_id)))
    _insert_rows(kept)
    return cut - {row["startup_id"] for row in kept}


def refresh_organization(organization: Organization) -> None:
    """Bring the stored matches in line with an organisation's current state: a startup
    is re-scored, a corporate's needs are re-ranked, one that left matching loses its rows."""
    if organization.kind is OrganizationKind.STARTUP:
        _safely(refresh_startup, organization)
    else:
        for need in organization.needs:
            _safely(refresh_need, need)


def refresh_need_matches(need: Need) -> None:
    """Bring the stored matches of one need in line with its current state."""
    _safely(refresh_need, need)


def refresh_dismissed_match(need: Need, startup: Organization) -> None:
    """Bring the stored matches in line with a company's dismissal of a startup for one of
    its needs: a floor row there moves to the startup's best need that did not dismiss it
    (the review queue would not offer it there)."""
    _safely(_move_dismissed_floor_row, need, startup)


def _move_dismissed_floor_row(need: Need, startup: Organization) -> None:
    # Without a matcher of the current model the row stays until a rebuild: deleting it
    # could leave the startup with none.
    loaded = current_matcher()
    if loaded is None:
        return
    moved = db.session.execute(
        sa.delete(Match).where(
            Match.need_id == need.id, Match.startup_id == startup.id, Match.is_exposure_floor
        )
    ).rowcount
    if moved:
        _rehome(loaded[1], {startup.id})
    db.session.commit()


def _safely(refresh: Callable, *targets: Organization | Need) -> None:
    # A failed refresh must never undo or hide the change that caused it: the rows are
    # only a cache of the ranking, and `matchmaker matches rebuild` repairs them.
    try:
        refresh(*targets)
    except Exception:
        db.session.rollback()
        if current_app.testing:  # a broken refresh must fail the tests, not hide
            raise
        log.exception("refreshing the matches of %s failed", ", ".join(map(repr, targets)))


def best_matches(
    needs: Iterable[Need], limit: int = 10, *conditions: sa.ColumnElement[bool]
) -> dict[int, list[Match]]:
    """The stored best startups (still validated) of each need, best first, in one query
    (`conditions` as for `top_matches_per_need`)."""
    need_ids = [need.id for need in needs]
    best: dict[int, list[Match]] = {need_id: [] for need_id in need_ids}
    for match in top_matches_per_need(need_ids, limit, *conditions):
        best[match.need_id].append(match)
    return best


def top_matches_per_need(
    need_ids: Sequence[int], limit: int, *conditions: sa.ColumnElement[bool]
) -> list[Match]:
    """The best `limit` rows of each need's top list (no floor rows) whose startup is
    validated and meets `conditions` (which may refer to `Match`, the startup as
    `Organization`, and `Need`), ordered by need, best first: one query whatever the number
    of needs."""
    position = (
        sa.func.row_number()
        .over(partition_by=Match.need_id, order_by=(Match.score.desc(), Match.id))
        .label("position")
    )
    ranked = (
        sa.select(Match.id, position)
        .join(Match.startup)
        .join(Need, Need.id == Match.need_id)
        .where(
            Match.need_id.in_(need_ids),
            ~Match.is_exposure_floor,
            Organization.status == ProfileStatus.APPROVED,
            *conditions,
        )
        .subquery()
    )
    return rows_up_to(ranked, limit)


def rows_up_to(ranked: sa.Subquery, limit: int) -> list[Match]:
    """The stored rows of `ranked` (columns `id`, a match id, and `position`, its place in
    its need) up to `limit` per need, with their startups, ordered by need, best first."""
    return list(
        db.session.scalars(
            sa.select(Match)
            .join(ranked, ranked.c.id == Match.id)
            .where(ranked.c.position <= limit)
            .options(selectinload(Match.startup).selectinload(Organization.terms))
            .order_by(Match.need_id, ranked.c.position)
        )
    )
