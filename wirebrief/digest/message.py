"""A digest as an email: multipart/alternative, plain text and email-safe HTML.

Email clients strip ``<style>`` blocks, block remote images and run no scripts, so the
HTML is tables with inline styles and nothing to load. Both parts come from Jinja2
templates: the HTML one autoescapes every value (scraped titles are hostile), and no
value from the store reaches a header without ``one_line``, so no data can add a header.
The Message-ID is made from the digest's day and its set of stories: the same data
gives the same id, and a mail client that has it already can tell.
"""

from __future__ import annotations

import email.policy
import email.utils
import textwrap
from email.message import EmailMessage
from functools import cache
from pathlib import Path

import jinja2

from wirebrief.config import Config
from wirebrief.digest.content import Digest, message_domain, one_line

TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["wrap"] = lambda text: textwrap.fill(text, width=76, initial_indent="   ",
                                                     subsequent_indent="   ")
    return env


def subject(digest: Digest) -> str:
    """One line: what, which day, and the lead story's title."""
    day = f", {digest.day}" if digest.day else ""
    if not digest.stories:
        return one_line(f"{digest.heading}{day}: no stories", 200)
    more = f" (+{len(digest.stories) - 1} more)" if len(digest.stories) > 1 else ""
    return one_line(f"{digest.heading}{day}: {digest.stories[0].title}", 180 - len(more)) + more


def unsubscribe_target(config: Config) -> str:
    """Where List-Unsubscribe points: the configured address or URL, else a mail to the
    sender, else the site (whose about page says who runs it)."""
    if config.digest.unsubscribe:
        return config.digest.unsubscribe
    if config.digest.sender:
        return f"mailto:{config.digest.sender}?subject=unsubscribe"
    return str(config.site.base_url)


def _dateline(digest: Digest) -> str:
    count = len(digest.stories)
    span = f"the {digest.days} days to {digest.day}" if digest.day else f"the last {digest.days} days"
    return f"{count} stor{'y' if count == 1 else 'ies'} from {span}"


def render_message(config: Config, digest: Digest) -> EmailMessage:
    """The whole message, headers included, ready to write as .eml or to send."""
    domain = message_domain(str(config.site.base_url))
    context = {
        "digest": digest, "subject": subject(digest), "dateline": _dateline(digest),
        "language": one_line(config.site.language, 20),
        "unsubscribe": unsubscribe_target(config),
        "empty": f"No stories in the last {digest.days} days.",
    }
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = context["subject"]
    message["From"] = config.digest.sender or f"wirebrief@{domain}"
    if config.digest.to:
        message["To"] = ", ".join(config.digest.to)
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = f"<digest.{digest.key}@{domain}>"
    message["List-Unsubscribe"] = f"<{context['unsubscribe']}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_environment().get_template("digest.txt").render(context), cte="quoted-printable")
    message.add_alternative(_environment().get_template("digest.html").render(context), subtype="html",
                            cte="quoted-printable")
    return message
