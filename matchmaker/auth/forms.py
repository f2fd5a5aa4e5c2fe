"""Forms for registration, login and passwords."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from matchmaker.formbase import Form
from matchmaker.models import OrganizationKind
from matchmaker.services.accounts import password_problem


class StrongPassword:
    """Checks a new password with the same rules the service enforces."""

    def __init__(self, email_field: str | None = None):
        self.email_field = email_field

    def __call__(self, form: Form, field) -> None:
        email = form[self.email_field].data if self.email_field else ""
        problem = password_problem(field.data or "", email or "")
        if problem:
            raise ValidationError(problem)


def _email_field(label=None) -> EmailField:
    return EmailField(
        label or _l("Email address"),
        validators=[
            DataRequired(),
            Length(max=254),
            Email(message=_l("Enter a valid email address."), check_deliverability=False),
        ],
    )


class RegistrationForm(Form):
    kind = RadioField(
        _l("I register"),
        choices=[
            SelectChoice(OrganizationKind.STARTUP.value, _l("a startup")),
            SelectChoice(
                OrganizationKind.CORPORATE.value, _l("a Japanese company (or its European office)")
            ),
        ],
        validators=[InputRequired(message=_l("Choose the kind of organisation."))],
    )
    organization_name = StringField(
        _l("Organisation name"), validators=[DataRequired(), Length(min=2, max=200)]
    )
    full_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    email = _email_field()
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), StrongPassword(email_field="email")]
    )
    password_again = PasswordField(
        _l("Repeat password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
    accept_privacy = BooleanField(
        _l("I have read and accept the privacy notice."),
        validators=[DataRequired(message=_l("Please accept the privacy notice to register."))],
    )
    submit = SubmitField(_l("Create account"))


class LoginForm(Form):
    email = _email_field()
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)])
    remember_me = BooleanField(_l("Keep me logged in on this device"))
    submit = SubmitField(_l("Log in"))


class EmailOnlyForm(Form):
    email = _email_field()
    submit = SubmitField(_l("Send link"))


class ResetPasswordForm(Form):
    password = PasswordField(_l("New password"), validators=[DataRequired(), StrongPassword()])
    password_again = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
    submit = SubmitField(_l("Set password"))


class AcceptInvitationForm(ResetPasswordForm):
    """Setting the first password of an invited account also records privacy consent."""

    accept_privacy = BooleanField(
        _l("I have read and accept the privacy notice."),
        validators=[DataRequired(message=_l("Please accept the privacy notice to continue."))],
    )


class ChangePasswordForm(Form):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(), Length(max=256)]
    )
    password = PasswordField(_l("New password"), validators=[DataRequired(), StrongPassword()])
    password_again = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
    submit = SubmitField(_l("Change password"))
