"""Extension objects, created unbound and initialised in `create_app`."""

import logging

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase

from matchmaker.security import client_address

# Stable constraint names, identical on SQLite and PostgreSQL, so that Alembic
# revisions can name what they alter or drop.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()

# Storage comes from RATELIMIT_STORAGE_URI at init_app time: memory, or Redis when configured.
limiter = Limiter(key_func=client_address)


def refresh_planner_statistics(*tables: str) -> None:
    """Have PostgreSQL update its planner statistics of `tables` now, after a bulk change
    (a rebuild replaces every stored match at once), instead of whenever autovacuum gets
    to it: with stale statistics the review queue's plans run for seconds. SQLite plans
    without them. Table names come from the models, never from input."""
    if db.engine.dialect.name != "postgresql":
        return
    quote = db.engine.dialect.identifier_preparer.quote
    try:
        for table in tables:
            db.session.execute(text(f"ANALYZE {quote(table)}"))
        db.session.commit()
    except SQLAlchemyError:
        # The change it follows is committed; autovacuum will do this later anyway.
        db.session.rollback()
        logging.getLogger(__name__).exception("ANALYZE %s failed", ", ".join(tables))
