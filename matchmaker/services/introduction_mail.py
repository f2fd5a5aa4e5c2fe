"""Everything an introduction sends or links: the mails to each side in its language,
the staff mails, the signed answer and feedback links, and the iCalendar invitation."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app, render_template
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from matchmaker.extensions import db
from matchmaker.models import (
    Introduction,
    Meeting,
    Organization,
    OrganizationKind,
    User,
    utcnow,
)
from matchmaker.services.accounts import active_staff_users
from matchmaker.services.errors import DomainError
from matchmaker.services.mail import (
    Attachment,
    OutgoingMail,
    mail_language,
    public_url,
    send_mail,
)
from matchmaker.taxonomy import vocabulary

log = logging.getLogger(__name__)

ANSWER_SALT = "introduction-answer"
FEEDBACK_SALT = "introduction-feedback"


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def make_answer_token(introduction: Introduction, side: OrganizationKind) -> str:
    # No state in the link: the page it opens carries the version the answer is for.
    return _serializer(ANSWER_SALT).dumps({"i": introduction.id, "s": side.value})


def make_feedback_token(introduction: Introduction, side: OrganizationKind) -> str:
    return _serializer(FEEDBACK_SALT).dumps({"i": introduction.id, "s": side.value})


@dataclass(frozen=True)
class LinkTarget:
    introduction: Introduction
    side: OrganizationKind


def load_answer_token(token: str) -> LinkTarget:
    """The introduction and side a mailed answer link is for. A link stays readable after
    use; `answer_introduction` refuses a second answer."""
    data = _load(token, ANSWER_SALT)
    return LinkTarget(*_target(data))


def load_feedback_token(token: str) -> LinkTarget:
    data = _load(token, FEEDBACK_SALT)
    return LinkTarget(*_target(data))


def _load(token: str, salt: str) -> dict:
    try:
        data = _serializer(salt).loads(
            token, max_age=current_app.config["INTRODUCTION_LINK_MAX_AGE"]
        )
    except SignatureExpired as exc:
        raise AnswerLinkInvalid(
            "This link has expired. Log in to see your introductions, or ask the Japan Desk."
        ) from exc
    except BadSignature as exc:
        raise AnswerLinkInvalid(
            "This link is not valid. Please check that you copied it whole."
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        raise AnswerLinkInvalid("This link is not valid. Please check that you copied it whole.")
    return data


def _target(data: dict) -> tuple[Introduction, OrganizationKind]:
    introduction = db.session.get(Introduction, data["i"])
    try:
        side = OrganizationKind(data.get("s"))
    except ValueError:
        side = None
    if introduction is None or side is None:
        raise AnswerLinkInvalid("This link is not valid. Please check that you copied it whole.")
    return introduction, side


def meeting_ics(introduction: Introduction, meeting: Meeting) -> str:
    """An iCalendar (RFC 5545) invitation for the meeting, times in UTC."""
    end = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    where = meeting.location or meeting.video_url
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Japan Desk Duesseldorf//matchmaker//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:introduction-{introduction.id}@matchmaker",
        f"SEQUENCE:{meeting.sequence}",
        f"DTSTAMP:{meeting.updated_at:%Y%m%dT%H%M%SZ}",
        f"DTSTART:{meeting.starts_at:%Y%m%dT%H%M%SZ}",
        f"DTEND:{end:%Y%m%dT%H%M%SZ}",
        "SUMMARY:" + _ics_text(f"{introduction.corporate.name} × {introduction.startup.name}"),
        "LOCATION:" + _ics_text(where),
        "DESCRIPTION:" + _ics_text(_meeting_description(meeting)),
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _meeting_description(meeting: Meeting) -> str:
    parts = [f"Introduced by the Japan Desk Duesseldorf. Agreed time zone: {meeting.timezone}."]
    if meeting.video_url:
        parts.append(f"Video: {meeting.video_url}")
    if meeting.needs_interpreter:
        parts.append(f"Interpreter: {_language_names(meeting, 'en')}")
    return "\n".join(parts)


def _language_names(meeting: Meeting, lang: str) -> str:
    languages = vocabulary("languages")
    return ", ".join(
        languages.label(code, lang) for code in meeting.interpreter_languages.split(",") if code
    )


def _ics_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    # Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a character.
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


SUBJECTS = {
    "ask": {
        "en": "A partnership proposal from the Japan Desk Duesseldorf",
        "de": "Ein Partnerschaftsvorschlag des Japan Desk Düsseldorf",
        "ja": "デュッセルドルフ・ジャパンデスクからのパートナーシップのご提案",
    },
    "reminder": {
        "en": "Reminder: a partnership proposal is waiting for your answer",
        "de": "Erinnerung: Ein Partnerschaftsvorschlag wartet auf Ihre Antwort",
        "ja": "リマインダー：パートナーシップのご提案への回答をお待ちしています",
    },
    "expired": {
        "en": "A partnership proposal has expired",
        "de": "Ein Partnerschaftsvorschlag ist abgelaufen",
        "ja": "パートナーシップのご提案の回答期限が過ぎました",
    },
    "introduction": {
        "en": "Introduction: {corporate} × {startup}",
        "de": "Vorstellung: {corporate} × {startup}",
        "ja": "ご紹介：{corporate} × {startup}",
    },
    "meeting": {
        "en": "Meeting: {corporate} × {startup}",
        "de": "Termin: {corporate} × {startup}",
        "ja": "ミーティング：{corporate} × {startup}",
    },
    "feedback": {
        "en": "How is your partnership going? {corporate} × {startup}",
        "de": "Wie läuft Ihre Partnerschaft? {corporate} × {startup}",
        "ja": "パートナーシップの進捗はいかがですか？ {corporate} × {startup}",
    },
}


def recipients(organization: Organization) -> list[tuple[str, str]]:
    """(address, language) of everyone who speaks for an organisation."""
    users = db.session.scalars(
        sa.select(User)
        .where(
            User.organization_id == organization.id,
            User.is_active.is_(True),
            User.deleted_at.is_(None),
        )
        .order_by(User.id)
    )
    fallback = mail_language(organization.text_language)
    found = [(user.email, mail_language(user.locale, fallback)) for user in users]
    if not found and organization.contact_email:
        found = [(organization.contact_email, fallback)]
    return found


def reasons_in(introduction: Introduction, lang: str) -> list[str]:
    reasons = introduction.reasons or {}
    return reasons.get(lang) or reasons.get("en") or []


def mail_party(
    introduction: Introduction, side: OrganizationKind, template: str, **context: object
) -> None:
    organization = (
        introduction.startup if side is OrganizationKind.STARTUP else introduction.corporate
    )
    other = introduction.corporate if side is OrganizationKind.STARTUP else introduction.startup
    for address, lang in recipients(organization):
        names = {"corporate": introduction.corporate.name, "startup": introduction.startup.name}
        if template in ("ask", "expired") and not introduction.is_corporate_named:
            names["corporate"] = ""
        subject_key = "reminder" if context.get("reminder") else template
        subject = SUBJECTS.get(subject_key, SUBJECTS["ask"])[lang].format(**names)
        attachments: tuple[Attachment, ...] = ()
        meeting = context.get("meeting")
        if meeting is not None:
            attachments = (
                Attachment(
                    "invitation.ics",
                    "text/calendar; method=REQUEST",
                    meeting_ics(introduction, meeting).encode(),
                ),
            )
        text = render_template(
            f"mail/introductions/{template}.{lang}.txt",
            introduction=introduction,
            organization=organization,
            other=other,
            side=side.value,
            lang=lang,
            reasons=reasons_in(introduction, lang),
            other_industries=[
                vocabulary("industries").label(term_id, lang)
                for term_id in other.term_ids("industries")
            ],
            app_link=public_url("introductions.detail", introduction_id=introduction.id),
            local_start=(
                meeting.starts_at.astimezone(ZoneInfo(meeting.timezone)) if meeting else None
            ),
            interpreter=_language_names(meeting, lang) if meeting else "",
            **context,
        )
        _send(OutgoingMail(to=address, subject=subject, text=text, attachments=attachments))


def ask_party(introduction: Introduction, side: OrganizationKind, reminder: bool = False) -> None:
    link = public_url("introductions.answer_by_link", token=make_answer_token(introduction, side))
    days_left = current_app.config["INTRODUCTION_EXPIRY_DAYS"]
    if introduction.asked_at is not None:
        passed = (utcnow() - introduction.asked_at).days
        days_left = max(days_left - passed, 1)
    mail_party(
        introduction,
        side,
        "ask",
        answer_link=link,
        reminder=reminder,
        days_left=days_left,
    )


def mail_staff(introduction: Introduction, template: str, **context: object) -> None:
    if introduction.owner is not None and introduction.owner.is_active:
        addresses = [introduction.owner.email]
    else:
        addresses = [user.email for user in active_staff_users()]
    subject = {
        "question": "Question about an introduction: {corporate} × {startup}",
        "next_action_due": "Next action due: {corporate} × {startup}",
    }[template].format(corporate=introduction.corporate.name, startup=introduction.startup.name)
    text = render_template(
        f"mail/introductions/staff_{template}.txt",
        introduction=introduction,
        staff_link=public_url("staff.introduction", introduction_id=introduction.id),
        **context,
    )
    for address in addresses:
        _send(OutgoingMail(to=address, subject=subject, text=text))


def _send(mail: OutgoingMail) -> None:
    # The state change is committed before any mail goes out; a failing mail server
    # must not undo it (the history shows what happened, staff can follow up).
    try:
        send_mail(mail)
    except Exception:
        if current_app.testing:
            raise
        log.exception("sending %r to %s failed", mail.subject, mail.to)


class AnswerLinkInvalid(DomainError):
    pass
