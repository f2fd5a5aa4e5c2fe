"""Robustness: every route, every role, hostile input.

The routes come from `app.url_map`, so a new route is fuzzed as soon as it exists. For each
route (and, for forms, each kind of hostile value) the test logs in as every role in turn
and checks the house rules:

- no input produces a 500 or shows a stack trace;
- a form that re-renders with errors changed nothing in the database;
- every form needs the CSRF token;
- each role reaches only its own area, and an owner asking for another organisation's object
  gets 403/404 and never sees that organisation's data;
- nothing a user typed comes back as live markup, and no NUL byte reaches the database
  (PostgreSQL refuses them: that would be a 500 in production).
"""

from __future__ import annotations

import io
import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode, urlsplit

import pytest
import sqlalchemy as sa
from PIL import Image
from werkzeug.datastructures import MultiDict
from werkzeug.routing import Rule

from matchmaker import create_app
from matchmaker.extensions import db
from matchmaker.models import (
    CONTACTS_REVEALED_STATUSES,
    Introduction,
    IntroductionStatus,
    Meeting,
    Organization,
    OrganizationKind,
    ProfileStatus,
    Role,
    User,
    utcnow,
)
from matchmaker.services import profiles
from matchmaker.services.accounts import make_confirmation_token, make_password_token
from matchmaker.services.introduction_mail import make_answer_token, make_feedback_token
from tests.conftest import PASSWORD, TEST_DATABASE_URL, Client
from tests.factories import STARTUP_PROFILE, add_need, give_profile

ROLES = ("anonymous", "startup", "corporate", "staff", "admin")

# Who may use each blueprint (None: everyone, logged in or not). A blueprint missing here
# is still fuzzed with every role; only its role gate is not checked.
BLUEPRINT_ROLES: dict[str, frozenset[str] | None] = {
    "main": None,
    "auth": None,
    "profile": frozenset({"startup", "corporate"}),
    "startup": frozenset({"startup"}),
    "corporate": frozenset({"corporate"}),
    "staff": frozenset({"staff", "admin"}),
    "admin": frozenset({"admin"}),
    "introductions": frozenset({"startup", "corporate"}),
}
# Routes whose roles differ from their blueprint's.
ENDPOINT_ROLES: dict[str, frozenset[str] | None] = {
    "introductions.answer_by_link": None,  # the signed link is the key
    "introductions.answered": None,
    "introductions.feedback": None,
    "introductions.detail": frozenset(ROLES) - {"anonymous"},  # staff are sent to their page
    "introductions.notifications": frozenset(ROLES) - {"anonymous"},
    "introductions.meeting_ics": frozenset(ROLES) - {"anonymous"},
    "introductions.request_introduction": frozenset({"corporate"}),
}
# Public blueprints' routes that still need a login (any role).
LOGIN_REQUIRED = {"auth.change_password", "main.logo"}

XSS = '<script>alert("mm-xss")</script>"><img src=x onerror=alert("mm-xss")>'
XSS_RAW_MARKERS = ('<script>alert("mm-xss")', "<img src=x onerror=")


# --- the routes ------------------------------------------------------------------------------


def _discover_rules() -> list[Rule]:
    app = create_app({"SECRET_KEY": "route-discovery", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]
    return sorted(rules, key=lambda rule: (rule.endpoint, rule.rule))


RULES = _discover_rules()


def rule_id(rule: Rule) -> str:
    return f"{rule.endpoint}:{rule.rule}"


def allowed_roles(rule: Rule) -> frozenset[str] | None:
    """The roles the house rules let through, or None when unknown (new blueprint)."""
    if rule.endpoint in ENDPOINT_ROLES:
        roles = ENDPOINT_ROLES[rule.endpoint]
        return frozenset(ROLES) if roles is None else roles
    blueprint = rule.endpoint.split(".", 1)[0]
    if blueprint not in BLUEPRINT_ROLES:
        return None
    roles = BLUEPRINT_ROLES[blueprint]
    if roles is None:
        return frozenset(ROLES) - ({"anonymous"} if rule.endpoint in LOGIN_REQUIRED else set())
    return roles


def is_protected(rule: Rule) -> bool:
    roles = allowed_roles(rule)
    return roles is not None and "anonymous" not in roles


_ARGUMENT = re.compile(r"<(?:(?P<converter>[^:>]+):)?(?P<name>[^>]+)>")


def build_path(rule: Rule, values: dict[str, str]) -> str:
    """The rule's path with raw (already URL-safe) strings put in for its arguments."""
    return _ARGUMENT.sub(lambda match: values[match.group("name")], rule.rule)


def argument_converters(rule: Rule) -> dict[str, str]:
    return {
        match.group("name"): match.group("converter") or "default"
        for match in _ARGUMENT.finditer(rule.rule)
    }


# --- the world: organisations of both kinds in several states, and one user per role --------


@dataclass
class Org:
    label: str
    user_id: int
    email: str
    org_id: int = 0
    kind: str = ""
    status: ProfileStatus = ProfileStatus.APPROVED
    need_id: int | None = None

    @property
    def name(self) -> str:
        return f"Org {self.label} Zq"

    @property
    def contact(self) -> str:
        return f"contact-{self.label}@secret.example"


@dataclass
class World:
    app: object
    orgs: dict[str, Org]
    user_ids: dict[str, int]
    emails: dict[str, str]
    caplog: pytest.LogCaptureFixture
    clients: dict[str, Client] = field(default_factory=dict)
    snapshot: dict[str, list[tuple]] | None = None  # the database after the last post
    # "own": c_own × s_own, introduced, with a meeting; "other": c_other × s_other, waiting
    # for the startup's answer.
    introduction_ids: dict[str, int] = field(default_factory=dict)

    def own(self, role: str) -> Org | None:
        return {"startup": self.orgs.get("s_own"), "corporate": self.orgs.get("c_own")}.get(role)

    def client(self, role: str) -> Client:
        """A client logged in as `role` (one per role, so sessions stay apart)."""
        if role not in self.clients:
            self.app.test_client_class = Client
            client = self.app.test_client()
            if role != "anonymous":
                response = client.login(self.emails[role])
                assert response.status_code == 302, f"login as {role} failed"
            self.clients[role] = client
        return self.clients[role]

    def log_in(self, roles) -> list[str]:
        """Log every role in before the first hostile request can change a password."""
        for role in roles:
            self.client(role)
        return list(roles)

    def markers_not_visible_to(self, role: str) -> list[str]:
        """Strings of other organisations that this role must never see."""
        if role in ("staff", "admin"):
            return []
        own = self.own(role)
        names_shown, contacts_shown = self.revealed_to(own)
        markers = []
        for org in self.orgs.values():
            if own is not None and org.org_id == own.org_id:
                continue
            if org.org_id not in contacts_shown:
                markers.append(org.contact)  # contact details: only after both accepted
            if org.org_id not in names_shown:
                markers.append(org.name)
        return markers

    def revealed_to(self, own: Org | None) -> tuple[set[int], set[int]]:
        """Organisations whose name, and whose contact, the flow shows to `own` now."""
        if own is None:
            return set(), set()
        with self.app.app_context():
            db.session.remove()
            introductions = db.session.scalars(
                sa.select(Introduction).where(
                    sa.or_(
                        Introduction.startup_id == own.org_id,
                        Introduction.corporate_id == own.org_id,
                    )
                )
            ).all()
            names: set[int] = set()
            contacts: set[int] = set()
            if own.kind == "corporate":
                # Validated startups are what a company is shown (rankings, requests).
                names |= set(
                    db.session.scalars(
                        sa.select(Organization.id).where(
                            Organization.kind == OrganizationKind.STARTUP,
                            Organization.status == ProfileStatus.APPROVED,
                        )
                    )
                )
            for introduction in introductions:
                other = (
                    introduction.corporate
                    if introduction.startup_id == own.org_id
                    else introduction.startup
                )
                if introduction.status in CONTACTS_REVEALED_STATUSES:
                    contacts.add(other.id)
                    names.add(other.id)
                elif other.kind is OrganizationKind.STARTUP or other.is_name_public:
                    names.add(other.id)
            db.session.remove()
            return names, contacts


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


# The world is built once through make_user and the factories; later tests start from a copy
# of its SQLite file, which keeps hundreds of cases fast. (PostgreSQL: built every time.)
_TEMPLATE: dict[str, object] = {}


@pytest.fixture
def app(make_app, tmp_path):
    # Overrides conftest's `app` for this module (make_user uses it too): hundreds of hostile
    # posts per test would otherwise meet the login rate limit instead of the forms.
    if _TEMPLATE and not TEST_DATABASE_URL:
        (tmp_path / "test.sqlite3").write_bytes(_TEMPLATE["database"])
    return make_app(RATELIMIT_ENABLED=False)


@pytest.fixture
def world(app, make_user, caplog, tmp_path) -> World:
    caplog.set_level("ERROR", logger="matchmaker.errors")
    if _TEMPLATE and not TEST_DATABASE_URL:
        orgs = {label: replace(org) for label, org in _TEMPLATE["orgs"].items()}
        return World(
            app,
            orgs,
            dict(_TEMPLATE["user_ids"]),
            dict(_TEMPLATE["emails"]),
            caplog,
            introduction_ids=dict(_TEMPLATE["introduction_ids"]),
        )
    specs = {
        "s_own": (Role.STARTUP, ProfileStatus.APPROVED),
        "s_other": (Role.STARTUP, ProfileStatus.APPROVED),
        "s_pending": (Role.STARTUP, ProfileStatus.PENDING),
        "c_own": (Role.CORPORATE, ProfileStatus.APPROVED),
        "c_other": (Role.CORPORATE, ProfileStatus.APPROVED),
        "c_pending": (Role.CORPORATE, ProfileStatus.PENDING),
    }
    orgs: dict[str, Org] = {}
    for label, (role, status) in specs.items():
        email = f"{label.replace('_', '-')}@example.com"
        user_id = make_user(role, email=email, organization_name=f"Org {label} Zq")
        org = Org(label, user_id, email, kind=role.value, status=status)
        org.org_id = give_profile(
            app,
            user_id,
            status,
            contact_name="Secret Person",
            contact_email=org.contact,
            contact_phone="+49 211 000000",
        )
        if role is Role.CORPORATE:
            org.need_id = add_need(app, user_id, description="Sensors for presses, " + label)
        orgs[label] = org
    with app.app_context():
        for org in orgs.values():
            profiles.set_logo(db.session.get(Organization, org.org_id), png_bytes())
    introduction_ids = _introductions(app, orgs)
    emails = {"startup": orgs["s_own"].email, "corporate": orgs["c_own"].email}
    user_ids = {"startup": orgs["s_own"].user_id, "corporate": orgs["c_own"].user_id}
    for role, email in (
        ("staff", "staff@example.com"),
        ("admin", "admin@example.com"),
        ("staff_other", "staff2@example.com"),
    ):
        user_ids[role] = make_user(Role.ADMIN if role == "admin" else Role.STAFF, email=email)
        emails[role] = email
    if not TEST_DATABASE_URL:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        _TEMPLATE.update(
            database=(tmp_path / "test.sqlite3").read_bytes(),
            orgs={label: replace(org) for label, org in orgs.items()},
            user_ids=dict(user_ids),
            emails=dict(emails),
            introduction_ids=dict(introduction_ids),
        )
    return World(app, orgs, user_ids, emails, caplog, introduction_ids=introduction_ids)


def _introductions(app, orgs: dict[str, Org]) -> dict[str, int]:
    with app.app_context():
        own = Introduction(
            corporate_id=orgs["c_own"].org_id,
            startup_id=orgs["s_own"].org_id,
            need_id=orgs["c_own"].need_id,
            status=IntroductionStatus.INTRODUCED,
            reasons={"en": ["Both work on presses"]},
            introduced_at=utcnow(),
        )
        other = Introduction(
            corporate_id=orgs["c_other"].org_id,
            startup_id=orgs["s_other"].org_id,
            need_id=orgs["c_other"].need_id,
            status=IntroductionStatus.APPROVED,
            reasons={"en": ["Both work on presses"]},
            asked_at=utcnow(),
        )
        db.session.add_all([own, other])
        db.session.flush()
        db.session.add(
            Meeting(
                introduction_id=own.id,
                starts_at=utcnow(),
                timezone="Europe/Berlin",
                video_url="https://meet.example/x",
            )
        )
        db.session.commit()
        return {"own": own.id, "other": other.id}


# --- what every response must satisfy --------------------------------------------------------


def database_snapshot(app) -> dict[str, list[tuple]]:
    with app.app_context():
        db.session.remove()
        return {
            table.name: sorted(
                (tuple(row) for row in db.session.execute(sa.select(table))), key=repr
            )
            for table in db.metadata.sorted_tables
        }


def stored_nul_bytes(snapshot: dict[str, list[tuple]]) -> list[str]:
    return [
        f"{table}: {value[:60]!r}"
        for table, rows in snapshot.items()
        for row in rows
        for value in row
        if isinstance(value, str) and "\x00" in value
    ]


def last_traceback(world: World) -> str:
    for record in reversed(world.caplog.records):
        if record.exc_info:
            lines = "".join(traceback.format_exception(*record.exc_info)).strip().splitlines()
            return "\n".join(lines[-6:])
    return "(no traceback logged)"


def check_response(world: World, role: str, what: str, response) -> str:
    """The basic rules for any response; returns the body."""
    body = response.get_data().decode("utf-8", errors="replace")
    context = f"{role} {what}"
    assert response.status_code < 500, (
        f"{context} -> {response.status_code}\n{last_traceback(world)}"
    )
    assert "Traceback" not in body, f"{context} shows a stack trace"
    if response.mimetype == "text/html":
        for marker in XSS_RAW_MARKERS:
            assert marker not in body, f"{context} reflects markup unescaped: {marker}"
    for marker in world.markers_not_visible_to(role):
        assert marker not in body, f"{context} shows another organisation's data: {marker}"
    return body


def shows_form_errors(body: str) -> bool:
    return "is-invalid" in body or "invalid-feedback" in body


# --- sending hostile requests ----------------------------------------------------------------

Value = str | bytes
Pairs = list[tuple[str, Value]]
Files = list[tuple[str, bytes, str]]  # field, content, filename


@dataclass
class Payload:
    pairs: Pairs
    files: Files = field(default_factory=list)
    csrf: bool = True
    label: str = "baseline"


_TOKENS: dict[int, str] = {}


def post(client: Client, path: str, payload: Payload, *, fresh_token: bool = False):
    pairs = list(payload.pairs)
    if payload.csrf:
        # One token per session is enough; fetching it for every post doubles the requests.
        if fresh_token or id(client) not in _TOKENS:
            _TOKENS[id(client)] = client.csrf_token()
        token = _TOKENS[id(client)]
        prefixes = {key.split("-", 1)[0] for key, _ in pairs if "-" in key}
        pairs = [("csrf_token", token)] + [(f"{p}-csrf_token", token) for p in prefixes] + pairs
    if payload.files:
        data = MultiDict(pairs)
        for name, content, filename in payload.files:
            data.add(name, (io.BytesIO(content), filename))
        return client.post(path, data=data, content_type="multipart/form-data")
    # Encoded by hand so that raw bytes (not UTF-8) reach the server as they are.
    body = urlencode(pairs).encode("ascii")
    return client.post(path, data=body, content_type="application/x-www-form-urlencoded")


def send_post(world: World, client: Client, role: str, path: str, payload: Payload):
    """POST, then check the rules, including: form errors mean nothing changed."""
    before = world.snapshot or database_snapshot(world.app)
    response = post(client, path, payload)
    if payload.csrf and response.status_code == 400 and b"form expired" in response.data:
        response = post(client, path, payload, fresh_token=True)  # the session was renewed
    what = f"POST {path} [{payload.label}]"
    body = check_response(world, role, what, response)
    after = world.snapshot = database_snapshot(world.app)
    if not payload.csrf:
        assert response.status_code == 400, f"{role} {what} without CSRF token was accepted"
    if not payload.csrf or shows_form_errors(body) or response.status_code in (400, 403, 404):
        changed = [table for table in before if before[table] != after[table]]
        assert not changed, f"{role} {what} -> {response.status_code} but changed {changed}"
    nul = stored_nul_bytes(after)
    assert not nul, f"{role} {what} stored NUL bytes: {nul}"
    return response, body


# --- valid form data per route ---------------------------------------------------------------

CORPORATE_PROFILE = {
    "name": "Kansai Precision Europe GmbH",
    "parent_company": "Kansai Precision Co., Ltd.",
    "website": "https://kansai-precision.example",
    "country": "DE",
    "city": "Duesseldorf",
    "description": "European subsidiary of a Japanese maker of precision presses and drives.",
    "offers": "Test lines in our plants, distribution through our customer network.",
    "decision_path": "headquarters",
    "text_language": "en",
    "industries": ["manufacturing"],
    "technologies": ["battery_management"],
    "languages": ["en", "ja"],
    "contact_name": "Kenji Tanaka",
    "contact_role": "Manager",
    "contact_email": "tanaka@kansai.example",
    "contact_phone": "+81 3 0000",
    "is_name_public": "y",
}

NEW_PASSWORD = "Another long secret 42"
MEETING_FORM = {
    "meeting-day": "2026-12-03",
    "meeting-time": "10:00",
    "meeting-timezone": "Europe/Berlin",
    "meeting-duration_minutes": "45",
    "meeting-location": "Japan Desk, Duesseldorf",
    "meeting-video_url": "https://meet.example/abc",
    "meeting-needs_interpreter": "y",
    "meeting-interpreter_languages": ["ja", "de"],
}


def _pairs(values: dict) -> Pairs:
    pairs: Pairs = []
    for key, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, item))
    return pairs


def import_csv() -> bytes:
    return (
        b"name,website,country,founded_year,team_size,stage,industries,contact_email\n"
        b"Imported Robotics GmbH,https://imported.example,DE,2020,5,seed,automotive,"
        b"imported@example.com\n"
    )


def baseline(world: World, rule: Rule, role: str) -> Payload:
    """Valid data for the route's form (or an empty form for a button)."""
    endpoint = rule.endpoint
    need_id = world.orgs["c_own"].need_id
    forms: dict[str, Callable[[], Payload]] = {
        "auth.register": lambda: Payload(
            _pairs(
                {
                    "kind": "startup",
                    "organization_name": "Fresh Startup GmbH",
                    "full_name": "Fresh Founder",
                    "email": "fresh@example.com",
                    "password": NEW_PASSWORD,
                    "password_again": NEW_PASSWORD,
                    "accept_privacy": "y",
                }
            )
        ),
        "auth.login": lambda: Payload(
            _pairs({"email": world.emails["startup"], "password": PASSWORD, "remember_me": "y"})
        ),
        "auth.resend_confirmation": lambda: Payload(_pairs({"email": "someone@example.com"})),
        "auth.request_password_reset": lambda: Payload(_pairs({"email": "someone@example.com"})),
        "auth.reset_password": lambda: Payload(
            _pairs({"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
        ),
        "auth.change_password": lambda: Payload(
            _pairs(
                {
                    "current_password": PASSWORD,
                    "password": NEW_PASSWORD,
                    "password_again": NEW_PASSWORD,
                }
            )
        ),
        "profile.edit": lambda: Payload(
            _pairs(CORPORATE_PROFILE if role == "corporate" else STARTUP_PROFILE)
        ),
        "profile.upload_logo": lambda: Payload([], [("logo", png_bytes(), "logo.png")]),
        # A wrong password: the account must survive for the other inputs.
        "profile.delete_account": lambda: Payload(
            _pairs({"password": "not the password", "understood": "y"})
        ),
        "corporate.edit_need": lambda: Payload(
            _pairs(
                {
                    "title": "Predictive maintenance for presses",
                    "description": "We look for sensors and models that predict failures.",
                    "text_language": "en",
                    "time_horizon": "soon",
                    "technologies": ["battery_management"],
                    "partnership_types": ["pilot"],
                }
            )
        ),
        "corporate.change_need_status": lambda: Payload([(f"need{need_id}-status", "paused")]),
        "staff.review_organization": lambda: Payload(
            _pairs({"action": "changes", "comment": "Please add your team size."})
        ),
        "staff.review_need": lambda: Payload(
            [(f"need{need_id}-action", "changes"), (f"need{need_id}-comment", "More detail.")]
        ),
        "staff.import_organizations": lambda: Payload(
            _pairs({"kind": "startup", "dry_run": "y", "invite": "y"}),
            [("file", import_csv(), "orgs.csv")],
        ),
        "admin.users": lambda: Payload(
            _pairs({"email": "newstaff@example.com", "full_name": "New Staff", "role": "staff"})
        ),
        "introductions.accept": lambda: Payload([("accept-submit", "1")]),
        "introductions.answer_by_link": lambda: Payload([("accept-submit", "1")]),
        "introductions.decline": lambda: Payload(
            _pairs({"decline-reason": "not_relevant", "decline-comment": "Not for us."})
        ),
        "introductions.question": lambda: Payload([("question-question", "Who decides?")]),
        "introductions.meeting": lambda: Payload(_pairs(MEETING_FORM)),
        "introductions.meeting_held": lambda: Payload([("held-submit", "1")]),
        "introductions.give_feedback": lambda: Payload(
            _pairs({"feedback-outcome": "in_discussion", "feedback-comment": "Going well."})
        ),
        "introductions.feedback": lambda: Payload(
            _pairs({"outcome": "pilot", "comment": "A pilot starts in May."})
        ),
        "introductions.request_introduction": lambda: Payload(
            [(f"request{world.orgs['s_other'].org_id}-message", "We met them at a fair.")]
        ),
        "main.set_language": lambda: Payload(_pairs({"locale": "de", "next": "/"})),
        "corporate.mark_startup": lambda: Payload(
            [(f"mark{world.orgs['s_other'].org_id}-kind", "not_interested")]
        ),
        "staff.approve_pair": lambda: Payload([("comment", "Good fit.")]),
        "staff.approve_introduction": lambda: Payload([("comment", "Good fit.")]),
        "staff.reject_pair": lambda: Payload(
            _pairs({"reject-reason": "competitor", "reject-comment": "They compete."})
        ),
        "staff.reject_introduction": lambda: Payload(
            _pairs({"reject-reason": "too_early", "reject-comment": "Later."})
        ),
        "staff.update_handling": lambda: Payload(
            _pairs(
                {
                    "owner": str(world.user_ids["staff"]),
                    "next_action": "Call both sides",
                    "next_action_on": "2026-12-01",
                    "notes": "Prefers Japanese.",
                }
            )
        ),
        "staff.send_introduction": lambda: Payload(
            _pairs({"language": "en", "text": "Dear both, please meet."})
        ),
        "staff.save_meeting": lambda: Payload(_pairs(MEETING_FORM)),
        "staff.meeting_held": lambda: Payload([("held-submit", "1")]),
        "staff.record_outcome": lambda: Payload(
            _pairs({"outcome": "pilot", "comment": "Pilot in Q2."})
        ),
        "staff.assign_account_manager": lambda: Payload(
            [("manager", str(world.user_ids["staff"]))]
        ),
    }
    return forms.get(endpoint, lambda: Payload([]))()


# --- URL arguments ---------------------------------------------------------------------------


def valid_arguments(world: World, rule: Rule, role: str) -> dict[str, str]:
    """The role's own objects (or, for staff, any object) for each URL argument."""
    own = world.own(role)
    values = {
        "organization_id": str((own or world.orgs["s_other"]).org_id),
        "need_id": str(world.orgs["c_own"].need_id),
        "startup_id": str(world.orgs["s_other"].org_id),
        "introduction_id": str(world.introduction_ids["own"]),
        "user_id": str(world.user_ids["staff_other"]),
        "kind": "startup",
    }
    # Anonymous visitors get links of a user who is not one of the logged-in roles.
    user_id = world.user_ids.get(role, world.orgs["s_other"].user_id)
    with world.app.test_request_context():
        user = db.session.get(User, user_id)
        own_introduction = db.session.get(Introduction, world.introduction_ids["own"])
        if rule.endpoint == "auth.confirm_email":
            values["token"] = make_confirmation_token(user)
        elif rule.endpoint == "introductions.answer_by_link":
            waiting = db.session.get(Introduction, world.introduction_ids["other"])
            values["token"] = make_answer_token(waiting, OrganizationKind.STARTUP)
        elif rule.endpoint == "introductions.feedback":
            values["token"] = make_feedback_token(own_introduction, OrganizationKind.STARTUP)
        else:
            purpose = "invite" if "invite" in rule.rule else "reset"
            values["token"] = make_password_token(user, purpose)
    converters = argument_converters(rule)
    return {
        name: values.get(name, "1" if kind == "int" else "x") for name, kind in converters.items()
    }


def foreign_arguments(world: World, rule: Rule, role: str) -> Iterator[tuple[str, dict]]:
    """For an owner: URL arguments naming objects of other organisations."""
    base = valid_arguments(world, rule, role)
    converters = argument_converters(rule)
    own = world.own(role)
    for label, org in world.orgs.items():
        if own is not None and org.org_id == own.org_id:
            continue
        if "organization_id" in converters:
            yield label, {**base, "organization_id": str(org.org_id)}
        if "need_id" in converters and org.need_id is not None:
            yield label, {**base, "need_id": str(org.need_id)}
    if "introduction_id" in converters:
        yield (
            "introduction_other",
            {
                **base,
                "introduction_id": str(world.introduction_ids["other"]),
            },
        )
    if "user_id" in converters:
        for other in ("staff", "admin", "staff_other"):
            yield other, {**base, "user_id": str(world.user_ids[other])}


SMALL_ODD_INTS = ["0", "1", str(2**31), str(2**63 - 1), "-1", "007"]
OVERFLOW_INTS = [str(2**63), "9" * 30]
ODD_STRINGS = [
    "x" * 5000,
    "%00",
    "%FF%FE",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%E6%97%A5%E6%9C%AC",
    "bogus",
    "a.b.c",
]


def odd_arguments(
    world: World, rule: Rule, role: str, ints: list[str]
) -> Iterator[tuple[str, dict]]:
    base = valid_arguments(world, rule, role)
    for name, converter in argument_converters(rule).items():
        for value in ints if converter == "int" else ODD_STRINGS:
            yield f"{name}={value[:20]}", {**base, name: value}


ODD_QUERIES = [
    "page=-1",
    "page=0",
    "page=abc",
    "page=99999999",
    "page=1&page=2&page=abc",
    "page=1.5",
    "next=//evil.example",
    "next=https://evil.example",
    "purpose=invite",
    "purpose=%00",
    "kind=bogus&status=bogus&industry=bogus&technology=x&stage=x&language=x",
    "kind=startup&kind=corporate",
    "q=%00%01%02",
    "q=" + "x" * 100_000,
    "q=%25%5F%5C",
    "q=" + "%3Cscript%3Ealert(%22mm-xss%22)%3C%2Fscript%3E",
    "%FF%FE=%FF%FE",
    "q[]=a&q[]=b",
]
# Forms read few query arguments; these are the ones they do (or might) read.
POST_QUERIES = {"next=//evil.example", "purpose=invite", "purpose=%00", "page=abc"}
OVERFLOW_QUERIES = ["page=" + str(2**63), "page=" + "9" * 30, "page=" + "9" * 5000]


def case(rule: Rule, kind: str):
    return pytest.param(rule, kind, id=f"{rule_id(rule)}-{kind}")


def roles_to_try(rule: Rule) -> tuple[str, ...]:
    """The roles that get past the route's role gate (a sample of them for public routes)."""
    roles = allowed_roles(rule)
    if roles is None:
        return ROLES
    if "anonymous" in roles and len(roles) == len(ROLES):
        return ("anonymous", "startup", "staff")
    return tuple(role for role in ROLES if role in roles)


def check_role_gate(world: World, rule: Rule, role: str, method: str, response) -> None:
    roles = allowed_roles(rule)
    if roles is None:
        return
    what = f"{role} {method} {rule.rule} -> {response.status_code}"
    if role in roles:
        assert response.status_code < 400, what
    elif role == "anonymous":
        assert response.status_code == 302, what
        assert response.headers["Location"].startswith("/auth/login"), what
    else:
        assert response.status_code == 403, what


# --- 1. every route, every role: URLs with valid, foreign and odd arguments and queries -----

URL_KINDS = ("plain", "foreign", "odd_ids", "overflow_ids", "odd_query", "overflow_query")


def _url_cases():
    for rule in RULES:
        has_arguments = bool(rule.arguments)
        for kind in URL_KINDS:
            if kind in ("foreign", "odd_ids", "overflow_ids") and not has_arguments:
                continue
            if kind == "foreign" and not {
                "organization_id",
                "need_id",
                "user_id",
                "introduction_id",
            } & set(rule.arguments):
                continue
            yield case(rule, kind)


@pytest.mark.parametrize(("rule", "kind"), list(_url_cases()))
def test_routes_with_odd_urls(world, rule, kind):
    # The role gate is checked with plain URLs; odd values only matter past it.
    if kind == "plain":
        roles = ROLES
    elif kind == "foreign":
        roles = ("startup", "corporate")
    else:
        roles = roles_to_try(rule)
    for role in world.log_in(roles):
        client = world.client(role)
        if kind == "plain":
            variants = [("own", valid_arguments(world, rule, role), "")]
        elif kind == "foreign":
            variants = [(label, args, "") for label, args in foreign_arguments(world, rule, role)]
        elif kind in ("odd_ids", "overflow_ids"):
            ints = SMALL_ODD_INTS if kind == "odd_ids" else OVERFLOW_INTS
            variants = [(label, args, "") for label, args in odd_arguments(world, rule, role, ints)]
        else:
            queries = ODD_QUERIES if kind == "odd_query" else OVERFLOW_QUERIES
            args = valid_arguments(world, rule, role)
            variants = [(query[:30], args, query) for query in queries]
        for label, arguments, query in variants:
            path = build_path(rule, arguments) + (f"?{query}" if query else "")
            foreign_org = world.orgs.get(label) if kind == "foreign" else None
            if "GET" in rule.methods:
                response = client.get(path)
                world.snapshot = None  # a GET may change state too (a confirmation link)
                check_response(world, role, f"GET {path[:120]}", response)
                if kind == "plain":
                    check_role_gate(world, rule, role, "GET", response)
                if kind == "foreign":
                    check_foreign(world, rule, role, "GET", path, response, foreign_org)
            if "POST" in rule.methods and (kind != "odd_query" or query in POST_QUERIES):
                payload = baseline(world, rule, role)
                payload.label = f"{kind}:{label}"
                response, _ = send_post(world, client, role, path, payload)
                if kind == "plain":
                    check_role_gate(world, rule, role, "POST", response)
                if kind == "foreign":
                    check_foreign(world, rule, role, "POST", path, response, foreign_org)


def logo_visible(org: Org | None, viewer: Org) -> bool:
    """The flow's rule for logos: the other side may see validated profiles, a corporate's
    only when it lets startups see its name (the world's corporates keep it private)."""
    return (
        org is not None
        and org.status is ProfileStatus.APPROVED
        and org.kind != viewer.kind
        and org.kind == "startup"
    )


def check_foreign(world: World, rule: Rule, role: str, method: str, path: str, response, org):
    what = f"{role} {method} {path} (another organisation's object) -> {response.status_code}"
    if rule.endpoint == "main.logo" and logo_visible(org, world.own(role)):
        assert response.status_code == 200, what
        return
    assert response.status_code in (403, 404), what


# --- 2. every form: hostile values in each field ---------------------------------------------

FORM_KINDS = (
    "csrf_missing",
    "missing_or_empty",
    "long",
    "nul",
    "control_or_non_utf8",
    "wrong_type",
    "markup_or_unicode",
    "file",
)

MUTATIONS: dict[str, list[Value | None]] = {
    "missing_or_empty": [None, ""],
    "long": ["x" * 100_000],
    "nul": ["Valid looking text\x00 with a NUL byte inside it"],
    "control_or_non_utf8": [
        "Text with \x01\x07\x08\x1b[31m control \x7f\u202e\ufeff characters inside",
        b"caf\xe9 \xff\xfe\xc3( not utf-8 at all, long enough",
    ],
    # Text in number fields, huge and negative numbers, unknown choices; the calendar's
    # ends in date fields, an address whose brackets hold none in URL fields.
    "wrong_type": [
        *["not-a-number", "9" * 5000, "-1", "\u00b2", "__bogus__"],
        *["9999-12-31", "0001-01-01", "https://[::1"],
    ],
    "markup_or_unicode": [
        XSS,
        "\U0001d518\U0001d52b\U0001d526 \u00b2\u00b3 \u0663 日本語 e\u0301 \u200b",
    ],
}


def mutated_payloads(base: Payload, kind: str) -> Iterator[Payload]:
    if kind == "csrf_missing":
        yield Payload(base.pairs, base.files, csrf=False, label=kind)
        return
    if kind == "missing_or_empty":
        yield Payload([], label="empty form")
        if base.files:
            yield Payload(base.pairs, label="no files")
    names = list(dict.fromkeys([name for name, _ in base.pairs] + [f[0] for f in base.files]))
    for name in names:
        others = [(key, value) for key, value in base.pairs if key != name]
        other_files = [f for f in base.files if f[0] != name]
        label = f"{kind}:{name}"
        if kind == "file":
            # A file where text is expected, plus one nobody asked for.
            files = [*other_files, (name, b"GIF89a<script>", "evil.html")]
            yield Payload(others, [*files, ("surprise", b"\x00\x01", "x.bin")], label=label)
            continue
        if kind == "wrong_type":
            # Several values where one is expected.
            originals = [value for key, value in base.pairs if key == name] or ["a"]
            pairs = [*others, (name, originals[0]), (name, "second value"), (name, "")]
            yield Payload(pairs, other_files, label=f"{label}=[list]")
        for value in MUTATIONS[kind]:
            pairs = others if value is None else [*others, (name, value)]
            yield Payload(pairs, other_files, label=f"{label}={str(value)[:12]!r}")
    if kind == "markup_or_unicode" and base.files:
        yield Payload(base.pairs, [(name, b"<html>", XSS) for name, _, _ in base.files], label=kind)


def _form_cases():
    for rule in RULES:
        if "POST" not in rule.methods:
            continue
        for kind in FORM_KINDS:
            yield case(rule, kind)


@pytest.mark.parametrize(("rule", "kind"), list(_form_cases()))
def test_forms_with_hostile_values(world, rule, kind):
    sent: set[str] = set()
    for role in world.log_in(roles_to_try(rule)):
        client = world.client(role)
        path = build_path(rule, valid_arguments(world, rule, role))
        for payload in mutated_payloads(baseline(world, rule, role), kind):
            # Roles that share a form (startup and corporate profiles, staff and admin) share
            # the work: each field and value is tried once, by the first role that has it.
            if payload.label in sent:
                continue
            sent.add(payload.label)
            send_post(world, client, role, path, payload)


# --- 3. targeted checks ----------------------------------------------------------------------

OPEN_REDIRECTS = [
    "//evil.example",
    "///evil.example",
    "////evil.example/x",
    "https://evil.example",
    "http:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "\u3002//evil.example",
    "/\u2215evil.example",
    "data:text/html,x",
]


@pytest.mark.parametrize("target", OPEN_REDIRECTS)
def test_login_next_never_leaves_the_site(world, target):
    client = world.client("anonymous")
    query = urlencode({"next": target})
    response = client.submit(
        f"/auth/login?{query}", {"email": world.emails["startup"], "password": PASSWORD}
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.scheme in ("", "http") and parts.netloc in ("", "localhost"), location
    assert location.startswith("/") and not location.startswith("//"), location
    assert "\\" not in location and "\t" not in location, location


@pytest.mark.parametrize(
    "query",
    [
        "endpoint=x",
        "_external=1&_scheme=javascript",
        "_scheme=javascript",
        "_external=1",
        "_method=POST",
        "_anchor=%22%3E%3Cscript%3E",
        "kind=&q=Zq%20Org&page=2",
    ],
)
def test_staff_directory_paging_ignores_odd_query_keys(world, make_user, query):
    # With more than one page the pager builds links from the query: keys that are
    # url_for's own arguments must not break the page or the links.
    for number in range(30):
        make_user(Role.STARTUP, email=f"bulk{number}@example.com")
    client = world.client("staff")
    response = client.get(f"/staff/organizations?{query}")
    body = check_response(world, "staff", f"GET /staff/organizations?{query}", response)
    assert response.status_code == 200, query
    assert "javascript:" not in body.lower(), f"{query}: pager link with a javascript: URL"
    assert 'href="http' not in body, f"{query}: pager links became absolute (Host header)"


def test_logo_is_shown_only_where_the_flow_allows(world):
    for role in ROLES:
        client = world.client(role)
        for org in world.orgs.values():
            response = client.get(f"/logos/{org.org_id}.png")
            check_response(world, role, f"GET logo of {org.label}", response)
            if role == "anonymous":
                assert response.status_code == 302, org.label
            elif role in ("staff", "admin") or org.org_id == world.own(role).org_id:
                assert response.status_code == 200, (role, org.label)
            else:
                expected = 200 if logo_visible(org, world.own(role)) else 404
                assert response.status_code == expected, (role, org.label)


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"", "empty.png"),
        (b"not an image at all", "x.png"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "header-only.png"),
        (png_bytes()[:40], "truncated.png"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image.gif"),
        (b"<svg onload=alert(1)></svg>", "logo.svg"),
        (png_bytes(), "../../etc/passwd.png"),
        (png_bytes(), "logo.PNG\x00.html"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_logo_upload_refuses_broken_files_without_error(world, content, filename):
    client = world.client("startup")
    payload = Payload([], [("logo", content, filename)], label=filename)
    send_post(world, client, "startup", "/profile/logo", payload)


def _png_with_broken_crc() -> bytes:
    data = bytearray(png_bytes((16, 16)))
    position = data.index(b"IDAT") + 6
    data[position] ^= 0xFF
    return bytes(data)


def test_logo_upload_with_corrupt_png_checksum(world):
    client = world.client("startup")
    payload = Payload([], [("logo", _png_with_broken_crc(), "logo.png")], label="bad crc")
    send_post(world, client, "startup", "/profile/logo", payload)


@pytest.mark.parametrize(
    "csv_text",
    [
        "name,founded_year\nAcme Org,\u00b2\n",
        "name,team_size\nAcme Org," + "9" * 5000 + "\n",
    ],
    ids=["superscript-digit", "5000-digit-number"],
)
def test_import_numbers_that_isdigit_accepts_but_int_refuses(world, csv_text):
    client = world.client("staff")
    payload = Payload(
        _pairs({"kind": "startup", "dry_run": "y"}),
        [("file", csv_text.encode(), "orgs.csv")],
        label="isdigit",
    )
    send_post(world, client, "staff", "/staff/import", payload)


@pytest.mark.parametrize(
    "csv_bytes",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe\x00n\x00a",
        b"name\n" + b"\x00" * 50,
        b"name\nAcme Org\x00\n",
        b'name;country\n"Acme;" Org;DE\n',
        b'name\n"unterminated\n',
        b"\n\n\n",
        b"name,name\nA,B\n",
        b"=cmd|' /C calc'!A0,name\nx,Acme\n",
        b"name,founded_year\nAcme Org,-5\n",
        b"name,stage,industries\nAcme Org,unicorn,automotive;;;bogus\n",
        ("name\n" + "\n".join(f"Org number {i}" for i in range(3000))).encode(),
    ],
)
def test_import_odd_files(world, csv_bytes):
    client = world.client("staff")
    for dry_run in (True, False):
        pairs = _pairs({"kind": "startup", "invite": "y"})
        if dry_run:
            pairs.append(("dry_run", "y"))
        payload = Payload(pairs, [("file", csv_bytes, "orgs.csv")], label="odd csv")
        send_post(world, client, "staff", "/staff/import", payload)


def test_every_post_route_is_covered_by_a_baseline():
    """A new form needs valid baseline data here, or the fuzzing only hits its validation."""
    buttons = {
        "auth.logout",
        "profile.remove_logo",
        "admin.toggle_active",
        "introductions.notifications",
        "corporate.restore_dismissed",
    }
    known = {
        "auth.register",
        "auth.login",
        "auth.resend_confirmation",
        "auth.request_password_reset",
        "auth.reset_password",
        "auth.change_password",
        "profile.edit",
        "profile.upload_logo",
        "profile.delete_account",
        "corporate.edit_need",
        "corporate.change_need_status",
        "staff.review_organization",
        "staff.review_need",
        "staff.import_organizations",
        "admin.users",
        "corporate.mark_startup",
        "main.set_language",
        "introductions.accept",
        "introductions.answer_by_link",
        "introductions.decline",
        "introductions.question",
        "introductions.meeting",
        "introductions.meeting_held",
        "introductions.give_feedback",
        "introductions.feedback",
        "introductions.request_introduction",
        "staff.approve_pair",
        "staff.approve_introduction",
        "staff.reject_pair",
        "staff.reject_introduction",
        "staff.update_handling",
        "staff.send_introduction",
        "staff.save_meeting",
        "staff.meeting_held",
        "staff.record_outcome",
        "staff.assign_account_manager",
    }
    missing = {rule.endpoint for rule in RULES if "POST" in rule.methods} - buttons - known
    assert not missing, f"add baseline form data for {sorted(missing)}"
