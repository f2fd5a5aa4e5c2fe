"""The corporate's area: dashboard and needs."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matchmaker.auth.access import require_roles
from matchmaker.corporate.forms import MarkForm, MatchFilterForm, NeedForm, NeedStatusForm
from matchmaker.extensions import db
from matchmaker.forms import ConfirmForm
from matchmaker.introductions.forms import RequestForm
from matchmaker.models import Need, NeedStatus, Organization, OrganizationKind, Role
from matchmaker.services import introductions, matching, profiles, shortlists
from matchmaker.services.errors import DomainError
from matchmaker.services.profiles import ProfileInvalid

bp = Blueprint("corporate", __name__)
bp.before_request(require_roles(Role.CORPORATE))


def get_own_need_or_404(need_id: int) -> Need:
    """A need of the logged-in user's organisation; anyone else's is 'not found'."""
    need = db.session.get(Need, need_id)
    if need is None or need.organization_id != current_user.organization_id:
        abort(404)
    return need


@bp.route("/")
def dashboard():
    organization = current_user.organization
    matches = matching.best_matches(organization.needs, 3, shortlists.not_dismissed())
    return render_template(
        "corporate/dashboard.html",
        organization=organization,
        completeness=profiles.profile_completeness(organization),
        matches=matches,
        pairs=introductions.pairs_of_corporate(organization),
        request_forms={
            match.startup_id: RequestForm(prefix=f"request{match.startup_id}")
            for rows in matches.values()
            for match in rows
        },
        status_forms={
            need.id: NeedStatusForm(prefix=f"need{need.id}", status=need.status.value)
            for need in organization.needs
        },
    )


@bp.route("/needs/new", methods=["GET", "POST"])
@bp.route("/needs/<int:need_id>/edit", methods=["GET", "POST"])
def edit_need(need_id: int | None = None):
    need = get_own_need_or_404(need_id) if need_id is not None else None
    form = NeedForm(need=need)
    if form.validate_on_submit():
        try:
            profiles.save_need(current_user.organization, form.need_data(), need)
        except ProfileInvalid as error:
            for name, message in error.errors.items():
                form[name].errors.append(message)
        else:
            flash(_("Need saved. The Japan Desk reviews new needs before matching."), "success")
            return redirect(url_for("corporate.dashboard"))
    return render_template("corporate/need_form.html", form=form, need=need)


@bp.route("/needs/<int:need_id>/status", methods=["POST"])
def change_need_status(need_id: int):
    need = get_own_need_or_404(need_id)
    form = NeedStatusForm(prefix=f"need{need.id}")
    if form.validate_on_submit():
        profiles.set_need_status(need, NeedStatus(form.status.data))
        flash(_("Need status changed."), "success")
    else:
        flash(_("Choose open, paused or closed."), "danger")
    return redirect(url_for("corporate.dashboard"))


@bp.route("/needs/<int:need_id>/matches")
def need_matches(need_id: int):
    """The startups ranked for one need, with filters, sorting, save and dismiss."""
    need = get_own_need_or_404(need_id)
    form = MatchFilterForm(request.args, meta={"csrf": False})
    criteria = form.criteria() if form.validate() else shortlists.MatchCriteria()
    page = min(max(request.args.get("page", 1, type=int), 1), 10_000)
    pagination = shortlists.ranked_startups(need, criteria, page=page)
    return render_template(
        "corporate/matches.html",
        need=need,
        form=form,
        pagination=pagination,
        marks=shortlists.marks_of(need),
        dismissed=shortlists.dismissed_count(need),
        pairs=introductions.pairs_of_corporate(current_user.organization),
        request_forms={
            match.startup_id: RequestForm(prefix=f"request{match.startup_id}")
            for match in pagination.items
        },
        mark_forms={
            match.startup_id: MarkForm(prefix=f"mark{match.startup_id}")
            for match in pagination.items
        },
        query_args={
            name: request.args[name]
            for name in form._fields
            if name not in ("submit", "csrf_token") and request.args.get(name)
        },
    )


@bp.route("/needs/<int:need_id>/matches/<int:startup_id>/mark", methods=["POST"])
def mark_startup(need_id: int, startup_id: int):
    need = get_own_need_or_404(need_id)
    startup = get_visible_startup_or_404(startup_id)
    form = MarkForm(prefix=f"mark{startup_id}")
    if form.validate_on_submit():
        try:
            shortlists.mark_startup(need, startup, current_user, form.mark)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            messages = {
                "saved": _("%(name)s is saved for this need.", name=startup.name),
                "not_interested": _(
                    "%(name)s is hidden for this need. Thank you: this helps the matching.",
                    name=startup.name,
                ),
                "clear": _("Undone."),
            }
            flash(messages[form.kind.data], "success")
    return redirect(url_for("corporate.need_matches", need_id=need.id, **_list_args()))


def _list_args() -> dict[str, str]:
    # Back to the same filtered page the button was on.
    allowed = {"industry", "technology", "stage", "country", "language", "sort", "saved", "page"}
    return {key: value for key, value in request.args.items() if key in allowed and value}


@bp.route("/needs/<int:need_id>/matches/restore", methods=["POST"])
def restore_dismissed(need_id: int):
    need = get_own_need_or_404(need_id)
    if ConfirmForm().validate_on_submit():
        count = shortlists.restore_dismissed(need, current_user)
        flash(_("%(num)d hidden startups are back in the list.", num=count), "success")
    return redirect(url_for("corporate.need_matches", need_id=need.id))


def get_visible_startup_or_404(startup_id: int) -> Organization:
    """A validated startup, to a company that is not suspended (what a company may see);
    anything else is 'not found'."""
    startup = db.session.get(Organization, startup_id)
    if (
        startup is None
        or startup.kind is not OrganizationKind.STARTUP
        or not profiles.profile_visible_to(startup, current_user)
    ):
        abort(404)
    return startup


@bp.route("/startups/<int:startup_id>")
def startup_profile(startup_id: int):
    """A startup's public profile; its contact person is never shown here."""
    startup = get_visible_startup_or_404(startup_id)
    return render_template(
        "corporate/startup.html",
        startup=startup,
        pair=introductions.pairs_of_corporate(current_user.organization).get(startup.id),
    )
