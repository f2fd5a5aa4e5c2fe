"""Role separation, CSRF, security headers and error pages."""

import re
from pathlib import Path

import pytest

from matchmaker.extensions import db
from matchmaker.models import Need, Organization, OrganizationKind, ProfileStatus, Role, User
from matchmaker.services import introductions
from matchmaker.services.mail import read_outbox
from tests.conftest import Client, mail_body

STAFF_PAGES = ["/staff/"]
ADMIN_PAGES = ["/admin/users"]


@pytest.mark.parametrize("path", ["/startup/", "/corporate/", "/staff/", "/admin/users"])
def test_anonymous_users_are_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


@pytest.mark.parametrize(
    ("role", "allowed", "forbidden"),
    [
        (Role.STARTUP, ["/startup/"], ["/corporate/", "/staff/", "/admin/users"]),
        (Role.CORPORATE, ["/corporate/"], ["/startup/", "/staff/", "/admin/users"]),
        (Role.STAFF, ["/staff/"], ["/startup/", "/corporate/", "/admin/users"]),
        (Role.ADMIN, ["/staff/", "/admin/users"], ["/startup/", "/corporate/"]),
    ],
)
def test_each_role_sees_only_its_own_area(client, make_user, role, allowed, forbidden):
    make_user(role, email="person@example.com")
    client.login("person@example.com")
    for path in allowed:
        assert client.get(path).status_code == 200, path
    for path in forbidden:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "You do not have access to this page." in response.get_data(as_text=True)


def test_post_without_csrf_token_is_refused(app, client, make_user):
    make_user(email="lena@example.com")
    response = client.post(
        "/auth/login", data={"email": "lena@example.com", "password": "correct horse battery"}
    )
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    assert client.get("/startup/").status_code == 302


def test_logout_needs_csrf_token(client, make_user):
    make_user(email="lena@example.com")
    client.login("lena@example.com")
    assert client.post("/auth/logout").status_code == 400
    assert client.get("/startup/").status_code == 200


def test_pages_carry_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_scripts_or_styles(client):
    for path in ["/", "/auth/login", "/auth/register", "/privacy", "/auth/reset"]:
        page = client.get(path).get_data(as_text=True)
        assert "<script>" not in page, path
        assert " style=" not in page, path
        assert "cdn" not in page.lower(), path


def test_static_assets_are_served_locally(client):
    response = client.get("/static/vendor/bootstrap/bootstrap.min.css")
    assert response.status_code == 200
    assert b".btn" in response.data


def test_unknown_page_gets_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)


def test_wrong_method_gets_friendly_405(client):
    response = client.get("/auth/logout")
    assert response.status_code == 405
    assert "cannot be used that way" in response.get_data(as_text=True)


def test_unexpected_error_shows_500_page_without_traceback(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = client.get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong" in body
    assert "secret internals" not in body
    assert "Traceback" not in body


def test_oversized_request_gets_413(client):
    response = client.post("/auth/login", data={"email": "x" * (9 * 1024 * 1024)})
    assert response.status_code == 413


@pytest.mark.parametrize("trusted_proxies", [0, 1])
def test_mailed_links_point_to_the_public_url_whatever_host_a_request_names(
    make_app, make_user, trusted_proxies
):
    # A forged Host (or, behind a trusted proxy, X-Forwarded-Host) must not send a staff
    # member's reset link to the attacker's server.
    app = make_app(TRUSTED_PROXIES=trusted_proxies, PUBLIC_URL="https://desk.example.org")
    app.test_client_class = Client
    client = app.test_client()
    with app.app_context():
        db.session.add(User(email="anna@japandesk.example", password_hash="x", role=Role.STAFF))
        db.session.commit()
    forged = {"headers": {"X-Forwarded-Host": "evil.example"}, "base_url": "http://evil.example"}
    token = re.search(
        r'name="csrf-token" content="([^"]+)"', client.get("/privacy", **forged).text
    ).group(1)
    client.post(
        "/auth/reset", data={"csrf_token": token, "email": "anna@japandesk.example"}, **forged
    )

    [message] = read_outbox(Path(app.config["MAIL_OUTBOX_DIR"]))
    links = re.findall(r"https?://\S+", mail_body(message))
    assert links and all(link.startswith("https://desk.example.org/auth/reset/") for link in links)


def test_an_answer_link_mailed_after_a_forged_request_points_to_the_public_url(
    app, pair, client, outbox
):
    # The startup answers with a forged Host; the corporate's mail then carries its own
    # one-click answer token, which must not go to the startup's server.
    with app.test_request_context():
        need = db.session.get(Need, pair.need)
        startup = db.session.get(Organization, pair.startup)
        introductions.approve_pair(need, startup, db.session.get(User, pair.staff))
    [startup_mail] = outbox()
    path = re.search(r"https?://[^/\s]+(/introductions/answer/\S+)", mail_body(startup_mail))[1]
    evil = {"base_url": "http://evil.example"}
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get(path, **evil).text)[1]
    client.post(
        path,
        data={"csrf_token": token, "accept-csrf_token": token, "accept-submit": "1"},
        **evil,
    )

    corporate_mail = outbox()[-1]
    assert corporate_mail["To"] == "yamada@kansai-auto.example"
    links = re.findall(r"https?://\S+", mail_body(corporate_mail))
    assert links and all(link.startswith(app.config["PUBLIC_URL"] + "/") for link in links)


def test_a_suspended_organisation_sees_nothing_of_the_other_side(app, pair, client):
    # Staff suspend both (a fake company, a fake startup): neither may browse the other.
    with app.app_context():
        for organization_id in (pair.corporate, pair.startup):
            db.session.get(Organization, organization_id).status = ProfileStatus.SUSPENDED
        db.session.commit()
        other_startup = make_startup_visible(app)
    client.login("yamada@kansai-auto.example")
    assert client.get(f"/corporate/startups/{other_startup}").status_code == 404
    client.logout()
    client.login("lena@voltcell.example")
    assert client.get("/startup/needs").status_code == 403


def make_startup_visible(app) -> int:
    startup = Organization(
        name="Open Cells", kind=OrganizationKind.STARTUP, status=ProfileStatus.APPROVED
    )
    db.session.add(startup)
    db.session.commit()
    return startup.id
