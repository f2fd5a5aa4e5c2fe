"""The startup's area."""

from flask import Blueprint, render_template
from flask_login import current_user

from matchmaker.auth.access import require_roles
from matchmaker.models import Role

bp = Blueprint("startup", __name__)
bp.before_request(require_roles(Role.STARTUP))


@bp.route("/")
def dashboard():
    return render_template("startup/dashboard.html", organization=current_user.organization)
