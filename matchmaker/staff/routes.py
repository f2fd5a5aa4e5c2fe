"""The Japan Desk staff's area: overview, directory, profile validation."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from matchmaker import matching as matching_library
from matchmaker.auth.access import require_roles
from matchmaker.extensions import db
from matchmaker.introductions.forms import AccountManagerForm
from matchmaker.models import Need, Organization, ProfileStatus, Role
from matchmaker.services import directory, introductions, learning, matching, profiles
from matchmaker.services.accounts import active_staff_users
from matchmaker.services.errors import DomainError
from matchmaker.staff.forms import DirectoryFilterForm, NeedReviewForm, ReviewForm

bp = Blueprint("staff", __name__)
bp.before_request(require_roles(Role.STAFF, Role.ADMIN))


def get_organization_or_404(organization_id: int) -> Organization:
    organization = db.session.get(Organization, organization_id)
    if organization is None:
        abort(404)
    return organization


def need_review_form(need_id: int) -> NeedReviewForm:
    # One form per need on the same page: the prefix keeps their field ids apart.
    return NeedReviewForm(prefix=f"need{need_id}")


@bp.route("/")
def dashboard():
    return render_template(
        "staff/dashboard.html",
        counts=directory.count_organizations_by_kind(),
        waiting=directory.review_queue(),
        waiting_needs=directory.needs_waiting_for_review(),
        pipeline=introductions.pipeline_counts(),
        due=introductions.search_introductions(
            introductions.PipelineCriteria(due_only=True), per_page=10
        ).items,
        snapshot=matching.newest_snapshot(),
        model_version=matching_library.MODEL_VERSION,
    )


SIGNAL_LABELS = {
    "text": _l("Both profiles' words"),
    "seek_offer": _l("What the company seeks against what the startup offers"),
    "offer_seek": _l("What the startup seeks against what the company offers"),
    "concepts": _l("Shared topics from the English, German and Japanese glossary"),
    "lsa": _l("Related topics, also in other words"),
    "taxonomy": _l("Shared industries and technologies"),
}


@bp.route("/matching")
def matching_model():
    """How the scores come about: the model in use, its signal weights and the runs that
    learned weights from decisions."""
    shares, learned = matching.signal_shares()
    counts = learning.decision_counts()
    return render_template(
        "staff/matching.html",
        snapshot=matching.newest_snapshot(),
        model_version=matching_library.MODEL_VERSION,
        signals=[(label, shares[name]) for name, label in SIGNAL_LABELS.items()],
        learned=learned,
        runs=learning.history(),
        decided=counts.decisions,
        decided_yes=counts.positives,
        minimum=current_app.config["LEARNING_MIN_DECISIONS"],
    )


@bp.route("/organizations")
def organizations():
    form = DirectoryFilterForm(request.args, meta={"csrf": False})
    criteria = form.criteria() if form.validate() else directory.DirectoryCriteria()
    page = min(max(request.args.get("page", 1, type=int), 1), directory.MAX_PAGE)
    pagination = directory.search_organizations(criteria, page=page)
    return render_template(
        "staff/organizations.html",
        form=form,
        pagination=pagination,
        # Only the filter's own fields go into the pager links: arbitrary query keys
        # would become url_for arguments (_external, _scheme, ...).
        query_args={
            name: request.args[name]
            for name in form._fields
            if name not in ("submit", "csrf_token") and request.args.get(name)
        },
    )


@bp.route("/organizations/<int:organization_id>")
def organization(organization_id: int):
    organization = get_organization_or_404(organization_id)
    return render_template(
        "staff/organization.html",
        organization=organization,
        review_form=ReviewForm(),
        need_forms={need.id: need_review_form(need.id) for need in organization.needs},
        top_matches=matching.best_matches(organization.needs, limit=10),
        completeness=profiles.profile_completeness(organization),
        manager_form=AccountManagerForm(
            staff=active_staff_users(),
            manager=str(organization.account_manager_id or ""),
        ),
    )


@bp.route("/organizations/<int:organization_id>/review", methods=["POST"])
def review_organization(organization_id: int):
    organization = get_organization_or_404(organization_id)
    form = ReviewForm()
    if form.validate_on_submit():
        actions = {
            "approve": lambda: profiles.approve_profile(organization, current_user),
            "changes": lambda: profiles.request_profile_changes(
                organization, current_user, (form.comment.data or "")
            ),
            "suspend": lambda: profiles.suspend_profile(
                organization, current_user, (form.comment.data or "")
            ),
        }
        try:
            actions[form.action.data]()
        except DomainError as error:
            flash(str(error), "danger")
        else:
            flash(_("Review saved: %(name)s", name=organization.name), "success")
    else:
        flash(_("Choose an action."), "danger")
    return redirect(url_for("staff.organization", organization_id=organization.id))


@bp.route("/needs/<int:need_id>/review", methods=["POST"])
def review_need(need_id: int):
    need = db.session.get(Need, need_id)
    if need is None:
        abort(404)
    form = need_review_form(need.id)
    if form.validate_on_submit():
        status = (
            ProfileStatus.APPROVED
            if form.action.data == "approve"
            else ProfileStatus.CHANGES_REQUESTED
        )
        try:
            profiles.review_need(need, current_user, status, (form.comment.data or ""))
        except DomainError as error:
            flash(str(error), "danger")
        else:
            flash(_("Review saved: %(title)s", title=need.title), "success")
    return redirect(url_for("staff.organization", organization_id=need.organization_id))


# Import/export and introductions live in their own modules on this blueprint.
from matchmaker.staff import exchange_routes, introduction_routes  # noqa: E402, F401
