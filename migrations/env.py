"""Alembic environment for matchmaker, driven by Flask-Migrate (`matchmaker db ...`)."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name is not None:
    # Keep the app's (and pytest's) loggers alive.
    fileConfig(config.config_file_name, disable_existing_loggers=False)
log = logging.getLogger("alembic.env")

db = current_app.extensions["migrate"].db
target_metadata = db.metadata


def skip_empty_autogenerate(migration_context, revision, directives) -> None:
    """An autogenerate run that finds no change writes no revision file."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        log.info("No changes in schema detected.")


def render_item(type_, obj, autogen_context):
    """Write our UTCDateTime as the plain column type, so revisions never import app code."""
    if type_ == "type" and obj.__class__.__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def configure_args(connection_or_url) -> dict:
    args = dict(current_app.extensions["migrate"].configure_args)
    args.setdefault("process_revision_directives", skip_empty_autogenerate)
    args["compare_type"] = True
    args["render_item"] = render_item
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    dialect = getattr(connection_or_url, "dialect", None)
    is_sqlite = dialect.name == "sqlite" if dialect else str(connection_or_url).startswith("sqlite")
    args["render_as_batch"] = is_sqlite
    return args


def run_migrations_offline() -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    context.configure(
        url=url, target_metadata=target_metadata, literal_binds=True, **configure_args(url)
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with db.engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, **configure_args(connection)
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
