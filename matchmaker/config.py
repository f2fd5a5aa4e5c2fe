"""Configuration from environment variables (12-factor).

`MATCHMAKER_ENV` picks the class: `development` (default), `production` or `testing`.
Everything a deployment changes is an environment variable; see the README's table.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit


class ConfigurationError(RuntimeError):
    """The environment does not describe a runnable app (e.g. production without a secret)."""


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be an integer, got {value!r}") from exc


def _env_days(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """A comma-separated list of day counts, e.g. "3,7"."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        days = tuple(sorted(int(part) for part in value.split(",")))
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be day counts like 3,7; got {value!r}") from exc
    if not days or days[0] < 1:
        raise ConfigurationError(f"{name} must be positive day counts like 3,7; got {value!r}")
    return days


def _normalise_database_url(url: str) -> str:
    # Hosting providers hand out postgres:// URLs; SQLAlchemy wants an explicit driver,
    # and psycopg 3 is the one we ship.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Config:
    """Settings shared by every environment; subclasses override what differs."""

    ENV_NAME = "base"
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    WTF_CSRF_TIME_LIMIT = 8 * 3600

    # Said explicitly: Flask-Limiter keeps the setting of the newest app on its one shared
    # limiter, so an app made with limits off would leave them off for the next.
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "5 per minute"
    RESET_RATE_LIMIT = "5 per minute"
    # Mails of reset and confirmation links to one address, from any client: no mail bombing.
    ADDRESS_MAIL_RATE_LIMIT = "5 per hour"
    TRUSTED_PROXIES = 0

    MAIL_SERVER: str | None = None
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_DEFAULT_SENDER = "Japan Desk Duesseldorf <japandesk@localhost>"
    MAIL_OUTBOX_DIR: str | None = None

    # Every link in a mail points here (never to the host a request names); the
    # development default is where `make run` serves.
    PUBLIC_URL = "http://127.0.0.1:5000"

    BABEL_DEFAULT_LOCALE = "en"
    # Times on pages are shown in the Japan Desk's zone (meetings in their own zone).
    BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
    LANGUAGES = ("en", "de", "ja")

    EMAIL_CONFIRM_MAX_AGE = 3 * 24 * 3600
    PASSWORD_RESET_MAX_AGE = 2 * 3600
    PRIVACY_NOTICE_VERSION = "2026-11"
    # Stored ranking rows per corporate need (pages show the best ten).
    MATCHES_PER_NEED = 50

    # Introductions: opt-in reminders after these many days, expiry after that many;
    # outcome feedback asked this many days after the meeting (then ~3 and ~6 months).
    INTRODUCTION_REMINDER_DAYS = (3, 7)
    INTRODUCTION_EXPIRY_DAYS = 14
    INTRODUCTION_FEEDBACK_DAYS = (1, 91, 182)
    INTRODUCTION_LINK_MAX_AGE = 60 * 24 * 3600
    # Open proposals (waiting for staff or for an answer) one corporate may have at once.
    MAX_OPEN_INTRODUCTIONS_PER_CORPORATE = 10
    # Candidates the staff review queue shows per need.
    QUEUE_CANDIDATES_PER_NEED = 10
    # The exposure floor: startups no ranking shows, offered to staff in the queue for the
    # need where they score best, at most this many per need (0 turns it off).
    QUEUE_RARELY_SHOWN_PER_NEED = 2
    # Learning the signal weights from decisions: at least this many decided pairs, and
    # learned weights are adopted only when their held-out ROC AUC beats the current
    # weights' by this margin.
    LEARNING_MIN_DECISIONS = 50
    LEARNING_MARGIN = 0.01

    PASSWORD_MIN_LENGTH = 10
    PASSWORD_HASH_METHOD = "scrypt"

    @classmethod
    def defaults(cls) -> dict[str, object]:
        """The class's own settings, before the environment is read."""
        return {key: getattr(cls, key) for key in dir(cls) if key.isupper()}

    @classmethod
    def from_environment(cls, instance_path: str) -> dict[str, object]:
        """Read the environment into a dict of settings for `app.config`."""
        settings = cls.defaults()
        env = os.environ
        db_url = env.get("DATABASE_URL", "").strip()
        settings["SQLALCHEMY_DATABASE_URI"] = (
            _normalise_database_url(db_url)
            if db_url
            else "sqlite:///" + str(Path(instance_path) / "matchmaker.sqlite3")
        )
        settings["SECRET_KEY"] = env.get("SECRET_KEY") or cls.fallback_secret_key(instance_path)
        if env.get("RATELIMIT_STORAGE_URI"):
            settings["RATELIMIT_STORAGE_URI"] = env["RATELIMIT_STORAGE_URI"]
        elif env.get("REDIS_URL"):
            settings["RATELIMIT_STORAGE_URI"] = env["REDIS_URL"]
        settings["TRUSTED_PROXIES"] = _env_int("TRUSTED_PROXIES", cls.TRUSTED_PROXIES)

        settings["MAIL_SERVER"] = env.get("MAIL_SERVER") or None
        settings["MAIL_PORT"] = _env_int("MAIL_PORT", cls.MAIL_PORT)
        settings["MAIL_USE_TLS"] = _env_bool("MAIL_USE_TLS", cls.MAIL_USE_TLS)
        settings["MAIL_USE_SSL"] = _env_bool("MAIL_USE_SSL", cls.MAIL_USE_SSL)
        settings["MAIL_USERNAME"] = env.get("MAIL_USERNAME") or None
        settings["MAIL_PASSWORD"] = env.get("MAIL_PASSWORD") or None
        settings["MAIL_DEFAULT_SENDER"] = env.get("MAIL_DEFAULT_SENDER", cls.MAIL_DEFAULT_SENDER)
        settings["MAIL_OUTBOX_DIR"] = env.get("MAIL_OUTBOX_DIR") or str(
            Path(instance_path) / "outbox"
        )
        settings["INTRODUCTION_EXPIRY_DAYS"] = _env_int(
            "INTRODUCTION_EXPIRY_DAYS", cls.INTRODUCTION_EXPIRY_DAYS
        )
        settings["INTRODUCTION_REMINDER_DAYS"] = _env_days(
            "INTRODUCTION_REMINDER_DAYS", cls.INTRODUCTION_REMINDER_DAYS
        )
        if any(
            days >= settings["INTRODUCTION_EXPIRY_DAYS"]
            for days in settings["INTRODUCTION_REMINDER_DAYS"]
        ):
            raise ConfigurationError(
                "INTRODUCTION_REMINDER_DAYS must all come before INTRODUCTION_EXPIRY_DAYS"
            )
        settings["MAX_OPEN_INTRODUCTIONS_PER_CORPORATE"] = _env_int(
            "MAX_OPEN_INTRODUCTIONS_PER_CORPORATE", cls.MAX_OPEN_INTRODUCTIONS_PER_CORPORATE
        )
        settings["LEARNING_MIN_DECISIONS"] = _env_int(
            "LEARNING_MIN_DECISIONS", cls.LEARNING_MIN_DECISIONS
        )
        if settings["LEARNING_MIN_DECISIONS"] < 10:
            raise ConfigurationError("LEARNING_MIN_DECISIONS must be at least 10")
        settings["PUBLIC_URL"] = cls.checked_public_url(env.get("PUBLIC_URL", "").strip())
        locale = env.get("DEFAULT_LOCALE", cls.BABEL_DEFAULT_LOCALE)
        if locale not in cls.LANGUAGES:
            raise ConfigurationError(
                f"DEFAULT_LOCALE must be one of {', '.join(cls.LANGUAGES)}, got {locale!r}"
            )
        settings["BABEL_DEFAULT_LOCALE"] = locale
        return settings

    @classmethod
    def checked_public_url(cls, value: str) -> str:
        """`PUBLIC_URL` checked: every link in a mail is built on it."""
        url = (value or cls.PUBLIC_URL).rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            raise ConfigurationError(
                f"PUBLIC_URL must be the site's address, such as https://matchmaker.example.org,"
                f" got {value!r}"
            )
        return url

    @classmethod
    def fallback_secret_key(cls, instance_path: str) -> str:
        """Development convenience: a random key generated once and kept in the instance folder."""
        key_file = Path(instance_path) / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


class DevelopmentConfig(Config):
    ENV_NAME = "development"


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    # Cheap hashing keeps the suite fast; production keeps the strong default.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def fallback_secret_key(cls, instance_path: str) -> str:
        raise ConfigurationError(
            "SECRET_KEY is not set: production refuses to start without a secret key"
        )

    @classmethod
    def checked_public_url(cls, value: str) -> str:
        if not value:
            raise ConfigurationError(
                "PUBLIC_URL is not set: production needs the site's address for the links"
                " in its mails"
            )
        return super().checked_public_url(value)


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(env_name: str | None) -> type[Config]:
    """The configuration class for `MATCHMAKER_ENV` (default: development)."""
    name = (env_name or "development").strip().lower()
    try:
        return CONFIGS[name]
    except KeyError as exc:
        raise ConfigurationError(
            f"MATCHMAKER_ENV must be one of {', '.join(CONFIGS)}, got {env_name!r}"
        ) from exc
