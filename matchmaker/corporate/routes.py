"""The corporate's area: dashboard and needs."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matchmaker.auth.access import require_roles
from matchmaker.corporate.forms import NeedForm, NeedStatusForm
from matchmaker.extensions import db
from matchmaker.introductions.forms import RequestForm
from matchmaker.models import Need, NeedStatus, Role
from matchmaker.services import introductions, matching, profiles
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
    matches = matching.best_matches(organization.needs, limit=10)
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
