"""matchmaker: the Japan Desk partnership platform.

`create_app` (from `matchmaker.app`) builds the Flask app. The package itself imports
nothing else: the matching library and `matchmaker rank` run without loading Flask and
the database layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matchmaker.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # `from matchmaker import create_app` and gunicorn's 'matchmaker:create_app()' load
    # the app module on first use.
    if name == "create_app":
        from matchmaker.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
