"""A startup registers, confirms its address from the mailed link, logs in."""

import re
from pathlib import Path

from matchmaker.services.mail import read_outbox
from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD


def test_startup_registers_confirms_and_sees_dashboard(app, page):
    page.goto("/")
    page.get_by_role("link", name="Register a startup").click()
    page.get_by_label("a startup").check()
    page.get_by_label("Organisation name").fill("VoltCell Robotics GmbH")
    page.get_by_label("Your name").fill("Lena Vogel")
    page.get_by_label("Email address").fill("lena@voltcell.example")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    page.get_by_label("I have read and accept the privacy notice.").check()
    screenshot(page, "register")
    page.get_by_role("button", name="Create account").click()
    page.get_by_text("confirmation link to lena@voltcell.example").wait_for()

    [message] = read_outbox(Path(app.config["MAIL_OUTBOX_DIR"]))
    link = re.search(r"https?://\S+", message.get_body().get_content()).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_text("your email address is confirmed").wait_for()

    page.get_by_label("Email address").fill("lena@voltcell.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("heading", name="VoltCell Robotics GmbH").wait_for()
    assert page.get_by_text("Startup dashboard").is_visible()
    screenshot(page, "startup-dashboard")

    page.get_by_role("button", name="Log out").click()
    page.get_by_text("You are logged out.").wait_for()
