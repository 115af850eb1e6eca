"""Build an acknowledgement email: plain text and HTML, threaded, marked as automatic."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime, make_msgid

from channels.base import Outgoing
from models import utcnow

# RFC 5322's hard limit rather than the 78-character fold: a folded Message-ID or In-Reply-To
# (a long id moved alone onto a continuation line) confuses some mail clients' threading.
# Bodies are 7-bit (quoted-printable when not ASCII), so any SMTP server takes them as they are.
POLICY = default.clone(max_line_length=998, cte_type="7bit")
WIRE_POLICY = POLICY.clone(linesep="\r\n")


def compose_email(out: Outgoing, from_address: str, from_name: str) -> EmailMessage:
    """The message as it goes on the wire; ``Auto-Submitted`` stops auto-reply loops (RFC 3834)."""
    msg = EmailMessage(policy=POLICY)
    msg["From"] = Address(display_name=from_name, addr_spec=from_address)
    msg["To"] = out.recipient
    msg["Subject"] = out.subject or ""
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = out.meta.get("message_id") or make_msgid(
        idstring=f"doorstep.{out.outbound_id}", domain=from_address.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    if out.meta.get("in_reply_to"):
        msg["In-Reply-To"] = out.meta["in_reply_to"]
        msg["References"] = " ".join(out.meta.get("references") or [out.meta["in_reply_to"]])
    msg.set_content(out.body_text)
    if out.body_html:
        msg.add_alternative(out.body_html, subtype="html")
    return msg


def wire_bytes(msg: EmailMessage) -> bytes:
    """The message as sent over SMTP: CRLF line ends, headers unfolded below 998 characters."""
    return msg.as_bytes(policy=WIRE_POLICY)
