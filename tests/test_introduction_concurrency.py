"""Two people acting on the same pair at the same moment: exactly one transition, one mail.

Runs real concurrent database sessions (one thread and one connection each). On PostgreSQL
(`TEST_DATABASE_URL`, as in CI) the second UPDATE waits for the first transaction's row
lock and then finds the version moved on; on SQLite the database lock serialises them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import (
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    Need,
    Organization,
    OrganizationKind,
    Role,
    User,
)
from matchmaker.services import introductions as service
from matchmaker.services.errors import DomainError
from matchmaker.services.introductions import Actor
from tests.factories import add_startup

ROUNDS = 4


def race(app, action: Callable[[], object], threads: int = 2) -> list[object]:
    """Run `action` in several threads released at the same instant; each result is the
    return value or the DomainError it raised."""
    barrier = threading.Barrier(threads)
    results: list[object] = []
    lock = threading.Lock()

    def run():
        with app.test_request_context():
            barrier.wait()
            try:
                outcome = action()
            except DomainError as error:
                outcome = error
            finally:
                db.session.remove()
        with lock:
            results.append(outcome)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert len(results) == threads, "a thread did not finish"
    return results


def successes(results: list[object]) -> int:
    return sum(1 for result in results if not isinstance(result, DomainError))


def transitions_to(app, status: IntroductionStatus) -> int:
    with app.app_context():
        return db.session.scalar(
            sa.select(sa.func.count())
            .select_from(IntroductionEvent)
            .where(IntroductionEvent.to_status == status)
        )


def test_two_staff_approving_a_new_pair_at_once_create_one_introduction(
    app, pair, make_user, outbox
):
    startups = [pair.startup] + [
        add_startup(app, make_user, f"Racer {n}", 0.5, pair.need) for n in range(ROUNDS - 1)
    ]
    second_staff = make_user(Role.STAFF, email="ben@japandesk.example")
    for startup_id in startups:
        staff_ids = iter([pair.staff, second_staff])
        staff_lock = threading.Lock()

        def approve(startup_id=startup_id, staff_ids=staff_ids, staff_lock=staff_lock):
            with staff_lock:
                staff_id = next(staff_ids)
            need = db.session.get(Need, pair.need)
            startup = db.session.get(Organization, startup_id)
            return service.approve_pair(need, startup, db.session.get(User, staff_id)).id

        results = race(app, approve)
        assert successes(results) == 1, results
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Introduction)) == ROUNDS
    assert transitions_to(app, IntroductionStatus.APPROVED) == ROUNDS
    # One opt-in mail per pair: every startup here shares the fixture's contact person.
    assert len(outbox()) == ROUNDS


def test_two_staff_approving_a_request_at_once_ask_the_startup_once(app, pair, make_user, outbox):
    second_staff = make_user(Role.STAFF, email="ben@japandesk.example")
    with app.test_request_context():
        need = db.session.get(Need, pair.need)
        startup = db.session.get(Organization, pair.startup)
        introduction_id = service.request_introduction(
            need, startup, db.session.get(User, pair.corporate_user)
        ).id
    staff_ids = iter([pair.staff, second_staff])
    staff_lock = threading.Lock()

    def approve():
        with staff_lock:
            staff_id = next(staff_ids)
        introduction = db.session.get(Introduction, introduction_id)
        return service.approve_introduction(introduction, db.session.get(User, staff_id)).id

    results = race(app, approve)
    assert successes(results) == 1, results
    assert transitions_to(app, IntroductionStatus.APPROVED) == 1
    assert [message["To"] for message in outbox()] == ["lena@voltcell.example"]


def test_approve_and_reject_at_once_leave_one_decision(app, pair, make_user):
    second_staff = make_user(Role.STAFF, email="ben@japandesk.example")
    from matchmaker.models import DecisionReason

    actions = iter(["approve", "reject"])
    action_lock = threading.Lock()

    def decide():
        with action_lock:
            action = next(actions)
        need = db.session.get(Need, pair.need)
        startup = db.session.get(Organization, pair.startup)
        if action == "approve":
            return service.approve_pair(need, startup, db.session.get(User, pair.staff))
        return service.reject_pair(
            need, startup, db.session.get(User, second_staff), DecisionReason.COMPETITOR
        )

    results = race(app, decide)
    assert successes(results) == 1, results
    with app.app_context():
        introduction = db.session.scalar(sa.select(Introduction))
        assert introduction.status in (IntroductionStatus.APPROVED, IntroductionStatus.REJECTED)
        assert len(introduction.events) == 1


def test_a_double_clicked_mail_link_accepts_once(app, pair, outbox):
    with app.test_request_context():
        need = db.session.get(Need, pair.need)
        startup = db.session.get(Organization, pair.startup)
        introduction = service.approve_pair(need, startup, db.session.get(User, pair.staff))
        introduction_id, version = introduction.id, introduction.version

    def accept():
        introduction = db.session.get(Introduction, introduction_id)
        service.answer_introduction(
            introduction,
            OrganizationKind.STARTUP,
            True,
            Actor.via_link(introduction.startup),
            expected_version=version,
        )

    results = race(app, accept, threads=3)
    assert successes(results) == 1, results
    assert transitions_to(app, IntroductionStatus.STARTUP_ACCEPTED) == 1
    corporate_mails = [m for m in outbox() if m["To"] == "yamada@kansai-auto.example"]
    assert len(corporate_mails) == 1
