"""Owners edit their organisation's profile and logo, download their data, delete their account.

Every route works on the logged-in user's own organisation: there is no id to tamper with.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from matchmaker.auth.access import require_roles
from matchmaker.auth.routes import home_url, password_checked
from matchmaker.forms import ConfirmForm, CorporateProfileForm, LogoForm, StartupProfileForm
from matchmaker.models import OrganizationKind, ProfileStatus, Role
from matchmaker.profile.forms import DeleteAccountForm
from matchmaker.services import privacy, profiles
from matchmaker.services.errors import DomainError
from matchmaker.services.profiles import ProfileInvalid

bp = Blueprint("profile", __name__)
bp.before_request(require_roles(Role.STARTUP, Role.CORPORATE))

FORMS = {
    OrganizationKind.STARTUP: StartupProfileForm,
    OrganizationKind.CORPORATE: CorporateProfileForm,
}


@bp.route("/edit", methods=["GET", "POST"])
def edit():
    organization = current_user.organization
    form = FORMS[organization.kind](organization=organization)
    if form.validate_on_submit():
        was = organization.status
        try:
            profiles.update_profile(organization, form.profile_data(organization))
        except ProfileInvalid as error:
            for name, message in error.errors.items():
                (form[name].errors if name in form else form.form_errors).append(message)
        else:
            if organization.status != was and organization.status is ProfileStatus.PENDING:
                flash(_("Profile saved and sent to the Japan Desk for review."), "success")
            else:
                flash(_("Profile saved."), "success")
            return redirect(home_url(current_user))
    return render_template(
        "profile/edit.html", form=form, organization=organization, logo_form=LogoForm()
    )


@bp.route("/logo", methods=["POST"])
def upload_logo():
    form = LogoForm()
    if form.validate_on_submit():
        try:
            profiles.set_logo(current_user.organization, form.logo.data.read())
        except DomainError as error:
            flash(str(error), "danger")
        else:
            flash(_("Logo saved."), "success")
    else:
        for message in form.logo.errors:
            flash(message, "danger")
    return redirect(url_for("profile.edit"))


@bp.route("/logo/remove", methods=["POST"])
def remove_logo():
    if ConfirmForm().validate_on_submit():
        profiles.remove_logo(current_user.organization)
        flash(_("Logo removed."), "info")
    return redirect(url_for("profile.edit"))


@bp.route("/data.json")
def download_data():
    """Everything the platform holds about the user and their organisation."""
    body = json.dumps(privacy.export_user_data(current_user), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="matchmaker-my-data.json"'},
    )


@bp.route("/delete", methods=["GET", "POST"])
@password_checked
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            privacy.delete_account(current_user, form.password.data)
        except DomainError as error:
            form.password.errors.append(str(error))
        else:
            logout_user()
            flash(_("Your account is deleted. Thank you for using the Japan Desk matchmaker."))
            return redirect(url_for("main.index"))
    return render_template("profile/delete.html", form=form)
