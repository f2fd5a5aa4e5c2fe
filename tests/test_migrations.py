"""The Alembic revisions build exactly the schema the models describe."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from matchmaker import create_app
from matchmaker.extensions import db
from tests.conftest import TEST_DATABASE_URL, _test_config


def schema_differences(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def migrate_and_compare(url: str, tmp_path: Path) -> None:
    app = create_app(_test_config(url, tmp_path))
    try:
        with app.app_context():
            upgrade()
        assert schema_differences(app) == []
        # Every revision can be undone and redone.
        with app.app_context():
            downgrade(revision="base")
            assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
            upgrade()
        assert schema_differences(app) == []
    finally:
        with app.app_context():
            db.engine.dispose()


def test_migrations_match_models_on_sqlite(tmp_path):
    migrate_and_compare(f"sqlite:///{tmp_path / 'migrated.sqlite3'}", tmp_path)


@contextmanager
def fresh_postgresql_database() -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards."""
    server = sa.engine.make_url(TEST_DATABASE_URL)
    name = f"matchmaker_migrations_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


needs_postgresql = pytest.mark.skipif(
    not TEST_DATABASE_URL, reason="TEST_DATABASE_URL names no PostgreSQL database"
)


@pytest.mark.postgres
@needs_postgresql
def test_migrations_match_models_on_postgresql(tmp_path):
    with fresh_postgresql_database() as url:
        migrate_and_compare(url, tmp_path)


def approved_texts_after_upgrade(url: str, tmp_path: Path) -> None:
    """Revision 0009 starts every approved profile and need from its current text."""
    from matchmaker.models import Need, Organization, OrganizationKind, ProfileStatus
    from matchmaker.services.profiles import need_text, public_text

    app = create_app(_test_config(url, tmp_path))
    try:
        with app.app_context():
            upgrade()
            approved = Organization(
                name="Kansai Precision Europe",
                kind=OrganizationKind.CORPORATE,
                website="https://kansai.example",
                description="Präzisionsteile.\nFür Europa.",
                seeks="Sensoren",
                status=ProfileStatus.APPROVED,
            )
            pending = Organization(
                name="Draft GmbH", kind=OrganizationKind.STARTUP, status=ProfileStatus.PENDING
            )
            approved.needs = [
                Need(title="Predictive maintenance", review_status=ProfileStatus.APPROVED),
                Need(
                    title="EV batteries", description="Cells", review_status=ProfileStatus.PENDING
                ),
            ]
            db.session.add_all([approved, pending])
            db.session.commit()
            downgrade(revision="0008")
            upgrade()
            db.session.expire_all()
            assert approved.approved_text == public_text(approved)
            assert approved.approved_text.count("\n") == 5  # the description's own line break
            assert pending.approved_text is None
            first, second = approved.needs
            assert first.approved_text == need_text(first) == "Predictive maintenance\n"
            assert second.approved_text is None
            db.session.remove()
    finally:
        with app.app_context():
            db.engine.dispose()


def test_approved_texts_are_filled_in_on_sqlite(tmp_path):
    approved_texts_after_upgrade(f"sqlite:///{tmp_path / 'migrated.sqlite3'}", tmp_path)


@pytest.mark.postgres
@needs_postgresql
def test_approved_texts_are_filled_in_on_postgresql(tmp_path):
    with fresh_postgresql_database() as url:
        approved_texts_after_upgrade(url, tmp_path)
