"""Import and export of profiles: CSV files for staff, JSONL in the exchange format.

The CSV columns are the fields of `ProfileData` (see docs/import-format.md); an export
can be imported again. An import is planned first (parsed and checked row by row, nothing
changed) and then run as one transaction: a file with any error imports nothing.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import json
import logging
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from matchmaker.extensions import db, refresh_planner_statistics
from matchmaker.models import (
    ROLE_FOR_KIND,
    DecisionPath,
    Need,
    NeedStatus,
    NeedTerm,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    ProfileStatus,
    User,
    utcnow,
)
from matchmaker.services.accounts import (
    INVITE_MAX_AGE,
    hash_password,
    make_password_token,
    normalize_email,
    send_account_mail,
)
from matchmaker.services.errors import DomainError
from matchmaker.services.mail import mail_language, public_url
from matchmaker.services.profiles import (
    PROFILE_VOCABULARIES,
    TEXT_LIMITS,
    VOCABULARY_FIELDS,
    ProfileData,
    ProfileInvalid,
    profile_column_values,
    public_text,
    validate_profile,
)
from matchmaker.taxonomy import vocabulary
from matchmaker.textrules import CONTROL_CHARACTER, LINE_BREAK

COLUMNS: tuple[str, ...] = (
    "name",
    "website",
    "country",
    "city",
    "description",
    "offers",
    "seeks",
    "text_language",
    "founded_year",
    "team_size",
    "stage",
    "funding_status",
    "parent_company",
    "decision_path",
    "industries",
    "technologies",
    "partnership_types",
    "languages",
    "stages",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
)
"""The CSV header, in export order; an import may give any subset that includes `name`."""

REQUIRED_COLUMNS = ("name",)
MULTI_LINE_COLUMNS = ("description", "offers", "seeks")
INTEGER_COLUMNS = ("founded_year", "team_size")
TERM_SEPARATOR = ";"
IMPORT_MAX_BYTES = 5 * 1024 * 1024
# Spreadsheets run cells starting with these as formulas; exports defuse them with a
# leading apostrophe (OWASP "CSV injection") and imports take it off again.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EMAIL_LOOKUP_CHUNK = 1000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowError:
    """One problem in an import file.

    `row` counts like the spreadsheet (the header is row 1); it is None for a problem of
    the whole file (encoding, empty file). `column` is "" when no single column is at fault.
    """

    row: int | None
    column: str
    message: str


@dataclass(frozen=True)
class ImportRow:
    """One organisation an import would create."""

    row: int
    data: ProfileData


@dataclass
class ImportPlan:
    """What an import would do: the parsed rows, and every error found."""

    kind: OrganizationKind
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def contact_count(self) -> int:
        """Rows with a contact email, i.e. the invitations an import would send."""
        return sum(1 for row in self.rows if row.data.contact_email)


@dataclass(frozen=True)
class ImportResult:
    """What an import did; `invitations_not_sent` lists addresses the mail server refused."""

    created: int
    invited: int
    organization_ids: list[int]
    invitations_not_sent: list[str] = field(default_factory=list)


class ImportRefused(DomainError):
    """The plan has errors (or went stale): nothing was imported."""

    def __init__(self, message: str, errors: list[RowError] | None = None):
        self.errors = errors or []
        super().__init__(message)


# --- planning ----------------------------------------------------------------------------


def plan_import(data: bytes, kind: OrganizationKind) -> ImportPlan:
    """Parse and check a CSV file of organisations of one kind; changes nothing.

    Every row goes through `validate_profile` (the web form's rules) plus the checks only a
    file needs: whole numbers, decision paths, contact emails used twice in the file or
    already registered, organisation names used twice. Problems of the file as a whole
    (not UTF-8, empty, unknown columns) are reported instead of row errors.
    """
    plan = ImportPlan(kind=kind)
    if len(data) > IMPORT_MAX_BYTES:
        limit = IMPORT_MAX_BYTES // (1024 * 1024)
        plan.errors.append(_file_error(_l("The file is larger than %(mb)d MB.", mb=limit)))
        return plan
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        plan.errors.append(_file_error(_l("The file is not UTF-8; save it as CSV UTF-8.")))
        return plan
    if not text.strip():
        plan.errors.append(_file_error(_l("The file is empty.")))
        return plan

    try:
        # Strict: a quote never closed would take the rest of the file into one cell.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
        records = list(reader)
    except csv.Error as error:
        if "end of data" in str(error):
            message = _l("The file is not valid CSV: a quoted cell is never closed.")
        else:
            message = _l("The file is not valid CSV: %(error)s", error=error)
        plan.errors.append(_file_error(message))
        return plan
    header, body = records[0], records[1:]
    columns = [name.strip().lower() for name in header]
    plan.errors.extend(_header_errors(columns))
    if plan.errors:
        return plan

    for number, cells in enumerate(body, start=2):
        values, errors = _row_values(number, columns, cells)
        if values is None:  # a blank line
            continue
        plan.errors.extend(errors)
        parsed, errors = _profile_data(number, values, kind)
        plan.errors.extend(errors)
        plan.rows.append(ImportRow(number, parsed))
    if not plan.rows and not plan.errors:
        plan.errors.append(_file_error(_l("The file has a header but no rows.")))
        return plan
    plan.errors.extend(_duplicate_errors(plan.rows))
    plan.errors.extend(_existing_name_errors(plan.rows, kind))
    plan.errors.extend(_registered_email_errors(plan.rows))
    plan.errors.sort(key=lambda error: (error.row or 0, _column_order(error.column)))
    return plan


def _file_error(message: object) -> RowError:
    return RowError(None, "", str(message))


def _delimiter(text: str) -> str:
    # Column names contain neither character, so the header line decides; German Excel
    # writes ";" and everything else ",".
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _header_errors(columns: list[str]) -> list[RowError]:
    errors = []
    seen: set[str] = set()
    for name in columns:
        if not name:
            continue  # checked per row: only an error if the column holds data
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            message = (
                _l("Unknown column; did you mean “%(name)s”?", name=close[0])
                if close
                else _l("Unknown column. Known columns: %(columns)s", columns=", ".join(COLUMNS))
            )
            errors.append(RowError(1, name, str(message)))
        elif name in seen:
            errors.append(RowError(1, name, str(_l("This column appears twice."))))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(1, name, str(_l("This column is required."))))
    return errors


def _row_values(
    number: int, columns: list[str], cells: list[str]
) -> tuple[dict[str, str] | None, list[RowError]]:
    """The row's values by column name, or None for a blank row."""
    if not any(cell.strip() for cell in cells):
        return None, []
    errors = []
    if any(cell.strip() for cell in cells[len(columns) :]):
        errors.append(
            RowError(number, "", str(_l("This row has more cells than the header has columns.")))
        )
    values = {}
    for index, (name, cell) in enumerate(zip(columns, cells, strict=False), start=1):
        if not name:
            if cell.strip():
                errors.append(
                    RowError(
                        number,
                        str(_l("column %(index)d", index=index)),
                        str(_l("This cell has a value but its column has no header.")),
                    )
                )
            continue
        if CONTROL_CHARACTER.search(cell):
            # PostgreSQL refuses NUL in text, and no profile needs control characters.
            message = _l("This cell contains a control character (such as NUL).")
            errors.append(RowError(number, name, str(message)))
            cell = CONTROL_CHARACTER.sub("", cell)
        elif (
            name in TEXT_LIMITS
            and name not in MULTI_LINE_COLUMNS
            and LINE_BREAK.search(cell.strip())
        ):
            # A name or an address is one line, as in the forms (it goes into mail
            # subjects and headers). Lists may break lines: their items are split and trimmed.
            errors.append(RowError(number, name, str(_l("Write this on one line."))))
        values[name] = _undo_formula_guard(cell.strip())
    return values, errors


def _profile_data(
    number: int, values: dict[str, str], kind: OrganizationKind
) -> tuple[ProfileData, list[RowError]]:
    """The row as profile data (unreadable values left empty) and every error in it."""
    errors: list[RowError] = []
    converted: dict[str, object] = {
        name: values.get(name, "") for name in TEXT_LIMITS if name in values
    }
    converted["country"] = values.get("country", "").upper()
    if "contact_email" in converted:
        converted["contact_email"] = normalize_email(values["contact_email"])
    converted["text_language"] = values.get("text_language", "").lower() or None
    for name in INTEGER_COLUMNS:
        raw = values.get(name, "")
        if not raw:
            converted[name] = None
        elif raw.isascii() and raw.isdigit() and len(raw) <= 9:
            converted[name] = int(raw)
        else:
            errors.append(RowError(number, name, str(_l("Enter a whole number."))))
    raw_path = values.get("decision_path", "").lower()
    try:
        converted["decision_path"] = DecisionPath(raw_path) if raw_path else None
    except ValueError:
        choices = ", ".join(path.value for path in DecisionPath)
        message = _l("Use one of: %(choices)s.", choices=choices)
        errors.append(RowError(number, "decision_path", str(message)))
    converted["stage"] = _term_id("stages", values["stage"]) if values.get("stage") else None
    for name in VOCABULARY_FIELDS:
        converted[name] = _term_ids(name, values.get(name, ""))
    for error in errors:
        converted[error.column] = None  # so that the other columns are still checked

    data = ProfileData(**converted)
    try:
        validate_profile(kind, data)
    except ProfileInvalid as invalid:
        errors.extend(RowError(number, name, message) for name, message in invalid.errors.items())
    return data, errors


def _term_ids(vocabulary_name: str, cell: str) -> tuple[str, ...]:
    terms = (_term_id(vocabulary_name, item.strip()) for item in cell.split(TERM_SEPARATOR))
    return tuple(dict.fromkeys(term for term in terms if term))


def _term_id(vocabulary_name: str, value: str) -> str:
    """The id for an id or an English label (any case); unknown values stay as they are,
    so that `validate_profile` names them."""
    return _term_lookup(vocabulary_name).get(value.casefold(), value)


@functools.cache
def _term_lookup(vocabulary_name: str) -> dict[str, str]:
    lookup = {}
    for term in vocabulary(vocabulary_name):
        lookup.setdefault(term.labels["en"].casefold(), term.id)
    for term in vocabulary(vocabulary_name):
        lookup[term.id.casefold()] = term.id  # an id wins over a label
    return lookup


def _duplicate_errors(rows: list[ImportRow]) -> list[RowError]:
    errors = []
    first_email: dict[str, int] = {}
    first_name: dict[str, int] = {}
    for row in rows:
        email = row.data.contact_email
        if email:
            if email in first_email:
                message = _l("This email is also used in row %(row)d.", row=first_email[email])
                errors.append(RowError(row.row, "contact_email", str(message)))
            else:
                first_email[email] = row.row
        name = _name_key(row.data.name)
        if name in first_name:
            message = _l("This organisation is also in row %(row)d.", row=first_name[name])
            errors.append(RowError(row.row, "name", str(message)))
        else:
            first_name[name] = row.row
    return errors


def _name_key(name: str) -> str:
    # "Café" typed with one character or two, in full-width or not, is one name.
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _existing_name_errors(rows: list[ImportRow], kind: OrganizationKind) -> list[RowError]:
    """Rows naming an organisation of this kind that is already on the platform: importing
    the same file twice must not create everything twice."""
    existing = {
        _name_key(name)
        for name in db.session.scalars(
            sa.select(Organization.name).where(
                Organization.kind == kind, Organization.status != ProfileStatus.DELETED
            )
        )
    }
    message = str(_l("An organisation with this name is already on the platform."))
    return [
        RowError(row.row, "name", message) for row in rows if _name_key(row.data.name) in existing
    ]


def _registered_email_errors(rows: list[ImportRow]) -> list[RowError]:
    registered = registered_emails(row.data.contact_email for row in rows)
    message = str(_l("An account with this email address already exists."))
    return [
        RowError(row.row, "contact_email", message)
        for row in rows
        if row.data.contact_email in registered
    ]


def registered_emails(emails: Iterable[str]) -> set[str]:
    """Those of `emails` (normalised) that belong to an account, in a few queries."""
    wanted = sorted({email for email in emails if email})
    found: set[str] = set()
    # Chunked so that no database meets more bound parameters than it allows.
    for start in range(0, len(wanted), _EMAIL_LOOKUP_CHUNK):
        chunk = wanted[start : start + _EMAIL_LOOKUP_CHUNK]
        found.update(db.session.scalars(sa.select(User.email).where(User.email.in_(chunk))))
    return found


def _column_order(column: str) -> int:
    return COLUMNS.index(column) if column in COLUMNS else -1


def _undo_formula_guard(value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1] in _FORMULA_STARTS:
        return value[1:]
    return value


# --- running -----------------------------------------------------------------------------


def run_import(plan: ImportPlan, importer: User, invite: bool) -> ImportResult:
    """Create every organisation of a valid plan in one transaction, approved by `importer`.

    With `invite`, each row with a contact email also gets an unconfirmed account of the
    matching role and, after the commit, a mail with a link to choose a password and claim
    the profile. Raises `ImportRefused` (and imports nothing) if the plan has errors.
    """
    if plan.errors:
        raise ImportRefused(
            str(_l("The file has errors; nothing was imported.")), list(plan.errors)
        )
    if not plan.rows:
        raise ImportRefused(str(_l("The file has no rows to import.")))
    now = utcnow()
    review = {
        "status": ProfileStatus.APPROVED,
        "submitted_at": now,
        "reviewed_at": now,
        "reviewed_by_id": importer.id,
        "created_at": now,
        "updated_at": now,
    }
    profiles = [row.data for row in plan.rows]
    columns = [profile_column_values(data) for data in profiles]
    invitations: list[_Invitation] = []
    # Bulk statements rather than one ORM object per row: ten thousand rows take seconds
    # instead of minutes, and all of it is still one transaction.
    try:
        organization_ids = list(
            db.session.scalars(
                sa.insert(Organization).returning(Organization.id, sort_by_parameter_order=True),
                [
                    {**values, "kind": plan.kind, "approved_text": public_text(values), **review}
                    for values in columns
                ],
            )
        )
        terms = [
            {"organization_id": organization_id, "vocabulary": name, "term_id": term}
            for organization_id, data in zip(organization_ids, profiles, strict=True)
            for name in PROFILE_VOCABULARIES[plan.kind]
            for term in getattr(data, name)
        ]
        if terms:
            db.session.execute(sa.insert(OrganizationTerm), terms)
        if invite:
            languages = [str(values["text_language"]) for values in columns]
            invitations = _create_invited_users(
                plan.kind, organization_ids, profiles, languages, now
            )
        db.session.commit()
    except IntegrityError as exc:
        # Someone registered one of the addresses between plan and import.
        db.session.rollback()
        raise ImportRefused(
            str(_l("An email address in the file was registered meanwhile; check the file again."))
        ) from exc
    refresh_planner_statistics(Organization.__tablename__, OrganizationTerm.__tablename__)
    not_sent = []
    for invitation in invitations:
        try:
            send_claim_invitation(invitation)
        except OSError:  # SMTP trouble must not hide that the import itself succeeded
            log.exception("invitation to %s not sent", invitation.email)
            not_sent.append(invitation.email)
    return ImportResult(
        created=len(organization_ids),
        invited=len(invitations) - len(not_sent),
        organization_ids=organization_ids,
        invitations_not_sent=not_sent,
    )


def _create_invited_users(
    kind: OrganizationKind,
    organization_ids: list[int],
    profiles: list[ProfileData],
    languages: list[str],
    now: datetime,
) -> list[_Invitation]:
    pending = [
        (organization_id, data, lang)
        for organization_id, data, lang in zip(organization_ids, profiles, languages, strict=True)
        if data.contact_email
    ]
    if not pending:
        return []
    # One hash of a random secret nobody keeps: no password opens these accounts until
    # the invitation link sets one. A secret per account would cost minutes of scrypt for
    # a large file and add nothing, since every secret is thrown away.
    unusable_hash = hash_password(secrets.token_urlsafe(32))
    role = ROLE_FOR_KIND[kind]
    rows = list(
        db.session.execute(
            sa.insert(User).returning(User.id, User.session_version, sort_by_parameter_order=True),
            [
                {
                    "email": data.contact_email,
                    "password_hash": unusable_hash,
                    "full_name": data.contact_name.strip(),
                    "role": role,
                    "organization_id": organization_id,
                    "created_at": now,
                }
                for organization_id, data, _lang in pending
            ],
        )
    )
    return [
        _Invitation(
            user_id,
            data.contact_email,
            data.contact_name.strip(),
            version,
            data.name,
            mail_language(lang),
        )
        for (user_id, version), (_, data, lang) in zip(rows, pending, strict=True)
    ]


@dataclass(frozen=True)
class _Invitation:
    """What a claim mail needs of a new account."""

    id: int
    email: str
    full_name: str
    session_version: int
    organization_name: str
    lang: str  # of the mail: the profile's


def send_claim_invitation(invitation: _Invitation) -> None:
    """Mail an imported contact a link to choose a password and take over the profile."""
    link = public_url(
        "auth.reset_password", token=make_password_token(invitation, "invite"), purpose="invite"
    )
    send_account_mail(
        invitation.email,
        "claim_profile",
        invitation.lang,
        user=invitation,
        organization_name=invitation.organization_name,
        link=link,
        max_age_days=INVITE_MAX_AGE // (24 * 3600),
    )


# --- export ------------------------------------------------------------------------------


_EXPORT_BATCH = 1000
"""Organisations read per round trip: the JSONL export holds one batch at a time (the CSV
export builds its whole text, which the route sends), and an IN list of this many ids
suits every database."""
_EXPORTED_COLUMNS = ("id", *(name for name in COLUMNS if name not in VOCABULARY_FIELDS))

_TermIds = dict[str, list[str]]
"""A profile's or need's terms: vocabulary -> term ids, in the order they were saved."""


@dataclass(frozen=True, slots=True)
class _ExportedNeed:
    row: sa.Row  # organization_id, id, title, description
    terms: _TermIds

    def term_ids(self, vocabulary_name: str) -> list[str]:
        return self.terms.get(vocabulary_name, [])


@dataclass(frozen=True, slots=True)
class _ExportedOrganization:
    row: sa.Row  # the columns named in _EXPORTED_COLUMNS
    terms: _TermIds
    needs: list[_ExportedNeed]  # open ones only

    def term_ids(self, vocabulary_name: str) -> list[str]:
        return self.terms.get(vocabulary_name, [])


def _exported_organizations(
    kind: OrganizationKind, *, with_needs: bool = False
) -> Iterator[_ExportedOrganization]:
    """Every organisation of `kind` except deleted ones, by id, with its terms and (if
    `with_needs`) its open needs.

    Plain rows rather than ORM objects: at 3,000 startups building the objects (with ~23,000
    terms) took over a second, the SQL about 60 ms. Read in batches of `_EXPORT_BATCH`
    organisations (the next batch starts after the last id), with one query apiece for the
    batch's terms, open needs and their terms.
    """
    query = (
        sa.select(*(getattr(Organization, name) for name in _EXPORTED_COLUMNS))
        .where(Organization.kind == kind, Organization.status != ProfileStatus.DELETED)
        .order_by(Organization.id)
        .limit(_EXPORT_BATCH)
    )
    last_id = 0
    while True:
        rows = db.session.execute(query.where(Organization.id > last_id)).all()
        if not rows:
            return
        ids = [row.id for row in rows]
        terms = _grouped_terms(
            sa.select(
                OrganizationTerm.organization_id,
                OrganizationTerm.vocabulary,
                OrganizationTerm.term_id,
            )
            .where(OrganizationTerm.organization_id.in_(ids))
            .order_by(OrganizationTerm.id)
        )
        needs = _open_needs(ids) if with_needs else {}
        for row in rows:
            yield _ExportedOrganization(row, terms.get(row.id, {}), needs.get(row.id, []))
        if len(rows) < _EXPORT_BATCH:
            return
        last_id = ids[-1]


def _open_needs(organization_ids: list[int]) -> dict[int, list[_ExportedNeed]]:
    """The open needs of these organisations, by organisation, each in id order."""
    is_open = sa.and_(Need.organization_id.in_(organization_ids), Need.status == NeedStatus.OPEN)
    # Joined rather than by need id, so that the bound ids stay within one batch's count.
    terms = _grouped_terms(
        sa.select(NeedTerm.need_id, NeedTerm.vocabulary, NeedTerm.term_id)
        .join(Need, Need.id == NeedTerm.need_id)
        .where(is_open)
        .order_by(NeedTerm.id)
    )
    needs: dict[int, list[_ExportedNeed]] = {}
    for row in db.session.execute(
        sa.select(Need.organization_id, Need.id, Need.title, Need.description)
        .where(is_open)
        .order_by(Need.id)
    ):
        needs.setdefault(row.organization_id, []).append(_ExportedNeed(row, terms.get(row.id, {})))
    return needs


def _grouped_terms(query: sa.Select) -> dict[int, _TermIds]:
    """Rows of (owner id, vocabulary, term id) as owner id -> vocabulary -> term ids."""
    grouped: dict[int, _TermIds] = {}
    for owner_id, vocabulary_name, term_id in db.session.execute(query):
        grouped.setdefault(owner_id, {}).setdefault(vocabulary_name, []).append(term_id)
    return grouped


def export_csv(kind: OrganizationKind) -> str:
    """All organisations of `kind` (except deleted ones) as CSV with the import columns,
    contacts included: staff only. Importing the result recreates the profiles."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    for organization in _exported_organizations(kind):
        writer.writerow([_formula_guard(_csv_cell(organization, name)) for name in COLUMNS])
    return output.getvalue()


def _csv_cell(organization: _ExportedOrganization, column: str) -> str:
    if column in VOCABULARY_FIELDS:
        return TERM_SEPARATOR.join(organization.term_ids(column))
    value = getattr(organization.row, column)
    if value is None:
        return ""
    if isinstance(value, DecisionPath):
        return value.value
    return str(value)


def _formula_guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def export_jsonl(kind: OrganizationKind) -> Iterator[str]:
    """All organisations of `kind` (except deleted ones) in the profile exchange format of
    DESIGN.md, one JSON object per line (each ending in a newline); corporates carry their
    open needs. Beyond the format's fields, `partnership_types`, `stage` and a corporate's
    `target_stages` are included, which the matching library reads."""
    with_needs = kind is OrganizationKind.CORPORATE
    for organization in _exported_organizations(kind, with_needs=with_needs):
        row = organization.row
        record: dict[str, object] = {
            "id": str(row.id),
            "kind": kind.value,
            "name": row.name,
            "description": row.description,
            "offers": row.offers,
            "seeks": row.seeks,
            "industries": organization.term_ids("industries"),
            "technologies": organization.term_ids("technologies"),
            "country": row.country,
            "city": row.city,
            "founded": row.founded_year,
            "team_size": row.team_size,
            "languages": organization.term_ids("languages"),
            "partnership_types": organization.term_ids("partnership_types"),
            "stage": row.stage or "",
        }
        if with_needs:
            record["target_stages"] = organization.term_ids("stages")
            record["needs"] = [
                {
                    "id": str(need.row.id),
                    "title": need.row.title,
                    "description": need.row.description,
                    "technologies": need.term_ids("technologies"),
                    "partnership_types": need.term_ids("partnership_types"),
                }
                for need in organization.needs
            ]
        yield json.dumps(record, ensure_ascii=False) + "\n"
