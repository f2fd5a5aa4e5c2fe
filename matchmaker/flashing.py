"""The views' one way to run a service call and tell the user how it went."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash

from matchmaker.services.errors import DomainError


def attempt(action: Callable[[], object], success: str) -> bool:
    """Run `action`; flash `success`, or the domain's refusal (which changed nothing)."""
    try:
        action()
    except DomainError as error:
        flash(str(error), "warning")
        return False
    flash(success, "success")
    return True
