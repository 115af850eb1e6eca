"""Typed, validated settings: defaults, then doorstep.toml, then DOORSTEP_<SECTION>_<KEY> variables.

Secrets never come from the file. Each secret field names the environment variable it is read
from (``DOORSTEP_API_KEY`` for ``[api] key`` and so on); a secret written into the TOML file is
refused at load with the key named.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from gateway.errors import ConfigError
from triage import thresholds as review

CATEGORIES = ("complaint", "service_request", "asb_report", "compliment", "feedback", "enquiry")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def secret(env: str) -> Any:
    """A secret field: read only from the environment variable ``env``."""
    return Field(default=None, json_schema_extra={"secret_env": env})


class ServerSettings(Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    public_url: str = "http://127.0.0.1:8080"
    max_body_bytes: int = Field(default=26 * 1024 * 1024, gt=0)


class DatabaseSettings(Section):
    url: str = "sqlite+aiosqlite:///doorstep-data/doorstep.db"
    echo: bool = False


class StorageSettings(Section):
    data_dir: Path = Path("doorstep-data")


class OutboxSettings(Section):
    dir: Path = Path("doorstep-data/outbox")


class ApiSettings(Section):
    key: SecretStr | None = secret("DOORSTEP_API_KEY")


class SecuritySettings(Section):
    secret_key: SecretStr | None = secret("DOORSTEP_SECURITY_SECRET_KEY")
    cookie_secure: bool = False


class LandlordSettings(Section):
    name: str = "Example Homes"
    nation: Literal["england", "wales", "scotland", "northern_ireland"] = "england"
    timezone: str = "Europe/London"
    phone: str = "0113 496 0000"
    email: str = "complaints@example.org"
    website: str = "https://www.example.org"
    complaints_url: str = "https://www.example.org/complaints"
    reference_prefix: str = Field(default="DS", pattern=r"^[A-Z]{2,6}$")
    complaints_team: str = "the Complaints Team"


class DeadlineSettings(Section):
    ack_working_days: int = Field(default=5, ge=1, le=5)
    stage1_working_days: int = Field(default=10, ge=1, le=10)
    stage2_working_days: int = Field(default=20, ge=1, le=20)
    # Response targets for the other categories that promise one (working days after receipt).
    other_response_working_days: dict[str, int] = Field(default_factory=lambda: {"enquiry": 10})


class TriageSettings(Section):
    model_path: Path | None = None
    review_threshold: float = Field(default=review.REVIEW_THRESHOLD, ge=0.0, le=1.0)
    thresholds: dict[str, float] = Field(default_factory=lambda: dict(review.DEFAULT_THRESHOLDS))
    other_language_threshold: float = Field(
        default=review.OTHER_LANGUAGE_THRESHOLD, ge=0.0, le=1.0)

    @field_validator("thresholds", mode="before")
    @classmethod
    def _over_defaults(cls, value: Any) -> Any:
        """A category left out of the file keeps its tuned default; unknown names are refused."""
        if not isinstance(value, dict):
            return value
        unknown = sorted(set(value) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categories {unknown}; expected some of {list(CATEGORIES)}")
        return {**review.DEFAULT_THRESHOLDS, **value}

    def threshold_for(self, category: str) -> float:
        """The confidence below which a ``category`` prediction goes to review."""
        return self.thresholds.get(category, self.review_threshold)

    def needs_review(self, category: str, confidence: float, language: str | None) -> bool:
        """Below its category's threshold (higher for other languages) a prediction waits."""
        return review.needs_review(category, confidence, language, self.thresholds,
                                       self.review_threshold, self.other_language_threshold)


class UploadSettings(Section):
    max_file_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    max_files: int = Field(default=5, ge=0)
    allowed_types: tuple[str, ...] = (
        "image/jpeg", "image/png", "image/gif", "image/heic", "image/webp",
        "application/pdf", "text/plain",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


class WorkerSettings(Section):
    poll_seconds: float = Field(default=1.0, gt=0)
    lease_seconds: float = Field(default=60.0, gt=0)
    max_attempts: int = Field(default=8, ge=1)
    retry_base_seconds: float = Field(default=5.0, gt=0)
    inline_timeout_seconds: float = Field(default=10.0, gt=0)


class SmtpSettings(Section):
    host: str = ""
    port: int = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str = ""
    password: SecretStr | None = secret("DOORSTEP_SMTP_PASSWORD")
    from_address: str = "complaints@example.org"
    from_name: str = "Example Homes"
    timeout_seconds: float = 30.0


class MailboxSettings(Section):
    """One IMAP mailbox Doorstep takes mail from; its password comes from ``password_env``."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,99}$")
    host: str = Field(min_length=1)
    port: int = Field(default=993, ge=1, le=65535)
    security: Literal["tls", "starttls", "none"] = "tls"
    username: str = Field(min_length=1)
    password_env: str = Field(pattern=r"^[A-Z_][A-Z0-9_]*$")
    ca_file: Path | None = None
    folder: str = "INBOX"
    tag: str | None = None
    after: Literal["flag", "move"] = "flag"
    move_to: str = "Doorstep/Processed"
    flag: str = "\\Seen"
    first_run: Literal["all", "new"] = "all"

    @model_validator(mode="before")
    @classmethod
    def _no_password_in_file(cls, data: Any) -> Any:
        if isinstance(data, dict) and "password" in data:
            raise ValueError("a mailbox password is never read from the file: put it in an "
                             "environment variable and give that variable's name as password_env")
        return data

    def password(self) -> str:
        """The password from the environment; ConfigError naming the variable if it is unset."""
        value = os.environ.get(self.password_env)
        if not value:
            raise ConfigError(f"[email] mailbox {self.name!r}: the environment variable "
                              f"{self.password_env} (password_env) is not set")
        return value


class EmailSettings(Section):
    mailboxes: tuple[MailboxSettings, ...] = ()
    poll_seconds: float = Field(default=60.0, gt=0)
    idle_seconds: float = Field(default=300.0, gt=0, le=300)
    reconnect_max_seconds: float = Field(default=300.0, gt=0)
    max_message_bytes: int = Field(default=25 * 1024 * 1024, gt=0)
    ack_limit_per_sender: int = Field(default=5, ge=0)

    @field_validator("mailboxes")
    @classmethod
    def _distinct_names(cls, boxes: tuple[MailboxSettings, ...]) -> tuple[MailboxSettings, ...]:
        names = [box.name for box in boxes]
        if len(set(names)) != len(names):
            raise ValueError(f"two mailboxes share a name: {sorted(names)}")
        return boxes


PUBLIC_REPLY = "Thanks for getting in touch. Please send us a private message so we can help."


class MetaSettings(Section):
    """Facebook Messenger, Instagram and WhatsApp Cloud API, through Meta's webhooks and Graph API."""

    verify_token: SecretStr | None = secret("DOORSTEP_META_VERIFY_TOKEN")
    app_secret: SecretStr | None = secret("DOORSTEP_META_APP_SECRET")
    page_access_token: SecretStr | None = secret("DOORSTEP_META_PAGE_ACCESS_TOKEN")
    whatsapp_token: SecretStr | None = secret("DOORSTEP_META_WHATSAPP_TOKEN")
    graph_base_url: str = "https://graph.facebook.com"
    graph_version: str = Field(default="v21.0", pattern=r"^v\d+\.\d+$")
    page_id: str = "me"
    whatsapp_phone_number_id: str = ""
    whatsapp_template_name: str = ""
    whatsapp_template_language: str = "en_GB"
    whatsapp_template_body_text: bool = False
    messenger_tag: str = ""
    public_reply: str = Field(default=PUBLIC_REPLY, min_length=1, max_length=500)
    fetch_media: bool = True
    timeout_seconds: float = Field(default=10.0, gt=0)


class XSettings(Section):
    """X (Twitter) direct messages and mentions, through the Account Activity API."""

    consumer_secret: SecretStr | None = secret("DOORSTEP_X_CONSUMER_SECRET")
    access_token: SecretStr | None = secret("DOORSTEP_X_ACCESS_TOKEN")
    account_id: str = ""
    api_base_url: str = "https://api.x.com"
    public_reply: str = Field(default=PUBLIC_REPLY, min_length=1, max_length=280)
    timeout_seconds: float = Field(default=10.0, gt=0)


class TwilioSettings(Section):
    """SMS through Twilio: inbound webhooks are checked with the auth token; sending needs all."""

    account_sid: str = Field(default="", pattern=r"^(AC[0-9a-fA-F]{32})?$")
    auth_token: SecretStr | None = secret("DOORSTEP_TWILIO_AUTH_TOKEN")
    from_number: str = ""
    messaging_service_sid: str = Field(default="", pattern=r"^(MG[0-9a-fA-F]{32})?$")
    api_base_url: str = Field(default="https://api.twilio.com", pattern=r"^https?://[^/\s]+$")
    max_segments: int = Field(default=2, ge=1, le=10)
    timeout_seconds: float = Field(default=10.0, gt=0)

    @model_validator(mode="after")
    def _a_sender(self) -> "TwilioSettings":
        if self.account_sid and not (self.from_number or self.messaging_service_sid):
            raise ValueError("give from_number or messaging_service_sid to send from")
        return self

    @property
    def can_send(self) -> bool:
        return bool(self.account_sid and self.auth_token and self.auth_token.get_secret_value())


class RoutingSettings(Section):
    # The team queue each category is handed to; unlisted categories use their own name.
    queues: dict[str, str] = Field(default_factory=lambda: {
        "complaint": "complaints", "service_request": "repairs", "asb_report": "asb",
        "compliment": "customer_experience", "feedback": "customer_experience",
        "enquiry": "customer_services",
    })

    def queue_for(self, category: str) -> str:
        return self.queues.get(category, category)


class Settings(BaseSettings):
    """Everything Doorstep reads at start-up, one table per concern."""

    model_config = SettingsConfigDict(
        env_prefix="DOORSTEP_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        extra="forbid",
        frozen=True,
    )

    server: ServerSettings = ServerSettings()
    database: DatabaseSettings = DatabaseSettings()
    storage: StorageSettings = StorageSettings()
    outbox: OutboxSettings = OutboxSettings()
    api: ApiSettings = ApiSettings()
    security: SecuritySettings = SecuritySettings()
    landlord: LandlordSettings = LandlordSettings()
    deadlines: DeadlineSettings = DeadlineSettings()
    triage: TriageSettings = TriageSettings()
    uploads: UploadSettings = UploadSettings()
    worker: WorkerSettings = WorkerSettings()
    smtp: SmtpSettings = SmtpSettings()
    email: EmailSettings = EmailSettings()
    twilio: TwilioSettings = TwilioSettings()
    routing: RoutingSettings = RoutingSettings()
    meta: MetaSettings = MetaSettings()
    x: XSettings = XSettings()

    @classmethod
    def settings_customise_sources(
        cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings)


def secret_keys() -> dict[tuple[str, str], str]:
    """``(section, key) -> environment variable`` for every secret field."""
    found = {}
    for section, field in Settings.model_fields.items():
        for key, info in field.annotation.model_fields.items():
            extra = info.json_schema_extra or {}
            if isinstance(extra, dict) and "secret_env" in extra:
                found[(section, key)] = extra["secret_env"]
    return found


def read_toml(path: Path) -> dict[str, Any]:
    """Read a config file, refusing secrets written into it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from e
    for (section, key), env in secret_keys().items():
        if key in data.get(section, {}):
            raise ConfigError(
                f"{path}: [{section}] {key} is a secret; set it in the environment as {env}"
            )
    return data


def load_settings(path: Path | str | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment, then ``overrides``."""
    file_data = read_toml(Path(path)) if path else {}
    try:
        from_file_and_env = Settings(**_merge(file_data, _env_layer()))
        if not overrides:
            return from_file_and_env
        return Settings(**_merge(from_file_and_env.model_dump(), overrides))
    except ValidationError as e:
        raise ConfigError(_describe(e)) from e


# Short names kept for the settings people reach for most: (variable, section, key).
ENV_ALIASES = (("DOORSTEP_PUBLIC_URL", "server", "public_url"),)


def _env_layer() -> dict[str, Any]:
    # pydantic-settings parses DOORSTEP_* variables, without the file or defaults mixed in.
    layer = EnvSettingsSource(Settings)()
    for variable, section, key in ENV_ALIASES:
        if variable in os.environ:
            layer.setdefault(section, {})[key] = os.environ[variable]
    return layer


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}")
    return "invalid settings: " + "; ".join(parts)
