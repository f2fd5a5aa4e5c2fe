"""Fixtures: a fresh app and database per test, a CSRF-aware client, factories, the outbox.

The database is SQLite in a temporary folder unless `TEST_DATABASE_URL` names a PostgreSQL
database; then the schema is created once and every table is emptied after each test. Under
pytest-xdist every worker gets a database of its own beside that one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from matchmaker import create_app
from matchmaker.extensions import db
from matchmaker.models import (
    Organization,
    OrganizationKind,
    ProfileStatus,
    Role,
    User,
    utcnow,
)
from matchmaker.services import profiles
from matchmaker.services.accounts import hash_password
from matchmaker.services.mail import read_outbox
from matchmaker.services.profiles import NeedData
from tests.factories import (
    PAIR_CORPORATE_PROFILE,
    PAIR_STARTUP_PROFILE,
    Pair,
    store_match,
    validated_organization,
)

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
PASSWORD = "correct horse battery"


def pytest_report_header(config) -> str:
    return f"database: {TEST_DATABASE_URL or 'SQLite (a new file per test)'}"


@pytest.fixture(scope="session")
def _postgres_schema() -> Iterator[str]:
    """The PostgreSQL database of this test process, with the schema created once
    (an empty string for SQLite)."""
    if not TEST_DATABASE_URL:
        yield ""
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = TEST_DATABASE_URL
    if worker:
        base = sa.engine.make_url(TEST_DATABASE_URL)
        name = f"{base.database}_{worker}"
        _manage_database(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
        )
        url = base.set(database=name).render_as_string(hide_password=False)
    app = create_app(_test_config(url, Path("/tmp")))
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield url
    with app.app_context():
        db.drop_all()
        db.engine.dispose()
    if worker:
        _manage_database(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage_database(*statements: str) -> None:
    engine = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))
    engine.dispose()


def _test_config(database_url: str, tmp_path: Path) -> dict:
    return {
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
    }


@pytest.fixture
def make_app(tmp_path: Path, _postgres_schema) -> Iterator:
    """Build a test app with extra settings; the database is fresh for each test."""
    apps: list[Flask] = []

    def build(**overrides) -> Flask:
        url = _postgres_schema or f"sqlite:///{tmp_path / 'test.sqlite3'}"
        app = create_app({**_test_config(url, tmp_path), **overrides})
        if not TEST_DATABASE_URL:
            with app.app_context():
                db.create_all()
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            if TEST_DATABASE_URL:
                tables = ", ".join(t.name for t in db.metadata.sorted_tables)
                db.session.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
                db.session.commit()
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app) -> Flask:
    return make_app()


class Client(FlaskClient):
    """A test client that sends the CSRF token with every form, as a browser would."""

    def csrf_token(self) -> str:
        page = self.get("/privacy").get_data(as_text=True)
        match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
        assert match, "every page carries a CSRF token"
        return match.group(1)

    def submit(self, url: str, data: dict | None = None, **kwargs):
        """POST a form the way the browser would, CSRF token included (also for forms
        rendered with a prefix, whose fields are named `<prefix>-<field>`)."""
        data = dict(data or {})
        token = self.csrf_token()
        prefixes = {key.split("-", 1)[0] for key in data if "-" in key}
        tokens = {f"{prefix}-csrf_token": token for prefix in prefixes}
        return self.post(url, data={"csrf_token": token, **tokens, **data}, **kwargs)

    def login(self, email: str, password: str = PASSWORD, **kwargs):
        return self.submit("/auth/login", {"email": email, "password": password}, **kwargs)

    def logout(self):
        return self.submit("/auth/logout")


@pytest.fixture
def client(app: Flask) -> Client:
    app.test_client_class = Client
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def outbox(app: Flask):
    """The messages the app has 'sent', oldest first."""

    def messages() -> list[EmailMessage]:
        return read_outbox(Path(app.config["MAIL_OUTBOX_DIR"]))

    return messages


def mail_body(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message: EmailMessage) -> str:
    """The first link in a mail, as a path the test client can open."""
    match = re.search(r"https?://[^/\s]+(/\S+)", mail_body(message))
    assert match, "the mail contains a link"
    return match.group(1)


@pytest.fixture
def make_user(app: Flask):
    """Create a user (and, for startups and corporates, its organisation); returns its id."""
    counter = iter(range(1, 10_000))

    def create(
        role: Role = Role.STARTUP,
        email: str | None = None,
        password: str = PASSWORD,
        confirmed: bool = True,
        organization_name: str | None = None,
    ) -> int:
        number = next(counter)
        with app.app_context():
            organization = None
            if role in (Role.STARTUP, Role.CORPORATE):
                organization = Organization(
                    name=organization_name or f"{role.value.title()} {number}",
                    kind=OrganizationKind(role.value),
                )
            user = User(
                email=email or f"{role.value}{number}@example.com",
                password_hash=hash_password(password),
                role=role,
                full_name=f"Person {number}",
                organization=organization,
                email_confirmed_at=utcnow() if confirmed else None,
            )
            db.session.add(user)
            db.session.commit()
            return user.id

    return create


def get_user(app: Flask, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


@pytest.fixture
def pair(app, make_user) -> Pair:
    staff = make_user(Role.STAFF, email="anna@japandesk.example")
    corporate_user = make_user(Role.CORPORATE, email="yamada@kansai-auto.example")
    corporate = validated_organization(app, corporate_user, PAIR_CORPORATE_PROFILE)
    with app.test_request_context():
        organization = db.session.get(Organization, corporate)
        need = profiles.save_need(
            organization, NeedData(title="Battery management", description="For vans.")
        )
        need.review_status = ProfileStatus.APPROVED
        db.session.commit()
        need_id = need.id
    startup_user = make_user(
        Role.STARTUP, email="lena@voltcell.example", organization_name="VoltCell Robotics"
    )
    startup = validated_organization(app, startup_user, PAIR_STARTUP_PROFILE)
    store_match(app, need_id, startup, 0.82)
    return Pair(staff, corporate_user, startup_user, corporate, startup, need_id)
