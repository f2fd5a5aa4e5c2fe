"""Admin pages: Japan Desk staff accounts."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matchmaker.admin.forms import StaffUserForm
from matchmaker.auth.access import require_roles
from matchmaker.extensions import db
from matchmaker.forms import ConfirmForm
from matchmaker.models import Role, User
from matchmaker.services import accounts
from matchmaker.services.errors import EmailAlreadyRegistered
from matchmaker.taxonomy import VOCABULARIES, taxonomy_version, vocabulary

bp = Blueprint("admin", __name__)
bp.before_request(require_roles(Role.ADMIN))


def get_staff_user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or not user.is_staff:
        abort(404)
    return user


@bp.route("/users", methods=["GET", "POST"])
def users():
    form = StaffUserForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_staff_user(
                form.email.data, Role(form.role.data), full_name=form.full_name.data
            )
        except EmailAlreadyRegistered as error:
            form.email.errors.append(str(error))
        else:
            flash(_("Account created; an invitation was sent to %(email)s.", email=user.email))
            return redirect(url_for("admin.users"))
    return render_template(
        "admin/users.html", form=form, users=accounts.list_staff_users(), action_form=ConfirmForm()
    )


@bp.route("/users/<int:user_id>/active", methods=["POST"])
def toggle_active(user_id: int):
    user = get_staff_user_or_404(user_id)
    if ConfirmForm().validate_on_submit():
        if user.id == current_user.id:
            flash(_("You cannot suspend your own account."), "warning")
        else:
            accounts.set_user_active(user, not user.is_active)
            flash(
                _("%(email)s is active again.", email=user.email)
                if user.is_active
                else _("%(email)s is suspended.", email=user.email),
                "info",
            )
    return redirect(url_for("admin.users"))


@bp.route("/taxonomy")
def taxonomy():
    """Every vocabulary with its terms in the three languages, retired ones marked."""
    return render_template(
        "admin/taxonomy.html",
        vocabularies=[vocabulary(name) for name in VOCABULARIES],
        version=taxonomy_version(),
    )
