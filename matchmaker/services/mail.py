"""The one way the platform sends email.

With `MAIL_SERVER` set, messages go out through SMTP. Without it (development, tests)
every message is written to `MAIL_OUTBOX_DIR` as one `.eml` file and logged, so that
people and tests can read exactly what would have been sent.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app, render_template
from jinja2 import TemplateNotFound

log = logging.getLogger(__name__)

# The languages that mails to startups and companies are written in (staff mails are
# English).
MAIL_LANGUAGES = ("en", "de", "ja")


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # "text/calendar; method=REQUEST"
    data: bytes


@dataclass(frozen=True)
class OutgoingMail:
    to: str
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()


def public_url(endpoint: str, **values: object) -> str:
    """An absolute link for a mail, on `PUBLIC_URL`: never on the host that the request
    names, since a forged `Host` or `X-Forwarded-Host` header would otherwise send a
    password reset or an introduction's answer link to someone else's server."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build(endpoint, values, force_external=True)


def send_mail(mail: OutgoingMail) -> EmailMessage:
    """Send one message through SMTP or into the outbox; returns the message as sent."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = mail.to
    # A header is one line: a name typed with a line break (an import, an old profile)
    # would make the message fail, and a subject made of it would be lost.
    message["Subject"] = " ".join(mail.subject.split())
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="matchmaker.local")
    message.set_content(mail.text)
    if mail.html:
        message.add_alternative(mail.html, subtype="html")
    for attachment in mail.attachments:
        maintype, _, rest = attachment.content_type.partition("/")
        subtype, *parameters = (part.strip() for part in rest.split(";"))
        message.add_attachment(
            attachment.data,
            maintype=maintype,
            subtype=subtype,
            filename=attachment.filename,
            params=dict(parameter.split("=", 1) for parameter in parameters),
        )

    if config.get("MAIL_SERVER"):
        _send_smtp(message, config)
    else:
        path = _write_outbox(message, Path(config["MAIL_OUTBOX_DIR"]))
        log.info("mail to %s (%s) written to %s", mail.to, mail.subject, path)
    return message


def mail_language(*preferences: str | None) -> str:
    """The first of `preferences` (language codes, most wanted first) that mails are
    written in; English when there is none."""
    return next((lang for lang in preferences if lang in MAIL_LANGUAGES), "en")


def send_template_mail(
    to: str, subject: str, template: str, lang: str | None = None, **context: object
) -> EmailMessage:
    """Render `mail/<template>.txt` (`mail/<template>.<lang>.txt` for a mail written in
    each language; `.html` as well when it exists) and send it."""
    name = f"mail/{template}.{lang}" if lang else f"mail/{template}"
    text = render_template(f"{name}.txt", **context)
    try:
        html = render_template(f"{name}.html", **context)
    except TemplateNotFound:
        html = None
    return send_mail(OutgoingMail(to=to, subject=subject, text=text, html=html))


def _send_smtp(message: EmailMessage, config: dict) -> None:
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(message)


def _write_outbox(message: EmailMessage, outbox: Path) -> Path:
    outbox.mkdir(parents=True, exist_ok=True)
    # Time first so a directory listing is in sending order; uuid keeps names unique
    # across processes.
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = outbox / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(bytes(message))
    return path


def read_outbox(outbox: Path) -> list[EmailMessage]:
    """All messages in an outbox folder, oldest first (for development tools and tests)."""
    parser = BytesParser(policy=policy.default)
    return [parser.parsebytes(path.read_bytes()) for path in sorted(outbox.glob("*.eml"))]
