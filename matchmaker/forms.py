"""Form pieces shared by the blueprints: taxonomy choices, countries, the profile form."""

from __future__ import annotations

import dataclasses
import functools

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from matchmaker.formbase import Form
from matchmaker.models import DecisionPath
from matchmaker.services.profiles import LOGO_MAX_BYTES, ProfileData
from matchmaker.taxonomy import vocabulary


def current_locale() -> str:
    return str(get_locale() or "en")


class ConfirmForm(Form):
    """An empty form: a CSRF-protected button."""

    submit = SubmitField()


class MultiCheckboxField(SelectMultipleField):
    """Many choices as a list of checkboxes (accessible, and usable on a phone)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def taxonomy_choices(name: str, selected=()) -> list[SelectChoice]:
    """Active terms in the user's language, plus retired ones the profile still holds."""
    return [
        SelectChoice(term_id, label)
        for term_id, label in vocabulary(name).choices(current_locale(), include=selected or ())
    ]


def country_choices() -> list[SelectChoice]:
    return [SelectChoice("", _l("— choose —"))] + [
        SelectChoice(code, name) for code, name in _countries(current_locale())
    ]


@functools.cache
def _countries(locale: str) -> tuple[tuple[str, str], ...]:
    """ISO country codes with their names in `locale`, sorted by name (computed once)."""
    territories = Locale.parse(locale).territories
    return tuple(
        sorted(
            ((code, name) for code, name in territories.items() if len(code) == 2 and code != "ZZ"),
            key=lambda item: item[1],
        )
    )


TEXT_LANGUAGE_CHOICES = [
    SelectChoice("", _l("Detect automatically")),
    SelectChoice("en", "English"),
    SelectChoice("de", "Deutsch"),
    SelectChoice("ja", "日本語"),
]


def empty_to_none(value):
    return value or None


class ProfileForm(Form):
    """The fields startups and corporates share; subclasses add their own."""

    name = StringField(_l("Organisation name"), validators=[Length(min=2, max=200)])
    website = URLField(_l("Website"), validators=[Optional(), Length(max=300)])
    country = SelectField(_l("Country"), validators=[Optional()])
    city = StringField(_l("City"), validators=[Optional(), Length(max=100)])
    description = TextAreaField(
        _l("Description"), validators=[Length(min=20, max=5000)], render_kw={"rows": 5}
    )
    text_language = SelectField(
        _l("Language of your texts"),
        choices=TEXT_LANGUAGE_CHOICES,
        filters=[empty_to_none],
        validators=[Optional()],
    )
    industries = MultiCheckboxField(_l("Industries"), validators=[Optional()])
    technologies = MultiCheckboxField(_l("Technologies"), validators=[Optional()])
    languages = MultiCheckboxField(_l("Working languages"), validators=[Optional()])
    contact_name = StringField(_l("Contact person"), validators=[Optional(), Length(max=120)])
    contact_role = StringField(_l("Their role"), validators=[Optional(), Length(max=120)])
    contact_email = EmailField(
        _l("Their email"),
        validators=[Optional(), Length(max=254), Email(check_deliverability=False)],
    )
    contact_phone = StringField(_l("Their phone"), validators=[Optional(), Length(max=40)])
    submit = SubmitField(_l("Save profile"))

    vocabularies: tuple[str, ...] = ("industries", "technologies", "languages")

    def __init__(self, *args, organization=None, **kwargs):
        if organization is not None and not kwargs.get("formdata") and "obj" not in kwargs:
            kwargs["data"] = ProfileData.of(organization).__dict__
        super().__init__(*args, **kwargs)
        self.country.choices = country_choices()
        for name in self.vocabularies:
            getattr(self, name).choices = taxonomy_choices(
                name, organization.term_ids(name) if organization else ()
            )

    def profile_data(self, organization) -> ProfileData:
        """The organisation's profile with this form's fields replaced: what the form does
        not show (e.g. an imported value) is kept, not wiped."""
        values = {
            name: _clean(self[name])
            for name in ProfileData.__dataclass_fields__
            if name in self._fields and name not in self.vocabularies
        }
        terms = {name: tuple(self[name].data or ()) for name in self.vocabularies}
        return dataclasses.replace(ProfileData.of(organization), **values, **terms)


def _clean(field):
    """Text inputs arrive as None when left out of a form post; the domain wants ''."""
    if isinstance(field, StringField) and not isinstance(field, SelectField):
        return (field.data or "").strip()
    return field.data


class StartupProfileForm(ProfileForm):
    offers = TextAreaField(
        _l("What you offer"), validators=[Optional(), Length(max=3000)], render_kw={"rows": 4}
    )
    seeks = TextAreaField(
        _l("What you seek from a Japanese partner"),
        validators=[Optional(), Length(max=3000)],
        render_kw={"rows": 4},
    )
    founded_year = IntegerField(
        _l("Founded in"),
        validators=[
            Optional(),
            NumberRange(min=1800, max=2100, message=_l("Enter a year between 1800 and 2100.")),
        ],
    )
    team_size = IntegerField(
        _l("Team size"),
        validators=[
            Optional(),
            NumberRange(min=1, max=1_000_000, message=_l("Enter a number of people, at least 1.")),
        ],
    )
    stage = SelectField(_l("Stage"), filters=[empty_to_none], validators=[Optional()])
    funding_status = StringField(_l("Funding status"), validators=[Optional(), Length(max=200)])
    partnership_types = MultiCheckboxField(_l("Partnership types wanted"), validators=[Optional()])
    accepts_proposals = BooleanField(_l("Open to introduction proposals"))

    vocabularies = ("industries", "technologies", "partnership_types", "languages")

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, organization=organization, **kwargs)
        current = [organization.stage] if organization and organization.stage else ()
        self.stage.choices = [
            SelectChoice("", _l("— choose —")),
            *taxonomy_choices("stages", current),
        ]


class CorporateProfileForm(ProfileForm):
    parent_company = StringField(
        _l("Parent company in Japan"), validators=[Optional(), Length(max=200)]
    )
    decision_path = SelectField(
        _l("Who decides on partnerships"),
        choices=[
            SelectChoice("", _l("— choose —")),
            SelectChoice(DecisionPath.LOCAL.value, _l("Our European subsidiary")),
            SelectChoice(DecisionPath.HEADQUARTERS.value, _l("Headquarters in Japan")),
            SelectChoice(DecisionPath.JOINT.value, _l("Both together")),
        ],
        filters=[lambda value: DecisionPath(value) if value else None],
        validators=[Optional()],
    )
    seeks = TextAreaField(
        _l("What you look for in startups, in general"),
        validators=[Optional(), Length(max=3000)],
        render_kw={"rows": 3},
    )
    offers = TextAreaField(
        _l("What you can offer startups"),
        validators=[Optional(), Length(max=3000)],
        render_kw={"rows": 3},
    )
    is_name_public = BooleanField(_l("Startups may see our company name beside our needs"))
    stages = MultiCheckboxField(_l("Startup stages you work with"), validators=[Optional()])

    vocabularies = ("industries", "technologies", "languages", "stages")


class LogoForm(Form):
    logo = FileField(
        _l("Logo (PNG, JPEG or WebP, at most 2 MB)"),
        validators=[
            FileRequired(),
            FileAllowed(["png", "jpg", "jpeg", "webp"], _l("Upload a PNG, JPEG or WebP image.")),
            FileSize(LOGO_MAX_BYTES, message=_l("The logo may be at most 2 MB.")),
        ],
    )
    submit = SubmitField(_l("Upload logo"))
