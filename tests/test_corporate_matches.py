"""A company's ranked startups per need: filters, sorting, save, not interested, profiles."""

from __future__ import annotations

import sqlalchemy as sa

from matchmaker.extensions import db
from matchmaker.models import (
    MarkKind,
    Match,
    NeedStartupMark,
    Organization,
    ProfileStatus,
    Role,
)
from matchmaker.services import introductions, profiles
from matchmaker.services.profiles import NeedData
from tests.factories import add_startup


def second_need(app, pair) -> int:
    with app.app_context():
        need = profiles.save_need(
            db.session.get(Organization, pair.corporate), NeedData(title="Fleet telematics")
        )
        need.review_status = ProfileStatus.APPROVED
        db.session.commit()
        return need.id


def test_ranked_startups_with_reasons_and_no_contacts(app, pair, client):
    client.login("yamada@kansai-auto.example")
    page = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert "VoltCell Robotics" in page
    assert "Both work on battery management" in page
    assert "lena@voltcell.example" not in page and "+49 211 1234567" not in page
    profile = client.get(f"/corporate/startups/{pair.startup}").get_data(as_text=True)
    assert "Battery management systems" in profile
    assert "lena@voltcell.example" not in profile and "Lena Vogel" not in profile


def test_reasons_follow_the_viewers_language(app, pair, client):
    with app.app_context():
        from matchmaker.models import User

        db.session.scalar(
            sa.select(User).where(User.email == "yamada@kansai-auto.example")
        ).locale = "ja"
        db.session.commit()
    client.login("yamada@kansai-auto.example")
    page = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert "両者ともバッテリーマネジメントに取り組んでいます" in page


def test_non_validated_startups_are_hidden_and_have_no_page(app, pair, make_user, client):
    hidden = add_startup(app, make_user, "Pending Power", 0.95, pair.need)
    with app.app_context():
        db.session.get(Organization, hidden).status = ProfileStatus.PENDING
        db.session.commit()
    client.login("yamada@kansai-auto.example")
    page = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert "Pending Power" not in page
    assert client.get(f"/corporate/startups/{hidden}").status_code == 404
    assert client.get(f"/corporate/startups/{pair.corporate}").status_code == 404


def test_filters_and_sorting(app, pair, make_user, client):
    add_startup(
        app, make_user, "Tokyo Sensors KK", 0.4, pair.need, country="JP", industries=("healthcare",)
    )
    client.login("yamada@kansai-auto.example")
    url = f"/corporate/needs/{pair.need}/matches"
    page = client.get(url).get_data(as_text=True)
    assert page.index("VoltCell Robotics") < page.index("Tokyo Sensors KK")
    page = client.get(url + "?country=JP").get_data(as_text=True)
    assert "Tokyo Sensors KK" in page and "VoltCell Robotics" not in page
    page = client.get(url + "?industry=automotive").get_data(as_text=True)
    assert "Tokyo Sensors KK" not in page and "VoltCell Robotics" in page
    page = client.get(url + "?industry=automotive&country=JP").get_data(as_text=True)
    assert "No startup matches these filters" in page
    assert client.get(url + "?sort=bogus&country=XX&page=abc").status_code == 200


def test_not_interested_hides_a_startup_for_that_need_only(app, pair, client):
    other_need = second_need(app, pair)
    with app.app_context():
        db.session.add_all(
            [
                # The second need ranks the same startup too.
                Match(
                    need_id=other_need,
                    startup_id=pair.startup,
                    score=0.7,
                    features={},
                    reasons={"en": ["Fleet data"]},
                    model_version="test",
                )
            ]
        )
        db.session.commit()
    client.login("yamada@kansai-auto.example")
    client.submit(
        f"/corporate/needs/{pair.need}/matches/{pair.startup}/mark",
        {f"mark{pair.startup}-kind": "not_interested"},
    )
    card = f'id="startup-{pair.startup}"'
    page = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert card not in page
    assert "1 startup hidden as not interesting." in page
    page = client.get(f"/corporate/needs/{other_need}/matches").get_data(as_text=True)
    assert card in page
    # The dashboard's best three per need leave it out for that need, too.
    page = client.get("/corporate/").get_data(as_text=True)
    assert page.count("VoltCell Robotics") == 1  # listed under the other need only
    # Staff do not get it proposed for that need either.
    with app.test_request_context():
        assert [m.startup_id for m in introductions.queue_candidates([pair.need])] == []
        assert [m.startup_id for m in introductions.queue_candidates([other_need])] == [
            pair.startup
        ]
    # The signal is kept, and can be undone.
    with app.app_context():
        mark = db.session.scalar(sa.select(NeedStartupMark))
        assert mark.kind is MarkKind.NOT_INTERESTED
    client.submit(f"/corporate/needs/{pair.need}/matches/restore")
    page = client.get(f"/corporate/needs/{pair.need}/matches").get_data(as_text=True)
    assert card in page


def test_saved_startups_can_be_listed_alone(app, pair, make_user, client):
    other = add_startup(app, make_user, "Second Cell", 0.5, pair.need)
    client.login("yamada@kansai-auto.example")
    client.submit(
        f"/corporate/needs/{pair.need}/matches/{other}/mark", {f"mark{other}-kind": "saved"}
    )
    page = client.get(f"/corporate/needs/{pair.need}/matches?saved=1").get_data(as_text=True)
    assert "Second Cell" in page and "VoltCell Robotics" not in page
    client.submit(
        f"/corporate/needs/{pair.need}/matches/{other}/mark", {f"mark{other}-kind": "clear"}
    )
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(NeedStartupMark)) == 0


def test_another_companys_need_is_not_found(app, pair, make_user, client):
    make_user(Role.CORPORATE, email="other@corp.example")
    client.login("other@corp.example")
    assert client.get(f"/corporate/needs/{pair.need}/matches").status_code == 404
    response = client.submit(
        f"/corporate/needs/{pair.need}/matches/{pair.startup}/mark",
        {f"mark{pair.startup}-kind": "not_interested"},
    )
    assert response.status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(NeedStartupMark)) == 0


def test_startups_see_open_needs_anonymised_unless_the_company_allows_its_name(app, pair, client):
    client.login("lena@voltcell.example")
    page = client.get("/startup/needs").get_data(as_text=True)
    assert "Battery management" in page
    assert "A Japanese company" in page and "Kansai Auto Europe" not in page
    with app.app_context():
        db.session.get(Organization, pair.corporate).is_name_public = True
        db.session.commit()
    page = client.get("/startup/needs").get_data(as_text=True)
    assert "Kansai Auto Europe" in page
    assert "yamada@kansai-auto.example" not in page


def test_requesting_from_the_filtered_list_returns_to_it(app, pair, client):
    client.login("yamada@kansai-auto.example")
    back = f"/corporate/needs/{pair.need}/matches?industry=automotive"
    response = client.submit(
        f"/introductions/request/{pair.need}/{pair.startup}",
        {f"request{pair.startup}-message": "", "back": back},
    )
    assert response.headers["Location"] == back
    response = client.submit(
        f"/introductions/request/{pair.need}/{pair.startup}", {"back": "https://evil.example/"}
    )
    assert response.headers["Location"].startswith("/corporate/")
