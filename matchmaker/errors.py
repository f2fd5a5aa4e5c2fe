"""Error pages: every HTTP error renders a friendly page, never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request could not be understood. Please go back and try again.",
    403: "You do not have access to this page.",
    404: "This page does not exist, or you do not have access to it.",
    405: "This page cannot be used that way.",
    413: "The upload is too large.",
    429: "Too many attempts. Please wait a minute and try again.",
    500: "Something went wrong on our side. The Japan Desk team has been notified.",
}


def render_error(code: int, message: str | None = None):
    return (
        render_template(
            "errors/error.html", code=code, message=message or MESSAGES.get(code, MESSAGES[400])
        ),
        code,
    )


def init_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(
            400, "Your form expired or was sent from elsewhere. Please reload the page and retry."
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        if code >= 500:
            return internal_error(error)
        return render_error(code)

    @app.errorhandler(Exception)
    def internal_error(error: Exception):
        if not isinstance(error, HTTPException):
            log.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500)
