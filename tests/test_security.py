"""Role separation, CSRF, security headers and error pages."""

import pytest

from matchmaker.models import Role

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
