"""In-app notifications: to an organisation (every member sees them) or to staff (the
pair's owner, or the whole team when nobody owns it yet)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from matchmaker.extensions import db
from matchmaker.models import Introduction, Notification, OrganizationKind, User, utcnow


def notifications_for(user: User, limit: int = 30) -> list[Notification]:
    return list(
        db.session.scalars(
            _notifications_query(user)
            .options(selectinload(Notification.introduction))
            .order_by(Notification.id.desc())
            .limit(limit)
        )
    )


def unread_notification_count(user: User) -> int:
    return db.session.scalar(
        _notifications_query(user)
        .where(Notification.read_at.is_(None))
        .with_only_columns(sa.func.count())
        .order_by(None)
    )


def mark_notifications_read(user: User) -> None:
    ids = (
        _notifications_query(user)
        .where(Notification.read_at.is_(None))
        .with_only_columns(Notification.id)
    )
    db.session.execute(
        sa.update(Notification)
        .where(Notification.id.in_(ids.scalar_subquery()))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def _notifications_query(user: User) -> sa.Select:
    query = sa.select(Notification)
    if user.is_staff:
        # Their own, and the team's (pairs nobody owns yet).
        return query.where(
            sa.or_(
                Notification.user_id == user.id,
                sa.and_(Notification.user_id.is_(None), Notification.organization_id.is_(None)),
            )
        )
    return query.where(Notification.organization_id == user.organization_id)


def notify_party(introduction: Introduction, side: OrganizationKind, kind: str) -> None:
    organization_id = (
        introduction.startup_id if side is OrganizationKind.STARTUP else introduction.corporate_id
    )
    db.session.add(
        Notification(organization_id=organization_id, introduction_id=introduction.id, kind=kind)
    )


def notify_staff(introduction: Introduction, kind: str) -> None:
    db.session.add(
        Notification(user_id=introduction.owner_id, introduction_id=introduction.id, kind=kind)
    )
