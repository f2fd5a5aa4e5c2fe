"""Login, logout, remember-me, password reset and change."""

import pytest

from matchmaker.models import Role
from tests.conftest import PASSWORD, Client, link_in

NEW_PASSWORD = "a much better passphrase"


def test_login_lands_on_role_dashboard_and_logout_ends_session(client, make_user):
    make_user(Role.CORPORATE, email="kenji@example.com")
    response = client.login("Kenji@Example.com")

    assert response.status_code == 302
    assert response.headers["Location"] == "/corporate/"
    assert client.get("/corporate/").status_code == 200

    client.logout()
    assert client.get("/corporate/").status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(client, make_user):
    make_user(email="lena@example.com")
    wrong = client.login("lena@example.com", "not the password").get_data(as_text=True)
    unknown = client.login("nobody@example.com").get_data(as_text=True)

    assert "Wrong email address or password." in wrong
    assert "Wrong email address or password." in unknown
    assert client.get("/startup/").status_code == 302


def test_suspended_user_cannot_log_in(app, client, make_user):
    from matchmaker.extensions import db
    from matchmaker.models import User

    user_id = make_user(email="lena@example.com")
    with app.app_context():
        db.session.get(User, user_id).is_active = False
        db.session.commit()
    assert "Wrong email address or password." in client.login("lena@example.com").get_data(
        as_text=True
    )


def test_remember_me_sets_a_lasting_cookie(client, make_user):
    make_user(email="lena@example.com")
    response = client.submit(
        "/auth/login", {"email": "lena@example.com", "password": PASSWORD, "remember_me": "y"}
    )
    assert "remember_token=" in " ".join(response.headers.getlist("Set-Cookie"))


def test_next_redirects_only_within_the_site(client, make_user):
    make_user(Role.STAFF, email="staff@example.com")
    inside = client.login("staff@example.com", query_string={"next": "/staff/?tab=1"})
    assert inside.headers["Location"] == "/staff/?tab=1"
    client.logout()

    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"):
        response = client.login("staff@example.com", query_string={"next": target})
        assert response.headers["Location"] == "/staff/", target
        client.logout()


def test_anonymous_user_is_sent_to_login_with_next(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")


def test_password_reset_by_mail(app, client, make_user, outbox):
    make_user(email="lena@example.com")
    response = client.submit("/auth/reset", {"email": "LENA@example.com"}, follow_redirects=True)
    assert "we have sent it a link" in response.get_data(as_text=True)
    [message] = outbox()
    link = link_in(message)

    response = client.submit(link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert response.headers["Location"] == "/auth/login"
    assert client.login("lena@example.com").status_code == 200  # old password refused
    assert client.login("lena@example.com", NEW_PASSWORD).status_code == 302

    # The link works once.
    client.logout()
    response = client.get(link, follow_redirects=True)
    assert "already been used" in response.get_data(as_text=True)


def test_reset_for_unknown_address_sends_nothing_and_says_the_same(client, outbox):
    response = client.submit("/auth/reset", {"email": "nobody@example.com"}, follow_redirects=True)
    assert "we have sent it a link" in response.get_data(as_text=True)
    assert outbox() == []


def test_reset_with_weak_password_keeps_the_old_one(client, make_user, outbox):
    make_user(email="lena@example.com")
    client.submit("/auth/reset", {"email": "lena@example.com"})
    link = link_in(outbox()[0])
    response = client.submit(link, {"password": "short", "password_again": "short"})
    assert "at least 10 characters" in response.get_data(as_text=True)
    assert client.login("lena@example.com").status_code == 302


def test_tampered_reset_link_is_refused(client):
    response = client.get("/auth/reset/not-a-token", follow_redirects=True)
    assert "This link is not valid" in response.get_data(as_text=True)


def test_change_password_ends_other_sessions(app, client, make_user):
    make_user(email="lena@example.com")
    other_device = app.test_client()
    client.login("lena@example.com")
    other_device.login("lena@example.com")
    assert other_device.get("/startup/").status_code == 200

    response = client.submit(
        "/auth/password",
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/startup/").status_code == 200
    assert other_device.get("/startup/").status_code == 302


def test_change_password_needs_the_current_one(client, make_user):
    make_user(email="lena@example.com")
    client.login("lena@example.com")
    response = client.submit(
        "/auth/password",
        {
            "current_password": "wrong one!",
            "password": NEW_PASSWORD,
            "password_again": NEW_PASSWORD,
        },
    )
    assert "current password is not correct" in response.get_data(as_text=True)
    client.logout()
    assert client.login("lena@example.com").status_code == 302


def test_sixth_wrong_password_in_a_minute_is_refused_with_429(app, client, make_user):
    make_user(email="lena@example.com")
    for _ in range(5):
        assert client.login("lena@example.com", "wrong password").status_code == 200
    response = client.login("lena@example.com", "wrong password")
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_successful_logins_do_not_count_towards_the_limit(client, make_user):
    make_user(email="lena@example.com")
    for _ in range(7):
        assert client.login("lena@example.com").status_code == 302
        client.logout()


def test_reset_requests_are_rate_limited(client):
    codes = [client.submit("/auth/reset", {"email": "x@example.com"}).status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]


def test_links_mailed_to_one_address_are_limited_whichever_client_asks(client):
    # Per client address the limit is per minute; per mailed address per hour, so that many
    # clients together cannot flood one mailbox with reset or confirmation links.
    def ask(path: str, email: str, number: int) -> int:
        other_client = {"REMOTE_ADDR": f"10.0.0.{number}"}
        return client.submit(path, {"email": email}, environ_base=other_client).status_code

    assert [ask("/auth/reset", "lena@example.com", n) for n in range(6)] == [302] * 5 + [429]
    assert ask("/auth/confirm", "LENA@example.com", 7) == 302  # its own limit
    assert ask("/auth/reset", "other@example.com", 8) == 302


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/auth/password", {"current_password": "wrong", "password": "x", "password_again": "x"}),
        ("/profile/delete", {"password": "wrong", "understood": "y"}),
    ],
)
def test_password_checks_of_a_logged_in_user_are_rate_limited(client, make_user, path, form):
    # A session left open must not be a way to try passwords.
    make_user(email="lena@example.com")
    client.login("lena@example.com")
    codes = [client.submit(path, form).status_code for _ in range(6)]
    assert codes[-1] == 429 and 429 not in codes[:5]


def test_limits_hold_after_an_app_was_made_with_them_off(make_app):
    # Flask-Limiter has one limiter for every app: an app made with limits off (as some
    # tests do) must not leave them off for the next one.
    make_app(RATELIMIT_ENABLED=False)
    app = make_app()
    app.test_client_class = Client
    client = app.test_client()

    codes = [client.submit("/auth/reset", {"email": "x@example.com"}).status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]
