"""Small builders for test data that goes through the real services."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Match, Need, Organization, ProfileStatus, Role, User
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


# --- a validated startup-corporate pair with a stored match (introductions) ------------------

PAIR_STARTUP_PROFILE = ProfileData(
    name="VoltCell Robotics",
    description="Battery management systems for electric delivery vans.",
    offers="Battery management software.",
    city="Duesseldorf",
    country="DE",
    industries=("automotive",),
    languages=("en", "de"),
    contact_name="Lena Vogel",
    contact_email="lena@voltcell.example",
    contact_phone="+49 211 1234567",
)
PAIR_CORPORATE_PROFILE = ProfileData(
    name="Kansai Auto Europe",
    description="European office of a Japanese automotive supplier.",
    industries=("automotive",),
    languages=("en", "ja"),
    contact_name="Taro Yamada",
    contact_email="yamada@kansai-auto.example",
)


@dataclass
class Pair:
    staff: int
    corporate_user: int
    startup_user: int
    corporate: int
    startup: int
    need: int


def validated_organization(app, user_id: int, data: ProfileData) -> int:
    with app.test_request_context():
        organization = db.session.get(User, user_id).organization
        profiles.update_profile(organization, data)
        organization.status = ProfileStatus.APPROVED
        db.session.commit()
        return organization.id


PAIR_REASONS = {
    "en": ["Both work on battery management"],
    "de": ["Beide arbeiten an Batteriemanagement"],
    "ja": ["両者ともバッテリーマネジメントに取り組んでいます"],
}


def store_match(app, need_id: int, startup_id: int, score: float, reasons=None) -> None:
    """A stored ranking row, as the matcher would have written it."""
    with app.app_context():
        db.session.add(
            Match(
                need_id=need_id,
                startup_id=startup_id,
                score=score,
                features={"text": score},
                reasons=reasons or PAIR_REASONS,
                model_version="test",
            )
        )
        db.session.commit()


def add_startup(app, make_user, name: str, score: float, need_id: int, **changes) -> int:
    """A validated startup (the pair's profile under another name) ranked for `need_id`."""
    user_id = make_user(Role.STARTUP, organization_name=name)
    data = ProfileData(**{**PAIR_STARTUP_PROFILE.__dict__, "name": name, **changes})
    startup_id = validated_organization(app, user_id, data)
    store_match(app, need_id, startup_id, score)
    return startup_id
