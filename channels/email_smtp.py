"""Sending email through an SMTP server with aiosmtplib: STARTTLS or implicit TLS, and AUTH."""

from __future__ import annotations

import aiosmtplib

from channels.base import AckResult, Outgoing
from channels.email_compose import compose_email
from gateway.settings import SmtpSettings


class SmtpDeliverer:
    """Delivers email; 4xx answers and connection errors are retried, 5xx answers are not."""

    channel = "email"

    def __init__(self, settings: SmtpSettings, tls_context=None) -> None:
        self.settings = settings
        self.tls_context = tls_context

    async def send(self, out: Outgoing) -> AckResult:
        s = self.settings
        message = compose_email(out, s.from_address, s.from_name)
        try:
            await aiosmtplib.send(
                message, hostname=s.host, port=s.port, timeout=s.timeout_seconds,
                use_tls=s.security == "tls", start_tls=s.security == "starttls",
                username=s.username or None,
                password=s.password.get_secret_value() if s.password else None,
                tls_context=self.tls_context,
            )
        except aiosmtplib.SMTPResponseException as e:
            return AckResult(ok=False, error=f"SMTP {e.code}: {e.message}", retry=e.code < 500)
        except (aiosmtplib.SMTPException, OSError) as e:
            return AckResult(ok=False, error=f"{type(e).__name__}: {e}", retry=True)
        return AckResult(ok=True, provider_id=message["Message-ID"])
