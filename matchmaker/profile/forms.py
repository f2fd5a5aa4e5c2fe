from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Length

from matchmaker.formbase import Form


class DeleteAccountForm(Form):
    password = PasswordField(
        _l("Your password, to confirm"), validators=[DataRequired(), Length(max=256)]
    )
    understood = BooleanField(
        _l("I understand that my account and my organisation's profile are deleted for good."),
        validators=[DataRequired(message=_l("Please confirm that you understand."))],
    )
    submit = SubmitField(_l("Delete my account"))
