"""Forms for staff: directory filters and profile reviews."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SearchField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from matchmaker.formbase import Form
from matchmaker.forms import taxonomy_choices
from matchmaker.models import OrganizationKind, ProfileStatus
from matchmaker.services.directory import DirectoryCriteria

ANY = SelectChoice("", _l("any"))


class DirectoryFilterForm(Form):
    q = SearchField(_l("Search"), validators=[Optional(), Length(max=200)])
    kind = SelectField(
        _l("Kind"),
        choices=[
            ANY,
            SelectChoice(OrganizationKind.STARTUP.value, _l("Startups")),
            SelectChoice(OrganizationKind.CORPORATE.value, _l("Companies")),
        ],
        validators=[Optional()],
    )
    status = SelectField(
        _l("State"),
        choices=[
            ANY,
            SelectChoice(ProfileStatus.DRAFT.value, _l("Draft")),
            SelectChoice(ProfileStatus.PENDING.value, _l("Waiting for review")),
            SelectChoice(ProfileStatus.APPROVED.value, _l("Validated")),
            SelectChoice(ProfileStatus.CHANGES_REQUESTED.value, _l("Changes requested")),
            SelectChoice(ProfileStatus.SUSPENDED.value, _l("Suspended")),
        ],
        validators=[Optional()],
    )
    industry = SelectField(_l("Industry"), validators=[Optional()])
    technology = SelectField(_l("Technology"), validators=[Optional()])
    stage = SelectField(_l("Stage"), validators=[Optional()])
    language = SelectField(_l("Language"), validators=[Optional()])
    submit = SubmitField(_l("Filter"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.industry.choices = [ANY, *taxonomy_choices("industries")]
        self.technology.choices = [ANY, *taxonomy_choices("technologies")]
        self.stage.choices = [ANY, *taxonomy_choices("stages")]
        self.language.choices = [ANY, *taxonomy_choices("languages")]

    def criteria(self) -> DirectoryCriteria:
        return DirectoryCriteria(
            text=(self.q.data or "").strip(),
            kind=OrganizationKind(self.kind.data) if self.kind.data else None,
            status=ProfileStatus(self.status.data) if self.status.data else None,
            industry=self.industry.data or None,
            technology=self.technology.data or None,
            stage=self.stage.data or None,
            language=self.language.data or None,
        )


class ReviewForm(Form):
    action = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice("approve", _l("Approve: matchable and visible")),
            SelectChoice("changes", _l("Send back with a comment")),
            SelectChoice("suspend", _l("Suspend")),
        ],
        validators=[InputRequired()],
    )
    comment = TextAreaField(
        _l("Comment to the owner"), validators=[Optional(), Length(max=2000)], render_kw={"rows": 3}
    )
    submit = SubmitField(_l("Save review"))


class NeedReviewForm(Form):
    action = RadioField(
        _l("Decision"),
        choices=[
            SelectChoice("approve", _l("Approve")),
            SelectChoice("changes", _l("Send back")),
        ],
        validators=[InputRequired()],
    )
    comment = TextAreaField(
        _l("Comment"), validators=[Optional(), Length(max=2000)], render_kw={"rows": 2}
    )
    submit = SubmitField(_l("Save"))


class QueueFilterForm(Form):
    industry = SelectField(_l("Company industry"), validators=[Optional()])
    owner = SelectField(_l("Account manager"), validators=[Optional()])
    age = SelectField(
        _l("Waiting"),
        choices=[
            ANY,
            SelectChoice("7", _l("at least a week")),
            SelectChoice("30", _l("at least a month")),
        ],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Filter"))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.industry.choices = [ANY, *taxonomy_choices("industries")]
        self.owner.choices = [ANY, SelectChoice("0", _l("nobody"))] + [
            SelectChoice(str(user.id), user.full_name or user.email) for user in staff
        ]

    def criteria(self):
        from matchmaker.services.introductions import QueueCriteria

        return QueueCriteria(
            industry=self.industry.data or None,
            owner_id=int(self.owner.data) if self.owner.data else None,
            min_age_days=int(self.age.data) if self.age.data else None,
        )


class PipelineFilterForm(Form):
    status = SelectField(_l("Stage"), validators=[Optional()])
    owner = SelectField(_l("Owner"), validators=[Optional()])
    due = SelectField(
        _l("Next action"),
        choices=[ANY, SelectChoice("1", _l("due today or overdue"))],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Filter"))

    def __init__(self, *args, staff=(), **kwargs):
        from matchmaker.introductions.labels import STAGE_LABELS

        super().__init__(*args, **kwargs)
        self.status.choices = [ANY] + [
            SelectChoice(status.value, label) for status, label in STAGE_LABELS.items()
        ]
        self.owner.choices = [ANY, SelectChoice("0", _l("nobody"))] + [
            SelectChoice(str(user.id), user.full_name or user.email) for user in staff
        ]

    def criteria(self):
        from matchmaker.models import IntroductionStatus
        from matchmaker.services.introductions import PipelineCriteria

        return PipelineCriteria(
            status=IntroductionStatus(self.status.data) if self.status.data else None,
            owner_id=int(self.owner.data) if self.owner.data else None,
            due_only=self.due.data == "1",
        )
