"""Forms for managing Japan Desk accounts."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from matchmaker.formbase import Form
from matchmaker.models import Role


class StaffUserForm(Form):
    email = EmailField(
        _l("Email address"),
        validators=[
            DataRequired(),
            Length(max=254),
            Email(message=_l("Enter a valid email address."), check_deliverability=False),
        ],
    )
    full_name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    role = SelectField(
        _l("Role"),
        choices=[
            SelectChoice(Role.STAFF.value, _l("Japan Desk staff")),
            SelectChoice(Role.ADMIN.value, _l("Admin")),
        ],
        validators=[DataRequired()],
    )
    submit = SubmitField(_l("Create and send invitation"))
