"""Admins manage Japan Desk staff accounts."""

from matchmaker.models import Role
from tests.conftest import get_user, link_in

PASSWORD = "a fine staff passphrase"


def test_admin_creates_staff_user_who_sets_password_from_invitation(app, client, make_user, outbox):
    make_user(Role.ADMIN, email="admin@example.com")
    client.login("admin@example.com")
    response = client.submit(
        "/admin/users",
        {"email": "Yuki@JapanDesk.example", "full_name": "Yuki Sato", "role": "staff"},
        follow_redirects=True,
    )
    assert "invitation was sent to yuki@japandesk.example" in response.get_data(as_text=True)
    assert get_user(app, "yuki@japandesk.example").role is Role.STAFF
    client.logout()

    [invitation] = outbox()
    link = link_in(invitation)
    assert "purpose=invite" in link
    assert "accept the privacy notice" in client.get(link).get_data(as_text=True)
    without_consent = client.submit(link, {"password": PASSWORD, "password_again": PASSWORD})
    assert "Please accept the privacy notice" in without_consent.get_data(as_text=True)
    client.submit(link, {"password": PASSWORD, "password_again": PASSWORD, "accept_privacy": "y"})
    assert client.login("yuki@japandesk.example", PASSWORD).headers["Location"] == "/staff/"
    assert get_user(app, "yuki@japandesk.example").is_confirmed
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import PrivacyConsent

        assert db.session.scalar(db.select(db.func.count()).select_from(PrivacyConsent)) == 1


def test_admin_form_refuses_duplicate_and_bad_input(app, client, make_user, outbox):
    make_user(Role.ADMIN, email="admin@example.com")
    client.login("admin@example.com")
    duplicate = client.submit(
        "/admin/users", {"email": "ADMIN@example.com", "full_name": "X", "role": "staff"}
    )
    assert "already exists" in duplicate.get_data(as_text=True)
    bad_role = client.submit(
        "/admin/users", {"email": "new@example.com", "full_name": "X", "role": "startup"}
    )
    assert bad_role.status_code == 200
    assert get_user(app, "new@example.com") is None
    assert outbox() == []


def test_admin_suspends_staff_account_which_logs_it_out(app, client, make_user):
    make_user(Role.ADMIN, email="admin@example.com")
    staff_id = make_user(Role.STAFF, email="staff@example.com")
    staff_client = app.test_client()
    staff_client.login("staff@example.com")
    client.login("admin@example.com")

    client.submit(f"/admin/users/{staff_id}/active")

    assert not get_user(app, "staff@example.com").is_active
    assert staff_client.get("/staff/").status_code == 302
    client.submit(f"/admin/users/{staff_id}/active")
    assert get_user(app, "staff@example.com").is_active


def test_admin_cannot_suspend_self_or_non_staff_accounts(app, client, make_user):
    admin_id = make_user(Role.ADMIN, email="admin@example.com")
    startup_id = make_user(Role.STARTUP, email="lena@example.com")
    client.login("admin@example.com")

    client.submit(f"/admin/users/{admin_id}/active")
    assert get_user(app, "admin@example.com").is_active
    assert client.submit(f"/admin/users/{startup_id}/active").status_code == 404
    assert get_user(app, "lena@example.com").is_active


def test_staff_cannot_manage_accounts(client, make_user):
    make_user(Role.STAFF, email="staff@example.com")
    client.login("staff@example.com")
    response = client.submit(
        "/admin/users", {"email": "new@example.com", "full_name": "X", "role": "admin"}
    )
    assert response.status_code == 403


def test_admin_sees_taxonomy_in_three_languages_with_retired_terms(client, make_user):
    make_user(Role.ADMIN, email="admin@example.com")
    client.login("admin@example.com")
    page = client.get("/admin/taxonomy").get_data(as_text=True)
    assert "Predictive maintenance" in page
    assert "予知保全" in page
    assert "Vorausschauende Wartung" in page
    assert "retired" in page


def test_staff_cannot_open_the_taxonomy_admin(client, make_user):
    make_user(Role.STAFF, email="staff@example.com")
    client.login("staff@example.com")
    assert client.get("/admin/taxonomy").status_code == 403
