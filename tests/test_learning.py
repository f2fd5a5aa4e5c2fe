"""Signal weights learned from decisions: which pairs count, when learned weights are
adopted, and that the stored rankings then use them."""

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.matching import MODEL_VERSION
from matchmaker.models import (
    DecisionReason,
    Introduction,
    IntroductionStatus,
    LearnedWeights,
    MarkKind,
    Match,
    MatcherSnapshot,
    Need,
    NeedStartupMark,
    Organization,
    ProfileStatus,
    Role,
    User,
)
from matchmaker.services import learning, matching, profiles
from matchmaker.services.profiles import NeedData

from .test_stored_matches import BAKERY, BATTERY, make_corporate_need, make_startup, rebuild

# Startups a company says yes to for their tags although their text is about something
# else, and startups it says no to although their text is all about the need: the default
# weights (text first) rank these pairs the wrong way round.
TAGGED = [
    {**BAKERY, "description": f"{text} for bakeries.", "offers": f"{text} for cafes."}
    for text in (
        "Sourdough recipes",
        "Oven timers",
        "Flour sourcing",
        "Bread apps",
        "Cake kits",
        "Coffee carts",
    )
]
TEXT_ONLY = [
    {**BATTERY, "industries": ("food_agriculture",), "technologies": (), "offers": text}
    for text in (
        "Battery packs for electric buses.",
        "Battery management systems for electric vehicles.",
        "Battery cells for electric trucks.",
        "Battery pack design for electric cars.",
        "Battery diagnostics for electric fleets.",
        "Battery recycling for electric vehicles.",
    )
]
for tagged in TAGGED:
    tagged.update(industries=("automotive",), technologies=("battery_management",))


def mark(app, need_id, startup_id, kind):
    with app.app_context():
        db.session.add(NeedStartupMark(need_id=need_id, startup_id=startup_id, kind=kind))
        db.session.commit()


def introduce(app, need_id, startup_id, status, reason=None):
    with app.app_context():
        corporate_id = db.session.get(Need, need_id).organization_id
        db.session.add(
            Introduction(
                corporate_id=corporate_id,
                startup_id=startup_id,
                need_id=need_id,
                status=status,
                decision_reason=reason,
            )
        )
        db.session.commit()


NEED_TITLES = (
    "Battery systems for delivery vans",
    "Battery packs for city buses",
    "Battery management for forklifts",
    "Battery storage for our plants",
)


def store_run(app, **values):
    """A learning run as `matches learn` would keep it."""
    run = dict(
        model_version=MODEL_VERSION,
        decisions=80,
        positives=40,
        auc_current=0.7,
        auc_learned=0.75,
        weights={"lsa": 1.0},
    )
    with app.app_context():
        db.session.add(LearnedWeights(**{**run, **values}))
        db.session.commit()


def decided_pool(app, make_user):
    """Five needs of one company, each with six yes and six no marks."""
    need_ids = [make_corporate_need(app, make_user)]
    with app.app_context():
        company = db.session.get(Need, need_ids[0]).organization
        for title in NEED_TITLES:
            need = profiles.save_need(
                company,
                NeedData(
                    title=title,
                    description=f"{title}: battery management and battery packs.",
                    technologies=("battery_management",),
                ),
            )
            need.review_status = ProfileStatus.APPROVED
            db.session.flush()
            need_ids.append(need.id)
        db.session.commit()
    yes = [make_startup(app, make_user, f"Tagged {i}", **data) for i, data in enumerate(TAGGED)]
    no = [make_startup(app, make_user, f"Wordy {i}", **data) for i, data in enumerate(TEXT_ONLY)]
    for need_id in need_ids:
        for startup_id in yes:
            mark(app, need_id, startup_id, MarkKind.SAVED)
        for startup_id in no:
            mark(app, need_id, startup_id, MarkKind.NOT_INTERESTED)
    return need_ids, yes, no


def test_decisions_label_introductions_and_marks(app, make_user):
    need_id = make_corporate_need(app, make_user)
    startups = [make_startup(app, make_user, f"S{i}", **BATTERY) for i in range(9)]
    introduce(app, need_id, startups[0], IntroductionStatus.APPROVED)
    introduce(app, need_id, startups[1], IntroductionStatus.CONCLUDED)
    introduce(app, need_id, startups[2], IntroductionStatus.DECLINED)
    introduce(app, need_id, startups[3], IntroductionStatus.PROPOSED)  # undecided
    introduce(app, need_id, startups[4], IntroductionStatus.EXPIRED)  # unanswered
    mark(app, need_id, startups[2], MarkKind.SAVED)  # the introduction's fate wins
    mark(app, need_id, startups[5], MarkKind.NOT_INTERESTED)
    # Refusals about the fit count; a competitor (too close a fit) or "too early" do not.
    introduce(app, need_id, startups[6], IntroductionStatus.REJECTED, DecisionReason.NOT_RELEVANT)
    introduce(app, need_id, startups[7], IntroductionStatus.REJECTED, DecisionReason.COMPETITOR)
    mark(app, need_id, startups[7], MarkKind.SAVED)  # the refusal outweighs it: no label
    introduce(app, need_id, startups[8], IntroductionStatus.DECLINED, DecisionReason.TOO_EARLY)

    with app.app_context():
        found = {(d.startup_id, d.label) for d in learning.decisions()}
        assert found == {
            (startups[0], 1),
            (startups[1], 1),
            (startups[2], 0),
            (startups[5], 0),
            (startups[6], 0),
        }
        # A deleted (anonymised) startup's decisions leave the training data.
        db.session.get(Organization, startups[0]).status = ProfileStatus.DELETED
        db.session.commit()
        assert startups[0] not in {d.startup_id for d in learning.decisions()}


def test_too_few_decisions_learn_nothing(app, make_user, runner):
    need_id = make_corporate_need(app, make_user)
    startup_id = make_startup(app, make_user, "VoltCell", **BATTERY)
    mark(app, need_id, startup_id, MarkKind.SAVED)

    result = runner.invoke(args=["matches", "learn"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: No fitted matcher of model {MODEL_VERSION} yet: "
        "run `matchmaker matches rebuild` first."
    )

    rebuild(app)
    result = runner.invoke(args=["matches", "learn"])

    assert result.exit_code == 0, result.output
    assert "Not enough decisions to learn from yet: 1 decided pairs (1 yes)" in result.output
    assert "with 5 needs that have both a yes and a no" in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(LearnedWeights.id))) == 0


def test_learned_weights_are_adopted_only_when_they_rank_decisions_better(app, make_user, runner):
    app.config["LEARNING_MIN_DECISIONS"] = 20
    _, yes, no = decided_pool(app, make_user)
    rebuild(app)
    with app.app_context():
        before = {m.startup_id: m.score for m in db.session.scalars(sa.select(Match))}

    result = runner.invoke(args=["matches", "learn"])

    assert result.exit_code == 0, result.output
    assert "60 decided pairs (30 yes)" in result.output
    assert "Adopted: re-ranked 5 needs" in result.output
    with app.app_context():
        record = db.session.scalars(sa.select(LearnedWeights)).one()
        assert record.adopted and record.auc_learned > record.auc_current + 0.01
        assert max(record.weights, key=record.weights.get) == "taxonomy"
        assert matching.active_weights() == record.weights
        # The rebuild used them: the stored matcher and the stored scores.
        _, matcher = matching.current_matcher()
        assert matcher.weights == record.weights
        assert db.session.scalar(sa.select(sa.func.count(MatcherSnapshot.id))) == 1
        after = {m.startup_id: m.score for m in db.session.scalars(sa.select(Match))}
    assert min(after[s] for s in yes) > max(after[s] for s in no)
    assert after != before

    # Learning again from the same decisions: the adopted weights are now the current
    # ones, so nothing better is found and they stay.
    result = runner.invoke(args=["matches", "learn"])
    assert "Kept the current weights" in result.output
    with app.app_context():
        runs = db.session.scalars(sa.select(LearnedWeights).order_by(LearnedWeights.id)).all()
        assert [run.adopted for run in runs] == [True, False]
        assert matching.active_weights() == runs[0].weights
        assert [run.id for run in learning.history()] == [runs[1].id, runs[0].id]


def test_weights_learned_for_another_model_version_are_not_used(app, make_user):
    store_run(app, model_version="an-older-model", weights={"taxonomy": 1.0}, adopted=True)
    with app.app_context():
        assert matching.active_weights() is None


def test_staff_see_how_matches_are_scored(app, make_user, client):
    app.config["LEARNING_MIN_DECISIONS"] = 20
    decided_pool(app, make_user)
    rebuild(app)
    make_user(Role.STAFF, email="desk@example.com")
    client.login("desk@example.com")

    page = client.get("/staff/matching").get_data(as_text=True)
    assert "Defaults (not enough decisions learned from yet)" in page
    assert "So far 60 decided pairs (30 yes); learning starts at 20." in page
    assert "No learning runs yet." in page
    assert "35%" in page  # the default weight of related topics, 0.4 of 1.15

    with app.app_context():
        learning.learn()
    page = client.get("/staff/matching").get_data(as_text=True)
    assert "Learned from your decisions" in page
    assert 'id="learning-runs"' in page and "Adopted" in page


def test_staff_are_told_when_the_stored_matches_need_a_rebuild(app, make_user, client):
    make_user(Role.STAFF, email="desk@example.com")
    client.login("desk@example.com")
    pages = ("/staff/", "/staff/matching")
    for url in pages:
        assert "No matches have been computed yet." in client.get(url).get_data(as_text=True)

    make_startup(app, make_user, "VoltCell", **BATTERY)
    rebuild(app)
    for url in pages:
        assert 'id="model-state"' not in client.get(url).get_data(as_text=True)

    # After an upgrade that changes the model, until the next rebuild.
    with app.app_context():
        db.session.execute(sa.update(MatcherSnapshot).values(model_version="an-older-model"))
        db.session.commit()
    for url in pages:
        page = client.get(url).get_data(as_text=True)
        assert "come from the model an-older-model; this version of matchmaker" in page
        assert f"ranks with {MODEL_VERSION}." in page
    rebuild(app)
    for url in pages:
        assert 'id="model-state"' not in client.get(url).get_data(as_text=True)


def test_only_staff_see_how_matches_are_scored(app, make_user, client):
    make_user(Role.CORPORATE, email="company@example.com")
    client.login("company@example.com")
    assert client.get("/staff/matching").status_code == 403


def test_staff_see_when_learned_weights_were_kept_out(app, make_user, client):
    store_run(app, auc_current=0.81, auc_learned=0.80, adopted=False)
    make_user(Role.STAFF, email="desk@example.com")
    client.login("desk@example.com")

    page = client.get("/staff/matching").get_data(as_text=True)

    assert "Defaults (weights learned so far did not rank better)" in page
    assert "Kept the weights before" in page and "0.810" in page


def test_decision_counts_are_those_of_the_decisions(app, make_user, client):
    """The staff page counts decided pairs in the database; every kind of decision (and of
    non-decision) gives the same numbers as loading them all."""
    need_id, gone_need_id = make_corporate_need(app, make_user), make_corporate_need(app, make_user)
    with app.app_context():
        # The company's second need: one startup can have a pair with each.
        company = db.session.get(Need, need_id).organization
        other_need_id = profiles.save_need(company, NeedData(title=NEED_TITLES[0])).id
        db.session.commit()

    def startup() -> int:
        with app.app_context():
            return db.session.get(User, make_user(Role.STARTUP)).organization_id

    for status in IntroductionStatus:
        reasons = [None]
        if status in (IntroductionStatus.REJECTED, IntroductionStatus.DECLINED):
            reasons += list(DecisionReason)
        for reason in reasons:
            introduce(app, need_id, startup(), status, reason)
            # The same introduction over a company's "save" and over its "not interested".
            for kind in MarkKind:
                startup_id = startup()
                mark(app, need_id, startup_id, kind)
                introduce(app, need_id, startup_id, status, reason)
    for kind in MarkKind:
        mark(app, need_id, startup(), kind)
        # A mark on one need of a pair whose introduction was for the company's other need.
        startup_id = startup()
        introduce(app, need_id, startup_id, IntroductionStatus.REJECTED, DecisionReason.COMPETITOR)
        mark(app, other_need_id, startup_id, kind)
    # An introduction for the company as a whole says nothing about a need.
    with app.app_context():
        corporate_id = db.session.get(Need, need_id).organization_id
        db.session.add(
            Introduction(
                corporate_id=corporate_id,
                startup_id=startup(),
                status=IntroductionStatus.CONCLUDED,
            )
        )
        db.session.commit()
    # Deleted (anonymised) startups and companies leave.
    deleted = startup()
    mark(app, need_id, deleted, MarkKind.SAVED)
    introduce(app, other_need_id, deleted, IntroductionStatus.APPROVED)
    mark(app, gone_need_id, startup(), MarkKind.NOT_INTERESTED)
    introduce(app, gone_need_id, startup(), IntroductionStatus.REJECTED)
    with app.app_context():
        db.session.get(Organization, deleted).status = ProfileStatus.DELETED
        db.session.get(Need, gone_need_id).organization.status = ProfileStatus.DELETED
        db.session.commit()

    with app.app_context():
        decided = learning.decisions()
        counts = learning.decision_counts()
    assert (counts.decisions, counts.positives) == (len(decided), sum(d.label for d in decided))
    # Yes: 6 statuses, each alone and over either mark; the saved marks under a proposed
    # or expired introduction; one saved mark alone and one on the other need. No: rejected
    # and declined with no reason, "not relevant" or "other", each alone and over either
    # mark; the same "not interested" marks.
    yes = no = 6 * 3 + 2 + 1 + 1
    assert (counts.decisions, counts.positives) == (yes + no, yes)

    make_user(Role.STAFF, email="desk@example.com")
    client.login("desk@example.com")
    page = client.get("/staff/matching").get_data(as_text=True)
    assert "So far 44 decided pairs (22 yes)" in page
