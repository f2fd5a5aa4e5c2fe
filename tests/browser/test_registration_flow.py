"""A startup registers, confirms its address from the mailed link, logs in."""

from tests.browser.conftest import fill_registration, log_in, open_confirmation_link, screenshot


def test_startup_registers_confirms_and_sees_dashboard(app, page):
    page.goto("/")
    page.get_by_role("link", name="Register a startup").click()
    page.get_by_label("a startup").check()
    fill_registration(page, "VoltCell Robotics GmbH", "Lena Vogel", "lena@voltcell.example")
    screenshot(page, "register")
    page.get_by_role("button", name="Create account").click()
    page.get_by_text("confirmation link to lena@voltcell.example").wait_for()

    open_confirmation_link(page, app)
    page.get_by_text("your email address is confirmed").wait_for()
    log_in(page, "lena@voltcell.example")

    page.get_by_role("heading", name="VoltCell Robotics GmbH").wait_for()
    assert page.get_by_text("Startup dashboard").is_visible()
    screenshot(page, "startup-dashboard")

    page.get_by_role("button", name="Log out").click()
    page.get_by_text("You are logged out.").wait_for()
