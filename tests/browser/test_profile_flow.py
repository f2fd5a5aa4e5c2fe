"""A corporate registers, describes itself and a need in Japanese; staff approve both."""

from matchmaker.models import Role
from tests.browser.conftest import fill_registration, log_in, open_confirmation_link, screenshot


def test_corporate_adds_japanese_need_and_staff_approve(app, page, live_server, browser, make_user):
    page.goto("/auth/register?kind=corporate")
    fill_registration(page, "Kansai Precision Europe GmbH", "Kenji Tanaka", "tanaka@kansai.example")
    page.get_by_role("button", name="Create account").click()
    page.get_by_text("confirmation link").wait_for()
    open_confirmation_link(page, app)
    log_in(page, "tanaka@kansai.example")
    page.get_by_text("Company dashboard").wait_for()

    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Parent company in Japan").fill("Kansai Precision Co., Ltd.")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("City", exact=True).fill("Duesseldorf")
    page.get_by_label("Description", exact=True).fill(
        "European subsidiary of a Japanese maker of precision presses and servo drives."
    )
    page.get_by_label("Who decides on partnerships").select_option("headquarters")
    page.get_by_label("Manufacturing", exact=True).check()
    page.get_by_label("Japanese", exact=True).check()
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("sent to the Japan Desk for review").wait_for()

    page.get_by_role("link", name="Add a need").click()
    page.get_by_label("Title", exact=True).fill("プレス機の予知保全")
    page.get_by_label("What are you looking for?").fill(
        "工場のプレス機の故障を事前に検知するセンサーとAIを探しています。"
    )
    page.get_by_label("Predictive maintenance", exact=True).check()
    page.get_by_label("Pilot / proof of concept").check()
    page.get_by_role("button", name="Save need").click()
    page.get_by_role("heading", name="プレス機の予知保全").wait_for()
    screenshot(page, "corporate-dashboard")

    make_user(Role.STAFF, email="staff@example.com")
    staff = browser.new_context(base_url=live_server.url).new_page()
    log_in(staff, "staff@example.com")
    staff.get_by_role("link", name="Kansai Precision Europe GmbH").click()
    screenshot(staff, "staff-review")
    review = staff.locator("form", has=staff.get_by_role("button", name="Save review"))
    review.get_by_label("Approve: matchable and visible").check()
    review.get_by_role("button", name="Save review").click()
    staff.get_by_text("Review saved").wait_for()
    need = staff.locator("#need-1")
    need.get_by_label("Approve").check()
    need.get_by_role("button", name="Save").click()
    staff.get_by_text("Review saved: プレス機の予知保全").wait_for()
    staff.context.close()

    page.reload()
    assert page.get_by_text("Your profile is validated").is_visible()
    assert page.locator(".badge", has_text="Validated").count() == 2
