"""Accessibility and phone layout of the main pages (issue #6), audited in headless Chromium.

Every role's main pages are visited with realistic data (introductions in states that show
their forms, a pair in the review queue, an organisation waiting for review) and checked by
small scripts in the page: labelled form fields, alt texts, a language, one h1 and no
skipped heading levels, named buttons and links, unique ids, no sideways scrolling on a
phone. Each test collects one kind of problem across all pages and reports them at once,
so one run shows everything that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from matchmaker.extensions import db
from matchmaker.models import Need, Organization, OrganizationKind, ProfileStatus, Role, User
from matchmaker.services import introductions
from matchmaker.services.introductions import Actor
from matchmaker.services.profiles import ProfileData
from tests.conftest import PASSWORD
from tests.factories import (
    PAIR_CORPORATE_PROFILE,
    PAIR_STARTUP_PROFILE,
    add_need,
    add_startup,
    give_profile,
    store_match,
    validated_organization,
)

STAFF_LOGIN = "anna@japandesk.example"
ADMIN_LOGIN = "admin@japandesk.example"
CORPORATE_LOGIN = "yamada@kansai-auto.example"
STARTUP_LOGIN = "lena@voltcell.example"
OTHER_COMPANY = "Rhein-Nippon Chemicals"
PHONE = {"width": 375, "height": 740}

# Whose pages, by login (None: nobody is logged in).
Pages = dict[str | None, list[str]]


def set_up_site(app, make_user) -> Pages:
    """Two companies with needs, five startups and introductions in the states whose pages
    carry forms; returns the pages to audit for each login."""
    staff = make_user(Role.STAFF, email=STAFF_LOGIN)
    make_user(Role.ADMIN, email=ADMIN_LOGIN)
    corporate_user = make_user(
        Role.CORPORATE, email=CORPORATE_LOGIN, organization_name=PAIR_CORPORATE_PROFILE.name
    )
    validated_organization(app, corporate_user, PAIR_CORPORATE_PROFILE)
    other_user = make_user(Role.CORPORATE, organization_name=OTHER_COMPANY)
    other = validated_organization(
        app,
        other_user,
        ProfileData(
            name=OTHER_COMPANY,
            description="Chemicals for battery makers, from a Japanese group.",
            industries=("chemicals",),
            languages=("ja", "en"),
            contact_name="Suzuki Hanako",
            contact_email="partnering@rhein-nippon.example",
            is_name_public=True,
        ),
    )
    startup_user = make_user(
        Role.STARTUP, email=STARTUP_LOGIN, organization_name=PAIR_STARTUP_PROFILE.name
    )
    startup = validated_organization(app, startup_user, PAIR_STARTUP_PROFILE)
    need = add_need(
        app,
        corporate_user,
        title="Battery management for delivery vans",
        description="Longer range for our electric delivery vans, with a pilot in Europe.",
    )
    other_need = add_need(
        app,
        other_user,
        title="Recycling of lithium-ion cells",
        description="Partners who recover lithium and cobalt from used cells.",
    )
    add_need(
        app,
        other_user,
        status=ProfileStatus.PENDING,
        title="Solid-state electrolytes",
        description="Startups with new electrolytes; waits for the Japan Desk's review.",
    )
    store_match(app, need, startup, 0.82)
    store_match(app, other_need, startup, 0.77)
    queued = add_startup(app, make_user, "Rhein Sensorik", 0.91, need)
    requested = add_startup(app, make_user, "Lyon Predict", 0.74, need, country="FR", city="Lyon")
    answered = add_startup(app, make_user, "Amstel Vision", 0.7, need, country="NL")
    both_accepted = add_startup(app, make_user, "Donau Analytics", 0.68, other_need, country="AT")
    pending = give_profile(
        app, make_user(Role.STARTUP, organization_name="Schatten Labs"), ProfileStatus.PENDING
    )

    with app.test_request_context():
        staff_user = db.session.get(User, staff)
        need_row = db.session.get(Need, need)
        other_row = db.session.get(Need, other_need)

        def org(organization_id: int) -> Organization:
            return db.session.get(Organization, organization_id)

        def accept(introduction, *sides: OrganizationKind):
            for side in sides:
                party = introduction.startup if side is OrganizationKind.STARTUP else None
                party = party or introduction.corporate
                introductions.answer_introduction(introduction, side, True, Actor.via_link(party))
            return introduction

        # Waits for VoltCell's answer: the startup's page shows accept and decline.
        asked = introductions.approve_pair(need_row, org(startup), staff_user).id
        # Kansai's own request, undecided: staff see approve and reject.
        proposed = introductions.request_introduction(
            need_row, org(requested), db.session.get(User, corporate_user), "We met at a fair."
        ).id
        # Waits for Kansai's answer: the company's page shows accept and decline.
        waiting = accept(
            introductions.approve_pair(need_row, org(answered), staff_user),
            OrganizationKind.STARTUP,
        ).id
        # Both said yes: staff see the introduction text to send.
        to_introduce = accept(
            introductions.approve_pair(other_row, org(both_accepted), staff_user),
            OrganizationKind.STARTUP,
            OrganizationKind.CORPORATE,
        ).id
        # Introduced: both sides and staff see the meeting forms.
        introduced = accept(
            introductions.approve_pair(other_row, org(startup), staff_user),
            OrganizationKind.STARTUP,
            OrganizationKind.CORPORATE,
        )
        introductions.send_introduction(
            introduced, staff_user, "Dear both, we are glad to introduce you.", "en"
        )
        introduced = introduced.id

    return {
        None: ["/", "/auth/login", "/auth/register", "/privacy", "/auth/reset"],
        STARTUP_LOGIN: [
            "/startup/",
            "/profile/edit",
            "/introductions/",
            f"/introductions/{asked}",
            f"/introductions/{introduced}",
            "/startup/needs",
            "/introductions/notifications",
            "/auth/password",
        ],
        CORPORATE_LOGIN: [
            "/corporate/",
            "/corporate/needs/new",
            f"/corporate/needs/{need}/edit",
            f"/corporate/needs/{need}/matches",
            f"/corporate/startups/{queued}",
            "/introductions/",
            f"/introductions/{waiting}",
            f"/introductions/{proposed}",
            "/profile/edit",
        ],
        STAFF_LOGIN: [
            "/staff/",
            "/staff/queue",
            f"/staff/queue/{need}/{queued}",
            "/staff/introductions",
            f"/staff/introductions/{proposed}",
            f"/staff/introductions/{asked}",
            f"/staff/introductions/{to_introduce}",
            f"/staff/introductions/{introduced}",
            "/staff/organizations",
            f"/staff/organizations/{startup}",
            f"/staff/organizations/{pending}",
            f"/staff/organizations/{other}",  # with a need waiting for review
            "/staff/import",
            "/staff/matching",
        ],
        ADMIN_LOGIN: ["/admin/users", "/admin/taxonomy"],
    }


def use_japanese(app) -> None:
    """Every user reads the site in Japanese from now on."""
    with app.app_context():
        for user in db.session.scalars(sa.select(User)):
            user.locale = "ja"
        db.session.commit()


# --- the audits (each returns a list of problems on the current page) ------------------------

HELPERS = """
const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
const describe = (el) => {
  let out = el.tagName.toLowerCase();
  if (el.id) out += '#' + el.id;
  for (const attr of ['name', 'type', 'href']) {
    if (el.getAttribute(attr)) out += `[${attr}="${el.getAttribute(attr)}"]`;
  }
  if (el.classList.length) out += '.' + Array.from(el.classList).join('.');
  const words = text(el).slice(0, 40);
  return words ? `${out} "${words}"` : out;
};
const labelledBy = (el) => (el.getAttribute('aria-labelledby') || '').split(/\\s+/)
  .filter(Boolean).map((id) => document.getElementById(id)).filter(Boolean).map(text)
  .join(' ').trim();
"""

UNLABELLED_FIELDS = (
    "() => {"
    + HELPERS
    + """
  const fields = document.querySelectorAll(
    'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset])'
    + ':not([type=image]), select, textarea');
  return Array.from(fields).filter((el) => !(
    (el.getAttribute('aria-label') || '').trim()
    || labelledBy(el)
    || Array.from(el.labels || []).some((label) => text(label))
  )).map(describe);
}"""
)

DOCUMENT_STRUCTURE = (
    "() => {"
    + HELPERS
    + """
  const problems = [];
  if (!document.documentElement.getAttribute('lang')) problems.push('<html> has no lang');
  for (const img of document.querySelectorAll('img:not([alt])')) {
    problems.push(`img without alt: ${describe(img)} src=${img.getAttribute('src')}`);
  }
  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const h1s = headings.filter((h) => h.tagName === 'H1');
  if (h1s.length !== 1) {
    problems.push(`${h1s.length} h1 elements: ${JSON.stringify(h1s.map(text))}`);
  }
  let previous = 1;
  for (const heading of headings) {
    const level = Number(heading.tagName[1]);
    if (level > previous + 1) {
      problems.push(`heading skips h${previous} → h${level}: "${text(heading).slice(0, 60)}"`);
    }
    previous = level;
  }
  return problems;
}"""
)

UNNAMED_CONTROLS = (
    "() => {"
    + HELPERS
    + """
  const controls = document.querySelectorAll(
    'a[href], button, input[type=submit], input[type=button], input[type=reset], '
    + 'summary, [role=button], [role=link]');
  return Array.from(controls).filter((el) => !(
    (el.getAttribute('aria-label') || '').trim()
    || labelledBy(el)
    || text(el)
    || (el.getAttribute('title') || '').trim()
    || Array.from(el.querySelectorAll('img[alt]')).some((img) => img.alt.trim())
    || (el.tagName === 'INPUT' && (el.value || '').trim())
  )).map(describe);
}"""
)

DUPLICATE_IDS = """() => {
  const seen = {};
  for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] || 0) + 1;
  return Object.entries(seen).filter(([, n]) => n > 1).map(([id, n]) => `id="${id}" ${n} times`);
}"""

# When the page is wider than the window, name the elements where the overflow starts: those
# that stick out of the window and that no scrolling box clips, inside a parent that does
# not. An absolutely positioned element escapes the scrolling boxes between it and its
# positioned ancestor (a `.visually-hidden` text in a `.table-responsive` does).
SIDEWAYS_SCROLL = (
    "() => {"
    + HELPERS
    + """
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width + 1) return [];
  const clipped = (el) => {
    let position = getComputedStyle(el).position;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (position === 'fixed') return false;
      const style = getComputedStyle(p);
      const containing = position !== 'absolute' || style.position !== 'static';
      if (containing && style.overflowX !== 'visible') return true;
      if (containing) position = style.position;
    }
    return false;
  };
  const escapes = (el) => el.getBoundingClientRect().right > width + 1 && !clipped(el);
  const culprits = Array.from(document.body.querySelectorAll('*'))
    .filter((el) => escapes(el) && !escapes(el.parentElement))
    .map((el) => `${describe(el)} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
  return [`page is ${scrollWidth}px wide in a ${width}px window; `
          + (culprits.slice(0, 4).join('; ') || 'no single element found')];
}"""
)


def audit(
    browser, live_server, pages: Pages, script: str, locale: str = "en-GB", **context_options
) -> list[str]:
    """Open every page (one browser context per login) and run `script` on it; returns
    'path (who): problem' for each problem found."""
    found: list[str] = []
    for login, paths in pages.items():
        context = browser.new_context(base_url=live_server.url, locale=locale, **context_options)
        errors: list[str] = []
        page = context.new_page()
        watch_errors(page, errors)
        if login:
            # By the fields' names: the labels are Japanese in the Japanese pass.
            page.goto("/auth/login")
            page.locator("input[name=email]").fill(login)
            page.locator("input[name=password]").fill(PASSWORD)
            page.locator("input[name=password]").press("Enter")
            expect(page.locator("form[action='/auth/logout']")).to_have_count(1)
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.ok, f"{path} ({login}): {response.status}"
            found += [f"{path} ({login or 'anonymous'}): {p}" for p in page.evaluate(script)]
        context.close()
        # A CSP violation or a missing asset shows up as a console error.
        assert errors == [], errors
    return found


def watch_errors(page, errors: list[str]) -> None:
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def report(kind: str, problems: list[str]) -> str:
    return f"{len(problems)} {kind}:\n" + "\n".join(f"  {problem}" for problem in problems)


@pytest.fixture
def site(app, make_user) -> Pages:
    return set_up_site(app, make_user)


@pytest.fixture
def run_audit(browser, live_server, site) -> Callable[..., list[str]]:
    return lambda script, **options: audit(browser, live_server, site, script, **options)


FLAWED_PAGE = """<!doctype html><html><body>
<h1>One</h1><h1>Two</h1><h4>Too deep</h4>
<img src="data:,">
<label for="a">Labelled</label><input id="a">
<input id="b" name="unlabelled"><input type="hidden" name="token">
<label>Wrapped <select name="s"></select></label><textarea aria-label="Notes"></textarea>
<span id="topic">Topic</span><input aria-labelledby="topic">
<a href="/empty"></a><a href="/titled" title="Titled"></a>
<button></button><button aria-label="Close"></button>
<div id="a"></div>
<div style="overflow-x: auto"><div style="width: 3000px">clipped, scrolls in its box</div></div>
<div style="overflow-x: auto"><span style="position: absolute; left: 4000px">escapes</span></div>
</body></html>"""


def test_the_audits_find_what_they_look_for(page):
    page.set_content(FLAWED_PAGE)
    assert page.evaluate(UNLABELLED_FIELDS) == ['input#b[name="unlabelled"]']
    assert page.evaluate(DOCUMENT_STRUCTURE) == [
        "<html> has no lang",
        "img without alt: img src=data:,",
        '2 h1 elements: ["One","Two"]',
        'heading skips h1 → h4: "Too deep"',
    ]
    assert page.evaluate(UNNAMED_CONTROLS) == ['a[href="/empty"]', "button"]
    assert page.evaluate(DUPLICATE_IDS) == ['id="a" 2 times']
    [overflow] = page.evaluate(SIDEWAYS_SCROLL)
    assert 'span "escapes" ends at' in overflow, overflow
    assert "clipped" not in overflow, overflow


def test_every_form_field_has_a_label(run_audit):
    problems = run_audit(UNLABELLED_FIELDS)
    assert not problems, report("form fields without an accessible name", problems)


def test_pages_have_lang_alt_texts_one_h1_and_no_skipped_heading_levels(run_audit):
    problems = run_audit(DOCUMENT_STRUCTURE)
    assert not problems, report("problems with the document's structure", problems)


def test_every_button_and_link_has_a_name(run_audit):
    problems = run_audit(UNNAMED_CONTROLS)
    assert not problems, report("buttons or links without an accessible name", problems)


def test_no_duplicate_ids(run_audit):
    problems = run_audit(DUPLICATE_IDS)
    assert not problems, report("duplicated ids", problems)


def test_pages_fit_a_phone_in_english_and_japanese(app, browser, live_server, site):
    # Not Playwright's `is_mobile`: Chromium then widens the layout viewport to the page's
    # width (innerWidth grows with it), and a page that is too wide would pass.
    problems = audit(browser, live_server, site, SIDEWAYS_SCROLL, viewport=PHONE)
    # Japanese labels are long and have no spaces to break at; anonymous visitors get
    # Japanese from their browser's language.
    use_japanese(app)
    japanese = audit(browser, live_server, site, SIDEWAYS_SCROLL, locale="ja-JP", viewport=PHONE)
    problems += [f"[ja] {problem}" for problem in japanese]
    assert not problems, report("pages that scroll sideways on a 375px phone", problems)


# --- the keyboard ------------------------------------------------------------------------------


def focused(page) -> str:
    """The focused element: its id, else its text or value ('body' when nothing has focus)."""
    return page.evaluate(
        """() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      if (el.type === 'submit') return 'submit: ' + (el.value || el.textContent.trim());
      return el.id || (el.textContent || '').trim() || el.tagName.toLowerCase();
    }"""
    )


def test_login_works_with_the_keyboard_alone(page, make_user):
    make_user(Role.STARTUP, email=STARTUP_LOGIN)
    page.goto("/auth/login")
    email = page.get_by_label("Email address")
    password = page.get_by_label("Password")
    submit = page.get_by_role("button", name="Log in")
    # Buttons carry no id (pages hold several forms): the button is known by its text.
    steps = [email.get_attribute("id"), password.get_attribute("id"), "submit: Log in"]
    assert submit.get_attribute("value") == "Log in"

    order = [focused(page)]
    while order[-1] != steps[-1] and len(order) < 40:
        page.keyboard.press("Tab")
        order.append(focused(page))
    assert order[1] == "Skip to content", order
    assert all(step in order for step in steps), order
    positions = [order.index(step) for step in steps]
    assert positions == sorted(positions), order

    email.fill(STARTUP_LOGIN)
    password.fill(PASSWORD)
    password.press("Enter")
    expect(page.get_by_text("Startup dashboard")).to_be_visible()


def test_skip_link_comes_first_and_moves_focus_to_the_main_content(page):
    page.goto("/auth/login")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    # Visually hidden (one pixel) until focused, then shown.
    assert skip.bounding_box()["width"] > 20, skip.bounding_box()

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#content$"))
    # Focus lands on <main> itself, or (Chromium moves the starting point of sequential
    # navigation to a target that cannot take focus) the next Tab lands inside it.
    in_main = "() => !!document.activeElement.closest('main')"
    if not page.evaluate(in_main):
        page.keyboard.press("Tab")
    assert page.evaluate(in_main), focused(page)
    expect(page.get_by_label("Email address")).to_be_focused()
