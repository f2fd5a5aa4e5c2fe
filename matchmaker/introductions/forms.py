"""Forms of the introduction pages (parties and staff)."""

from __future__ import annotations

import functools
from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    SubmitField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from matchmaker.formbase import Form
from matchmaker.forms import MultiCheckboxField
from matchmaker.introductions.labels import OUTCOME_LABELS, REASON_LABELS
from matchmaker.models import DecisionReason, Outcome
from matchmaker.services.introductions import (
    FINAL_OUTCOMES,
    PARTY_DECLINE_REASONS,
    STAFF_REJECT_REASONS,
    MeetingData,
)

CHOOSE = SelectChoice("", _l("— choose —"))
LANGUAGE_CHOICES = [
    SelectChoice("en", "English"),
    SelectChoice("de", "Deutsch"),
    SelectChoice("ja", "日本語"),
]
# The zones the Japan Desk's meetings happen in come first; every other zone follows.
COMMON_ZONES = ("Europe/Berlin", "Asia/Tokyo", "Europe/London", "UTC")


def _zones() -> list[SelectChoice]:
    return [SelectChoice(zone, zone) for zone in _zone_names()]


@functools.cache
def _zone_names() -> tuple[str, ...]:
    # available_timezones() walks the zone database on disk: once per process is enough.
    others = sorted(zone for zone in available_timezones() if zone not in COMMON_ZONES)
    return (*COMMON_ZONES, *others)


def _reason_choices(reasons) -> list[SelectChoice]:
    return [CHOOSE] + [SelectChoice(reason.value, REASON_LABELS[reason]) for reason in reasons]


class AcceptForm(Form):
    # The version of the introduction the page showed: an answer to a page that is out
    # of date (or a second click) changes nothing.
    version = HiddenField(validators=[Optional()])
    submit = SubmitField(_l("Yes, introduce us"))


class DeclineForm(Form):
    version = HiddenField(validators=[Optional()])
    reason = SelectField(_l("Reason"), validators=[InputRequired()])
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("No, thank you"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = _reason_choices(PARTY_DECLINE_REASONS)

    @property
    def decision_reason(self) -> DecisionReason:
        return DecisionReason(self.reason.data)


class QuestionForm(Form):
    question = TextAreaField(
        _l("Your question to the Japan Desk"),
        filters=[lambda value: value.strip() if value else value],
        validators=[DataRequired(), Length(max=2000)],
    )
    submit = SubmitField(_l("Send question"))


class RequestForm(Form):
    message = TextAreaField(
        _l("Anything the Japan Desk should know (optional)"),
        validators=[Optional(), Length(max=2000)],
    )
    submit = SubmitField(_l("Request introduction"))


class MeetingForm(Form):
    day = DateField(_l("Date"), validators=[InputRequired()])
    time = TimeField(_l("Time"), validators=[InputRequired()])
    timezone = SelectField(_l("Time zone"), default="Europe/Berlin", validators=[InputRequired()])
    duration_minutes = IntegerField(
        _l("Duration (minutes)"), default=60, validators=[InputRequired(), NumberRange(15, 480)]
    )
    location = TextAreaField(_l("Place"), validators=[Optional(), Length(max=300)])
    video_url = URLField(_l("Video link"), validators=[Optional(), Length(max=500)])
    needs_interpreter = BooleanField(_l("An interpreter is needed"))
    interpreter_languages = MultiCheckboxField(
        _l("Interpreter languages"), choices=LANGUAGE_CHOICES, validators=[Optional()]
    )
    submit = SubmitField(_l("Save meeting and send invitations"))

    def __init__(self, *args, meeting=None, **kwargs):
        if meeting is not None and not kwargs.get("formdata"):
            from zoneinfo import ZoneInfo

            local = meeting.starts_at.astimezone(ZoneInfo(meeting.timezone))
            kwargs.setdefault("day", local.date())
            kwargs.setdefault("time", local.time())
            kwargs.setdefault("timezone", meeting.timezone)
            kwargs.setdefault("duration_minutes", meeting.duration_minutes)
            kwargs.setdefault("location", meeting.location)
            kwargs.setdefault("video_url", meeting.video_url)
            kwargs.setdefault("needs_interpreter", meeting.needs_interpreter)
            kwargs.setdefault(
                "interpreter_languages",
                [code for code in meeting.interpreter_languages.split(",") if code],
            )
        super().__init__(*args, **kwargs)
        self.timezone.choices = _zones()

    def meeting_data(self) -> MeetingData:
        from datetime import datetime

        return MeetingData(
            local_start=datetime.combine(self.day.data, self.time.data),
            timezone=self.timezone.data,
            duration_minutes=self.duration_minutes.data,
            location=(self.location.data or "").strip(),
            video_url=(self.video_url.data or "").strip(),
            needs_interpreter=bool(self.needs_interpreter.data),
            interpreter_languages=tuple(self.interpreter_languages.data or ()),
        )


class MeetingHeldForm(Form):
    submit = SubmitField(_l("The meeting took place"))


class FeedbackForm(Form):
    outcome = SelectField(_l("Where do you stand?"), validators=[InputRequired()])
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Send feedback"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome.choices = [CHOOSE] + [
            SelectChoice(outcome.value, label) for outcome, label in OUTCOME_LABELS.items()
        ]


# --- staff ----------------------------------------------------------------------------------


class ApproveForm(Form):
    comment = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Approve"))


class RejectForm(Form):
    reason = SelectField(_l("Reason"), validators=[InputRequired()])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Reject"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = _reason_choices(STAFF_REJECT_REASONS)

    @property
    def decision_reason(self) -> DecisionReason:
        return DecisionReason(self.reason.data)


class HandlingForm(Form):
    owner = SelectField(_l("Owner"), validators=[Optional()])
    next_action = TextAreaField(_l("Next action"), validators=[Optional(), Length(max=200)])
    next_action_on = DateField(_l("Due on"), validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=10000)])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner.choices = [SelectChoice("", _l("nobody"))] + [
            SelectChoice(str(user.id), user.full_name or user.email) for user in staff
        ]


class IntroduceForm(Form):
    language = SelectField(_l("Language of the common part"), choices=LANGUAGE_CHOICES)
    text = TextAreaField(
        _l("Introduction text (both sides receive it)"),
        filters=[lambda value: value.strip() if value else value],
        validators=[DataRequired(), Length(max=20000)],
    )
    submit = SubmitField(_l("Send the introduction"))


class OutcomeForm(Form):
    outcome = SelectField(_l("Outcome"), validators=[InputRequired()])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Record outcome"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome.choices = [CHOOSE] + [
            SelectChoice(outcome.value, OUTCOME_LABELS[outcome]) for outcome in FINAL_OUTCOMES
        ]


class AccountManagerForm(Form):
    manager = SelectField(_l("Account manager"), validators=[Optional()])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.manager.choices = [SelectChoice("", _l("nobody"))] + [
            SelectChoice(str(user.id), user.full_name or user.email) for user in staff
        ]


def outcome_of(form) -> Outcome:
    return Outcome(form.outcome.data)


def version_of(form) -> int | None:
    value = (form.version.data or "").strip()
    # ASCII digits only: "²" is a digit to `str.isdigit` but no number to `int`.
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None
