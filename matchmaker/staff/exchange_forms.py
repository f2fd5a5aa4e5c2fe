"""The staff's import form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import BooleanField, RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from matchmaker.formbase import Form
from matchmaker.models import OrganizationKind
from matchmaker.services.exchange import IMPORT_MAX_BYTES


class ImportForm(Form):
    kind = RadioField(
        _l("The file lists"),
        choices=[
            SelectChoice(OrganizationKind.STARTUP.value, _l("Startups")),
            SelectChoice(OrganizationKind.CORPORATE.value, _l("Japanese companies")),
        ],
        default=OrganizationKind.STARTUP.value,
        validators=[InputRequired()],
    )
    file = FileField(
        _l("CSV file (UTF-8, at most %(mb)d MB)", mb=IMPORT_MAX_BYTES // (1024 * 1024)),
        validators=[
            FileRequired(_l("Choose a CSV file.")),
            FileAllowed(["csv"], _l("Upload a .csv file.")),
            FileSize(IMPORT_MAX_BYTES, message=_l("The file is too large.")),
        ],
    )
    # Checked by default: looking before leaping is the safe habit with a whole file.
    dry_run = BooleanField(_l("Dry run only: check the file and change nothing"), default=True)
    invite = BooleanField(_l("Invite each contact by email to claim their profile"), default=True)
    submit = SubmitField(_l("Check or import"))
