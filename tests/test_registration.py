"""Self-registration of startups and corporates, and email confirmation."""

import re
import time

import pytest
import sqlalchemy as sa
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from matchmaker.extensions import db
from matchmaker.models import Organization, PrivacyConsent, Role, User
from matchmaker.services.accounts import get_user_by_email
from tests.conftest import PASSWORD, get_user, link_in, mail_body

FORM = {
    "kind": "startup",
    "organization_name": "VoltCell GmbH",
    "full_name": "Lena Vogel",
    "email": "Lena@VoltCell.example",
    "password": PASSWORD,
    "password_again": PASSWORD,
    "accept_privacy": "y",
}


def register(client, **changes):
    return client.submit("/auth/register", {**FORM, **changes})


def without_tokens(page: str) -> str:
    return re.sub(r'(csrf[-_]token"[^>]*?(?:value|content)=")[^"]*', r"\1", page)


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_registration_creates_user_organisation_consent_and_mails_a_link(app, client, outbox):
    response = register(client)

    assert response.status_code == 200
    assert "confirmation link to lena@voltcell.example" in response.get_data(as_text=True)
    user = get_user(app, "lena@voltcell.example")
    assert user.role is Role.STARTUP
    assert not user.is_confirmed
    with app.app_context():
        organization = db.session.scalar(sa.select(Organization))
        consent = db.session.scalar(sa.select(PrivacyConsent))
        assert organization.name == "VoltCell GmbH"
        assert organization.kind.value == "startup"
        assert consent.user_id == user.id
        assert consent.notice_version == app.config["PRIVACY_NOTICE_VERSION"]
        assert consent.consented_at is not None
    [message] = outbox()
    assert message["To"] == "lena@voltcell.example"
    assert "/auth/confirm/" in mail_body(message)


def test_corporate_registration_gets_corporate_role(app, client):
    register(client, kind="corporate", organization_name="Kansai Precision Europe")
    assert get_user(app, "lena@voltcell.example").role is Role.CORPORATE


def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_a_mail(app, client, outbox):
    # Registering must not reveal who has an account: the page is the one of a new
    # registration, and the owner learns of the attempt (and how to log in) by mail.
    first = register(client).get_data(as_text=True)
    response = register(client, email="LENA@voltcell.EXAMPLE", organization_name="Other")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "already exists" not in page
    # The pages' CSRF tokens are signed with the time, so they differ from second to second.
    assert without_tokens(page.replace("LENA@voltcell.EXAMPLE", "")) == without_tokens(
        first.replace("Lena@VoltCell.example", "")
    )
    assert count(app, User) == 1
    assert count(app, Organization) == 1
    _confirmation, notice = outbox()
    assert notice["To"] == "lena@voltcell.example"
    assert "already have an account" in mail_body(notice)
    assert "/auth/login" in mail_body(notice) and "/auth/reset" in mail_body(notice)


def test_one_address_written_in_other_unicode_forms_is_one_account(app, client):
    register(client, email="jos\u00e9@voltcell.example")
    for email in ("jose\u0301@voltcell.example", "\uff2a\uff2f\uff33\u00c9@voltcell.example"):
        register(client, email=email, organization_name="Other")
    assert count(app, User) == 1
    with app.app_context():
        user = get_user_by_email("JOSE\u0301@voltcell.example")
        assert user.email == "jos\u00e9@voltcell.example"


def test_registrations_are_rate_limited_per_client(client, outbox):
    codes = [
        register(client, email=f"lena{number}@voltcell.example").status_code for number in range(6)
    ]
    assert codes == [200] * 5 + [429]
    assert len(outbox()) == 5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"password": "short1", "password_again": "short1"}, "at least 10 characters"),
        ({"password": "aaaaaaaaaaaa", "password_again": "aaaaaaaaaaaa"}, "greater variety"),
        ({"password": "Password123", "password_again": "Password123"}, "too easy to guess"),
        ({"password_again": "something else"}, "passwords differ"),
        ({"email": "not-an-email"}, "valid email address"),
        ({"email": "lena@"}, "valid email address"),
        ({"accept_privacy": ""}, "accept the privacy notice"),
        ({"kind": "bank"}, "Not a valid choice"),
        ({"organization_name": ""}, "This field is required"),
        ({"organization_name": "x" * 201}, "between 2 and 200"),
        ({"organization_name": "Evil GmbH\r\nBcc: all@example.com"}, "Write this on one line"),
        ({"full_name": "Lena\nVogel"}, "Write this on one line"),
    ],
)
def test_bad_registration_re_renders_with_error_and_changes_nothing(
    app, client, outbox, changes, message
):
    response = register(client, **changes)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert count(app, User) == 0
    assert count(app, Organization) == 0
    assert outbox() == []


def test_html_in_names_is_shown_escaped(app, client, outbox):
    register(client, organization_name="<script>alert(1)</script>")
    client.get(link_in(outbox()[0]))
    page = client.login("lena@voltcell.example", follow_redirects=True).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_confirmation_link_confirms_and_allows_login(app, client, outbox):
    register(client)
    response = client.get(link_in(outbox()[0]), follow_redirects=True)

    assert "your email address is confirmed" in response.get_data(as_text=True)
    assert get_user(app, "lena@voltcell.example").is_confirmed
    response = client.login("lena@voltcell.example", follow_redirects=True)
    assert "Startup dashboard" in response.get_data(as_text=True)


def test_unconfirmed_user_cannot_log_in(app, client):
    register(client)
    response = client.login("lena@voltcell.example")
    assert "confirm your email address first" in response.get_data(as_text=True)
    assert client.get("/startup/").status_code == 302


def test_expired_confirmation_link_is_refused(app, client, outbox, monkeypatch):
    register(client)
    link = link_in(outbox()[0])
    four_days_later = int(time.time()) + 4 * 24 * 3600
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: four_days_later)

    response = client.get(link, follow_redirects=True)

    assert "This link has expired" in response.get_data(as_text=True)
    assert not get_user(app, "lena@voltcell.example").is_confirmed


def test_tampered_confirmation_link_is_refused(app, client, outbox):
    register(client)
    link = link_in(outbox()[0])
    response = client.get(link[:-3] + "abc", follow_redirects=True)
    assert "This link is not valid" in response.get_data(as_text=True)

    user = get_user(app, "lena@voltcell.example")
    forged = URLSafeTimedSerializer("another-secret", salt="email-confirm").dumps(
        {"user": user.id, "email": user.email}
    )
    response = client.get(f"/auth/confirm/{forged}", follow_redirects=True)
    assert "This link is not valid" in response.get_data(as_text=True)
    assert not get_user(app, "lena@voltcell.example").is_confirmed


def test_resend_confirmation_says_the_same_for_unknown_addresses(app, client, outbox):
    register(client)
    known = client.submit("/auth/confirm", {"email": "lena@voltcell.example"})
    unknown = client.submit("/auth/confirm", {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == 302
    assert len(outbox()) == 2
