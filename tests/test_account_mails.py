"""Mails about an account (confirmation, password reset, "you already have an account",
a profile's claim invitation) are written in the owner's language."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import Role, User
from matchmaker.services.accounts import ACCOUNT_MAIL_SUBJECTS
from matchmaker.services.mail import MAIL_LANGUAGES
from tests.conftest import PASSWORD, get_user, link_in, mail_body
from tests.test_registration import FORM

# A sentence of each mail in each language, to tell which one was sent.
OPENINGS = {
    "confirm_email": {
        "en": "Please confirm your email address",
        "de": "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "ja": "メールアドレスのご確認をお願いいたします",
    },
    "reset_password": {
        "en": "Choose a new password here",
        "de": "Hier können Sie ein neues Passwort wählen",
        "ja": "新しいパスワードを設定してください",
    },
    "account_exists": {
        "en": "You already have an account",
        "de": "Sie haben dort bereits ein Konto",
        "ja": "アカウントはすでにお持ちのため",
    },
}


def written_in(message, template: str) -> str:
    """The language a mail is written in, by its subject and its text."""
    body = mail_body(message)
    found = [
        lang
        for lang in MAIL_LANGUAGES
        if message["Subject"] == ACCOUNT_MAIL_SUBJECTS[template][lang]
        and OPENINGS[template][lang] in body
    ]
    assert len(found) == 1, (message["Subject"], body)
    return found[0]


def set_locale(app, email: str, locale: str | None, profile: str | None = None) -> None:
    """The account's language, and the language of its profile's texts."""
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        user.locale = locale
        if profile:
            user.organization.description = "Ein Profil mit Text."
            user.organization.text_language = profile
        db.session.commit()


@pytest.mark.parametrize(
    ("header", "lang"), [("ja,en;q=0.5", "ja"), ("de-DE,de;q=0.9", "de"), ("fr", "en")]
)
def test_the_confirmation_is_in_the_language_of_the_registration_page(
    app, client, outbox, header, lang
):
    client.submit("/auth/register", FORM, headers={"Accept-Language": header})

    [message] = outbox()
    assert written_in(message, "confirm_email") == lang
    assert "/auth/confirm/" in link_in(message)
    assert "VoltCell GmbH" in mail_body(message)
    # A browser's language is not saved on the account (only a choice with the switch).
    assert get_user(app, "lena@voltcell.example").locale is None


def test_the_language_chosen_on_the_page_is_the_accounts_and_its_mails(client, outbox):
    client.submit("/language", {"locale": "ja", "next": "/"})
    client.submit("/auth/register", FORM, headers={"Accept-Language": "de"})

    assert written_in(outbox()[0], "confirm_email") == "ja"


def test_the_owner_of_an_existing_account_is_told_in_the_accounts_language(
    app, client, make_user, outbox
):
    make_user(Role.CORPORATE, email="kenji@kansai.example")
    set_locale(app, "kenji@kansai.example", "ja")

    # Whoever tries to register with the address, the owner reads the notice in Japanese.
    client.submit(
        "/auth/register",
        {**FORM, "email": "kenji@kansai.example"},
        headers={"Accept-Language": "de"},
    )

    [notice] = outbox()
    assert notice["To"] == "kenji@kansai.example"
    assert written_in(notice, "account_exists") == "ja"


def test_without_a_language_of_its_own_an_account_is_told_in_its_profiles(
    app, client, make_user, outbox
):
    # An imported contact has no language yet; the stranger's page does not choose it.
    make_user(Role.CORPORATE, email="kenji@kansai.example")
    set_locale(app, "kenji@kansai.example", None, profile="de")

    client.submit(
        "/auth/register",
        {**FORM, "email": "kenji@kansai.example"},
        headers={"Accept-Language": "ja"},
    )

    assert written_in(outbox()[0], "account_exists") == "de"


@pytest.mark.parametrize(
    ("locale", "header", "lang"),
    [("de", "en", "de"), (None, "ja", "ja"), (None, "fr", "de"), (None, None, "de")],
)
def test_a_reset_link_is_in_the_accounts_language_else_the_pages_else_the_profiles(
    app, client, make_user, outbox, locale, header, lang
):
    make_user(Role.STARTUP, email="lena@voltcell.example")
    set_locale(app, "lena@voltcell.example", locale, profile="de")

    headers = {"Accept-Language": header} if header else {}
    client.submit("/auth/reset", {"email": "lena@voltcell.example"}, headers=headers)

    [message] = outbox()
    assert written_in(message, "reset_password") == lang
    response = client.submit(
        link_in(message), {"password": PASSWORD + "!", "password_again": PASSWORD + "!"}
    )
    assert response.status_code == 302  # the link works in every language


def test_every_account_mail_exists_in_every_language(app):
    templates = app.jinja_env.list_templates()
    for template in ACCOUNT_MAIL_SUBJECTS:
        for lang in MAIL_LANGUAGES:
            assert f"mail/{template}.{lang}.txt" in templates
            assert ACCOUNT_MAIL_SUBJECTS[template][lang]
