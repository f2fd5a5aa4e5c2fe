"""Privacy: a user's data download and account deletion."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from werkzeug.security import check_password_hash

from matchmaker.extensions import db
from matchmaker.models import Need, NeedStatus, Organization, ProfileStatus, User, utcnow
from matchmaker.services.accounts import hash_password
from matchmaker.services.errors import AuthenticationFailed
from matchmaker.services.introductions import introductions_for_organization
from matchmaker.services.matching import refresh_organization
from matchmaker.services.profiles import TEXT_LIMITS, VOCABULARY_FIELDS


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_user_data(user: User) -> dict[str, Any]:
    """All data the platform holds about `user` and their organisation, as plain JSON types."""
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role.value,
            "locale": user.locale,
            "created_at": _iso(user.created_at),
            "email_confirmed_at": _iso(user.email_confirmed_at),
            "last_login_at": _iso(user.last_login_at),
            "password_changed_at": _iso(user.password_changed_at),
        },
        "privacy_consents": [
            {"notice_version": c.notice_version, "consented_at": _iso(c.consented_at)}
            for c in user.consents
        ],
    }
    organization = user.organization
    if organization is not None:
        data["organization"] = _organization_data(organization)
        data["introductions"] = _introductions_data(organization)
    return data


def _introductions_data(organization: Organization) -> list[dict[str, Any]]:
    """The organisation's introductions as the organisation itself may see them (the other
    side named only where the flow reveals it; staff notes are not the party's data)."""
    rows = []
    for introduction in introductions_for_organization(organization):
        is_startup = organization.id == introduction.startup_id
        other = introduction.corporate if is_startup else introduction.startup
        named = not is_startup or introduction.is_corporate_named
        rows.append(
            {
                "id": introduction.id,
                "status": introduction.status.value,
                "with": other.name if named else None,
                "need": introduction.need.title if introduction.need else None,
                "outcome": introduction.outcome.value if introduction.outcome else None,
                "created_at": _iso(introduction.created_at),
                "introduced_at": _iso(introduction.introduced_at),
                "meeting_held_at": _iso(introduction.meeting_held_at),
            }
        )
    return rows


def _organization_data(organization: Organization) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "id": organization.id,
        "kind": organization.kind.value,
        "status": organization.status.value,
        "review_comment": organization.review_comment,
        # What staff last approved, which may hold text removed since.
        "approved_text": organization.approved_text,
        "country": organization.country,
        "text_language": organization.text_language,
        "founded_year": organization.founded_year,
        "team_size": organization.team_size,
        "stage": organization.stage,
        "decision_path": organization.decision_path.value if organization.decision_path else None,
        "is_name_public": organization.is_name_public,
        "accepts_proposals": organization.accepts_proposals,
        "has_logo": organization.logo_mime is not None,
        "created_at": _iso(organization.created_at),
        "updated_at": _iso(organization.updated_at),
    }
    profile.update({name: getattr(organization, name) for name in TEXT_LIMITS})
    profile.update({name: organization.term_ids(name) for name in VOCABULARY_FIELDS})
    # The needs in one statement with their deferred approved texts, their terms in one more.
    needs = db.session.scalars(
        sa.select(Need)
        .where(Need.organization_id == organization.id)
        .order_by(Need.id)
        .options(sa.orm.undefer(Need.approved_text), sa.orm.selectinload(Need.terms))
    )
    profile["needs"] = [
        {
            "id": need.id,
            "title": need.title,
            "description": need.description,
            "text_language": need.text_language,
            "time_horizon": need.time_horizon.value,
            "status": need.status.value,
            "review_status": need.review_status.value,
            "approved_text": need.approved_text,
            "technologies": need.term_ids("technologies"),
            "partnership_types": need.term_ids("partnership_types"),
            "created_at": _iso(need.created_at),
        }
        for need in needs
    ]
    return profile


def delete_account(user: User, password: str) -> None:
    """Delete a user's account after checking their password.

    Personal data goes; the rows stay, anonymised, so that history others rely on
    (introductions, statistics) keeps its counts. The organisation's profile goes with its
    last active user.
    """
    if not check_password_hash(user.password_hash, password):
        raise AuthenticationFailed("Your password is not correct.")
    organization = user.organization
    user.email = f"deleted-{user.id}-{secrets.token_hex(4)}@deleted.invalid"
    user.full_name = ""
    user.locale = None
    user.password_hash = hash_password(secrets.token_urlsafe(32))
    user.is_active = False
    user.session_version += 1
    user.deleted_at = utcnow()
    if organization is not None and not _other_active_users(organization, user):
        _anonymise_organization(organization)
    db.session.commit()
    if organization is not None and organization.status is ProfileStatus.DELETED:
        refresh_organization(organization)


def _other_active_users(organization: Organization, user: User) -> bool:
    return bool(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(User)
            .where(User.organization_id == organization.id, User.id != user.id, User.is_active)
        )
    )


def _anonymise_organization(organization: Organization) -> None:
    for name in TEXT_LIMITS:
        setattr(organization, name, "")
    organization.name = f"Deleted organisation {organization.id}"
    organization.logo = None
    organization.logo_mime = None
    organization.status = ProfileStatus.DELETED
    organization.approved_text = None
    organization.accepts_proposals = False
    organization.is_name_public = False
    organization.updated_at = utcnow()
    need: Need
    for need in organization.needs:
        need.title = f"Deleted need {need.id}"
        need.description = ""
        need.approved_text = None
        need.status = NeedStatus.CLOSED
