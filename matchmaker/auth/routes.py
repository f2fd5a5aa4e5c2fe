"""Registration, email confirmation, login/logout and passwords."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from matchmaker.app import chosen_language
from matchmaker.auth.forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    EmailOnlyForm,
    LoginForm,
    RegistrationForm,
    ResetPasswordForm,
)
from matchmaker.extensions import limiter
from matchmaker.models import OrganizationKind, User
from matchmaker.security import is_safe_next_url
from matchmaker.services import accounts
from matchmaker.services.errors import (
    AuthenticationFailed,
    DomainError,
    EmailAlreadyRegistered,
    InvalidToken,
)

bp = Blueprint("auth", __name__)


def home_url(user: User) -> str:
    """Where each role starts."""
    endpoints = {
        "startup": "startup.dashboard",
        "corporate": "corporate.dashboard",
        "staff": "staff.dashboard",
        "admin": "staff.dashboard",
    }
    return url_for(endpoints[user.role.value])


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _reset_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT"]


def _address_limit() -> str:
    return current_app.config["ADDRESS_MAIL_RATE_LIMIT"]


def _address_key() -> str:
    """The address a reset or confirmation link is asked for, as accounts are looked up."""
    return "address:" + accounts.normalize_email(request.form.get("email", ""))


def password_checked(view):
    """For forms that check the user's password (change it, delete the account): failed
    checks count as failed logins do, so a session left open cannot try passwords."""
    return limiter.limit(
        _login_limit, methods=["POST"], deduct_when=lambda response: response.status_code != 302
    )(view)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"], deduct_when=lambda _: g.get("mailed", False))
def register():
    if current_user.is_authenticated:
        return redirect(home_url(current_user))
    form = RegistrationForm()
    if request.method == "GET" and request.args.get("kind") in {"startup", "corporate"}:
        form.kind.data = request.args["kind"]
    if form.validate_on_submit():
        registration = accounts.Registration(
            email=form.email.data,
            password=form.password.data,
            full_name=form.full_name.data,
            organization_name=form.organization_name.data,
            kind=OrganizationKind(form.kind.data),
            # Only a language chosen with the switch becomes the account's: a browser's
            # would override the profile's language in introduction mails and a choice
            # made on another device.
            locale=session.get("locale"),
            page_language=chosen_language(),
        )
        try:
            accounts.register_account(registration)
        except EmailAlreadyRegistered:
            pass  # a twin registration won the race: the same answer as below
        except DomainError as error:
            form.password.errors.append(str(error))
            return render_template("auth/register.html", form=form)
        # The same page whether the address was new or had an account (whose owner got a
        # mail saying so): registering does not reveal who has an account.
        g.mailed = True  # counted by the rate limit: each such answer mails someone
        email = accounts.normalize_email(form.email.data)
        return render_template("auth/check_email.html", email=email)
    return render_template("auth/register.html", form=form)


@bp.route("/confirm/<token>")
def confirm_email(token: str):
    try:
        accounts.confirm_email(token)
    except InvalidToken as error:
        flash(str(error), "danger")
        return redirect(url_for("auth.resend_confirmation"))
    flash(_("Thank you, your email address is confirmed. You can now log in."), "success")
    if current_user.is_authenticated:
        return redirect(home_url(current_user))
    return redirect(url_for("auth.login"))


@bp.route("/confirm", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"], key_func=_address_key)
def resend_confirmation():
    form = EmailOnlyForm()
    if form.validate_on_submit():
        user = accounts.get_user_by_email(form.email.data)
        if user is not None and user.is_active and not user.is_confirmed:
            accounts.send_confirmation_email(user, chosen_language())
        # The same answer whether or not the address is known.
        flash(_("If that address needs confirming, we have sent a new link to it."), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/resend_confirmation.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    _login_limit, methods=["POST"], deduct_when=lambda response: response.status_code != 302
)
def login():
    if current_user.is_authenticated:
        return redirect(home_url(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data, form.password.data)
        except DomainError as error:
            form.password.errors.append(str(error))
            return render_template("auth/login.html", form=form)
        if not user.is_confirmed:
            return render_template("auth/login.html", form=form, unconfirmed=True)
        login_user(user, remember=form.remember_me.data)
        accounts.record_login(user)
        next_url = request.args.get("next")
        return redirect(next_url if is_safe_next_url(next_url) else home_url(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"], key_func=_address_key)
def request_password_reset():
    form = EmailOnlyForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data, chosen_language())
        flash(
            _("If an account uses that address, we have sent it a link to reset the password."),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/request_reset.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
def reset_password(token: str):
    purpose = "invite" if request.args.get("purpose") == "invite" else "reset"
    try:
        accounts.user_for_password_token(token, purpose)
    except InvalidToken as error:
        flash(str(error), "danger")
        return redirect(url_for("auth.request_password_reset"))
    form = AcceptInvitationForm() if purpose == "invite" else ResetPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.reset_password(
                token, form.password.data, purpose, accepts_privacy_notice=purpose == "invite"
            )
        except DomainError as error:
            form.password.errors.append(str(error))
        else:
            logout_user()
            flash(_("Your password is set. Please log in."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, purpose=purpose)


@bp.route("/password", methods=["GET", "POST"])
@login_required
@password_checked
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current_password.data, form.password.data)
        except AuthenticationFailed as error:
            form.current_password.errors.append(str(error))
        except DomainError as error:
            form.password.errors.append(str(error))
        else:
            # The session version changed: log in again under the new one so this
            # browser stays signed in while every other session ends.
            login_user(current_user._get_current_object())
            flash(_("Your password has been changed."), "success")
            return redirect(home_url(current_user))
    return render_template("auth/change_password.html", form=form)
