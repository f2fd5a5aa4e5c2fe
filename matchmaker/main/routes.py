"""Public pages: the landing page and the privacy notice."""

from flask import Blueprint, current_app, redirect, render_template
from flask_login import current_user

from matchmaker.auth.routes import home_url

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


@bp.route("/healthz")
def health():
    return {"status": "ok"}
