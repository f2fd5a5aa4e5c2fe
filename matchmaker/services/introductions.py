"""Introductions: from a ranked pair to an outcome.

Every change of an introduction goes through `_transition` (or `_record` for events that
change no state): one compare-and-set UPDATE on the row's `version`, one audit event, one
commit, and only then the mails. Two staff members approving the same pair, or a
double-clicked mail link, therefore give exactly one transition and one mail: the second
update finds the version moved on and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from matchmaker.extensions import db
from matchmaker.introductions.labels import STATUS_LABELS
from matchmaker.models import (
    OPEN_INTRODUCTION_STATUSES,
    DecisionReason,
    Introduction,
    IntroductionEvent,
    IntroductionStatus,
    Match,
    Meeting,
    Need,
    NeedStatus,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    Outcome,
    ProfileStatus,
    User,
    utcnow,
)
from matchmaker.services.errors import DomainError
from matchmaker.services.introduction_mail import (
    ask_party,
    mail_party,
    mail_staff,
    make_feedback_token,
    reasons_in,
)
from matchmaker.services.mail import MAIL_LANGUAGES, public_url
from matchmaker.services.matching import matchable_needs_query, top_matches_per_need
from matchmaker.services.notifications import notify_party, notify_staff
from matchmaker.services.shortlists import not_dismissed

log = logging.getLogger(__name__)

S = IntroductionStatus
# Statuses whose pair is finished: nothing more is asked of anyone.
FINAL_STATUSES = (S.CONCLUDED, S.REJECTED, S.DECLINED, S.EXPIRED)
# Whose answer each opt-in status waits for.
WAITING_FOR = {S.APPROVED: OrganizationKind.STARTUP, S.STARTUP_ACCEPTED: OrganizationKind.CORPORATE}
PARTY_DECLINE_REASONS = (
    DecisionReason.NOT_RELEVANT,
    DecisionReason.TOO_EARLY,
    DecisionReason.NO_CAPACITY,
    DecisionReason.ALREADY_IN_CONTACT,
    DecisionReason.OTHER,
)
STAFF_REJECT_REASONS = (
    DecisionReason.NOT_RELEVANT,
    DecisionReason.TOO_EARLY,
    DecisionReason.COMPETITOR,
    DecisionReason.ALREADY_IN_CONTACT,
    DecisionReason.OTHER,
)
FINAL_OUTCOMES = tuple(outcome for outcome in Outcome if outcome is not Outcome.IN_DISCUSSION)
MEETING_DATE_RANGE = timedelta(days=5 * 366)
ON_HOLD = _l(
    "This introduction is on hold while the Japan Desk reviews one of the profiles; "
    "nothing was changed."
)


class IntroductionRefused(DomainError):
    """The introduction is not in a state that allows this step."""


class IntroductionChanged(DomainError):
    """Someone else changed the introduction first; nothing was done."""

    def __init__(self, message: str = ""):
        super().__init__(
            message
            or _(
                "Someone else has just changed this introduction; nothing was done. "
                "Reload the page to see its current state."
            )
        )


@dataclass(frozen=True)
class Actor:
    """Who does something: a logged-in user, or a party answering through a signed link."""

    user: User | None
    label: str
    organization_id: int | None = None
    is_staff: bool = False

    @classmethod
    def of(cls, user: User) -> Actor:
        if user.is_staff:
            return cls(user, f"Japan Desk: {user.full_name or user.email}", None, True)
        organization = user.organization
        name = organization.name if organization else ""
        return cls(user, f"{user.full_name or user.email} ({name})", user.organization_id, False)

    @classmethod
    def via_link(cls, organization: Organization) -> Actor:
        return cls(None, f"{organization.name} (mail link)", organization.id, False)

    @classmethod
    def system(cls) -> Actor:
        return cls(None, "matchmaker (automatic)", None, False)


# --- reading --------------------------------------------------------------------------


def side_of(introduction: Introduction, organization_id: int | None) -> OrganizationKind | None:
    if organization_id == introduction.startup_id:
        return OrganizationKind.STARTUP
    if organization_id == introduction.corporate_id:
        return OrganizationKind.CORPORATE
    return None


def introduction_visible_to(introduction: Introduction, user: User) -> bool:
    """Staff see every introduction; a party sees its own once staff approved it (a
    corporate also sees the requests it made)."""
    if user.is_staff:
        return True
    side = side_of(introduction, user.organization_id)
    if side is OrganizationKind.CORPORATE:
        return True
    if side is OrganizationKind.STARTUP:
        return introduction.status not in (S.PROPOSED, S.REJECTED)
    return False


def waiting_for(introduction: Introduction) -> OrganizationKind | None:
    """The side whose answer the pair waits for; none while it is on hold."""
    return None if introduction.is_on_hold else WAITING_FOR.get(introduction.status)


def _check_not_on_hold(introduction: Introduction) -> None:
    if introduction.is_on_hold:
        raise IntroductionRefused(str(ON_HOLD))


def introductions_for_organization(organization: Organization) -> list[Introduction]:
    """The introductions a party sees, the ones waiting for it first, then newest first."""
    column = (
        Introduction.startup_id
        if organization.kind is OrganizationKind.STARTUP
        else Introduction.corporate_id
    )
    query = (
        sa.select(Introduction)
        .where(column == organization.id)
        .options(selectinload(Introduction.startup), selectinload(Introduction.corporate))
        .order_by(Introduction.updated_at.desc(), Introduction.id.desc())
    )
    if organization.kind is OrganizationKind.STARTUP:
        query = query.where(Introduction.status.not_in((S.PROPOSED, S.REJECTED)))
    rows = list(db.session.scalars(query))
    return sorted(rows, key=lambda row: waiting_for(row) is not organization.kind)


def pairs_of_corporate(organization: Organization) -> dict[int, Introduction]:
    """The corporate's introductions by startup id (to show where each match stands)."""
    return {
        introduction.startup_id: introduction
        for introduction in db.session.scalars(
            sa.select(Introduction).where(Introduction.corporate_id == organization.id)
        )
    }


def open_introduction_count(corporate_id: int) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Introduction)
        .where(
            Introduction.corporate_id == corporate_id,
            Introduction.status.in_(OPEN_INTRODUCTION_STATUSES),
        )
    )


def pipeline_counts() -> dict[IntroductionStatus, int]:
    rows = db.session.execute(
        sa.select(Introduction.status, sa.func.count()).group_by(Introduction.status)
    )
    counts = dict.fromkeys(IntroductionStatus, 0)
    counts.update({status: count for status, count in rows})
    return counts


@dataclass(frozen=True)
class PipelineCriteria:
    status: IntroductionStatus | None = None
    owner_id: int | None = None  # 0: nobody
    due_only: bool = False


def search_introductions(criteria: PipelineCriteria, page: int = 1, per_page: int = 25):
    query = (
        sa.select(Introduction)
        .options(
            selectinload(Introduction.startup),
            selectinload(Introduction.corporate),
            selectinload(Introduction.owner),
            selectinload(Introduction.need),
        )
        .order_by(Introduction.updated_at.desc(), Introduction.id.desc())
    )
    if criteria.status is not None:
        query = query.where(Introduction.status == criteria.status)
    if criteria.owner_id == 0:
        query = query.where(Introduction.owner_id.is_(None))
    elif criteria.owner_id is not None:
        query = query.where(Introduction.owner_id == criteria.owner_id)
    if criteria.due_only:
        query = query.where(
            Introduction.next_action_on <= date.today(),
            Introduction.status.not_in(FINAL_STATUSES),
        )
    return db.paginate(query, page=page, per_page=per_page, error_out=False, max_per_page=100)


# --- the review queue -------------------------------------------------------------------


@dataclass(frozen=True)
class QueueCriteria:
    industry: str | None = None
    owner_id: int | None = None  # the corporate's account manager; 0: nobody
    min_age_days: int | None = None


@dataclass
class QueueEntry:
    need: Need
    requests: list[Introduction] = field(default_factory=list)
    candidates: list[Match] = field(default_factory=list)
    rarely_shown: list[Match] = field(default_factory=list)


@dataclass
class QueuePage:
    entries: list[QueueEntry]
    page: int
    pages: int
    total: int


def _undecided_pair(corporate_id, startup_id) -> sa.ColumnElement[bool]:
    return ~sa.exists().where(
        Introduction.corporate_id == corporate_id, Introduction.startup_id == startup_id
    )


def review_queue(criteria: QueueCriteria, page: int = 1, per_page: int = 10) -> QueuePage:
    """Per open, validated need: the corporate's requests waiting for staff, then the best
    ranked validated startups that no introduction with this corporate has touched yet.
    Needs with requests come first, then the longest-waiting."""
    has_request = (
        sa.exists()
        .where(Introduction.need_id == Need.id, Introduction.status == S.PROPOSED)
        .correlate(Need)
    )
    needs = matchable_needs_query().order_by(None)
    if criteria.industry:
        needs = needs.where(
            sa.exists().where(
                OrganizationTerm.organization_id == Need.organization_id,
                OrganizationTerm.vocabulary == "industries",
                OrganizationTerm.term_id == criteria.industry,
            )
        )
    if criteria.owner_id == 0:
        needs = needs.where(Organization.account_manager_id.is_(None))
    elif criteria.owner_id is not None:
        needs = needs.where(Organization.account_manager_id == criteria.owner_id)
    if criteria.min_age_days:
        needs = needs.where(Need.created_at <= utcnow() - timedelta(days=criteria.min_age_days))
    needs = needs.order_by(has_request.desc(), Need.created_at, Need.id)
    pagination = db.paginate(needs, page=page, per_page=per_page, error_out=False)
    entries = {need.id: QueueEntry(need) for need in pagination.items}
    if entries:
        requests = db.session.scalars(
            sa.select(Introduction)
            .where(Introduction.need_id.in_(entries), Introduction.status == S.PROPOSED)
            .options(selectinload(Introduction.startup))
            .order_by(Introduction.created_at)
        )
        for request in requests:
            entries[request.need_id].requests.append(request)
        for match in queue_candidates(list(entries)):
            entries[match.need_id].candidates.append(match)
        for match in rarely_shown_candidates(list(entries)):
            entries[match.need_id].rarely_shown.append(match)
    return QueuePage(
        list(entries.values()), pagination.page, pagination.pages or 1, pagination.total or 0
    )


def queue_candidates(need_ids: Sequence[int], limit: int | None = None) -> list[Match]:
    """The best stored matches of these needs whose startup is validated, open to proposals
    and not yet paired with the need's corporate; per need best first."""
    return top_matches_per_need(
        need_ids,
        limit or current_app.config["QUEUE_CANDIDATES_PER_NEED"],
        Organization.accepts_proposals.is_(True),
        _undecided_pair(Need.organization_id, Match.startup_id),
        not_dismissed(),
    )


def rarely_shown_candidates(need_ids: Sequence[int]) -> list[Match]:
    """The exposure floor: validated startups open to proposals that the queue shows as no
    need's candidate (none of any need's best `QUEUE_CANDIDATES_PER_NEED` among the startups
    it could offer there) and that were never part of an introduction, each offered once,
    for the need where it scores best, if that is one of `need_ids`; at most
    `QUEUE_RARELY_SHOWN_PER_NEED` per need, best first.

    A startup in no need's top list is offered from its floor row (`Match.is_exposure_floor`,
    kept at its best need); only top-list rows count as shown."""
    shown_count = current_app.config["QUEUE_CANDIDATES_PER_NEED"]
    per_need = current_app.config["QUEUE_RARELY_SHOWN_PER_NEED"]
    if not need_ids or per_need <= 0:
        return []
    # Ranking every need on each page view would take time in proportion to the whole
    # matches table. Only these needs are ranked; the few startups that could be offered
    # here are then looked up in the other needs where they have rows. That lookup is a
    # statement of its own, given those startups as values: given them as a subquery,
    # PostgreSQL (which cannot estimate its size) may run it for thousands of rows.
    contenders = _floor_contenders(need_ids, shown_count)
    shown = _shown_elsewhere(contenders, need_ids, shown_count)
    offered: dict[int, list[int]] = {}
    for row in sorted(contenders, key=lambda row: (-row.score, row.id)):
        if row.startup_id not in shown:
            offered.setdefault(row.need_id, []).append(row.id)
    ids = [match_id for match_ids in offered.values() for match_id in match_ids[:per_need]]
    if not ids:
        return []
    matches = db.session.scalars(
        sa.select(Match)
        .where(Match.id.in_(ids))
        .options(selectinload(Match.startup).selectinload(Organization.terms))
    )
    return sorted(matches, key=lambda match: (match.need_id, -match.score, match.id))


def _offerable_rows() -> sa.Select:
    """The stored rows (`id`, `need_id`, `startup_id`, `score`) the review queue could
    offer at all; the first of each need's are its candidates."""
    return (
        sa.select(Match.id, Match.need_id, Match.startup_id, Match.score)
        .join(Match.startup)
        .join(Need, Need.id == Match.need_id)
        .where(
            Organization.status == ProfileStatus.APPROVED,
            Organization.accepts_proposals.is_(True),
            _undecided_pair(Need.organization_id, Match.startup_id),
            not_dismissed(),
        )
    )


def _ahead_of(row: sa.Subquery | sa.CTE) -> sa.ColumnElement[bool]:
    """`Match` comes before `row` (with columns `score` and `id`) in a ranking, best first;
    the condition on `score` alone lets the database walk an index on it."""
    return sa.and_(
        Match.score >= row.c.score, sa.or_(Match.score > row.c.score, Match.id < row.c.id)
    )


def _floor_contenders(need_ids: Sequence[int], shown_count: int) -> list[sa.Row]:
    """The rows (`id`, `need_id`, `startup_id`, `score`) the floor could offer at one of
    `need_ids`, as far as these needs tell: offerable, the startup's best offerable row,
    the startup never part of an introduction and below the first `shown_count` of each of
    these needs' top lists (floor rows are below them all)."""
    ranked = (
        _offerable_rows()
        .add_columns(
            Match.is_exposure_floor,
            # Top-list rows and floor rows are numbered apart: only the former are shown.
            sa.func.row_number()
            .over(
                partition_by=(Match.need_id, Match.is_exposure_floor),
                order_by=(Match.score.desc(), Match.id),
            )
            .label("position"),
        )
        .where(Match.need_id.in_(need_ids))
        .cte("ranked")
    )
    # Stops at the first better row rather than ranking all the startup's rows.
    has_better_row = (
        _offerable_rows()
        .where(Match.startup_id == ranked.c.startup_id, _ahead_of(ranked))
        .exists()
        .correlate(ranked)
    )
    return list(
        db.session.execute(
            sa.select(ranked.c.id, ranked.c.need_id, ranked.c.startup_id, ranked.c.score).where(
                sa.or_(ranked.c.is_exposure_floor, ranked.c.position > shown_count),
                ranked.c.startup_id.not_in(
                    sa.select(ranked.c.startup_id).where(
                        ~ranked.c.is_exposure_floor, ranked.c.position <= shown_count
                    )
                ),
                ranked.c.startup_id.not_in(sa.select(Introduction.startup_id)),
                ~has_better_row,
            )
        )
    )


def _shown_elsewhere(
    contenders: Sequence[sa.Row], need_ids: Sequence[int], shown_count: int
) -> set[int]:
    """The contenders' startups that a need other than `need_ids` shows: fewer than
    `shown_count` offerable top-list rows of that need come before the startup's offerable
    top-list row there (found by walking the need's index from the top, not by ranking the
    need)."""
    if not contenders or shown_count <= 0:
        return set()
    their_rows = (
        _offerable_rows()
        .where(
            Match.startup_id.in_(sorted({row.startup_id for row in contenders})),
            Match.need_id.not_in(need_ids),
            ~Match.is_exposure_floor,
        )
        .subquery()
    )
    nth_ahead = (
        _offerable_rows()
        .with_only_columns(Match.id)
        .where(
            Match.need_id == their_rows.c.need_id,
            ~Match.is_exposure_floor,
            _ahead_of(their_rows),
        )
        .order_by(Match.score.desc(), Match.id)
        .limit(1)
        .offset(shown_count - 1)
        .correlate(their_rows)
        .scalar_subquery()
    )
    return set(
        db.session.scalars(sa.select(their_rows.c.startup_id).where(nth_ahead.is_(None)).distinct())
    )


def stored_match(need: Need, startup: Organization) -> Match | None:
    return db.session.scalar(
        sa.select(Match).where(Match.need_id == need.id, Match.startup_id == startup.id)
    )


# --- proposing, approving, rejecting -----------------------------------------------------


def _check_pair_can_start(need: Need, startup: Organization) -> None:
    corporate = need.organization
    if (
        need.status is not NeedStatus.OPEN
        or need.review_status is not ProfileStatus.APPROVED
        or corporate.status is not ProfileStatus.APPROVED
    ):
        raise IntroductionRefused(_("Only open, validated needs of validated companies take part."))
    if (
        startup.kind is not OrganizationKind.STARTUP
        or startup.status is not ProfileStatus.APPROVED
        or not startup.accepts_proposals
    ):
        raise IntroductionRefused(
            _("Only validated startups that accept proposals can be introduced.")
        )


def _check_cap(corporate_id: int, excluding: Introduction | None = None) -> None:
    cap = current_app.config["MAX_OPEN_INTRODUCTIONS_PER_CORPORATE"]
    count = open_introduction_count(corporate_id)
    if excluding is not None and excluding.status in OPEN_INTRODUCTION_STATUSES:
        count -= 1
    if count >= cap:
        raise IntroductionRefused(
            _(
                "This company already has %(count)d open introductions (the limit is %(cap)d). "
                "Let some of them conclude first.",
                count=count,
                cap=cap,
            )
        )


def _existing(corporate_id: int, startup_id: int) -> Introduction | None:
    return db.session.scalar(
        sa.select(Introduction).where(
            Introduction.corporate_id == corporate_id, Introduction.startup_id == startup_id
        )
    )


def _new_introduction(
    need: Need, startup: Organization, status: IntroductionStatus, actor: Actor, **values
) -> Introduction:
    """Insert the pair's one row; a concurrent insert of the same pair loses cleanly."""
    match = stored_match(need, startup)
    introduction = Introduction(
        corporate_id=need.organization_id,
        startup_id=startup.id,
        need_id=need.id,
        status=status,
        score=match.score if match else None,
        reasons=match.reasons if match else {},
        owner_id=need.organization.account_manager_id,
        **values,
    )
    db.session.add(introduction)
    try:
        db.session.flush()
    except IntegrityError as exc:
        db.session.rollback()
        raise IntroductionChanged(
            _("This pair has just been decided by someone else; nothing was done.")
        ) from exc
    return introduction


def request_introduction(
    need: Need, startup: Organization, requester: User, message: str = ""
) -> Introduction:
    """A corporate asks the Japan Desk to introduce one of its ranked startups."""
    if requester.organization_id != need.organization_id:
        raise IntroductionRefused(_("Only the company that owns the need can ask for this."))
    _check_pair_can_start(need, startup)
    if _existing(need.organization_id, startup.id) is not None:
        raise IntroductionRefused(_("You have already asked about this startup."))
    _check_cap(need.organization_id)
    actor = Actor.of(requester)
    introduction = _new_introduction(
        need,
        startup,
        S.PROPOSED,
        actor,
        is_requested_by_corporate=True,
        request_message=message.strip(),
    )
    _log(introduction, actor, "requested", None, S.PROPOSED, comment=message.strip())
    notify_staff(introduction, "requested")
    db.session.commit()
    return introduction


def approve_pair(need: Need, startup: Organization, staff: User, comment: str = "") -> Introduction:
    """Staff approve a pair from the queue: the startup is asked first."""
    actor = Actor.of(staff)
    _require_staff(actor)
    existing = _existing(need.organization_id, startup.id)
    if existing is not None:
        return approve_introduction(existing, staff, comment)
    _check_pair_can_start(need, startup)
    _check_cap(need.organization_id)
    introduction = _new_introduction(need, startup, S.APPROVED, actor, asked_at=utcnow())
    if introduction.owner_id is None:
        introduction.owner_id = staff.id
    _log(introduction, actor, "transition", S.PROPOSED, S.APPROVED, comment=comment)
    notify_party(introduction, OrganizationKind.STARTUP, "asked")
    db.session.commit()
    ask_party(introduction, OrganizationKind.STARTUP)
    return introduction


def approve_introduction(
    introduction: Introduction, staff: User, comment: str = ""
) -> Introduction:
    """Staff approve a corporate's request (or re-open an expired pair)."""
    actor = Actor.of(staff)
    _require_staff(actor)
    if introduction.status not in (S.PROPOSED, S.EXPIRED):
        raise IntroductionRefused(_already(introduction))
    if introduction.need is not None:
        _check_pair_can_start(introduction.need, introduction.startup)
    _check_cap(introduction.corporate_id, excluding=introduction)
    _transition(
        introduction,
        S.APPROVED,
        actor,
        comment=comment,
        changes={
            "asked_at": utcnow(),
            "reminders_sent": 0,
            "owner_id": introduction.owner_id or staff.id,
        },
    )
    notify_party(introduction, OrganizationKind.STARTUP, "asked")
    db.session.commit()
    ask_party(introduction, OrganizationKind.STARTUP)
    return introduction


def reject_pair(
    need: Need, startup: Organization, staff: User, reason: DecisionReason, comment: str = ""
) -> Introduction:
    """Staff reject a pair; it never comes back to the queue. A corporate's own request
    that is rejected is explained to the corporate."""
    actor = Actor.of(staff)
    _require_staff(actor)
    _check_reason(reason, STAFF_REJECT_REASONS, comment)
    existing = _existing(need.organization_id, startup.id)
    if existing is None:
        introduction = _new_introduction(
            need,
            startup,
            S.REJECTED,
            actor,
            decision_reason=reason,
            decision_comment=comment.strip(),
        )
        _log(introduction, actor, "transition", S.PROPOSED, S.REJECTED, reason, comment)
        db.session.commit()
        return introduction
    if existing.status is not S.PROPOSED:
        raise IntroductionRefused(_already(existing))
    _transition(
        existing,
        S.REJECTED,
        actor,
        reason=reason,
        comment=comment,
        changes={"decision_reason": reason, "decision_comment": comment.strip()},
    )
    notify_party(existing, OrganizationKind.CORPORATE, "rejected")
    db.session.commit()
    return existing


# --- the parties' answers -----------------------------------------------------------------


def answer_introduction(
    introduction: Introduction,
    side: OrganizationKind,
    accept: bool,
    actor: Actor,
    reason: DecisionReason | None = None,
    comment: str = "",
    expected_version: int | None = None,
) -> Introduction:
    """The startup (first) or the corporate (second) accepts or declines.

    `expected_version` is the version the answering page or link showed: an answer given
    to a state that has moved on changes nothing.
    """
    if (
        actor.organization_id is not None
        and side_of(introduction, actor.organization_id) is not side
    ):
        raise IntroductionRefused(_("You can only answer for your own organisation."))
    _check_not_on_hold(introduction)
    if waiting_for(introduction) is not side:
        raise IntroductionRefused(_already(introduction))
    if expected_version is not None and expected_version != introduction.version:
        raise IntroductionChanged()
    if accept:
        if side is OrganizationKind.STARTUP:
            _transition(
                introduction,
                S.STARTUP_ACCEPTED,
                actor,
                comment=comment,
                changes={"asked_at": utcnow(), "reminders_sent": 0},
            )
            notify_party(introduction, OrganizationKind.CORPORATE, "asked")
            notify_staff(introduction, "startup_accepted")
            db.session.commit()
            ask_party(introduction, OrganizationKind.CORPORATE)
        else:
            _transition(
                introduction,
                S.CORPORATE_ACCEPTED,
                actor,
                comment=comment,
                changes={"asked_at": None},
            )
            notify_party(introduction, OrganizationKind.STARTUP, "both_accepted")
            notify_party(introduction, OrganizationKind.CORPORATE, "both_accepted")
            notify_staff(introduction, "both_accepted")
            db.session.commit()
        return introduction
    if reason is None:
        raise IntroductionRefused(_("Please choose a reason."))
    _check_reason(reason, PARTY_DECLINE_REASONS, comment)
    _transition(
        introduction,
        S.DECLINED,
        actor,
        reason=reason,
        comment=comment,
        changes={
            "asked_at": None,
            "decision_reason": reason,
            "decision_comment": f"{side.value}: {comment.strip()}".strip(": "),
        },
    )
    notify_staff(introduction, f"{side.value}_declined")
    if side is OrganizationKind.CORPORATE:
        # The startup said yes first; it deserves to know the answer.
        notify_party(introduction, OrganizationKind.STARTUP, "declined")
    db.session.commit()
    return introduction


def ask_staff_question(introduction: Introduction, actor: Actor, question: str) -> None:
    """A party asks the Japan Desk something about a proposal; the owner gets a mail."""
    question = question.strip()
    if not question:
        raise IntroductionRefused(_("Please write your question."))
    if side_of(introduction, actor.organization_id) is None:
        raise IntroductionRefused(_("You can only ask about your own introductions."))
    _record(introduction, actor, "question", comment=question)
    notify_staff(introduction, "question")
    db.session.commit()
    mail_staff(introduction, "question", actor=actor.label, question=question)


# --- the introduction itself ------------------------------------------------------------------


def shared_language(introduction: Introduction) -> str:
    """The language both sides work in, preferring English, then German, then Japanese."""
    startup = set(introduction.startup.term_ids("languages")) or {
        introduction.startup.text_language
    }
    corporate = set(introduction.corporate.term_ids("languages")) or {
        introduction.corporate.text_language
    }
    for lang in MAIL_LANGUAGES:
        if lang in startup and lang in corporate:
            return lang
    return "en"


def draft_introduction_text(introduction: Introduction, lang: str | None = None) -> str:
    """The common part of the introduction mail, for staff to edit before sending."""
    lang = lang if lang in MAIL_LANGUAGES else shared_language(introduction)
    return render_template(
        f"mail/introductions/introduction_common.{lang}.txt",
        introduction=introduction,
        startup=introduction.startup,
        corporate=introduction.corporate,
        reasons=reasons_in(introduction, lang),
    ).strip()


def send_introduction(introduction: Introduction, staff: User, text: str, lang: str) -> None:
    """Send the introduction mail to both sides: each in its own language, the common
    part (edited by staff) in the pair's shared language."""
    actor = Actor.of(staff)
    _require_staff(actor)
    text = text.strip()
    if not text:
        raise IntroductionRefused(_("The introduction text is empty."))
    if lang not in MAIL_LANGUAGES:
        raise IntroductionRefused(_("Choose English, German or Japanese for the common part."))
    if introduction.status is not S.CORPORATE_ACCEPTED:
        raise IntroductionRefused(_already(introduction))
    _check_not_on_hold(introduction)
    _transition(
        introduction,
        S.INTRODUCED,
        actor,
        changes={
            "introduction_text": text,
            "introduction_language": lang,
            "introduced_at": utcnow(),
        },
    )
    _tell_both(introduction, "introduced", "introduction", common_text=text, common_language=lang)


# --- meetings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingData:
    local_start: datetime  # naive, in `timezone`
    timezone: str
    duration_minutes: int = 60
    location: str = ""
    video_url: str = ""
    needs_interpreter: bool = False
    interpreter_languages: tuple[str, ...] = ()


def _check_meeting(data: MeetingData) -> datetime:
    try:
        zone = ZoneInfo(data.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise IntroductionRefused(_("Choose a time zone from the list.")) from exc
    if not 15 <= data.duration_minutes <= 8 * 60:
        raise IntroductionRefused(_("A meeting lasts between 15 minutes and 8 hours."))
    if not data.location.strip() and not data.video_url.strip():
        raise IntroductionRefused(_("Give a place or a video link."))
    if data.video_url.strip():
        try:
            parts = urlsplit(data.video_url.strip())
        except ValueError:  # "https://[::1": brackets that hold no address
            parts = None
        if parts is None or parts.scheme not in ("https", "http") or not parts.netloc:
            raise IntroductionRefused(_("The video link must start with https://"))
    if data.needs_interpreter and not data.interpreter_languages:
        raise IntroductionRefused(_("Say which languages the interpreter should cover."))
    # Within a few years of today: the calendar's ends (year 1 or 9999 in some zone) cannot
    # be converted, nor written to an invitation.
    if abs(data.local_start - utcnow().replace(tzinfo=None)) > MEETING_DATE_RANGE:
        raise IntroductionRefused(_("Choose a date within five years of today."))
    return data.local_start.replace(tzinfo=zone).astimezone(UTC)


def save_meeting(introduction: Introduction, actor: Actor, data: MeetingData) -> Meeting:
    """Record (or change) the agreed meeting; both sides get an .ics invitation (an update
    with a higher SEQUENCE when it changes)."""
    if not actor.is_staff and side_of(introduction, actor.organization_id) is None:
        raise IntroductionRefused(_("You can only plan meetings of your own introductions."))
    if introduction.status not in (S.INTRODUCED, S.MEETING_HELD):
        raise IntroductionRefused(_("A meeting can be planned once the introduction is sent."))
    starts_at = _check_meeting(data)
    meeting = introduction.meeting
    values = {
        "starts_at": starts_at,
        "timezone": data.timezone,
        "duration_minutes": data.duration_minutes,
        "location": data.location.strip(),
        "video_url": data.video_url.strip(),
        "needs_interpreter": data.needs_interpreter,
        "interpreter_languages": ",".join(data.interpreter_languages)
        if data.needs_interpreter
        else "",
        "updated_at": utcnow(),
    }
    is_update = meeting is not None
    if meeting is None:
        meeting = Meeting(introduction_id=introduction.id, sequence=0, **values)
        db.session.add(meeting)
    else:
        for key, value in values.items():
            setattr(meeting, key, value)
        meeting.sequence += 1
    _record(
        introduction,
        actor,
        "meeting_changed" if is_update else "meeting_planned",
        comment=f"{data.local_start:%Y-%m-%d %H:%M} {data.timezone}",
    )
    _tell_both(introduction, "meeting", "meeting", meeting=meeting, is_update=is_update)
    return meeting


def mark_meeting_held(introduction: Introduction, actor: Actor) -> None:
    if not actor.is_staff and side_of(introduction, actor.organization_id) is None:
        raise IntroductionRefused(_("You can only report meetings of your own introductions."))
    if introduction.status is not S.INTRODUCED:
        raise IntroductionRefused(_already(introduction))
    _transition(
        introduction,
        S.MEETING_HELD,
        actor,
        changes={"meeting_held_at": utcnow(), "feedback_rounds_sent": 0},
    )
    db.session.commit()


def record_outcome(
    introduction: Introduction, staff: User, outcome: Outcome, comment: str = ""
) -> None:
    """Staff close the pair with its outcome."""
    actor = Actor.of(staff)
    _require_staff(actor)
    if outcome not in FINAL_OUTCOMES:
        raise IntroductionRefused(_("Choose an outcome."))
    if introduction.status not in (S.INTRODUCED, S.MEETING_HELD, S.CONCLUDED):
        raise IntroductionRefused(_already(introduction))
    if introduction.status is S.CONCLUDED:
        # A later, better outcome (a pilot that became a contract) is recorded as a change.
        _record(introduction, actor, "outcome_changed", reason=outcome, comment=comment)
        introduction.outcome = outcome
        db.session.commit()
        return
    changes = {"outcome": outcome}
    if introduction.meeting_held_at is None:
        changes["meeting_held_at"] = utcnow()
    _transition(introduction, S.CONCLUDED, actor, reason=outcome, comment=comment, changes=changes)
    db.session.commit()


def record_feedback(
    introduction: Introduction, actor: Actor, outcome: Outcome, comment: str = ""
) -> None:
    """A party tells how the partnership is going; staff see it in the history."""
    if side_of(introduction, actor.organization_id) is None:
        raise IntroductionRefused(_("You can only give feedback on your own introductions."))
    if introduction.status not in (S.INTRODUCED, S.MEETING_HELD, S.CONCLUDED):
        raise IntroductionRefused(_("Feedback is asked for after the meeting."))
    _record(introduction, actor, "feedback", reason=outcome, comment=comment)
    notify_staff(introduction, "feedback")
    db.session.commit()


# --- staff handling ---------------------------------------------------------------------


def update_handling(
    introduction: Introduction,
    staff: User,
    owner: User | None,
    next_action: str,
    next_action_on: date | None,
    notes: str,
) -> None:
    """Owner, next action and notes: recorded in the history when they change."""
    actor = Actor.of(staff)
    _require_staff(actor)
    if owner is not None and not owner.is_staff:
        raise IntroductionRefused(_("The owner must be a Japan Desk member."))
    changed = []
    if introduction.owner_id != (owner.id if owner else None):
        changed.append(f"owner: {owner.full_name or owner.email if owner else '—'}")
        introduction.owner_id = owner.id if owner else None
    if (introduction.next_action, introduction.next_action_on) != (
        next_action.strip(),
        next_action_on,
    ):
        changed.append(f"next action: {next_action.strip() or '—'} ({next_action_on or '—'})")
        introduction.next_action = next_action.strip()
        introduction.next_action_on = next_action_on
        introduction.next_action_reminded_on = None
    if introduction.notes != notes.strip():
        changed.append("notes edited")
        introduction.notes = notes.strip()
    if changed:
        introduction.updated_at = utcnow()
        _record(introduction, actor, "handling", comment="; ".join(changed))
    db.session.commit()


def assign_account_manager(organization: Organization, staff: User, manager: User | None) -> None:
    _require_staff(Actor.of(staff))
    if manager is not None and not manager.is_staff:
        raise IntroductionRefused(_("The account manager must be a Japan Desk member."))
    organization.account_manager_id = manager.id if manager else None
    db.session.commit()


# --- reminders and expiry -------------------------------------------------------------------


@dataclass
class TickResult:
    reminders: int = 0
    expired: int = 0
    next_action_reminders: int = 0
    feedback_requests: int = 0


def tick(now: datetime | None = None) -> TickResult:
    """The periodic job (cron): opt-in reminders and expiry, due next actions for staff,
    outcome feedback after meetings. Each step claims its row with a compare-and-set
    before mailing, so running it twice, or twice at once, sends nothing twice."""
    now = now or utcnow()
    config = current_app.config
    result = TickResult()
    expiry = timedelta(days=config["INTRODUCTION_EXPIRY_DAYS"])
    reminder_days = config["INTRODUCTION_REMINDER_DAYS"]
    waiting = list(
        db.session.scalars(
            sa.select(Introduction)
            .where(Introduction.status.in_(tuple(WAITING_FOR)), Introduction.asked_at.is_not(None))
            .options(selectinload(Introduction.startup), selectinload(Introduction.corporate))
            .order_by(Introduction.id)
        )
    )
    for introduction in waiting:
        side = WAITING_FOR[introduction.status]
        age = now - introduction.asked_at
        if age >= expiry:
            try:
                _transition(introduction, S.EXPIRED, Actor.system(), changes={"asked_at": None})
            except (IntroductionChanged, IntroductionRefused):
                continue
            notify_party(introduction, side, "expired")
            notify_staff(introduction, "expired")
            db.session.commit()
            mail_party(introduction, side, "expired")
            result.expired += 1
            continue
        if introduction.is_on_hold:
            continue  # no reminders to or about a side staff took off
        due = sum(1 for days in reminder_days if age >= timedelta(days=days))
        if due > introduction.reminders_sent and _claim(
            introduction, "reminders_sent", introduction.reminders_sent, due
        ):
            ask_party(introduction, side, reminder=True)
            result.reminders += 1

    today = now.date()
    due_actions = list(
        db.session.scalars(
            sa.select(Introduction)
            .where(
                Introduction.next_action_on <= today,
                Introduction.status.not_in(FINAL_STATUSES),
                sa.or_(
                    Introduction.next_action_reminded_on.is_(None),
                    Introduction.next_action_reminded_on != Introduction.next_action_on,
                ),
            )
            .order_by(Introduction.next_action_on, Introduction.id)
        )
    )
    for introduction in due_actions:
        if _claim(
            introduction,
            "next_action_reminded_on",
            introduction.next_action_reminded_on,
            introduction.next_action_on,
        ):
            mail_staff(introduction, "next_action_due")
            result.next_action_reminders += 1

    feedback_days = config["INTRODUCTION_FEEDBACK_DAYS"]
    held = list(
        db.session.scalars(
            sa.select(Introduction)
            .where(
                Introduction.status.in_((S.MEETING_HELD, S.CONCLUDED)),
                Introduction.meeting_held_at.is_not(None),
                Introduction.feedback_rounds_sent < len(feedback_days),
            )
            .order_by(Introduction.id)
        )
    )
    for introduction in held:
        age = now - introduction.meeting_held_at
        due = sum(1 for days in feedback_days if age >= timedelta(days=days))
        sent = introduction.feedback_rounds_sent
        if due > sent and _claim(introduction, "feedback_rounds_sent", sent, due):
            for side in OrganizationKind:
                mail_party(
                    introduction,
                    side,
                    "feedback",
                    feedback_link=public_url(
                        "introductions.feedback", token=make_feedback_token(introduction, side)
                    ),
                    months=(0, 0, 3, 6)[min(due, 3)],
                )
            result.feedback_requests += 1
    return result


def _claim(introduction: Introduction, column: str, expected: object, new: object) -> bool:
    """Set one bookkeeping column from `expected` to `new` unless another run did first."""
    attribute = getattr(Introduction, column)
    condition = attribute.is_(None) if expected is None else attribute == expected
    claimed = db.session.execute(
        sa.update(Introduction)
        .where(Introduction.id == introduction.id, condition)
        .values({column: new})
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    db.session.refresh(introduction)
    return claimed == 1


# --- the machinery ------------------------------------------------------------------------


def _tell_both(
    introduction: Introduction, notification: str, template: str, **context: object
) -> None:
    """Notify both sides in the app, commit, then mail each in its language."""
    for side in OrganizationKind:
        notify_party(introduction, side, notification)
    db.session.commit()
    for side in OrganizationKind:
        mail_party(introduction, side, template, **context)


def _require_staff(actor: Actor) -> None:
    if not actor.is_staff:
        raise IntroductionRefused(_("Only the Japan Desk can do this."))


def _check_reason(reason: DecisionReason, allowed: Iterable[DecisionReason], comment: str) -> None:
    if reason not in allowed:
        raise IntroductionRefused(_("Choose one of the listed reasons."))
    if reason is DecisionReason.OTHER and not comment.strip():
        raise IntroductionRefused(_("Please explain the reason in a comment."))


def _already(introduction: Introduction) -> str:
    return _(
        "This introduction has moved on (%(status)s); nothing was changed.",
        status=STATUS_LABELS[introduction.status],
    )


def _transition(
    introduction: Introduction,
    to: IntroductionStatus,
    actor: Actor,
    reason: str = "",
    comment: str = "",
    changes: dict | None = None,
) -> None:
    """Move the introduction to `to` if nobody moved it since it was read, and log it.
    The caller commits."""
    before, version = introduction.status, introduction.version
    now = utcnow()
    updated = db.session.execute(
        sa.update(Introduction)
        .where(Introduction.id == introduction.id, Introduction.version == version)
        .values(status=to, version=version + 1, updated_at=now, **(changes or {}))
        .execution_options(synchronize_session=False)
    ).rowcount
    if updated != 1:
        db.session.rollback()
        raise IntroductionChanged()
    db.session.refresh(introduction)
    _log(introduction, actor, "transition", before, to, reason, comment)


def _record(
    introduction: Introduction, actor: Actor, kind: str, reason: str = "", comment: str = ""
) -> None:
    _log(introduction, actor, kind, None, None, reason, comment)


def _log(
    introduction: Introduction,
    actor: Actor,
    kind: str,
    from_status: IntroductionStatus | None,
    to_status: IntroductionStatus | None,
    reason: str = "",
    comment: str = "",
) -> None:
    db.session.add(
        IntroductionEvent(
            introduction_id=introduction.id,
            actor_id=actor.user.id if actor.user else None,
            actor_label=actor.label[:200],
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            reason=str(reason.value if hasattr(reason, "value") else reason),
            comment=comment.strip(),
        )
    )
