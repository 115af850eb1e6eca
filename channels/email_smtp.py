"""Sending email through an SMTP server with aiosmtplib: STARTTLS or implicit TLS, and AUTH.

What the server answers decides what happens next: a 4xx answer, a dropped connection or a
timeout may pass, so the outbox tries again later; a 5xx answer (a refused recipient, a refused
login, a rejected message) will not, so the send fails for good with the server's words kept.
"""

from __future__ import annotations

import ssl

import aiosmtplib

from channels.base import AckResult, Outgoing
from channels.email_compose import compose_email, wire_bytes
from gateway.settings import SmtpSettings


class SmtpDeliverer:
    """Delivers email; 4xx answers and connection errors are retried, 5xx answers are not."""

    channel = "email"

    def __init__(self, settings: SmtpSettings, tls_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.tls_context = tls_context

    async def send(self, out: Outgoing) -> AckResult:
        """Send ``out`` once; the result says whether another attempt could succeed."""
        s = self.settings
        message = compose_email(out, s.from_address, s.from_name)
        try:
            await aiosmtplib.send(
                wire_bytes(message), sender=s.from_address, recipients=[out.recipient],
                hostname=s.host, port=s.port, timeout=s.timeout_seconds,
                use_tls=s.security == "tls", start_tls=s.security == "starttls",
                username=s.username or None,
                password=s.password.get_secret_value() if s.password else None,
                tls_context=self.tls_context,
            )
        except (aiosmtplib.SMTPException, OSError) as e:
            return failure(e)
        return AckResult(ok=True, provider_id=message["Message-ID"])


def failure(error: Exception) -> AckResult:
    """The AckResult for a failed send: permanent for 5xx answers, retried for everything else."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        refused = error.recipients
        text = "; ".join(f"SMTP {r.code}: {r.message} (recipient {r.recipient})" for r in refused)
        return AckResult(ok=False, error=text or "all recipients refused",
                         retry=not any(r.code >= 500 for r in refused))
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return AckResult(ok=False, error=f"SMTP {error.code}: {error.message}",
                         retry=error.code < 500)
    if isinstance(error, aiosmtplib.SMTPNotSupported):
        # The server lacks STARTTLS or AUTH as configured: trying again will not change that.
        return AckResult(ok=False, error=f"SMTP server does not support it: {error.message}",
                         retry=False)
    return AckResult(ok=False, error=f"{type(error).__name__}: {error}", retry=True)
