"""The Alembic revisions build exactly the schema the models describe."""

import uuid
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


@pytest.mark.postgres
@pytest.mark.skipif(not TEST_DATABASE_URL, reason="TEST_DATABASE_URL names no PostgreSQL database")
def test_migrations_match_models_on_postgresql(tmp_path):
    server = sa.engine.make_url(TEST_DATABASE_URL)
    name = f"matchmaker_migrations_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        migrate_and_compare(
            server.set(database=name).render_as_string(hide_password=False), tmp_path
        )
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
