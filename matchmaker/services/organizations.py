"""Organisations: the startups and corporates on the platform."""

from __future__ import annotations

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Organization, OrganizationKind


def count_organizations_by_kind() -> dict[OrganizationKind, int]:
    """How many organisations of each kind are registered (zero for none)."""
    rows = db.session.execute(
        sa.select(Organization.kind, sa.func.count()).group_by(Organization.kind)
    )
    counts = dict.fromkeys(OrganizationKind, 0)
    counts.update({kind: count for kind, count in rows})
    return counts
