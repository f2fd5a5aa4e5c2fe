"""The whole introduction path (issue #5) in the browser: a corporate requests an
introduction, staff approve, both sides accept from the mailed links, staff send the
introduction, the startup records the meeting and staff record the outcome."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from matchmaker.extensions import db
from matchmaker.models import Organization, ProfileStatus, Role
from matchmaker.services import profiles
from matchmaker.services.mail import read_outbox
from matchmaker.services.profiles import NeedData, ProfileData
from tests.browser.conftest import log_in, screenshot
from tests.conftest import mail_body
from tests.factories import store_match, validated_organization

STAFF_LOGIN = "anna@japandesk.example"
CORPORATE_LOGIN = "taro.yamada@kansai-auto.example"
STARTUP_LOGIN = "lena@voltcell.example"
# The contacts the organisations publish differ from the logins: the introduction mail
# must carry the published contacts, not merely be addressed to the users.
CORPORATE_CONTACT = "partnering@kansai-auto.example"
STARTUP_CONTACT = "hello@voltcell.example"
NEED = "Battery management for delivery vans"


def set_up_pair(app, make_user) -> None:
    """A validated corporate with an approved need, a validated startup ranked for it, a
    better-ranked second startup (so that the request has to be sorted first) and staff."""
    make_user(Role.STAFF, email=STAFF_LOGIN)
    corporate_user = make_user(
        Role.CORPORATE, email=CORPORATE_LOGIN, organization_name="Kansai Auto Europe"
    )
    corporate = validated_organization(
        app,
        corporate_user,
        ProfileData(
            name="Kansai Auto Europe",
            description="European office of a Japanese automotive supplier.",
            industries=("automotive",),
            languages=("en", "ja"),
            contact_name="Taro Yamada",
            contact_email=CORPORATE_CONTACT,
        ),
    )
    with app.test_request_context():
        need = profiles.save_need(
            db.session.get(Organization, corporate),
            NeedData(title=NEED, description="Longer range for our electric delivery vans."),
        )
        need.review_status = ProfileStatus.APPROVED
        db.session.commit()
        need_id = need.id
    startups = (
        ("VoltCell Robotics", STARTUP_LOGIN, STARTUP_CONTACT, 0.82),
        ("Rhein Sensorik", "jan@rhein-sensorik.example", "info@rhein-sensorik.example", 0.95),
    )
    for name, login, contact, score in startups:
        user = make_user(Role.STARTUP, email=login, organization_name=name)
        startup = validated_organization(
            app,
            user,
            ProfileData(
                name=name,
                description="Battery management systems for electric delivery vans.",
                offers="Battery management software.",
                city="Duesseldorf",
                country="DE",
                industries=("automotive",),
                languages=("en", "de"),
                contact_name="Lena Vogel",
                contact_email=contact,
                contact_phone="+49 211 1234567",
            ),
        )
        store_match(app, need_id, startup, score)


def mails_to(app, address: str, subject: str) -> list[EmailMessage]:
    return [
        message
        for message in read_outbox(Path(app.config["MAIL_OUTBOX_DIR"]))
        if message["To"] == address and message["Subject"].startswith(subject)
    ]


def answer_link(message: EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/introductions/answer/\S+)", mail_body(message))
    assert match, "the proposal mail carries an answer link"
    return match.group(1)


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a browser context of its own (no shared cookies), as another person
    would; console errors fail the test as they do for `page`."""
    contexts, errors = [], []

    def open_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        contexts.append(context)
        other = context.new_page()
        other.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        other.on("pageerror", lambda exc: errors.append(str(exc)))
        return other

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], errors


def test_introduction_from_request_to_outcome(app, page, new_page, make_user):
    set_up_pair(app, make_user)

    # 1. The corporate asks for VoltCell from its dashboard.
    corporate = page
    log_in(corporate, CORPORATE_LOGIN)
    expect(corporate.get_by_text("Company dashboard")).to_be_visible()
    need_card = corporate.locator(".card", has=corporate.get_by_role("heading", name=NEED))
    row = need_card.get_by_role("listitem").filter(has_text="VoltCell Robotics")
    expect(row).to_contain_text("Both work on battery management")
    row.locator("summary", has_text="Request introduction").click()
    request_form = row.locator(
        "form", has=corporate.get_by_role("button", name="Request introduction")
    )
    request_form.get_by_label("Anything the Japan Desk should know").fill(
        "We met VoltCell at The Battery Show in Stuttgart."
    )
    request_form.get_by_role("button", name="Request introduction").click()
    expect(
        corporate.get_by_text("Request sent: the Japan Desk will look at VoltCell")
    ).to_be_visible()
    row = need_card.get_by_role("listitem").filter(has_text="VoltCell Robotics")
    expect(row.get_by_text("Requested, waiting for the Japan Desk")).to_be_visible()

    # 2. Staff find the request at the top of the review queue and approve it.
    staff = new_page()
    log_in(staff, STAFF_LOGIN)
    staff.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Review queue"
    ).click()
    section = staff.get_by_role("region", name=NEED)
    # One list item per pair; the reasons inside them are list items too, without buttons.
    pairs = section.get_by_role("listitem").filter(has=staff.get_by_role("button", name="Approve"))
    first = pairs.first
    expect(first).to_contain_text("Requested by the company")
    expect(first).to_contain_text("VoltCell Robotics")
    expect(first).to_contain_text("We met VoltCell at The Battery Show in Stuttgart.")
    # The better-ranked startup nobody asked for comes after the request.
    expect(pairs.nth(1)).to_contain_text("Rhein Sensorik")
    screenshot(staff, "staff-review-queue")
    first.get_by_role("button", name="Approve").click()
    expect(staff.get_by_text("Approved: the startup is asked first.")).to_be_visible()

    # 3. The startup answers from its mail, without logging in and without learning who
    # the company is; then the corporate does.
    [proposal] = mails_to(app, STARTUP_LOGIN, "A partnership proposal")
    link_page = new_page()
    link_page.goto(answer_link(proposal))
    expect(link_page.get_by_role("heading", level=1)).to_contain_text("A Japanese company")
    expect(link_page.get_by_role("main")).to_contain_text(NEED)
    expect(link_page.get_by_role("main")).to_contain_text("Both work on battery management")
    expect(link_page.get_by_role("main")).not_to_contain_text(CORPORATE_CONTACT)
    expect(link_page.get_by_role("main")).not_to_contain_text("Kansai")
    expect(link_page.get_by_role("heading", name="Contact", exact=True)).to_have_count(0)
    screenshot(link_page, "startup-opt-in")
    link_page.get_by_role("button", name="Yes, introduce us").click()
    expect(link_page.get_by_role("heading", name="Thank you")).to_be_visible()

    [proposal] = mails_to(app, CORPORATE_LOGIN, "A partnership proposal")
    assert "VoltCell Robotics" in mail_body(proposal)
    link_page = new_page()
    link_page.goto(answer_link(proposal))
    expect(link_page.get_by_role("heading", level=1)).to_contain_text("VoltCell Robotics")
    link_page.get_by_role("button", name="Yes, introduce us").click()
    expect(link_page.get_by_role("heading", name="Thank you")).to_be_visible()

    # 4. Staff send the pre-filled introduction from the pipeline.
    staff.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Pipeline"
    ).click()
    staff.get_by_role("row", name=re.compile("VoltCell Robotics")).get_by_role(
        "link", name="Kansai Auto Europe"
    ).click()
    expect(staff.get_by_role("heading", level=1)).to_contain_text(
        "Kansai Auto Europe × VoltCell Robotics"
    )
    text = staff.get_by_label("Introduction text (both sides receive it)")
    for expected in ("Suggested next step", CORPORATE_CONTACT, STARTUP_CONTACT):
        expect(text).to_have_value(re.compile(re.escape(expected)))
    screenshot(staff, "staff-introduction")
    staff.get_by_role("button", name="Send the introduction").click()
    expect(staff.get_by_text("The introduction was sent to both sides.")).to_be_visible()
    for login in (STARTUP_LOGIN, CORPORATE_LOGIN):
        [introduction_mail] = mails_to(app, login, "Introduction:")
        body = mail_body(introduction_mail)
        assert CORPORATE_CONTACT in body and STARTUP_CONTACT in body, login

    # 5. The startup sees the company's contact now and records the agreed meeting.
    startup = new_page()
    log_in(startup, STARTUP_LOGIN)
    startup.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Introductions"
    ).click()
    startup.get_by_role("link", name="Kansai Auto Europe").click()
    contact = startup.locator(
        "section", has=startup.get_by_role("heading", name="Contact", exact=True)
    )
    expect(contact).to_contain_text("Taro Yamada")
    expect(contact.get_by_role("link", name=CORPORATE_CONTACT)).to_be_visible()

    day = date.today() + timedelta(days=30)
    startup.locator("summary", has_text="Record the agreed meeting").click()
    meeting_form = startup.locator(
        "form", has=startup.get_by_role("button", name="Save meeting and send invitations")
    )
    meeting_form.get_by_label("Date").fill(day.isoformat())
    meeting_form.get_by_label("Time", exact=True).fill("10:00")
    meeting_form.get_by_label("Time zone").select_option("Europe/Berlin")
    meeting_form.get_by_label("Video link").fill("https://meet.example/voltcell-kansai")
    meeting_form.get_by_label("An interpreter is needed").check()
    meeting_form.get_by_role("group", name="Interpreter languages").get_by_label("日本語").check()
    meeting_form.get_by_role("button", name="Save meeting and send invitations").click()
    expect(startup.get_by_text("Meeting saved; both sides received")).to_be_visible()
    meeting = startup.locator(
        "section", has=startup.get_by_role("heading", name="Meeting", exact=True)
    )
    # Written the viewer's way (English here), in the zone the parties agreed on.
    expect(meeting).to_contain_text(f"{day:%b} {day.day}, {day.year} 10:00 AM (Europe/Berlin)")
    expect(meeting.get_by_role("link", name="https://meet.example/voltcell-kansai")).to_be_visible()
    expect(meeting).to_contain_text("Interpreter")

    starts_at = datetime.combine(day, time(10, 0), ZoneInfo("Europe/Berlin")).astimezone(UTC)
    for login in (STARTUP_LOGIN, CORPORATE_LOGIN):
        [invitation] = mails_to(app, login, "Meeting:")
        [ics] = [
            part
            for part in invitation.iter_attachments()
            if part.get_content_type() == "text/calendar"
        ]
        content = ics.get_content()
        content = content.decode() if isinstance(content, bytes) else content
        content = content.replace("\r\n ", "")  # unfold long lines (RFC 5545)
        assert f"DTSTART:{starts_at:%Y%m%dT%H%M%SZ}" in content, login
        assert "meet.example/voltcell-kansai" in content, login
        assert "Interpreter: Japanese" in content, login

    # 6. Staff record that the meeting took place and its outcome.
    staff.reload()
    staff.get_by_role("button", name="The meeting took place").click()
    expect(staff.get_by_text("Recorded: the meeting took place.")).to_be_visible()
    outcome_form = staff.locator("form", has=staff.get_by_role("button", name="Record outcome"))
    outcome_form.get_by_label("Outcome").select_option(label="Pilot project")
    outcome_form.get_by_label("Comment").fill("Pilot with two vans in Q2.")
    outcome_form.get_by_role("button", name="Record outcome").click()
    expect(staff.get_by_text("Outcome recorded.")).to_be_visible()
    expect(staff.get_by_role("heading", level=1)).to_contain_text("Outcome recorded")
    expect(staff.locator("p", has_text="Outcome:")).to_contain_text("Pilot project")
    history = staff.locator("ol.history").get_by_role("listitem")
    expect(history).to_contain_text(
        [
            "— → Requested",
            "Requested → Approved",
            "Approved → Startup accepted",
            "Startup accepted → Company accepted",
            "Company accepted → Introduced",
            "Meeting planned",
            "Introduced → Meeting held",
            "Meeting held → Outcome",
        ]
    )
    expect(history.filter(has_text="Approved → Startup accepted")).to_contain_text(
        "VoltCell Robotics (mail link)"
    )
    expect(history.last).to_contain_text("Pilot project")
    expect(history.last).to_contain_text("Pilot with two vans in Q2.")
