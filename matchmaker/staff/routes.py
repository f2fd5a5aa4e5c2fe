"""The Japan Desk staff's area."""

from flask import Blueprint, render_template

from matchmaker.auth.access import require_roles
from matchmaker.models import Role
from matchmaker.services.organizations import count_organizations_by_kind

bp = Blueprint("staff", __name__)
bp.before_request(require_roles(Role.STAFF, Role.ADMIN))


@bp.route("/")
def dashboard():
    return render_template("staff/dashboard.html", counts=count_organizations_by_kind())
