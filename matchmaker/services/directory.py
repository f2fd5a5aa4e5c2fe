"""The staff directory: counts, the review queue, search with filters and paging."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import selectinload

from matchmaker.extensions import db
from matchmaker.models import (
    Need,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    ProfileStatus,
)
from matchmaker.services.matching import matchable_needs_query

PAGE_SIZE = 25
MAX_PAGE = 10_000


def count_organizations_by_kind() -> dict[OrganizationKind, int]:
    """How many organisations of each kind are on the platform (deleted ones excluded)."""
    rows = db.session.execute(
        sa.select(Organization.kind, sa.func.count())
        .where(Organization.status != ProfileStatus.DELETED)
        .group_by(Organization.kind)
    )
    counts = dict.fromkeys(OrganizationKind, 0)
    counts.update({kind: count for kind, count in rows})
    return counts


def review_queue(limit: int = 50) -> list[Organization]:
    """Profiles waiting for staff, oldest submission first."""
    return list(
        db.session.scalars(
            sa.select(Organization)
            .where(Organization.status == ProfileStatus.PENDING)
            .order_by(Organization.submitted_at, Organization.id)
            .limit(limit)
        )
    )


def needs_waiting_for_review(limit: int = 50) -> list[Need]:
    """Needs waiting for staff (of organisations not deleted or suspended), oldest first."""
    return list(
        db.session.scalars(
            sa.select(Need)
            .join(Need.organization)
            .where(
                Need.review_status == ProfileStatus.PENDING,
                Organization.status.not_in([ProfileStatus.DELETED, ProfileStatus.SUSPENDED]),
            )
            .order_by(Need.updated_at, Need.id)
            .options(selectinload(Need.organization))
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class DirectoryCriteria:
    text: str = ""
    kind: OrganizationKind | None = None
    status: ProfileStatus | None = None
    industry: str | None = None
    technology: str | None = None
    stage: str | None = None
    language: str | None = None


def _has_term(vocabulary: str, term_id: str) -> sa.ColumnElement[bool]:
    return (
        sa.select(OrganizationTerm.id)
        .where(
            OrganizationTerm.organization_id == Organization.id,
            OrganizationTerm.vocabulary == vocabulary,
            OrganizationTerm.term_id == term_id,
        )
        .exists()
    )


def where_terms(query: sa.Select, **term_ids: str | None) -> sa.Select:
    """Keep the organisations that hold each given term (`industries="automotive"`, ...)."""
    for vocabulary, term_id in term_ids.items():
        if term_id:
            query = query.where(_has_term(vocabulary, term_id))
    return query


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_organizations(criteria: DirectoryCriteria, page: int = 1) -> Pagination:
    """Organisations matching every given criterion, newest first, one page at a time.

    The text is searched case-insensitively in the name and the profile and need texts.
    """
    query = sa.select(Organization).where(Organization.status != ProfileStatus.DELETED)
    if criteria.kind:
        query = query.where(Organization.kind == criteria.kind)
    if criteria.status:
        query = query.where(Organization.status == criteria.status)
    if criteria.stage:
        query = query.where(Organization.stage == criteria.stage)
    query = where_terms(
        query,
        industries=criteria.industry,
        technologies=criteria.technology,
        languages=criteria.language,
    )
    for word in criteria.text.split()[:8]:
        pattern = f"%{_escape_like(word.lower())}%"
        in_profile = sa.or_(
            *(
                sa.func.lower(column).like(pattern, escape="\\")
                for column in (
                    Organization.name,
                    Organization.description,
                    Organization.offers,
                    Organization.seeks,
                    Organization.city,
                    Organization.parent_company,
                )
            )
        )
        in_needs = (
            sa.select(Need.id)
            .where(
                Need.organization_id == Organization.id,
                sa.or_(
                    sa.func.lower(Need.title).like(pattern, escape="\\"),
                    sa.func.lower(Need.description).like(pattern, escape="\\"),
                ),
            )
            .exists()
        )
        query = query.where(sa.or_(in_profile, in_needs))
    query = query.order_by(Organization.created_at.desc(), Organization.id.desc()).options(
        selectinload(Organization.terms)
    )
    return db.paginate(query, page=page, per_page=PAGE_SIZE, error_out=False)


def open_needs(page: int = 1, per_page: int = 20) -> Pagination:
    """Open, validated needs of validated companies, newest first: what startups may see
    of what the Japan Desk's companies look for (the template hides private names)."""
    query = matchable_needs_query().order_by(None).order_by(Need.created_at.desc(), Need.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
