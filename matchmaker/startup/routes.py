"""The startup's area."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from matchmaker.auth.access import require_roles
from matchmaker.models import Role
from matchmaker.services.directory import open_needs
from matchmaker.services.introductions import introductions_for_organization, waiting_for
from matchmaker.services.profiles import is_taken_off, profile_completeness

bp = Blueprint("startup", __name__)
bp.before_request(require_roles(Role.STARTUP))


@bp.route("/")
def dashboard():
    organization = current_user.organization
    introductions = introductions_for_organization(organization)
    return render_template(
        "startup/dashboard.html",
        organization=organization,
        completeness=profile_completeness(organization),
        introductions=introductions[:5],
        waiting=[row for row in introductions if waiting_for(row) is organization.kind],
    )


@bp.route("/needs")
def needs():
    """What the Japan Desk's companies are looking for (names only where they allow it);
    not to a startup that staff suspended."""
    if is_taken_off(current_user.organization):
        abort(403)
    page = min(max(request.args.get("page", 1, type=int), 1), 10_000)
    return render_template("startup/needs.html", pagination=open_needs(page=page))
