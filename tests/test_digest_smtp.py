"""`wirebrief digest --send` against a real SMTP server on 127.0.0.1 (aiosmtpd), and the
ways a server says no: a closed port, a refused login, a refused recipient, a STARTTLS
the client skipped or a certificate it does not trust; and the one digest a day of
`after_run`."""

from __future__ import annotations

import email
import email.policy
import ipaddress
import shutil
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import DemoRun, cli, write_config
from wirebrief.config import load_config
from wirebrief.digest import DigestError, send_daily_digest

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


LOGIN = 'username = "reader"\npassword_env = "WIREBRIEF_TEST_SMTP_PASSWORD"'


def failed_send(config: Path) -> str:
    """Send the digest, which must fail: the one line it writes to stderr."""
    result = cli("digest", "--config", str(config), "--send", check=False)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    return line


def test_sent_digest_arrives_whole(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "s3cret")
    config = digest_config(demo_run, tmp_path, port, to='["reader@example.org", "desk@example.org"]',
                           more=LOGIN)
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
    line = failed_send(config)
    assert line.startswith("wirebrief: error: cannot connect to SMTP server 127.0.0.1:")
    assert "refused" in line.lower()


def test_refused_login_is_one_line(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port = smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "wrong")
    config = digest_config(demo_run, tmp_path, port,
                           more=LOGIN)
    line = failed_send(config)
    assert line.startswith("wirebrief: error: SMTP server 127.0.0.1:")
    assert "refused the login of 'reader': 535" in line
    assert inbox.messages == []
    monkeypatch.delenv("WIREBRIEF_TEST_SMTP_PASSWORD")
    unset = cli("digest", "--config", str(config), "--send", check=False)
    assert unset.returncode == 1 and "$WIREBRIEF_TEST_SMTP_PASSWORD is not set" in unset.stderr


def test_refused_recipient_is_one_line(demo_run: DemoRun, tmp_path: Path, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    config = digest_config(demo_run, tmp_path, port, to='["blocked@example.org"]')
    line = failed_send(config)
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


def test_after_run_mails_one_digest_a_day(demo_run: DemoRun, tmp_path: Path,
                                          smtp: tuple[Inbox, int]) -> None:
    """Ticks are hourly: the first good tick of a day sends the digest, the others do not,
    and the next day's first tick sends again."""
    inbox, port = smtp
    config = load_config(digest_config(demo_run, tmp_path, port, more="after_run = true"))
    first = send_daily_digest(config, today=date(2026, 3, 1))
    again = send_daily_digest(config, today=date(2026, 3, 1))
    assert first["sent_to"] == 1 and again == {"already_sent_on": "2026-03-01"}
    assert len(inbox.messages) == 1
    assert send_daily_digest(config, today=date(2026, 3, 2))["sent_to"] == 1
    assert len(inbox.messages) == 2


def test_a_digest_that_failed_is_sent_by_the_next_tick(demo_run: DemoRun, tmp_path: Path,
                                                       smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    closed = load_config(digest_config(demo_run, tmp_path, free_port(), more="after_run = true"))
    with pytest.raises(DigestError):
        send_daily_digest(closed, today=date(2026, 3, 1))
    config = load_config(digest_config(demo_run, tmp_path, port, more="after_run = true"))
    assert send_daily_digest(config, today=date(2026, 3, 1))["sent_to"] == 1
    assert len(inbox.messages) == 1


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by its own key: (certificate, key) PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class TlsInbox(Inbox):
    """An inbox that also notes whether each message came over TLS."""

    encrypted: list[bool] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.encrypted.append(session.ssl is not None)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def tls_smtp(tmp_path: Path) -> Iterator[tuple[TlsInbox, int, Path]]:
    """A server that takes mail only after STARTTLS, with a certificate made for the test."""
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox, port = TlsInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=Password(),
                            tls_context=context, require_starttls=True)
    controller.start()
    yield inbox, port, cert
    controller.stop()




def test_starttls_sends_over_tls_and_logs_in(demo_run: DemoRun, tmp_path: Path,
                                             tls_smtp: tuple[TlsInbox, int, Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port, cert = tls_smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the test's certificate is the one trusted
    config = digest_config(demo_run, tmp_path, port, more=f"starttls = true\n{LOGIN}")
    result = cli("digest", "--config", str(config), "--send")
    assert "sent to 1 recipient" in result.stdout
    assert [recipients for _, recipients, _ in inbox.messages] == [["reader@example.org"]]
    assert inbox.encrypted == [True]


def test_a_server_that_requires_starttls_is_one_line_without_it(
        demo_run: DemoRun, tmp_path: Path, tls_smtp: tuple[TlsInbox, int, Path]) -> None:
    inbox, port, _ = tls_smtp
    config = digest_config(demo_run, tmp_path, port)
    line = failed_send(config)
    assert line.startswith("wirebrief: error: SMTP server 127.0.0.1:") and "STARTTLS" in line
    assert inbox.messages == []


def test_an_untrusted_certificate_is_one_line(demo_run: DemoRun, tmp_path: Path,
                                              tls_smtp: tuple[TlsInbox, int, Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, port, _ = tls_smtp
    monkeypatch.setenv("WIREBRIEF_TEST_SMTP_PASSWORD", "s3cret")
    config = digest_config(demo_run, tmp_path, port, more=f"starttls = true\n{LOGIN}")
    line = failed_send(config)
    assert line.startswith("wirebrief: error: SMTP server 127.0.0.1:")
    assert "certificate verify failed" in line
    assert inbox.messages == []
