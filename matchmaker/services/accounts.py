"""Accounts: registration, email confirmation, login, passwords, staff accounts."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from matchmaker.extensions import db
from matchmaker.models import (
    ROLE_FOR_KIND,
    Organization,
    OrganizationKind,
    PrivacyConsent,
    Role,
    User,
    utcnow,
)
from matchmaker.services.errors import (
    AuthenticationFailed,
    EmailAlreadyRegistered,
    InvalidAccountData,
    InvalidToken,
    WeakPassword,
)
from matchmaker.services.mail import mail_language, public_url, send_template_mail
from matchmaker.textrules import NOT_IN_NAMES

# A handful of passwords that every credential-stuffing list starts with.
COMMON_PASSWORDS = frozenset(
    {
        "password123",
        "password1234",
        "passwort123",
        "1234567890",
        "12345678910",
        "qwertyuiop",
        "qwertzuiop",
        "iloveyou123",
        "letmein1234",
        "welcome123",
        "administrator",
        "matchmaker",
        "japandesk",
    }
)

CONFIRM_SALT = "email-confirm"
PASSWORD_SALTS = {"reset": "password-reset", "invite": "staff-invite"}
INVITE_MAX_AGE = 7 * 24 * 3600


def normalize_email(email: str) -> str:
    """Emails are unique regardless of case and of how Unicode writes them: stored and
    compared in NFKC ("é" as one character, full-width "ＪＯＳÉ" as "josé"), lower-cased."""
    return unicodedata.normalize("NFKC", email.strip()).lower()


def is_email(value: str) -> bool:
    """Whether `value` is an email address by its form (the domain is not looked up)."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def password_problem(password: str, email: str = "") -> str | None:
    """Why `password` is too weak, or None if it is acceptable."""
    min_length = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < min_length:
        return f"Use at least {min_length} characters."
    if len(password) > 256:
        return "Use at most 256 characters."
    lowered = password.lower()
    local_part = normalize_email(email).split("@")[0] if email else ""
    if lowered in COMMON_PASSWORDS or (len(local_part) >= 4 and local_part in lowered):
        return "This password is too easy to guess."
    if len(set(password)) < 5:
        return "Use a greater variety of characters."
    return None


def _check_password_strength(password: str, email: str) -> None:
    problem = password_problem(password, email)
    if problem:
        raise WeakPassword(problem)


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalize_email(email)))


def email_is_registered(email: str) -> bool:
    return get_user_by_email(email) is not None


@dataclass(frozen=True)
class Registration:
    email: str
    password: str
    full_name: str
    organization_name: str
    kind: OrganizationKind
    locale: str | None = None
    # The language chosen on the registration page (the switch, else the browser's): the
    # mails' when the account has none.
    page_language: str | None = None


# Mails about an account go out in its owner's language (`_account_language`). Staff
# invitations are English, like the mails about introductions that go to staff.
ACCOUNT_MAIL_SUBJECTS = {
    "confirm_email": {
        "en": "Confirm your email address for the Japan Desk matchmaker",
        "de": "Bitte bestätigen Sie Ihre E-Mail-Adresse für den Japan Desk Matchmaker",
        "ja": "【ジャパンデスク・マッチメーカー】メールアドレスのご確認",
    },
    "reset_password": {
        "en": "Reset your Japan Desk matchmaker password",
        "de": "Neues Passwort für den Japan Desk Matchmaker",
        "ja": "【ジャパンデスク・マッチメーカー】パスワードの再設定",
    },
    "account_exists": {
        "en": "Your Japan Desk matchmaker account",
        "de": "Ihr Konto beim Japan Desk Matchmaker",
        "ja": "【ジャパンデスク・マッチメーカー】アカウントについて",
    },
    "claim_profile": {
        "en": "Your profile on the Japan Desk matchmaker",
        "de": "Ihr Profil beim Japan Desk Matchmaker",
        "ja": "【ジャパンデスク・マッチメーカー】貴社プロフィールのご案内",
    },
}


def send_account_mail(to: str, template: str, lang: str, **context: object) -> None:
    """One of the account mails above, in `lang` (one of `MAIL_LANGUAGES`)."""
    subject = ACCOUNT_MAIL_SUBJECTS[template][lang]
    send_template_mail(to, subject, template, lang=lang, **context)


def _account_language(user: User, page_language: str | None, *, asked_by_owner: bool = True) -> str:
    """The account's language, else the one chosen on the page that asked for the mail,
    else its profile's (once it has texts); the page's last when whoever is on it need
    not be the owner (a registration under a known address)."""
    organization = user.organization
    texts = (
        (organization.description, organization.offers, organization.seeks) if organization else ()
    )
    profile = organization.text_language if any(texts) else None
    if asked_by_owner:
        return mail_language(user.locale, page_language, profile)
    return mail_language(user.locale, profile, page_language)


def register_account(registration: Registration) -> User | None:
    """Create a startup or corporate user with its organisation and privacy consent,
    and mail a confirmation link.

    For an address that has an account already, nothing is created: its owner gets a mail
    saying so (and how to log in), and None is returned, so that the page can answer as
    for a new account and does not reveal who has one."""
    email = normalize_email(registration.email)
    _check_password_strength(registration.password, email)
    existing = get_user_by_email(email)
    if existing is not None:
        if existing.is_active:
            send_account_mail(
                existing.email,
                "account_exists",
                _account_language(existing, registration.page_language, asked_by_owner=False),
                user=existing,
                login_link=public_url("auth.login"),
                reset_link=public_url("auth.request_password_reset"),
            )
        return None
    organization = Organization(name=registration.organization_name.strip(), kind=registration.kind)
    user = User(
        email=email,
        password_hash=hash_password(registration.password),
        full_name=registration.full_name.strip(),
        role=ROLE_FOR_KIND[registration.kind],
        organization=organization,
        locale=registration.locale,
    )
    user.consents.append(
        PrivacyConsent(notice_version=current_app.config["PRIVACY_NOTICE_VERSION"])
    )
    db.session.add(user)
    _commit_new_user()
    send_confirmation_email(user, registration.page_language)
    return user


def _commit_new_user() -> None:
    try:
        db.session.commit()
    except IntegrityError as exc:
        # Two registrations raced past the lookup; the unique constraint decides.
        db.session.rollback()
        raise EmailAlreadyRegistered("An account with this email address already exists.") from exc


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def make_confirmation_token(user: User) -> str:
    return _serializer(CONFIRM_SALT).dumps({"user": user.id, "email": user.email})


def send_confirmation_email(user: User, page_language: str | None = None) -> None:
    """Mail a signed, expiring link that confirms the user's address (in the account's
    language, else `page_language`, the one chosen where it was asked for)."""
    link = public_url("auth.confirm_email", token=make_confirmation_token(user))
    send_account_mail(
        user.email,
        "confirm_email",
        _account_language(user, page_language),
        user=user,
        link=link,
        max_age_hours=current_app.config["EMAIL_CONFIRM_MAX_AGE"] // 3600,
    )


def _load_token(token: str, salt: str, max_age: int) -> dict:
    try:
        data = _serializer(salt).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise InvalidToken("This link has expired. Please request a new one.") from exc
    except BadSignature as exc:
        raise InvalidToken(
            "This link is not valid. Please check that you copied it whole."
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        raise InvalidToken("This link is not valid. Please check that you copied it whole.")
    return data


def confirm_email(token: str) -> User:
    """Mark the address in `token` as confirmed; confirming twice is harmless."""
    data = _load_token(token, CONFIRM_SALT, current_app.config["EMAIL_CONFIRM_MAX_AGE"])
    user = db.session.get(User, data["user"])
    # The address inside the token must still be the account's address.
    if user is None or user.email != data.get("email"):
        raise InvalidToken("This link is not valid. Please check that you copied it whole.")
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
        db.session.commit()
    return user


# Checked when the email is unknown, so that a wrong address costs as much time as a
# wrong password and response times do not reveal which accounts exist.
_DUMMY_HASH_CACHE: dict[str, str] = {}


def _dummy_hash() -> str:
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASH_CACHE:
        _DUMMY_HASH_CACHE[method] = generate_password_hash(secrets.token_hex(8), method=method)
    return _DUMMY_HASH_CACHE[method]


def authenticate(email: str, password: str) -> User:
    """The active user with these credentials; raises AuthenticationFailed otherwise."""
    user = get_user_by_email(email)
    if user is None:
        check_password_hash(_dummy_hash(), password)
        raise AuthenticationFailed("Wrong email address or password.")
    if not check_password_hash(user.password_hash, password) or not user.is_active:
        raise AuthenticationFailed("Wrong email address or password.")
    return user


def record_login(user: User) -> None:
    user.last_login_at = utcnow()
    db.session.commit()


def make_password_token(user: User, purpose: str = "reset") -> str:
    # The session version makes the link single-use: setting a password bumps it.
    return _serializer(PASSWORD_SALTS[purpose]).dumps({"user": user.id, "v": user.session_version})


def _password_token_max_age(purpose: str) -> int:
    return INVITE_MAX_AGE if purpose == "invite" else current_app.config["PASSWORD_RESET_MAX_AGE"]


def request_password_reset(email: str, page_language: str | None = None) -> None:
    """Mail a reset link if the address belongs to an active account; silent otherwise,
    so that the form does not reveal who has an account. `page_language`: as for
    `send_confirmation_email`."""
    user = get_user_by_email(email)
    if user is None or not user.is_active:
        return
    link = public_url("auth.reset_password", token=make_password_token(user))
    send_account_mail(
        user.email,
        "reset_password",
        _account_language(user, page_language),
        user=user,
        link=link,
        max_age_hours=current_app.config["PASSWORD_RESET_MAX_AGE"] // 3600,
    )


def user_for_password_token(token: str, purpose: str = "reset") -> User:
    """The user a reset or invitation link is for; raises InvalidToken if used or expired."""
    data = _load_token(token, PASSWORD_SALTS[purpose], _password_token_max_age(purpose))
    user = db.session.get(User, data["user"])
    if user is None or not user.is_active or user.session_version != data.get("v"):
        raise InvalidToken("This link has already been used or is no longer valid.")
    return user


def reset_password(
    token: str, new_password: str, purpose: str = "reset", accepts_privacy_notice: bool = False
) -> User:
    """Set a new password from a mailed link; the link proves the address, so it also
    confirms it. All other sessions of the user end. Invited people accept the privacy
    notice here, which is recorded like a registration's consent."""
    user = user_for_password_token(token, purpose)
    _check_password_strength(new_password, user.email)
    _set_password(user, new_password)
    if accepts_privacy_notice:
        user.consents.append(
            PrivacyConsent(notice_version=current_app.config["PRIVACY_NOTICE_VERSION"])
        )
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    db.session.commit()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change a logged-in user's password after checking the current one."""
    if not check_password_hash(user.password_hash, current_password):
        raise AuthenticationFailed("Your current password is not correct.")
    _check_password_strength(new_password, user.email)
    _set_password(user, new_password)
    db.session.commit()


def _set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.session_version += 1


def create_staff_user(
    email: str, role: Role, full_name: str = "", password: str | None = None
) -> User:
    """Create a Japan Desk staff or admin account.

    With a password the account is ready to use (CLI, demo data); without one the
    person gets an invitation link to choose their own.
    """
    if role not in (Role.STAFF, Role.ADMIN):
        raise ValueError(f"staff accounts have role staff or admin, not {role}")
    email = normalize_email(email)
    _check_staff_data(email, full_name)
    if email_is_registered(email):
        raise EmailAlreadyRegistered("An account with this email address already exists.")
    if password is not None:
        _check_password_strength(password, email)
    user = User(
        email=email,
        # An unguessable hash until the invitation is used: nobody can log in before.
        password_hash=hash_password(password or secrets.token_urlsafe(32)),
        full_name=full_name.strip(),
        role=role,
        email_confirmed_at=utcnow() if password is not None else None,
    )
    db.session.add(user)
    _commit_new_user()
    if password is None:
        link = public_url(
            "auth.reset_password", token=make_password_token(user, "invite"), purpose="invite"
        )
        send_template_mail(
            user.email,
            "Your Japan Desk matchmaker account",
            "staff_invite",
            user=user,
            link=link,
            max_age_days=INVITE_MAX_AGE // (24 * 3600),
        )
    return user


def _check_staff_data(email: str, full_name: str) -> None:
    """What the staff invitation form checks, for the command line too (it reaches the
    database and the invitation's mail headers otherwise)."""
    if not is_email(email):
        raise InvalidAccountData(f"{email!r} is not a valid email address.")
    if len(email) > 254:
        raise InvalidAccountData("The email address is longer than 254 characters.")
    if len(full_name.strip()) > 120:
        raise InvalidAccountData("The name is longer than 120 characters.")
    if NOT_IN_NAMES.search(full_name):
        raise InvalidAccountData("The name holds control or invalid characters.")


def set_user_active(user: User, is_active: bool) -> None:
    """Suspend or restore an account; suspending ends its sessions at once."""
    user.is_active = is_active
    if not is_active:
        user.session_version += 1
    db.session.commit()


def list_staff_users() -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User).where(User.role.in_([Role.STAFF, Role.ADMIN])).order_by(User.email)
        )
    )


def set_user_locale(user: User, locale: str) -> None:
    """Remember the user's interface language (pages, and the mails they receive)."""
    user.locale = locale
    db.session.commit()


def active_staff_users() -> list[User]:
    """The Japan Desk members who can own introductions and receive staff mail."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.role.in_((Role.STAFF, Role.ADMIN)), User.is_active.is_(True))
            .order_by(User.full_name, User.email)
        )
    )


def load_user_for_session(session_id: str) -> User | None:
    """Flask-Login's loader: `"<id>.<session_version>"` from `User.get_id`."""
    user_id, _, version = session_id.partition(".")
    if not (user_id.isascii() and user_id.isdigit() and version.isascii() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_version != int(version):
        return None
    return user
