"""Owners edit profiles and needs; the staff validation gate; completeness; logos; privacy."""

import io
import json

import pytest
from PIL import Image

from matchmaker.models import NeedStatus, ProfileStatus, Role, TimeHorizon
from matchmaker.services.profiles import is_substantial_change
from tests.conftest import PASSWORD
from tests.factories import STARTUP_PROFILE, add_need, give_profile, need_state, org_state

CORPORATE_PROFILE = {
    "name": "Kansai Precision Europe GmbH",
    "parent_company": "Kansai Precision Co., Ltd.",
    "website": "https://kansai-precision.example",
    "country": "DE",
    "city": "Duesseldorf",
    "description": "European subsidiary of a Japanese maker of precision presses and servo drives.",
    "offers": "Test lines in our plants, distribution through our customer network.",
    "decision_path": "headquarters",
    "industries": ["manufacturing"],
    "languages": ["en", "ja"],
    "stages": ["seed", "series_a"],
    "contact_name": "Kenji Tanaka",
    "contact_email": "tanaka@kansai.example",
}


@pytest.fixture
def startup(client, make_user):
    user_id = make_user(Role.STARTUP, email="lena@example.com")
    client.login("lena@example.com")
    return user_id


@pytest.fixture
def corporate(client, make_user):
    user_id = make_user(Role.CORPORATE, email="kenji@example.com")
    client.login("kenji@example.com")
    return user_id


def org_id(app, user_id):
    from tests.factories import organization_of

    return organization_of(app, user_id).id


def test_startup_saves_full_profile_and_it_goes_to_review(app, client, startup):
    response = client.submit("/profile/edit", STARTUP_PROFILE)
    assert response.status_code == 302

    state = org_state(app, org_id(app, startup))
    assert state["status"] is ProfileStatus.PENDING
    assert state["name"] == "VoltCell Robotics GmbH"
    assert state["founded_year"] == 2021
    assert state["stage"] == "seed"
    assert state["text_language"] == "en"
    assert state["industries"] == ["automotive", "energy"]
    assert state["partnership_types"] == ["pilot", "joint_development"]
    assert state["contact_phone"] == "+49 211 1234567"
    page = client.get("/startup/").get_data(as_text=True)
    assert "Waiting for review" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "V"}, "between 2 and 200"),
        ({"website": "voltcell"}, "https://"),
        ({"website": "javascript:alert(1)"}, "https://"),
        ({"founded_year": "1700"}, "Enter a year between 1800 and 2100."),
        ({"founded_year": "next year"}, "Not a valid integer"),
        ({"team_size": "0"}, "Enter a number of people, at least 1."),
        ({"description": "short"}, "between 20 and 5000"),
        ({"description": "x" * 5001}, "between 20 and 5000"),
        ({"industries": ["automotive", "not_an_industry"]}, "is not a valid choice"),
        ({"stage": "unicorn"}, "Not a valid choice"),
        ({"country": "XX"}, "Not a valid choice"),
        ({"contact_email": "lena-at-voltcell"}, "Invalid email address"),
        ({"text_language": "fr"}, "Not a valid choice"),
    ],
)
def test_invalid_profile_input_re_renders_with_error_and_changes_nothing(
    app, client, startup, changes, message
):
    before = org_state(app, org_id(app, startup))
    response = client.submit("/profile/edit", {**STARTUP_PROFILE, **changes})

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert org_state(app, org_id(app, startup)) == before


def test_html_in_profile_text_is_shown_escaped(app, client, startup, make_user):
    client.submit("/profile/edit", {**STARTUP_PROFILE, "description": "<b>bold</b> " * 5})
    make_user(Role.STAFF, email="staff@example.com")
    client.logout()
    client.login("staff@example.com")
    page = client.get(f"/staff/organizations/{org_id(app, startup)}").get_data(as_text=True)
    assert "<b>bold</b>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_corporate_profile_and_japanese_need(app, client, corporate):
    assert client.submit("/profile/edit", CORPORATE_PROFILE).status_code == 302
    state = org_state(app, org_id(app, corporate))
    assert state["decision_path"].value == "headquarters"
    assert state["parent_company"] == "Kansai Precision Co., Ltd."
    with app.app_context():
        from matchmaker.extensions import db as database
        from matchmaker.models import Organization

        company = database.session.get(Organization, org_id(app, corporate))
        assert company.term_ids("stages") == ["seed", "series_a"]
    assert "Startup stages you work with" in client.get("/profile/edit").get_data(as_text=True)

    response = client.submit(
        "/corporate/needs/new",
        {
            "title": "プレス機の予知保全",
            "description": "工場のプレス機の故障を事前に検知するセンサーとAIを探しています。",
            "time_horizon": "now",
            "technologies": ["predictive_maintenance", "iot"],
            "partnership_types": ["pilot"],
        },
    )
    assert response.status_code == 302
    page = client.get("/corporate/").get_data(as_text=True)
    assert "プレス機の予知保全" in page
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Need

        need = db.session.scalar(db.select(Need))
        assert need.text_language == "ja"
        assert need.review_status is ProfileStatus.PENDING
        assert need.time_horizon is TimeHorizon.NOW
        assert need.term_ids("technologies") == ["predictive_maintenance", "iot"]


def test_owner_can_correct_the_detected_language(app, client, corporate):
    client.submit(
        "/corporate/needs/new",
        {
            "title": "Wartung",
            "description": "A need written in English words.",
            "text_language": "de",
            "time_horizon": "soon",
        },
    )
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Need

        assert db.session.scalar(db.select(Need)).text_language == "de"


def test_startups_have_no_needs_area(client, startup):
    assert client.get("/corporate/needs/new").status_code == 403


def test_another_organisations_need_is_not_found(app, client, make_user, corporate):
    other = make_user(Role.CORPORATE, email="other@example.com")
    foreign_need = add_need(app, other)

    assert client.get(f"/corporate/needs/{foreign_need}/edit").status_code == 404
    response = client.submit(
        f"/corporate/needs/{foreign_need}/edit",
        {"title": "Hijacked", "description": "x" * 30, "time_horizon": "now"},
    )
    assert response.status_code == 404
    assert (
        client.submit(
            f"/corporate/needs/{foreign_need}/status", {f"need{foreign_need}-status": "closed"}
        ).status_code
        == 404
    )
    assert need_state(app, foreign_need)["title"] == "Predictive maintenance"
    assert need_state(app, foreign_need)["status"] is NeedStatus.OPEN


def test_owner_pauses_and_closes_a_need(app, client, corporate):
    need_id = add_need(app, corporate)
    field = f"need{need_id}-status"
    client.submit(f"/corporate/needs/{need_id}/status", {field: "paused"})
    assert need_state(app, need_id)["status"] is NeedStatus.PAUSED
    assert '<option selected value="paused">' in client.get("/corporate/").get_data(as_text=True)

    response = client.submit(f"/corporate/needs/{need_id}/status", {field: "gone"})
    assert response.status_code == 302
    assert need_state(app, need_id)["status"] is NeedStatus.PAUSED


def test_completeness_tells_what_is_missing_and_why(client, startup):
    page = client.get("/startup/").get_data(as_text=True)
    assert "Completeness" in page
    assert "What you offer" in page
    assert "Matched against what Japanese companies seek." in page
    client.submit("/profile/edit", STARTUP_PROFILE)
    page = client.get("/startup/").get_data(as_text=True)
    assert "<strong>100 %</strong>" in page


# --- the validation gate ---------------------------------------------------------------


@pytest.fixture
def staff_client(app, make_user):
    from tests.conftest import Client

    make_user(Role.STAFF, email="staff@example.com")
    app.test_client_class = Client
    staff = app.test_client()
    staff.login("staff@example.com")
    return staff


def review(staff_client, organization_id, action, comment=""):
    return staff_client.submit(
        f"/staff/organizations/{organization_id}/review", {"action": action, "comment": comment}
    )


def test_staff_approve_then_substantial_edit_needs_review_again(app, client, startup, staff_client):
    client.submit("/profile/edit", STARTUP_PROFILE)
    organization_id = org_id(app, startup)
    review(staff_client, organization_id, "approve")
    state = org_state(app, organization_id)
    assert state["status"] is ProfileStatus.APPROVED
    assert state["reviewed_at"] is not None

    # A typo fix keeps the approval.
    client.submit("/profile/edit", {**STARTUP_PROFILE, "offers": STARTUP_PROFILE["offers"] + "!"})
    assert org_state(app, organization_id)["status"] is ProfileStatus.APPROVED

    # A new web address does not: visitors of the other side follow it.
    client.submit("/profile/edit", {**STARTUP_PROFILE, "website": "https://voltce1l.example"})
    assert org_state(app, organization_id)["status"] is ProfileStatus.PENDING
    review(staff_client, organization_id, "approve")

    # A rewrite goes back to staff.
    client.submit(
        "/profile/edit",
        {**STARTUP_PROFILE, "description": "We now sell crypto trading bots to retail investors."},
    )
    assert org_state(app, organization_id)["status"] is ProfileStatus.PENDING


def drift(start: str, end: str) -> list[str]:
    """Texts from `start` to `end`, a word at a time: each a small edit of the one before."""
    old, new = start.split(), end.split()
    steps = [" ".join(new[:count] + old[count:]) for count in range(1, max(len(old), len(new)))]
    return [*steps, end]


def first_edit_sent_back(start, texts, save, pending, reviewed=lambda text: text) -> int | None:
    """Save `texts` one after another, each checked to be a small edit of the one before
    (as staff review it: `reviewed`), until one goes back to staff; its index, or None."""
    before = start
    for index, text in enumerate(texts):
        assert not is_substantial_change(reviewed(before), reviewed(text))
        save(text)
        if pending():
            return index
        before = text
    return None


def test_many_small_edits_add_up_and_go_back_to_staff(app, client, startup, staff_client):
    client.submit("/profile/edit", STARTUP_PROFILE)
    organization_id = org_id(app, startup)
    review(staff_client, organization_id, "approve")
    rewrite = "We now sell crypto trading bots and signals to retail investors in many countries."
    texts = drift(STARTUP_PROFILE["description"], rewrite)
    caught = first_edit_sent_back(
        STARTUP_PROFILE["description"],
        texts,
        save=lambda text: client.submit("/profile/edit", {**STARTUP_PROFILE, "description": text}),
        pending=lambda: org_state(app, organization_id)["status"] is ProfileStatus.PENDING,
    )
    # Each save alone was a small edit, but together they are a rewrite of what staff
    # approved, caught well before its end.
    assert caught is not None, "the profile was rewritten a word at a time and stayed approved"
    assert caught < len(texts) - 1
    text = texts[caught]

    # Once staff approve the new text, small edits are measured against that one.
    review(staff_client, organization_id, "approve")
    client.submit("/profile/edit", {**STARTUP_PROFILE, "description": text + " Since 2021."})
    assert org_state(app, organization_id)["status"] is ProfileStatus.APPROVED


def test_many_small_edits_of_a_need_add_up_and_go_back_to_staff(
    app, client, corporate, staff_client
):
    start = "Sensors for presses in our plants, to see failures coming."
    give_profile(app, corporate)
    need_id = add_need(app, corporate, status=ProfileStatus.PENDING, description=start)
    staff_client.submit(f"/staff/needs/{need_id}/review", {f"need{need_id}-action": "approve"})
    assert need_state(app, need_id)["review_status"] is ProfileStatus.APPROVED
    texts = drift(start, "Marketing leads and social media advertising for our consumer brands.")
    caught = first_edit_sent_back(
        start,
        texts,
        save=lambda text: client.submit(
            f"/corporate/needs/{need_id}/edit",
            {"title": "Predictive maintenance", "description": text, "time_horizon": "soon"},
        ),
        pending=lambda: need_state(app, need_id)["review_status"] is ProfileStatus.PENDING,
        reviewed=lambda text: f"Predictive maintenance\n{text}",
    )
    assert caught is not None, "the need was rewritten a word at a time and stayed approved"
    assert caught < len(texts) - 1


def test_staff_send_back_with_comment_which_owner_sees(app, client, startup, staff_client):
    client.submit("/profile/edit", STARTUP_PROFILE)
    organization_id = org_id(app, startup)

    refused = review(staff_client, organization_id, "changes", "")
    assert org_state(app, organization_id)["status"] is ProfileStatus.PENDING
    assert refused.status_code == 302

    review(staff_client, organization_id, "changes", "Please describe your customers.")
    assert org_state(app, organization_id)["status"] is ProfileStatus.CHANGES_REQUESTED
    assert "Please describe your customers." in client.get("/startup/").get_data(as_text=True)

    client.submit("/profile/edit", STARTUP_PROFILE)
    assert org_state(app, organization_id)["status"] is ProfileStatus.PENDING


def test_suspension_survives_owner_edits(app, client, startup, staff_client):
    client.submit("/profile/edit", STARTUP_PROFILE)
    organization_id = org_id(app, startup)
    review(staff_client, organization_id, "suspend", "Spam")
    client.submit("/profile/edit", {**STARTUP_PROFILE, "description": "Totally new text " * 5})
    assert org_state(app, organization_id)["status"] is ProfileStatus.SUSPENDED


def test_owners_cannot_review(app, client, startup):
    client.submit("/profile/edit", STARTUP_PROFILE)
    assert review(client, org_id(app, startup), "approve").status_code == 403
    assert org_state(app, org_id(app, startup))["status"] is ProfileStatus.PENDING


def test_staff_review_a_need(app, corporate, staff_client):
    give_profile(app, corporate)
    need_id = add_need(app, corporate, status=ProfileStatus.PENDING)
    organization_id = org_id(app, corporate)
    page = staff_client.get("/staff/").get_data(as_text=True)
    assert "Predictive maintenance" in page

    staff_client.submit(f"/staff/needs/{need_id}/review", {f"need{need_id}-action": "approve"})
    assert need_state(app, need_id)["review_status"] is ProfileStatus.APPROVED
    assert staff_client.get(f"/staff/organizations/{organization_id}").status_code == 200


def test_unvalidated_profile_is_invisible_to_the_other_side(app, client, startup, make_user):
    client.submit("/profile/edit", STARTUP_PROFILE)
    client.submit(
        "/profile/logo",
        {"logo": (io.BytesIO(png_bytes()), "logo.png")},
        content_type="multipart/form-data",
    )
    logo_url = f"/logos/{org_id(app, startup)}.png"
    assert client.get(logo_url).status_code == 200  # the owner sees it

    from tests.conftest import Client

    make_user(Role.CORPORATE, email="kenji@example.com")
    app.test_client_class = Client
    other = app.test_client()
    other.login("kenji@example.com")
    assert other.get(logo_url).status_code == 404

    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Organization

        db.session.get(Organization, org_id(app, startup)).status = ProfileStatus.APPROVED
        db.session.commit()
    assert other.get(logo_url).status_code == 200


# --- logos ------------------------------------------------------------------------------


def png_bytes(size=(800, 600), image_format="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(client, data: bytes, name: str):
    return client.submit(
        "/profile/logo",
        {"logo": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_logo_is_re_encoded_and_bounded(app, client, startup, image_format):
    response = upload(client, png_bytes(image_format=image_format), f"logo.{image_format.lower()}")
    assert "Logo saved." in response.get_data(as_text=True)
    stored = org_state(app, org_id(app, startup))["logo"]
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG"
        assert max(image.size) <= 512


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"GIF89a not really", "logo.gif", "PNG, JPEG or WebP"),
        (b"\x89PNG\r\n\x1a\n broken", "logo.png", "not an image we can read"),
        (b"<svg onload=alert(1)>", "logo.png", "not an image we can read"),
        (b"0" * (2 * 1024 * 1024 + 1), "logo.png", "at most 2 MB"),
    ],
)
def test_bad_logo_is_refused(app, client, startup, data, name, message):
    response = upload(client, data, name)
    assert message in response.get_data(as_text=True)
    assert org_state(app, org_id(app, startup))["logo"] is None


# --- privacy ----------------------------------------------------------------------------


def test_data_download_contains_account_and_profile(client, startup):
    client.submit("/profile/edit", STARTUP_PROFILE)
    response = client.get("/profile/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "lena@example.com"
    assert data["organization"]["name"] == "VoltCell Robotics GmbH"
    assert data["organization"]["contact_email"] == "lena@voltcell.example"
    assert data["organization"]["industries"] == ["automotive", "energy"]


def test_a_companys_data_download_holds_its_needs_and_what_staff_approved(
    client, corporate, app, staff_client
):
    give_profile(app, corporate)
    need_id = add_need(app, corporate, status=ProfileStatus.PENDING, technologies=("iot",))
    staff_client.submit(f"/staff/needs/{need_id}/review", {f"need{need_id}-action": "approve"})

    data = json.loads(client.get("/profile/data.json").get_data(as_text=True))

    [need] = data["organization"]["needs"]
    assert need["title"] == "Predictive maintenance"
    assert need["technologies"] == ["iot"]
    assert need["approved_text"] == "Predictive maintenance\nSensors for presses."


def test_delete_account_removes_personal_data_and_login(app, client, startup, staff_client):
    client.submit("/profile/edit", STARTUP_PROFILE)
    organization_id = org_id(app, startup)
    review(staff_client, organization_id, "approve")  # keeps a copy of the approved text

    wrong = client.submit("/profile/delete", {"password": "not mine!!", "understood": "y"})
    assert "password is not correct" in wrong.get_data(as_text=True)
    assert org_state(app, organization_id)["status"] is ProfileStatus.APPROVED

    response = client.submit("/profile/delete", {"password": PASSWORD, "understood": "y"})
    assert response.status_code == 302
    state = org_state(app, organization_id)
    assert state["status"] is ProfileStatus.DELETED
    assert state["contact_email"] == state["description"] == ""
    assert "VoltCell" not in state["name"]
    assert client.get("/startup/").status_code == 302
    assert client.login("lena@example.com").status_code == 200  # refused
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import User

        user = db.session.get(User, startup)
        assert user.email.endswith("@deleted.invalid")
        assert not user.is_active
        assert user.organization.approved_text is None


def test_deleting_a_company_clears_its_needs_approved_texts(app, client, corporate, staff_client):
    give_profile(app, corporate)
    need_id = add_need(app, corporate, status=ProfileStatus.PENDING)
    staff_client.submit(f"/staff/needs/{need_id}/review", {f"need{need_id}-action": "approve"})
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Need

        assert (
            db.session.get(Need, need_id).approved_text
            == "Predictive maintenance\nSensors for presses."
        )

    client.submit("/profile/delete", {"password": PASSWORD, "understood": "y"})

    with app.app_context():
        need = db.session.get(Need, need_id)
        assert need.approved_text is None
        assert "Predictive" not in need.title


def test_corporate_logo_is_shown_to_startups_only_when_its_name_is_public(
    app, client, corporate, make_user
):
    from tests.conftest import Client

    client.submit("/profile/edit", CORPORATE_PROFILE)
    client.submit(
        "/profile/logo",
        {"logo": (io.BytesIO(png_bytes()), "logo.png")},
        content_type="multipart/form-data",
    )
    organization_id = org_id(app, corporate)
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Organization

        db.session.get(Organization, organization_id).status = ProfileStatus.APPROVED
        db.session.commit()
    viewer_id = make_user(Role.STARTUP, email="viewer@example.com")
    give_profile(app, viewer_id)
    app.test_client_class = Client
    viewer = app.test_client()
    viewer.login("viewer@example.com")
    assert viewer.get(f"/logos/{organization_id}.png").status_code == 404

    client.submit("/profile/edit", {**CORPORATE_PROFILE, "is_name_public": "y"})
    assert org_state(app, organization_id)["status"] is ProfileStatus.APPROVED
    assert viewer.get(f"/logos/{organization_id}.png").status_code == 200


def test_saving_the_form_keeps_values_the_form_does_not_show(app, client, corporate):
    organization_id = org_id(app, corporate)
    with app.app_context():
        from matchmaker.extensions import db
        from matchmaker.models import Organization

        organization = db.session.get(Organization, organization_id)
        organization.founded_year = 1950  # e.g. from a CSV import
        organization.team_size = 300
        db.session.commit()

    client.submit("/profile/edit", {**CORPORATE_PROFILE, "seeks": "Battery startups for pilots."})

    state = org_state(app, organization_id)
    assert state["founded_year"] == 1950
    assert state["team_size"] == 300
    assert state["seeks"] == "Battery startups for pilots."


def test_owner_removes_the_logo(app, client, startup):
    upload(client, png_bytes(), "logo.png")
    assert org_state(app, org_id(app, startup))["logo"] is not None

    response = client.submit("/profile/logo/remove", follow_redirects=True)

    assert "Logo removed." in response.get_data(as_text=True)
    assert org_state(app, org_id(app, startup))["logo"] is None
    assert client.get(f"/logos/{org_id(app, startup)}.png").status_code == 404


def test_a_new_unsaved_organisation_can_be_given_a_profile(app):
    from matchmaker.extensions import db
    from matchmaker.models import Organization, OrganizationKind
    from matchmaker.services import profiles
    from matchmaker.services.profiles import ProfileData

    with app.app_context():
        organization = Organization(name="Fresh GmbH", kind=OrganizationKind.STARTUP)
        db.session.add(organization)
        profiles.update_profile(
            organization, ProfileData(name="Fresh GmbH", description="We make batteries.")
        )
        assert organization.description == "We make batteries."
