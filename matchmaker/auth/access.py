"""Role checks shared by the blueprints."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort
from flask_login import current_user

from matchmaker.extensions import login_manager
from matchmaker.models import Role


def require_roles(*roles: Role) -> Callable[[], object]:
    """A `before_request` hook: anonymous users are sent to log in, other roles get 403."""

    def check_role():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if current_user.role not in roles:
            abort(403)
        return None

    return check_role
