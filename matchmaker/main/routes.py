"""Public pages: the landing page, the privacy notice and the language switch."""

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required

from matchmaker.auth.routes import home_url
from matchmaker.extensions import db
from matchmaker.models import Organization
from matchmaker.security import is_safe_next_url
from matchmaker.services import accounts
from matchmaker.services.profiles import profile_visible_to

bp = Blueprint("main", __name__)


@bp.route("/")
def index():
    if current_user.is_authenticated:
        return redirect(home_url(current_user))
    return render_template("main/index.html")


@bp.route("/privacy")
def privacy():
    return render_template(
        "main/privacy.html", notice_version=current_app.config["PRIVACY_NOTICE_VERSION"]
    )


@bp.post("/language")
def set_language():
    """Switch the interface language: for this session, and on the account of a logged-in
    user, so that later sessions and the mails they receive use it too."""
    locale = request.form.get("locale", "")
    # Anything but a known language (only a hand-made request sends one) changes nothing.
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            accounts.set_user_locale(current_user, locale)
    target = request.form.get("next")
    return redirect(target if is_safe_next_url(target) else url_for("main.index"))


@bp.route("/healthz")
def health():
    return {"status": "ok"}


@bp.route("/logos/<int:organization_id>.png")
@login_required
def logo(organization_id: int):
    """A logo, for those allowed to see the profile: its members, staff, and the other side
    once the profile is validated."""
    organization = db.session.get(Organization, organization_id)
    if organization is None or organization.logo_mime is None:
        abort(404)
    if not profile_visible_to(organization, current_user):
        abort(404)
    response = make_response(organization.logo)
    response.mimetype = organization.logo_mime
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
