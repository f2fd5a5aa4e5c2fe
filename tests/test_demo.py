"""`matchmaker demo`: a believable demo world on an empty database, nothing twice, never over
real data.

Generating the whole world takes a few seconds, so it is built once per module and later
tests start from a copy of its SQLite file (under PostgreSQL it is built for each test that
needs it). Tests of the refusals and of `--force` build a smaller world.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import (
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    Match,
    Need,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    Outcome,
    ProfileStatus,
    Role,
    User,
    utcnow,
)
from matchmaker.services import demo, matching
from tests.conftest import TEST_DATABASE_URL, Client

_TEMPLATE: dict[str, object] = {}


def _outbox_files(app) -> list[Path]:
    return sorted(Path(app.config["MAIL_OUTBOX_DIR"]).glob("*.eml"))


@pytest.fixture
def demo_app(make_app, tmp_path):
    """An app whose database holds the full demo world, and the first run's output."""
    if _TEMPLATE and not TEST_DATABASE_URL:
        (tmp_path / "test.sqlite3").write_bytes(_TEMPLATE["database"])
        return make_app(RATELIMIT_ENABLED=False), dict(_TEMPLATE["run"])
    app = make_app(RATELIMIT_ENABLED=False)
    result = app.test_cli_runner().invoke(args=["demo"])
    run = {
        "exit_code": result.exit_code,
        "output": result.output,
        "outbox": len(_outbox_files(app)),
        "mail_config": (app.config["MAIL_SERVER"], app.config["MAIL_OUTBOX_DIR"]),
    }
    if not TEST_DATABASE_URL and result.exit_code == 0:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        _TEMPLATE.update(database=(tmp_path / "test.sqlite3").read_bytes(), run=run)
    return app, run


@pytest.fixture
def small_world(monkeypatch):
    """A few startups per sector: enough to see that generation ran."""
    monkeypatch.setattr(demo, "STARTUPS_PER_SECTOR", 3)


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_demo_fills_an_empty_database(demo_app, tmp_path):
    app, run = demo_app
    assert run["exit_code"] == 0, run["output"]
    lines = run["output"].strip().splitlines()
    assert len(lines) == 5
    assert "manager@demo-corporate.example" in run["output"]
    assert lines[-1].startswith("Demo data: ")
    # Nothing reached the app's outbox, and the mail settings are back.
    assert run["outbox"] == 0
    assert run["mail_config"] == (None, str(tmp_path / "outbox"))

    with app.app_context():
        corporates = _count(Organization, Organization.kind == OrganizationKind.CORPORATE)
        startups = _count(Organization, Organization.kind == OrganizationKind.STARTUP)
        assert 38 <= corporates <= 45
        assert 280 <= startups <= 320
        assert _count(Match) > 1000
        # Most companies say which startup stages they work with (a few small offices leave
        # that to headquarters), so stage compatibility weighs in on the stored matches.
        staged = set(
            db.session.scalars(
                sa.select(OrganizationTerm.organization_id).where(
                    OrganizationTerm.vocabulary == "stages"
                )
            )
        )
        assert corporates - 10 <= len(staged) < corporates
        assert any("stage" in signals for signals in db.session.scalars(sa.select(Match.features)))
        statuses = dict(
            db.session.execute(
                sa.select(Introduction.status, sa.func.count()).group_by(Introduction.status)
            ).all()
        )
        assert set(statuses) == set(IntroductionStatus)
        outcomes = set(
            db.session.scalars(
                sa.select(Introduction.outcome).where(
                    Introduction.status == IntroductionStatus.CONCLUDED
                )
            )
        )
        assert {Outcome.PILOT, Outcome.CONTRACT, Outcome.INVESTMENT, Outcome.NO_FIT} <= outcomes
        assert not _count(
            Introduction,
            Introduction.status == IntroductionStatus.REJECTED,
            Introduction.decision_reason.is_(None),
        )
        # Corporates write in English, German and Japanese; so do some startups.
        languages = dict(
            db.session.execute(
                sa.select(Organization.text_language, sa.func.count())
                .where(Organization.kind == OrganizationKind.CORPORATE)
                .group_by(Organization.text_language)
            ).all()
        )
        assert languages["de"] >= 5 and languages["ja"] >= 5
        assert _count(Need, Need.text_language == "ja") >= 5
        assert _count(
            Organization,
            Organization.kind == OrganizationKind.STARTUP,
            Organization.text_language == "ja",
        )
        # Staff have work: profiles and needs to review, and most companies have a manager.
        assert _count(Organization, Organization.status == ProfileStatus.PENDING) >= 5
        assert _count(Need, Need.review_status == ProfileStatus.PENDING) >= 3
        assert _count(Organization, Organization.account_manager_id.is_not(None)) >= 30
        assert _count(User, User.role == Role.STAFF) == 3
        # Names are unique, and the ages look like a desk that has been running for months.
        names = list(db.session.scalars(sa.select(Organization.name)))
        assert len(names) == len(set(names))
        now = utcnow()
        assert not _count(IntroductionEvent, IntroductionEvent.at > now)
        oldest = db.session.scalar(sa.select(sa.func.min(Introduction.created_at)))
        assert str(oldest) < str((now - timedelta(days=60)).replace(tzinfo=None))
        assert _count(Introduction, Introduction.next_action_on == date.today())


def test_demo_accounts_log_in_and_pages_show_demo_data(demo_app):
    app, _ = demo_app
    app.test_client_class = Client
    with app.app_context():
        kansai = db.session.scalar(
            sa.select(Organization).where(Organization.name == "Kansai Precision Europe")
        )
        need_id = kansai.needs[0].id
        pending_name = db.session.scalar(
            sa.select(Organization.name)
            .where(Organization.status == ProfileStatus.PENDING)
            .order_by(Organization.id)
            .limit(1)
        )
    pages = {
        "staff@demo.japandesk.example": (
            "/staff/",
            ["/staff/queue", "/staff/introductions", "/staff/organizations?status=pending"],
        ),
        "manager@demo-corporate.example": (
            "/corporate/",
            ["/corporate/", f"/corporate/needs/{need_id}/matches"],
        ),
        "founder@demo-startup.example": ("/startup/", ["/startup/"]),
    }
    bodies: dict[str, str] = {}
    for email, (home, urls) in pages.items():
        client = app.test_client()
        response = client.login(email, demo.DEMO_PASSWORD)
        assert response.status_code == 302, email
        assert response.headers["Location"].endswith(home)
        for url in urls:
            page = client.get(url)
            assert page.status_code == 200, url
            bodies[url] = page.get_data(as_text=True)
    assert "Kansai Precision Europe" in bodies["/staff/introductions"]
    assert "GmbH" in bodies["/staff/queue"]
    assert pending_name in bodies["/staff/organizations?status=pending"]
    assert "Kansai Precision Europe" in bodies["/corporate/"]


def test_demo_twice_changes_nothing(demo_app):
    app, run = demo_app

    def snapshot() -> dict:
        with app.app_context():
            counts = {
                table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
                for table in db.metadata.sorted_tables
            }
            rows = {
                "introductions": db.session.execute(
                    sa.select(
                        Introduction.id,
                        Introduction.status,
                        Introduction.version,
                        Introduction.updated_at,
                        Introduction.asked_at,
                    ).order_by(Introduction.id)
                ).all(),
                "organizations": db.session.execute(
                    sa.select(Organization.id, Organization.name, Organization.updated_at)
                    .order_by(Organization.id)
                    .limit(50)
                ).all(),
                "users": db.session.execute(
                    sa.select(User.id, User.email, User.password_hash).order_by(User.id)
                ).all(),
            }
            return {"counts": counts, "rows": rows}

    before = snapshot()
    again = app.test_cli_runner().invoke(args=["demo"])
    assert again.exit_code == 0, again.output
    assert again.output == run["output"]
    assert snapshot() == before
    assert not _outbox_files(app)


def test_demo_opt_ins_are_due_for_reminders(demo_app):
    app, _ = demo_app
    result = app.test_cli_runner().invoke(args=["introductions", "tick"])
    assert result.exit_code == 0, result.output
    reminders, *_ = result.output.split()
    assert int(reminders) >= 1


def test_demo_refuses_a_database_with_real_users(app, runner, make_user):
    make_user(Role.STARTUP, email="real@startup.example")
    result = runner.invoke(args=["demo"])
    assert result.exit_code != 0
    [line] = result.output.strip().splitlines()
    assert "not demo data" in line and "--force" in line
    assert "Traceback" not in result.output
    with app.app_context():
        assert _count(User) == 1
        assert _count(Organization) == 1


def test_demo_force_adds_the_demo_data_beside_real_users(app, runner, make_user, small_world):
    make_user(Role.STAFF, email="real@japandesk.example")
    result = runner.invoke(args=["demo", "--force"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert _count(Organization, Organization.kind == OrganizationKind.CORPORATE) >= 38
        assert _count(Introduction) > 10
        assert _count(User, User.email == "real@japandesk.example") == 1
    # Now complete: a second run without --force changes nothing and succeeds.
    assert runner.invoke(args=["demo"]).exit_code == 0


def test_demo_completes_a_database_with_the_old_demo_accounts(app, runner, small_world):
    with app.test_request_context():
        demo.ensure_demo_accounts()
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        founder = db.session.scalar(
            sa.select(User).where(User.email == "founder@demo-startup.example")
        )
        assert founder.organization.status is ProfileStatus.APPROVED
        assert founder.organization.description
        assert _count(Introduction, Introduction.startup_id == founder.organization_id)
        assert _count(User, User.email == "manager@demo-corporate.example") == 1


def test_demo_is_refused_in_production(make_app):
    app = make_app(ENV_NAME="production")
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: demo accounts are never created in production"


def test_the_needs_read_as_rows_are_the_needs_read_as_objects(demo_app):
    # A refresh reads every matchable need as plain rows (`matchable_need_queries`): they
    # must be exactly what `need_query` makes of the loaded need, terms in their order.
    app, _ = demo_app
    with app.app_context():
        needs = list(db.session.scalars(matching.matchable_needs_query()))
        need_ids, queries = matching.matchable_need_queries()
        assert 0 < len(needs) < _count(Need)  # some are paused or waiting for staff
        assert need_ids == [need.id for need in needs]
        assert queries == [matching.need_query(need) for need in needs]
        # The demo world fills every field that comes from a term.
        for field in ("industries", "languages", "target_stages"):
            assert any(getattr(query.corporate, field) for query in queries), field
        for field in ("technologies", "partnership_types"):
            assert any(getattr(query.need, field) for query in queries), field


def test_the_needs_are_read_with_a_bounded_number_of_ids_per_statement(demo_app, monkeypatch):
    # Every matchable need's id (and its company's) is bound in an IN list: in batches, so
    # that tens of thousands of open needs stay within the databases' parameter limits.
    app, _ = demo_app
    with app.app_context():
        expected = matching.matchable_need_queries()
        bound: list[int] = []

        def count(conn, cursor, statement, parameters, context, executemany):
            bound.append(len(parameters))

        monkeypatch.setattr(matching, "_IDS_PER_STATEMENT", 4)
        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert matching.matchable_need_queries() == expected
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)
        assert len(expected[0]) > 4 * 5
        assert len(bound) > 4 * 5 and max(bound) <= 4
