"""Profiles and corporate needs: editing, the staff validation gate, completeness, logos."""

from __future__ import annotations

import difflib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from PIL import Image

from matchmaker.extensions import db
from matchmaker.matching.text import detect_language
from matchmaker.models import (
    TAKEN_OFF_STATUSES,
    DecisionPath,
    Need,
    NeedStatus,
    NeedTerm,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    ProfileStatus,
    TimeHorizon,
    User,
    utcnow,
)
from matchmaker.services.accounts import is_email
from matchmaker.services.errors import DomainError
from matchmaker.services.matching import refresh_need_matches, refresh_organization
from matchmaker.taxonomy import vocabulary

TEXT_LANGUAGES = ("en", "de", "ja")
PROFILE_VOCABULARIES = {
    OrganizationKind.STARTUP: ("industries", "technologies", "partnership_types", "languages"),
    # A corporate's "stages" are the startup stages it works with (a startup has one stage).
    OrganizationKind.CORPORATE: ("industries", "technologies", "languages", "stages"),
}
NEED_VOCABULARIES = ("technologies", "partnership_types")
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 40_000_000
LOGO_SIZE = (512, 512)
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
# Below this similarity of the public text, an approved profile goes back to staff.
SUBSTANTIAL_EDIT_RATIO = 0.85


class ProfileInvalid(DomainError):
    """Values the domain refuses, by field name (the same names as the CSV columns)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


class InvalidImage(DomainError):
    pass


class ReviewRefused(DomainError):
    pass


@dataclass(frozen=True)
class ProfileData:
    """Everything an owner (or an import) can set on a profile."""

    name: str
    website: str = ""
    country: str = ""
    city: str = ""
    description: str = ""
    offers: str = ""
    seeks: str = ""
    text_language: str | None = None  # None: detect from the text
    founded_year: int | None = None
    team_size: int | None = None
    stage: str | None = None
    funding_status: str = ""
    parent_company: str = ""
    decision_path: DecisionPath | None = None
    is_name_public: bool = False
    accepts_proposals: bool = True
    contact_name: str = ""
    contact_role: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    industries: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    partnership_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()  # corporates: the startup stages they work with

    @classmethod
    def of(cls, organization: Organization) -> ProfileData:
        """The current values of a profile, e.g. to pre-fill a form."""
        values = {
            f.name: getattr(organization, f.name)
            for f in fields(cls)
            if hasattr(Organization, f.name) and f.name not in VOCABULARY_FIELDS
        }
        terms = {name: tuple(organization.term_ids(name)) for name in VOCABULARY_FIELDS}
        return cls(**values, **terms)


VOCABULARY_FIELDS = ("industries", "technologies", "partnership_types", "languages", "stages")
TEXT_LIMITS = {
    "name": 200,
    "website": 300,
    "city": 100,
    "description": 5000,
    "offers": 3000,
    "seeks": 3000,
    "funding_status": 200,
    "parent_company": 200,
    "contact_name": 120,
    "contact_role": 120,
    "contact_email": 254,
    "contact_phone": 40,
}


@dataclass(frozen=True)
class NeedData:
    title: str
    description: str = ""
    text_language: str | None = None
    time_horizon: TimeHorizon = TimeHorizon.SOON
    technologies: tuple[str, ...] = ()
    partnership_types: tuple[str, ...] = ()


def validate_profile(kind: OrganizationKind, data: ProfileData) -> None:
    """Raise ProfileInvalid naming every field the domain refuses."""
    errors: dict[str, str] = {}
    if len(data.name.strip()) < 2:
        errors["name"] = str(_l("Enter the organisation's name."))
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(data, name)) > limit:
            errors[name] = str(_l("Use at most %(limit)d characters.", limit=limit))
    if data.website and not _is_web_url(data.website):
        errors["website"] = str(_l("Enter a full web address starting with https://"))
    if data.country and (len(data.country) != 2 or not data.country.isalpha()):
        errors["country"] = str(_l("Use a two-letter country code such as DE or JP."))
    if data.text_language is not None and data.text_language not in TEXT_LANGUAGES:
        errors["text_language"] = str(_l("Choose English, German or Japanese."))
    this_year = date.today().year
    if data.founded_year is not None and not 1800 <= data.founded_year <= this_year:
        errors["founded_year"] = str(_l("Enter a year between 1800 and %(year)d.", year=this_year))
    if data.team_size is not None and not 1 <= data.team_size <= 1_000_000:
        errors["team_size"] = str(_l("Enter a number of people between 1 and 1,000,000."))
    if data.stage is not None and not vocabulary("stages").is_active(data.stage):
        errors["stage"] = str(_l("Unknown stage: %(value)s", value=data.stage))
    if data.contact_email and not is_email(data.contact_email):
        errors["contact_email"] = str(_l("Enter a valid email address."))
    for name in VOCABULARY_FIELDS:
        unknown = [term for term in getattr(data, name) if term not in vocabulary(name)]
        if unknown:
            errors[name] = str(_l("Unknown terms: %(terms)s", terms=", ".join(unknown)))
        elif getattr(data, name) and name not in PROFILE_VOCABULARIES[kind]:
            errors[name] = str(_l("Not used for this kind of organisation."))
    if errors:
        raise ProfileInvalid(errors)


def _is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1": brackets that hold no address
        return False
    return parts.scheme in {"http", "https"} and "." in parts.netloc and " " not in value


PUBLIC_TEXT_FIELDS = ("name", "website", "description", "offers", "seeks")


def public_text(organization: Organization | ProfileData | Mapping[str, object]) -> str:
    """What staff review of a profile (or of a profile's column values), as one text."""
    if isinstance(organization, Mapping):
        values = [organization.get(name) for name in PUBLIC_TEXT_FIELDS]
    else:
        values = [getattr(organization, name) for name in PUBLIC_TEXT_FIELDS]
    # A new organisation not flushed yet has None where the column defaults will put "".
    return "\n".join(str(value or "") for value in values)


def need_text(need: Need) -> str:
    """What staff review of a need, as one text."""
    return f"{need.title}\n{need.description}"


def set_review_status(organization: Organization, status: ProfileStatus) -> None:
    """Move a profile through the validation gate; approving keeps the approved text."""
    organization.status = status
    if status is ProfileStatus.APPROVED:
        organization.approved_text = public_text(organization)


def set_need_review_status(need: Need, status: ProfileStatus) -> None:
    """Move a need through the validation gate; approving keeps the approved text."""
    need.review_status = status
    if status is ProfileStatus.APPROVED:
        need.approved_text = need_text(need)


def is_substantial_change(before: str, after: str) -> bool:
    """A rewrite, not a typo fix: staff should look again."""
    if before == after:
        return False
    return difflib.SequenceMatcher(None, before, after, autojunk=False).ratio() < (
        SUBSTANTIAL_EDIT_RATIO
    )


def profile_column_values(data: ProfileData) -> dict[str, object]:
    """The organisation columns that `data` sets: texts trimmed, country upper-case, the
    text language detected when not given. Shared by the profile form and the CSV import."""
    values: dict[str, object] = {name: getattr(data, name).strip() for name in TEXT_LIMITS}
    values.update(
        country=data.country.upper(),
        text_language=data.text_language
        or detect_language("\n".join([data.description, data.offers, data.seeks])),
        founded_year=data.founded_year,
        team_size=data.team_size,
        stage=data.stage,
        decision_path=data.decision_path,
        is_name_public=data.is_name_public,
        accepts_proposals=data.accepts_proposals,
    )
    return values


def update_profile(organization: Organization, data: ProfileData) -> None:
    """Save an owner's (or an import's) profile and move it through the validation gate.

    A first save submits the profile to staff; after approval, a new name or web address,
    or a text that differs substantially from the one staff approved, sends it back for
    review (measured against the approved text, not the last save: many small edits add
    up).
    """
    validate_profile(organization.kind, data)
    before_text, before_name = public_text(organization), organization.name
    before_website, approved_text = organization.website, organization.approved_text
    for name, value in profile_column_values(data).items():
        setattr(organization, name, value)
    _replace_terms(
        organization.terms,
        lambda vocab, term: OrganizationTerm(vocabulary=vocab, term_id=term),
        {name: getattr(data, name) for name in PROFILE_VOCABULARIES[organization.kind]},
    )
    organization.updated_at = utcnow()

    if organization.status in (ProfileStatus.DRAFT, ProfileStatus.CHANGES_REQUESTED) or (
        organization.status is ProfileStatus.APPROVED
        and (
            # A new name or web address (where the other side's visitors go) is always
            # reviewed; texts when the edit is more than a small one.
            before_name != organization.name
            or before_website != organization.website
            or is_substantial_change(approved_text or before_text, public_text(organization))
        )
    ):
        organization.status = ProfileStatus.PENDING
        organization.submitted_at = utcnow()
    db.session.commit()
    refresh_organization(organization)


def _replace_terms(current: list, make, wanted: dict[str, tuple[str, ...]]) -> None:
    """Make the term rows equal `wanted`, keeping rows that stay (no churn of ids)."""
    keep = {(vocab, term) for vocab, terms in wanted.items() for term in terms}
    for row in list(current):
        if (row.vocabulary, row.term_id) not in keep:
            current.remove(row)
    existing = {(row.vocabulary, row.term_id) for row in current}
    for vocab, terms in wanted.items():
        for term in dict.fromkeys(terms):
            if (vocab, term) not in existing:
                current.append(make(vocab, term))


# --- the staff validation gate -------------------------------------------------------


def approve_profile(organization: Organization, reviewer: User) -> None:
    """Staff approve a submitted profile: it becomes matchable and visible."""
    if organization.status not in (
        ProfileStatus.PENDING,
        ProfileStatus.SUSPENDED,
        ProfileStatus.CHANGES_REQUESTED,
    ):
        raise ReviewRefused(str(_l("Only a submitted or suspended profile can be approved.")))
    _review(organization, reviewer, ProfileStatus.APPROVED, "")


def request_profile_changes(organization: Organization, reviewer: User, comment: str) -> None:
    """Staff send a profile back to its owner with a comment."""
    if not comment.strip():
        raise ReviewRefused(str(_l("Tell the owner what to change.")))
    if organization.status is ProfileStatus.DELETED:
        raise ReviewRefused(str(_l("This profile was deleted.")))
    _review(organization, reviewer, ProfileStatus.CHANGES_REQUESTED, comment)


def suspend_profile(organization: Organization, reviewer: User, comment: str) -> None:
    """Staff take a profile off matching and out of sight; owner edits do not undo this."""
    if not comment.strip():
        raise ReviewRefused(str(_l("Give a reason for the suspension.")))
    if organization.status is ProfileStatus.DELETED:
        raise ReviewRefused(str(_l("This profile was deleted.")))
    _review(organization, reviewer, ProfileStatus.SUSPENDED, comment)


def _review(
    organization: Organization, reviewer: User, status: ProfileStatus, comment: str
) -> None:
    set_review_status(organization, status)
    organization.review_comment = comment.strip()
    organization.reviewed_at = utcnow()
    organization.reviewed_by_id = reviewer.id
    db.session.commit()
    refresh_organization(organization)


# --- needs ---------------------------------------------------------------------------


def validate_need(data: NeedData) -> None:
    errors: dict[str, str] = {}
    if len(data.title.strip()) < 3:
        errors["title"] = str(_l("Give the need a title."))
    elif len(data.title) > 200:
        errors["title"] = str(_l("Use at most %(limit)d characters.", limit=200))
    if len(data.description) > 5000:
        errors["description"] = str(_l("Use at most %(limit)d characters.", limit=5000))
    if data.text_language is not None and data.text_language not in TEXT_LANGUAGES:
        errors["text_language"] = str(_l("Choose English, German or Japanese."))
    for name in NEED_VOCABULARIES:
        unknown = [term for term in getattr(data, name) if term not in vocabulary(name)]
        if unknown:
            errors[name] = str(_l("Unknown terms: %(terms)s", terms=", ".join(unknown)))
    if errors:
        raise ProfileInvalid(errors)


def save_need(organization: Organization, data: NeedData, need: Need | None = None) -> Need:
    """Create a need, or update one; new and substantially edited needs go to staff."""
    if organization.kind is not OrganizationKind.CORPORATE:
        raise DomainError(str(_l("Only companies describe needs.")))
    validate_need(data)
    if need is None:
        need = Need(organization=organization, review_status=ProfileStatus.PENDING)
        db.session.add(need)
        before = None
    else:
        before = need.approved_text or need_text(need)
    need.title = data.title.strip()
    need.description = data.description.strip()
    need.text_language = data.text_language or detect_language(f"{need.title}\n{need.description}")
    need.time_horizon = data.time_horizon
    _replace_terms(
        need.terms,
        lambda vocab, term: NeedTerm(vocabulary=vocab, term_id=term),
        {name: getattr(data, name) for name in NEED_VOCABULARIES},
    )
    need.updated_at = utcnow()
    if before is not None and (
        need.review_status is ProfileStatus.CHANGES_REQUESTED
        or (
            need.review_status is ProfileStatus.APPROVED
            and is_substantial_change(before, need_text(need))
        )
    ):
        need.review_status = ProfileStatus.PENDING
    db.session.commit()
    refresh_need_matches(need)
    return need


def set_need_status(need: Need, status: NeedStatus) -> None:
    """Owners open, pause or close a need; only open needs take part in matching."""
    need.status = status
    need.updated_at = utcnow()
    db.session.commit()
    refresh_need_matches(need)


def review_need(need: Need, reviewer: User, status: ProfileStatus, comment: str = "") -> None:
    """Staff approve a need or send it back with a comment."""
    if status is ProfileStatus.CHANGES_REQUESTED and not comment.strip():
        raise ReviewRefused(str(_l("Tell the owner what to change.")))
    if status not in (ProfileStatus.APPROVED, ProfileStatus.CHANGES_REQUESTED):
        raise ReviewRefused(str(_l("A need can only be approved or sent back.")))
    if is_taken_off(need.organization):
        raise ReviewRefused(str(_l("The company's profile is suspended or deleted.")))
    set_need_review_status(need, status)
    need.review_comment = comment.strip()
    db.session.commit()
    refresh_need_matches(need)


# --- completeness --------------------------------------------------------------------


@dataclass(frozen=True)
class MissingItem:
    field: str
    label: str
    why: str


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[MissingItem] = field(default_factory=list)


def _checks(kind: OrganizationKind):
    """(field, is filled?, label, why it matters) for each part of a good profile."""
    common = [
        (
            "description",
            lambda o: len(o.description) >= 80,
            _l("Description"),
            _l("A few sentences about what you do are what the matcher reads first."),
        ),
        (
            "industries",
            lambda o: bool(o.term_ids("industries")),
            _l("Industries"),
            _l("Industries are matched across languages, even when the texts differ."),
        ),
        (
            "languages",
            lambda o: bool(o.term_ids("languages")),
            _l("Working languages"),
            _l("A shared working language makes an introduction work."),
        ),
        (
            "country",
            lambda o: bool(o.country and o.city),
            _l("Location"),
            _l("Partners like to know where you are."),
        ),
        (
            "contact",
            lambda o: bool(o.contact_name and o.contact_email),
            _l("Contact person"),
            _l("Only revealed after both sides accept an introduction, but needed then."),
        ),
    ]
    if kind is OrganizationKind.STARTUP:
        return [
            *common,
            (
                "offers",
                lambda o: len(o.offers) >= 40,
                _l("What you offer"),
                _l("Matched against what Japanese companies seek."),
            ),
            (
                "seeks",
                lambda o: len(o.seeks) >= 40,
                _l("What you seek"),
                _l("Matched against what the companies can offer you."),
            ),
            (
                "technologies",
                lambda o: bool(o.term_ids("technologies")),
                _l("Technologies"),
                _l("Companies filter and rank startups by technology."),
            ),
            (
                "stage",
                lambda o: bool(o.stage),
                _l("Stage"),
                _l("Some partnerships fit early startups, others need a product in market."),
            ),
            (
                "partnership_types",
                lambda o: bool(o.term_ids("partnership_types")),
                _l("Partnership types"),
                _l("A pilot, distribution or investment: the kind of partnership you want."),
            ),
            (
                "website",
                lambda o: bool(o.website),
                _l("Website"),
                _l("The first thing a company's team will open."),
            ),
        ]
    return [
        *common,
        (
            "parent_company",
            lambda o: bool(o.parent_company),
            _l("Parent company in Japan"),
            _l("Startups want to know who stands behind you."),
        ),
        (
            "decision_path",
            lambda o: o.decision_path is not None,
            _l("Decision path"),
            _l("Whether decisions sit here or at headquarters sets expectations on timing."),
        ),
        (
            "needs",
            lambda o: any(need.status is NeedStatus.OPEN for need in o.needs),
            _l("An open need"),
            _l("Matching ranks startups per need: without one there is nothing to rank."),
        ),
    ]


def profile_completeness(organization: Organization) -> Completeness:
    """How complete a profile is, with what is missing and why it matters."""
    checks = _checks(organization.kind)
    missing = [
        MissingItem(name, str(label), str(why))
        for name, is_filled, label, why in checks
        if not is_filled(organization)
    ]
    percent = round(100 * (len(checks) - len(missing)) / len(checks))
    return Completeness(percent=percent, missing=missing)


# --- logo ----------------------------------------------------------------------------


def set_logo(organization: Organization, upload: bytes) -> None:
    """Check an uploaded PNG, JPEG or WebP and store it re-encoded (no metadata, bounded size)."""
    if len(upload) > LOGO_MAX_BYTES:
        raise InvalidImage(str(_l("The logo may be at most 2 MB.")))
    try:
        with Image.open(io.BytesIO(upload)) as probe:
            if probe.format not in LOGO_FORMATS:
                raise InvalidImage(str(_l("Upload a PNG, JPEG or WebP image.")))
            if probe.width * probe.height > LOGO_MAX_PIXELS:
                raise InvalidImage(str(_l("The image has too many pixels.")))
            probe.verify()
        with Image.open(io.BytesIO(upload)) as image:
            image.load()
            image = image.convert("RGBA")
            image.thumbnail(LOGO_SIZE)
            output = io.BytesIO()
            image.save(output, format="PNG", optimize=True)
    except InvalidImage:
        raise
    except Exception as exc:
        # Decoders of untrusted files fail in many ways (OSError, SyntaxError for a bad
        # PNG checksum, struct.error, ...): every one of them means "not a usable image".
        raise InvalidImage(str(_l("This file is not an image we can read."))) from exc
    organization.logo = output.getvalue()
    organization.logo_mime = "image/png"
    db.session.commit()


def remove_logo(organization: Organization) -> None:
    organization.logo = None
    organization.logo_mime = None
    db.session.commit()


def is_taken_off(organization: Organization | None) -> bool:
    """Suspended by staff or deleted: its members see nothing of the other side."""
    return organization is not None and organization.status in TAKEN_OFF_STATUSES


def profile_visible_to(organization: Organization, user: User) -> bool:
    """Staff see every profile, members their own, the other side only validated ones
    (and not while their own organisation is suspended)."""
    if user.is_staff or user.organization_id == organization.id:
        return True
    viewer = user.organization
    return (
        organization.status is ProfileStatus.APPROVED
        and viewer is not None
        and viewer.kind is not organization.kind
        and not is_taken_off(viewer)
        # A corporate that keeps its name private is not shown by its logo either.
        and (organization.kind is OrganizationKind.STARTUP or organization.is_name_public)
    )
