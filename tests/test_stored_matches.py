"""Stored rankings in the app: rebuild, refresh on edits, only validated profiles take part."""

from dataclasses import replace

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Match, MatcherSnapshot, Need, ProfileStatus, Role, User
from matchmaker.services import matching, profiles
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
