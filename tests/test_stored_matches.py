"""Stored rankings in the app: rebuild, refresh on edits, only validated profiles take part."""

from dataclasses import replace
from unittest.mock import ANY

import pytest
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import (
    MarkKind,
    Match,
    MatcherSnapshot,
    Need,
    ProfileStatus,
    Role,
    User,
)
from matchmaker.services import matching, profiles, shortlists
from matchmaker.services.profiles import NeedData, ProfileData

BATTERY = {
    "description": "We build battery management systems and battery packs for electric vehicles.",
    "offers": "Battery management software and pack design for electric cars and buses.",
    "seeks": "Automotive suppliers for pilot projects.",
    "industries": ("automotive",),
    "technologies": ("battery_management",),
}
BAKERY = {
    "description": "An app that lets bakeries sell leftover bread in the evening.",
    "offers": "Food waste marketplace for bakeries and cafes.",
    "seeks": "Retail chains.",
    "industries": ("food_agriculture",),
}
BATTERY_NEED = NeedData(
    title="Batteriemanagement für Elektrofahrzeuge",
    description="Wir suchen Startups für Batteriemanagementsysteme und Batteriepacks "
    "für elektrische Lieferfahrzeuge.",
    technologies=("battery_management",),
)


def make_startup(app, make_user, name, status=ProfileStatus.APPROVED, **profile) -> int:
    user_id = make_user(Role.STARTUP, organization_name=name)
    with app.app_context():
        organization = db.session.get(User, user_id).organization
        profiles.update_profile(organization, ProfileData(name=name, **profile))
        organization.status = status
        db.session.commit()
        return organization.id


def make_corporate_need(app, make_user, data=BATTERY_NEED, approved=True) -> int:
    user_id = make_user(Role.CORPORATE, organization_name="Kansai Auto Europe")
    with app.app_context():
        organization = db.session.get(User, user_id).organization
        profiles.update_profile(
            organization,
            ProfileData(
                name="Kansai Auto Europe",
                description="European office of a Japanese automotive supplier.",
                industries=("automotive",),
            ),
        )
        organization.status = ProfileStatus.APPROVED
        need = profiles.save_need(organization, data)
        need.review_status = ProfileStatus.APPROVED if approved else ProfileStatus.PENDING
        db.session.commit()
        return need.id


def stored(app, need_id) -> list[tuple[int, float]]:
    with app.app_context():
        rows = db.session.execute(
            sa.select(Match.startup_id, Match.score)
            .where(Match.need_id == need_id)
            .order_by(Match.score.desc())
        )
        return [(startup_id, score) for startup_id, score in rows]


def rebuild(app):
    with app.app_context():
        return matching.rebuild_matches()


def test_rebuild_ranks_validated_startups_with_reasons_in_three_languages(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    bakery = make_startup(app, make_user, "Brotretter", **BAKERY)
    hidden = make_startup(
        app, make_user, "Unvalidated Battery Co", ProfileStatus.PENDING, **BATTERY
    )
    need_id = make_corporate_need(app, make_user)

    result = rebuild(app)

    assert result.startups == 2
    assert result.needs == 1
    rows = stored(app, need_id)
    assert rows[0][0] == battery
    assert hidden not in [startup for startup, _ in rows]
    assert all(0 < score <= 1 for _, score in rows)
    assert bakery not in [startup for startup, _ in rows[:1]]
    with app.app_context():
        match = db.session.scalar(sa.select(Match).where(Match.startup_id == battery))
        assert set(match.reasons) == {"en", "de", "ja"}
        assert all(match.reasons[lang] for lang in ("en", "de", "ja"))
        assert match.model_version
        assert set(match.features) <= set(matching.matching.FEATURES)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(MatcherSnapshot)) == 1


def test_rebuild_updates_postgresqls_planner_statistics_of_the_matches(app, make_user):
    # The review queue's plans go wrong for seconds on stale statistics (bench/pages.py).
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("planner statistics are PostgreSQL's")
    make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Brotretter", **BAKERY)
    make_corporate_need(app, make_user)

    rebuild(app)

    with app.app_context():
        estimated = db.session.scalar(
            sa.text("SELECT reltuples FROM pg_class WHERE relname = 'matches'")
        )
        stored_rows = db.session.scalar(sa.select(sa.func.count()).select_from(Match))
        assert stored_rows > 0 and estimated == stored_rows


def test_unvalidated_needs_get_no_matches(app, make_user):
    make_startup(app, make_user, "VoltCell", **BATTERY)
    need_id = make_corporate_need(app, make_user, approved=False)
    assert rebuild(app).needs == 0
    assert stored(app, need_id) == []


def test_validating_a_startup_adds_it_without_refit(app, make_user):
    make_startup(app, make_user, "Brotretter", **BAKERY)
    # The fitted vocabulary must know the newcomer's words: no refit happens.
    make_startup(app, make_user, "Ladeprofi", **{**BATTERY, "offers": "Charging for buses."})
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    newcomer = make_startup(app, make_user, "VoltCell", ProfileStatus.PENDING, **BATTERY)
    staff = make_user(Role.STAFF)

    with app.app_context():
        organization = db.session.get(matching.Organization, newcomer)
        profiles.approve_profile(organization, db.session.get(User, staff))
        assert db.session.scalar(sa.select(sa.func.count()).select_from(MatcherSnapshot)) == 1

    assert newcomer in [startup for startup, _ in stored(app, need_id)]


def test_suspending_a_startup_removes_only_its_rows(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    other = make_startup(app, make_user, "Ladeprofi", **{**BATTERY, "offers": "EV chargers."})
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    before = dict(stored(app, need_id))
    assert {battery, other} <= set(before)
    staff = make_user(Role.STAFF)

    with app.app_context():
        organization = db.session.get(matching.Organization, battery)
        profiles.suspend_profile(organization, db.session.get(User, staff), "spam")
    after = dict(stored(app, need_id))
    assert battery not in after
    assert after[other] == before[other]


def test_a_typo_fix_keeps_the_startup_ranked_with_fresh_rows(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Brotretter", **BAKERY)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    with app.app_context():
        first = db.session.scalar(sa.select(Match.computed_at).where(Match.startup_id == battery))
    with app.app_context():
        organization = db.session.get(matching.Organization, battery)
        profiles.update_profile(
            organization,
            ProfileData(name="VoltCell", **{**BATTERY, "seeks": BATTERY["seeks"] + " Thanks!"}),
        )
        assert organization.status is ProfileStatus.APPROVED
        again = db.session.scalar(sa.select(Match.computed_at).where(Match.startup_id == battery))
        assert again > first
    assert stored(app, need_id)[0][0] == battery


def test_reranking_a_need_uses_the_current_text_of_edited_startups(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Brotretter", **BAKERY)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    with app.app_context():
        organization = db.session.get(matching.Organization, battery)
        organization.description = BAKERY["description"]
        organization.offers = BAKERY["offers"]
        organization.updated_at = matching.utcnow()
        db.session.commit()
        matching.refresh_need(db.session.get(Need, need_id))
        row = db.session.scalar(sa.select(Match).where(Match.startup_id == battery))
        # The fitted pool still holds the old offer; the stored reasons must not quote it.
        assert (
            row is None or "battery management software" not in " ".join(row.reasons["en"]).lower()
        )


def test_a_reranked_need_stores_each_startups_own_reasons_in_every_language(app, make_user):
    make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    make_startup(app, make_user, "Ladeprofi", **CHARGER)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    with app.app_context():
        need = db.session.get(Need, need_id)
        need.description += " Charging hardware for depots too."
        db.session.commit()
        matching.refresh_need(need)
        rows = list(db.session.scalars(sa.select(Match).where(Match.need_id == need_id)))
        _, matcher = matching.current_matcher()
        query = matching.need_query(need)
        assert len(rows) >= 2
        for row in rows:
            profile = matching.organization_profile(row.startup)
            for lang in ("en", "de", "ja"):
                [scored] = matcher.score_startups(query, [profile], lang)
                assert row.reasons[lang] == scored.reasons


def test_pausing_a_need_removes_its_matches_and_reopening_restores_them(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    with app.app_context():
        need = db.session.get(Need, need_id)
        profiles.set_need_status(need, matching.NeedStatus.PAUSED)
    assert stored(app, need_id) == []
    with app.app_context():
        need = db.session.get(Need, need_id)
        profiles.set_need_status(need, matching.NeedStatus.OPEN)
    assert stored(app, need_id)[0][0] == battery


def test_new_need_is_ranked_against_the_fitted_pool(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    make_startup(app, make_user, "Brotretter", **BAKERY)
    rebuild(app)
    need_id = make_corporate_need(app, make_user)  # approved after saving: refresh on review
    with app.app_context():
        need = db.session.get(Need, need_id)
        staff = db.session.get(User, make_user(Role.STAFF))
        profiles.review_need(need, staff, ProfileStatus.APPROVED)
    assert stored(app, need_id)[0][0] == battery


def test_rebuild_command_reports_counts(app, runner, make_user):
    make_startup(app, make_user, "VoltCell", **BATTERY)
    make_corporate_need(app, make_user)
    result = runner.invoke(args=["matches", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Ranked 1 needs against 1 startups" in result.output


def test_staff_see_the_best_startups_per_need(app, client, make_user):
    make_startup(app, make_user, "VoltCell", **BATTERY)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    make_user(Role.STAFF, email="staff@example.com")
    client.login("staff@example.com")
    with app.app_context():
        corporate_id = db.session.get(Need, need_id).organization_id
    page = client.get(f"/staff/organizations/{corporate_id}").get_data(as_text=True)
    assert "Best startups for this need" in page
    assert "VoltCell" in page


def test_best_matches_of_several_needs_come_best_first_and_capped(app, make_user):
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    charger = make_startup(app, make_user, "Ladeprofi", **{**BATTERY, "offers": "EV chargers."})
    first = make_corporate_need(app, make_user)
    second = make_corporate_need(app, make_user)
    rebuild(app)
    with app.app_context():
        needs = [db.session.get(Need, first), db.session.get(Need, second)]
        best = matching.best_matches(needs, limit=1)
        everything = matching.best_matches(needs, limit=10)

    assert set(best) == {first, second}
    assert [len(rows) for rows in best.values()] == [1, 1]
    for need_id, rows in everything.items():
        assert {row.startup_id for row in rows} == {battery, charger}
        assert [row.score for row in rows] == sorted((row.score for row in rows), reverse=True)
        assert best[need_id][0].startup_id == rows[0].startup_id


def test_a_companys_startup_stages_count_as_stage_compatibility(app, make_user):
    seed = make_startup(app, make_user, "VoltCell", stage="seed", **BATTERY)
    growth = make_startup(app, make_user, "BigCell", stage="growth", **BATTERY)
    need_id = make_corporate_need(app, make_user)
    with app.app_context():
        company = db.session.get(Need, need_id).organization
        data = profiles.ProfileData.of(company)
        profiles.update_profile(company, replace(data, stages=("seed", "series_a")))
        company.status = ProfileStatus.APPROVED
        db.session.commit()
    rebuild(app)

    with app.app_context():
        features = {
            m.startup_id: m.features
            for m in db.session.scalars(sa.select(Match).where(Match.need_id == need_id))
        }
    assert features[seed]["stage"] == 1.0 and features[growth]["stage"] == 0.0
    scores = dict(stored(app, need_id))
    assert scores[seed] > scores[growth]  # same texts: only the stage differs


# --- the exposure floor: startups in no need's top list -----------------------------------

CHARGING_NEED = NeedData(
    title="Charging for delivery fleets",
    description="We seek charging stations and charge scheduling for electric delivery vans.",
)
SECOND_CELL = {
    "description": "Solar roofs for barns and farms, with a small battery storage.",
    "offers": "Solar panels for farms.",
}
CHARGER = {
    "description": "We install charging stations for electric delivery fleets.",
    "offers": "Charging stations and charge scheduling for electric vans.",
}


def all_rows(app) -> dict[tuple[int, int], tuple[float, bool]]:
    with app.app_context():
        return {
            (need_id, startup_id): (score, floor)
            for need_id, startup_id, score, floor in db.session.execute(
                sa.select(Match.need_id, Match.startup_id, Match.score, Match.is_exposure_floor)
            )
        }


def best_need_of(app, startup_id, need_ids) -> tuple[int, float]:
    """The need that scores the startup best (first of equals), scored from its profile."""
    with app.app_context():
        _, matcher = matching.current_matcher()
        needs = [db.session.get(Need, need_id) for need_id in sorted(need_ids)]
        profile = matching.organization_profile(db.session.get(matching.Organization, startup_id))
        scored = matcher.score_pairs([matching.need_query(need) for need in needs], [profile])
        best = max(range(len(needs)), key=lambda index: scored[index][0].score)
        return needs[best].id, scored[best][0].score


def test_rebuild_keeps_a_floor_row_for_startups_in_no_top_list(app, make_user):
    app.config["MATCHES_PER_NEED"] = 1
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    charger = make_startup(app, make_user, "Ladeprofi", **CHARGER)
    make_startup(app, make_user, "Knitwise", description="Knitting patterns.", offers="Wool.")
    battery_need = make_corporate_need(app, make_user)
    charging_need = make_corporate_need(app, make_user, CHARGING_NEED)

    result = rebuild(app)

    rows = all_rows(app)
    top = {key for key, (_, floor) in rows.items() if not floor}
    assert top == {(battery_need, battery), (charging_need, charger)}
    floor = {key: score for key, (score, is_floor) in rows.items() if is_floor}
    need_id, score = best_need_of(app, second, [battery_need, charging_need])
    assert floor == {(need_id, second): pytest.approx(score, abs=1e-6)}
    assert result.matches == 3 and result.exposure_floor == 1
    with app.app_context():
        row = db.session.scalar(sa.select(Match).where(Match.startup_id == second))
        assert all(row.reasons[lang] for lang in ("en", "de", "ja"))
        assert row.reasons["de"] != row.reasons["en"]
        # Companies see the top lists only.
        needs = [db.session.get(Need, battery_need), db.session.get(Need, charging_need)]
        shown = matching.best_matches(needs, limit=10)
        assert {m.startup_id for rows in shown.values() for m in rows} == {battery, charger}
        listed = shortlists.ranked_startups(needs[0], shortlists.MatchCriteria()).items
        assert [m.startup_id for m in listed] == [battery]


def test_a_floor_row_goes_to_the_best_need_whose_company_did_not_dismiss_the_startup(
    app, make_user
):
    app.config["MATCHES_PER_NEED"] = 1
    make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    make_startup(app, make_user, "Ladeprofi", **CHARGER)
    needs = {
        make_corporate_need(app, make_user),
        make_corporate_need(app, make_user, CHARGING_NEED),
    }
    rebuild(app)
    best, _ = best_need_of(app, second, needs)
    [other] = needs - {best}
    with app.app_context():
        need = db.session.get(Need, best)
        owner = db.session.scalar(
            sa.select(User).where(User.organization_id == need.organization_id)
        )
        startup = db.session.get(matching.Organization, second)
        shortlists.mark_startup(need, startup, owner, MarkKind.NOT_INTERESTED)

    rebuild(app)

    assert {key for key, (_, floor) in all_rows(app).items() if floor} == {(other, second)}


def test_a_startup_that_enters_no_top_list_gets_a_floor_row_and_loses_it_on_entering(
    app, make_user
):
    app.config["MATCHES_PER_NEED"] = 1
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    charger = make_startup(app, make_user, "Ladeprofi", **CHARGER)
    battery_need = make_corporate_need(app, make_user)
    charging_need = make_corporate_need(app, make_user, CHARGING_NEED)
    rebuild(app)
    newcomer = make_startup(app, make_user, "Second Cell", ProfileStatus.PENDING, **SECOND_CELL)
    staff = make_user(Role.STAFF)
    with app.app_context():
        organization = db.session.get(matching.Organization, newcomer)
        profiles.approve_profile(organization, db.session.get(User, staff))

    need_id, score = best_need_of(app, newcomer, [battery_need, charging_need])
    assert all_rows(app) == {
        (battery_need, battery): (ANY, False),
        (charging_need, charger): (ANY, False),
        (need_id, newcomer): (pytest.approx(score, abs=1e-6), True),
    }

    # Rewritten as a charging startup, it enters that top list: its floor row goes, and
    # the startup it pushes out of its only top list keeps that row as its floor row.
    with app.app_context():
        organization = db.session.get(matching.Organization, newcomer)
        organization.description = CHARGING_NEED.description
        organization.offers = CHARGING_NEED.title
        db.session.commit()
        matching.refresh_startup(organization)
    rows = all_rows(app)
    assert rows[(charging_need, newcomer)][1] is False
    assert rows[(charging_need, charger)][1] is True
    assert {key for key in rows if key[1] == newcomer} == {(charging_need, newcomer)}

    # A floor row never counts towards a top list, and trimming never removes it: with room
    # for two, the charging need's top list has one row and the charger's floor row, so a
    # weaker startup rewritten for charging still enters, and the floor row stays.
    app.config["MATCHES_PER_NEED"] = 2
    with app.app_context():
        organization = db.session.get(matching.Organization, battery)
        organization.description = CHARGER["description"]
        db.session.commit()
        matching.refresh_startup(organization)
    rows = all_rows(app)
    assert rows[(charging_need, battery)][0] < rows[(charging_need, charger)][0]
    assert rows[(charging_need, battery)][1] is False
    assert rows[(charging_need, charger)][1] is True
    assert rows[(charging_need, newcomer)][1] is False


def test_reranking_a_need_keeps_the_floor_rows_of_startups_with_no_other_row(app, make_user):
    app.config["MATCHES_PER_NEED"] = 1
    battery = make_startup(app, make_user, "VoltCell", **BATTERY)
    second = make_startup(app, make_user, "Second Cell", **SECOND_CELL)
    need_id = make_corporate_need(app, make_user)
    rebuild(app)
    before = all_rows(app)
    assert before == {(need_id, battery): (ANY, False), (need_id, second): (ANY, True)}

    with app.app_context():
        need = db.session.get(Need, need_id)
        need.description += " Also battery storage for solar roofs."
        db.session.commit()
        matching.refresh_need(need)
    rows = all_rows(app)
    assert {key: floor for key, (_, floor) in rows.items()} == {
        (need_id, battery): False,
        (need_id, second): True,
    }
    with app.app_context():
        query = matching.need_query(db.session.get(Need, need_id))
        _, matcher = matching.current_matcher()
        profile = matching.organization_profile(db.session.get(matching.Organization, second))
        [fresh] = matcher.score_startups(query, [profile])
    assert rows[(need_id, second)][0] == pytest.approx(fresh.score, abs=1e-6)  # re-scored
    assert rows[(need_id, second)][0] != before[(need_id, second)][0]

    # Now seeking solar roofs: the startup pushed out of its only top list keeps a floor row.
    with app.app_context():
        need = db.session.get(Need, need_id)
        need.title, need.description = "Solar roofs", SECOND_CELL["description"]
        db.session.commit()
        matching.refresh_need(need)
    assert {key: floor for key, (_, floor) in all_rows(app).items()} == {
        (need_id, second): False,
        (need_id, battery): True,
    }

    # A need that leaves matching takes its rows along; the next rebuild restores them.
    with app.app_context():
        profiles.set_need_status(db.session.get(Need, need_id), matching.NeedStatus.PAUSED)
    assert all_rows(app) == {}
