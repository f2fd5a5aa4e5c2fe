"""Floor rows between rebuilds: a validated startup that loses its last stored row to a
refresh gets a floor row at its best need again, so the review queue can still offer it."""

import threading

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.exc import IntegrityError

from matchmaker import create_app
from matchmaker.extensions import db
from matchmaker.models import (
    MarkKind,
    Match,
    Need,
    NeedStatus,
    Organization,
    ProfileStatus,
    Role,
    User,
)
from matchmaker.services import introductions, matching, profiles, shortlists
from matchmaker.services.profiles import NeedData, ProfileData
from tests.conftest import TEST_DATABASE_URL, _test_config
from tests.test_stored_matches import (
    BAKERY,
    BATTERY,
    CHARGER,
    CHARGING_NEED,
    SECOND_CELL,
    all_rows,
    best_need_of,
    make_corporate_need,
    make_startup,
    rebuild,
)

SOLAR_NEED = NeedData(title="Solar roofs", description=SECOND_CELL["description"])
BAKERY_NEED = NeedData(title="Leftover bread", description=BAKERY["description"])


def rows_of(app, startup_id) -> dict[int, bool]:
    """need id -> is_exposure_floor of the startup's stored rows."""
    rows = all_rows(app).items()
    return {need_id: floor for (need_id, startup), (_, floor) in rows if startup == startup_id}


def a_row(need_id, startup_id, floor, model_version) -> dict:
    """A stored match's columns, as another worker (or a test) would write them."""
    return {
        "need_id": need_id,
        "startup_id": startup_id,
        "score": 0.1,
        "features": {},
        "reasons": {},
        "model_version": model_version,
        "is_exposure_floor": floor,
    }


def owner_of(need: Need) -> User:
    return db.session.scalar(sa.select(User).where(User.organization_id == need.organization_id))


def dismiss(app, need_id, startup_id) -> None:
    with app.app_context():
        need = db.session.get(Need, need_id)
        startup = db.session.get(matching.Organization, startup_id)
        shortlists.mark_startup(need, startup, owner_of(need), MarkKind.NOT_INTERESTED)


def offered(app, need_ids) -> set[int]:
    """The startups the review queue's exposure floor offers at these needs."""
    with app.app_context():
        return {match.startup_id for match in introductions.rarely_shown_candidates(need_ids)}


def stop_matching(app, need_id, how) -> None:
    with app.app_context():
        need = db.session.get(Need, need_id)
        staff = db.session.get(User, app.config["_staff"])
        if how == "paused":
            profiles.set_need_status(need, NeedStatus.PAUSED)
        elif how == "sent back":
            profiles.review_need(need, staff, ProfileStatus.CHANGES_REQUESTED, "Be concrete.")
        else:
            profiles.suspend_profile(need.organization, staff, "spam")


def three_cells(app, make_user) -> tuple[int, int, int]:
    """VoltCell, Second Cell and Ladeprofi, validated; each need keeps its best startup."""
    app.config["MATCHES_PER_NEED"] = 1
    return (
        make_startup(app, make_user, "VoltCell", **BATTERY),
        make_startup(app, make_user, "Second Cell", **SECOND_CELL),
        make_startup(app, make_user, "Ladeprofi", **CHARGER),
    )


@pytest.mark.parametrize("how", ["paused", "sent back", "company suspended"])
def test_a_need_that_stops_matching_leaves_its_startups_a_floor_row_at_their_best_need(
    app, make_user, how
):
    app.config["MATCHES_PER_NEED"] = 1
    app.config["_staff"] = make_user(Role.STAFF)
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    make_startup(app, make_user, "Ladeprofi", **CHARGER)
    battery_need = make_corporate_need(app, make_user)
    others = [
        make_corporate_need(app, make_user, CHARGING_NEED),
        make_corporate_need(app, make_user, SOLAR_NEED),
    ]
    rebuild(app)
    assert rows_of(app, battery) == {battery_need: False}  # its only row

    stop_matching(app, battery_need, how)

    best, _ = best_need_of(app, battery, others)
    assert rows_of(app, battery) == {best: True}
    assert battery in offered(app, others)


def test_a_startup_left_out_of_a_reranked_need_gets_its_floor_row_at_its_best_need(app, make_user):
    app.config["MATCHES_PER_NEED"] = 1
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    make_startup(app, make_user, "Ladeprofi", **CHARGER)
    bakery = make_startup(app, make_user, "Brotretter", **BAKERY)
    battery_need = make_corporate_need(app, make_user)
    charging_need = make_corporate_need(app, make_user, CHARGING_NEED)
    rebuild(app)
    assert rows_of(app, battery) == {battery_need: False}
    assert rows_of(app, second) == {battery_need: True}

    # Rewritten to seek bakeries: the bakery enters, and the battery startup left out here
    # scores better at the charging need.
    with app.app_context():
        need = db.session.get(Need, battery_need)
        need.title, need.description = BAKERY_NEED.title, BAKERY_NEED.description
        need.terms.clear()
        db.session.commit()
        matching.refresh_need(need)

    assert rows_of(app, bakery)[battery_need] is False
    for startup in (battery, second):
        best, score = best_need_of(app, startup, [battery_need, charging_need])
        assert rows_of(app, startup) == {best: True}
        # Shown (six decimals) both, from sums in another order: one unit of the last apart.
        assert all_rows(app)[(best, startup)][0] == pytest.approx(score, abs=2e-6)
    assert best_need_of(app, battery, [battery_need, charging_need])[0] == charging_need
    with app.app_context():
        row = db.session.scalar(
            sa.select(Match).where(Match.startup_id == battery, Match.is_exposure_floor)
        )
        assert all(row.reasons[lang] for lang in ("en", "de", "ja"))
        assert row.reasons["de"] != row.reasons["en"]


def test_dismissing_a_startup_at_its_floor_rows_need_moves_the_row_to_its_next_best_need(
    app, make_user
):
    _, second, _ = three_cells(app, make_user)
    battery_need = make_corporate_need(app, make_user)
    charging_need = make_corporate_need(app, make_user, CHARGING_NEED)
    rebuild(app)
    assert rows_of(app, second) == {battery_need: True}
    assert second in offered(app, [battery_need, charging_need])

    dismiss(app, battery_need, second)

    assert rows_of(app, second) == {charging_need: True}
    assert second in offered(app, [battery_need, charging_need])


def test_a_startup_pushed_out_of_a_need_that_dismissed_it_gets_a_floor_row_elsewhere(
    app, make_user
):
    app.config["MATCHES_PER_NEED"] = 1
    make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    bakery = make_startup(app, make_user, "Brotretter", **BAKERY)
    needs = [
        make_corporate_need(app, make_user),
        make_corporate_need(app, make_user, CHARGING_NEED),
        make_corporate_need(app, make_user, SOLAR_NEED),
    ]
    bakery_need = make_corporate_need(app, make_user, BAKERY_NEED)
    rebuild(app)
    dismiss(app, bakery_need, bakery)
    assert rows_of(app, bakery) == {bakery_need: False}  # a top-list row stays

    # Rewritten to say what the need seeks, another startup pushes the dismissed one out.
    with app.app_context():
        organization = db.session.get(matching.Organization, second)
        organization.description = organization.offers = BAKERY_NEED.description
        db.session.commit()
        matching.refresh_startup(organization)

    assert rows_of(app, second)[bakery_need] is False
    best, score = best_need_of(app, bakery, needs)
    assert score > 0
    assert rows_of(app, bakery) == {best: True}
    assert bakery in offered(app, [*needs, bakery_need])


def test_an_edited_startup_in_no_top_list_gets_its_floor_row_where_it_was_not_dismissed(
    app, make_user
):
    _, second, _ = three_cells(app, make_user)
    battery_need = make_corporate_need(app, make_user)
    charging_need = make_corporate_need(app, make_user, CHARGING_NEED)
    rebuild(app)
    dismiss(app, battery_need, second)

    with app.app_context():
        organization = db.session.get(matching.Organization, second)
        organization.offers += " Also for barns."
        db.session.commit()
        matching.refresh_startup(organization)

    # Still best at the need that dismissed it, and in no top list: its floor row goes to
    # the next best need, scored and explained in every language from its new profile.
    assert best_need_of(app, second, [battery_need, charging_need])[0] == battery_need
    assert rows_of(app, second) == {charging_need: True}
    with app.app_context():
        row = db.session.scalar(sa.select(Match).where(Match.startup_id == second))
        _, matcher = matching.current_matcher()
        query = matching.need_query(db.session.get(Need, charging_need))
        profile = matching.organization_profile(db.session.get(matching.Organization, second))
        for lang in ("en", "de", "ja"):
            [scored] = matcher.score_startups(query, [profile], lang)
            assert row.reasons[lang] == scored.reasons
        assert row.score == pytest.approx(scored.score, abs=1e-6)
        assert row.reasons["de"] != row.reasons["en"]


def test_the_database_holds_at_most_one_floor_row_per_startup(app, make_user):
    startup = make_startup(app, make_user, "VoltCell", **BATTERY)
    first = make_corporate_need(app, make_user)
    second = make_corporate_need(app, make_user, CHARGING_NEED)

    def add(need_id, floor):
        db.session.add(Match(**a_row(need_id, startup, floor, "test")))
        db.session.commit()

    with app.app_context():
        add(first, True)
        with pytest.raises(IntegrityError):
            add(second, True)
        db.session.rollback()
        add(second, False)  # top-list rows are not limited
    assert rows_of(app, startup) == {first: True, second: False}


def test_the_migrated_floor_row_index_counts_floor_rows_only(tmp_path):
    # `test_migrations` compares indexes without their WHERE: a full unique index would
    # pass there, and leave every startup one row.
    app = create_app(_test_config(f"sqlite:///{tmp_path / 'migrated.sqlite3'}", tmp_path))
    with app.app_context():
        upgrade()
        [index] = [
            index
            for index in sa.inspect(db.engine).get_indexes("matches")
            if index["name"] == "uq_matches_exposure_floor_startup_id"
        ]
        db.engine.dispose()
    assert index["unique"] and index["column_names"] == ["startup_id"]
    assert str(index["dialect_options"]["sqlite_where"]) == "is_exposure_floor"


def battery_need_and_two_others(app, make_user) -> tuple[int, int, set[int]]:
    """`three_cells`, a battery need, a charging and a solar need, ranked: VoltCell's
    only row is at the battery need."""
    battery, _, _ = three_cells(app, make_user)
    battery_need = make_corporate_need(app, make_user)
    others = {
        make_corporate_need(app, make_user, CHARGING_NEED),
        make_corporate_need(app, make_user, SOLAR_NEED),
    }
    rebuild(app)
    return battery, battery_need, others


def store_a_row_meanwhile(
    monkeypatch, need_id, startup_id, execute, floor=True, during="_profiles_by_id"
) -> None:
    """Let another worker's refresh store the startup's floor row (or, not `floor`, a top-list
    row; through `execute`) while this refresh runs: on its first call of `during`, after it
    deleted or looked for the startup's rows and before it stores its own."""
    step = getattr(matching, during)
    stored = []

    def meanwhile(*args):
        if not stored:
            stored.append(need_id)
            execute(sa.insert(Match).values(**a_row(need_id, startup_id, floor, "other")))
        return step(*args)

    monkeypatch.setattr(matching, during, meanwhile)


def assert_only_row_is_the_other_workers(app, startup_id, need_id, floor) -> None:
    """The startup's one row is the one `store_a_row_meanwhile` stored, at that need."""
    assert rows_of(app, startup_id) == {need_id: floor}
    with app.app_context():
        row = db.session.scalar(sa.select(Match).where(Match.startup_id == startup_id))
        assert row.model_version == "other"


def in_another_connection(statement) -> None:
    with db.engine.connect() as other:
        other.execute(statement)
        other.commit()


@pytest.mark.parametrize(
    "other_worker",
    [
        "in this transaction",
        # SQLite would wait for this refresh's lock: only PostgreSQL runs the two at once.
        pytest.param(
            "in another connection",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not TEST_DATABASE_URL, reason="needs two connections to PostgreSQL"
                ),
            ],
        ),
    ],
)
def test_a_refresh_that_meets_a_concurrent_floor_row_keeps_it_and_commits_the_rest(
    app, make_user, monkeypatch, other_worker
):
    battery, battery_need, others = battery_need_and_two_others(app, make_user)
    assert rows_of(app, battery) == {battery_need: False}  # its only row
    # The other worker chose another need (the startup's profile changed in between, say):
    # only the one-floor-row-per-startup index stands between the two rows.
    best, _ = best_need_of(app, battery, others)
    [elsewhere] = others - {best}
    execute = db.session.execute if other_worker == "in this transaction" else in_another_connection
    store_a_row_meanwhile(monkeypatch, elsewhere, battery, execute)

    # The refresh of the paused need re-homes the startup (tests raise a failed refresh).
    with app.app_context():
        profiles.set_need_status(db.session.get(Need, battery_need), NeedStatus.PAUSED)

    # The paused need's rows are gone; the other worker's floor row is the startup's only one.
    assert not [key for key in all_rows(app) if key[0] == battery_need]
    assert_only_row_is_the_other_workers(app, battery, elsewhere, floor=True)


def test_a_refresh_that_meets_a_concurrent_top_row_at_the_same_need_keeps_it(
    app, make_user, monkeypatch
):
    battery, battery_need, others = battery_need_and_two_others(app, make_user)
    # Another worker ranked the startup at the very need this refresh re-homes it to: the
    # (need, startup) unique index meets the floor row.
    best, _ = best_need_of(app, battery, others)
    store_a_row_meanwhile(monkeypatch, best, battery, db.session.execute, floor=False)

    with app.app_context():
        profiles.set_need_status(db.session.get(Need, battery_need), NeedStatus.PAUSED)

    assert not [key for key in all_rows(app) if key[0] == battery_need]
    assert rows_of(app, battery) == {best: False}


def test_an_edited_startup_meeting_a_concurrent_row_at_its_need_keeps_it(
    app, make_user, monkeypatch
):
    battery, _, _ = three_cells(app, make_user)
    battery_need = make_corporate_need(app, make_user)
    rebuild(app)
    # Another worker re-ranked the need (or refreshed the same startup) after this refresh
    # deleted the startup's rows: the (need, startup) unique index meets its top-list row.
    store_a_row_meanwhile(
        monkeypatch,
        battery_need,
        battery,
        db.session.execute,
        floor=False,
        during="matches_per_need",
    )

    with app.app_context():
        organization = db.session.get(matching.Organization, battery)
        profiles.update_profile(
            organization,
            ProfileData(name="VoltCell", **{**BATTERY, "seeks": BATTERY["seeks"] + " Thanks!"}),
        )
        assert "Thanks!" in organization.seeks

    assert_only_row_is_the_other_workers(app, battery, battery_need, floor=False)


def test_a_reranked_need_meeting_a_concurrent_row_of_its_startup_keeps_it(
    app, make_user, monkeypatch
):
    battery, _, _ = three_cells(app, make_user)
    battery_need = make_corporate_need(app, make_user)
    rebuild(app)
    # The startup was refreshed by another worker after this need's rows were deleted.
    store_a_row_meanwhile(monkeypatch, battery_need, battery, db.session.execute, False)

    with app.app_context():
        matching.refresh_need(db.session.get(Need, battery_need))

    assert_only_row_is_the_other_workers(app, battery, battery_need, floor=False)


@pytest.mark.postgres
@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs two connections to PostgreSQL")
@pytest.mark.parametrize("refreshed", ["need", "startup"])
def test_a_refresh_holds_its_need_or_startup_until_it_commits(
    app, make_user, monkeypatch, refreshed
):
    # Two refreshes of the same need (two quick edits) must run one after the other: the
    # second's DELETE cannot see the first's uncommitted rows, and would keep them.
    battery, _, _ = three_cells(app, make_user)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    entity, entity_id = (Need, need_id) if refreshed == "need" else (Organization, battery)
    held, referable = [], []
    top_k = matching.matches_per_need
    row = sa.select(entity.id).where(entity.id == entity_id)

    def another_worker_tries_to_refresh_it():
        with db.engine.connect() as other:
            try:
                other.execute(row.with_for_update(nowait=True, key_share=True))
                held.append(False)
            except sa.exc.OperationalError:  # the lock is taken
                held.append(True)
            other.rollback()
            # Storing a row that refers to it (a foreign-key check's lock) does not wait:
            # a need's and a startup's refresh storing rows of each other cannot deadlock.
            try:
                other.execute(row.with_for_update(nowait=True, read=True, key_share=True))
                referable.append(True)
            except sa.exc.OperationalError:
                referable.append(False)
            other.rollback()
        return top_k()

    monkeypatch.setattr(matching, "matches_per_need", another_worker_tries_to_refresh_it)
    with app.app_context():
        if refreshed == "need":
            matching.refresh_need(db.session.get(Need, need_id))
        else:
            matching.refresh_startup(db.session.get(Organization, battery))

    assert held == [True]
    assert referable == [True]


@pytest.mark.postgres
@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs two connections to PostgreSQL")
def test_a_startup_pushed_out_while_another_worker_gives_it_a_floor_row_keeps_that_one(
    app, make_user, monkeypatch
):
    # This refresh cannot see the other worker's floor row until that commits, while the
    # one-floor-row index waits for it: keeping the pushed-out row as a floor row must
    # then give way instead of rolling this refresh back.
    app.config["MATCHES_PER_NEED"] = 1
    make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    bakery = make_startup(app, make_user, "Brotretter", **BAKERY)
    battery_need = make_corporate_need(app, make_user)
    bakery_need = make_corporate_need(app, make_user, BAKERY_NEED)
    rebuild(app)
    assert rows_of(app, bakery) == {bakery_need: False}  # its only row
    trim = matching._trim
    committed = []

    def another_worker_homes_it_meanwhile(need_id, top_k):
        if need_id == bakery_need and not committed:
            other = db.engine.connect()
            other.execute(sa.insert(Match).values(**a_row(battery_need, bakery, True, "other")))

            def commit():
                other.commit()
                other.close()
                committed.append(True)

            threading.Timer(0.5, commit).start()
        return trim(need_id, top_k)

    monkeypatch.setattr(matching, "_trim", another_worker_homes_it_meanwhile)
    with app.app_context():
        organization = db.session.get(matching.Organization, second)
        organization.description = organization.offers = BAKERY_NEED.description
        db.session.commit()
        matching.refresh_startup(organization)  # tests raise a failed refresh

    assert committed == [True]
    assert rows_of(app, second) == {bakery_need: False}
    assert_only_row_is_the_other_workers(app, bakery, battery_need, floor=True)


@pytest.mark.postgres
@pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs two connections to PostgreSQL")
def test_a_company_validated_while_a_refresh_reads_the_needs_is_not_half_read(
    app, make_user, monkeypatch
):
    # The needs' queries are read in several statements; each sees what is committed when
    # it starts. A company validated in between must not leave a need without its company.
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    battery_need = make_corporate_need(app, make_user)
    bakery_need = make_corporate_need(app, make_user, BAKERY_NEED)
    with app.app_context():
        company_id = db.session.get(Need, bakery_need).organization_id
        db.session.get(Organization, company_id).status = ProfileStatus.PENDING
        db.session.commit()
    rebuild(app)
    profile = matching._profile
    validated = []

    def staff_validates_it_meanwhile(row, terms):
        if not validated and isinstance(row, sa.Row):
            in_another_connection(
                sa.update(Organization)
                .where(Organization.id == company_id)
                .values(status=ProfileStatus.APPROVED)
            )
            validated.append(True)
        return profile(row, terms)

    monkeypatch.setattr(matching, "_profile", staff_validates_it_meanwhile)
    with app.app_context():
        organization = db.session.get(Organization, battery)
        organization.description = "Battery packs and cells for electric vans."
        db.session.commit()
        matching.refresh_startup(organization)  # tests raise a failed refresh

    assert validated == [True]
    assert rows_of(app, battery) == {battery_need: False}
