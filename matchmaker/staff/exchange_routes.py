"""Staff import organisations from CSV and export them as CSV or JSONL."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, redirect, render_template, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user

from matchmaker.models import OrganizationKind
from matchmaker.services import exchange
from matchmaker.staff.exchange_forms import ImportForm
from matchmaker.staff.routes import bp


def _kind_or_404(kind: str) -> OrganizationKind:
    try:
        return OrganizationKind(kind)
    except ValueError:
        abort(404)


@bp.route("/import", methods=["GET", "POST"])
def import_organizations():
    form = ImportForm()
    plan = None
    if form.validate_on_submit():
        plan = exchange.plan_import(form.file.data.read(), OrganizationKind(form.kind.data))
        if plan.is_valid and not form.dry_run.data:
            try:
                result = exchange.run_import(plan, current_user, invite=form.invite.data)
            except exchange.ImportRefused as error:
                flash(str(error), "danger")
            else:
                flash(
                    _(
                        "Imported %(created)d organisations; %(invited)d invitations sent.",
                        created=result.created,
                        invited=result.invited,
                    ),
                    "success",
                )
                if plan.kind is OrganizationKind.STARTUP:
                    flash(
                        _(
                            "The new startups enter the rankings at the next rebuild "
                            "(nightly, or “matchmaker matches rebuild”)."
                        ),
                        "info",
                    )
                if result.invitations_not_sent:
                    flash(
                        _(
                            "These invitations could not be sent: %(emails)s",
                            emails=", ".join(result.invitations_not_sent),
                        ),
                        "warning",
                    )
                return redirect(url_for("staff.import_organizations"))
    return render_template(
        "staff/import.html", form=form, plan=plan, dry_run=bool(form.dry_run.data)
    )


@bp.route("/export/<kind>.csv")
def export_csv(kind: str):
    organization_kind = _kind_or_404(kind)
    # The byte order mark makes Excel read the file as UTF-8; the import accepts it.
    body = "\ufeff" + exchange.export_csv(organization_kind)
    return _download(body, f"{kind}s-{date.today().isoformat()}.csv", "text/csv; charset=utf-8")


@bp.route("/export/<kind>.jsonl")
def export_jsonl(kind: str):
    organization_kind = _kind_or_404(kind)
    lines = stream_with_context(exchange.export_jsonl(organization_kind))
    return _download(
        lines, f"{kind}s-{date.today().isoformat()}.jsonl", "application/jsonl; charset=utf-8"
    )


def _download(body, filename: str, content_type: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"  # contact data: keep it out of caches
    return response
