"""The mail service: outbox in development, real SMTP when configured."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink

from matchmaker.services.mail import OutgoingMail, send_mail


class Recorder(Sink):
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, recorder
    controller.stop()


def test_without_smtp_mail_lands_in_outbox(app, outbox):
    with app.app_context():
        send_mail(OutgoingMail(to="a@example.com", subject="Grüße · ご挨拶", text="Hallo 日本"))
    [message] = outbox()
    assert message["Subject"] == "Grüße · ご挨拶"
    assert message.get_body().get_content().strip() == "Hallo 日本"


def test_a_subject_made_of_a_name_with_a_line_break_is_sent_on_one_line(app, outbox):
    # Names imported or saved before forms refused line breaks end up in subjects.
    with app.app_context():
        send_mail(OutgoingMail(to="a@example.com", subject="Intro: Evil\r\nGmbH", text="Hi"))
    [message] = outbox()
    assert message["Subject"] == "Intro: Evil GmbH"


def test_with_smtp_configured_mail_goes_through_the_server(make_app, smtp_server, tmp_path):
    controller, recorder = smtp_server
    app = make_app(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False)
    with app.app_context():
        send_mail(
            OutgoingMail(to="kenji@example.jp", subject="ようこそ", text="本文", html="<p>x</p>")
        )

    [envelope] = recorder.envelopes
    assert envelope.rcpt_tos == ["kenji@example.jp"]
    assert b"Subject: =?utf-8?" in envelope.content
    assert not (tmp_path / "outbox").exists()
