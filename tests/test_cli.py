"""The `matchmaker` command line."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from matchmaker.cli import main
from matchmaker.models import Role
from matchmaker.services import accounts
from tests.conftest import get_user

PASSWORD = "a fine staff passphrase"


def test_users_create_with_prompted_password(app, runner):
    result = runner.invoke(
        args=["users", "create", "--role", "staff", "Yuki@JapanDesk.example", "--name", "Yuki"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created staff account yuki@japandesk.example" in result.output
    user = get_user(app, "yuki@japandesk.example")
    assert user.role is Role.STAFF
    assert user.is_confirmed


def test_users_create_with_invitation_mails_a_link(app, runner, outbox):
    result = runner.invoke(args=["users", "create", "--role", "admin", "--invite", "a@example.com"])
    assert result.exit_code == 0, result.output
    [message] = outbox()
    assert message["To"] == "a@example.com"
    assert app.config["PUBLIC_URL"] + "/auth/reset/" in message.get_body().get_content()


def test_users_create_refuses_duplicate_with_one_line(app, runner, make_user):
    make_user(Role.STAFF, email="yuki@example.com")
    result = runner.invoke(
        args=["users", "create", "--role", "staff", "--invite", "YUKI@example.com"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == "Error: An account with this email address already exists."


def test_users_create_refuses_weak_password_and_unknown_role(app, runner):
    weak = runner.invoke(
        args=["users", "create", "--role", "staff", "y@example.com"], input="short\nshort\n"
    )
    assert weak.exit_code == 1
    assert "at least 10 characters" in weak.output
    assert get_user(app, "y@example.com") is None

    role = runner.invoke(args=["users", "create", "--role", "startup", "--invite", "y@example.com"])
    assert role.exit_code == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ops@example.com\nBcc: x@evil.example"], "is not a valid email address"),
        (["not-an-email"], "is not a valid email address"),
        (["--name", "x" * 121, "n@example.com"], "longer than 120 characters"),
        (["--name", "Anna\nBcc: x", "n@example.com"], "control or invalid characters"),
        (["--name", "Anna \udcff", "n@example.com"], "control or invalid characters"),
    ],
)
def test_users_create_checks_what_the_staff_form_checks(app, runner, outbox, arguments, message):
    result = runner.invoke(args=["users", "create", "--role", "admin", "--invite", *arguments])
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("Error: ") and message in line
    with app.app_context():
        assert accounts.list_staff_users() == []
    assert outbox() == []


def test_a_wrong_setting_or_a_missing_database_is_one_line(tmp_path):
    # Not through the test app: the console script reads the environment itself.
    script = "import sys; from matchmaker.console import main; sys.argv[0] = 'matchmaker'; main()"
    base = {**os.environ, "MATCHMAKER_INSTANCE_PATH": str(tmp_path)}
    base.pop("DATABASE_URL", None)
    for env, message in (
        ({"MATCHMAKER_ENV": "staging"}, "Error: MATCHMAKER_ENV must be one of"),
        ({"MAIL_PORT": "twenty-five"}, "Error: MAIL_PORT must be an integer"),
        ({}, "Error: the database cannot be used (no such table: users)"),
    ):
        completed = subprocess.run(
            [sys.executable, "-c", script, "users", "list"],
            capture_output=True,
            text=True,
            env={**base, **env},
        )
        assert completed.returncode == 1
        [line] = completed.stderr.splitlines()
        assert line.startswith(message), line


def test_demo_creates_one_login_per_role_and_is_idempotent(app, runner):
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert first.exit_code == second.exit_code == 0
    assert first.output == second.output
    for role in ("admin", "staff", "startup", "corporate"):
        assert role in first.output
    assert get_user(app, "founder@demo-startup.example").role is Role.STARTUP

    listed = runner.invoke(args=["users", "list"])
    assert "admin@demo.japandesk.example\tadmin\tactive" in listed.output


def test_console_script_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "db", "users", "demo"):
        assert command in result.output
