"""Introductions: the review queue, double opt-in, the introduction mail, meetings,
outcomes, reminders and the audit log, through the service functions and the pages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import (
    DecisionReason,
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    MarkKind,
    Need,
    NeedStartupMark,
    Organization,
    Outcome,
    ProfileStatus,
    Role,
    User,
    utcnow,
)
from matchmaker.services import introductions as service
from matchmaker.services import matching as matching_service
from matchmaker.services import profiles
from matchmaker.services.introductions import Actor
from matchmaker.services.profiles import NeedData, ProfileData
from tests.conftest import link_in, mail_body
from tests.factories import (
    PAIR_CORPORATE_PROFILE,
    PAIR_STARTUP_PROFILE,
    Pair,
    add_startup,
    store_match,
    validated_organization,
)

S = IntroductionStatus


def _get(app, pair: Pair):
    need = db.session.get(Need, pair.need)
    startup = db.session.get(Organization, pair.startup)
    staff = db.session.get(User, pair.staff)
    return need, startup, staff


def introduction_state(app, introduction_id: int) -> dict:
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        return {
            "status": introduction.status,
            "version": introduction.version,
            "events": [
                (event.kind, event.from_status, event.to_status, event.reason)
                for event in introduction.events
            ],
            "reminders_sent": introduction.reminders_sent,
        }


def approve(app, pair: Pair) -> int:
    with app.test_request_context():
        need, startup, staff = _get(app, pair)
        return service.approve_pair(need, startup, staff).id


def answer(app, introduction_id: int, side: str, accept: bool = True, **kwargs) -> None:
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        organization = introduction.startup if side == "startup" else introduction.corporate
        service.answer_introduction(
            introduction,
            organization.kind,
            accept,
            Actor.via_link(organization),
            **kwargs,
        )


def both_accept(app, pair: Pair) -> int:
    introduction_id = approve(app, pair)
    answer(app, introduction_id, "startup")
    answer(app, introduction_id, "corporate")
    return introduction_id


def introduce(app, pair: Pair) -> int:
    introduction_id = both_accept(app, pair)
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        staff = db.session.get(User, pair.staff)
        text = service.draft_introduction_text(introduction)
        service.send_introduction(introduction, staff, text, "en")
    return introduction_id


def answer_links(messages) -> list[str]:
    return [
        match.group(1)
        for message in messages
        for match in [re.search(r"https?://[^/\s]+(/introductions/answer/\S+)", mail_body(message))]
        if match
    ]


# --- the queue ---------------------------------------------------------------------------


def test_queue_shows_the_best_undecided_startups_per_need(app, pair, make_user, client):
    add_startup(app, make_user, "Second Best GmbH", 0.5, pair.need)
    add_startup(app, make_user, "Paused Startup", 0.9, pair.need, accepts_proposals=False)
    client.login("anna@japandesk.example")
    page = client.get("/staff/queue").get_data(as_text=True)
    assert "Battery management" in page
    assert page.index("VoltCell Robotics") < page.index("Second Best GmbH")
    assert "Paused Startup" not in page
    assert "Both work on battery management" in page

    approve(app, pair)
    page = client.get("/staff/queue").get_data(as_text=True)
    assert "VoltCell Robotics" not in page  # decided pairs leave the queue
    assert "Second Best GmbH" in page


def test_queue_offers_startups_no_ranking_shows_at_the_need_they_fit_best(
    app, pair, make_user, client
):
    app.config["QUEUE_CANDIDATES_PER_NEED"] = 2
    with app.test_request_context():
        company = db.session.get(Organization, pair.corporate)
        other = profiles.save_need(company, NeedData(title="Fleet charging", description="Vans."))
        other.review_status = ProfileStatus.APPROVED
        db.session.commit()
        other_need = other.id
    add_startup(app, make_user, "Second Best GmbH", 0.7, pair.need)  # top 2: shown
    # Third for the battery need, but better there than for charging: offered there.
    third = add_startup(app, make_user, "Third Cell AG", 0.6, pair.need)
    store_match(app, other_need, third, 0.3)
    # Below the top 2 everywhere, best for charging: offered there only.
    fourth = add_startup(app, make_user, "Fourth Volt SE", 0.5, pair.need)
    store_match(app, other_need, fourth, 0.55)
    store_match(app, other_need, add_startup(app, make_user, "Charge One", 0.1, pair.need), 0.9)
    store_match(app, other_need, add_startup(app, make_user, "Charge Two", 0.1, pair.need), 0.8)
    # Unshown as well, but once part of an introduction, or dismissed for its best need.
    introduced = add_startup(app, make_user, "Once Introduced", 0.4, pair.need)
    dismissed = add_startup(app, make_user, "Not For Us", 0.45, pair.need)
    with app.test_request_context():
        db.session.add(
            Introduction(
                corporate_id=pair.corporate,
                startup_id=introduced,
                need_id=pair.need,
                status=IntroductionStatus.DECLINED,
            )
        )
        db.session.add(
            NeedStartupMark(need_id=pair.need, startup_id=dismissed, kind=MarkKind.NOT_INTERESTED)
        )
        db.session.commit()
        offered = {
            (match.need_id, match.startup.name)
            for match in service.rarely_shown_candidates([pair.need, other_need])
        }
    assert offered == {(pair.need, "Third Cell AG"), (other_need, "Fourth Volt SE")}

    client.login("anna@japandesk.example")
    page = client.get("/staff/queue").get_data(as_text=True)
    section = page[page.index(f'id="need-{pair.need}"') :]
    section = section[: section.index("</section>")]
    assert "Third Cell AG" in section and "Shown by no ranking yet" in section
    assert "Fourth Volt SE" not in section

    # Once the company dismisses a candidate, the next startup moves up into its place and
    # is a candidate, no longer "shown by no ranking".
    with app.test_request_context():
        second = db.session.scalar(
            sa.select(Organization.id).where(Organization.name == "Second Best GmbH")
        )
        db.session.add(
            NeedStartupMark(need_id=pair.need, startup_id=second, kind=MarkKind.NOT_INTERESTED)
        )
        db.session.commit()
        candidates = {m.startup.name for m in service.queue_candidates([pair.need])}
        offered = {m.startup.name for m in service.rarely_shown_candidates([pair.need])}
    assert "Third Cell AG" in candidates and "Third Cell AG" not in offered

    # At most QUEUE_RARELY_SHOWN_PER_NEED per need, best first; 0 turns the floor off.
    for number in range(3):
        add_startup(app, make_user, f"Quiet {number}", 0.2 - number / 100, pair.need)
    with app.test_request_context():
        offered = [m.startup.name for m in service.rarely_shown_candidates([pair.need])]
        assert offered == ["Quiet 0", "Quiet 1"]  # Fourth Volt SE belongs to the other need
    app.config["QUEUE_RARELY_SHOWN_PER_NEED"] = 0
    with app.test_request_context():
        assert service.rarely_shown_candidates([pair.need, other_need]) == []


def test_exposure_floor_passes_over_startups_that_a_need_off_the_page_shows(app, pair, make_user):
    # The floor ranks only the page's needs; whether another need shows a startup is
    # decided from that need's offerable rows alone, ties going to the older row.
    app.config["QUEUE_CANDIDATES_PER_NEED"] = 2
    with app.test_request_context():
        company = db.session.get(Organization, pair.corporate)
        needs = []
        for title in ("Fleet charging", "Cell recycling"):
            need = profiles.save_need(company, NeedData(title=title, description="Vans."))
            need.review_status = ProfileStatus.APPROVED
            needs.append(need.id)
        db.session.commit()
    charging, recycling = needs
    add_startup(app, make_user, "Second Best GmbH", 0.7, pair.need)  # shown here
    shown_elsewhere = add_startup(app, make_user, "Shown Elsewhere", 0.6, pair.need)
    tied_behind = add_startup(app, make_user, "Tied Behind", 0.55, pair.need)
    alone = add_startup(app, make_user, "Alone There", 0.5, pair.need)
    dismissed = add_startup(app, make_user, "Dismissed There", 0.4, pair.need)
    add_startup(app, make_user, "Charge One", 0.9, charging)
    store_match(app, charging, dismissed, 0.8)  # not offerable there: does not count
    store_match(app, charging, shown_elsewhere, 0.3)  # second offerable row: shown
    store_match(app, charging, tied_behind, 0.3)  # same score, newer row: third
    store_match(app, recycling, alone, 0.1)  # a need with one row shows it
    with app.test_request_context():
        db.session.add(
            NeedStartupMark(need_id=charging, startup_id=dismissed, kind=MarkKind.NOT_INTERESTED)
        )
        db.session.commit()
        offered = [m.startup.name for m in service.rarely_shown_candidates([pair.need])]
    assert offered == ["Tied Behind", "Dismissed There"]


def test_queue_offers_a_startup_in_no_top_list_at_its_best_need(app, pair, make_user, client):
    # The stored top lists hold one startup each; the floor row of a startup outside every
    # top list brings it to the queue all the same, under the need that scores it best.
    app.config["MATCHES_PER_NEED"] = 1
    with app.test_request_context():
        company = db.session.get(Organization, pair.corporate)
        charging = profiles.save_need(
            company,
            NeedData(title="Fleet charging", description="Charging stations for electric vans."),
        )
        charging.review_status = ProfileStatus.APPROVED
        db.session.commit()
        charging_need = charging.id
    for name, description in [
        ("Ladepunkt GmbH", "Charging stations and charge scheduling for electric van fleets."),
        ("Second Cell AG", "Battery management for forklifts in warehouses."),
    ]:
        user_id = make_user(Role.STARTUP, organization_name=name)
        data = ProfileData(**{**PAIR_STARTUP_PROFILE.__dict__, "name": name})
        data = replace(data, description=description, offers=description)
        validated_organization(app, user_id, data)
    with app.test_request_context():
        matching_service.rebuild_matches()
        queued = {
            (match.need_id, match.startup.name)
            for match in service.queue_candidates([pair.need, charging_need])
        }
        offered = {
            (match.need_id, match.startup.name)
            for match in service.rarely_shown_candidates([pair.need, charging_need])
        }
    assert queued == {(pair.need, "VoltCell Robotics"), (charging_need, "Ladepunkt GmbH")}
    assert offered == {(pair.need, "Second Cell AG")}

    client.login("anna@japandesk.example")
    page = client.get("/staff/queue").get_data(as_text=True)
    section = page[page.index(f'id="need-{pair.need}"') :]
    section = section[: section.index("</section>")]
    assert "Second Cell AG" in section and "Shown by no ranking yet" in section
    # The company's own list shows the top list only.
    client.logout()
    client.login("yamada@kansai-auto.example")
    listed = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert "VoltCell Robotics" in listed and "Second Cell AG" not in listed


def test_queue_hides_unvalidated_startups_and_needs(app, pair, make_user, client):
    add_startup(app, make_user, "Unchecked Startup", 0.99, pair.need)
    with app.test_request_context():
        db.session.scalar(
            sa.select(Organization).where(Organization.name == "Unchecked Startup")
        ).status = ProfileStatus.PENDING
        db.session.commit()
    client.login("anna@japandesk.example")
    page = client.get("/staff/queue").get_data(as_text=True)
    assert "Unchecked Startup" not in page
    with app.test_request_context():
        db.session.get(Need, pair.need).review_status = ProfileStatus.PENDING
        db.session.commit()
    page = client.get("/staff/queue").get_data(as_text=True)
    assert "VoltCell Robotics" not in page


def test_corporate_requests_come_first_in_the_queue(app, pair, make_user, client):
    other = add_startup(app, make_user, "Top Scorer", 0.99, pair.need)
    client.login("yamada@kansai-auto.example")
    response = client.submit(
        f"/introductions/request/{pair.need}/{pair.startup}",
        {f"request{pair.startup}-message": "We met them at a fair."},
        follow_redirects=True,
    )
    assert "Request sent" in response.get_data(as_text=True)
    client.logout()
    client.login("anna@japandesk.example")
    page = client.get("/staff/queue").get_data(as_text=True)
    assert "Requested by the company" in page
    assert "We met them at a fair." in page
    assert page.index("VoltCell Robotics") < page.index("Top Scorer")
    assert other


def test_queue_filters_by_industry_and_account_manager(app, pair, client):
    client.login("anna@japandesk.example")
    assert "VoltCell" in client.get("/staff/queue?industry=automotive").get_data(as_text=True)
    assert "VoltCell" not in client.get("/staff/queue?industry=healthcare").get_data(as_text=True)
    assert "VoltCell" in client.get("/staff/queue?owner=0").get_data(as_text=True)
    assert "VoltCell" not in client.get(f"/staff/queue?owner={pair.staff}").get_data(as_text=True)
    # Nonsense filters are ignored, never a 500.
    assert client.get("/staff/queue?owner=abc&age=x&page=-4").status_code == 200


# --- approving and rejecting ----------------------------------------------------------------


def test_approval_asks_the_startup_first_in_its_language(app, pair, outbox):
    with app.test_request_context():
        db.session.get(User, pair.startup_user).locale = "de"
        db.session.commit()
    introduction_id = approve(app, pair)
    state = introduction_state(app, introduction_id)
    assert state["status"] is S.APPROVED
    assert state["events"] == [("transition", S.PROPOSED, S.APPROVED, "")]
    [message] = outbox()
    assert message["To"] == "lena@voltcell.example"
    assert "Partnerschaftsvorschlag" in message["Subject"]
    body = mail_body(message)
    assert "Beide arbeiten an Batteriemanagement" in body
    # The corporate keeps its name private: the startup learns the industry only.
    assert "Kansai" not in body and "Kansai" not in message["Subject"]
    assert "yamada@" not in body


def test_rejected_pairs_never_come_back(app, pair, client):
    with app.test_request_context():
        need, startup, staff = _get(app, pair)
        service.reject_pair(need, startup, staff, DecisionReason.COMPETITOR)
    client.login("anna@japandesk.example")
    assert "VoltCell" not in client.get("/staff/queue").get_data(as_text=True)
    with app.test_request_context():
        need, startup, staff = _get(app, pair)
        with pytest.raises(service.IntroductionRefused):
            service.approve_pair(need, startup, staff)
        with pytest.raises(service.IntroductionRefused):
            service.request_introduction(need, startup, db.session.get(User, pair.corporate_user))
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Introduction)) == 1


def test_rejection_needs_a_reason_and_other_needs_a_comment(app, pair, client):
    client.login("anna@japandesk.example")
    response = client.submit(
        f"/staff/queue/{pair.need}/{pair.startup}/reject",
        {"reject-reason": ""},
        follow_redirects=True,
    )
    assert "Choose a reason" in response.get_data(as_text=True)
    response = client.submit(
        f"/staff/queue/{pair.need}/{pair.startup}/reject",
        {"reject-reason": "other", "reject-comment": ""},
        follow_redirects=True,
    )
    assert "explain the reason" in response.get_data(as_text=True)
    with app.test_request_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Introduction)) == 0
    client.submit(
        f"/staff/queue/{pair.need}/{pair.startup}/reject",
        {"reject-reason": "too_early", "reject-comment": "Come back after the seed round."},
    )
    with app.test_request_context():
        introduction = db.session.scalar(sa.select(Introduction))
        assert introduction.status is S.REJECTED
        assert introduction.decision_reason is DecisionReason.TOO_EARLY
        assert introduction.events[0].comment == "Come back after the seed round."


def test_a_corporate_cannot_approve_and_a_startup_cannot_request(app, pair, client):
    client.login("yamada@kansai-auto.example")
    assert client.submit(f"/staff/queue/{pair.need}/{pair.startup}/approve").status_code == 403
    assert client.get("/staff/queue").status_code == 403
    client.logout()
    client.login("lena@voltcell.example")
    assert client.submit(f"/introductions/request/{pair.need}/{pair.startup}").status_code == 403
    with app.test_request_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Introduction)) == 0


def test_a_corporate_can_only_request_for_its_own_needs(app, pair, make_user, client):
    make_user(Role.CORPORATE, email="other@corp.example")
    client.login("other@corp.example")
    response = client.submit(f"/introductions/request/{pair.need}/{pair.startup}")
    assert response.status_code == 404


def test_open_proposals_per_corporate_are_capped(make_app, make_user):
    app = make_app(MAX_OPEN_INTRODUCTIONS_PER_CORPORATE=1)
    staff = make_user(Role.STAFF)
    corporate_user = make_user(Role.CORPORATE)
    corporate = validated_organization(app, corporate_user, PAIR_CORPORATE_PROFILE)
    with app.test_request_context():
        need = profiles.save_need(
            db.session.get(Organization, corporate), NeedData(title="Battery packs")
        )
        need.review_status = ProfileStatus.APPROVED
        db.session.commit()
        need_id = need.id
    first = add_startup(app, make_user, "First", 0.9, need_id)
    second = add_startup(app, make_user, "Second", 0.8, need_id)
    with app.test_request_context():
        need = db.session.get(Need, need_id)
        staff_user = db.session.get(User, staff)
        service.approve_pair(need, db.session.get(Organization, first), staff_user)
        with pytest.raises(service.IntroductionRefused, match="limit is 1"):
            service.approve_pair(need, db.session.get(Organization, second), staff_user)


# --- double opt-in -----------------------------------------------------------------------


def test_the_whole_opt_in_by_mail_links(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    [startup_link] = answer_links(outbox())
    page = client.get(startup_link).get_data(as_text=True)
    assert "Yes, introduce us" in page
    assert "lena@voltcell.example" not in page and "yamada@" not in page

    response = client.submit(startup_link, {"accept-submit": "1"})
    assert response.status_code == 302
    assert introduction_state(app, introduction_id)["status"] is S.STARTUP_ACCEPTED
    corporate_mail = outbox()[-1]
    assert corporate_mail["To"] == "yamada@kansai-auto.example"
    corporate_link = answer_links([corporate_mail])[0]

    # The used link does nothing and says so.
    again = client.submit(startup_link, {"accept-submit": "1"})
    assert "already been answered" in again.get_data(as_text=True)

    client.submit(corporate_link, {"accept-submit": "1"})
    state = introduction_state(app, introduction_id)
    assert state["status"] is S.CORPORATE_ACCEPTED
    assert [event[2] for event in state["events"]] == [
        S.APPROVED,
        S.STARTUP_ACCEPTED,
        S.CORPORATE_ACCEPTED,
    ]
    with app.test_request_context():
        labels = [
            event.actor_label for event in db.session.get(Introduction, introduction_id).events
        ]
    assert labels[1] == "VoltCell Robotics (mail link)"


def test_a_tampered_link_does_nothing(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    [link] = answer_links(outbox())
    response = client.submit(link[:-3] + "abc", {"accept-submit": "1"})
    assert response.status_code == 400
    assert "not valid" in response.get_data(as_text=True)
    assert introduction_state(app, introduction_id)["status"] is S.APPROVED


def test_the_corporate_cannot_answer_before_the_startup(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("yamada@kansai-auto.example")
    client.submit(f"/introductions/{introduction_id}/accept", {"accept-submit": "1"})
    assert introduction_state(app, introduction_id)["status"] is S.APPROVED


def test_a_startup_cannot_answer_for_another(app, pair, make_user, client):
    introduction_id = approve(app, pair)
    make_user(Role.STARTUP, email="someone@else.example")
    client.login("someone@else.example")
    assert client.get(f"/introductions/{introduction_id}").status_code == 404
    response = client.submit(f"/introductions/{introduction_id}/accept", {"accept-submit": "1"})
    assert response.status_code == 404
    assert introduction_state(app, introduction_id)["status"] is S.APPROVED


def test_declining_in_the_app_needs_a_reason_and_is_final(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("lena@voltcell.example")
    response = client.submit(f"/introductions/{introduction_id}/decline", {"decline-reason": ""})
    assert response.status_code == 400
    assert introduction_state(app, introduction_id)["status"] is S.APPROVED
    client.submit(
        f"/introductions/{introduction_id}/decline",
        {"decline-reason": "no_capacity", "decline-comment": "Busy until spring."},
    )
    state = introduction_state(app, introduction_id)
    assert state["status"] is S.DECLINED
    assert state["events"][-1] == ("transition", S.APPROVED, S.DECLINED, "no_capacity")


def test_a_double_click_gives_one_transition_and_one_mail(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    client.login("lena@voltcell.example")
    version = introduction_state(app, introduction_id)["version"]
    for _ in range(2):
        client.submit(
            f"/introductions/{introduction_id}/accept",
            {"accept-submit": "1", "accept-version": str(version)},
        )
    state = introduction_state(app, introduction_id)
    assert [event[2] for event in state["events"]].count(S.STARTUP_ACCEPTED) == 1
    assert [m["To"] for m in outbox()].count("yamada@kansai-auto.example") == 1


def test_a_question_reaches_the_owner(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    client.login("lena@voltcell.example")
    client.submit(
        f"/introductions/{introduction_id}/question",
        {"question-question": "Is the company's HQ involved?"},
    )
    message = outbox()[-1]
    assert message["To"] == "anna@japandesk.example"
    assert "Is the company's HQ involved?" in mail_body(message)
    assert introduction_state(app, introduction_id)["events"][-1][0] == "question"


def test_contacts_stay_hidden_until_both_accepted(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("yamada@kansai-auto.example")
    page = client.get(f"/introductions/{introduction_id}").get_data(as_text=True)
    assert "lena@voltcell.example" not in page
    answer(app, introduction_id, "startup")
    page = client.get(f"/introductions/{introduction_id}").get_data(as_text=True)
    assert "lena@voltcell.example" not in page
    answer(app, introduction_id, "corporate")
    page = client.get(f"/introductions/{introduction_id}").get_data(as_text=True)
    assert "lena@voltcell.example" in page


def test_startups_do_not_see_requests_before_staff_approve(app, pair, client):
    with app.test_request_context():
        need, startup, _ = _get(app, pair)
        introduction = service.request_introduction(
            need, startup, db.session.get(User, pair.corporate_user)
        )
        introduction_id = introduction.id
    client.login("lena@voltcell.example")
    assert client.get(f"/introductions/{introduction_id}").status_code == 404
    assert "Kansai" not in client.get("/introductions/").get_data(as_text=True)


# --- the introduction, meeting and outcome ----------------------------------------------------


def test_introduction_mail_in_each_recipients_language(app, pair, outbox):
    with app.test_request_context():
        db.session.get(User, pair.corporate_user).locale = "ja"
        db.session.commit()
    introduction_id = introduce(app, pair)
    first, second = outbox()[-2:]
    by_recipient = {message["To"]: message for message in (first, second)}
    startup_mail = by_recipient["lena@voltcell.example"]
    corporate_mail = by_recipient["yamada@kansai-auto.example"]
    assert startup_mail["Subject"].startswith("Introduction:")
    assert corporate_mail["Subject"].startswith("ご紹介")
    corporate_body = mail_body(corporate_mail)
    # Japanese greeting, the common part in the shared language (English).
    assert "ジャパンデスク" in corporate_body and "英語" in corporate_body
    assert "Suggested next step" in corporate_body
    for body in (mail_body(startup_mail), corporate_body):
        assert "lena@voltcell.example" in body and "yamada@kansai-auto.example" in body
    assert introduction_state(app, introduction_id)["status"] is S.INTRODUCED


def test_staff_can_edit_the_introduction_before_sending(app, pair, client, outbox):
    introduction_id = both_accept(app, pair)
    client.login("anna@japandesk.example")
    page = client.get(f"/staff/introductions/{introduction_id}").get_data(as_text=True)
    assert "Suggested next step" in page
    response = client.submit(
        f"/staff/introductions/{introduction_id}/introduce", {"language": "en", "text": " "}
    )
    assert response.status_code == 400
    client.submit(
        f"/staff/introductions/{introduction_id}/introduce",
        {"language": "de", "text": "Liebe beide, bitte sprechen Sie miteinander."},
    )
    assert "Liebe beide" in mail_body(outbox()[-1])
    assert introduction_state(app, introduction_id)["status"] is S.INTRODUCED


def test_meeting_sends_an_ics_and_an_update(app, pair, client, outbox):
    introduction_id = introduce(app, pair)
    client.login("lena@voltcell.example")
    form = {
        "meeting-day": "2026-12-03",
        "meeting-time": "10:00",
        "meeting-timezone": "Europe/Berlin",
        "meeting-duration_minutes": "45",
        "meeting-video_url": "https://meet.example/abc",
        "meeting-needs_interpreter": "y",
        "meeting-interpreter_languages": ["ja", "de"],
    }
    assert client.submit(f"/introductions/{introduction_id}/meeting", form).status_code == 302
    invitations = [m for m in outbox() if m["Subject"].startswith(("Meeting", "Termin", "ミー"))]
    assert len(invitations) == 2
    ics = next(part for part in invitations[0].iter_attachments()).get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "DTSTART:20261203T090000Z" in ics  # 10:00 in Berlin is 09:00 UTC in December
    assert "SEQUENCE:0" in ics and "METHOD:REQUEST" in ics

    form["meeting-time"] = "11:30"
    client.submit(f"/introductions/{introduction_id}/meeting", form)
    update = outbox()[-1]
    ics = next(update.iter_attachments()).get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "SEQUENCE:1" in ics and "DTSTART:20261203T103000Z" in ics
    assert client.get(f"/introductions/{introduction_id}/meeting.ics").status_code == 200


def test_bad_meeting_input_changes_nothing(app, pair, client, outbox):
    introduction_id = introduce(app, pair)
    client.login("lena@voltcell.example")
    sent = len(outbox())
    for form in (
        {"meeting-day": "2026-12-03", "meeting-time": "10:00", "meeting-timezone": "Mars/Base"},
        {
            "meeting-day": "2026-12-03",
            "meeting-time": "10:00",
            "meeting-timezone": "UTC",
            "meeting-duration_minutes": "60",
        },  # neither place nor link
        {"meeting-day": "soon", "meeting-time": "10:00", "meeting-timezone": "UTC"},
    ):
        assert client.submit(f"/introductions/{introduction_id}/meeting", form).status_code == 400
    assert len(outbox()) == sent
    with app.test_request_context():
        assert db.session.get(Introduction, introduction_id).meeting is None


def test_a_meeting_date_at_the_calendars_end_is_refused(app, pair, client, outbox):
    # Year 9999 in New York is beyond what UTC can hold; year 1 cannot be written to an
    # invitation: both were errors (one after the meeting was saved).
    introduction_id = introduce(app, pair)
    client.login("lena@voltcell.example")
    sent = len(outbox())
    for day, zone in (
        ("9999-12-31", "America/New_York"),
        ("9999-12-31", "UTC"),
        ("0001-01-01", "Asia/Tokyo"),
    ):
        form = {"meeting-day": day, "meeting-time": "23:59", "meeting-timezone": zone}
        form |= {
            "meeting-video_url": "https://meet.example.org/a",
            "meeting-duration_minutes": "60",
        }
        response = client.submit(f"/introductions/{introduction_id}/meeting", form)
        assert response.status_code == 400
        assert "within five years" in response.text
    assert len(outbox()) == sent
    with app.test_request_context():
        assert db.session.get(Introduction, introduction_id).meeting is None


def test_a_refusal_is_said_in_the_viewers_language(app, pair, client):
    introduction_id = introduce(app, pair)
    client.login("lena@voltcell.example")
    form = {"meeting-day": "2026-12-03", "meeting-time": "10:00", "meeting-timezone": "UTC"}
    form["meeting-duration_minutes"] = "60"  # neither place nor link
    for language, message in (
        ("ja", "場所またはビデオ会議のリンクを入力してください。"),
        ("de", "Geben Sie einen Ort oder einen Videolink an."),
    ):
        response = client.submit(
            f"/introductions/{introduction_id}/meeting",
            form,
            headers={"Accept-Language": language},
        )
        assert message in response.get_data(as_text=True)


def test_a_version_written_in_other_digits_is_no_error(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("lena@voltcell.example")
    response = client.submit(
        f"/introductions/{introduction_id}/accept", {"accept-version": "\u00b2"}
    )
    assert response.status_code in (302, 400)


def test_meeting_held_and_outcome(app, pair, client):
    introduction_id = introduce(app, pair)
    client.login("anna@japandesk.example")
    client.submit(f"/staff/introductions/{introduction_id}/meeting-held", {"held-submit": "1"})
    assert introduction_state(app, introduction_id)["status"] is S.MEETING_HELD
    client.submit(
        f"/staff/introductions/{introduction_id}/outcome",
        {"outcome": "pilot", "comment": "Pilot in Q2."},
    )
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        assert introduction.status is S.CONCLUDED
        assert introduction.outcome is Outcome.PILOT
    page = client.get(f"/staff/introductions/{introduction_id}").get_data(as_text=True)
    assert "Pilot in Q2." in page  # the history shows the why


def test_staff_pipeline_counts_each_stage(app, pair, make_user, client):
    introduce(app, pair)
    other = add_startup(app, make_user, "Other One", 0.6, pair.need)
    with app.test_request_context():
        need, _, staff = _get(app, pair)
        service.reject_pair(
            need, db.session.get(Organization, other), staff, DecisionReason.NOT_RELEVANT
        )
    client.login("anna@japandesk.example")
    page = client.get("/staff/introductions").get_data(as_text=True)
    assert re.search(r'id="count-introduced">1<', page)
    assert re.search(r'id="count-rejected">1<', page)
    page = client.get("/staff/introductions?status=rejected").get_data(as_text=True)
    assert "Other One" in page and "VoltCell" not in page


def test_handling_changes_are_logged(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("anna@japandesk.example")
    client.submit(
        f"/staff/introductions/{introduction_id}/handling",
        {
            "owner": str(pair.staff),
            "next_action": "Call Yamada-san",
            "next_action_on": "2026-12-01",
            "notes": "Prefers Japanese.",
        },
    )
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        assert introduction.next_action_on == date(2026, 12, 1)
        assert introduction.events[-1].kind == "handling"
    response = client.submit(f"/staff/introductions/{introduction_id}/handling", {"owner": "99999"})
    assert response.status_code == 400


# --- tick: reminders, expiry, due actions, feedback ---------------------------------------------


def run_tick(app, days: float):
    with app.test_request_context():
        return service.tick(utcnow() + timedelta(days=days))


def test_tick_reminds_after_3_and_7_days_and_expires_after_14(app, pair, outbox):
    introduction_id = approve(app, pair)
    assert run_tick(app, 1).reminders == 0
    assert run_tick(app, 3.1).reminders == 1
    assert run_tick(app, 3.2).reminders == 0  # idempotent
    assert run_tick(app, 7.1).reminders == 1
    assert run_tick(app, 7.2).reminders == 0
    reminders = [m for m in outbox() if m["Subject"].startswith("Reminder")]
    assert len(reminders) == 2
    result = run_tick(app, 14.1)
    assert result.expired == 1
    assert run_tick(app, 14.2).expired == 0
    state = introduction_state(app, introduction_id)
    assert state["status"] is S.EXPIRED
    assert state["events"][-1][1:3] == (S.APPROVED, S.EXPIRED)


def set_status(app, organization_id: int, status: ProfileStatus, staff_id: int) -> None:
    """Staff suspend (with a reason) or reinstate an organisation."""
    with app.test_request_context():
        organization = db.session.get(Organization, organization_id)
        staff = db.session.get(User, staff_id)
        if status is ProfileStatus.SUSPENDED:
            profiles.suspend_profile(organization, staff, "Fake company.")
        else:
            organization.status = status
            db.session.commit()


def test_a_pair_with_a_suspended_side_is_on_hold_and_reveals_nothing(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    [startup_link] = answer_links(outbox())
    client.submit(startup_link, {"accept-submit": "1"})
    [corporate_link] = answer_links(outbox()[-1:])
    # Staff find the company is fake and suspend it before it answers.
    set_status(app, pair.corporate, ProfileStatus.SUSPENDED, pair.staff)

    page = client.get(corporate_link).get_data(as_text=True)
    assert "on hold" in page and "Yes, introduce us" not in page
    client.submit(corporate_link, {"accept-submit": "1"})
    with pytest.raises(service.IntroductionRefused, match="on hold"):
        answer(app, introduction_id, "corporate")
    assert introduction_state(app, introduction_id)["status"] is S.STARTUP_ACCEPTED
    client.login("yamada@kansai-auto.example")
    page = client.get(f"/introductions/{introduction_id}").get_data(as_text=True)
    assert "On hold" in page and "lena@voltcell.example" not in page
    sent = len(outbox())
    assert run_tick(app, 3.1).reminders == 0 and len(outbox()) == sent

    staff = app.test_client()
    staff.login("anna@japandesk.example")
    assert "On hold: the company or the startup is suspended" in staff.get(
        f"/staff/introductions/{introduction_id}"
    ).get_data(as_text=True)

    # Reinstated, the pair goes on where it stood.
    set_status(app, pair.corporate, ProfileStatus.APPROVED, pair.staff)
    answer(app, introduction_id, "corporate")
    assert introduction_state(app, introduction_id)["status"] is S.CORPORATE_ACCEPTED


def test_contacts_of_an_introduced_pair_are_hidden_while_a_side_is_suspended(app, pair, client):
    introduction_id = introduce(app, pair)
    client.login("yamada@kansai-auto.example")
    assert "lena@voltcell.example" in client.get(f"/introductions/{introduction_id}").text
    set_status(app, pair.startup, ProfileStatus.SUSPENDED, pair.staff)
    assert "lena@voltcell.example" not in client.get(f"/introductions/{introduction_id}").text
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        assert introduction.is_on_hold and not introduction.contacts_revealed


def test_reminder_clock_restarts_for_the_corporate(app, pair, outbox):
    introduction_id = approve(app, pair)
    answer(app, introduction_id, "startup")
    assert run_tick(app, 2).reminders == 0
    result = run_tick(app, 3.1)
    assert result.reminders == 1
    assert outbox()[-1]["To"] == "yamada@kansai-auto.example"


def test_tick_reminds_staff_of_due_next_actions_once(app, pair, outbox):
    introduction_id = approve(app, pair)
    with app.test_request_context():
        introduction = db.session.get(Introduction, introduction_id)
        service.update_handling(
            introduction,
            db.session.get(User, pair.staff),
            db.session.get(User, pair.staff),
            "Call the startup",
            date.today(),
            "",
        )
    assert run_tick(app, 0).next_action_reminders == 1
    assert run_tick(app, 0).next_action_reminders == 0
    assert "Call the startup" in mail_body(outbox()[-1])


def test_tick_asks_for_feedback_after_the_meeting_and_after_3_and_6_months(
    app, pair, client, outbox
):
    introduction_id = introduce(app, pair)
    with app.test_request_context():
        service.mark_meeting_held(
            db.session.get(Introduction, introduction_id),
            Actor.of(db.session.get(User, pair.staff)),
        )
    assert run_tick(app, 0).feedback_requests == 0
    assert run_tick(app, 1.1).feedback_requests == 1
    assert run_tick(app, 1.2).feedback_requests == 0
    feedback_mails = outbox()[-2:]
    assert {m["To"] for m in feedback_mails} == {
        "lena@voltcell.example",
        "yamada@kansai-auto.example",
    }
    link = link_in(next(m for m in feedback_mails if m["To"] == "lena@voltcell.example"))
    assert client.get(link).status_code == 200
    client.submit(link, {"outcome": "in_discussion", "comment": "Second call next week."})
    with app.test_request_context():
        event = db.session.get(Introduction, introduction_id).events[-1]
        assert (event.kind, event.reason) == ("feedback", "in_discussion")
    assert run_tick(app, 92).feedback_requests == 1
    assert run_tick(app, 183).feedback_requests == 1
    assert run_tick(app, 400).feedback_requests == 0


def test_tick_command_reports_what_it_did(app, pair, runner):
    approve(app, pair)
    result = runner.invoke(args=["introductions", "tick"])
    assert result.exit_code == 0
    assert "0 reminders" in result.output


# --- audit log and notifications ------------------------------------------------------------


def test_the_audit_log_cannot_lose_rows_through_the_orm(app, pair):
    introduction_id = approve(app, pair)
    with app.test_request_context():
        count = db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionEvent))
        introduction = db.session.get(Introduction, introduction_id)
        db.session.delete(introduction)
        with pytest.raises(sa.exc.IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionEvent)) == count


def test_parties_get_notifications(app, pair, client):
    introduction_id = approve(app, pair)
    client.login("lena@voltcell.example")
    page = client.get("/introductions/notifications").get_data(as_text=True)
    assert "Your answer is needed" in page
    assert f"/introductions/{introduction_id}" in page
    client.submit("/introductions/notifications")
    page = client.get("/startup/").get_data(as_text=True)
    assert "unread" not in page
    client.logout()
    client.login("yamada@kansai-auto.example")
    page = client.get("/introductions/notifications").get_data(as_text=True)
    assert "Your answer is needed" not in page


# --- the parties' and staff's overview pages ------------------------------------------------


def test_corporate_sees_its_ranked_startups_and_requests_from_there(app, pair, client):
    client.login("yamada@kansai-auto.example")
    page = client.get("/corporate/").get_data(as_text=True)
    assert "VoltCell Robotics" in page
    assert "Request introduction" in page
    assert "lena@voltcell.example" not in page
    client.submit(f"/introductions/request/{pair.need}/{pair.startup}", {})
    page = client.get("/corporate/").get_data(as_text=True)
    assert "Requested, waiting for the Japan Desk" in page


def test_startup_dashboard_says_an_answer_is_needed(app, pair, client):
    approve(app, pair)
    client.login("lena@voltcell.example")
    page = client.get("/startup/").get_data(as_text=True)
    assert "1 proposal is waiting for your answer." in page
    assert "Kansai" not in page  # the company keeps its name private


def test_staff_dashboard_counts_stages_and_lists_due_actions(app, pair, client):
    introduction_id = approve(app, pair)
    with app.test_request_context():
        staff = db.session.get(User, pair.staff)
        service.update_handling(
            db.session.get(Introduction, introduction_id),
            staff,
            staff,
            "Call Yamada-san",
            date.today(),
            "",
        )
    client.login("anna@japandesk.example")
    page = client.get("/staff/").get_data(as_text=True)
    assert "Call Yamada-san" in page
    assert "Review queue" in page


def test_account_manager_owns_new_introductions(app, pair, client):
    client.login("anna@japandesk.example")
    client.submit(
        f"/staff/organizations/{pair.corporate}/account-manager", {"manager": str(pair.staff)}
    )
    page = client.get(f"/staff/queue?owner={pair.staff}").get_data(as_text=True)
    assert "VoltCell" in page
    with app.test_request_context():
        need, startup, _ = _get(app, pair)
        introduction = service.request_introduction(
            need, startup, db.session.get(User, pair.corporate_user)
        )
        assert introduction.owner_id == pair.staff


def test_the_data_download_lists_the_organisations_introductions(app, pair, client):
    approve(app, pair)
    client.login("lena@voltcell.example")
    data = client.get("/profile/data.json").get_json()
    [row] = data["introductions"]
    assert row["status"] == "approved"
    assert row["with"] is None  # the company keeps its name private until both accept


# --- paths found untested on review ---------------------------------------------------------


def test_a_question_can_be_asked_from_the_mailed_link(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    [link] = answer_links(outbox())
    response = client.submit(
        link, {"question-question": "Does the HQ decide?", "question-submit": "1"}
    )
    assert response.status_code == 302
    state = introduction_state(app, introduction_id)
    assert state["status"] is S.APPROVED  # a question answers nothing
    assert state["events"][-1][0] == "question"
    assert "Does the HQ decide?" in mail_body(outbox()[-1])


def test_feedback_can_be_given_in_the_app(app, pair, client):
    introduction_id = introduce(app, pair)
    client.login("lena@voltcell.example")
    response = client.submit(
        f"/introductions/{introduction_id}/feedback", {"feedback-outcome": "bogus"}
    )
    assert response.status_code == 400
    client.submit(
        f"/introductions/{introduction_id}/feedback",
        {"feedback-outcome": "pilot", "feedback-comment": "Pilot agreed."},
    )
    assert introduction_state(app, introduction_id)["events"][-1][0::3] == ("feedback", "pilot")


def test_staff_can_ask_an_expired_pair_again(app, pair, client, outbox):
    introduction_id = approve(app, pair)
    run_tick(app, 15)
    assert introduction_state(app, introduction_id)["status"] is S.EXPIRED
    client.login("anna@japandesk.example")
    client.submit(f"/staff/introductions/{introduction_id}/approve")
    assert introduction_state(app, introduction_id)["status"] is S.APPROVED
    assert outbox()[-1]["To"] == "lena@voltcell.example"
    assert run_tick(app, 1).expired == 0  # the clock starts again
