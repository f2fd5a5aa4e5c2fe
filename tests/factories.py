"""Small builders for test data that goes through the real services."""

from __future__ import annotations

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Need, Organization, ProfileStatus, User
from matchmaker.services import profiles
from matchmaker.services.profiles import NeedData, ProfileData

STARTUP_PROFILE = {
    "name": "VoltCell Robotics GmbH",
    "website": "https://voltcell.example",
    "country": "DE",
    "city": "Duesseldorf",
    "description": "We build battery management systems and modular battery packs for "
    "electric delivery vehicles and industrial robots.",
    "offers": "Battery management software, pack design, pilot installations in fleets.",
    "seeks": "A Japanese automotive supplier for a joint pilot and access to cell makers.",
    "founded_year": "2021",
    "team_size": "14",
    "stage": "seed",
    "industries": ["automotive", "energy"],
    "technologies": ["battery_management"],
    "partnership_types": ["pilot", "joint_development"],
    "languages": ["en", "de"],
    "contact_name": "Lena Vogel",
    "contact_role": "CEO",
    "contact_email": "lena@voltcell.example",
    "contact_phone": "+49 211 1234567",
    "accepts_proposals": "y",
}


def organization_of(app, user_id: int) -> Organization:
    with app.app_context():
        organization = db.session.get(User, user_id).organization
        db.session.refresh(organization)
        return db.session.get(Organization, organization.id)


def org_state(app, organization_id: int) -> dict:
    """A detached snapshot of an organisation's fields and terms."""
    with app.app_context():
        organization = db.session.get(Organization, organization_id)
        snapshot = {
            column.key: getattr(organization, column.key)
            for column in sa.inspect(Organization).column_attrs
            if column.key != "logo"
        }
        snapshot["has_logo"] = organization.logo is not None
        snapshot["logo"] = organization.logo
        for vocabulary in ("industries", "technologies", "partnership_types", "languages"):
            snapshot[vocabulary] = organization.term_ids(vocabulary)
        return snapshot


def give_profile(app, user_id: int, status: ProfileStatus = ProfileStatus.APPROVED, **changes):
    """Fill the user's organisation's profile through the service and set its review state."""
    with app.app_context():
        organization = db.session.get(User, user_id).organization
        values = {
            "name": organization.name,
            "description": "A profile long enough to be meaningful for matching purposes.",
            "country": "DE",
            "city": "Duesseldorf",
            "industries": ("automotive",),
            **changes,
        }
        profiles.update_profile(organization, ProfileData(**values))
        organization.status = status
        db.session.commit()
        return organization.id


def add_need(app, user_id: int, status: ProfileStatus = ProfileStatus.APPROVED, **changes) -> int:
    with app.app_context():
        organization = db.session.get(User, user_id).organization
        data = NeedData(
            **{"title": "Predictive maintenance", "description": "Sensors for presses.", **changes}
        )
        need = profiles.save_need(organization, data)
        need.review_status = status
        db.session.commit()
        return need.id


def need_state(app, need_id: int) -> dict:
    with app.app_context():
        need = db.session.get(Need, need_id)
        return {
            "title": need.title,
            "description": need.description,
            "status": need.status,
            "review_status": need.review_status,
            "text_language": need.text_language,
            "technologies": need.term_ids("technologies"),
        }
