"""The `matchmaker` command: Flask's commands (run, db, shell) plus the project's own."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from matchmaker.commands.rank import rank_command
from matchmaker.matching.learning import FOLDS
from matchmaker.models import Role
from matchmaker.services import accounts, demo
from matchmaker.services import introductions as introductions_service
from matchmaker.services import learning as learning_service
from matchmaker.services import matching as matching_service
from matchmaker.services.errors import DomainError


def _create_app():
    from matchmaker.app import create_app
    from matchmaker.config import ConfigurationError

    try:
        return create_app()
    except ConfigurationError as error:  # a setting the environment gets wrong: one line
        raise click.ClickException(str(error)) from None


def in_request_context(command: Callable[..., Any]) -> Callable[..., Any]:
    """Commands that send mail need `url_for(..., _external=True)`: give them a request
    context on the public URL."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
            return command(*args, **kwargs)

    return with_appcontext(wrapper)


@click.group("users", help="Manage user accounts.")
def users_group() -> None:
    pass


@users_group.command("create")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice([Role.STAFF.value, Role.ADMIN.value]),
    required=True,
    help="Japan Desk staff or admin (startups and corporates register themselves).",
)
@click.option("--name", default="", help="The person's full name.")
@click.option(
    "--invite",
    is_flag=True,
    help="Mail a link to choose a password instead of asking for one here.",
)
@in_request_context
def create_user_command(email: str, role: str, name: str, invite: bool) -> None:
    """Create a staff or admin account for EMAIL."""
    password = None
    if not invite:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_staff_user(email, Role(role), full_name=name, password=password)
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    if invite:
        click.echo(f"Created {user.role.value} account {user.email}; invitation mailed.")
    else:
        click.echo(f"Created {user.role.value} account {user.email}.")


@users_group.command("list")
@with_appcontext
def list_users_command() -> None:
    """List Japan Desk staff and admin accounts."""
    for user in accounts.list_staff_users():
        state = "active" if user.is_active else "suspended"
        click.echo(f"{user.email}\t{user.role.value}\t{state}")


@click.group("matches", help="Stored rankings of startups per corporate need.")
def matches_group() -> None:
    pass


@matches_group.command("rebuild")
@with_appcontext
def rebuild_matches_command() -> None:
    """Refit the matcher on all validated startups and re-rank every open need."""
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="Ranking needs", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    result = matching_service.rebuild_matches(progress=progress)
    if bar is not None:
        bar.__exit__(None, None, None)
    floor = (
        f" ({result.exposure_floor} of them for startups in no need's top list)"
        if result.exposure_floor
        else ""
    )
    click.echo(
        f"Ranked {result.needs} needs against {result.startups} startups: "
        f"{result.matches} matches stored{floor}."
    )


@matches_group.command("learn")
@with_appcontext
def learn_weights_command() -> None:
    """Learn the signal weights from staff decisions, opt-in answers and company marks;
    adopt them (and re-rank every need) only when they rank held-out decisions better."""
    try:
        result = learning_service.learn()
    except DomainError as exc:
        raise click.ClickException(str(exc)) from exc
    record = result.record
    if record is None:
        click.echo(
            f"Not enough decisions to learn from yet: {result.decisions} decided pairs "
            f"({result.positives} yes); at least "
            f"{current_app.config['LEARNING_MIN_DECISIONS']} are needed, with {FOLDS} needs "
            "that have both a yes and a no."
        )
        return
    weights = ", ".join(f"{name} {share:.2f}" for name, share in record.weights.items())
    click.echo(
        f"{record.decisions} decided pairs ({record.positives} yes). ROC AUC within held-out "
        f"needs: current weights {record.auc_current:.3f}, learned {record.auc_learned:.3f}."
    )
    click.echo(f"Learned weights: {weights}.")
    if result.rebuilt is not None:
        click.echo(
            f"Adopted: re-ranked {result.rebuilt.needs} needs, "
            f"{result.rebuilt.matches} matches stored."
        )
    else:
        click.echo("Kept the current weights: the learned ones do not rank better.")


@click.group("introductions", help="The introduction pipeline.")
def introductions_group() -> None:
    pass


@introductions_group.command("tick")
@in_request_context
def introductions_tick_command() -> None:
    """Send due opt-in reminders, expire unanswered proposals, remind staff of due next
    actions and ask for outcome feedback. Run it from cron (e.g. hourly); running it
    twice sends nothing twice."""
    result = introductions_service.tick()
    click.echo(
        f"{result.reminders} reminders, {result.expired} expired, "
        f"{result.next_action_reminders} next-action reminders, "
        f"{result.feedback_requests} feedback requests sent."
    )


@click.command(
    "demo",
    help="Fill an empty database with demo data (companies, needs, startups, rankings, "
    "introductions at every stage) and print the demo logins. Running it again changes "
    "nothing.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Add the demo data even though the database holds other users or organisations.",
)
@in_request_context
def demo_command(force: bool) -> None:
    if current_app.config.get("ENV_NAME") == "production":
        raise click.ClickException("demo accounts are never created in production")
    try:
        summary = demo.create_demo_data(force=force)
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    for login in demo.demo_logins():
        click.echo(f"  {login.role:<10} {login.email:<32} password: {login.password}")
    click.echo(summary.line())


main = FlaskGroup(create_app=_create_app, help=__doc__)
# Ranking files needs no app and no database: registered on the group itself, it runs
# without loading the app.
main.add_command(rank_command)
