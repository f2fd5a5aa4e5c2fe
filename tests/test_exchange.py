"""Staff import organisations from CSV and export them as CSV and JSONL."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.matching.profiles import read_profiles
from matchmaker.models import (
    DecisionPath,
    Need,
    NeedStatus,
    NeedTerm,
    Organization,
    OrganizationKind,
    OrganizationTerm,
    ProfileStatus,
    Role,
    User,
)
from matchmaker.services import exchange
from matchmaker.services.profiles import ProfileData, public_text
from tests.conftest import get_user, link_in, mail_body

NEW_PASSWORD = "a fresh claim passphrase"
GERMAN_TEXT = (
    "Wir entwickeln Software für die vorausschauende Wartung von Maschinen und Anlagen "
    "in der Fertigung, mit Sensoren und künstlicher Intelligenz."
)


def csv_bytes(rows: list[dict[str, str]], delimiter: str = ",", bom: bool = False) -> bytes:
    output = io.StringIO()
    columns = list(dict.fromkeys(name for row in rows for name in row))
    writer = csv.DictWriter(output, fieldnames=columns, delimiter=delimiter, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + output.getvalue()).encode("utf-8")


def startup_rows() -> list[dict[str, str]]:
    return [
        {
            "name": "Rheinwerk Analytics",
            "website": "https://rheinwerk.example",
            "country": "de",
            "city": "Düsseldorf",
            "description": GERMAN_TEXT,
            "founded_year": "2021",
            "team_size": "12",
            "stage": "Seed",
            "industries": "manufacturing; Automotive",
            "technologies": "predictive_maintenance;AI & MACHINE LEARNING",
            "partnership_types": "pilot",
            "languages": "German;en",
            "contact_name": "Lena Vogel",
            "contact_email": "Lena@Rheinwerk.example",
        },
        {
            "name": "Harbor Robotics",
            "website": "",
            "country": "NL",
            "city": "Rotterdam",
            "description": "We build autonomous mobile robots for warehouses and ports.",
            "founded_year": "",
            "team_size": "",
            "stage": "",
            "industries": "",
            "technologies": "robotics",
            "partnership_types": "",
            "languages": "en",
            "contact_name": "Sam de Vries",
            "contact_email": "sam@harbor.example",
        },
    ]


@pytest.fixture
def staff(client, make_user) -> int:
    staff_id = make_user(Role.STAFF, email="staff@example.com")
    client.login("staff@example.com")
    return staff_id


def upload(client, data: bytes, kind="startup", dry_run=False, invite=True, filename="orgs.csv"):
    form = {"kind": kind, "file": (io.BytesIO(data), filename)}
    if dry_run:
        form["dry_run"] = "y"
    if invite:
        form["invite"] = "y"
    return client.submit("/staff/import", form, follow_redirects=True)


def organizations(app) -> list[Organization]:
    with app.app_context():
        found = list(
            db.session.scalars(
                sa.select(Organization)
                .order_by(Organization.id)
                .options(sa.orm.selectinload(Organization.terms))
            )
        )
        db.session.expunge_all()
        return found


def user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(User))


def error_rows(page: str) -> list[tuple[str, str, str]]:
    """(row, column, message) of the error table, as the page shows them."""
    table = page.split('id="import-errors"', 1)[1].split("</table>", 1)[0]
    rows = []
    for chunk in table.split("<tr>")[2:]:
        cells = [cell.split("</td>", 1)[0].strip() for cell in chunk.split("<td>")[1:]]
        rows.append(tuple(cells))
    return rows


# --- importing -----------------------------------------------------------------------------


def test_good_file_imports_approved_profiles_and_invites_contacts(app, client, staff, outbox):
    response = upload(client, csv_bytes(startup_rows()))

    assert "Imported 2 organisations; 2 invitations sent." in response.get_data(as_text=True)
    rheinwerk, harbor = organizations(app)
    assert rheinwerk.kind is OrganizationKind.STARTUP
    assert rheinwerk.status is ProfileStatus.APPROVED
    assert rheinwerk.reviewed_by_id == staff and rheinwerk.reviewed_at is not None
    assert rheinwerk.country == "DE" and rheinwerk.city == "Düsseldorf"
    assert rheinwerk.founded_year == 2021 and rheinwerk.team_size == 12
    assert rheinwerk.stage == "seed"
    assert rheinwerk.term_ids("industries") == ["manufacturing", "automotive"]
    assert rheinwerk.term_ids("technologies") == ["predictive_maintenance", "ai_machine_learning"]
    assert rheinwerk.term_ids("languages") == ["de", "en"]
    assert rheinwerk.contact_email == "lena@rheinwerk.example"
    assert rheinwerk.text_language == "de"  # detected from the German description
    assert harbor.text_language == "en"
    # Approved as imported: later edits are measured against this text.
    with app.app_context():
        assert db.session.get(Organization, rheinwerk.id).approved_text == public_text(rheinwerk)

    lena = get_user(app, "lena@rheinwerk.example")
    assert lena.role is Role.STARTUP
    assert lena.organization_id == rheinwerk.id
    assert lena.full_name == "Lena Vogel"
    assert not lena.is_confirmed
    assert client.logout()
    assert client.login("lena@rheinwerk.example", "").status_code == 200  # no password works

    invitations = {message["To"]: message for message in outbox()}
    assert set(invitations) == {"lena@rheinwerk.example", "sam@harbor.example"}
    invitation = invitations["lena@rheinwerk.example"]
    assert "Rheinwerk Analytics" in mail_body(invitation)
    # Each in its profile's language: Rheinwerk writes German, Harbor English.
    assert invitation["Subject"] == "Ihr Profil beim Japan Desk Matchmaker"
    assert "wählen Sie hier Ihr Passwort" in mail_body(invitation)
    assert (
        invitations["sam@harbor.example"]["Subject"] == "Your profile on the Japan Desk matchmaker"
    )
    link = link_in(invitation)
    assert "purpose=invite" in link
    client.submit(
        link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "accept_privacy": "y"}
    )
    login = client.login("lena@rheinwerk.example", NEW_PASSWORD)
    assert login.headers["Location"] == "/startup/"
    dashboard = client.get("/startup/")
    assert dashboard.status_code == 200
    assert "Rheinwerk Analytics" in dashboard.get_data(as_text=True)
    assert get_user(app, "lena@rheinwerk.example").is_confirmed
    # The link works once.
    assert client.get(link).status_code == 302


def test_import_without_invitations_creates_no_accounts(app, client, staff, outbox):
    response = upload(client, csv_bytes(startup_rows()), invite=False)

    assert "Imported 2 organisations; 0 invitations sent." in response.get_data(as_text=True)
    assert len(organizations(app)) == 2
    assert user_count(app) == 1
    assert outbox() == []


def test_file_with_one_bad_row_imports_nothing_and_names_row_and_column(app, client, staff, outbox):
    rows = startup_rows()
    rows[1]["website"] = "harbor dot example"

    response = upload(client, csv_bytes(rows))

    page = response.get_data(as_text=True)
    assert "nothing was imported" in page
    assert error_rows(page) == [("3", "website", "Enter a full web address starting with https://")]
    assert organizations(app) == []
    assert user_count(app) == 1
    assert outbox() == []


def test_dry_run_reports_the_plan_and_changes_nothing(app, client, staff, outbox):
    response = upload(client, csv_bytes(startup_rows()), dry_run=True)

    page = response.get_data(as_text=True)
    assert "The file is fine: 2 organisations would be imported." in page
    assert "This was a dry run" in page
    assert organizations(app) == []
    assert user_count(app) == 1
    assert outbox() == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "name,city\nMüller Präzision,Köln\n".encode("latin-1"),
            "The file is not UTF-8; save it as CSV UTF-8.",
        ),
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf \r\n", "The file is empty."),
        (b"name,website,city\r\n", "The file has a header but no rows."),
        (b"name,website,city\r\n,,\r\n\r\n , ,\r\n", "The file has a header but no rows."),
        (
            b'name,description\nAcme,"Robots\nBeta,Batteries\n',
            "The file is not valid CSV: a quoted cell is never closed.",
        ),
    ],
    ids=["latin-1", "empty", "bom-only", "header-only", "blank-rows", "open-quote"],
)
def test_unreadable_files_get_one_clear_error(app, client, staff, data, message):
    response = upload(client, data)

    assert response.status_code == 200
    assert error_rows(response.get_data(as_text=True)) == [("file", "—", message)]
    assert organizations(app) == []


def test_unknown_or_missing_columns_are_errors(app, client, staff):
    data = b"name,webiste,favourite_colour\nAcme,https://acme.example,blue\n"
    page = upload(client, data).get_data(as_text=True)
    assert error_rows(page) == [
        ("1", "webiste", "Unknown column; did you mean “website”?"),
        ("1", "favourite_colour", "Unknown column. Known columns: " + ", ".join(exchange.COLUMNS)),
    ]

    page = upload(client, b"city,country\nKoeln,DE\n").get_data(as_text=True)
    assert error_rows(page) == [("1", "name", "This column is required.")]
    assert organizations(app) == []


def test_semicolon_file_with_bom_from_german_excel_imports(app, client, staff):
    rows = [
        {
            "Name": "Nihon Logistics Europe GmbH",
            "website": "https://nihon-logistics.example",
            "country": "DE",
            "city": "Düsseldorf",
            "description": "Logistik zwischen Japan und Europa, Lager und Spedition für Kunden.",
            "parent_company": "Nihon Logistics K.K.",
            "decision_path": "Headquarters",
            "industries": "Logistics & supply chain",
            "languages": "ja;en;de",
            "contact_email": "",
            "contact_phone": "+49 211 1234",
        }
    ]
    data = csv_bytes(rows, delimiter=";", bom=True).replace(b"\n", b"\r\n")

    response = upload(client, data, kind="corporate")

    assert "Imported 1 organisations; 0 invitations sent." in response.get_data(as_text=True)
    [corporate] = organizations(app)
    assert corporate.kind is OrganizationKind.CORPORATE
    assert corporate.name == "Nihon Logistics Europe GmbH"
    assert corporate.decision_path is DecisionPath.HEADQUARTERS
    assert corporate.term_ids("industries") == ["logistics_supply_chain"]
    assert corporate.term_ids("languages") == ["ja", "en", "de"]
    assert corporate.contact_phone == "+49 211 1234"


def test_duplicate_emails_and_names_within_the_file_are_errors(app, client, staff):
    rows = startup_rows()
    rows.append({**rows[0], "contact_email": "SAM@harbor.example"})
    # Spaces, case and full-width letters make no other name.
    name = " harbor   \uff32\uff2f\uff22\uff2f\uff34\uff29\uff23\uff33"
    rows.append({**rows[1], "name": name, "contact_email": "new@harbor.example"})

    page = upload(client, csv_bytes(rows)).get_data(as_text=True)

    assert error_rows(page) == [
        ("4", "name", "This organisation is also in row 2."),
        ("4", "contact_email", "This email is also used in row 3."),
        ("5", "name", "This organisation is also in row 3."),
    ]
    assert organizations(app) == []


def test_email_already_registered_is_an_error(app, client, staff, make_user):
    make_user(Role.CORPORATE, email="sam@harbor.example")

    page = upload(client, csv_bytes(startup_rows())).get_data(as_text=True)

    assert error_rows(page) == [
        ("3", "contact_email", "An account with this email address already exists.")
    ]
    assert len(organizations(app)) == 1  # only the corporate of the existing account


def test_every_error_of_a_row_is_reported_with_spreadsheet_row_numbers(app):
    data = (
        b"name,description,founded_year,team_size,decision_path,industries,partnership_types\n"
        b"\n"
        b'Acme,"Two lines,\nwith a comma",1700,many,somewhere,unknown_thing,pilot\n'
        b"A,,,,,,\n"
    )
    with app.test_request_context():
        plan = exchange.plan_import(data, OrganizationKind.CORPORATE)

    assert [row.row for row in plan.rows] == [3, 4]
    assert plan.rows[0].data.description == "Two lines,\nwith a comma"
    assert [(error.row, error.column) for error in plan.errors] == [
        (3, "founded_year"),
        (3, "team_size"),
        (3, "decision_path"),
        (3, "industries"),
        (3, "partnership_types"),
        (4, "name"),
    ]
    messages = {error.column: error.message for error in plan.errors if error.row == 3}
    assert messages["team_size"] == "Enter a whole number."
    assert messages["decision_path"] == "Use one of: local, headquarters, joint."
    assert messages["industries"] == "Unknown terms: unknown_thing"
    assert messages["partnership_types"] == "Not used for this kind of organisation."
    assert not plan.is_valid


def test_run_import_refuses_a_plan_with_errors(app, make_user):
    staff_id = make_user(Role.STAFF)
    with app.test_request_context():
        plan = exchange.plan_import(b"name\nA\n", OrganizationKind.STARTUP)
        with pytest.raises(exchange.ImportRefused) as refused:
            exchange.run_import(plan, db.session.get(User, staff_id), invite=True)
        assert refused.value.errors == plan.errors
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Organization)) == 0


def test_form_refuses_missing_or_wrong_files_without_error_pages(app, client, staff):
    no_file = client.submit("/staff/import", {"kind": "startup"})
    assert no_file.status_code == 200
    assert "Choose a CSV file." in no_file.get_data(as_text=True)

    wrong_type = upload(client, b"\x89PNG\r\n\x1a\n", filename="logo.png")
    assert "Upload a .csv file." in wrong_type.get_data(as_text=True)

    binary = upload(client, bytes(range(256)) * 10, filename="data.csv")
    assert binary.status_code == 200
    assert "The file is not UTF-8" in binary.get_data(as_text=True)

    nul = upload(client, b"name\nA\x00B\n", filename="data.csv")
    assert nul.status_code == 200
    assert error_rows(nul.get_data(as_text=True)) == [
        ("2", "name", "This cell contains a control character (such as NUL).")
    ]
    assert organizations(app) == []

    # A name or a contact is one line, as in the forms; a description may have several,
    # and a list's items are split and trimmed.
    rows = startup_rows()
    rows[0]["name"] = "Rheinwerk\nAnalytics"
    rows[0]["contact_name"] = "Lena\u2028Vogel"
    rows[1]["description"] = "Two lines.\nThe second line."
    rows[1]["industries"] = "manufacturing;\nautomotive"
    broken = upload(client, csv_bytes(rows)).get_data(as_text=True)
    assert error_rows(broken) == [
        ("2", "name", "Write this on one line."),
        ("2", "contact_name", "Write this on one line."),
    ]
    assert organizations(app) == []


# --- exporting -----------------------------------------------------------------------------


def test_csv_export_round_trips_through_import(app, client, staff):
    rows = startup_rows()
    rows[0]["name"] = '=Rheinwerk, "Analytics"'  # a formula and quotes survive the trip
    rows[0]["contact_phone"] = "+49 211 555"
    rows[1]["description"] = "ロボットで倉庫を自動化します。\n二行目です。"
    rows[1]["text_language"] = ""
    upload(client, csv_bytes(rows), invite=False)
    before = organizations(app)

    export = client.get("/staff/export/startup.csv")
    assert export.status_code == 200
    assert export.headers["Content-Disposition"].startswith("attachment; filename=")
    assert export.mimetype == "text/csv"
    body = export.data
    assert body.startswith(b"\xef\xbb\xbf")
    assert b"'=Rheinwerk" in body  # defused for spreadsheets
    header = body.decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == list(exchange.COLUMNS)

    with app.app_context():
        db.session.execute(sa.delete(OrganizationTerm))
        db.session.execute(sa.delete(Organization))
        db.session.commit()
    response = upload(client, body, invite=False)
    assert "Imported 2 organisations" in response.get_data(as_text=True)

    after = organizations(app)
    assert [ProfileData.of(o) for o in after] == [ProfileData.of(o) for o in before]
    assert after[1].text_language == "ja"
    assert after[0].name == '=Rheinwerk, "Analytics"'


def test_exports_skip_deleted_profiles(app, client, staff):
    upload(client, csv_bytes(startup_rows()), invite=False)
    with app.app_context():
        harbor = db.session.scalar(sa.select(Organization).filter_by(name="Harbor Robotics"))
        harbor.status = ProfileStatus.DELETED
        db.session.commit()

    exported = client.get("/staff/export/startup.csv").data.decode("utf-8-sig")
    assert "Rheinwerk" in exported and "Harbor" not in exported
    lines = client.get("/staff/export/startup.jsonl").get_data(as_text=True).splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["Rheinwerk Analytics"]
    assert client.get("/staff/export/corporate.csv").data.decode("utf-8-sig").count("\n") == 1


def test_jsonl_export_carries_the_exchange_fields_and_open_needs(app, client, staff):
    upload(client, csv_bytes(startup_rows()), invite=False)
    corporate_row = {
        "name": "Kansai Components Europe",
        "description": "European arm of a Japanese tier-1 supplier.",
        "industries": "automotive",
        "technologies": "iot",
        "languages": "ja;en",
        "stages": "seed; Series A",
        "country": "DE",
        "city": "Düsseldorf",
    }
    upload(client, csv_bytes([corporate_row]), kind="corporate", invite=False)
    with app.app_context():
        corporate = db.session.scalar(
            sa.select(Organization).filter_by(kind=OrganizationKind.CORPORATE)
        )
        open_need = Need(organization=corporate, title="Predictive maintenance for our plants")
        open_need.terms.append(
            NeedTerm(vocabulary="technologies", term_id="predictive_maintenance")
        )
        open_need.terms.append(NeedTerm(vocabulary="partnership_types", term_id="pilot"))
        db.session.add(open_need)
        db.session.add(Need(organization=corporate, title="Old need", status=NeedStatus.CLOSED))
        db.session.commit()
        corporate_id, need_id = corporate.id, open_need.id

    response = client.get("/staff/export/corporate.jsonl")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    [line] = response.get_data(as_text=True).splitlines()
    record = json.loads(line)
    assert record["id"] == str(corporate_id)
    assert record["kind"] == "corporate"
    assert record["languages"] == ["ja", "en"]
    assert record["target_stages"] == ["seed", "series_a"]
    assert record["city"] == "Düsseldorf"
    assert record["needs"] == [
        {
            "id": str(need_id),
            "title": "Predictive maintenance for our plants",
            "description": "",
            "technologies": ["predictive_maintenance"],
            "partnership_types": ["pilot"],
        }
    ]

    startups = [
        json.loads(line)
        for line in client.get("/staff/export/startup.jsonl").get_data(as_text=True).splitlines()
    ]
    assert [s["name"] for s in startups] == ["Rheinwerk Analytics", "Harbor Robotics"]
    first = startups[0]
    for key in (
        "id",
        "kind",
        "name",
        "description",
        "offers",
        "seeks",
        "industries",
        "technologies",
        "country",
        "city",
        "founded",
        "team_size",
        "languages",
    ):
        assert key in first
    assert first["founded"] == 2021 and first["team_size"] == 12
    assert first["technologies"] == ["predictive_maintenance", "ai_machine_learning"]
    assert "needs" not in first
    # The matching library reads the export as it is.
    profiles = read_profiles(io.StringIO(response.get_data(as_text=True)), name="c.jsonl")
    assert profiles[0].needs[0].technologies == ("predictive_maintenance",)


def export_world(app) -> None:
    """Profiles of both kinds with every kind of field value: full and empty, non-ASCII,
    quotes, line breaks, formula starts; terms saved in an order that is neither
    alphabetical nor grouped by organisation; open, paused and closed needs; deleted
    profiles (which an export leaves out)."""
    with app.app_context():
        full = Organization(
            kind=OrganizationKind.STARTUP,
            name='Rheinwerk "Ärger", GmbH',
            website="https://rheinwerk.example",
            country="DE",
            city="Düsseldorf",
            description="ロボットで倉庫を自動化します。\nZweite Zeile; mit Semikolon.",
            offers="=SUM(A1:A9)",
            seeks="-40 % Ausschuss",
            text_language="de",
            founded_year=2019,
            team_size=7,
            stage="seed",
            funding_status="+Series A geplant",
            contact_name="Lena Vogel",
            contact_role="@CEO",
            contact_email="lena@rheinwerk.example",
            contact_phone="+49 211 1234567",
            status=ProfileStatus.APPROVED,
        )
        empty = Organization(kind=OrganizationKind.STARTUP, name="Harbor")
        deleted = Organization(
            kind=OrganizationKind.STARTUP, name="Gone", status=ProfileStatus.DELETED
        )
        last = Organization(
            kind=OrganizationKind.STARTUP, name="\tTabbed", city="東京", team_size=0
        )
        corporate = Organization(
            kind=OrganizationKind.CORPORATE,
            name="Kansai Components Europe",
            parent_company="関西部品株式会社",
            decision_path=DecisionPath.HEADQUARTERS,
            country="JP",
        )
        bare_corporate = Organization(kind=OrganizationKind.CORPORATE, name="Nihon Bare")
        deleted_corporate = Organization(
            kind=OrganizationKind.CORPORATE, name="Gone KK", status=ProfileStatus.DELETED
        )
        organizations = [full, empty, deleted, last, corporate, bare_corporate, deleted_corporate]
        db.session.add_all(organizations)
        db.session.flush()
        terms = [
            (full, "technologies", "robotics"),
            (last, "technologies", "iot"),
            (full, "industries", "manufacturing"),
            (corporate, "stages", "series_a"),
            (full, "technologies", "ai_machine_learning"),
            (deleted, "industries", "automotive"),
            (full, "languages", "ja"),
            (corporate, "stages", "seed"),
            (full, "partnership_types", "pilot"),
            (last, "languages", "en"),
            (full, "languages", "de"),
            (corporate, "industries", "automotive"),
            (full, "industries", "automotive"),
            (corporate, "languages", "ja"),
        ]
        db.session.add_all(
            OrganizationTerm(organization_id=owner.id, vocabulary=name, term_id=term)
            for owner, name, term in terms
        )
        needs = {
            "open": Need(organization=corporate, title="Predictive maintenance for plants"),
            "closed": Need(organization=corporate, title="Closed", status=NeedStatus.CLOSED),
            "bare": Need(organization=corporate, title="Open, no terms", description="Text"),
            "paused": Need(organization=corporate, title="Paused", status=NeedStatus.PAUSED),
            "pending": Need(
                organization=corporate,
                title="Wartung „vorausschauend“",
                review_status=ProfileStatus.PENDING,
            ),
            "deleted": Need(organization=deleted_corporate, title="Of a deleted company"),
        }
        db.session.add_all(needs.values())
        db.session.flush()
        need_terms = [
            ("pending", "technologies", "iot"),
            ("open", "partnership_types", "pilot"),
            ("closed", "technologies", "robotics"),
            ("open", "technologies", "predictive_maintenance"),
            ("deleted", "technologies", "iot"),
            ("open", "technologies", "iot"),
        ]
        db.session.add_all(
            NeedTerm(need_id=needs[need].id, vocabulary=name, term_id=term)
            for need, name, term in need_terms
        )
        db.session.commit()


def reference_exports(kind: OrganizationKind) -> tuple[str, str]:
    """CSV and JSONL as the exports wrote them from ORM objects, before they read plain rows:
    the format must not change."""
    organizations = db.session.scalars(
        sa.select(Organization)
        .where(Organization.kind == kind, Organization.status != ProfileStatus.DELETED)
        .order_by(Organization.id)
    ).all()
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(exchange.COLUMNS)
    lines = []
    for organization in organizations:
        cells = []
        for column in exchange.COLUMNS:
            if column in ("industries", "technologies", "partnership_types", "languages", "stages"):
                value = ";".join(organization.term_ids(column))
            else:
                value = getattr(organization, column)
                value = "" if value is None else str(getattr(value, "value", value))
            cells.append(
                "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value
            )
        writer.writerow(cells)
        record = {
            "id": str(organization.id),
            "kind": organization.kind.value,
            "name": organization.name,
            "description": organization.description,
            "offers": organization.offers,
            "seeks": organization.seeks,
            "industries": organization.term_ids("industries"),
            "technologies": organization.term_ids("technologies"),
            "country": organization.country,
            "city": organization.city,
            "founded": organization.founded_year,
            "team_size": organization.team_size,
            "languages": organization.term_ids("languages"),
            "partnership_types": organization.term_ids("partnership_types"),
            "stage": organization.stage or "",
        }
        if kind is OrganizationKind.CORPORATE:
            record["target_stages"] = organization.term_ids("stages")
            record["needs"] = [
                {
                    "id": str(need.id),
                    "title": need.title,
                    "description": need.description,
                    "technologies": need.term_ids("technologies"),
                    "partnership_types": need.term_ids("partnership_types"),
                }
                for need in organization.needs
                if need.status is NeedStatus.OPEN
            ]
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return output.getvalue(), "".join(lines)


@pytest.mark.parametrize("batch", [1, 2, 1000])
def test_exports_write_every_field_exactly_as_the_profiles_hold_it(app, monkeypatch, batch):
    # Small batches put an organisation's terms and needs in a later round trip than
    # those of the organisations before it.
    monkeypatch.setattr(exchange, "_EXPORT_BATCH", batch)
    export_world(app)
    with app.app_context():
        for kind in OrganizationKind:
            expected_csv, expected_jsonl = reference_exports(kind)
            assert exchange.export_csv(kind) == expected_csv
            assert "".join(exchange.export_jsonl(kind)) == expected_jsonl

        startups = exchange.export_csv(OrganizationKind.STARTUP).splitlines()
        assert len(startups) == 1 + 4  # the header, then three profiles over four lines
        assert startups[1].startswith('"Rheinwerk ""Ärger"", GmbH",https://rheinwerk.example,')
        assert ",'=SUM(A1:A9),'-40 % Ausschuss,de,2019,7,seed,'+Series A geplant,,," in startups[2]
        assert startups[2].endswith(
            ",manufacturing;automotive,robotics;ai_machine_learning,pilot,ja;de,,"
            "Lena Vogel,'@CEO,lena@rheinwerk.example,'+49 211 1234567"
        )
        assert startups[3] == "Harbor,,,,,,,en" + "," * 15
        assert startups[4] == "'\tTabbed,,,東京,,,,en,,0,,,,,,iot,,en,,,,,"
        [corporate, bare] = [
            json.loads(line) for line in exchange.export_jsonl(OrganizationKind.CORPORATE)
        ]
        assert corporate["target_stages"] == ["series_a", "seed"]
        assert [need["title"] for need in corporate["needs"]] == [
            "Predictive maintenance for plants",
            "Open, no terms",
            "Wartung „vorausschauend“",
        ]
        assert corporate["needs"][0]["technologies"] == ["predictive_maintenance", "iot"]
        assert bare["needs"] == [] and bare["target_stages"] == [] and bare["founded"] is None


def test_unknown_export_kind_is_not_found(client, staff):
    assert client.get("/staff/export/investor.csv").status_code == 404
    assert client.get("/staff/export/investor.jsonl").status_code == 404


# --- scale and access ----------------------------------------------------------------------


def test_ten_thousand_rows_plan_and_import(app, make_user):
    staff_id = make_user(Role.STAFF)
    make_user(Role.STARTUP, email="contact7@example.com", organization_name="Existing Co")
    rows = [
        {
            "name": f"Startup {number}",
            "website": f"https://startup{number}.example",
            "country": "DE",
            "city": "Düsseldorf",
            "description": f"We build predictive maintenance software, product line {number}.",
            "founded_year": str(2000 + number % 25),
            "industries": "manufacturing;automotive",
            "technologies": "iot;predictive_maintenance",
            "languages": "en;de",
            "contact_email": f"contact{number}@example.com",
        }
        for number in range(10_000)
    ]
    data = csv_bytes(rows)
    with app.test_request_context():
        started = time.perf_counter()
        plan = exchange.plan_import(data, OrganizationKind.STARTUP)
        planned = time.perf_counter()
        assert [(e.row, e.column) for e in plan.errors] == [(9, "contact_email")]

        plan = exchange.plan_import(
            data.replace(b"contact7@", b"someone7@"), OrganizationKind.STARTUP
        )
        assert plan.errors == [] and len(plan.rows) == 10_000
        imported_at = time.perf_counter()
        result = exchange.run_import(plan, db.session.get(User, staff_id), invite=False)
        finished = time.perf_counter()

        assert result.created == 10_000
        count = sa.select(sa.func.count())
        assert db.session.scalar(count.select_from(Organization)) == 10_001
        assert db.session.scalar(count.select_from(OrganizationTerm)) == 60_000
        last = db.session.get(Organization, result.organization_ids[-1])
        assert last.name == "Startup 9999" and last.status is ProfileStatus.APPROVED
        assert last.term_ids("technologies") == ["iot", "predictive_maintenance"]
        if db.engine.dialect.name == "postgresql":  # planner statistics know the new rows
            estimated = sa.text("SELECT reltuples FROM pg_class WHERE relname = 'organizations'")
            assert db.session.scalar(estimated) == 10_001
    print(f"\n10,000 rows: plan {planned - started:.2f}s, import {finished - imported_at:.2f}s")


EXCHANGE_PAGES = [
    ("get", "/staff/import"),
    ("post", "/staff/import"),
    ("get", "/staff/export/startup.csv"),
    ("get", "/staff/export/corporate.jsonl"),
]


@pytest.mark.parametrize(("method", "url"), EXCHANGE_PAGES)
@pytest.mark.parametrize("role", [Role.STARTUP, Role.CORPORATE])
def test_non_staff_users_are_forbidden(client, make_user, role, method, url):
    make_user(role, email="someone@example.com")
    client.login("someone@example.com")
    response = client.submit(url, {"kind": "startup"}) if method == "post" else client.get(url)
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "url"), EXCHANGE_PAGES)
def test_anonymous_users_are_sent_to_log_in(client, method, url):
    response = client.submit(url, {"kind": "startup"}) if method == "post" else client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


def test_admins_can_use_import_and_export(client, make_user):
    make_user(Role.ADMIN, email="admin@example.com")
    client.login("admin@example.com")
    page = client.get("/staff/import")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.get_data(as_text=True)
    assert client.get("/staff/export/startup.jsonl").status_code == 200


def test_importing_the_same_file_twice_creates_nothing_twice(app, client, staff):
    upload(client, csv_bytes(startup_rows()), invite=False)
    page = upload(client, csv_bytes(startup_rows()), invite=False).get_data(as_text=True)

    assert ("2", "name", "An organisation with this name is already on the platform.") in (
        error_rows(page)
    )
    assert len(organizations(app)) == 2


def test_a_cell_with_two_addresses_is_not_an_email(app, client, staff, outbox):
    rows = startup_rows()
    rows[0]["contact_email"] = "a@x.example, b@evil.example"
    page = upload(client, csv_bytes(rows)).get_data(as_text=True)

    assert ("2", "contact_email", "Enter a valid email address.") in error_rows(page)
    assert organizations(app) == []
    assert outbox() == []
