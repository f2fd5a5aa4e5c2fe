"""Words for the introduction states, reasons and outcomes, in the viewer's language."""

from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from matchmaker.models import DecisionReason, IntroductionStatus, Outcome

S = IntroductionStatus

STATUS_LABELS = {
    S.PROPOSED: _l("Requested, waiting for the Japan Desk"),
    S.APPROVED: _l("Waiting for the startup"),
    S.STARTUP_ACCEPTED: _l("Waiting for the company"),
    S.CORPORATE_ACCEPTED: _l("Both accepted"),
    S.INTRODUCED: _l("Introduced"),
    S.MEETING_HELD: _l("Meeting held"),
    S.CONCLUDED: _l("Outcome recorded"),
    S.REJECTED: _l("Not pursued"),
    S.DECLINED: _l("Declined"),
    S.EXPIRED: _l("Expired"),
}
# Short stage names for the staff pipeline overview.
STAGE_LABELS = {
    S.PROPOSED: _l("Requested"),
    S.APPROVED: _l("Approved"),
    S.STARTUP_ACCEPTED: _l("Startup accepted"),
    S.CORPORATE_ACCEPTED: _l("Company accepted"),
    S.INTRODUCED: _l("Introduced"),
    S.MEETING_HELD: _l("Meeting held"),
    S.CONCLUDED: _l("Outcome"),
    S.REJECTED: _l("Rejected"),
    S.DECLINED: _l("Declined"),
    S.EXPIRED: _l("Expired"),
}
STATUS_STYLES = {
    S.PROPOSED: "warning",
    S.APPROVED: "info",
    S.STARTUP_ACCEPTED: "info",
    S.CORPORATE_ACCEPTED: "primary",
    S.INTRODUCED: "success",
    S.MEETING_HELD: "success",
    S.CONCLUDED: "dark",
    S.REJECTED: "secondary",
    S.DECLINED: "secondary",
    S.EXPIRED: "secondary",
}
REASON_LABELS = {
    DecisionReason.NOT_RELEVANT: _l("Not relevant"),
    DecisionReason.TOO_EARLY: _l("Too early"),
    DecisionReason.COMPETITOR: _l("Competitor"),
    DecisionReason.ALREADY_IN_CONTACT: _l("Already in contact"),
    DecisionReason.NO_CAPACITY: _l("No capacity at the moment"),
    DecisionReason.OTHER: _l("Other (please comment)"),
}
OUTCOME_LABELS = {
    Outcome.PILOT: _l("Pilot project"),
    Outcome.JOINT_DEVELOPMENT: _l("Joint development"),
    Outcome.INVESTMENT: _l("Investment"),
    Outcome.CONTRACT: _l("Contract"),
    Outcome.IN_DISCUSSION: _l("Still in discussion"),
    Outcome.NO_FIT: _l("No fit"),
}
NOTIFICATION_LABELS = {
    "asked": _l("Your answer is needed on a partnership proposal."),
    "both_accepted": _l("Both sides accepted: the Japan Desk now writes the introduction."),
    "introduced": _l("You have been introduced. The contact details are on the introduction page."),
    "meeting": _l("A meeting was planned or changed."),
    "expired": _l("A proposal expired without an answer."),
    "declined": _l("The other side declined the proposal."),
    "rejected": _l("The Japan Desk did not pursue your request."),
    "requested": _l("A company asked for an introduction."),
    "startup_accepted": _l("A startup accepted a proposal."),
    "startup_declined": _l("A startup declined a proposal."),
    "corporate_declined": _l("A company declined a proposal."),
    "question": _l("A question about an introduction."),
    "feedback": _l("New feedback on a partnership."),
}
EVENT_LABELS = {
    "requested": _l("Introduction requested"),
    "transition": _l("Status changed"),
    "question": _l("Question to the Japan Desk"),
    "handling": _l("Handling changed"),
    "meeting_planned": _l("Meeting planned"),
    "meeting_changed": _l("Meeting changed"),
    "outcome_changed": _l("Outcome changed"),
    "feedback": _l("Feedback"),
}


def meeting_time(meeting) -> str:
    """The meeting's start in the zone the parties agreed on, written the viewer's way."""
    zone = ZoneInfo(meeting.timezone)
    local = meeting.starts_at.astimezone(zone)
    locale = str(get_locale() or "en")
    day = format_date(local, "medium", locale=locale)
    return f"{day} {format_time(local, 'short', tzinfo=zone, locale=locale)}"


def label_context() -> dict:
    return {
        "intro_status_labels": STATUS_LABELS,
        "intro_stage_labels": STAGE_LABELS,
        "intro_status_styles": STATUS_STYLES,
        "intro_reason_labels": REASON_LABELS,
        "intro_outcome_labels": OUTCOME_LABELS,
        "notification_labels": NOTIFICATION_LABELS,
        "intro_event_labels": EVENT_LABELS,
        "meeting_time": meeting_time,
    }
