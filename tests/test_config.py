"""Configuration comes from the environment."""

import pytest

from matchmaker import create_app
from matchmaker.config import ConfigurationError


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "MATCHMAKER_ENV",
        "MAIL_SERVER",
        "DEFAULT_LOCALE",
        "INTRODUCTION_REMINDER_DAYS",
        "INTRODUCTION_EXPIRY_DAYS",
        "PUBLIC_URL",
        "REDIS_URL",
        "RATELIMIT_STORAGE_URI",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MATCHMAKER_INSTANCE_PATH", str(tmp_path / "instance"))
    return monkeypatch


def test_development_generates_a_secret_key_once_and_defaults_to_sqlite(clean_env, tmp_path):
    first = create_app()
    second = create_app()
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert len(first.config["SECRET_KEY"]) >= 32
    key_file = tmp_path / "instance" / "secret_key"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert first.config["SQLALCHEMY_DATABASE_URI"] == (
        f"sqlite:///{tmp_path / 'instance' / 'matchmaker.sqlite3'}"
    )
    assert first.config["MAIL_SERVER"] is None


def test_production_refuses_to_start_without_secret_key(clean_env):
    clean_env.setenv("MATCHMAKER_ENV", "production")
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        create_app()


def test_production_refuses_to_start_without_its_public_address(clean_env):
    # Mailed links are built on PUBLIC_URL; a development default would send every reset
    # and opt-in link to 127.0.0.1.
    clean_env.setenv("MATCHMAKER_ENV", "production")
    clean_env.setenv("SECRET_KEY", "s" * 40)
    with pytest.raises(ConfigurationError, match="PUBLIC_URL is not set"):
        create_app()


def test_production_takes_settings_from_environment(clean_env, caplog):
    clean_env.setenv("MATCHMAKER_ENV", "production")
    clean_env.setenv("SECRET_KEY", "s" * 40)
    clean_env.setenv("PUBLIC_URL", "https://matchmaker.example.org/")
    clean_env.setenv("DATABASE_URL", "postgres://user:pw@db.internal/matchmaker")
    clean_env.setenv("MAIL_SERVER", "smtp.internal")
    clean_env.setenv("MAIL_PORT", "2525")
    clean_env.setenv("DEFAULT_LOCALE", "ja")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://user:pw@")
    assert app.config["MAIL_PORT"] == 2525
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["BABEL_DEFAULT_LOCALE"] == "ja"
    assert app.config["PUBLIC_URL"] == "https://matchmaker.example.org"
    # Without Redis every worker would count login attempts on its own: said at start.
    assert "Rate limits are counted in memory" in caplog.text


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MATCHMAKER_ENV", "staging", "MATCHMAKER_ENV"),
        ("MAIL_PORT", "twenty-five", "MAIL_PORT must be an integer"),
        ("DEFAULT_LOCALE", "fr", "DEFAULT_LOCALE"),
        ("INTRODUCTION_REMINDER_DAYS", "3,soon", "INTRODUCTION_REMINDER_DAYS"),
        ("INTRODUCTION_REMINDER_DAYS", "0", "positive"),
        ("INTRODUCTION_REMINDER_DAYS", "3,20", "before INTRODUCTION_EXPIRY_DAYS"),
        ("INTRODUCTION_EXPIRY_DAYS", "two weeks", "INTRODUCTION_EXPIRY_DAYS must be an integer"),
        ("LEARNING_MIN_DECISIONS", "many", "LEARNING_MIN_DECISIONS must be an integer"),
        ("LEARNING_MIN_DECISIONS", "3", "LEARNING_MIN_DECISIONS must be at least 10"),
        ("PUBLIC_URL", "matchmaker.example.org", "PUBLIC_URL must be the site's address"),
        ("PUBLIC_URL", "ftp://matchmaker.example.org", "PUBLIC_URL must be the site's address"),
    ],
)
def test_bad_settings_are_named(clean_env, name, value, message):
    clean_env.setenv(name, value)
    with pytest.raises(ConfigurationError, match=message):
        create_app()


def test_introduction_timing_comes_from_the_environment(clean_env):
    clean_env.setenv("INTRODUCTION_REMINDER_DAYS", "7,2")
    clean_env.setenv("INTRODUCTION_EXPIRY_DAYS", "10")
    app = create_app()
    assert app.config["INTRODUCTION_REMINDER_DAYS"] == (2, 7)
    assert app.config["INTRODUCTION_EXPIRY_DAYS"] == 10
