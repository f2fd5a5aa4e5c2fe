"""Database models (SQLAlchemy 2.0 typed declarative). No commits and no business flows here:
state changes live in `matchmaker.services`."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matchmaker.extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator):
    """A timestamp that is always timezone-aware UTC in Python.

    PostgreSQL keeps the zone; SQLite hands back naive values, which we read as UTC
    because we only ever write UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass a UTC-aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_column(enum_class: type[enum.Enum], name: str | None = None) -> sa.Enum:
    """A portable enum column: VARCHAR plus CHECK, storing the members' lower-case values.

    `name` names the CHECK constraint; it must differ when one table has two columns of
    the same enum."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
        name=name or enum_class.__name__.lower(),
    )


class Role(enum.StrEnum):
    STARTUP = "startup"
    CORPORATE = "corporate"
    STAFF = "staff"
    ADMIN = "admin"


class OrganizationKind(enum.StrEnum):
    STARTUP = "startup"
    CORPORATE = "corporate"


ROLE_FOR_KIND = {OrganizationKind.STARTUP: Role.STARTUP, OrganizationKind.CORPORATE: Role.CORPORATE}


class ProfileStatus(enum.StrEnum):
    """Where a profile (or a need) stands in the staff validation gate."""

    DRAFT = "draft"  # not yet submitted
    PENDING = "pending"  # waiting for staff
    APPROVED = "approved"  # matchable and visible to the other side
    CHANGES_REQUESTED = "changes_requested"  # sent back with a comment
    SUSPENDED = "suspended"  # taken off by staff; owner edits do not lift it
    DELETED = "deleted"  # the owner deleted the account; kept anonymised for statistics


# Taken off by staff or by the owner: nothing of the other side is shown to its members,
# and its introductions are on hold.
TAKEN_OFF_STATUSES = (ProfileStatus.SUSPENDED, ProfileStatus.DELETED)


class DecisionPath(enum.StrEnum):
    LOCAL = "local"  # the European subsidiary decides
    HEADQUARTERS = "headquarters"  # decisions sit at HQ in Japan
    JOINT = "joint"


class NeedStatus(enum.StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class TimeHorizon(enum.StrEnum):
    NOW = "now"  # within 3 months
    SOON = "soon"  # 3 to 12 months
    LATER = "later"  # more than a year


class Organization(db.Model):
    """A startup or a Japanese corporate (usually its European subsidiary)."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[OrganizationKind] = mapped_column(enum_column(OrganizationKind), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Public profile (visible to the other side once approved).
    website: Mapped[str] = mapped_column(sa.String(300), default="")
    country: Mapped[str] = mapped_column(sa.String(2), default="")
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    offers: Mapped[str] = mapped_column(sa.Text, default="")
    seeks: Mapped[str] = mapped_column(sa.Text, default="")
    text_language: Mapped[str] = mapped_column(sa.String(2), default="en")
    founded_year: Mapped[int | None]
    team_size: Mapped[int | None]
    stage: Mapped[str | None] = mapped_column(sa.String(40))
    funding_status: Mapped[str] = mapped_column(sa.String(200), default="")
    parent_company: Mapped[str] = mapped_column(sa.String(200), default="")
    decision_path: Mapped[DecisionPath | None] = mapped_column(enum_column(DecisionPath))
    # Consent flags: a corporate may allow startups to see its name beside its needs;
    # a startup may pause proposals without leaving.
    is_name_public: Mapped[bool] = mapped_column(default=False)
    accepts_proposals: Mapped[bool] = mapped_column(default=True)

    # Private until an introduction reveals it.
    contact_name: Mapped[str] = mapped_column(sa.String(120), default="")
    contact_role: Mapped[str] = mapped_column(sa.String(120), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(254), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(40), default="")

    logo: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)
    logo_mime: Mapped[str | None] = mapped_column(sa.String(40))

    # The staff validation gate.
    status: Mapped[ProfileStatus] = mapped_column(
        enum_column(ProfileStatus), default=ProfileStatus.DRAFT, index=True
    )
    review_comment: Mapped[str] = mapped_column(sa.Text, default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL", use_alter=True)
    )
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The public text as staff last approved it: an owner's edits are measured against
    # it, so that no profile drifts away from what staff saw one small edit at a time.
    approved_text: Mapped[str | None] = mapped_column(sa.Text, deferred=True)
    # The Japan Desk member who looks after this organisation; new introductions of a
    # corporate go to its account manager.
    account_manager_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL", use_alter=True), index=True
    )

    users: Mapped[list[User]] = relationship(
        back_populates="organization", foreign_keys="User.organization_id"
    )
    terms: Mapped[list[OrganizationTerm]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", order_by="OrganizationTerm.id"
    )
    needs: Mapped[list[Need]] = relationship(
        back_populates="organization", cascade="all, delete-orphan", order_by="Need.id"
    )
    account_manager: Mapped[User | None] = relationship(foreign_keys=[account_manager_id])

    def term_ids(self, vocabulary: str) -> list[str]:
        return [term.term_id for term in self.terms if term.vocabulary == vocabulary]

    def __repr__(self) -> str:
        return f"<Organization {self.id} {self.kind.value} {self.name!r}>"


class User(UserMixin, db.Model):
    """A person who logs in. Startup and corporate users belong to one organisation;
    staff and admins belong to none (they work for the Japan Desk)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so the unique constraint is case-insensitive on every database.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    full_name: Mapped[str] = mapped_column(sa.String(120), default="")
    role: Mapped[Role] = mapped_column(enum_column(Role), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="RESTRICT"), index=True
    )
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_active: Mapped[bool] = mapped_column(default=True)
    # Bumped on password change or reset: every other session and remember-me cookie
    # then stops working.
    session_version: Mapped[int] = mapped_column(default=1)
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organization: Mapped[Organization | None] = relationship(
        back_populates="users", foreign_keys=[organization_id]
    )
    consents: Mapped[list[PrivacyConsent]] = relationship(
        back_populates="user", order_by="PrivacyConsent.consented_at"
    )

    def get_id(self) -> str:
        return f"{self.id}.{self.session_version}"

    @property
    def is_confirmed(self) -> bool:
        return self.email_confirmed_at is not None

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.STAFF, Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role.value} {self.email}>"


class PrivacyConsent(db.Model):
    """A user's agreement to one version of the privacy notice, kept as evidence."""

    __tablename__ = "privacy_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    notice_version: Mapped[str] = mapped_column(sa.String(32))
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="consents")


class OrganizationTerm(db.Model):
    """One taxonomy term (industry, technology, partnership type, language) of a profile."""

    __tablename__ = "organization_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE")
    )
    vocabulary: Mapped[str] = mapped_column(sa.String(40))
    term_id: Mapped[str] = mapped_column(sa.String(60))

    organization: Mapped[Organization] = relationship(back_populates="terms")

    __table_args__ = (
        sa.UniqueConstraint("organization_id", "vocabulary", "term_id"),
        sa.Index("ix_organization_terms_lookup", "vocabulary", "term_id"),
    )


class Need(db.Model):
    """What a corporate seeks ("predictive maintenance for our plants"); matching ranks
    startups per open, approved need."""

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    text_language: Mapped[str] = mapped_column(sa.String(2), default="en")
    time_horizon: Mapped[TimeHorizon] = mapped_column(
        enum_column(TimeHorizon), default=TimeHorizon.SOON
    )
    status: Mapped[NeedStatus] = mapped_column(
        enum_column(NeedStatus), default=NeedStatus.OPEN, index=True
    )
    review_status: Mapped[ProfileStatus] = mapped_column(
        enum_column(ProfileStatus), default=ProfileStatus.PENDING, index=True
    )
    review_comment: Mapped[str] = mapped_column(sa.Text, default="")
    # Title and description as staff last approved them (see Organization.approved_text).
    approved_text: Mapped[str | None] = mapped_column(sa.Text, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organization: Mapped[Organization] = relationship(back_populates="needs")
    terms: Mapped[list[NeedTerm]] = relationship(
        back_populates="need", cascade="all, delete-orphan", order_by="NeedTerm.id"
    )

    def term_ids(self, vocabulary: str) -> list[str]:
        return [term.term_id for term in self.terms if term.vocabulary == vocabulary]


class NeedTerm(db.Model):
    """One taxonomy term (technology, partnership type) of a need."""

    __tablename__ = "need_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(sa.ForeignKey("needs.id", ondelete="CASCADE"))
    vocabulary: Mapped[str] = mapped_column(sa.String(40))
    term_id: Mapped[str] = mapped_column(sa.String(60))

    need: Mapped[Need] = relationship(back_populates="terms")

    __table_args__ = (
        sa.UniqueConstraint("need_id", "vocabulary", "term_id"),
        sa.Index("ix_need_terms_lookup", "vocabulary", "term_id"),
    )


class MatcherSnapshot(db.Model):
    """A fitted matcher, stored so that every worker ranks with the same model and a profile
    edit refreshes rows without refitting. The newest snapshot is the one in use."""

    __tablename__ = "matcher_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    model_version: Mapped[str] = mapped_column(sa.String(60))
    fitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    startup_count: Mapped[int]
    payload: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)


class LearnedWeights(db.Model):
    """Signal weights learned from staff decisions and company marks, with how the learned
    and the current weights ranked held-out decisions. Adopted rows are used by the next
    rebuild; the newest adopted one for the current model version wins."""

    __tablename__ = "learned_weights"

    id: Mapped[int] = mapped_column(primary_key=True)
    model_version: Mapped[str] = mapped_column(sa.String(60))
    trained_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decisions: Mapped[int]
    positives: Mapped[int]
    # Held-out ranking quality (ROC AUC over cross-validation folds) of both weightings.
    auc_current: Mapped[float]
    auc_learned: Mapped[float]
    weights: Mapped[dict[str, float]] = mapped_column(sa.JSON)
    adopted: Mapped[bool] = mapped_column(default=False)


class Match(db.Model):
    """A stored ranking row: one startup for one corporate need, with the score, the signals
    behind it and the reasons in each UI language. Pages read these; they never rank."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(sa.ForeignKey("needs.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float]
    features: Mapped[dict[str, float]] = mapped_column(sa.JSON)
    # {"en": [...], "de": [...], "ja": [...]}
    reasons: Mapped[dict[str, list[str]]] = mapped_column(sa.JSON)
    model_version: Mapped[str] = mapped_column(sa.String(60))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Kept for the exposure floor, not part of the need's top list: the row of the need that
    # scores a startup best when the startup is in no need's top list. Only the staff review
    # queue offers it; companies' lists and the queue's candidates read the other rows.
    is_exposure_floor: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    need: Mapped[Need] = relationship()
    startup: Mapped[Organization] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("need_id", "startup_id"),
        sa.Index("ix_matches_need_score", "need_id", "score"),
        # At most one floor row per startup, even when two workers refresh at once.
        sa.Index(
            "uq_matches_exposure_floor_startup_id",
            "startup_id",
            unique=True,
            sqlite_where=sa.text("is_exposure_floor"),
            postgresql_where=sa.text("is_exposure_floor"),
        ),
    )

    def reasons_for(self, locale: str) -> list[str]:
        return self.reasons.get(locale) or self.reasons.get("en") or []


# --- introductions --------------------------------------------------------------------


class IntroductionStatus(enum.StrEnum):
    """Where one startup–corporate pair stands on its way to an outcome."""

    PROPOSED = "proposed"  # the corporate asked for it; staff have not decided yet
    APPROVED = "approved"  # staff approved; waiting for the startup's answer
    STARTUP_ACCEPTED = "startup_accepted"  # waiting for the corporate's answer
    CORPORATE_ACCEPTED = "corporate_accepted"  # both accepted; staff write the introduction
    INTRODUCED = "introduced"  # introduction mail sent, contacts revealed
    MEETING_HELD = "meeting_held"
    CONCLUDED = "concluded"  # an outcome is recorded
    REJECTED = "rejected"  # staff said no
    DECLINED = "declined"  # one side said no
    EXPIRED = "expired"  # an opt-in went unanswered


# Waiting for someone: these count against a corporate's cap of open proposals.
OPEN_INTRODUCTION_STATUSES = (
    IntroductionStatus.PROPOSED,
    IntroductionStatus.APPROVED,
    IntroductionStatus.STARTUP_ACCEPTED,
    IntroductionStatus.CORPORATE_ACCEPTED,
)
# From here on both sides see each other's contact details.
CONTACTS_REVEALED_STATUSES = (
    IntroductionStatus.CORPORATE_ACCEPTED,
    IntroductionStatus.INTRODUCED,
    IntroductionStatus.MEETING_HELD,
    IntroductionStatus.CONCLUDED,
)


class Outcome(enum.StrEnum):
    PILOT = "pilot"
    JOINT_DEVELOPMENT = "joint_development"
    INVESTMENT = "investment"
    CONTRACT = "contract"
    IN_DISCUSSION = "in_discussion"  # feedback only: still talking
    NO_FIT = "no_fit"


class DecisionReason(enum.StrEnum):
    """Why staff rejected a pair, or why a side declined it."""

    NOT_RELEVANT = "not_relevant"
    TOO_EARLY = "too_early"
    COMPETITOR = "competitor"
    ALREADY_IN_CONTACT = "already_in_contact"
    NO_CAPACITY = "no_capacity"
    OTHER = "other"


class Introduction(db.Model):
    """One startup–corporate pair on its way from proposal to outcome.

    A pair exists once: the unique constraint is what makes a rejected, declined or
    introduced pair never come back, and what lets two staff members approving the same
    pair at the same moment create exactly one row.
    """

    __tablename__ = "introductions"

    id: Mapped[int] = mapped_column(primary_key=True)
    corporate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="RESTRICT")
    )
    startup_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="RESTRICT"), index=True
    )
    need_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("needs.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[IntroductionStatus] = mapped_column(enum_column(IntroductionStatus), index=True)
    # Every state change bumps it; an update that expected another version changes nothing.
    version: Mapped[int] = mapped_column(default=1)
    is_requested_by_corporate: Mapped[bool] = mapped_column(default=False)
    request_message: Mapped[str] = mapped_column(sa.Text, default="")
    # The ranking as it was when the pair was proposed (the stored match may move on).
    score: Mapped[float | None]
    reasons: Mapped[dict[str, list[str]]] = mapped_column(sa.JSON, default=dict)

    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    next_action: Mapped[str] = mapped_column(sa.String(200), default="")
    next_action_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    next_action_reminded_on: Mapped[date | None] = mapped_column(sa.Date)

    decision_reason: Mapped[DecisionReason | None] = mapped_column(enum_column(DecisionReason))
    decision_comment: Mapped[str] = mapped_column(sa.Text, default="")
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome))

    # The open opt-in question (startup's, then corporate's): when it was asked and how
    # many reminders went out, so that `introductions tick` never sends one twice.
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminders_sent: Mapped[int] = mapped_column(default=0)
    feedback_rounds_sent: Mapped[int] = mapped_column(default=0)

    introduction_text: Mapped[str] = mapped_column(sa.Text, default="")
    introduction_language: Mapped[str | None] = mapped_column(sa.String(2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    introduced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    meeting_held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    corporate: Mapped[Organization] = relationship(foreign_keys=[corporate_id])
    startup: Mapped[Organization] = relationship(foreign_keys=[startup_id])
    need: Mapped[Need | None] = relationship()
    owner: Mapped[User | None] = relationship()
    events: Mapped[list[IntroductionEvent]] = relationship(
        back_populates="introduction", order_by="IntroductionEvent.id"
    )
    meeting: Mapped[Meeting | None] = relationship(back_populates="introduction")

    __table_args__ = (
        sa.UniqueConstraint("corporate_id", "startup_id"),
        sa.Index("ix_introductions_corporate_status", "corporate_id", "status"),
    )

    @property
    def is_on_hold(self) -> bool:
        """Staff suspended one side, or it was deleted: no answer is taken, no reminder
        sent and no contact shown until staff reinstate it (an open pair then goes on, or
        expires unanswered as any other)."""
        return (
            self.startup.status in TAKEN_OFF_STATUSES or self.corporate.status in TAKEN_OFF_STATUSES
        )

    @property
    def contacts_revealed(self) -> bool:
        return self.status in CONTACTS_REVEALED_STATUSES and not self.is_on_hold

    @property
    def is_corporate_named(self) -> bool:
        """May the startup see the company's name? When the company allows it, or once
        both sides accepted."""
        return self.corporate.is_name_public or self.contacts_revealed

    def __repr__(self) -> str:
        return f"<Introduction {self.id} {self.status.value}>"


class IntroductionEvent(db.Model):
    """The audit log: one row per state change, question, note or mail of an introduction.
    Rows are only ever added."""

    __tablename__ = "introduction_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    introduction_id: Mapped[int] = mapped_column(
        sa.ForeignKey("introductions.id", ondelete="RESTRICT"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # None: the system (reminders, expiry) or a signed mail link answered without login.
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Who acted, in words, as it was at the time ("Japan Desk: Anna Berg", "startup (mail link)").
    actor_label: Mapped[str] = mapped_column(sa.String(200), default="")
    kind: Mapped[str] = mapped_column(sa.String(40))
    from_status: Mapped[IntroductionStatus | None] = mapped_column(
        enum_column(IntroductionStatus, name="from_status")
    )
    to_status: Mapped[IntroductionStatus | None] = mapped_column(
        enum_column(IntroductionStatus, name="to_status")
    )
    reason: Mapped[str] = mapped_column(sa.String(40), default="")
    comment: Mapped[str] = mapped_column(sa.Text, default="")

    introduction: Mapped[Introduction] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class Meeting(db.Model):
    """The agreed meeting of an introduced pair; changing it sends an updated invitation."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    introduction_id: Mapped[int] = mapped_column(
        sa.ForeignKey("introductions.id", ondelete="RESTRICT"), unique=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    # The zone the parties agreed in (shown back to them and written into the invitation).
    timezone: Mapped[str] = mapped_column(sa.String(64))
    location: Mapped[str] = mapped_column(sa.String(300), default="")
    video_url: Mapped[str] = mapped_column(sa.String(500), default="")
    needs_interpreter: Mapped[bool] = mapped_column(default=False)
    interpreter_languages: Mapped[str] = mapped_column(sa.String(40), default="")
    # iCalendar SEQUENCE: 0 for the first invitation, +1 for every update.
    sequence: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    introduction: Mapped[Introduction] = relationship(back_populates="meeting")


class Notification(db.Model):
    """An in-app message: to an organisation (every member sees it) or to one staff user."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    introduction_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("introductions.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(sa.String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    introduction: Mapped[Introduction | None] = relationship()


class MarkKind(enum.StrEnum):
    SAVED = "saved"
    NOT_INTERESTED = "not_interested"  # hidden for that need; a signal for the matcher


class NeedStartupMark(db.Model):
    """A corporate's own note on a ranked startup for one of its needs."""

    __tablename__ = "need_startup_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(sa.ForeignKey("needs.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MarkKind] = mapped_column(enum_column(MarkKind))
    marked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (sa.UniqueConstraint("need_id", "startup_id"),)
