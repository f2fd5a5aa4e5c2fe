"""The parties' side of introductions: their list, answering proposals (in the app or from
the mailed link), meetings, feedback; and everyone's notifications."""

from __future__ import annotations

import functools

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from matchmaker.extensions import db, login_manager
from matchmaker.flashing import attempt
from matchmaker.forms import ConfirmForm
from matchmaker.introductions.forms import (
    AcceptForm,
    DeclineForm,
    FeedbackForm,
    MeetingForm,
    MeetingHeldForm,
    QuestionForm,
    RequestForm,
    outcome_of,
    version_of,
)
from matchmaker.introductions.labels import label_context
from matchmaker.models import Introduction, Need, Organization, OrganizationKind, Role
from matchmaker.security import is_safe_next_url
from matchmaker.services import introduction_mail as links
from matchmaker.services import introductions as service
from matchmaker.services import notifications as inbox
from matchmaker.services.errors import DomainError
from matchmaker.services.introductions import Actor

bp = Blueprint("introductions", __name__)
# Globals rather than context: the form macros are imported without context.
bp.record_once(lambda state: state.app.jinja_env.globals.update(label_context()))


@bp.app_context_processor
def notification_badge() -> dict:
    def unread() -> int:
        if not current_user.is_authenticated:
            return 0
        return inbox.unread_notification_count(current_user)

    return {"unread_notifications": unread}


def party_required(view):
    """Startups and corporates only; staff work on the staff pages."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if current_user.role not in (Role.STARTUP, Role.CORPORATE):
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def get_introduction_or_404(introduction_id: int, user) -> Introduction:
    """An introduction the user's organisation is part of (and may see); else 'not found'."""
    introduction = db.session.get(Introduction, introduction_id)
    if introduction is None or not service.introduction_visible_to(introduction, user):
        abort(404)
    return introduction


def my_side() -> OrganizationKind:
    return OrganizationKind(current_user.role.value)


@bp.route("/")
@party_required
def index():
    organization = current_user.organization
    return render_template(
        "introductions/index.html",
        organization=organization,
        introductions=service.introductions_for_organization(organization),
        side=my_side().value,
    )


@bp.route("/<int:introduction_id>")
@login_required
def detail(introduction_id: int):
    if current_user.is_staff:
        return redirect(url_for("staff.introduction", introduction_id=introduction_id))
    if current_user.role not in (Role.STARTUP, Role.CORPORATE):
        abort(403)
    introduction = get_introduction_or_404(introduction_id, current_user)
    return _render_detail(introduction, my_side())


def _render_detail(
    introduction: Introduction, side: OrganizationKind, token: str | None = None, **forms
):
    version = str(introduction.version)
    defaults = {
        "accept_form": AcceptForm(prefix="accept", version=version),
        "decline_form": DeclineForm(prefix="decline", version=version),
        "question_form": QuestionForm(prefix="question"),
        "meeting_form": MeetingForm(prefix="meeting", meeting=introduction.meeting),
        "held_form": MeetingHeldForm(prefix="held"),
        "feedback_form": FeedbackForm(prefix="feedback"),
    }
    defaults.update(forms)
    return render_template(
        "introductions/detail.html",
        introduction=introduction,
        side=side.value,
        other=introduction.corporate if side is OrganizationKind.STARTUP else introduction.startup,
        is_my_turn=service.waiting_for(introduction) is side,
        token=token,
        **defaults,
    )


def _answer(
    introduction: Introduction, side: OrganizationKind, actor: Actor, accept: bool, token=None
):
    """Accept or decline; on bad input the page is shown again with the errors."""
    form = AcceptForm(prefix="accept") if accept else DeclineForm(prefix="decline")
    if not form.validate_on_submit():
        key = "accept_form" if accept else "decline_form"
        return _render_detail(introduction, side, token, **{key: form}), 400
    try:
        service.answer_introduction(
            introduction,
            side,
            accept,
            actor,
            reason=None if accept else form.decision_reason,
            comment="" if accept else (form.comment.data or ""),
            expected_version=version_of(form),
        )
    except DomainError as error:
        flash(str(error), "warning")
    else:
        if accept:
            flash(_("Thank you: you accepted the introduction."), "success")
        else:
            flash(
                _("Thank you: you declined. The Japan Desk will not propose this pair again."),
                "success",
            )
    return None


@bp.route("/<int:introduction_id>/accept", methods=["POST"])
@bp.route("/<int:introduction_id>/decline", methods=["POST"], endpoint="decline")
@party_required
def accept(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    is_accept = request.endpoint == "introductions.accept"
    response = _answer(introduction, my_side(), Actor.of(current_user), is_accept)
    return response or redirect(url_for("introductions.detail", introduction_id=introduction.id))


@bp.route("/<int:introduction_id>/question", methods=["POST"])
@party_required
def question(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    form = QuestionForm(prefix="question")
    if not form.validate_on_submit():
        return _render_detail(introduction, my_side(), question_form=form), 400
    attempt(
        lambda: service.ask_staff_question(
            introduction, Actor.of(current_user), form.question.data
        ),
        _("Your question was sent to the Japan Desk."),
    )
    return redirect(url_for("introductions.detail", introduction_id=introduction.id))


def save_posted_meeting(introduction: Introduction) -> tuple[bool, MeetingForm]:
    """Save the meeting posted by the logged-in user (a party or staff); on refusal the
    form carries the message, for the page to show again."""
    form = MeetingForm(prefix="meeting")
    if form.validate_on_submit():
        try:
            service.save_meeting(introduction, Actor.of(current_user), form.meeting_data())
        except DomainError as error:
            form.day.errors.append(str(error))
        else:
            flash(_("Meeting saved; both sides received a calendar invitation."), "success")
            return True, form
    return False, form


@bp.route("/<int:introduction_id>/meeting", methods=["POST"])
@party_required
def meeting(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    saved, form = save_posted_meeting(introduction)
    if saved:
        return redirect(url_for("introductions.detail", introduction_id=introduction.id))
    return _render_detail(introduction, my_side(), meeting_form=form), 400


@bp.route("/<int:introduction_id>/meeting-held", methods=["POST"])
@party_required
def meeting_held(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    if MeetingHeldForm(prefix="held").validate_on_submit():
        attempt(
            lambda: service.mark_meeting_held(introduction, Actor.of(current_user)),
            _("Thank you. We will ask how it is going in a few days."),
        )
    return redirect(url_for("introductions.detail", introduction_id=introduction.id))


@bp.route("/<int:introduction_id>/meeting.ics")
@login_required
def meeting_ics(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    if introduction.meeting is None:
        abort(404)
    return Response(
        links.meeting_ics(introduction, introduction.meeting),
        mimetype="text/calendar",
        headers={"Content-Disposition": f"attachment; filename=introduction-{introduction.id}.ics"},
    )


@bp.route("/<int:introduction_id>/feedback", methods=["POST"])
@party_required
def give_feedback(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id, current_user)
    form = FeedbackForm(prefix="feedback")
    if not form.validate_on_submit():
        return _render_detail(introduction, my_side(), feedback_form=form), 400
    attempt(
        lambda: service.record_feedback(
            introduction, Actor.of(current_user), outcome_of(form), form.comment.data or ""
        ),
        _("Thank you for your feedback."),
    )
    return redirect(url_for("introductions.detail", introduction_id=introduction.id))


# --- signed mail links (no login needed: the link is the key) -------------------------------


def _link_target(loader, token: str):
    try:
        return loader(token)
    except DomainError as error:
        return str(error)


@bp.route("/answer/<token>", methods=["GET", "POST"])
def answer_by_link(token: str):
    target = _link_target(links.load_answer_token, token)
    if isinstance(target, str):
        return render_template("introductions/link_problem.html", message=target), 400
    introduction, side = target.introduction, target.side
    organization = (
        introduction.startup if side is OrganizationKind.STARTUP else introduction.corporate
    )
    actor = Actor.via_link(organization)
    if introduction.is_on_hold:
        return render_template(
            "introductions/link_problem.html",
            message=str(service.ON_HOLD),
            introduction=introduction,
        )
    if service.waiting_for(introduction) is not side:
        # Used already (or overtaken): say so, change nothing.
        return render_template(
            "introductions/link_problem.html",
            message=_("This proposal has already been answered; nothing was changed."),
            introduction=introduction,
        )
    if request.method == "POST":
        accept = "accept-submit" in request.form
        question = "question-submit" in request.form
        if question:
            form = QuestionForm(prefix="question")
            if form.validate_on_submit():
                service.ask_staff_question(introduction, actor, form.question.data)
                flash(_("Your question was sent to the Japan Desk."), "success")
                return redirect(url_for("introductions.answer_by_link", token=token))
            return _render_detail(introduction, side, token, question_form=form), 400
        response = _answer(introduction, side, actor, accept, token)
        if response is not None:
            return response
        return redirect(url_for("introductions.answered"))
    return _render_detail(introduction, side, token)


@bp.route("/answered")
def answered():
    # Deliberately shows nothing about the introduction: the page is reachable without login.
    return render_template("introductions/answered.html")


@bp.route("/feedback/<token>", methods=["GET", "POST"])
def feedback(token: str):
    target = _link_target(links.load_feedback_token, token)
    if isinstance(target, str):
        return render_template("introductions/link_problem.html", message=target), 400
    introduction, side = target.introduction, target.side
    organization = (
        introduction.startup if side is OrganizationKind.STARTUP else introduction.corporate
    )
    form = FeedbackForm()
    if form.validate_on_submit():
        try:
            service.record_feedback(
                introduction,
                Actor.via_link(organization),
                outcome_of(form),
                form.comment.data or "",
            )
        except DomainError as error:
            flash(str(error), "warning")
        else:
            return render_template("introductions/answered.html", feedback=True)
    return render_template(
        "introductions/feedback.html",
        introduction=introduction,
        other=introduction.corporate if side is OrganizationKind.STARTUP else introduction.startup,
        form=form,
    ), (400 if form.errors else 200)


# --- corporate requests -----------------------------------------------------------------


@bp.route("/request/<int:need_id>/<int:startup_id>", methods=["POST"])
@party_required
def request_introduction(need_id: int, startup_id: int):
    if current_user.role is not Role.CORPORATE:
        abort(403)
    need = db.session.get(Need, need_id)
    startup = db.session.get(Organization, startup_id)
    if need is None or startup is None or need.organization_id != current_user.organization_id:
        abort(404)
    form = RequestForm(prefix=f"request{startup_id}")
    if form.validate_on_submit():
        try:
            service.request_introduction(need, startup, current_user, form.message.data or "")
        except DomainError as error:
            flash(str(error), "warning")
        else:
            flash(
                _("Request sent: the Japan Desk will look at %(name)s for you.", name=startup.name),
                "success",
            )
    else:
        flash(_("Your message is too long."), "danger")
    back = request.form.get("back")
    if back and is_safe_next_url(back):
        return redirect(back)
    return redirect(url_for("corporate.dashboard", _anchor=f"need-{need.id}"))


# --- notifications -----------------------------------------------------------------------


@bp.route("/notifications", methods=["GET", "POST"])
@login_required
def notifications():
    form = ConfirmForm()
    if form.validate_on_submit():
        inbox.mark_notifications_read(current_user)
        return redirect(url_for("introductions.notifications"))
    return render_template(
        "introductions/notifications.html",
        notifications=inbox.notifications_for(current_user),
        form=form,
    )
