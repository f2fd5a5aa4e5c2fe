"""Forms for a corporate's needs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from matchmaker.formbase import Form
from matchmaker.forms import (
    TEXT_LANGUAGE_CHOICES,
    MultiCheckboxField,
    country_choices,
    empty_to_none,
    taxonomy_choices,
)
from matchmaker.models import MarkKind, Need, NeedStatus, TimeHorizon
from matchmaker.services.profiles import NeedData
from matchmaker.services.shortlists import MatchCriteria

TIME_HORIZONS = [
    SelectChoice(TimeHorizon.NOW.value, _l("Now (within 3 months)")),
    SelectChoice(TimeHorizon.SOON.value, _l("Soon (3 to 12 months)")),
    SelectChoice(TimeHorizon.LATER.value, _l("Later (more than a year)")),
]


class NeedForm(Form):
    title = StringField(
        _l("Title"),
        validators=[DataRequired(), Length(min=3, max=200)],
        description=_l("For example: Predictive maintenance for our press lines"),
    )
    description = TextAreaField(
        _l("What are you looking for?"),
        validators=[DataRequired(), Length(min=20, max=5000)],
        render_kw={"rows": 6},
    )
    text_language = SelectField(
        _l("Language of the text"),
        choices=TEXT_LANGUAGE_CHOICES,
        filters=[empty_to_none],
        validators=[Optional()],
    )
    time_horizon = SelectField(_l("Time horizon"), choices=TIME_HORIZONS)
    technologies = MultiCheckboxField(_l("Technologies"), validators=[Optional()])
    partnership_types = MultiCheckboxField(_l("Partnership types"), validators=[Optional()])
    submit = SubmitField(_l("Save need"))

    def __init__(self, *args, need: Need | None = None, **kwargs):
        if need is not None:
            kwargs.setdefault(
                "data",
                {
                    "title": need.title,
                    "description": need.description,
                    "text_language": need.text_language,
                    "time_horizon": need.time_horizon.value,
                    "technologies": need.term_ids("technologies"),
                    "partnership_types": need.term_ids("partnership_types"),
                },
            )
        super().__init__(*args, **kwargs)
        for name in ("technologies", "partnership_types"):
            getattr(self, name).choices = taxonomy_choices(
                name, need.term_ids(name) if need else ()
            )

    def need_data(self) -> NeedData:
        return NeedData(
            title=self.title.data.strip(),
            description=self.description.data.strip(),
            text_language=self.text_language.data,
            time_horizon=TimeHorizon(self.time_horizon.data),
            technologies=tuple(self.technologies.data or ()),
            partnership_types=tuple(self.partnership_types.data or ()),
        )


class NeedStatusForm(Form):
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice(NeedStatus.OPEN.value, _l("Open")),
            SelectChoice(NeedStatus.PAUSED.value, _l("Paused")),
            SelectChoice(NeedStatus.CLOSED.value, _l("Closed")),
        ],
    )
    submit = SubmitField(_l("Change"))


ANY = SelectChoice("", _l("any"))


class MatchFilterForm(Form):
    """Filters and sorting of a need's ranked startups (a GET form)."""

    industry = SelectField(_l("Industry"), validators=[Optional()])
    technology = SelectField(_l("Technology"), validators=[Optional()])
    stage = SelectField(_l("Stage"), validators=[Optional()])
    country = SelectField(_l("Country"), validators=[Optional()])
    language = SelectField(_l("Language"), validators=[Optional()])
    sort = SelectField(
        _l("Sort by"),
        choices=[
            SelectChoice("score", _l("best match")),
            SelectChoice("newest", _l("youngest company")),
            SelectChoice("founded", _l("longest in business")),
            SelectChoice("team_size", _l("largest team")),
        ],
        default="score",
        validators=[Optional()],
    )
    saved = SelectField(
        _l("Show"),
        choices=[SelectChoice("", _l("all")), SelectChoice("1", _l("saved only"))],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Apply"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.industry.choices = [ANY, *taxonomy_choices("industries")]
        self.technology.choices = [ANY, *taxonomy_choices("technologies")]
        self.stage.choices = [ANY, *taxonomy_choices("stages")]
        self.country.choices = [ANY, *country_choices()[1:]]
        self.language.choices = [ANY, *taxonomy_choices("languages")]

    def criteria(self) -> MatchCriteria:
        return MatchCriteria(
            industry=self.industry.data or None,
            technology=self.technology.data or None,
            stage=self.stage.data or None,
            country=self.country.data or None,
            language=self.language.data or None,
            sort=self.sort.data or "score",
            saved_only=self.saved.data == "1",
        )


class MarkForm(Form):
    """Save / not interested / undo for one startup (the buttons carry the value)."""

    kind = SelectField(
        choices=[
            SelectChoice(MarkKind.SAVED.value, _l("Save")),
            SelectChoice(MarkKind.NOT_INTERESTED.value, _l("Not interested")),
            SelectChoice("clear", _l("Undo")),
        ],
        validators=[DataRequired()],
    )

    @property
    def mark(self) -> MarkKind | None:
        return None if self.kind.data == "clear" else MarkKind(self.kind.data)
