"""Demo accounts so that a fresh installation can be tried at once."""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.extensions import db
from matchmaker.models import Organization, OrganizationKind, Role, User, utcnow
from matchmaker.services.accounts import get_user_by_email, hash_password

# A local demo database only; `matchmaker demo` refuses to run in production.
DEMO_PASSWORD = "demo-matchmaker-2026"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str


DEMO_ACCOUNTS = (
    (Role.ADMIN, "admin@demo.japandesk.example", "Aiko Admin", None),
    (Role.STAFF, "staff@demo.japandesk.example", "Stefan Staff", None),
    (Role.STARTUP, "founder@demo-startup.example", "Lena Founder", "VoltCell Robotics GmbH"),
    (Role.CORPORATE, "manager@demo-corporate.example", "Kenji Tanaka", "Kansai Precision Europe"),
)


def ensure_demo_accounts() -> list[DemoLogin]:
    """Create whatever demo account is missing (running twice changes nothing) and return
    the logins."""
    for role, email, full_name, organization_name in DEMO_ACCOUNTS:
        if get_user_by_email(email) is not None:
            continue
        organization = None
        if organization_name:
            kind = OrganizationKind.STARTUP if role is Role.STARTUP else OrganizationKind.CORPORATE
            organization = Organization(name=organization_name, kind=kind)
        db.session.add(
            User(
                email=email,
                full_name=full_name,
                role=role,
                organization=organization,
                password_hash=hash_password(DEMO_PASSWORD),
                email_confirmed_at=utcnow(),
            )
        )
    db.session.commit()
    return [DemoLogin(role.value, email, DEMO_PASSWORD) for role, email, *_ in DEMO_ACCOUNTS]
