"""`wirebrief digest --send` against a real SMTP server on 127.0.0.1 (aiosmtpd), and the
ways a server says no: a closed port, a refused login, a refused recipient."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import DemoRun, cli, write_config

pytestmark = pytest.mark.xdist_group("demo")

BASE = "https://example.org/briefing/"


@dataclass
class Inbox:
    """An aiosmtpd handler keeping what it was sent; refuses recipients named blocked@."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          rcpt_options: list[str]) -> str:
        if address.startswith("blocked@"):
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Password:
    """Accepts one login only: reader / the password in the test's environment."""

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"reader" \
            and auth_data.password == b"s3cret"
        return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=Password(),
                            auth_require_tls=False)
    controller.start()
    yield inbox, port
    controller.stop()


def digest_config(demo_run: DemoRun, folder: Path, port: int, to: str = '["reader@example.org"]',
                  more: str = "") -> Path:
    shutil.copy(demo_run.database, folder / "wirebrief.db")
    return write_config(folder, demo_run.server.base_url, extra=f"""
[digest]
smtp_host = "127.0.0.1"
smtp_port = {port}
from = "briefing@example.org"
to = {to}
{more}
""")


def test_sent_digest_arrives_whole(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "s3cret")
    config = digest_config(demo_run, tmp_path, port, to='["reader@example.org", "desk@example.org"]',
                           more='username = "reader"\npassword_env = "WIREBRIEF_TEST_SMTP_PASSWORD"')
    result = cli("digest", "--config", str(config), "--send")
    assert "sent to 2 recipients" in result.stdout
    [(sender, recipients, data)] = inbox.messages
    assert sender == "briefing@example.org"
    assert recipients == ["reader@example.org", "desk@example.org"]
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["To"] == "reader@example.org, desk@example.org"
    assert message["List-Unsubscribe"] == "<mailto:briefing@example.org?subject=unsubscribe>"
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    assert BASE + "stories/" in text.get_content()
    assert "<script" not in html.get_content()


def test_refused_connection_is_one_line(demo_run: DemoRun, tmp_path: Path) -> None:
    config = digest_config(demo_run, tmp_path, free_port())  # nothing listens there
    result = cli("digest", "--config", str(config), "--send", check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("wirebrief: error: cannot connect to SMTP server 127.0.0.1:")
    assert "refused" in line.lower()


def test_refused_login_is_one_line(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "wrong")
    config = digest_config(demo_run, tmp_path, port,
                           more='username = "reader"\npassword_env = "WIREBRIEF_TEST_SMTP_PASSWORD"')
    result = cli("digest", "--config", str(config), "--send", check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("wirebrief: error: SMTP server 127.0.0.1:")
    assert "refused the login of 'reader': 535" in line
    assert inbox.messages == []
    monkeypatch.delenv("WIREBRIEF_TEST_SMTP_PASSWORD")
    unset = cli("digest", "--config", str(config), "--send", check=False)
    assert unset.returncode == 1 and "$WIREBRIEF_TEST_SMTP_PASSWORD is not set" in unset.stderr


def test_refused_recipient_is_one_line(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    config = digest_config(demo_run, tmp_path, port, to='["blocked@example.org"]')
    result = cli("digest", "--config", str(config), "--send", check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert "refused every recipient: blocked@example.org (550 5.1.1 no such mailbox here)" in line
    assert inbox.messages == []
    some = digest_config(demo_run, tmp_path, port, to='["reader@example.org", "blocked@example.org"]')
    partly = cli("digest", "--config", str(some), "--send", check=False)
    assert partly.returncode == 1
    assert "refused 1 of 2 recipients: blocked@example.org" in partly.stderr
    assert [recipients for _, recipients, _ in inbox.messages] == [["reader@example.org"]]


def test_run_sends_the_digest_after_a_tick(demo_run: DemoRun, tmp_path: Path,
                                           smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    config = digest_config(demo_run, tmp_path, port, more="after_run = true")
    result = cli("run", "--config", str(config))
    assert "digest: 1 sent_to" in result.stdout
    assert len(inbox.messages) == 1
    assert (tmp_path / "build" / "index.html").exists()


def test_a_digest_that_cannot_be_sent_fails_the_tick_but_keeps_its_work(demo_run: DemoRun,
                                                                        tmp_path: Path) -> None:
    config = digest_config(demo_run, tmp_path, free_port(), more="after_run = true")
    result = cli("run", "--config", str(config), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(
        "wirebrief: error: DigestError: cannot connect to SMTP server 127.0.0.1:")
    assert (tmp_path / "build" / "index.html").exists()
