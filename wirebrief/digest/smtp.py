"""Sending a message with the ``[digest]`` SMTP settings.

Every way the server or the network can say no (refused connection, failed STARTTLS,
refused login, refused sender or recipient) becomes one ``DigestError`` line that names
the server and what it said, so cron mail and the terminal show the cause, not a
traceback. The password is read from the environment variable the config names, never
from a file.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage

from wirebrief.config_watch import DigestConfig
from wirebrief.digest.content import DigestError, one_line


def _said(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return one_line(f"{code} {words}", 200)


def _password(settings: DigestConfig) -> str | None:
    if not settings.password_env:
        return None
    password = os.environ.get(settings.password_env)
    if password is None:
        raise DigestError(f"${settings.password_env} is not set ([digest] password_env names it "
                          "as holding the SMTP password)")
    return password


Refused = dict[str, tuple[int, bytes]]


def _talk(settings: DigestConfig, message: EmailMessage, sender: str, password: str | None) -> Refused:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout_seconds) as smtp:
        smtp.ehlo()
        if settings.starttls:
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if settings.username:
            smtp.login(settings.username, password or "")
        return smtp.send_message(message, from_addr=sender, to_addrs=list(settings.to))


def send_message(settings: DigestConfig, message: EmailMessage) -> int:
    """Send ``message`` to ``[digest] to``; returns how many recipients took it."""
    if not settings.sender or not settings.to:
        raise DigestError("[digest] from and to must be set to send a digest")
    password = _password(settings)
    server = f"SMTP server {settings.smtp_host}:{settings.smtp_port}"
    try:
        refused = _talk(settings, message, settings.sender, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise DigestError(f"{server} refused the login of {settings.username!r}: "
                          f"{_said(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        said = "; ".join(f"{who} ({_said(*why)})" for who, why in sorted(exc.recipients.items()))
        raise DigestError(f"{server} refused every recipient: {said}") from None
    except smtplib.SMTPSenderRefused as exc:
        raise DigestError(f"{server} refused the sender {exc.sender!r}: "
                          f"{_said(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPResponseException as exc:
        raise DigestError(f"{server} said {_said(exc.smtp_code, exc.smtp_error)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DigestError(f"{server} does not support {one_line(str(exc), 120)} "
                          "(check [digest] starttls and username)") from None
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise DigestError(f"{server}: {one_line(str(exc), 200) or type(exc).__name__}") from None
    except OSError as exc:
        raise DigestError(f"cannot connect to {server}: {one_line(str(exc), 200)}") from None
    if refused:
        said = "; ".join(f"{who} ({_said(*why)})" for who, why in sorted(refused.items()))
        raise DigestError(f"{server} refused {len(refused)} of {len(settings.to)} recipients: {said} "
                          "(the others were sent the digest)")
    return len(settings.to)
