"""The Flask app: `create_app` builds it in named steps; nothing here touches the database
schema (run `matchmaker db upgrade` for that)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import lazy_gettext
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from matchmaker.config import TestingConfig, config_for
from matchmaker.extensions import babel, csrf, db, limiter, login_manager, migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` limited to what an INTEGER column holds (larger values do not match)."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `test_config` replaces the environment for tests."""
    app = Flask(
        "matchmaker",  # the package: its name, root path and static folder
        instance_relative_config=True,
        instance_path=os.environ.get("MATCHMAKER_INSTANCE_PATH") or None,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    configure(app, test_config)
    # Ids in URLs are database integers: anything larger is simply "not found".
    app.url_map.converters["int"] = DatabaseIdConverter
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_context(app)
    return app


def configure(app: Flask, test_config: dict[str, Any] | None) -> None:
    if test_config is None:
        # The default SQLite file, the development secret and the outbox live here.
        os.makedirs(app.instance_path, exist_ok=True)
        config_class = config_for(os.environ.get("MATCHMAKER_ENV"))
        app.config.update(config_class.from_environment(app.instance_path))
    else:
        app.config.update(TestingConfig.defaults())
        app.config.update(test_config)
    if app.config["TRUSTED_PROXIES"]:
        # Behind a load balancer the client address and scheme come from its headers.
        count = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO)
    if app.config.get("ENV_NAME") == "production" and str(
        app.config["RATELIMIT_STORAGE_URI"]
    ).startswith("memory://"):
        app.logger.warning(
            "Rate limits are counted in memory: each worker process counts login and reset"
            " attempts on its own. Set REDIS_URL (or RATELIMIT_STORAGE_URI) to share them."
        )


def register_extensions(app: Flask) -> None:
    from matchmaker import models  # noqa: F401  (models must be known to Flask-Migrate)
    from matchmaker.security import init_security
    from matchmaker.services.accounts import load_user_for_session

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), compare_type=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    # Flask-Login passes its message through this when it flashes it: the lazy string is
    # translated into the visitor's language at that moment.
    login_manager.localize_callback = str
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user_for_session)
    init_security(app)


def select_locale() -> str | None:
    """The user's saved language, then the session's choice, then the browser's."""
    if not has_request_context():  # CLI and cron: the configured default
        return None
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return chosen_language()


def chosen_language() -> str | None:
    """The language the person on the page chose, with the language switch or in the
    browser's settings; None when neither names one the app speaks."""
    languages = list(current_app.config["LANGUAGES"])
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(languages)


def register_blueprints(app: Flask) -> None:
    from matchmaker.admin.routes import bp as admin_bp
    from matchmaker.auth.routes import bp as auth_bp
    from matchmaker.corporate.routes import bp as corporate_bp
    from matchmaker.introductions.routes import bp as introductions_bp
    from matchmaker.main.routes import bp as main_bp
    from matchmaker.profile.routes import bp as profile_bp
    from matchmaker.staff.routes import bp as staff_bp
    from matchmaker.startup.routes import bp as startup_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(profile_bp, url_prefix="/profile")
    app.register_blueprint(startup_bp, url_prefix="/startup")
    app.register_blueprint(corporate_bp, url_prefix="/corporate")
    app.register_blueprint(staff_bp, url_prefix="/staff")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(introductions_bp, url_prefix="/introductions")


def register_errorhandlers(app: Flask) -> None:
    from matchmaker.errors import init_error_handlers

    init_error_handlers(app)


def register_commands(app: Flask) -> None:
    from matchmaker.cli import demo_command, introductions_group, matches_group, users_group

    app.cli.add_command(users_group)
    app.cli.add_command(matches_group)
    app.cli.add_command(introductions_group)
    app.cli.add_command(demo_command)


def register_template_context(app: Flask) -> None:
    from flask_babel import get_locale

    from matchmaker.models import Role
    from matchmaker.taxonomy import vocabulary

    def term_label(vocabulary_name: str, term_id: str) -> str:
        return vocabulary(vocabulary_name).label(term_id, str(get_locale() or "en"))

    app.jinja_env.globals["term_label"] = term_label

    @app.context_processor
    def inject_globals() -> dict[str, Any]:
        return {"Role": Role, "current_locale": str(get_locale() or "en")}
