"""The everyday flows of both sides in the browser (issue #6): a Japanese company works
through the startups ranked for its need with the interface in Japanese, and a startup
answers a proposal and looks at what companies are looking for (in English)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import expect

from matchmaker.extensions import db
from matchmaker.models import Need, NeedStatus, Organization, ProfileStatus, Role, User
from matchmaker.services import introductions, profiles
from matchmaker.services.profiles import NeedData, ProfileData
from tests.browser.conftest import log_in, screenshot
from tests.factories import (
    PAIR_CORPORATE_PROFILE,
    PAIR_STARTUP_PROFILE,
    give_profile,
    store_match,
    validated_organization,
)

CORPORATE_LOGIN = "sato@nihon-press.example"
NEED = "Predictive maintenance for our press lines"


@dataclass(frozen=True)
class RankedStartup:
    name: str
    country: str
    city: str
    industry: str
    stage: str
    score: float

    @property
    def contact_email(self) -> str:
        return f"partnering@{self.name.lower().replace(' ', '-')}.example"

    @property
    def reasons(self) -> dict[str, str]:
        """Why it fits, one reason per language, as the matcher stores them."""
        return REASONS[self.name]


# Best first: the order the ranked list shows them in.
RANKED = (
    RankedStartup("Rhein Sensorik", "DE", "Duesseldorf", "manufacturing", "seed", 0.93),
    RankedStartup("Amstel Vision", "NL", "Amsterdam", "logistics_supply_chain", "series_a", 0.86),
    RankedStartup("Lyon Predict", "FR", "Lyon", "machinery_plant_engineering", "pre_seed", 0.78),
    RankedStartup("VoltCell Robotics", "DE", "Duesseldorf", "automotive", "seed", 0.71),
    RankedStartup("Donau Analytics", "AT", "Vienna", "energy", "series_b_plus", 0.64),
)
REASONS = {
    "Rhein Sensorik": {
        "en": "Vibration sensors for press lines",
        "de": "Vibrationssensoren für Pressenlinien",
        "ja": "プレスラインの振動センサーを開発",
    },
    "Amstel Vision": {
        "en": "Camera inspection of stamped parts",
        "de": "Kameraprüfung von Stanzteilen",
        "ja": "プレス部品のカメラ検査に強み",
    },
    "Lyon Predict": {
        "en": "Predictive maintenance software for machine tools",
        "de": "Vorausschauende Wartung für Werkzeugmaschinen",
        "ja": "工作機械の予知保全ソフトウェア",
    },
    "VoltCell Robotics": {
        "en": "Condition monitoring of electric drives",
        "de": "Zustandsüberwachung elektrischer Antriebe",
        "ja": "電動ドライブの状態監視",
    },
    "Donau Analytics": {
        "en": "Energy data from factory floors",
        "de": "Energiedaten aus der Fertigung",
        "ja": "工場のエネルギーデータを分析",
    },
}
# Ranked above everyone, but its profile still waits for the Japan Desk's review.
UNVALIDATED = "Schatten Labs"
# Both Japanese texts go on in full-width parentheses, which ruff flags as confusable
# (RUF001); the first words are unique on their pages.
RANKED_LIST_LINK = "順位付けされたすべてのスタートアップ"
REQUESTED_BADGE = "依頼済み"


def set_up_ranked_need(app, make_user) -> None:
    """A validated company with one approved need, the five startups of RANKED stored for
    it with their reasons, and an unvalidated startup stored above them all."""
    corporate_user = make_user(
        Role.CORPORATE, email=CORPORATE_LOGIN, organization_name="Nihon Press Europe"
    )
    corporate = validated_organization(
        app,
        corporate_user,
        ProfileData(
            name="Nihon Press Europe",
            description="European office of a Japanese maker of servo presses.",
            industries=("manufacturing",),
            languages=("ja", "en"),
            contact_name="Sato Hiroshi",
            contact_email="partnering@nihon-press.example",
        ),
    )
    with app.test_request_context():
        need = profiles.save_need(
            db.session.get(Organization, corporate),
            NeedData(
                title=NEED, description="Sensors and software that warn before a press fails."
            ),
        )
        need.review_status = ProfileStatus.APPROVED
        db.session.commit()
        need_id = need.id
    for startup in RANKED:
        user = make_user(Role.STARTUP, organization_name=startup.name)
        startup_id = validated_organization(
            app,
            user,
            ProfileData(
                name=startup.name,
                description=f"{startup.name} builds monitoring for industrial machines.",
                offers="Sensors, software and pilot installations.",
                city=startup.city,
                country=startup.country,
                stage=startup.stage,
                founded_year=2020,
                team_size=12,
                industries=(startup.industry,),
                languages=("en", "de"),
                contact_name=f"Head of {startup.name}",
                contact_email=startup.contact_email,
                contact_phone="+49 211 5550100",
            ),
        )
        reasons = {lang: [reason] for lang, reason in startup.reasons.items()}
        store_match(app, need_id, startup_id, startup.score, reasons)
    hidden_user = make_user(Role.STARTUP, organization_name=UNVALIDATED)
    hidden = give_profile(app, hidden_user, status=ProfileStatus.PENDING, country="DE")
    store_match(app, need_id, hidden, 0.99, {"en": ["Not validated"], "ja": ["未承認"]})


def ranked_names(page):
    """The startups' names in the order the ranked list shows them."""
    return page.get_by_role("main").get_by_role("heading", level=2).get_by_role("link")


def startup_card(page, name: str):
    # One list item per startup; its reasons are list items too, but without a heading.
    return page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=name))


def test_corporate_works_through_its_ranked_startups_in_japanese(app, page, make_user):
    set_up_ranked_need(app, make_user)
    names = [startup.name for startup in RANKED]

    log_in(page, CORPORATE_LOGIN)
    expect(page.get_by_text("Company dashboard")).to_be_visible()
    page.get_by_role("form", name="Language").get_by_role("button", name="日本語").click()
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.get_by_text("企業ダッシュボード")).to_be_visible()
    expect(page.get_by_role("heading", name="貴社のニーズ")).to_be_visible()
    expect(page.get_by_role("button", name="日本語")).to_have_attribute("aria-current", "true")

    # The dashboard shows the best three, reasons in Japanese, never the unvalidated one.
    need_card = page.locator(".card", has=page.get_by_role("heading", name=NEED))
    expect(
        need_card.get_by_role("heading", name="このニーズに最適なスタートアップ")
    ).to_be_visible()
    best = need_card.get_by_role("list").first.get_by_role("link")
    expect(best).to_have_text(names[:3])
    expect(need_card).to_contain_text(RANKED[0].reasons["ja"])
    expect(need_card).not_to_contain_text(RANKED[0].reasons["en"])
    expect(page.get_by_role("main")).not_to_contain_text(UNVALIDATED)

    # The full ranked list: every validated startup, best first, the reasons in Japanese.
    need_card.get_by_role("link", name=RANKED_LIST_LINK).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"「{NEED}」に合うスタートアップ")
    expect(ranked_names(page)).to_have_text(names)
    for startup in RANKED:
        card = startup_card(page, startup.name)
        expect(card).to_contain_text(startup.reasons["ja"])
        expect(card).not_to_contain_text(startup.reasons["en"])
    expect(page.get_by_role("main")).not_to_contain_text(UNVALIDATED)
    screenshot(page, "corporate-matches-ja")

    # Filter by country (the country names are Japanese too), then take the filter back.
    filters = page.locator("form", has=page.get_by_role("button", name="適用"))
    filters.get_by_label("国", exact=True).select_option(label="ドイツ")
    filters.get_by_role("button", name="適用").click()
    expect(ranked_names(page)).to_have_text(["Rhein Sensorik", "VoltCell Robotics"])
    filters.get_by_label("国", exact=True).select_option(label="すべて")
    filters.get_by_role("button", name="適用").click()
    expect(ranked_names(page)).to_have_text(names)

    # Save one: it is marked and is all the "saved only" view shows.
    startup_card(page, "Rhein Sensorik").get_by_role("button", name="保存", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        "Rhein Sensorik をこのニーズ向けに保存しました。"
    )
    saved = startup_card(page, "Rhein Sensorik")
    expect(saved.get_by_text("保存済み", exact=True)).to_be_visible()
    expect(saved.get_by_role("button", name="保存を解除")).to_be_visible()
    filters.get_by_label("表示", exact=True).select_option(label="保存済みのみ")
    filters.get_by_role("button", name="適用").click()
    expect(ranked_names(page)).to_have_text(["Rhein Sensorik"])
    filters.get_by_label("表示", exact=True).select_option(label="すべて")
    filters.get_by_role("button", name="適用").click()
    expect(ranked_names(page)).to_have_text(names)

    # Dismiss one: it leaves this need's list, and the page says one is hidden.
    startup_card(page, "Lyon Predict").get_by_role("button", name="関心なし").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Lyon Predict をこのニーズの一覧から非表示にしました。"
    )
    expect(ranked_names(page)).to_have_text([name for name in names if name != "Lyon Predict"])
    expect(page.get_by_text("関心なしとして非表示にしたスタートアップ：1社")).to_be_visible()
    expect(page.get_by_role("button", name="再表示する")).to_be_visible()

    # A startup's public profile, without its contact person.
    amstel = RANKED[1]
    page.get_by_role("link", name=amstel.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(amstel.name)
    main = page.get_by_role("main")
    expect(main).to_contain_text("説明")
    expect(main).to_contain_text("連絡先は、スタートアップと貴社の双方がジャパンデスクを通じた")
    for private in (f"Head of {amstel.name}", amstel.contact_email, "+49 211 5550100"):
        expect(main).not_to_contain_text(private)

    # Back in the list, ask the Japan Desk for an introduction, with a message.
    page.go_back()
    card = startup_card(page, amstel.name)
    card.locator("summary", has_text="ご紹介を依頼").click()
    request_form = card.locator("form", has=page.get_by_role("button", name="ご紹介を依頼"))
    request_form.get_by_label("ジャパンデスクへの補足事項").fill(
        "展示会でお会いしました。プレス部品の検査について相談したいです。"
    )
    request_form.get_by_role("button", name="ご紹介を依頼").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"ご依頼を送信しました。ジャパンデスクが {amstel.name} について確認いたします。"
    )
    # Back on the same list, where the startup now shows the request's state.
    expect(startup_card(page, amstel.name).get_by_text(REQUESTED_BADGE)).to_be_visible()
    page.get_by_role("link", name="ダッシュボード", exact=True).first.click()
    expect(page.get_by_text("企業ダッシュボード")).to_be_visible()
    row = need_card.get_by_role("listitem").filter(has_text=amstel.name)
    expect(row.get_by_text(REQUESTED_BADGE)).to_be_visible()
    screenshot(page, "corporate-dashboard-ja")

    need_card.get_by_role("link", name=RANKED_LIST_LINK).click()
    card = startup_card(page, amstel.name)
    expect(card.get_by_text(REQUESTED_BADGE)).to_be_visible()
    expect(card.locator("summary", has_text="ご紹介を依頼")).to_have_count(0)


# --- the startup's side --------------------------------------------------------------------

STARTUP_LOGIN = "lena@voltcell.example"
PRIVATE_COMPANY = PAIR_CORPORATE_PROFILE.name
PRIVATE_NEED = "Battery management for delivery vans"
PUBLIC_COMPANY = "Rhein-Nippon Chemicals"
PUBLIC_NEED = "Recycling of lithium-ion cells"
PAUSED_NEED = "Fleet telematics"


def set_up_proposal(app, make_user) -> None:
    """A company that keeps its name private, staff approved a pair with VoltCell (so the
    startup is asked first); another company shows its name beside its need."""
    staff = make_user(Role.STAFF, email="anna@japandesk.example")
    startup_user = make_user(
        Role.STARTUP, email=STARTUP_LOGIN, organization_name=PAIR_STARTUP_PROFILE.name
    )
    startup = validated_organization(app, startup_user, PAIR_STARTUP_PROFILE)
    private = validated_organization(
        app, make_user(Role.CORPORATE, organization_name=PRIVATE_COMPANY), PAIR_CORPORATE_PROFILE
    )
    public = validated_organization(
        app,
        make_user(Role.CORPORATE, organization_name=PUBLIC_COMPANY),
        ProfileData(
            name=PUBLIC_COMPANY,
            description="Chemicals for battery makers, from a Japanese group.",
            industries=("chemicals",),
            is_name_public=True,
        ),
    )
    with app.test_request_context():
        needs = {}
        for company, title, status in (
            (private, PRIVATE_NEED, NeedStatus.OPEN),
            (private, PAUSED_NEED, NeedStatus.PAUSED),
            (public, PUBLIC_NEED, NeedStatus.OPEN),
        ):
            need = profiles.save_need(
                db.session.get(Organization, company),
                NeedData(title=title, description=f"{title}: partners for a pilot in Europe."),
            )
            need.review_status = ProfileStatus.APPROVED
            need.status = status
            db.session.commit()
            needs[title] = need.id
    store_match(app, needs[PRIVATE_NEED], startup, 0.82)
    with app.test_request_context():
        introductions.approve_pair(
            db.session.get(Need, needs[PRIVATE_NEED]),
            db.session.get(Organization, startup),
            db.session.get(User, staff),
        )


def test_startup_answers_a_proposal_and_browses_the_needs(app, page, make_user):
    set_up_proposal(app, make_user)

    log_in(page, STARTUP_LOGIN)
    expect(page.get_by_text("Startup dashboard")).to_be_visible()
    proposals = page.get_by_role("region", name="Introductions")
    expect(proposals).to_contain_text("1 proposal is waiting for your answer.")
    expect(proposals.get_by_role("listitem")).to_have_text(
        [re.compile(r"A Japanese company\s+Waiting for the startup")]
    )
    expect(page.get_by_role("main")).not_to_contain_text("Kansai")
    screenshot(page, "startup-dashboard-proposal")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Introductions"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Introductions")
    row = page.get_by_role("row", name=re.compile(PRIVATE_NEED))
    expect(row.get_by_role("cell").nth(2)).to_have_text("Waiting for the startup")
    expect(row.get_by_role("cell").nth(3)).to_have_text(
        "Your answer is needed: accept or decline the introduction."
    )
    row.get_by_role("link", name="A Japanese company").click()

    # The proposal: the need and why it fits, but not who the company is.
    expect(page.get_by_role("heading", level=1)).to_contain_text("A Japanese company")
    main = page.get_by_role("main")
    expect(main).to_contain_text(PRIVATE_NEED)
    expect(main).to_contain_text("Both work on battery management")
    for private in ("Kansai", PAIR_CORPORATE_PROFILE.contact_email, "Taro Yamada"):
        expect(main).not_to_contain_text(private)
    answer = page.get_by_role("region", name="Your answer")
    expect(answer).to_contain_text("Contact details are exchanged only when both sides")
    screenshot(page, "startup-introduction")
    answer.get_by_role("button", name="Yes, introduce us").click()

    expect(page.get_by_role("status")).to_have_text("Thank you: you accepted the introduction.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waiting for the company")
    expect(page.get_by_text("Waiting for the other side to answer.")).to_be_visible()
    expect(page.get_by_role("region", name="Your answer")).to_have_count(0)
    # Still anonymous: the names and contacts are exchanged once the company accepts too.
    expect(page.get_by_role("heading", level=1)).to_contain_text("A Japanese company")
    expect(main).not_to_contain_text("Kansai")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Dashboard"
    ).click()
    proposals = page.get_by_role("region", name="Introductions")
    expect(proposals.get_by_role("listitem")).to_have_text(
        [re.compile(r"A Japanese company\s+Waiting for the company")]
    )
    expect(proposals).not_to_contain_text("waiting for your answer")

    # What companies are looking for: the open needs, a private company's name withheld.
    page.get_by_role("link", name="What companies are looking for").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What companies are looking for")
    needs = page.get_by_role("article")
    expect(needs).to_have_count(2)
    private_need = needs.filter(has=page.get_by_role("heading", name=PRIVATE_NEED))
    expect(private_need).to_contain_text("A Japanese company")
    expect(private_need).to_contain_text("Automotive")
    public_need = needs.filter(has=page.get_by_role("heading", name=PUBLIC_NEED))
    expect(public_need).to_contain_text(PUBLIC_COMPANY)
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("Kansai")
    expect(main).not_to_contain_text(PAUSED_NEED)
    screenshot(page, "startup-needs")
