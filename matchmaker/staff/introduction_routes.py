"""The staff's introduction work: the review queue, the pipeline and one pair's page."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matchmaker.extensions import db
from matchmaker.flashing import attempt
from matchmaker.introductions.forms import (
    AccountManagerForm,
    ApproveForm,
    HandlingForm,
    IntroduceForm,
    MeetingForm,
    MeetingHeldForm,
    OutcomeForm,
    RejectForm,
    outcome_of,
)
from matchmaker.introductions.routes import save_posted_meeting
from matchmaker.models import Introduction, Need, Organization, User
from matchmaker.services import introductions as service
from matchmaker.services.accounts import active_staff_users
from matchmaker.services.errors import DomainError
from matchmaker.services.introductions import Actor
from matchmaker.staff.forms import PipelineFilterForm, QueueFilterForm
from matchmaker.staff.routes import bp, get_organization_or_404


def _filter_args(form) -> dict[str, str]:
    # Only the filter's own fields go into pager links (see the directory).
    return {
        name: request.args[name]
        for name in form._fields
        if name not in ("submit", "csrf_token") and request.args.get(name)
    }


def _page() -> int:
    return min(max(request.args.get("page", 1, type=int), 1), 10_000)


def get_introduction_or_404(introduction_id: int) -> Introduction:
    introduction = db.session.get(Introduction, introduction_id)
    if introduction is None:
        abort(404)
    return introduction


def get_pair_or_404(need_id: int, startup_id: int) -> tuple[Need, Organization]:
    need = db.session.get(Need, need_id)
    startup = db.session.get(Organization, startup_id)
    if need is None or startup is None:
        abort(404)
    return need, startup


@bp.route("/queue")
def queue():
    staff = active_staff_users()
    form = QueueFilterForm(request.args, meta={"csrf": False}, staff=staff)
    criteria = form.criteria() if form.validate() else service.QueueCriteria()
    return render_template(
        "staff/queue.html",
        form=form,
        queue=service.review_queue(criteria, page=_page()),
        query_args=_filter_args(form),
        approve_form=ApproveForm(),
        reject_form=RejectForm(prefix="reject"),
    )


@bp.route("/queue/<int:need_id>/<int:startup_id>")
def compare(need_id: int, startup_id: int):
    need, startup = get_pair_or_404(need_id, startup_id)
    existing = service._existing(need.organization_id, startup.id)
    if existing is not None:
        return redirect(url_for("staff.introduction", introduction_id=existing.id))
    return render_template(
        "staff/compare.html",
        need=need,
        startup=startup,
        corporate=need.organization,
        match=service.stored_match(need, startup),
        approve_form=ApproveForm(),
        reject_form=RejectForm(prefix="reject"),
    )


@bp.route("/queue/<int:need_id>/<int:startup_id>/approve", methods=["POST"])
def approve_pair(need_id: int, startup_id: int):
    need, startup = get_pair_or_404(need_id, startup_id)
    form = ApproveForm()
    if form.validate_on_submit():
        try:
            service.approve_pair(need, startup, current_user, form.comment.data or "")
        except DomainError as error:
            flash(str(error), "warning")
        else:
            flash(_("Approved: %(startup)s is asked first.", startup=startup.name), "success")
    return redirect(
        request.form.get("back") if _is_local(request.form.get("back")) else url_for("staff.queue")
    )


@bp.route("/queue/<int:need_id>/<int:startup_id>/reject", methods=["POST"])
def reject_pair(need_id: int, startup_id: int):
    need, startup = get_pair_or_404(need_id, startup_id)
    form = RejectForm(prefix="reject")
    if form.validate_on_submit():
        try:
            service.reject_pair(
                need, startup, current_user, form.decision_reason, form.comment.data or ""
            )
        except DomainError as error:
            flash(str(error), "warning")
        else:
            flash(
                _(
                    "Rejected: %(startup)s will not be proposed for this company again.",
                    startup=startup.name,
                ),
                "success",
            )
    else:
        flash(_("Choose a reason for the rejection."), "danger")
    return redirect(
        request.form.get("back") if _is_local(request.form.get("back")) else url_for("staff.queue")
    )


def _is_local(url: str | None) -> bool:
    from matchmaker.security import is_safe_next_url

    return bool(url) and is_safe_next_url(url)


@bp.route("/introductions")
def pipeline():
    staff = active_staff_users()
    form = PipelineFilterForm(request.args, meta={"csrf": False}, staff=staff)
    criteria = form.criteria() if form.validate() else service.PipelineCriteria()
    return render_template(
        "staff/pipeline.html",
        form=form,
        counts=service.pipeline_counts(),
        pagination=service.search_introductions(criteria, page=_page()),
        query_args=_filter_args(form),
    )


def _render_introduction(introduction: Introduction, **forms):
    staff = active_staff_users()
    defaults = {
        "approve_form": ApproveForm(),
        "reject_form": RejectForm(prefix="reject"),
        "handling_form": HandlingForm(
            staff=staff,
            owner=str(introduction.owner_id or ""),
            next_action=introduction.next_action,
            next_action_on=introduction.next_action_on,
            notes=introduction.notes,
        ),
        "introduce_form": IntroduceForm(
            language=service.shared_language(introduction),
            text=service.draft_introduction_text(introduction)
            if introduction.status.value == "corporate_accepted"
            else "",
        ),
        "meeting_form": MeetingForm(prefix="meeting", meeting=introduction.meeting),
        "held_form": MeetingHeldForm(prefix="held"),
        "outcome_form": OutcomeForm(),
    }
    defaults.update(forms)
    return render_template("staff/introduction.html", introduction=introduction, **defaults)


@bp.route("/introductions/<int:introduction_id>")
def introduction(introduction_id: int):
    return _render_introduction(get_introduction_or_404(introduction_id))


def _back(introduction: Introduction):
    return redirect(url_for("staff.introduction", introduction_id=introduction.id))


@bp.route("/introductions/<int:introduction_id>/approve", methods=["POST"])
def approve_introduction(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    form = ApproveForm()
    if form.validate_on_submit():
        attempt(
            lambda: service.approve_introduction(
                introduction, current_user, form.comment.data or ""
            ),
            _("Approved: the startup is asked first."),
        )
    back = request.form.get("back")
    return redirect(back) if _is_local(back) else _back(introduction)


@bp.route("/introductions/<int:introduction_id>/reject", methods=["POST"])
def reject_introduction(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    form = RejectForm(prefix="reject")
    if not form.validate_on_submit():
        return _render_introduction(introduction, reject_form=form), 400
    if introduction.need is None:
        flash(_("This request has no need any more; it cannot be decided here."), "warning")
        return _back(introduction)
    attempt(
        lambda: service.reject_pair(
            introduction.need,
            introduction.startup,
            current_user,
            form.decision_reason,
            form.comment.data or "",
        ),
        _("Rejected."),
    )
    return _back(introduction)


@bp.route("/introductions/<int:introduction_id>/handling", methods=["POST"])
def update_handling(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    form = HandlingForm(staff=active_staff_users())
    if not form.validate_on_submit():
        return _render_introduction(introduction, handling_form=form), 400
    owner = db.session.get(User, int(form.owner.data)) if form.owner.data else None
    attempt(
        lambda: service.update_handling(
            introduction,
            current_user,
            owner,
            form.next_action.data or "",
            form.next_action_on.data,
            form.notes.data or "",
        ),
        _("Saved."),
    )
    return _back(introduction)


@bp.route("/introductions/<int:introduction_id>/introduce", methods=["POST"])
def send_introduction(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    form = IntroduceForm()
    if not form.validate_on_submit():
        return _render_introduction(introduction, introduce_form=form), 400
    attempt(
        lambda: service.send_introduction(
            introduction, current_user, form.text.data, form.language.data
        ),
        _("The introduction was sent to both sides."),
    )
    return _back(introduction)


@bp.route("/introductions/<int:introduction_id>/meeting", methods=["POST"])
def save_meeting(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    saved, form = save_posted_meeting(introduction)
    if saved:
        return _back(introduction)
    return _render_introduction(introduction, meeting_form=form), 400


@bp.route("/introductions/<int:introduction_id>/meeting-held", methods=["POST"])
def meeting_held(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    if MeetingHeldForm(prefix="held").validate_on_submit():
        attempt(
            lambda: service.mark_meeting_held(introduction, Actor.of(current_user)),
            _("Recorded: the meeting took place."),
        )
    return _back(introduction)


@bp.route("/introductions/<int:introduction_id>/outcome", methods=["POST"])
def record_outcome(introduction_id: int):
    introduction = get_introduction_or_404(introduction_id)
    form = OutcomeForm()
    if not form.validate_on_submit():
        return _render_introduction(introduction, outcome_form=form), 400
    attempt(
        lambda: service.record_outcome(
            introduction, current_user, outcome_of(form), form.comment.data or ""
        ),
        _("Outcome recorded."),
    )
    return _back(introduction)


@bp.route("/organizations/<int:organization_id>/account-manager", methods=["POST"])
def assign_account_manager(organization_id: int):
    organization = get_organization_or_404(organization_id)
    form = AccountManagerForm(staff=active_staff_users())
    if form.validate_on_submit():
        manager = db.session.get(User, int(form.manager.data)) if form.manager.data else None
        attempt(
            lambda: service.assign_account_manager(organization, current_user, manager),
            _("Account manager saved."),
        )
    return redirect(url_for("staff.organization", organization_id=organization.id))
