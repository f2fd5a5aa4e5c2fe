"""The corporate's area."""

from flask import Blueprint, render_template
from flask_login import current_user

from matchmaker.auth.access import require_roles
from matchmaker.models import Role

bp = Blueprint("corporate", __name__)
bp.before_request(require_roles(Role.CORPORATE))


@bp.route("/")
def dashboard():
    return render_template("corporate/dashboard.html", organization=current_user.organization)
