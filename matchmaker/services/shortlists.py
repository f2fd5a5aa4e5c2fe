"""What a corporate does with the startups ranked for one of its needs: filter and sort
them, save some, dismiss others ("not interested": hidden for that need, kept as a signal
for the matcher)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import selectinload

from matchmaker.extensions import db
from matchmaker.models import (
    MarkKind,
    Match,
    Need,
    NeedStartupMark,
    Organization,
    OrganizationKind,
    ProfileStatus,
    User,
    utcnow,
)
from matchmaker.services.directory import where_terms
from matchmaker.services.errors import DomainError
from matchmaker.services.matching import refresh_dismissed_match

PAGE_SIZE = 10
SORTS = ("score", "newest", "team_size", "founded")


class MarkRefused(DomainError):
    pass


@dataclass(frozen=True)
class MatchCriteria:
    industry: str | None = None
    technology: str | None = None
    stage: str | None = None
    country: str | None = None
    language: str | None = None
    sort: str = "score"
    saved_only: bool = False


def _marked(kind: MarkKind) -> sa.ColumnElement[bool]:
    """For queries over `Match`: the company marked the row's startup `kind` for its need."""
    return (
        sa.select(NeedStartupMark.id)
        .where(
            NeedStartupMark.need_id == Match.need_id,
            NeedStartupMark.startup_id == Match.startup_id,
            NeedStartupMark.kind == kind,
        )
        .exists()
    )


def not_dismissed() -> sa.ColumnElement[bool]:
    """For queries over `Match`: the company did not mark the startup "not interested" for
    that row's need."""
    return ~_marked(MarkKind.NOT_INTERESTED)


def ranked_startups(need: Need, criteria: MatchCriteria, page: int = 1) -> Pagination:
    """The validated startups stored for `need`, minus the dismissed ones, filtered and
    sorted, one page at a time."""
    query = (
        sa.select(Match)
        .join(Match.startup)
        .where(
            Match.need_id == need.id,
            ~Match.is_exposure_floor,  # the need's top list only: floor rows are for staff
            Organization.status == ProfileStatus.APPROVED,
            not_dismissed(),
        )
    )
    if criteria.saved_only:
        query = query.where(_marked(MarkKind.SAVED))
    if criteria.stage:
        query = query.where(Organization.stage == criteria.stage)
    if criteria.country:
        query = query.where(Organization.country == criteria.country)
    query = where_terms(
        query,
        industries=criteria.industry,
        technologies=criteria.technology,
        languages=criteria.language,
    )
    order = {
        "score": (Match.score.desc(),),
        "newest": (Organization.founded_year.desc().nulls_last(), Match.score.desc()),
        "team_size": (Organization.team_size.desc().nulls_last(), Match.score.desc()),
        "founded": (Organization.founded_year.asc().nulls_last(), Match.score.desc()),
    }[criteria.sort if criteria.sort in SORTS else "score"]
    query = query.order_by(*order, Match.id).options(
        selectinload(Match.startup).selectinload(Organization.terms)
    )
    return db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)


def marks_of(need: Need) -> dict[int, MarkKind]:
    return {
        mark.startup_id: mark.kind
        for mark in db.session.scalars(
            sa.select(NeedStartupMark).where(NeedStartupMark.need_id == need.id)
        )
    }


def dismissed_count(need: Need) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(NeedStartupMark)
        .where(
            NeedStartupMark.need_id == need.id,
            NeedStartupMark.kind == MarkKind.NOT_INTERESTED,
        )
    )


def mark_startup(need: Need, startup: Organization, user: User, kind: MarkKind | None) -> None:
    """Save or dismiss a startup for one need (None: take the mark back). A dismissed
    startup's floor row at that need moves to its best need elsewhere."""
    if user.organization_id != need.organization_id:
        raise MarkRefused("Only the company that owns the need can do this.")
    if startup.kind is not OrganizationKind.STARTUP:
        raise MarkRefused("Only startups can be saved or dismissed.")
    mark = db.session.scalar(
        sa.select(NeedStartupMark).where(
            NeedStartupMark.need_id == need.id, NeedStartupMark.startup_id == startup.id
        )
    )
    if kind is None:
        if mark is not None:
            db.session.delete(mark)
    elif mark is None:
        db.session.add(
            NeedStartupMark(need_id=need.id, startup_id=startup.id, kind=kind, marked_by_id=user.id)
        )
    else:
        mark.kind = kind
        mark.marked_by_id = user.id
        mark.marked_at = utcnow()
    db.session.commit()
    if kind is MarkKind.NOT_INTERESTED:
        refresh_dismissed_match(need, startup)


def restore_dismissed(need: Need, user: User) -> int:
    """Bring every dismissed startup of a need back into its list."""
    if user.organization_id != need.organization_id:
        raise MarkRefused("Only the company that owns the need can do this.")
    deleted = db.session.execute(
        sa.delete(NeedStartupMark).where(
            NeedStartupMark.need_id == need.id,
            NeedStartupMark.kind == MarkKind.NOT_INTERESTED,
        )
    ).rowcount
    db.session.commit()
    return deleted
